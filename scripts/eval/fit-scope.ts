/**
 * Fits the answer decision (`src/engine/scope-model.json`): a logistic model over the domain-free scope
 * features of policy.ts, from tuning questions only. Frozen sets are never read here.
 *
 *   npx tsx scripts/eval/fit-scope.ts            cross-validated figures per tuning set, old policy beside
 *   npx tsx scripts/eval/fit-scope.ts --write    also fit on every tuning set and write the model
 *   npx tsx scripts/eval/fit-scope.ts --features a,b,c   only these features
 *   npx tsx scripts/eval/fit-scope.ts --cost 3   an answered off-topic question costs 3 (default 2)
 *   npx tsx scripts/eval/fit-scope.ts --combine  measure the model only as a veto/rescue of the old threshold
 *                                                (not adopted: no better; cannot be written)
 *
 * Examples: the shipped article's tuning sets (with the shipped knowledge, and again with its hints
 * removed, since a server's new article has none), the extra articles' tuning questions (with every
 * article loaded). An answerable question whose accepted section is not in the top three teaches nothing
 * about answering and is left out. Cross-validation leaves one set out at a time (a set and its no-hints
 * copy together), choosing the threshold on the other sets.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, SCOPE_FEATURES, type ScopeFeature, type ScopeModel } from '../../src/engine/engine.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import type { QuestionSet } from './evaluate.js';
import { withoutHints } from './retrievers.js';
import {
  ROOT,
  SHIPPED_ARTICLE,
  TUNING_SETS,
  isFrozen,
  loadFixtureArticles,
  loadSet,
  loadShippedKnowledge,
  multiKnowledge,
  setExists,
  tuningSet,
} from './sets.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const featureArg = args[args.indexOf('--features') + 1];
const FEATURES: readonly ScopeFeature[] = args.includes('--features')
  ? SCOPE_FEATURES.filter((name) => (featureArg ?? '').split(',').includes(name))
  : SCOPE_FEATURES;
/** An off-topic question answered costs this many answerable questions declined (targets: 98% and 90%). */
const OFF_TOPIC_COST = Number(args[args.indexOf('--cost') + 1] ?? '') || 2;
const L2 = 0.01;

interface Example {
  readonly group: string;
  readonly variant: string;
  readonly answerable: boolean;
  readonly top1: boolean;
  readonly top3: boolean;
  readonly x: readonly number[];
  /** Whether the old policy (confidence threshold) answered. */
  readonly oldAnswers: boolean;
}

const ALWAYS: ScopeModel = { bias: 20, weights: {}, threshold: 0 };

function collect(
  knowledge: KnowledgeBase,
  set: QuestionSet,
  group: string,
  variant: string,
  articleId: string,
  withAnswerable = true,
): Example[] {
  const engine = createEngine(knowledge, { scopeModel: ALWAYS });
  const old = createEngine(knowledge, { scopeModel: null });
  const sections = (question: string): string[] => {
    const result = engine.answer(question);
    if (result.kind === 'no-match') return [];
    return [
      ...new Set(
        [result, ...result.alternatives].map((item) =>
          item.articleId === articleId ? item.sectionId : `${item.articleId}#${item.sectionId}`,
        ),
      ),
    ];
  };
  const example = (question: string, answerable: boolean, expected: readonly string[]): Example => {
    const got = sections(question);
    const features = engine.scopeFeatures(question);
    return {
      group,
      variant,
      answerable,
      top1: got[0] !== undefined && expected.includes(got[0]),
      top3: got.slice(0, 3).some((section) => expected.includes(section)),
      x: FEATURES.map((name) => features[name]),
      oldAnswers: old.answer(question).kind === 'answer',
    };
  };
  return [
    ...(withAnswerable ? set.answerable.map((item) => example(item.question, true, item.expected)) : []),
    ...set.offTopic.map((item) => example(item.question, false, [])),
  ];
}

