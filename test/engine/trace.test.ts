import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, formatTrace } from '../../src/engine/engine.js';
import { shippedEngine } from './support.js';

const engine = shippedEngine();

describe('why this answer (npm run ask -- --explain)', () => {
  it('GIVEN a question with a typo THEN the trace shows the words, the correction, the groups and the threshold', () => {
    const trace = engine.trace('crsh on my counselor, is that weird');
    expect(trace.words).toEqual(['crsh', 'on', 'my', 'counselor', 'is', 'that', 'weird']);
    expect(trace.corrections).toEqual([{ from: 'crsh', to: 'crush' }]);
    expect(trace.terms.map((term) => term.term)).toEqual(expect.arrayContaining(['@romance', 'crush']));
    expect(trace.threshold).toBe(DEFAULT_THRESHOLD);
  });

  it('GIVEN the top paragraphs THEN their field contributions add up to the raw score and the first is the answer', () => {
    const question = 'is it ok to ask my therapist how she is doing';
    const trace = engine.trace(question);
    const answer = engine.answer(question);
    expect(trace.top).toHaveLength(3);
    expect(answer.kind === 'answer' && answer.paragraphId).toBe(trace.top[0]?.paragraphId);
    for (const entry of trace.top) {
      const sum = entry.fields.heading + entry.fields.body + entry.fields.keywords + entry.fields.questions;
      expect(sum * entry.articleFactor).toBeCloseTo(entry.raw, 6);
    }
    expect(formatTrace(trace)).toMatch(/hint keywords .* hint questions/);
  });
});

describe('why this answer: belonging', () => {
  it('GIVEN a question that names a section heading but has a word the knowledge does not know THEN the trace shows both scope factors', () => {
    const trace = engine.trace("wht is 'breach of boundaries' meaning here? my english not so good");
    expect(trace.scope).toBeLessThan(trace.headingScope);
    expect(formatTrace(trace)).toContain(
      `${trace.headingScope.toFixed(3)} for sections whose heading the question names`,
    );
  });

  it('GIVEN a question that names a therapist THEN one scope factor is shown', () => {
    const trace = engine.trace('is it ok to ask my therapist how she is doing');
    expect(trace.headingScope).toBe(trace.scope);
    expect(formatTrace(trace)).not.toContain('for sections whose heading');
  });
});
