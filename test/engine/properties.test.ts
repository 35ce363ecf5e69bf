import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/engine/text.js';
import { shippedEngine, shippedAnalyzer } from './support.js';

const { analyzeWords, findConcepts } = shippedAnalyzer();

const engine = shippedEngine();

// Arbitrary text: full unicode (including lone surrogates and control characters), up to 10,000 chars.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ maxLength: 10_000 }),
);

// Text made of words the engine knows, so answers (not just no-matches) are exercised.
const VOCABULARY = [
  'therapist',
  'my',
  'shrink',
  'how',
  'are',
  'you',
  'crush',
  'boundaries',
  'sick',
  'cancel',
  'script',
  'friends',
  'prescription',
  'psychiatrist',
  'summary',
  'tldr',
  'ask',
  'wellbeing',
  'is',
  'it',
  'ok',
  'to',
  'personal',
  'life',
  'attached',
  'date',
  'fit',
  'state',
  '?',
  '!',
  'therapsit',
  '😂',
  '<@123>',
];
const knownWords = fc
  .array(fc.constantFrom(...VOCABULARY), { minLength: 0, maxLength: 40 })
  .map((parts) => parts.join(' '));
const questions = fc.oneof(anyText, knownWords);

describe('properties over arbitrary input', () => {
  it('GIVEN any string THEN the tokenizer and concept finder never throw and return lowercase tokens', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenize(text);
        for (const token of tokens) {
          expect(token.word).toBe(token.word.toLowerCase());
          expect(token.stem.length).toBeGreaterThan(0);
        }
        findConcepts(analyzeWords(text));
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN any string THEN answer never throws, and scores and alternatives keep their contract', () => {
    fc.assert(
      fc.property(questions, (question) => {
        const result = engine.answer(question);
        if (result.kind === 'no-match') {
          expect(['empty', 'not-covered']).toContain(result.reason);
          expect(result.nearestTopics.length).toBeLessThanOrEqual(3);
          return;
        }
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.alternatives.length).toBeLessThanOrEqual(3);
        for (const alternative of result.alternatives) {
          expect(alternative.paragraphId).not.toBe(result.paragraphId);
          expect(alternative.score).toBeGreaterThanOrEqual(0);
          expect(alternative.score).toBeLessThanOrEqual(1);
        }
        expect(engine.findParagraph(result.articleId, result.paragraphId)?.text).toContain(
          result.bestSentence,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('GIVEN the same input twice THEN the result is the same', () => {
    fc.assert(
      fc.property(questions, (question) => {
        expect(engine.answer(question)).toEqual(engine.answer(question));
        expect(engine.explain(question)).toEqual(engine.explain(question));
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN explain on any string THEN every confidence is within [0, 1]', () => {
    fc.assert(
      fc.property(questions, (question) => {
        for (const entry of engine.explain(question)) {
          expect(entry.score).toBeGreaterThanOrEqual(0);
          expect(entry.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
