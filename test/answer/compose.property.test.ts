import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISCLAIMER,
  PINS_PER_PAGE,
  composeArticlePage,
  composePinsPage,
  composeReply,
  paginate,
  type ComposedMessage,
} from '../../src/answer/compose.js';
import { decodeAction } from '../../src/answer/custom-ids.js';
import { checkMessageLimits } from '../../src/answer/limits.js';
import { createResponder } from '../../src/answer/responder.js';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';
import { slugify } from '../../src/knowledge/slug.js';
import type { Article, KnowledgeBase } from '../../src/knowledge/types.js';
import type { ListedPin } from '../../src/pins/service.js';
import { FALLBACK_CRISIS_REPLY } from '../../src/safety/crisis-reply.js';

/** Words, markup and troublemakers an article (or a question) may contain. */
const token = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'therapist',
      'boundary',
      'crush',
      'session',
      'well-being',
      'ask',
      'how',
      'sick',
      'client',
      'the',
      'and',
      'is',
      'feel',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '**bold**',
      '_it_',
      '`code`',
      '||spoiler||',
      '# head',
      '> quote',
      '- item',
      '1.',
      '[link](https://x.y)',
      '<@123>',
      '<t:1:R>',
      '@everyone',
      '@here',
      'discord.gg/abc',
      '\\',
      '|',
      '\n',
      '\n\n',
      '.',
      '?',
      '!',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('🔥', '👨‍👩‍👧‍👦', '🇫🇷', 'é', 'e\u0301', '\u200b', '日本語', 'ﷺ') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
);
const text = (maxTokens: number) =>
  fc.array(token, { minLength: 1, maxLength: maxTokens }).map((tokens) => tokens.join(' ').trim());

/** Mostly short paragraphs, sometimes up to 6000 characters (longer than any embed description). */
const paragraphText = fc.oneof(
  { weight: 8, arbitrary: text(40) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 6000 })
      .chain((length) =>
        text(8).map((seed) => `${seed} ${'word '.repeat(length)}`.slice(0, Math.max(1, length))),
      ),
  },
  { weight: 1, arbitrary: fc.constant('') },
);

const articleArbitrary = fc.record({
  title: fc.oneof(text(12), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 })),
  source: fc.option(text(5), { nil: undefined }),
  sections: fc.array(
    fc.record({
      // Long word headings make slugs too long for a custom_id.
      heading: fc.oneof(text(10), text(40), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 })),
      paragraphs: fc.array(paragraphText, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 30 },
  ),
});

type ArticleSpec = typeof articleArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Section ids the way the parser makes them: the heading's slug, unique within the article. */
function buildKnowledge(spec: ArticleSpec): KnowledgeBase {
  const used = new Set<string>();
  const articleId = 'therapist-wellbeing';
  const article: Article = {
    id: articleId,
    title: spec.title.trim() || 'Untitled',
    ...(spec.source ? { source: spec.source } : {}),
    sections: spec.sections.map((section, index) => {
      let id = slugify(section.heading) || 'section';
      if (used.has(id)) id = `${id}-${index}`;
      used.add(id);
      return {
        id,
        articleId,
        heading: section.heading.trim() || 'Untitled',
        hints: { keywords: [], questions: [] },
        paragraphs: section.paragraphs.map((paragraph, at) => ({
          id: `${id}/${at + 1}`,
          articleId,
          sectionId: id,
          index: at + 1,
          text: paragraph,
        })),
      };
    }),
  };
  return { articles: [article] };
}

const question = fc.oneof(
  text(12),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '',
    '   ',
    'can i ask my therapist how she is doing?',
    'i want to kill myself',
    'x'.repeat(5000),
  ),
);

function everyMessage(
  engine: AnswerEngine,
  questions: readonly string[],
  pinQuestions: readonly string[],
): ComposedMessage[] {
  const responder = createResponder({ engine });
  const messages: ComposedMessage[] = [];
  for (const asked of questions) {
    const reply = responder.respond(asked);
    for (const surface of ['private', 'public'] as const)
      messages.push(composeReply(reply, { engine, crisis: FALLBACK_CRISIS_REPLY, surface }));
  }
  const article = engine.knowledge.articles[0];
  if (!article) return messages;
  const pages = paginate(article, article.sections).length;
  for (let page = 0; page <= pages; page++)
    messages.push(composeArticlePage(engine, article.id, undefined, page));
  for (const section of article.sections) {
    const sectionPages = paginate(article, [section]).length;
    for (let page = 0; page < sectionPages; page++)
      messages.push(composeArticlePage(engine, article.id, section.id, page));
  }
  const paragraphs = article.sections.flatMap((section) => section.paragraphs);
  const pins: ListedPin[] = pinQuestions.map((pinQuestion, index) => {
    const paragraph = paragraphs[index % paragraphs.length];
    return {
      pin: {
        id: index + 1,
        guildId: '111111111111111111',
        question: pinQuestion,
        normalizedQuestion: pinQuestion,
        articleId: article.id,
        sectionId: paragraph?.sectionId ?? 'gone',
        paragraphId: paragraph?.id ?? 'gone/1',
        paragraphHash: '0'.repeat(64),
        pinnedBy: '222222222222222222',
        pinnedAt: 1_700_000_000_000 + index,
        messageUrl: null,
      },
      staleness: (['fresh', 'paragraph-changed', 'section-gone'] as const)[index % 3] ?? 'fresh',
    };
  });
  const pinPages = Math.max(1, Math.ceil(pins.length / PINS_PER_PAGE));
  for (let page = 0; page < pinPages; page++) messages.push(composePinsPage(engine, pins, page));
  return messages;
}

describe('GIVEN random articles, questions and pins', () => {
  it('WHEN every kind of message is composed THEN each is within Discord limits, decodable and deterministic', () => {
    fc.assert(
      fc.property(
        articleArbitrary,
        fc.array(question, { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(text(20), fc.string({ unit: 'grapheme', maxLength: 1000 })), { maxLength: 25 }),
        (spec, questions, pinQuestions) => {
          const knowledge = buildKnowledge(spec);
          const messages = everyMessage(createEngine(knowledge), questions, pinQuestions);
          for (const message of messages) {
            expect(checkMessageLimits(message)).toEqual([]);
            expect(message.allowed_mentions).toEqual({ parse: [] });
            for (const row of message.components) {
              for (const component of row.components) {
                const customId = 'custom_id' in component ? component.custom_id : undefined;
                expect(customId).toBeDefined();
                expect(decodeAction(customId ?? '')).toBeDefined();
              }
            }
            const description = message.embeds[0]?.description ?? '';
            // An answer's footer says where its paragraph is ("· ¶ 2 of 7"); a title may hold a bare "¶".
            if (/ · ¶ \d+ of \d+/.test(message.embeds[0]?.footer?.text ?? ''))
              expect(description.endsWith(`-# ${DISCLAIMER}`)).toBe(true);
          }
          // Same input, fresh engine: the very same messages.
          expect(everyMessage(createEngine(buildKnowledge(spec)), questions, pinQuestions)).toEqual(messages);
        },
      ),
      { numRuns: 300 },
    );
    // 300 random articles, each composed twice: seconds of work that a loaded CI machine can stretch.
  }, 60_000);
});
