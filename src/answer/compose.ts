import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
} from 'discord.js';
import { paragraphAnswer, type Answer, type AnswerEngine, type NoMatch } from '../engine/engine.js';
import type { Article, Section } from '../knowledge/types.js';
import type { ListedPin } from '../pins/service.js';
import type { Pin } from '../store/types.js';
import { encodeActionIfItFits, type ButtonAction } from './custom-ids.js';
import { escapeForDiscord } from './escape.js';
import {
  DISCORD_LIMITS,
  clamp,
  clampEmbed,
  clampEmbeds,
  clampWords,
  codePointLength,
  embedLength,
} from './limits.js';
import type { Reply } from './responder.js';
import type { AtRisk } from '../safety/types.js';

/**
 * Plain Discord API JSON for every message the bot sends. The Discord adapter passes it on as it is;
 * the terminal chat renders the same object as text. Mentions are always off.
 */
export interface ComposedMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly allowed_mentions: { readonly parse: [] };
}

/** The crisis reply, from the knowledge file a server can adapt. */
export interface CrisisText {
  readonly title: string;
  /** Full text for a private reply. */
  readonly body: string;
  /** Short public text for a mention reply: resources only, nothing the person said. */
  readonly shortBody: string;
  /** When someone the person talks about is in danger: how to help, and the same resources. */
  readonly otherBody: string;
  /** One calm line above an ordinary answer when the message shows distress. */
  readonly concernLine: string;
}

export interface ComposeContext {
  readonly engine: AnswerEngine;
  readonly crisis: CrisisText;
  /** Where the reply goes: a public mention reply gets the short crisis text. */
  readonly surface: 'private' | 'public';
  /**
   * Whether moderators can pin here (default true). False where no server installed the bot: DMs, group
   * DMs, and servers where only the member installed it. Such answers carry no 📌 Pin answer button.
   */
  readonly pinnable?: boolean;
}

/** Options of one answer message. */
export interface AnswerOptions {
  /** Offer 📌 Pin answer (default true). */
  readonly pinnable?: boolean;
}

/** Shown when a button or pin points at a paragraph the article no longer has. */
const GONE = 'That part of the article is no longer available.';
export const DISCLAIMER = 'General information, not professional advice.';
/**
 * A runner-up from another section within this much confidence of the answer is offered as "Did you
 * mean…" (one at most). Measured on the question sets: at 0.03 an offer appears on about 12% of answers
 * (at 0.12 it was 28%) and every offer that pointed to the expected section on holdout, extra-b and extra-c
 * is still made.
 */
export const CLOSE_RUNNER_UP = 0.03;
const COLORS = { answer: 0x5865f2, pinned: 0xfee75c, noMatch: 0x99aab5, crisis: 0xed4245 } as const;
const NO_MENTIONS = { parse: [] } as { readonly parse: [] };
const BUTTON_PRIMARY = 1;
const BUTTON_SECONDARY = 2;

export function composeReply(reply: Reply, context: ComposeContext): ComposedMessage {
  if (reply.kind === 'crisis') return composeCrisis(context.crisis, context.surface, reply.about);
  const composed =
    reply.kind === 'no-match'
      ? composeNoMatch(context.engine, reply.noMatch)
      : composeAnswer(
          context.engine,
          reply.question,
          reply.answer,
          reply.kind === 'pinned' ? reply.pin : undefined,
          { pinnable: context.pinnable ?? true },
        );
  return reply.safety === 'concern' ? withConcernLine(composed, context.crisis.concernLine) : composed;
}

/** The answer stays as it is; one calm line with where to find support goes above it. */
function withConcernLine(composed: ComposedMessage, concernLine: string): ComposedMessage {
  const line = `💙 ${concernLine}`;
  return {
    ...composed,
    content: clamp(composed.content ? `${line}\n\n${composed.content}` : line, DISCORD_LIMITS.content),
  };
}

