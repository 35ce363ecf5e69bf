import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  echoUserText,
  escapeForDiscord,
  quoteForDiscord,
  sanitizeUserText,
} from '../../src/answer/escape.js';
import { codePointLength } from '../../src/answer/limits.js';

const Z = '\u200b'; // zero-width space, inserted by escapeForDiscord

/** Strings built from the pieces attackers use, mixed with arbitrary code points and lone surrogates. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '@',
      'everyone',
      'EVERYONE',
      'here',
      '<',
      '>',
      '<@',
      '<@!',
      '<@&',
      '<#',
      '\\',
      '`',
      '```',
      '*',
      '_',
      '~',
      '|',
      '[',
      ']',
      '(',
      ')',
      '#',
      '-',
      '+',
      '1.',
      ':',
      '//',
      'https',
      'discord.gg/',
      ' ',
      '\n',
      '\r\n',
      '\t',
      '\u0000',
      '\u0085',
      Z,
      '\u200d',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\u{E0041}',
      '👩',
      '💻',
      '\u0301',
      '\ud83d',
      '\ude00',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 120,
});
const anyText = fc.oneof(
  hostileText,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
);

/** Characters a sanitized text must not contain (emoji ZWJ and flag tags are checked separately). */
const FORBIDDEN_AFTER_SANITIZE =
  /[\p{Cc}\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u3164]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What Discord shows for escaped text: each `\x` is `x`, and our zero-width spaces are invisible. */
const rendered = (escaped: string): string => escaped.replace(/\\([\s\S])/g, '$1').replaceAll(Z, '');

/** True when every occurrence of one of `chars` is preceded by an odd number of backslashes. */
function allEscaped(text: string, chars: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!chars.includes(text.charAt(i))) continue;
    let backslashes = 0;
    while (text.charAt(i - 1 - backslashes) === '\\') backslashes++;
    if (backslashes % 2 === 0) return false;
  }
  return true;
}

