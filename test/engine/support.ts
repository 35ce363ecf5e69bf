import { join } from 'node:path';
import { createAnalyzer, type Analyzer } from '../../src/engine/analyzer.js';
import { createEngine, type AnswerEngine, type EngineOptions } from '../../src/engine/engine.js';
import { EMPTY_VOCABULARY } from '../../src/knowledge/vocabulary.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** The shipped knowledge folder, loaded once per test file. */
export function shippedKnowledge(): KnowledgeBase {
  const loaded = loadKnowledge(join(REPO_ROOT, 'knowledge'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.knowledge;
}

export function shippedEngine(options?: EngineOptions): AnswerEngine {
  return createEngine(shippedKnowledge(), options);
}

/** Text analysis with the shipped vocabulary (knowledge/vocabulary.yaml). */
export function shippedAnalyzer(): Analyzer {
  return createAnalyzer(shippedKnowledge().vocabulary ?? EMPTY_VOCABULARY);
}