/** An answer: the section heading, the paragraph quoted verbatim with its best sentence in bold. */
export function composeAnswer(
  engine: AnswerEngine,
  question: string,
  answer: Answer,
  pin?: Pin,
  { pinnable = true }: AnswerOptions = {},
): ComposedMessage {
  const article = engine.findArticle(answer.articleId);
  const section = engine.findSection(answer.articleId, answer.sectionId);
  const paragraph = engine.findParagraph(answer.articleId, answer.paragraphId);
  if (!article || !section || !paragraph) return composeNotice(GONE);

  const head = pin
    ? [`📌 **Pinned by moderators** — <@${pin.pinnedBy}>, <t:${Math.floor(pin.pinnedAt / 1000)}:D>`, '']
    : [];
  const tail = ['', `-# ${DISCLAIMER}`];
  const frame: APIEmbed = clampEmbed({
    color: pin ? COLORS.pinned : COLORS.answer,
    author: question ? { name: `“${question}”` } : undefined,
    title: section.heading,
    footer: { text: footerFor(article, paragraph.id, answer.articleId) },
  });
  // A very long paragraph is shortened here, so the disclaimer is never the part that gets cut.
  const quoteBudget =
    Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - embedLength(frame)) -
    codePointLength([...head, ...tail].join('\n')) -
    1;
  const quote = clampWords(quoteWithEmphasis(paragraph.text, answer.bestSentence), quoteBudget);
  const embed: APIEmbed = { ...frame, description: [...head, quote, ...tail].join('\n') };

  // The section button only when the section holds more than the quoted paragraph.
  const rows: (APIButtonComponent | undefined)[][] = [
    [
      section.paragraphs.length > 1
        ? button('Read the full section', {
            type: 'section',
            articleId: article.id,
            sectionId: section.id,
            page: 0,
          })
        : undefined,
      button('Read the whole article', { type: 'article', articleId: article.id, page: 0 }),
      pinnable
        ? button(
            '📌 Pin answer',
            { type: 'pin', articleId: article.id, paragraphId: paragraph.id },
            BUTTON_PRIMARY,
          )
        : undefined,
    ],
  ];
  // At most one offer, and only from another section that is really close.
  const close = answer.alternatives.find(
    (alternative) =>
      alternative.sectionId !== answer.sectionId && alternative.score >= answer.score - CLOSE_RUNNER_UP,
  );
  if (close) {
    const heading = engine.findSection(close.articleId, close.sectionId)?.heading ?? close.sectionId;
    rows.push([
      button(`Did you mean: ${heading}?`, {
        type: 'alternative',
        articleId: close.articleId,
        paragraphId: close.paragraphId,
      }),
    ]);
  }
  rows.push(feedbackRow(article.id, paragraph.id));
  return message({ embeds: [embed], rows });
}

/** One chosen paragraph as an answer (a followed "Did you mean…"): no ranking, so no emphasis. */
export function composeParagraph(
  engine: AnswerEngine,
  question: string,
  articleId: string,
  paragraphId: string,
  options: AnswerOptions = {},
): ComposedMessage {
  const paragraph = engine.findParagraph(articleId, paragraphId);
  return paragraph
    ? composeAnswer(engine, question, paragraphAnswer(paragraph, 0), undefined, options)
    : composeNotice(GONE);
}

/** No match: say so plainly, list what the article covers, point at /article. */
export function composeNoMatch(engine: AnswerEngine, noMatch: NoMatch): ComposedMessage {
  const covered = engine.knowledge.articles.flatMap((article) =>
    article.sections.map((section) => `• ${escapeForDiscord(section.heading)}`),
  );
  const opening =
    noMatch.reason === 'empty'
      ? 'Ask me something about the article, for example: “Can I ask my therapist how she’s doing?”'
      : 'The article doesn’t cover that, so I won’t guess.';
  const titles = engine.knowledge.articles
    .map((article) => `“${escapeForDiscord(article.title)}”`)
    .join(', ');
  const embed: APIEmbed = {
    color: COLORS.noMatch,
    title: noMatch.reason === 'empty' ? 'What would you like to know?' : 'Not covered by the article',
    description: [
      opening,
      '',
      `${titles} covers:`,
      ...covered,
      '',
      'Use `/article` to read it in full.',
    ].join('\n'),
  };
  const rows: (APIButtonComponent | undefined)[][] = [];
  if (noMatch.reason === 'not-covered' && noMatch.nearestTopics.length > 0) {
    rows.push(
      noMatch.nearestTopics.slice(0, 3).map((topic) =>
        button(`Read: ${topic.heading}`, {
          type: 'section',
          articleId: topic.articleId,
          sectionId: topic.sectionId,
          page: 0,
        }),
      ),
    );
  }
  return message({ embeds: [embed], rows });
}