function examples(): Example[] {
  const shipped = loadShippedKnowledge();
  const bare = withoutHints(shipped);
  const all: Example[] = [];
  for (const name of TUNING_SETS) {
    if (isFrozen(name) || !setExists(name)) continue;
    const set = loadSet(name);
    // extra-a's answerable questions are the article's hint questions: they say nothing about new wordings.
    const answerable = name !== 'extra-a';
    all.push(...collect(shipped, set, name, 'hints', SHIPPED_ARTICLE, answerable));
    all.push(...collect(bare, set, name, 'no hints', SHIPPED_ARTICLE, answerable));
  }
  const extra = loadFixtureArticles();
  const multi = multiKnowledge(shipped, extra);
  for (const item of extra) {
    const set = tuningSet(item.article.id);
    if (set) all.push(...collect(multi, set, `tuning:${item.article.id}`, 'multi', item.article.id));
  }
  return all;
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/** L2-regularised logistic regression on standardised features (Newton steps); weights on the raw scale. */
function fit(data: readonly Example[]): { bias: number; weights: number[] } {
  const used = data.filter((item) => !item.answerable || item.top3);
  const dims = FEATURES.length;
  const mean = new Array<number>(dims).fill(0);
  const sd = new Array<number>(dims).fill(0);
  for (const item of used)
    item.x.forEach((value, at) => (mean[at] = (mean[at] as number) + value / used.length));
  for (const item of used)
    item.x.forEach(
      (value, at) => (sd[at] = (sd[at] as number) + (value - (mean[at] as number)) ** 2 / used.length),
    );
  const scale = sd.map((value) => Math.sqrt(value) || 1);
  const rows = used.map((item) => [
    1,
    ...item.x.map((value, at) => (value - (mean[at] as number)) / (scale[at] as number)),
  ]);
  // Balance the classes: as much weight on off-topic questions as on answerable ones.
  const positives = used.filter((item) => item.answerable).length;
  const negatives = used.length - positives;
  const sampleWeight = used.map((item) =>
    item.answerable ? used.length / (2 * positives) : used.length / (2 * negatives),
  );
  const beta = new Array<number>(dims + 1).fill(0);
  for (let step = 0; step < 30; step++) {
    const gradient = new Array<number>(dims + 1).fill(0);
    const hessian = Array.from({ length: dims + 1 }, () => new Array<number>(dims + 1).fill(0));
    rows.forEach((row, at) => {
      const p = sigmoid(row.reduce((sum, value, k) => sum + value * (beta[k] as number), 0));
      const y = used[at]?.answerable ? 1 : 0;
      const w = sampleWeight[at] as number;
      for (let i = 0; i <= dims; i++) {
        gradient[i] = (gradient[i] as number) + w * (p - y) * (row[i] as number);
        for (let j = 0; j <= dims; j++)
          (hessian[i] as number[])[j] =
            ((hessian[i] as number[])[j] as number) +
            w * p * (1 - p) * (row[i] as number) * (row[j] as number);
      }
    });
    for (let i = 1; i <= dims; i++) {
      gradient[i] = (gradient[i] as number) + L2 * used.length * (beta[i] as number);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + L2 * used.length;
    }
    const delta = solve(hessian, gradient);
    delta.forEach((value, at) => (beta[at] = (beta[at] as number) - value));
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  const weights = FEATURES.map((_, at) => (beta[at + 1] as number) / (scale[at] as number));
  const bias =
    (beta[0] as number) - weights.reduce((sum, weight, at) => sum + weight * (mean[at] as number), 0);
  return { bias, weights };
}

function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, at) => [...row, vector[at] as number]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++)
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number))
        pivot = row;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const lead = (a[col] as number[])[col] as number;
    for (let row = 0; row < size; row++) {
      if (row === col) continue;
      const factor = ((a[row] as number[])[col] as number) / lead;
      for (let k = col; k <= size; k++)
        (a[row] as number[])[k] =
          ((a[row] as number[])[k] as number) - factor * ((a[col] as number[])[k] as number);
    }
  }
  return a.map((row, at) => (row[size] as number) / ((row[at] as number) || 1));
}

const probability = (model: { bias: number; weights: number[] }, item: Example): number =>
  sigmoid(model.bias + item.x.reduce((sum, value, at) => sum + value * (model.weights[at] as number), 0));

interface Figures {
  top1: number;
  top3: number;
  declined: number;
  answerable: number;
  offTopic: number;
}

function figures(data: readonly Example[], answers: (item: Example) => boolean): Figures {
  const answerable = data.filter((item) => item.answerable);
  const offTopic = data.filter((item) => !item.answerable);
  return {
    top1: answerable.filter((item) => item.top1 && answers(item)).length / Math.max(1, answerable.length),
    top3: answerable.filter((item) => item.top3 && answers(item)).length / Math.max(1, answerable.length),
    declined: offTopic.filter((item) => !answers(item)).length / Math.max(1, offTopic.length),
    answerable: answerable.length,
    offTopic: offTopic.length,
  };
}

/**
 * The model's decision beside the old policy: with --combine, a question the confidence threshold answers
 * needs probability `veto`, one it declines probability `rescue`; otherwise both are one threshold.
 */
