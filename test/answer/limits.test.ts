import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  DISCORD_LIMITS,
  assertCustomId,
  checkMessageLimits,
  clamp,
  clampChoiceName,
  clampEmbed,
  clampEmbeds,
  clampWords,
  codePointLength,
  embedLength,
} from '../../src/answer/limits.js';

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, one grapheme
const graphemesOf = (text: string): string[] =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** Any code point, plus lone surrogates, plus pieces that make grapheme clusters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 150 }),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(FAMILY, '🇫🇷', '🔥', 'e\u0301', ' ', '\n', 'word', '\u200d', '\ud83d', '\ude00'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 200,
  }),
);

describe('DISCORD_LIMITS', () => {
  test.each([
    ['content', 2000],
    ['embedTitle', 256],
    ['embedDescription', 4096],
    ['embedFields', 25],
    ['embedFieldName', 256],
    ['embedFieldValue', 1024],
    ['embedFooterText', 2048],
    ['embedAuthorName', 256],
    ['embedTotal', 6000],
    ['embedsPerMessage', 10],
    ['actionRows', 5],
    ['buttonsPerRow', 5],
    ['buttonLabel', 80],
    ['customId', 100],
    ['choices', 25],
    ['choiceName', 100],
    ['choiceValue', 100],
    ['commandDescription', 100],
    ['commandOptions', 25],
  ] as const)('GIVEN the %s limit THEN it is %i', (name, value) => {
    expect(DISCORD_LIMITS[name]).toBe(value);
  });
});

describe('codePointLength', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['🔥', 1],
    ['é', 1],
    ['e\u0301', 2],
    [FAMILY, 7],
    ['🇫🇷', 2],
    ['\ud83d', 1], // lone high surrogate
    ['\ude00x', 2], // lone low surrogate
  ])('GIVEN %j THEN it has %i code points', (text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });

  it('GIVEN any string THEN it agrees with spreading the string', () => {
    fc.assert(fc.property(anyText, (text) => codePointLength(text) === [...text].length));
  });
});

describe('clamp', () => {
  test.each([
    ['text that fits is unchanged', 'hello', 5, 'hello'],
    ['an empty text stays empty', '', 3, ''],
    ['a cut text ends with the ellipsis', 'hello world', 6, 'hello…'],
    ['emoji count as one each', '🔥🔥🔥🔥', 3, '🔥🔥…'],
    ['a ZWJ family is not split', `${FAMILY}${FAMILY}`, 10, `${FAMILY}…`],
    ['a ZWJ family that does not fit is dropped whole', FAMILY, 5, '…'],
    ['a flag is not split', '🇫🇷🇩🇪🇮🇹', 4, '🇫🇷…'],
    ['an accent stays on its letter', 'cafe\u0301 au lait', 5, 'caf…'],
    ['whitespace before the ellipsis is dropped', 'one two three', 5, 'one…'],
    ['max 1 leaves only the ellipsis', 'hello', 1, '…'],
    ['max 0 gives nothing', 'hello', 0, ''],
    ['a negative max gives nothing', 'hello', -3, ''],
    ['a fractional max is rounded down', 'hello world', 6.9, 'hello…'],
  ])('GIVEN %s THEN clamp(%j, %d) is %j', (_, text, max, expected) => {
    expect(clamp(text, max)).toBe(expected);
  });

  test.each([
    ['a longer ellipsis is counted whole', 'hello world', 8, '...', 'hello...'],
    ['an ellipsis longer than max is left out', 'hello world', 2, '...', 'he'],
    ['an empty ellipsis just cuts', 'hello world', 5, '', 'hello'],
  ])('GIVEN %s THEN clamp(%j, %d, %j) is %j', (_, text, max, ellipsis, expected) => {
    expect(clamp(text, max, ellipsis)).toBe(expected);
  });

  it('GIVEN max NaN THEN it throws a RangeError', () => {
    expect(() => clamp('x', Number.NaN)).toThrow(RangeError);
  });

  it('GIVEN 100,000 characters THEN it clamps them quickly to the limit', () => {
    const text = 'lorem ipsum '.repeat(10_000);
    const start = performance.now();
    const clamped = clamp(text, DISCORD_LIMITS.content);
    expect(performance.now() - start).toBeLessThan(500);
    expect(codePointLength(clamped)).toBe(DISCORD_LIMITS.content);
  });

  const ellipses = fc.constantFrom('…', '...', '', ' [more]', '🔥');
  const check =
    (fn: typeof clamp) =>
    (text: string, max: number, ellipsis: string): void => {
      const out = fn(text, max, ellipsis);
      expect(codePointLength(out)).toBeLessThanOrEqual(max);
      if (codePointLength(text) <= max) {
        expect(out).toBe(text);
        return;
      }
      const ellipsisFits = codePointLength(ellipsis) <= max;
      const body = ellipsisFits ? out.slice(0, out.length - ellipsis.length) : out;
      if (ellipsisFits) expect(out.endsWith(ellipsis)).toBe(true);
      expect(text.startsWith(body)).toBe(true);
      // whole graphemes only: the body's graphemes are the text's first graphemes
      const bodyGraphemes = graphemesOf(body);
      expect(graphemesOf(text).slice(0, bodyGraphemes.length)).toEqual(bodyGraphemes);
    };

  it('GIVEN any text, max and ellipsis THEN the result is within max and a grapheme-safe prefix plus the ellipsis', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 250 }), ellipses, check(clamp)), {
      numRuns: 500,
    });
  });

  it('GIVEN any text, max and ellipsis THEN clampWords has the same guarantees', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 250 }), ellipses, check(clampWords)), {
      numRuns: 500,
    });
  });
});