describe('sanitizeUserText', () => {
  test.each([
    ['plain text', 'Is it OK to ask?', 'Is it OK to ask?'],
    ['NUL and other C0 controls are removed', 'a\u0000b\u0007c\u001bd', 'abcd'],
    ['C1 controls are removed', 'a\u0080b\u009fc', 'abc'],
    ['newlines and tabs become one space', 'line one\r\n\n\tline two', 'line one line two'],
    ['NEL and line/paragraph separators are whitespace', 'a\u0085b\u2028c\u2029d', 'a b c d'],
    ['runs of any whitespace collapse', 'a  \u00a0\u3000  b', 'a b'],
    ['leading and trailing whitespace is trimmed', '  \n hello \t ', 'hello'],
    ['an RTL override is removed', 'abc\u202Egnp.exe', 'abcgnp.exe'],
    [
      'bidi embeddings and isolates are removed',
      '\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069',
      'abcdefg',
    ],
    ['LRM, RLM and ALM are removed', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['zero-width characters are removed', `ev${Z}ery\u200cone\u2060 \ufeffhi\u00ad!`, 'everyone hi!'],
    ['a ZWJ outside emoji is removed', 'a\u200db', 'ab'],
    ['a ZWJ emoji sequence is kept', 'I am 👩‍💻 and 🏳️‍🌈 and 👩🏽‍💻', 'I am 👩‍💻 and 🏳️‍🌈 and 👩🏽‍💻'],
    ['a subdivision flag is kept', 'from 🏴󠁧󠁢󠁳󠁣󠁴󠁿!', 'from 🏴󠁧󠁢󠁳󠁣󠁴󠁿!'],
    ['hidden tag characters are removed', 'hi\u{E0049}\u{E0047}\u{E004E}\u{E004F}', 'hi'],
    ['Hangul fillers are removed', '\u3164\u3164name', 'name'],
    ['Zalgo marks are cut back to 4 per letter', `z${'\u0301'.repeat(30)}a`, `z${'\u0301'.repeat(4)}a`],
    ['ordinary accents are kept', 'cafe\u0301 Tiê\u0300ng', 'cafe\u0301 Tiê\u0300ng'],
    ['lone surrogates become U+FFFD', 'a\ud83db\ude00c', 'a\ufffdb\ufffdc'],
    ['emoji are kept', '🔥 hot take 🇫🇷', '🔥 hot take 🇫🇷'],
    ['only invisible input gives an empty string', `${Z}\u202e\u0000 \n`, ''],
  ])('GIVEN %s THEN the result is %j', (_, text, expected) => {
    expect(sanitizeUserText(text, 500)).toBe(expected);
  });

  it('GIVEN 10,000 characters THEN it is clamped at a word with an ellipsis', () => {
    const result = sanitizeUserText('word '.repeat(2000), 100);
    expect(codePointLength(result)).toBeLessThanOrEqual(100);
    expect(result).toMatch(/^(word )+word…$/);
  });

  it('GIVEN any text THEN the result has no control or invisible characters, single spaces only, and at most max code points', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 150 }), (text, max) => {
        const result = sanitizeUserText(text, max);
        expect(codePointLength(result)).toBeLessThanOrEqual(max);
        expect(result).not.toMatch(FORBIDDEN_AFTER_SANITIZE);
        expect(result).not.toMatch(LONE_SURROGATE);
        // format characters survive only as emoji ZWJ or inside a tag flag
        const withoutEmojiParts = result
          .replace(/\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu, '')
          .replace(
            /(?<=\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?)\u200d(?=\p{Extended_Pictographic})/gu,
            '',
          );
        expect(withoutEmojiParts).not.toMatch(/\p{Cf}/u);
        expect(result).not.toMatch(/\s\s|^\s|\s$|[^\S ]/);
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN any text THEN sanitizing twice changes nothing more', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = sanitizeUserText(text, 10_000);
        expect(sanitizeUserText(once, 10_000)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeForDiscord', () => {
  test.each([
    ['@everyone', '@everyone', `@${Z}everyone`],
    ['@here', 'hey @here!', `hey @${Z}here!`],
    ['@everyone in any case', '@EveryOne', `@${Z}EveryOne`],
    ['a user mention', '<@123>', '\\<@123>'],
    ['a nickname mention', '<@!123>', '\\<@!123>'],
    ['a role mention', '<@&123>', '\\<@&123>'],
    ['a channel mention', '<#123>', '\\<#123>'],
    ['a slash command mention', '</ask:1>', '\\</ask:1>'],
    ['a custom emoji', '<:pepe:1>', '\\<:pepe:1>'],
    ['a timestamp', '<t:0:R>', '\\<t:0:R>'],
    ['bold', '**bold**', '\\*\\*bold\\*\\*'],
    ['italic and underline', '*it* __un__', '\\*it\\* \\_\\_un\\_\\_'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['a spoiler', '||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['inline code', '`code`', '\\`code\\`'],
    ['a code fence', '```js\nalert(1)\n```', '\\`\\`\\`js\nalert\\(1\\)\n\\`\\`\\`'],
    ['a heading', '# heading', '\\# heading'],
    ['a level-3 heading', '### small', '\\### small'],
    ['subtext', '-# tiny', '\\-# tiny'],
    ['a quote', '> quoted', '\\> quoted'],
    ['a multi-line quote', '>>> all of it', '\\>>> all of it'],
    ['a bulleted list', '- one\n+ two\n  - nested', '\\- one\n\\+ two\n  \\- nested'],
    ['a numbered list', '1. first\n10. tenth', '1\\. first\n10\\. tenth'],
    ['markers mid-line are left alone', 'well-being > 3 #1 2. ok', 'well-being > 3 #1 2. ok'],
    ['a masked link', '[click](https://evil)', `\\[click\\]\\(https:${Z}//evil\\)`],
    ['a bare link', 'see https://evil.example/x', `see https:${Z}//evil.example/x`],
    ['a link in angle brackets', '<https://evil>', `\\<https:${Z}//evil>`],
    ['another scheme', 'steam://run/1', `steam:${Z}//run/1`],
    ['an invite without scheme', 'join discord.gg/abc', `join discord${Z}.gg/abc`],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['an already escaped mention', '\\<@123>', '\\\\\\<@123>'],
    ['plain text', 'Is it OK to ask?', 'Is it OK to ask?'],
    ['an empty string', '', ''],
  ])('GIVEN %s THEN %j is escaped to %j', (_, text, expected) => {
    expect(escapeForDiscord(text)).toBe(expected);
  });

  it('GIVEN 10,000 hostile characters THEN it escapes them all quickly', () => {
    const text = '@everyone <@1> **x** '.repeat(500);
    const start = performance.now();
    const escaped = escapeForDiscord(text);
    expect(performance.now() - start).toBeLessThan(200);
    expect(escaped).not.toMatch(/@everyone/);
    expect(rendered(escaped)).toBe(text);
  });

  it('GIVEN any text THEN there is no raw @everyone/@here and every < and markdown character is escaped', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const escaped = escapeForDiscord(text);
        expect(escaped).not.toMatch(/@(everyone|here)/i);
        expect(allEscaped(escaped, '<*_~`|[]()')).toBe(true);
        expect(escaped).not.toMatch(/[a-z0-9+.-]:\/\//i);
        // line-start block markers are escaped
        expect(escaped).not.toMatch(/^[ \t]*([#>+-]|\d+\.)/m);
      }),
      { numRuns: 1000 },
    );
  });

  it('GIVEN any text without zero-width spaces THEN it renders as the original text and is deterministic', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = raw.replaceAll(Z, '');
        const escaped = escapeForDiscord(text);
        expect(rendered(escaped)).toBe(text);
        expect(escapeForDiscord(text)).toBe(escaped);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('quoteForDiscord', () => {
  test.each([
    ['one line', 'why ask?', '> why ask?'],
    ['several lines', 'a\n# b\r\nc', '> a\n> \\# b\n> c'],
    ['a mention', '@here <@1>', `> @${Z}here \\<@1>`],
    ['an empty text', '', ''],
  ])('GIVEN %s THEN every line is a quoted, escaped line', (_, text, expected) => {
    expect(quoteForDiscord(text)).toBe(expected);
  });
});

describe('echoUserText', () => {
  test.each([
    [
      'a normal question',
      'Can I ask my therapist how they are?',
      100,
      'Can I ask my therapist how they are?',
    ],
    ['a hostile question', ' @everyone\n<@1> **hi** ', 100, `@${Z}everyone \\<@1> \\*\\*hi\\*\\*`],
    ['text that grows when escaped', '*'.repeat(50), 20, `${'\\*'.repeat(9)}…`],
    ['a zero budget', 'anything', 0, ''],
  ])('GIVEN %s THEN the echo is %j', (_, text, max, expected) => {
    expect(echoUserText(text, max)).toBe(expected);
  });

  it('GIVEN any text and budget THEN the escaped echo fits the budget and is safe', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 120 }), (text, max) => {
        const echo = echoUserText(text, max);
        expect(codePointLength(echo)).toBeLessThanOrEqual(max);
        expect(echo).not.toMatch(/@(everyone|here)/i);
        expect(allEscaped(echo, '<*_~`|[]()')).toBe(true);
        expect(echo).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
        // it shows the sanitized text, or a prefix of it ending in an ellipsis
        const plain = sanitizeUserText(text, max);
        const shown = rendered(echo);
        expect(shown === plain || (shown.endsWith('…') && plain.startsWith(shown.slice(0, -1)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
