import type { APIButtonComponentWithCustomId } from 'discord.js';
import { describe, expect, it, test } from 'vitest';
import {
  CLOSE_RUNNER_UP,
  DISCLAIMER,
  PINS_PER_PAGE,
  composeAnswer,
  composeArticlePage,
  composeCrisis,
  composeNoMatch,
  composePinsPage,
  composeReply,
  paginate,
  questionOfMessage,
  type ComposeContext,
  type ComposedMessage,
  type CrisisText,
} from '../../src/answer/compose.js';
import { decodeAction, type ButtonAction } from '../../src/answer/custom-ids.js';
import { checkMessageLimits } from '../../src/answer/limits.js';
import { createEngine, type Answer } from '../../src/engine/engine.js';
import type { Article, KnowledgeBase } from '../../src/knowledge/types.js';
import { slugify } from '../../src/knowledge/slug.js';
import type { ListedPin, PinStaleness } from '../../src/pins/service.js';
import type { Pin } from '../../src/store/types.js';

// ---------------------------------------------------------------------------------------------------
// A tiny knowledge base, so every expectation below is about the composer and not about ranking.
// ---------------------------------------------------------------------------------------------------

function buildArticle(
  id: string,
  title: string,
  sections: readonly (readonly [string, readonly string[]])[],
  source?: string,
): Article {
  return {
    id,
    title,
    ...(source === undefined ? {} : { source }),
    sections: sections.map(([heading, texts]) => {
      const sectionId = slugify(heading);
      return {
        id: sectionId,
        articleId: id,
        heading,
        hints: { keywords: [], questions: [] },
        paragraphs: texts.map((text, at) => ({
          id: `${sectionId}/${at + 1}`,
          articleId: id,
          sectionId,
          index: at + 1,
          text,
        })),
      };
    }),
  };
}

const ARTICLE = buildArticle(
  'wellbeing',
  'Asking Your Therapist',
  [
    ['Introduction', ['Therapists are human beings. They have good days and bad days.']],
    [
      'Boundaries',
      [
        'Therapists keep a professional boundary. Sharing personal details is rare.',
        'A **bold** claim with @everyone and <@123> in it. The boundary protects the client.',
      ],
    ],
    [
      'Crushes',
      ['Having a crush on your therapist is common. Talk about it in session.', 'Feelings are welcome.'],
    ],
    ['Endings', ['Therapy ends when the goals are met.']],
  ],
  'HealthHub',
);
const KNOWLEDGE: KnowledgeBase = { articles: [ARTICLE] };
const engine = createEngine(KNOWLEDGE);
const CRISIS: CrisisText = {
  title: 'You deserve support',
  body: 'FULL crisis body with every helpline.',
  shortBody: 'SHORT public crisis text.',
  otherBody: 'OTHER: how to help someone, with every helpline.',
  concernLine: 'CONCERN: support is a call away.',
};

function answerFor(paragraphId: string, overrides: Partial<Answer> = {}): Answer {
  const paragraph = engine.findParagraph('wellbeing', paragraphId);
  if (!paragraph) throw new Error(`no paragraph ${paragraphId}`);
  return {
    kind: 'answer',
    articleId: 'wellbeing',
    sectionId: paragraph.sectionId,
    paragraphId,
    score: 0.9,
    alternatives: [],
    matchedTerms: [],
    bestSentence: '',
    ...overrides,
  };
}

function buttons(message: ComposedMessage): APIButtonComponentWithCustomId[] {
  return message.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
}

function actions(message: ComposedMessage): (ButtonAction | undefined)[] {
  return buttons(message).map((button) => decodeAction(button.custom_id));
}