describe('clampWords', () => {
  test.each([
    [
      'cuts at the last space when it is in the last 20%',
      'the quick brown fox jumps',
      18,
      'the quick brown…',
    ],
    ['keeps a word that ends exactly at the cut', 'the quick brown fox jumps', 20, 'the quick brown fox…'],
    ['cuts mid-word when the last space is far back', 'a verylongwordwithoutspaces', 12, 'a verylongw…'],
    ['leaves text that fits alone', 'short text', 10, 'short text'],
    ['treats a newline as a space', 'alpha beta\ngamma delta', 14, 'alpha beta…'],
  ])('GIVEN %s THEN clampWords(%j, %d) is %j', (_, text, max, expected) => {
    expect(clampWords(text, max)).toBe(expected);
  });
});

describe('assertCustomId', () => {
  test.each([['a'], ['answer:pin:42'], ['x'.repeat(100)], ['🔥'.repeat(50)]])(
    'GIVEN the valid custom id %j THEN it is returned unchanged',
    (id) => {
      expect(assertCustomId(id)).toBe(id);
    },
  );

  test.each([
    ['an empty id', '', /empty/],
    ['101 characters', 'x'.repeat(101), /limit is 100/],
    ['51 emoji (51 code points but 102 UTF-16 units)', '🔥'.repeat(51), /limit is 100/],
    ['a lone surrogate', 'id\ud83d', /lone surrogate/],
  ])('GIVEN %s THEN it throws a clear error', (_, id, message) => {
    expect(() => assertCustomId(id)).toThrow(message);
  });
});

