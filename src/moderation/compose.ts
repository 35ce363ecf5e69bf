import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import type { ComposedMessage } from '../answer/compose.js';
import { encodeAction } from '../answer/custom-ids.js';
import { escapeForDiscord } from '../answer/escape.js';
import { clamp, clampEmbeds, DISCORD_LIMITS } from '../answer/limits.js';
import { findSections } from '../answer/sections.js';
import type { AnswerEngine } from '../engine/engine.js';
import type { QueueEntry } from '../store/moderation-store.js';
import type { StatsSummary } from './stats.js';

/** Plain API JSON for /review, /stats and /settings, like the answer composer. Mentions off. */

const NO_MENTIONS = { parse: [] } as { readonly parse: [] };
const COLOR = 0x5865f2;
const BUTTON_SECONDARY = 2;
const BUTTON_DANGER = 4;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

function message(embeds: APIEmbed[], components: Row[] = []): ComposedMessage {
  return { embeds: clampEmbeds(embeds), components, allowed_mentions: NO_MENTIONS };
}

/** One queued question: its text, how often, why, "Answer with…", Dismiss and Next. */
export function composeReviewEntry(
  engine: AnswerEngine,
  entry: QueueEntry,
  options: { readonly articleId?: string } = {},
): ComposedMessage {
  const why =
    entry.reason === 'declined'
      ? 'Declined: the bot said the article does not cover it.'
      : `Not helpful: a member voted 👎 on the answer from “${escapeForDiscord(
          (entry.articleId &&
            entry.sectionId &&
            engine.findSection(entry.articleId, entry.sectionId)?.heading) ||
            'a section no longer in the article',
        )}”.`;
  const embed: APIEmbed = {
    color: COLOR,
    title: 'Review queue',
    description: clamp(`> ${escapeForDiscord(entry.question)}`, 3000),
    fields: [
      { name: 'Asked', value: `${entry.times} ${entry.times === 1 ? 'time' : 'times'}`, inline: true },
      { name: 'Why it is here', value: why, inline: false },
    ],
    footer: { text: 'Choose the section that answers it: the answer is pinned for this question.' },
  };
  const sections = findSections(engine, '');
  const articles = engine.knowledge.articles;
  const chosenArticle = options.articleId;
  // With more sections than one select can hold, the article is chosen first.
  const select: Row =
    sections.length > DISCORD_LIMITS.choices && !chosenArticle
      ? selectRow(
          encodeAction({ type: 'review-article', entryId: entry.id }),
          'Answer with… (choose the article)',
          articles
            .slice(0, DISCORD_LIMITS.choices)
            .map((article) => ({ label: article.title, value: article.id })),
        )
      : selectRow(
          encodeAction({ type: 'review-pin', entryId: entry.id }),
          'Answer with…',
          sections
            .filter((section) => !chosenArticle || section.articleId === chosenArticle)
            .slice(0, DISCORD_LIMITS.choices)
            .map((section) => ({ label: section.label, value: section.value })),
        );
  const buttons: Row = {
    type: 1,
    components: [
      {
        type: 2,
        style: BUTTON_DANGER,
        label: 'Dismiss',
        custom_id: encodeAction({ type: 'review-dismiss', entryId: entry.id }),
      },
      {
        type: 2,
        style: BUTTON_SECONDARY,
        label: 'Next',
        custom_id: encodeAction({ type: 'review-next', entryId: entry.id }),
      },
    ],
  };
  return message([embed], [select, buttons]);
}

function selectRow(customId: string, placeholder: string, options: { label: string; value: string }[]): Row {
  return {
    type: 1,
    components: [
      {
        type: 3,
        custom_id: customId,
        placeholder,
        min_values: 1,
        max_values: 1,
        options: options.map((option) => ({
          label: clamp(option.label, DISCORD_LIMITS.selectOptionLabel),
          value: option.value.slice(0, DISCORD_LIMITS.selectOptionValue),
        })),
      },
    ],
  };
}

export function composeQueueNotice(text: string): ComposedMessage {
  return message([{ color: COLOR, title: 'Review queue', description: text }]);
}

/** /stats: every figure with its own label; the chart attached as `stats.png`, or a text sparkline. */
export function composeStats(
  engine: AnswerEngine,
  summary: StatsSummary,
  chart: { readonly kind: 'png'; readonly name: string } | { readonly kind: 'text'; readonly text: string },
): ComposedMessage {
  const heading = (articleId: string | undefined, sectionId: string): string => {
    for (const article of engine.knowledge.articles) {
      if (articleId && article.id !== articleId) continue;
      const section = article.sections.find((entry) => entry.id === sectionId);
      if (section) return section.heading;
    }
    return sectionId;
  };
  const t = summary.totals;
  const lines = [
    `Questions asked: ${t.asked}`,
    `Answered: ${t.answered}`,
    `Served from pins: ${t.pinned}`,
    `Declined: ${t.declined}`,
    `Crisis replies: ${t.crisis}`,
    `Helpful: ${summary.helpful}`,
    `Not helpful: ${summary.unhelpful}`,
    `Helpful rate: ${summary.helpfulRate === undefined ? 'no votes yet' : `${Math.round(summary.helpfulRate * 100)}%`}`,
    `In the review queue: ${summary.queued}`,
  ];
  const fields = [
    {
      name: 'Most asked sections',
      value:
        summary.sections
          .map((entry) => `${escapeForDiscord(heading(undefined, entry.sectionId))}: ${entry.count}`)
          .join('\n') || 'none yet',
    },
    {
      name: 'Most declined questions',
      value: summary.reviewQueueOn
        ? summary.declined
            .map((entry) => `“${escapeForDiscord(clamp(entry.question, 120))}”: ${entry.times}`)
            .join('\n') || 'none queued'
        : 'The review queue is off, so no question text is kept (`/settings review-queue:true`).',
    },
  ].map((field) => ({ ...field, value: clamp(field.value, DISCORD_LIMITS.embedFieldValue) }));
  const embed: APIEmbed = {
    color: COLOR,
    title: `Last ${summary.days} ${summary.days === 1 ? 'day' : 'days'}`,
    description: [
      ...lines,
      ...(chart.kind === 'text' ? ['', 'Questions per day:', `\`${chart.text}\``] : []),
    ].join('\n'),
    fields,
    ...(chart.kind === 'png' ? { image: { url: `attachment://${chart.name}` } } : {}),
  };
  return message([embed]);
}

export function composeSettings(
  settings: { readonly reviewQueue: boolean },
  retentionDays: number,
  changed: boolean,
): ComposedMessage {
  const state = settings.reviewQueue
    ? `on: declined and 👎 questions are kept for review for up to ${retentionDays} days.`
    : 'off: no question text is kept, only counts.';
  return message([
    {
      color: COLOR,
      title: changed ? 'Settings saved' : 'Settings',
      description: [
        `**review-queue**: ${state}`,
        '',
        'Change it with `/settings review-queue:true|false`.',
      ].join('\n'),
    },
  ]);
}
