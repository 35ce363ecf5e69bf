import { describe, expect, it } from 'vitest';
import { DISCLAIMER, composeAnswer, composeNotice, type ComposedMessage } from '../../src/answer/compose.js';
import { encodeAction } from '../../src/answer/custom-ids.js';
import { renderText } from '../../src/answer/render-text.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Pin } from '../../src/store/types.js';

const engine = createEngine({
  articles: [
    {
      id: 'a',
      title: 'Article',
      source: 'Src',
      sections: [
        {
          id: 'one',
          articleId: 'a',
          heading: 'One',
          hints: { keywords: [], questions: [] },
          paragraphs: [
            {
              id: 'one/1',
              articleId: 'a',
              sectionId: 'one',
              index: 1,
              text: 'Plain *stars* and @everyone. Best part.',
            },
          ],
        },
        {
          id: 'two',
          articleId: 'a',
          heading: 'Two',
          hints: { keywords: [], questions: [] },
          paragraphs: [{ id: 'two/1', articleId: 'a', sectionId: 'two', index: 1, text: 'Other text.' }],
        },
      ],
    },
  ],
});

describe('GIVEN a composed answer', () => {
  const pin: Pin = {
    id: 1,
    guildId: '1',
    question: 'q',
    normalizedQuestion: 'q',
    articleId: 'a',
    sectionId: 'one',
    paragraphId: 'one/1',
    paragraphHash: '0',
    pinnedBy: '222222222222222222',
    pinnedAt: Date.UTC(2025, 0, 16),
    messageUrl: null,
  };
  const message = composeAnswer(
    engine,
    'my question',
    {
      kind: 'answer',
      articleId: 'a',
      sectionId: 'one',
      paragraphId: 'one/1',
      score: 0.9,
      alternatives: [{ articleId: 'a', sectionId: 'two', paragraphId: 'two/1', score: 0.88 }],
      matchedTerms: [],
      bestSentence: 'Best part.',
    },
    pin,
  );

  it('WHEN rendered for the terminal THEN it reads as plain text, markup undone', () => {
    expect(renderText(message)).toBe(
      [
        'You asked: “my question”',
        '== One ==',
        '📌 **Pinned by moderators** — moderator 222222222222222222, 2025-01-16',
        '',
        '> Plain *stars* and @everyone. **Best part.**',
        '',
        DISCLAIMER,
        '-- Article · ¶ 1 of 2 · Source: Src',
        '',
        '  [1] Did you mean: Two?',
      ].join('\n'),
    );
  });
});

describe('GIVEN other messages', () => {
  it('WHEN a notice is rendered THEN it is its content', () => {
    expect(renderText(composeNotice('Slow down \\*please\\*'))).toBe('Slow down *please*');
  });

  it('WHEN buttons other than alternatives are present THEN they are not listed as offers', () => {
    const message: ComposedMessage = {
      embeds: [{ title: 'T' }],
      components: [
        {
          type: 1,
          components: [
            {
              type: 2,
              style: 2,
              label: 'Read',
              custom_id: encodeAction({ type: 'article', articleId: 'a', page: 0 }),
            },
            {
              type: 2,
              style: 2,
              label: 'Alt A',
              custom_id: encodeAction({ type: 'alternative', articleId: 'a', paragraphId: 'one/1' }),
            },
            { type: 2, style: 2, label: 'Foreign', custom_id: 'not-ours' },
            {
              type: 2,
              style: 2,
              label: 'Alt B',
              custom_id: encodeAction({ type: 'alternative', articleId: 'a', paragraphId: 'two/1' }),
            },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    };
    expect(renderText(message)).toBe(['== T ==', '  [1] Alt A', '  [2] Alt B'].join('\n\n'));
  });
});