describe('clampChoiceName', () => {
  test.each([
    ['a short name', 'Boundaries', 'Boundaries'],
    ['an empty name', '', '—'],
    ['a blank name', '   ', '—'],
  ])('GIVEN %s THEN it is %j', (_, name, expected) => {
    expect(clampChoiceName(name)).toBe(expected);
  });

  it('GIVEN a 300-character name THEN it is cut to 100 code points with an ellipsis', () => {
    const name = clampChoiceName('word '.repeat(60));
    expect(codePointLength(name)).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('embedLength', () => {
  it('GIVEN an embed THEN it sums title, description, field names and values, footer and author in code points', () => {
    const embed: APIEmbed = {
      title: 'ab',
      description: '🔥🔥🔥',
      fields: [
        { name: 'n', value: 'vv' },
        { name: 'nn', value: 'v', inline: true },
      ],
      footer: { text: 'ffff' },
      author: { name: 'aaaaa', url: 'https://example.com/not-counted' },
      url: 'https://example.com/not-counted-either',
    };
    expect(embedLength(embed)).toBe(2 + 3 + 3 + 3 + 4 + 5);
  });

  it('GIVEN an empty embed THEN its length is 0', () => {
    expect(embedLength({})).toBe(0);
  });
});

describe('clampEmbed', () => {
  const huge: APIEmbed = {
    title: 't'.repeat(300),
    description: 'word '.repeat(1000),
    footer: { text: 'f'.repeat(3000), icon_url: 'https://example.com/icon.png' },
    author: { name: 'a'.repeat(300) },
    fields: Array.from({ length: 30 }, (_, i) => ({
      name: `name ${i} `.repeat(40),
      value: 'v'.repeat(2000),
    })),
    color: 0x336699,
  };

  it('GIVEN every text field over its limit THEN each is clamped and other properties are kept', () => {
    const out = clampEmbed(huge);
    expect(codePointLength(out.title ?? '')).toBe(256);
    expect(codePointLength(out.description ?? '')).toBeLessThanOrEqual(4096);
    expect(codePointLength(out.footer?.text ?? '')).toBe(2048);
    expect(out.footer?.icon_url).toBe('https://example.com/icon.png');
    expect(codePointLength(out.author?.name ?? '')).toBe(256);
    expect(out.fields).toHaveLength(25);
    expect(out.fields?.[0]?.name.startsWith('name 0')).toBe(true);
    expect(out.fields?.every((f) => codePointLength(f.name) <= 256 && codePointLength(f.value) <= 1024)).toBe(
      true,
    );
    expect(out.color).toBe(0x336699);
    expect(checkMessageLimits({ embeds: [out] }).filter((v) => !v.includes('total'))).toEqual([]);
  });

  it('GIVEN an embed THEN the input is not modified', () => {
    const copy = structuredClone(huge);
    clampEmbed(huge);
    expect(huge).toEqual(copy);
  });

  test.each([
    ['an empty field name', { fields: [{ name: '', value: 'v' }] }, { fields: [{ name: '—', value: 'v' }] }],
    [
      'a blank field value',
      { fields: [{ name: 'n', value: '  \n' }] },
      { fields: [{ name: 'n', value: '—' }] },
    ],
    [
      'a zero-width-space field name (Discord accepts it)',
      { fields: [{ name: '\u200b', value: 'v' }] },
      { fields: [{ name: '\u200b', value: 'v' }] },
    ],
    ['an empty title and description', { title: '', description: ' ', color: 1 }, { color: 1 }],
    ['a footer with empty text', { footer: { text: '', icon_url: 'https://x.test/i.png' } }, {}],
    ['an author with empty name', { author: { name: '' }, title: 'T' }, { title: 'T' }],
  ] satisfies [string, APIEmbed, APIEmbed][])(
    'GIVEN %s THEN Discord-rejected empties are fixed',
    (_, embed, expected) => {
      expect(clampEmbed(embed)).toEqual(expected);
    },
  );
});

describe('clampEmbeds', () => {
  const withDescription = (length: number, title = 'T'): APIEmbed => ({
    title,
    description: 'd'.repeat(length),
  });

  it('GIVEN 12 small embeds THEN the first 10 are kept unchanged', () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `embed ${i}` }));
    expect(clampEmbeds(embeds)).toEqual(embeds.slice(0, 10));
  });

  it('GIVEN embeds within 6000 in total THEN nothing changes', () => {
    const embeds = [withDescription(3000), withDescription(2998)];
    expect(clampEmbeds(embeds)).toEqual(embeds);
  });

  it('GIVEN two 4000-character descriptions THEN the last one is shrunk first', () => {
    const [first, second] = clampEmbeds([withDescription(4000, 'A'), withDescription(4000, 'B')]);
    expect(first).toEqual(withDescription(4000, 'A'));
    expect(codePointLength(second?.description ?? '')).toBe(6000 - 4001 - 1);
    expect(second?.description?.endsWith('…')).toBe(true);
  });

  it('GIVEN three long descriptions THEN shrinking continues into earlier embeds and drops a description that would be empty', () => {
    const out = clampEmbeds([
      withDescription(4000, 'A'),
      withDescription(4000, 'B'),
      withDescription(4000, 'C'),
    ]);
    expect(out.map((e) => e.title)).toEqual(['A', 'B', 'C']);
    expect(out[2]?.description).toBeUndefined();
    expect(codePointLength(out[0]?.description ?? '')).toBe(4000);
    expect(out.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  });

  it('GIVEN an embed whose fields cannot fit beside the ones before it THEN it and every later embed are dropped', () => {
    const fieldsOnly: APIEmbed = {
      title: 'F',
      fields: Array.from({ length: 6 }, () => ({ name: 'n', value: 'v'.repeat(1000) })),
    };
    const out = clampEmbeds([{ title: 'A', description: 'a'.repeat(1000) }, fieldsOnly, { title: 'C' }]);
    expect(out.map((e) => e.title)).toEqual(['A']);
    expect(out[0]?.description).toBe('a'.repeat(1000));
  });

  it('GIVEN a first embed whose fields alone exceed 6000 THEN its last fields are dropped until it fits', () => {
    const big: APIEmbed = {
      title: 'A',
      description: 'x',
      fields: Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1024) })),
    };
    const [out, ...rest] = clampEmbeds([big, { title: 'B' }]);
    expect(rest).toEqual([]);
    expect(out?.fields?.map((f) => f.name)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(embedLength(out ?? {})).toBeLessThanOrEqual(6000);
  });

  it('GIVEN no embeds THEN it returns none', () => {
    expect(clampEmbeds([])).toEqual([]);
  });

  const longText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 900 }))
      .map(([piece, times]) => `${piece} `.repeat(times)),
  );
  const randomEmbed: fc.Arbitrary<APIEmbed> = fc.record(
    {
      title: longText,
      description: longText,
      footer: fc.record({ text: longText }),
      author: fc.record({ name: longText }),
      fields: fc.array(fc.record({ name: longText, value: longText, inline: fc.boolean() }), {
        maxLength: 30,
      }),
    },
    { requiredKeys: [] },
  );

  it('GIVEN up to 15 random embeds with long strings THEN the result always passes checkMessageLimits, keeps their order and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(randomEmbed, { maxLength: 15 }), (embeds) => {
        const out = clampEmbeds(embeds);
        expect(checkMessageLimits({ embeds: out })).toEqual([]);
        expect(out.length).toBeLessThanOrEqual(Math.min(10, embeds.length));
        if (embeds.length > 0) expect(out.length).toBeGreaterThan(0);
        out.forEach((embed, i) => expect(embed.title).toBe(clampEmbed(embeds[i] ?? {}).title));
        expect(clampEmbeds(embeds)).toEqual(out);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkMessageLimits', () => {
  const button = (custom_id: string, label = 'Go') => ({ type: 2, style: 1, custom_id, label });
  const row = (...components: unknown[]) => ({ type: 1, components });

  it('GIVEN a payload inside every limit THEN there are no violations', () => {
    expect(
      checkMessageLimits({
        content: 'x'.repeat(2000),
        embeds: Array.from({ length: 10 }, () => ({ title: 't', description: 'd'.repeat(500) })),
        components: [
          row(button('a'), button('b'), button('c'), button('d'), {
            type: 2,
            style: 5,
            url: 'https://x.test',
            label: 'Docs',
          }),
          row({ type: 3, custom_id: 'pick', options: [{ label: 'One', value: '1' }] }),
          row(button('x'.repeat(100), 'l'.repeat(80))),
        ],
      }),
    ).toEqual([]);
  });

  it('GIVEN an empty payload THEN there are no violations', () => {
    expect(checkMessageLimits({})).toEqual([]);
  });

  it('GIVEN discord.js builders THEN they are checked through toJSON', () => {
    const builders = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('ok').setLabel('Fine').setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setCustomId('ok').setLabel('Again').setStyle(ButtonStyle.Secondary),
    );
    expect(checkMessageLimits({ components: [builders] })).toEqual([
      'components[0].components[1].custom_id "ok" is used twice in the message',
    ]);
  });

  test.each([
    [
      'content of 2001 code points',
      { content: 'x'.repeat(2001) },
      'content is 2001 code points, the limit is 2000',
    ],
    [
      'content of 2000 emoji',
      { content: '🔥'.repeat(2001) },
      'content is 2001 code points, the limit is 2000',
    ],
    [
      '11 embeds',
      { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      '11 embeds, the limit is 10',
    ],
    [
      'a 257-character title',
      { embeds: [{ title: 't'.repeat(257) }] },
      'embeds[0].title is 257 code points, the limit is 256',
    ],
    [
      'a 4097-character description',
      { embeds: [{ description: 'd'.repeat(4097) }] },
      'embeds[0].description is 4097 code points, the limit is 4096',
    ],
    [
      '26 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      'embeds[0] has 26 fields, the limit is 25',
    ],
    [
      'an empty field name',
      { embeds: [{ fields: [{ name: '', value: 'v' }] }] },
      'embeds[0].fields[0].name is empty',
    ],
    [
      'a 1025-character field value',
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
      'embeds[0].fields[0].value is 1025 code points, the limit is 1024',
    ],
    [
      'a 2049-character footer',
      { embeds: [{ footer: { text: 'f'.repeat(2049) } }] },
      'embeds[0].footer.text is 2049 code points, the limit is 2048',
    ],
    [
      'a 257-character author name',
      { embeds: [{ author: { name: 'a'.repeat(257) } }] },
      'embeds[0].author.name is 257 code points, the limit is 256',
    ],
    [
      'embeds totalling 6001',
      { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] },
      'embeds total 6001 code points, the limit is 6000',
    ],
    [
      '6 action rows',
      { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) },
      '6 action rows, the limit is 5',
    ],
    [
      '6 buttons in a row',
      { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] },
      'components[0] has 6 buttons, the limit is 5',
    ],
    [
      'an 81-character label',
      { components: [row(button('b', 'l'.repeat(81)))] },
      'components[0].components[0].label is 81 code points, the limit is 80',
    ],
    [
      'an empty custom_id',
      { components: [row(button(''))] },
      'components[0].components[0].custom_id: custom_id must not be empty',
    ],
    [
      'a 101-character custom_id',
      { components: [row(button('c'.repeat(101)))] },
      /custom_id: custom_id is 101 UTF-16 units long/,
    ],
    [
      'a button without custom_id',
      { components: [row({ type: 2, style: 1, label: 'x' })] },
      'components[0].components[0].custom_id is missing',
    ],
    [
      'a button without label or emoji',
      { components: [row({ type: 2, style: 1, custom_id: 'x' })] },
      'components[0].components[0] has neither label nor emoji',
    ],
    [
      'a select menu beside a button',
      { components: [row({ type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] }, button('b'))] },
      'components[0] mixes a select menu with other components',
    ],
    [
      'a select menu with 26 options',
      {
        components: [
          row({
            type: 3,
            custom_id: 's',
            options: Array.from({ length: 26 }, (_, i) => ({ label: `${i}`, value: `${i}` })),
          }),
        ],
      },
      'components[0].components[0] has 26 options, the limit is 25',
    ],
    ['a top-level button', { components: [button('b')] }, 'components[0] is not an action row (type 1)'],
    ['an empty action row', { components: [row()] }, 'components[0] is empty'],
  ] satisfies [string, Parameters<typeof checkMessageLimits>[0], string | RegExp][])(
    'GIVEN %s THEN it is reported',
    (_, payload, violation) => {
      const violations = checkMessageLimits(payload);
      expect(violations).toHaveLength(1);
      if (typeof violation === 'string') expect(violations[0]).toBe(violation);
      else expect(violations[0]).toMatch(violation);
    },
  );
});