interface Thresholds {
  readonly veto: number;
  readonly rescue: number;
}
const combine = args.includes('--combine');
const decides = (model: { bias: number; weights: number[] }, thresholds: Thresholds) => (item: Example) =>
  probability(model, item) >= (item.oldAnswers ? thresholds.veto : thresholds.rescue);

/** The thresholds that maximise top-1 plus OFF_TOPIC_COST times off-topic declined, summed over groups. */
function chooseThreshold(data: readonly Example[], model: { bias: number; weights: number[] }): Thresholds {
  const groups = [...new Set(data.map((item) => `${item.group}/${item.variant}`))].map((group) =>
    data.filter((item) => `${item.group}/${item.variant}` === group),
  );
  let best: Thresholds = { veto: 0.5, rescue: 0.5 };
  let bestValue = -Infinity;
  const grid: number[] = [];
  for (let t = 5; t <= 95; t++) grid.push(t / 100);
  for (const veto of grid) {
    for (const rescue of combine ? grid : [veto]) {
      if (rescue < veto) continue;
      let value = 0;
      for (const subset of groups) {
        const result = figures(subset, decides(model, { veto, rescue }));
        value +=
          (result.answerable > 0 ? result.top1 : 0) +
          (result.offTopic > 0 ? OFF_TOPIC_COST * result.declined : 0);
      }
      if (value > bestValue + 1e-12) {
        bestValue = value;
        best = { veto, rescue };
      }
    }
  }
  return best;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}`;

const data = examples();
const groups = [...new Set(data.map((item) => item.group))];
console.log(`features: ${FEATURES.join(', ')}; off-topic cost ${OFF_TOPIC_COST}; ${data.length} examples\n`);
console.log('leave-one-set-out: top-1 / top-3 / off-topic declined (old policy → fitted model)');
const totals = { old: [0, 0, 0], cv: [0, 0, 0] };
for (const group of groups) {
  const train = data.filter((item) => item.group !== group);
  const model = fit(train);
  const threshold = chooseThreshold(train, model);
  for (const variant of [
    ...new Set(data.filter((item) => item.group === group).map((item) => item.variant)),
  ]) {
    const test = data.filter((item) => item.group === group && item.variant === variant);
    const old = figures(test, (item) => item.oldAnswers);
    const cv = figures(test, decides(model, threshold));
    console.log(
      `${`${group} (${variant}) ${old.answerable}+${old.offTopic}`.padEnd(46)} ${percent(old.top1)} / ${percent(old.top3)} / ${percent(old.declined)}  →  ${percent(cv.top1)} / ${percent(cv.top3)} / ${percent(cv.declined)}   (t=${threshold.veto}${combine ? `/${threshold.rescue}` : ''})`,
    );
    totals.old = [
      totals.old[0]! + old.top1,
      totals.old[1]! + old.top3,
      totals.old[2]! + (old.offTopic ? old.declined : 1),
    ];
    totals.cv = [
      totals.cv[0]! + cv.top1,
      totals.cv[1]! + cv.top3,
      totals.cv[2]! + (cv.offTopic ? cv.declined : 1),
    ];
  }
}
const rowsCount = new Set(data.map((item) => `${item.group}/${item.variant}`)).size;
console.log(
  `${'mean over rows'.padEnd(46)} ${totals.old.map((value) => percent(value / rowsCount)).join(' / ')}  →  ${totals.cv.map((value) => percent(value / rowsCount)).join(' / ')}\n`,
);

const model = fit(data);
const threshold = chooseThreshold(data, model);
const fitted = {
  comment:
    'Written by scripts/eval/fit-scope.ts from the tuning sets (never a frozen one); see README, "Answer policy".',
  features: FEATURES,
  bias: Math.round(model.bias * 1e4) / 1e4,
  weights: Object.fromEntries(
    FEATURES.map((name, at) => [name, Math.round((model.weights[at] as number) * 1e4) / 1e4]),
  ),
  ...(combine
    ? { combine: true, threshold: threshold.veto, rescue: threshold.rescue }
    : { threshold: threshold.veto }),
};
console.log(JSON.stringify(fitted, null, 2));
if (write && combine) console.log('--combine is measured only: nothing written');
else if (write) {
  writeFileSync(join(ROOT, 'src', 'engine', 'scope-model.json'), `${JSON.stringify(fitted, null, 2)}\n`);
  console.log('written: src/engine/scope-model.json');
}
