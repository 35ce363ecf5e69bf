import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  expandContractions,
  foldAccents,
  normalizeText,
  splitWords,
  stripInvisible,
  unifyApostrophes,
  words,
} from '../../src/text/index.js';

describe('invisible characters', () => {
  it('GIVEN a soft hyphen, a bidi isolate, a Hangul filler or a word joiner inside a word THEN the word is whole again', () => {
    for (const hidden of ['\u00ad', '\u2066', '\u3164', '\u2060', '\u200b', '\ufeff', '\u0007']) {
      expect(stripInvisible(`thera${hidden}pist`), JSON.stringify(hidden)).toBe('therapist');
    }
  });

  it('GIVEN controls that separate words THEN they become spaces rather than joining the words', () => {
    expect(splitWords(stripInvisible('my\vtherapist\u001fis\u0085sick'))).toEqual([
      'my',
      'therapist',
      'is',
      'sick',
    ]);
  });
});

describe('accents and apostrophes', () => {
  it('GIVEN accented and compatibility characters THEN they fold to plain letters', () => {
    expect(foldAccents('Thérapeute ﬁne ｔｈｅｒａｐｉｓｔ')).toBe('Therapeute fine therapist');
  });

  it('GIVEN every apostrophe-like character THEN each becomes a straight apostrophe', () => {
    for (const mark of [
      '\u2018',
      '\u2019',
      '\u201b',
      '\u02bc',
      '\u02b9',
      '`',
      '\u00b4',
      '\u2032',
      '\uff07',
    ]) {
      expect(unifyApostrophes(`don${mark}t`), JSON.stringify(mark)).toBe("don't");
    }
  });
});

describe('contractions', () => {
  it('GIVEN negations THEN both modes keep the "not"', () => {
    for (const mode of ['expand', 'drop'] as const) {
      expect(expandContractions("won't can't ain't don't", mode)).toBe('will not can not is not do not');
    }
  });

  it('GIVEN pronoun contractions THEN "expand" spells them out and "drop" removes them', () => {
    expect(expandContractions("i'm sure they're fine, i've asked, she'll say, i'd go", 'expand')).toBe(
      'i am sure they are fine, i have asked, she will say, i would go',
    );
    expect(expandContractions("i'm sure she's fine and they'll say", 'drop')).toBe(
      'i sure she fine and they say',
    );
  });
});

describe('words', () => {
  it('GIVEN a chat message in mixed scripts, curly apostrophes and a mention THEN only its words remain, in order', () => {
    expect(words('<@123> Is my Thérapeute’s 猫 OK? don’t know')).toEqual([
      'is',
      'my',
      'therapeute',
      '猫',
      'ok',
      'do',
      'not',
      'know',
    ]);
  });
});

describe('edit distance', () => {
  it('GIVEN two words THEN it counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('therapist', 'therapist')).toBe(0);
    expect(editDistance('therapsit', 'therapist')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('GIVEN a limit THEN a distance over it is reported as limit + 1, early', () => {
    expect(editDistance('banana', 'myself', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
    expect(editDistance('myslef', 'myself', 2)).toBe(1);
  });
});

describe('words of plain text', () => {
  // Fragments that exercise every step: case, apostrophes and backticks, contractions, emoji, mentions,
  // links, "@bot", digits, punctuation, tabs and line breaks.
  const fragment = fc.constantFrom(
    'Therapist',
    'won',
    "won't",
    "can't",
    "it's",
    "I'M",
    'don`t',
    '`',
    "'",
    ' ',
    '\n',
    '\t',
    '\r',
    '<:wave:123>',
    '<@!42>',
    '<#7>',
    '<',
    '>',
    'https://x.y/z',
    'HTTP://A.B',
    'http',
    '@bot',
    '@',
    'a@b.c',
    '.',
    '-',
    '_',
    '2025',
    'x9',
    '?!',
    ':',
  );
  const plain = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

  it('GIVEN printable ASCII with tabs and line breaks THEN words are those of the full normalisation', () => {
    fc.assert(
      fc.property(plain, (text) => {
        expect(words(text)).toEqual(splitWords(expandContractions(normalizeText(text), 'drop')));
      }),
      { numRuns: 3000 },
    );
  });
});
