import { describe, expect, it } from 'vitest';
import { createEngine, FITTED_SCOPE_MODEL, SCOPE_FEATURES } from '../../src/engine/engine.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { parseArticle } from '../../src/knowledge/parse.js';
import { parseVocabulary } from '../../src/knowledge/vocabulary.js';
import { loadShippedKnowledge } from '../../scripts/eval/sets.js';
import { withoutHints } from '../../scripts/eval/retrievers.js';
import { DEFAULT_WEIGHTS } from '../../src/engine/weights.js';
import { unknownWeight } from '../../src/engine/rank.js';

const ARTICLE =
  '# Vets\n\n## Visits\n\nYour vet checks the dog once a year.\n\n## Fees\n\nA visit to the vet costs money.\n';

function knowledge(vocabularyText?: string): KnowledgeBase {
  const parsed = parseArticle('vets.md', ARTICLE);
  if (!parsed.ok) throw new Error('article');
  if (vocabularyText === undefined) return { articles: [parsed.article] } as KnowledgeBase;
  const vocabulary = parseVocabulary('vocabulary.yaml', vocabularyText);
  if (!vocabulary.ok) throw new Error(vocabulary.error.message);
  return { articles: [parsed.article], vocabulary: vocabulary.vocabulary } as KnowledgeBase;
}

const VOCABULARY =
  'groups:\n  vet:\n    role: setting\n    terms: [vet]\n  elsewhere:\n    role: other\n    terms: [dentist, my mom]\n';

describe('the answer decision reads domain-free scope features', () => {
  it('GIVEN a question naming a group of role other THEN the trace names it and the features flag it, unanchored', () => {
    const engine = createEngine(knowledge(VOCABULARY));
    const trace = engine.trace('how often does my mom check the dog');
    expect(trace.others).toEqual(['my mom']);
    const features = engine.scopeFeatures('how often does my mom check the dog');
    expect(features.other).toBe(1);
    expect(features.anchored).toBe(0);
    expect(features.otherUnanchored).toBe(1);
    const anchored = engine.scopeFeatures('how often does my vet check the dog');
    expect(anchored.anchored).toBe(1);
    expect(anchored.otherUnanchored).toBe(0);
  });

  it('GIVEN a vocabulary without setting or anchor groups THEN every question counts as anchored', () => {
    expect(createEngine(knowledge()).scopeFeatures('how often is the dog checked').anchored).toBe(1);
  });

  it('GIVEN a question with words the knowledge does not know THEN their share of the question is measured', () => {
    const engine = createEngine(knowledge(VOCABULARY));
    expect(engine.scopeFeatures('how often is the dog checked').unknownShare).toBe(0);
    expect(engine.scopeFeatures('how often is the dog checked for parasites').unknownShare).toBeGreaterThan(
      0,
    );
  });

  it('GIVEN a scope model THEN it decides, and its verdict and each feature part are in the trace', () => {
    const never = { bias: -50, weights: {}, threshold: 0.5 };
    const always = { bias: 50, weights: {}, threshold: 0.5 };
    const question = 'what does a visit to the vet cost';
    expect(createEngine(knowledge(VOCABULARY), { scopeModel: never }).answer(question).kind).toBe('no-match');
    expect(createEngine(knowledge(VOCABULARY), { scopeModel: always }).answer(question).kind).toBe('answer');
    const trace = createEngine(knowledge(VOCABULARY), {
      scopeModel: { ...never, weights: { coverage: 1 } },
    }).trace(question);
    expect(trace.decision?.probability).toBeLessThan(0.5);
    expect(trace.decision?.contributions?.coverage).toBeCloseTo(trace.decision?.features.coverage ?? -1, 6);
  });

  it('GIVEN the fitted scope model file THEN it weighs only features the policy computes', () => {
    expect(Object.keys(FITTED_SCOPE_MODEL.weights).length).toBeGreaterThan(0);
    for (const name of Object.keys(FITTED_SCOPE_MODEL.weights)) expect(SCOPE_FEATURES).toContain(name);
  });
});

describe('a question about someone other than the setting', () => {
  const engine = createEngine(loadShippedKnowledge());

  it('GIVEN a question about another person that shares the knowledge words THEN it is declined', () => {
    expect(engine.answer('how do i set boundaries with my mom').kind).toBe('no-match');
    expect(engine.answer('is it ok to ask my dentist how her day is going').kind).toBe('no-match');
  });

  it('GIVEN another kind of professional whose name holds a setting word THEN it is not the setting', () => {
    expect(engine.trace('can i ask my physical therapist personal questions').others).toEqual([
      'physical therapist',
    ]);
    expect(engine.answer('can i ask my physical therapist personal questions').kind).toBe('no-match');
  });

  it('GIVEN the question also names the setting THEN the other person does not make it foreign', () => {
    const answer = engine.answer('my therapist said her mom is sick, can i ask how she is doing');
    expect(answer.kind).toBe('answer');
  });
});

describe('unknown words weigh by their length in a question that belongs', () => {
  it('GIVEN short everyday words and a long one THEN the short ones count less, a word of 8 letters fully', () => {
    const weights = { ...DEFAULT_WEIGHTS, unknownLength: 6 };
    expect(unknownWeight(2, ['now', 'insurance'], weights)).toBeCloseTo(1 / 6 + 1, 6);
    expect(unknownWeight(1, ['deductible'], weights)).toBe(1);
    expect(unknownWeight(2, ['now', 'insurance'], { ...weights, unknownLength: 0 })).toBe(2);
    expect(unknownWeight(2, undefined, weights)).toBe(2);
  });

  it('GIVEN unknownLength on and a question that names the setting WHEN its other words are everyday chatter THEN it is answered', () => {
    const engine = createEngine(withoutHints(loadShippedKnowledge()), { weights: { unknownLength: 6 } });
    const question =
      'my therapist looked exhausted last week and i felt weird about it. would she even tell me if she was sick?';
    expect(engine.answer(question).kind).toBe('answer');
    const strict = createEngine(withoutHints(loadShippedKnowledge()), { weights: { unknownLength: 0 } });
    expect(strict.answer(question).kind).toBe('no-match');
  });
});
