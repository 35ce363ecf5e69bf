/**
 * Sweeps engine options on the tuning sets only (never a frozen set): the shipped article's tuning sets
 * with and without hints, and the extra articles' tuning questions with every article loaded.
 *
 *   npx tsx scripts/eval/sweep.ts '{"threshold":[0.5,0.55]}' '{"unknown":[0.7,1]}'
 *
 * The first argument lists engine options, the second ranking weights, each with the values to try; every
 * combination is measured. Prints, per combination, top-1 and off-topic declined per set and their means.
 */
import type { EngineOptions } from '../../src/engine/engine.js';
import { evaluate, type QuestionSet } from './evaluate.js';
import { ourEngine, withoutHints, type Retriever } from './retrievers.js';
import {
  SHIPPED_ARTICLE,
  TUNING_SETS,
  loadFixtureArticles,
  loadSet,
  loadShippedKnowledge,
  multiKnowledge,
  setExists,
  tuningSet,
} from './sets.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';

const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown[]>;
const weights = JSON.parse(process.argv[3] ?? '{}') as Record<string, number[]>;

function combinations(space: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  return Object.entries(space).reduce<Record<string, unknown>[]>(
    (all, [key, values]) => all.flatMap((partial) => values.map((value) => ({ ...partial, [key]: value }))),
    [{}],
  );
}

const retriever = (knowledge: KnowledgeBase, engineOptions: EngineOptions): Retriever =>
  ourEngine(knowledge, engineOptions, 'ours');

const shipped = loadShippedKnowledge();
const bare = withoutHints(shipped);
const extra = loadFixtureArticles();
const multi = multiKnowledge(shipped, extra);
const sets: { name: string; knowledge: KnowledgeBase; set: QuestionSet; articleId?: string }[] = [];
for (const name of TUNING_SETS) {
  if (!setExists(name)) continue;
  sets.push({ name, knowledge: shipped, set: loadSet(name) });
  sets.push({ name: `${name}/nh`, knowledge: bare, set: loadSet(name) });
}
for (const item of extra) {
  const set = tuningSet(item.article.id);
  if (set)
    sets.push({
      name: `t:${item.article.id.slice(0, 8)}`,
      knowledge: multi,
      set,
      articleId: item.article.id,
    });
}

const pct = (value: number): string => (value * 100).toFixed(1).padStart(5);
console.log(
  `sets: ${sets.map((item) => item.name).join(' ')} | multi shift on dev,holdout,extra-b,extra-c,scope`,
);
for (const option of combinations(options)) {
  for (const weight of combinations(weights)) {
    const engineOptions = { ...option, weights: weight } as EngineOptions;
    const cells: string[] = [];
    let top1 = 0;
    let off = 0;
    let offCount = 0;
    for (const item of sets) {
      const report = evaluate(retriever(item.knowledge, engineOptions), item.set, item.articleId);
      cells.push(`${pct(report.top1)}/${pct(report.abstention)}`);
      top1 += report.top1;
      if (item.set.offTopic.length > 0) {
        off += report.abstention;
        offCount++;
      }
    }
    const shifts = ['dev', 'holdout', 'extra-b', 'extra-c', 'scope'].map((name) => {
      const set = loadSet(name);
      const a = evaluate(retriever(shipped, engineOptions), set, SHIPPED_ARTICLE).top1;
      const b = evaluate(retriever(multi, engineOptions), set, SHIPPED_ARTICLE).top1;
      return ((b - a) * 100).toFixed(1);
    });
    console.log(
      `${JSON.stringify({ ...option, ...weight })}\n  mean top-1 ${pct(top1 / sets.length)} off ${pct(off / offCount)} | ${cells.join(' ')} | shift ${shifts.join(' ')}`,
    );
  }
}
