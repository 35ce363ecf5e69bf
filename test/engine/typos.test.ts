import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/index.js';
import { BoundedEditDistance, TypoIndex, isOneEdit, levenshtein } from '../../src/engine/typos.js';

// Short words over a small alphabet, so neighbours, swaps and near-misses come up often.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 0, maxLength: 9 });

describe('the typo pre-check', () => {
  it('GIVEN any two words THEN isOneEdit agrees with the edit distance', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(isOneEdit(a, b)).toBe(editDistance(a, b) === 1);
      }),
      { numRuns: 5000 },
    );
  });

  it('GIVEN any two words and a limit THEN the bounded distance agrees with the edit distance', () => {
    const bounded = new BoundedEditDistance();
    const nonEmpty = word.filter((text) => text.length > 0);
    fc.assert(
      fc.property(nonEmpty, nonEmpty, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        expect(bounded.within(a, b, limit)).toBe(Math.min(editDistance(a, b), limit + 1));
      }),
      { numRuns: 5000 },
    );
  });

  it('GIVEN two words THEN the plain edit distance counts a swap as two edits', () => {
    expect(levenshtein('therapsit', 'therapist')).toBe(2);
    expect(levenshtein('boundry', 'boundary')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });

  it('GIVEN a vocabulary and a word THEN hasWordWithin is true exactly when another word with its first letter is that close', () => {
    const vocabulary = fc.array(
      word.map((rest) => `a${rest}`),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(vocabulary, word, fc.constantFrom(1, 2), (words, rest, edits) => {
        const query = `a${rest}`;
        const index = new TypoIndex(words);
        const expected = words.some(
          (candidate) =>
            candidate !== query && candidate.length >= 4 && editDistance(query, candidate) <= edits,
        );
        expect(index.hasWordWithin(query, edits)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('GIVEN a word no vocabulary word is close to THEN no correction is proposed', () => {
    const index = new TypoIndex(['therapist', 'boundary', 'wellbeing']);
    expect(index.candidates('thunderstorm', 4, 4)).toEqual([]);
    expect(index.candidates('bxxxxxry', 4, 4)).toEqual([]);
    expect(index.candidates('boundry', 4, 4).map((item) => item.word)).toEqual(['boundary']);
  });
});
