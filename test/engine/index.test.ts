import { describe, expect, it } from 'vitest';
import { averageFieldLengths } from '../../src/engine/index.js';

const doc = (heading: number, keywords: number) => ({
  heading: Array.from({ length: heading }, (_, at) => `h${at}`),
  body: ['word'],
  keywords: Array.from({ length: keywords }, (_, at) => `k${at}`),
  questions: [],
});

describe('index: field length normalisation', () => {
  it('GIVEN paragraphs without hints beside hinted ones THEN the hint average is over the hinted ones only', () => {
    const hinted = [doc(2, 10), doc(4, 20)];
    const alone = averageFieldLengths(hinted);
    const together = averageFieldLengths([...hinted, doc(3, 0), doc(3, 0)]);
    // An added article without hints leaves the hinted article's normalisation as it was.
    expect(together.keywords).toBe(alone.keywords);
    expect(alone.keywords).toBe(15);
    // Fields every paragraph has still average over all of them.
    expect(together.heading).toBe(3);
  });

  it('GIVEN no paragraph has a field THEN its average is 1, never 0 or NaN', () => {
    expect(averageFieldLengths([doc(1, 0)]).questions).toBe(1);
    expect(averageFieldLengths([]).body).toBe(1);
  });
});
