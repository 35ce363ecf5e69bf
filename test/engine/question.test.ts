import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/engine/index.js';
import { createQuestionAnalyzer } from '../../src/engine/question.js';
import { DEFAULT_WEIGHTS } from '../../src/engine/weights.js';
import { shippedKnowledge } from './support.js';

const analyze = createQuestionAnalyzer(buildIndex(shippedKnowledge(), DEFAULT_WEIGHTS), DEFAULT_WEIGHTS);
const corrected = (question: string): Record<string, string> =>
  Object.fromEntries(analyze(question).corrections.map((fix) => [fix.from, fix.to]));

describe('typos as people make them', () => {
  it('GIVEN a short mistyped word the rest of the question supports THEN it is corrected ("crsh on my counselor")', () => {
    expect(corrected('crsh on my counselor')).toEqual({ crsh: 'crush' });
  });

  it('GIVEN a short word completing a phrase THEN it is corrected ("shrot version")', () => {
    expect(corrected('can u give me the shrot version')).toMatchObject({ shrot: 'short' });
  });

  it('GIVEN a real short word the rest of the question does not support THEN it stays itself', () => {
    expect(corrected('my friend is sick, what soup should i make her')).toEqual({});
  });

  it('GIVEN two typos in one short question THEN both are corrected', () => {
    expect(corrected('crsh on my tehrapsit')).toEqual({ crsh: 'crush', tehrapsit: 'therapist' });
  });

  it('GIVEN a mistyped stopword THEN it is read as the stopword, not as an unknown word', () => {
    const analysis = analyze('i alwauys ask my therapist how she is');
    expect(analysis.corrections).toContainEqual({ from: 'alwauys', to: 'always' });
    expect(analysis.unknownWords).toBe(0);
  });

  it('GIVEN a corrected word inside a group phrase THEN the phrase is found ("mejntal health" → a therapist)', () => {
    expect(analyze('do mejntal health pros have bad days').terms.has('@therapist')).toBe(true);
  });
});