/**
 * Support first; the public version never repeats what the person wrote. When the danger is to someone
 * the person talks about, they get guidance on helping that person, with the same resources.
 */
export function composeCrisis(
  crisis: CrisisText,
  surface: 'private' | 'public',
  about: AtRisk = 'self',
): ComposedMessage {
  const description =
    about === 'other' ? crisis.otherBody : surface === 'public' ? crisis.shortBody : crisis.body;
  return message({
    embeds: [{ color: COLORS.crisis, title: crisis.title, description }],
  });
}

/** A short plain message: errors, refusals, rate limits. */
export function composeNotice(text: string): ComposedMessage {
  return {
    content: clamp(text, DISCORD_LIMITS.content),
    embeds: [],
    components: [],
    allowed_mentions: NO_MENTIONS,
  };
}

/** `reviewRetentionDays` is how long a server's review queue keeps a question's text (REVIEW_RETENTION_DAYS). */
export function composeHelp(engine: AnswerEngine, reviewRetentionDays = 30): ComposedMessage {
  const titles = engine.knowledge.articles
    .map((article) => `“${escapeForDiscord(article.title)}”`)
    .join(', ');
  return message({
    embeds: [
      {
        color: COLORS.answer,
        title: 'What I can do',
        description: [
          `I answer questions about ${titles} with the most relevant passage, quoted word for word.`,
          '',
          '• `/ask question:…` — ask privately or publicly (`private:true` only you see it)',
          '• Mention me with your question — I reply in the channel; or just DM me your question',
          '• **Find answer** (a message’s Apps menu) — the answer to that message, privately, with **Post as reply**',
          '• `/article` — read the article, or one section of it',
          '• Moderators can 📌 pin a good answer so similar questions get it first (`/pins`)',
          '• 👍 / 👎 under an answer tell the moderators whether it helped',
          '',
          '**What is stored**',
          '• A vote: which answer, 👍 or 👎, and a keyed hash of who voted (never your name or id), so you can change it. Deleted after 90 days.',
          '• Counts per day (questions answered, declined, crisis replies). Numbers only.',
          `• Only if moderators turn on the review queue (\`/settings review-queue\`): the text of questions I could not answer, or whose answer got 👎, for at most ${reviewRetentionDays} days, without your name, id or a link. Turning it off deletes them.`,
          '• Messages that sound like a crisis, or show distress, are never stored, only counted.',
          '• With forum auto-answer on: which posts were answered (the post’s id only), for 30 days.',
          '• When the bot leaves a server, that server’s votes, texts and counts are deleted.',
          '',
          `-# ${DISCLAIMER} If you are in crisis, contact local emergency services.`,
        ].join('\n'),
      },
    ],
  });
}

/**
 * One page of the article (or of one section) and the ◀ Prev / Next ▶ buttons when there is more than
 * one page. Pages are cut from the text deterministically, so a page number in a button always means
 * the same page.
 */
