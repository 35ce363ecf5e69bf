import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatKnowledgeError, parseArticle } from '../../src/knowledge/parse.js';
import type { Article, KnowledgeBase } from '../../src/knowledge/types.js';
import type { QuestionSet } from './evaluate.js';

/** Where the question sets and the extra articles live (`test/fixtures`). */
export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const FIXTURE_ARTICLES = join(FIXTURES, 'articles');
export const SHIPPED_ARTICLE = 'therapist-wellbeing';

/** Sets for the shipped article, in the order the eval prints them. */
export const SHIPPED_SETS = [
  'fresh',
  'fresh-2',
  'dev',
  'holdout',
  'extra-a',
  'extra-b',
  'extra-c',
  'scope',
] as const;

/** The shipped article's sets that may be tuned on (`npm run eval -- --tuning` runs only these). */
export const TUNING_SETS = SHIPPED_SETS.filter((name) => !isFrozen(name));

/**
 * Held-out sets: written blind to the engine and never tuned on. The eval prints their figures only, not
 * their misses, unless asked (`--show-misses`), so nobody tunes on them by accident.
 */
export function isFrozen(setName: string): boolean {
  return setName === 'fresh' || setName === 'fresh-2' || setName.startsWith('article:');
}

export function setExists(name: string): boolean {
  return existsSync(join(FIXTURES, `${name}-set.json`));
}

export function readSet(path: string): QuestionSet {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<QuestionSet>;
  return { answerable: parsed.answerable ?? [], offTopic: parsed.offTopic ?? [] };
}

export function loadSet(name: string): QuestionSet {
  return readSet(join(FIXTURES, `${name}-set.json`));
}

export function loadShippedKnowledge(): KnowledgeBase {
  const loaded = loadKnowledge(join(ROOT, 'knowledge'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.knowledge;
}

export interface FixtureArticle {
  readonly article: Article;
  /** Its frozen question set, when written (`<id>.questions.json`). */
  readonly questions: QuestionSet | undefined;
}

/** The extra articles of `test/fixtures/articles/` (no hints), each with its frozen question set. */
export function loadFixtureArticles(directory = FIXTURE_ARTICLES): FixtureArticle[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const path = join(directory, name);
      const parsed = parseArticle(path, readFileSync(path, 'utf8'));
      if (!parsed.ok) throw new Error(formatKnowledgeError(parsed.error));
      const questionsPath = join(directory, `${parsed.article.id}.questions.json`);
      return {
        article: parsed.article,
        questions: existsSync(questionsPath) ? readSet(questionsPath) : undefined,
      };
    });
}

/** The shipped knowledge plus the extra articles, as one knowledge folder would load them. */
export function multiKnowledge(shipped: KnowledgeBase, extra: readonly FixtureArticle[]): KnowledgeBase {
  return { ...shipped, articles: [...shipped.articles, ...extra.map((item) => item.article)] };
}

/** Our own tuning questions for an extra article (`test/eval/tuning/<id>.json`): not frozen, tune freely. */
export function tuningSet(articleId: string): QuestionSet | undefined {
  const path = join(ROOT, 'test', 'eval', 'tuning', `${articleId}.json`);
  return existsSync(path) ? readSet(path) : undefined;
}
