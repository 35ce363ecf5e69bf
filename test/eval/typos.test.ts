import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/index.js';
import { plainBm25 } from '../../scripts/eval/bm25.js';
import { loadSet, loadShippedKnowledge } from '../../scripts/eval/sets.js';
import { editWord, generateTypoSet, knowledgeCompounds } from '../../scripts/eval/typos.js';
import { mulberry32 } from '../../scripts/eval/generate-knowledge.js';

const knowledge = loadShippedKnowledge();
const dev = loadSet('dev');

function changedWords(original: string, variant: string): [string, string][] {
  const left = original.split(/\s+/);
  const right = variant.split(/\s+/);
  return left.flatMap((word, at): [string, string][] =>
    word === right[at] ? [] : [[word, right[at] ?? '']],
  );
}

describe('the generated typo set', () => {
  const cases = generateTypoSet(dev.answerable, knowledgeCompounds(knowledge));

  it('GIVEN the same questions twice THEN the same variants come out (deterministic)', () => {
    expect(generateTypoSet(dev.answerable, knowledgeCompounds(knowledge))).toEqual(cases);
  });

  it('GIVEN a 1-edit variant THEN exactly one word differs, by one edit, and keeps its first letter', () => {
    const oneEdit = cases.filter((item) => item.kind === '1-edit');
    expect(oneEdit.length).toBeGreaterThan(dev.answerable.length);
    for (const item of oneEdit) {
      const changed = changedWords(item.original, item.question);
      expect(changed, item.question).toHaveLength(1);
      const [before, after] = changed[0] as [string, string];
      expect(editDistance(before.toLowerCase(), after.toLowerCase(), 3), item.question).toBeLessThanOrEqual(
        2,
      );
      expect(after[0]).toBe(before[0]);
    }
  });

  it('GIVEN a 2-edit variant THEN it differs from the original in one or two words', () => {
    const twoEdit = cases.filter((item) => item.kind === '2-edit');
    expect(twoEdit.length).toBeGreaterThan(dev.answerable.length);
    for (const item of twoEdit) {
      const changed = changedWords(item.original, item.question);
      expect(changed.length, item.question).toBeGreaterThanOrEqual(1);
      expect(changed.length, item.question).toBeLessThanOrEqual(2);
    }
  });

  it('GIVEN the article writes "well-being" THEN questions get it joined, split and hyphenated', () => {
    expect(knowledgeCompounds(knowledge)).toContainEqual(['well', 'being']);
    const compound = cases.filter((item) => item.kind === 'compound').map((item) => item.question);
    expect(compound.some((question) => /\bwellbeing\b/i.test(question))).toBe(true);
    expect(compound.some((question) => /\bwell being\b/i.test(question))).toBe(true);
    expect(compound.some((question) => /\bwell-being\b/i.test(question))).toBe(true);
  });

  it('GIVEN a word of four letters THEN one edit changes it and leaves its first letter', () => {
    const random = mulberry32(3);
    for (let round = 0; round < 200; round++) {
      const edited = editWord('rule', random);
      expect(edited).not.toBe('rule');
      expect(edited[0]).toBe('r');
    }
  });
});

describe('the plain BM25 reference', () => {
  it('GIVEN a question in the words of a heading THEN a paragraph of that section ranks first', () => {
    const bm25 = plainBm25(knowledge);
    expect(bm25.rank('handling unwanted attention')[0]?.sectionId).toBe('handling-unwanted-attention');
  });

  it('GIVEN a question with no word of the article THEN it returns nothing', () => {
    expect(plainBm25(knowledge).rank('zebra quokka')).toEqual([]);
  });
});