export function composeArticlePage(
  engine: AnswerEngine,
  articleId: string,
  sectionId: string | undefined,
  requestedPage: number,
): ComposedMessage {
  const article = engine.findArticle(articleId);
  const sections =
    article?.sections.filter((section) => sectionId === undefined || section.id === sectionId) ?? [];
  if (!article || sections.length === 0) return composeNotice(GONE);

  const pages = paginate(article, sections);
  const pageIndex = Math.min(Math.max(0, requestedPage), pages.length - 1);
  const embeds = (pages[pageIndex] ?? []).map((embed) => ({ ...embed }));
  const first = embeds[0];
  // The article's title heads every page, so a page read on its own says what it is from.
  if (first) first.author = { name: clamp(article.title, DISCORD_LIMITS.embedAuthorName) };
  const last = embeds[embeds.length - 1];
  if (last) {
    const pageNote = pages.length > 1 ? ` · page ${pageIndex + 1} of ${pages.length}` : '';
    last.footer = { text: `${article.title}${article.source ? ` · ${article.source}` : ''}${pageNote}` };
  }
  const rows: (APIButtonComponent | undefined)[][] = [];
  if (pages.length > 1) {
    const target = (page: number): ButtonAction =>
      sectionId === undefined
        ? { type: 'article', articleId, page }
        : { type: 'section', articleId, sectionId, page };
    rows.push([
      button('◀ Prev', target(Math.max(0, pageIndex - 1)), BUTTON_SECONDARY, 'p', pageIndex === 0),
      button(
        'Next ▶',
        target(Math.min(pages.length - 1, pageIndex + 1)),
        BUTTON_SECONDARY,
        'n',
        pageIndex === pages.length - 1,
      ),
    ]);
  }
  return message({ embeds, rows });
}

/** How many pages `composeArticlePage` has for the article, or for one of its sections. */
export function articlePageCount(engine: AnswerEngine, articleId: string, sectionId?: string): number {
  const article = engine.findArticle(articleId);
  const sections =
    article?.sections.filter((section) => sectionId === undefined || section.id === sectionId) ?? [];
  return article && sections.length > 0 ? paginate(article, sections).length : 0;
}

/** Room kept on every page for the footer and the heading of a continued section. */
const PAGE_BUDGET = DISCORD_LIMITS.embedTotal - 600;
const DESCRIPTION_BUDGET = DISCORD_LIMITS.embedDescription - 96;
const EMBEDS_PER_PAGE = DISCORD_LIMITS.embedsPerMessage;