function samplePin(id: number, overrides: Partial<Pin> = {}): Pin {
  return {
    id,
    guildId: '111111111111111111',
    question: `Question number ${id}?`,
    normalizedQuestion: `question number ${id}`,
    articleId: 'wellbeing',
    sectionId: 'boundaries',
    paragraphId: 'boundaries/1',
    paragraphHash: 'a'.repeat(64),
    pinnedBy: '222222222222222222',
    pinnedAt: 1_700_000_000_000,
    messageUrl: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------

describe('GIVEN an answer', () => {
  const message = composeAnswer(
    engine,
    'Do therapists share personal details?',
    answerFor('boundaries/1', { bestSentence: 'Sharing personal details is rare.' }),
  );
  const embed = message.embeds[0];

  it('WHEN composed THEN the title is the section heading and the question is the author line', () => {
    expect(message.embeds).toHaveLength(1);
    expect(embed?.title).toBe('Boundaries');
    expect(embed?.author?.name).toBe('“Do therapists share personal details?”');
  });

  it('WHEN composed THEN the paragraph is quoted with its best sentence in bold, then the disclaimer', () => {
    expect(embed?.description).toBe(
      [
        '> Therapists keep a professional boundary. **Sharing personal details is rare.**',
        '',
        `-# ${DISCLAIMER}`,
      ].join('\n'),
    );
  });

  it('WHEN composed THEN the footer gives the paragraph position in the whole article and the source', () => {
    // Introduction/1 is ¶ 1, boundaries/1 is ¶ 2 of 6.
    expect(embed?.footer?.text).toBe('Asking Your Therapist · ¶ 2 of 6 · Source: HealthHub');
  });

  it('WHEN composed THEN a row Read section, Read article, Pin answer, then a row 👍 / 👎 — each decodable', () => {
    expect(message.components).toHaveLength(2);
    expect(buttons(message).map((button) => button.label)).toEqual([
      'Read the full section',
      'Read the whole article',
      '📌 Pin answer',
      '👍 Helpful',
      '👎 Not helpful',
    ]);
    expect(actions(message)).toEqual([
      { type: 'section', articleId: 'wellbeing', sectionId: 'boundaries', page: 0 },
      { type: 'article', articleId: 'wellbeing', page: 0 },
      { type: 'pin', articleId: 'wellbeing', paragraphId: 'boundaries/1' },
      { type: 'vote', helpful: true, articleId: 'wellbeing', paragraphId: 'boundaries/1' },
      { type: 'vote', helpful: false, articleId: 'wellbeing', paragraphId: 'boundaries/1' },
    ]);
  });

  it('WHEN the section is only the quoted paragraph THEN there is no "Read the full section" button', () => {
    const single = composeAnswer(engine, 'q', answerFor('introduction/1'));
    expect(buttons(single).map((button) => button.label)).toEqual([
      'Read the whole article',
      '📌 Pin answer',
      '👍 Helpful',
      '👎 Not helpful',
    ]);
  });

  it('WHEN composed THEN mentions are off and the message is within Discord limits', () => {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(checkMessageLimits(message)).toEqual([]);
  });
});

describe('GIVEN a paragraph with markdown and mentions', () => {
  it('WHEN quoted THEN the markup is escaped and the best sentence is still bold', () => {
    const message = composeAnswer(
      engine,
      'q',
      answerFor('boundaries/2', { bestSentence: 'The boundary protects the client.' }),
    );
    const description = message.embeds[0]?.description ?? '';
    expect(description).toContain('\\*\\*bold\\*\\*');
    expect(description).toContain('@\u200beveryone');
    expect(description).toContain('\\<@123>');
    expect(description).toContain('**The boundary protects the client.**');
  });

  it('WHEN the best sentence is not in the paragraph THEN nothing is bold and the text is intact', () => {
    const message = composeAnswer(engine, 'q', answerFor('introduction/1', { bestSentence: 'Not there.' }));
    expect(message.embeds[0]?.description?.split('\n')[0]).toBe(
      '> Therapists are human beings. They have good days and bad days.',
    );
  });
});

describe('GIVEN an article without a source', () => {
  it('WHEN an answer is composed THEN the footer has no "Source:" part', () => {
    const bare = createEngine({
      articles: [buildArticle('bare', 'Bare', [['Only', ['One paragraph here.', 'And another.']]])],
    });
    const message = composeAnswer(bare, 'q', {
      kind: 'answer',
      articleId: 'bare',
      sectionId: 'only',
      paragraphId: 'only/2',
      score: 1,
      alternatives: [],
      matchedTerms: [],
      bestSentence: '',
    });
    expect(message.embeds[0]?.footer?.text).toBe('Bare · ¶ 2 of 2');
  });
});

describe('GIVEN runner-ups', () => {
  const alternative = (sectionId: string, paragraphId: string, score: number) => ({
    articleId: 'wellbeing',
    sectionId,
    paragraphId,
    score,
  });

  test.each([
    ['within CLOSE_RUNNER_UP', 0.9 - CLOSE_RUNNER_UP + 0.01, true],
    ['exactly CLOSE_RUNNER_UP below', 0.9 - CLOSE_RUNNER_UP, true],
    ['further than CLOSE_RUNNER_UP below', 0.9 - CLOSE_RUNNER_UP - 0.05, false],
  ])('WHEN the runner-up is %s THEN "Did you mean" is offered: %s', (_name, score, offered) => {
    const message = composeAnswer(
      engine,
      'q',
      answerFor('boundaries/1', { alternatives: [alternative('crushes', 'crushes/1', score)] }),
    );
    if (offered) {
      expect(message.components).toHaveLength(3);
      const row = message.components[1]?.components as APIButtonComponentWithCustomId[];
      expect(row.map((button) => button.label)).toEqual(['Did you mean: Crushes?']);
      expect(actions(message)[3]).toEqual({
        type: 'alternative',
        articleId: 'wellbeing',
        paragraphId: 'crushes/1',
      });
    } else {
      expect(buttons(message).map((button) => button.label)).not.toContain('Did you mean: Crushes?');
    }
  });

  it('WHEN the close runner-up is another paragraph of the same section THEN it is not offered', () => {
    const message = composeAnswer(
      engine,
      'q',
      answerFor('boundaries/1', { alternatives: [alternative('boundaries', 'boundaries/2', 0.89)] }),
    );
    expect(buttons(message).some((button) => (button.label ?? '').startsWith('Did you mean'))).toBe(false);
  });

  it('WHEN several runner-ups are close THEN only the best one from another section is offered', () => {
    const message = composeAnswer(
      engine,
      'q',
      answerFor('introduction/1', {
        alternatives: [
          alternative('introduction', 'introduction/2', 0.9),
          alternative('crushes', 'crushes/2', 0.89),
          alternative('boundaries', 'boundaries/1', 0.88),
          alternative('endings', 'endings/1', 0.87),
        ],
      }),
    );
    const offers = actions(message).filter((action) => action?.type === 'alternative');
    expect(offers).toEqual([{ type: 'alternative', articleId: 'wellbeing', paragraphId: 'crushes/2' }]);
    expect(checkMessageLimits(message)).toEqual([]);
  });
});

describe('GIVEN a pinned answer', () => {
  it('WHEN composed through composeReply THEN it is marked as pinned with who and when', () => {
    const pin = samplePin(7);
    const context: ComposeContext = { engine, crisis: CRISIS, surface: 'public' };
    const message = composeReply(
      { kind: 'pinned', question: 'Share details?', answer: answerFor('boundaries/1'), pin, safety: 'none' },
      context,
    );
    const description = message.embeds[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe(
      `📌 **Pinned by moderators** — <@222222222222222222>, <t:${1_700_000_000}:D>`,
    );
    expect(message.embeds[0]?.color).not.toBe(
      composeReply(
        { kind: 'answer', question: 'x', answer: answerFor('boundaries/1'), safety: 'none' },
        context,
      ).embeds[0]?.color,
    );
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('WHEN the answer is not pinned THEN there is no pinned marker', () => {
    const message = composeAnswer(engine, 'q', answerFor('boundaries/1'));
    expect(message.embeds[0]?.description).not.toContain('Pinned by moderators');
  });
});

describe('GIVEN an answer whose paragraph no longer exists', () => {
  it('WHEN composed THEN a plain notice is sent instead', () => {
    const message = composeAnswer(engine, 'q', { ...answerFor('boundaries/1'), paragraphId: 'gone/1' });
    expect(message.content).toBe('That part of the article is no longer available.');
    expect(message.embeds).toEqual([]);
    expect(message.components).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('GIVEN no match', () => {
  const topics = [
    { articleId: 'wellbeing', sectionId: 'crushes', heading: 'Crushes' },
    { articleId: 'wellbeing', sectionId: 'boundaries', heading: 'Boundaries' },
  ];

  it('WHEN the question is not covered THEN it says so, lists every section and points to /article', () => {
    const message = composeNoMatch(engine, {
      kind: 'no-match',
      reason: 'not-covered',
      nearestTopics: topics,
    });
    const embed = message.embeds[0];
    expect(embed?.title).toBe('Not covered by the article');
    expect(embed?.description).toBe(
      [
        'The article doesn’t cover that, so I won’t guess.',
        '',
        '“Asking Your Therapist” covers:',
        '• Introduction',
        '• Boundaries',
        '• Crushes',
        '• Endings',
        '',
        'Use `/article` to read it in full.',
      ].join('\n'),
    );
    expect(buttons(message).map((button) => button.label)).toEqual(['Read: Crushes', 'Read: Boundaries']);
    expect(actions(message)).toEqual([
      { type: 'section', articleId: 'wellbeing', sectionId: 'crushes', page: 0 },
      { type: 'section', articleId: 'wellbeing', sectionId: 'boundaries', page: 0 },
    ]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('WHEN the question was empty THEN it asks for a question and offers no topic buttons', () => {
    const message = composeNoMatch(engine, { kind: 'no-match', reason: 'empty', nearestTopics: topics });
    expect(message.embeds[0]?.title).toBe('What would you like to know?');
    expect(message.embeds[0]?.description).toMatch(/^Ask me something about the article/);
    expect(message.embeds[0]?.description).toContain('• Crushes');
    expect(message.components).toEqual([]);
  });

  it('WHEN the engine gets an empty question THEN composeReply gives the empty prompt', () => {
    const result = engine.answer('   ');
    expect(result.kind).toBe('no-match');
    if (result.kind !== 'no-match') return;
    const message = composeReply(
      { kind: 'no-match', question: '', noMatch: result, safety: 'none' },
      { engine, crisis: CRISIS, surface: 'private' },
    );
    expect(message.embeds[0]?.title).toBe('What would you like to know?');
  });

  it('WHEN the article title and headings contain markdown THEN the covered list renders them as text', () => {
    const marked = createEngine({
      articles: [buildArticle('m', 'A **loud** title', [['Heading with *stars*', ['Text.']]])],
    });
    const description =
      composeNoMatch(marked, { kind: 'no-match', reason: 'not-covered', nearestTopics: [] }).embeds[0]
        ?.description ?? '';
    expect(description).toContain('• Heading with \\*stars\\*');
    expect(description).toContain('“A \\*\\*loud\\*\\* title” covers:');
  });
});

describe('GIVEN a crisis reply', () => {
  test.each([
    ['private', CRISIS.body],
    ['public', CRISIS.shortBody],
  ] as const)('WHEN sent %s THEN the description is the matching crisis text', (surface, expected) => {
    const message = composeReply(
      {
        kind: 'crisis',
        question: 'my private words',
        safety: 'crisis',
        about: 'self',
        signals: ['ideation'],
      },
      { engine, crisis: CRISIS, surface },
    );
    expect(message.embeds).toEqual([expect.objectContaining({ title: CRISIS.title, description: expected })]);
    expect(JSON.stringify(message)).not.toContain('my private words');
    expect(message.components).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('WHEN composed directly THEN public and private differ only in body', () => {
    expect(composeCrisis(CRISIS, 'public').embeds[0]?.description).toBe(CRISIS.shortBody);
    expect(composeCrisis(CRISIS, 'private').embeds[0]?.description).toBe(CRISIS.body);
  });

  test.each(['private', 'public'] as const)(
    'WHEN the danger is to someone the person talks about and it is sent %s THEN it is the "someone else" text',
    (surface) => {
      const message = composeReply(
        {
          kind: 'crisis',
          question: 'my friend said goodbye',
          safety: 'crisis',
          about: 'other',
          signals: ['goodbye'],
        },
        { engine, crisis: CRISIS, surface },
      );
      expect(message.embeds).toEqual([expect.objectContaining({ description: CRISIS.otherBody })]);
      expect(JSON.stringify(message)).not.toContain('my friend said goodbye');
      expect(message.components).toEqual([]);
    },
  );
});

describe('GIVEN a concern-tier reply', () => {
  it('WHEN an answer is composed THEN the same answer comes with one calm support line above it', () => {
    const context: ComposeContext = { engine, crisis: CRISIS, surface: 'public' };
    const plain = composeReply(
      { kind: 'answer', question: 'x', answer: answerFor('boundaries/1'), safety: 'none' },
      context,
    );
    const concerned = composeReply(
      { kind: 'answer', question: 'x', answer: answerFor('boundaries/1'), safety: 'concern' },
      context,
    );
    expect(plain.content).toBeUndefined();
    expect(concerned.content).toBe(`💙 ${CRISIS.concernLine}`);
    expect(concerned.embeds).toEqual(plain.embeds);
    expect(concerned.components).toEqual(plain.components);
    expect(checkMessageLimits(concerned)).toEqual([]);
  });

  it('WHEN the article does not cover the question THEN the decline also carries the support line', () => {
    const result = engine.answer('what is the capital of peru');
    if (result.kind !== 'no-match') throw new Error('expected a no-match');
    const message = composeReply(
      { kind: 'no-match', question: 'q', noMatch: result, safety: 'concern' },
      { engine, crisis: CRISIS, surface: 'private' },
    );
    expect(message.content).toBe(`💙 ${CRISIS.concernLine}`);
    expect(message.embeds[0]?.title).toBe('Not covered by the article');
  });
});

// ---------------------------------------------------------------------------------------------------
// Article pages
// ---------------------------------------------------------------------------------------------------

const LONG = createEngine({
  articles: [
    buildArticle(
      'long',
      'Long Article',
      [
        ['First', Array.from({ length: 6 }, (_, i) => `First ${i}. ${'word '.repeat(700)}`)],
        ['Second', Array.from({ length: 6 }, (_, i) => `Second ${i}. ${'text '.repeat(700)}`)],
        ['Short', ['Only a line.']],
      ],
      'Somewhere',
    ),
  ],
});
const LONG_ARTICLE = LONG.findArticle('long') as Article;
const PAGE_COUNT = paginate(LONG_ARTICLE, LONG_ARTICLE.sections).length;

describe('GIVEN an article longer than one message', () => {
  it('THEN it has several pages', () => {
    expect(PAGE_COUNT).toBeGreaterThan(2);
  });

  it('WHEN page 0 is shown THEN Prev is disabled, Next leads to page 1, and the footer counts pages', () => {
    const message = composeArticlePage(LONG, 'long', undefined, 0);
    const [prev, next] = buttons(message);
    expect(prev?.label).toBe('◀ Prev');
    expect(prev?.disabled).toBe(true);
    expect(next?.label).toBe('Next ▶');
    expect(next?.disabled).toBe(false);
    expect(actions(message)).toEqual([
      { type: 'article', articleId: 'long', page: 0 },
      { type: 'article', articleId: 'long', page: 1 },
    ]);
    expect(message.embeds.at(-1)?.footer?.text).toBe(`Long Article · Somewhere · page 1 of ${PAGE_COUNT}`);
    expect(message.embeds[0]?.title).toBe('First');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('WHEN the last page is shown THEN Next is disabled and Prev leads back', () => {
    const message = composeArticlePage(LONG, 'long', undefined, PAGE_COUNT - 1);
    const [prev, next] = buttons(message);
    expect(prev?.disabled).toBe(false);
    expect(next?.disabled).toBe(true);
    expect(actions(message)[0]).toEqual({ type: 'article', articleId: 'long', page: PAGE_COUNT - 2 });
    expect(message.embeds.at(-1)?.title).toBe('Short');
  });

  test.each([
    [-5, 0],
    [999, 'last'],
  ] as const)('WHEN page %s is requested THEN page %s is shown', (requested, expected) => {
    const index = expected === 'last' ? PAGE_COUNT - 1 : expected;
    expect(composeArticlePage(LONG, 'long', undefined, requested)).toEqual(
      composeArticlePage(LONG, 'long', undefined, index),
    );
  });

  it('WHEN every page is shown THEN every paragraph appears, in order, and every page fits', () => {
    const seen: string[] = [];
    for (let page = 0; page < PAGE_COUNT; page++) {
      const message = composeArticlePage(LONG, 'long', undefined, page);
      expect(checkMessageLimits(message)).toEqual([]);
      for (const embed of message.embeds) {
        for (const match of (embed.description ?? '').matchAll(/(First|Second) (\d)\./g)) seen.push(match[0]);
      }
    }
    expect(seen).toEqual([
      ...Array.from({ length: 6 }, (_, i) => `First ${i}.`),
      ...Array.from({ length: 6 }, (_, i) => `Second ${i}.`),
    ]);
  });

  it('WHEN one section is requested THEN only that section is shown and the pager stays on the section', () => {
    const message = composeArticlePage(LONG, 'long', 'second', 0);
    expect(message.embeds.every((embed) => embed.title?.startsWith('Second'))).toBe(true);
    const decoded = actions(message);
    expect(decoded[1]).toEqual({ type: 'section', articleId: 'long', sectionId: 'second', page: 1 });
  });

  it('WHEN a short section is requested THEN it fits one page and there is no pager', () => {
    const message = composeArticlePage(LONG, 'long', 'short', 0);
    expect(message.embeds).toEqual([
      expect.objectContaining({ title: 'Short', description: 'Only a line.' }),
    ]);
    expect(message.embeds[0]?.footer?.text).toBe('Long Article · Somewhere');
    expect(message.components).toEqual([]);
  });

  test.each([
    ['unknown article', 'nope', undefined],
    ['unknown section', 'long', 'nope'],
  ] as const)('WHEN an %s is requested THEN a notice is sent', (_name, articleId, sectionId) => {
    expect(composeArticlePage(LONG, articleId, sectionId, 0).content).toBe(
      'That part of the article is no longer available.',
    );
  });

  it('WHEN Prev and Next are both shown THEN their custom ids differ even on a two-page article', () => {
    for (let page = 0; page < PAGE_COUNT; page++) {
      const ids = buttons(composeArticlePage(LONG, 'long', undefined, page)).map(
        (button) => button.custom_id,
      );
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Pins pages
// ---------------------------------------------------------------------------------------------------

describe('GIVEN pinned answers to list', () => {
  const listed = (count: number, staleness: (i: number) => PinStaleness = () => 'fresh'): ListedPin[] =>
    Array.from({ length: count }, (_, i) => ({ pin: samplePin(i + 1), staleness: staleness(i + 1) }));

  it('WHEN there are none THEN a notice says how to pin', () => {
    expect(composePinsPage(engine, [], 0).content).toMatch(/^No pinned answers in this server yet/);
  });

  it('WHEN pins are fresh or stale THEN each line says so, stale ones marked with the reason', () => {
    const message = composePinsPage(
      engine,
      [
        { pin: samplePin(1), staleness: 'fresh' },
        { pin: samplePin(2), staleness: 'paragraph-changed' },
        { pin: samplePin(3, { sectionId: 'gone', paragraphId: 'gone/1' }), staleness: 'section-gone' },
      ],
      0,
    );
    const lines = (message.embeds[0]?.description ?? '').split('\n');
    expect(message.embeds[0]?.title).toBe('📌 Pinned answers (3)');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `**#1** “Question number 1?” → Boundaries · <@222222222222222222> <t:${1_700_000_000}:R>`,
    );
    expect(lines[1]).toContain('⚠️ **stale** (paragraph changed; not served)');
    expect(lines[2]).toContain('→ gone ·');
    expect(lines[2]).toContain('⚠️ **stale** (section gone; not served)');
    expect(message.components).toEqual([]);
  });

  it('WHEN a pinned question contains markdown THEN it is escaped', () => {
    const message = composePinsPage(
      engine,
      [{ pin: samplePin(1, { question: '**bold** @everyone' }), staleness: 'fresh' }],
      0,
    );
    expect(message.embeds[0]?.description).toContain('“\\*\\*bold\\*\\* @\u200beveryone”');
  });

  test.each([
    [0, 1, 10, true, false],
    [1, 11, 20, false, false],
    [2, 21, 25, false, true],
    [7, 21, 25, false, true],
    [-1, 1, 10, true, false],
  ])(
    'WHEN page %i of 25 pins is requested THEN pins #%i..#%i are shown (Prev disabled %s, Next disabled %s)',
    (requested, first, last, prevDisabled, nextDisabled) => {
      const message = composePinsPage(engine, listed(25), requested);
      const description = message.embeds[0]?.description ?? '';
      const ids = [...description.matchAll(/\*\*#(\d+)\*\*/g)].map((match) => Number(match[1]));
      expect(ids).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
      const [prev, next] = buttons(message);
      expect(prev?.disabled).toBe(prevDisabled);
      expect(next?.disabled).toBe(nextDisabled);
      const page = Math.min(Math.max(requested, 0), 2);
      expect(message.embeds[0]?.footer?.text).toBe(`Page ${page + 1} of 3 · /pins remove to unpin`);
      expect(actions(message)).toEqual([
        { type: 'pins-page', page: Math.max(0, page - 1) },
        { type: 'pins-page', page: Math.min(2, page + 1) },
      ]);
      expect(checkMessageLimits(message)).toEqual([]);
    },
  );

  it('WHEN exactly one page of pins exists THEN there is no pager', () => {
    expect(composePinsPage(engine, listed(PINS_PER_PAGE), 0).components).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('GIVEN a composed answer message', () => {
  test.each([['Can I ask my therapist how she is doing?'], ['a “quoted” word'], ['']])(
    'WHEN the question %j is read back from the embeds THEN it is the question',
    (question) => {
      const message = composeAnswer(engine, question, answerFor('boundaries/1'));
      expect(questionOfMessage(message.embeds)).toBe(question);
    },
  );

  it('WHEN there are no embeds or no author THEN the question is empty', () => {
    expect(questionOfMessage([])).toBe('');
    expect(questionOfMessage([{ author: null }])).toBe('');
  });
});

describe('GIVEN a section whose heading is too long to fit in a custom_id', () => {
  const heading =
    'Why therapists keep their personal lives out of the session even when a client asks kindly and often';
  const long = createEngine({
    articles: [buildArticle('therapist-wellbeing', 'T', [[heading, ['Therapists keep lives private.']]])],
  });
  const sectionId = slugify(heading);

  it('WHEN an answer from it is composed THEN the answer is sent, without the buttons that cannot fit', () => {
    const message = composeAnswer(long, 'q', {
      kind: 'answer',
      articleId: 'therapist-wellbeing',
      sectionId,
      paragraphId: `${sectionId}/1`,
      score: 1,
      alternatives: [],
      matchedTerms: [],
      bestSentence: '',
    });
    expect(message.embeds[0]?.title).toBe(heading);
    expect(buttons(message).map((button) => button.label)).toEqual(['Read the whole article']);
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('WHEN the section is read THEN it is shown', () => {
    const message = composeArticlePage(long, 'therapist-wellbeing', sectionId, 0);
    expect(message.embeds[0]?.title).toBe(heading);
    expect(checkMessageLimits(message)).toEqual([]);
  });
});

describe('GIVEN a paragraph longer than an embed description', () => {
  it('WHEN quoted THEN the quote is shortened and the disclaimer is still there', () => {
    const huge = createEngine({
      articles: [buildArticle('huge', 'Huge', [['Only', [`Start. ${'*long* text '.repeat(600)}End.`]]])],
    });
    const message = composeAnswer(huge, 'q', {
      kind: 'answer',
      articleId: 'huge',
      sectionId: 'only',
      paragraphId: 'only/1',
      score: 1,
      alternatives: [],
      matchedTerms: [],
      bestSentence: 'Start.',
    });
    const description = message.embeds[0]?.description ?? '';
    expect(description.startsWith('> **Start.**')).toBe(true);
    expect(description.endsWith(`-# ${DISCLAIMER}`)).toBe(true);
    expect(checkMessageLimits(message)).toEqual([]);
  });
});
