import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/index.js';
import { TypoIndex, isOneEdit } from '../../src/engine/typos.js';

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

  it('GIVEN a word no vocabulary word is close to THEN no correction is proposed and no Fuse index is built', () => {
    const index = new TypoIndex(['therapist', 'boundary', 'wellbeing']);
    expect(index.candidates('thunderstorm', 4, 4)).toEqual([]);
    expect(index.candidates('bxxxxxry', 4, 4)).toEqual([]);
    expect(index.builtIndexes).toBe(0);
    expect(index.candidates('boundry', 4, 4).map((item) => item.word)).toEqual(['boundary']);
    expect(index.builtIndexes).toBe(1);
  });
});