/** Packs sections into pages of embeds: one embed per section part, paragraphs never split unless huge. */
export function paginate(article: Article, sections: readonly Section[]): APIEmbed[][] {
  const embeds: { title: string; description: string }[] = [];
  for (const section of sections) {
    let part = '';
    let partNumber = 0;
    const flush = (): void => {
      if (!part) return;
      const title = partNumber === 0 ? section.heading : `${section.heading} (continued)`;
      embeds.push({ title: clamp(title, DISCORD_LIMITS.embedTitle), description: part });
      part = '';
      partNumber++;
    };
    for (const paragraph of section.paragraphs) {
      const text = clamp(escapeForDiscord(paragraph.text), DESCRIPTION_BUDGET);
      if (part && codePointLength(part) + 2 + codePointLength(text) > DESCRIPTION_BUDGET) flush();
      part = part ? `${part}\n\n${text}` : text;
    }
    flush();
  }
  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let used = 0;
  for (const embed of embeds) {
    const size = codePointLength(embed.title) + codePointLength(embed.description);
    if (page.length > 0 && (used + size > PAGE_BUDGET || page.length >= EMBEDS_PER_PAGE)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push({ color: COLORS.answer, ...embed });
    used += size;
  }
  if (page.length > 0) pages.push(page);
  return pages.length > 0 ? pages : [[{ title: clamp(article.title, DISCORD_LIMITS.embedTitle) }]];
}

function footerFor(article: Article, paragraphId: string, articleId: string): string {
  const all = article.sections.flatMap((section) => section.paragraphs);
  const position = all.findIndex(
    (paragraph) => paragraph.id === paragraphId && paragraph.articleId === articleId,
  );
  const source = article.source ? ` · Source: ${article.source}` : '';
  return `${article.title} · ¶ ${position + 1} of ${all.length}${source}`;
}

/** The paragraph as a block quote, the sentence that best answers the question in bold. */
export function quoteWithEmphasis(text: string, sentence: string): string {
  const at = sentence ? text.indexOf(sentence) : -1;
  const body =
    at < 0
      ? escapeForDiscord(text)
      : `${escapeForDiscord(text.slice(0, at))}**${escapeForDiscord(sentence)}**${escapeForDiscord(text.slice(at + sentence.length))}`;
  return body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * A button, or undefined when its action does not fit in a custom_id (ids of sections with very long
 * headings): the message is still sent, without that button, instead of failing altogether.
 */
/** 👍 / 👎 on every answer; the vote is tied to the answer message and the voter, never shown. */
function feedbackRow(articleId: string, paragraphId: string): (APIButtonComponent | undefined)[] {
  return [
    button('👍 Helpful', { type: 'vote', helpful: true, articleId, paragraphId }),
    button('👎 Not helpful', { type: 'vote', helpful: false, articleId, paragraphId }),
  ];
}

function button(
  label: string,
  action: ButtonAction,
  style: typeof BUTTON_PRIMARY | typeof BUTTON_SECONDARY = BUTTON_SECONDARY,
  slot?: string,
  disabled?: boolean,
): APIButtonComponent | undefined {
  const customId = encodeActionIfItFits(action, slot);
  if (customId === undefined) return undefined;
  return {
    type: 2,
    style,
    label: clamp(label, DISCORD_LIMITS.buttonLabel),
    custom_id: customId,
    ...(disabled === undefined ? {} : { disabled }),
  };
}

function message({
  embeds,
  rows = [],
}: {
  embeds: APIEmbed[];
  rows?: (APIButtonComponent | undefined)[][];
}): ComposedMessage {
  return {
    embeds: clampEmbeds(embeds),
    components: rows
      .map((row) => row.filter((component) => component !== undefined))
      .filter((row) => row.length > 0)
      .slice(0, DISCORD_LIMITS.actionRows)
      .map((row) => ({ type: 1, components: row.slice(0, DISCORD_LIMITS.buttonsPerRow) })),
    allowed_mentions: NO_MENTIONS,
  };
}

export const PINS_PER_PAGE = 10;

/** `/pins list`: each pin with who pinned it and when; stale pins are marked, not hidden. */
export function composePinsPage(
  engine: AnswerEngine,
  pins: readonly ListedPin[],
  requestedPage: number,
): ComposedMessage {
  if (pins.length === 0) {
    return composeNotice(
      'No pinned answers in this server yet. Use 📌 Pin answer on a good answer, or `/pins add`.',
    );
  }
  const pageCount = Math.ceil(pins.length / PINS_PER_PAGE);
  const page = Math.min(Math.max(0, requestedPage), pageCount - 1);
  const lines = pins.slice(page * PINS_PER_PAGE, (page + 1) * PINS_PER_PAGE).map(({ pin, staleness }) => {
    const heading = engine.findSection(pin.articleId, pin.sectionId)?.heading ?? pin.sectionId;
    const stale =
      staleness === 'fresh'
        ? ''
        : ` · ⚠️ **stale** (${staleness === 'section-gone' ? 'section gone' : 'paragraph changed'}; not served)`;
    const question = clamp(escapeForDiscord(pin.question), 120);
    return `**#${pin.id}** “${question}” → ${escapeForDiscord(heading)} · <@${pin.pinnedBy}> <t:${Math.floor(pin.pinnedAt / 1000)}:R>${stale}`;
  });
  const rows: (APIButtonComponent | undefined)[][] = [];
  if (pageCount > 1) {
    rows.push([
      button('◀ Prev', { type: 'pins-page', page: Math.max(0, page - 1) }, BUTTON_SECONDARY, 'p', page === 0),
      button(
        'Next ▶',
        { type: 'pins-page', page: Math.min(pageCount - 1, page + 1) },
        BUTTON_SECONDARY,
        'n',
        page === pageCount - 1,
      ),
    ]);
  }
  return message({
    embeds: [
      {
        color: COLORS.pinned,
        title: `📌 Pinned answers (${pins.length})`,
        description: lines.join('\n'),
        footer: { text: `Page ${page + 1} of ${pageCount} · /pins remove to unpin` },
      },
    ],
    rows,
  });
}

/** The question an answer message was given for (kept in the embed's author line). */
export function questionOfMessage(embeds: readonly { author?: { name?: string } | null }[]): string {
  const name = embeds[0]?.author?.name ?? '';
  return name.replace(/^“/, '').replace(/”$/, '');
}
