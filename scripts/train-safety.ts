/**
 * `npm run train:safety`: fits the safety check's second signal, a logistic regression over the words
 * and word pairs of a message, on the tuning sets only (never the held-out set), and writes it to
 * `src/safety/data/model.json`. Five-fold cross-validation on the same tuning data picks the threshold
 * and is printed, so the choice can be checked.
 *
 * Positives: crisis and concern messages of the tuning sets. Negatives: their near-misses, the sentences
 * and hint questions of the shipped article, and the ordinary questions of the question sets the engine
 * was tuned on (dev, extra-a).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { neutralizeIdioms } from '../src/safety/idioms.js';
import { featuresOf } from '../src/safety/model.js';
import { normalizeForCrisis } from '../src/safety/normalise.js';

interface Example {
  readonly features: readonly string[];
  readonly positive: boolean;
  readonly kind: 'crisis' | 'concern' | 'nearMiss' | 'ordinary';
}

const fixtures = new URL('../test/fixtures/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as T;
const features = (message: string) => featuresOf(neutralizeIdioms(normalizeForCrisis(message)));

const examples: Example[] = [];
for (const name of ['crisis-set.json', 'crisis-tuning-set.json']) {
  const set = read<Record<string, { message: string }[]>>(name);
  for (const kind of ['crisis', 'concern', 'nearMiss'] as const) {
    for (const { message } of set[kind] ?? []) {
      examples.push({ features: features(message), positive: kind !== 'nearMiss', kind });
    }
  }
}
// The shipped article itself: its sentences and the alternate questions in its hints are ordinary text.
const article = readFileSync(new URL('../knowledge/therapist-wellbeing.md', import.meta.url), 'utf8');
const articleLines = article
  .split('\n')
  .map((line) => line.replace(/^\s*-\s+/, '').trim())
  .filter((line) => line.length > 0 && !/^(?:#|---|<!--|-->|\w+:)/.test(line))
  .flatMap((line) => line.split(/(?<=[.?!])\s+/));
for (const line of articleLines)
  examples.push({ features: features(line), positive: false, kind: 'ordinary' });
for (const name of ['dev-set.json', 'extra-a-set.json']) {
  const set = read<{ answerable: { question: string }[]; offTopic: { question: string }[] }>(name);
  for (const { question } of [...set.answerable, ...set.offTopic]) {
    examples.push({ features: features(question), positive: false, kind: 'ordinary' });
  }
}

const L2 = 0.01;
const EPOCHS = 300;
const RATE = 0.5;
const MIN_COUNT = 2;

interface Model {
  bias: number;
  weights: Map<string, number>;
}

function train(data: readonly Example[]): Model {
  const counts = new Map<string, number>();
  for (const example of data) for (const f of example.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= MIN_COUNT).map(([f]) => f);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = data.map((example) => ({
    ids: example.features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : [])),
    y: example.positive ? 1 : 0,
  }));
  // Positives are fewer than negatives: weigh the classes equally.
  const positives = rows.filter((row) => row.y === 1).length;
  const classWeight = [rows.length / (2 * (rows.length - positives)), rows.length / (2 * positives)];
  const weights = new Float64Array(vocabulary.length);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gradient = new Float64Array(vocabulary.length);
    let biasGradient = 0;
    for (const row of rows) {
      let z = bias;
      for (const id of row.ids) z += weights[id] as number;
      const error = (1 / (1 + Math.exp(-z)) - row.y) * (classWeight[row.y] as number);
      biasGradient += error;
      for (const id of row.ids) gradient[id] = (gradient[id] as number) + error;
    }
    bias -= (RATE * biasGradient) / rows.length;
    for (let i = 0; i < weights.length; i++) {
      weights[i] =
        (weights[i] as number) -
        RATE * (((gradient[i] as number) / rows.length) * 20 + L2 * (weights[i] as number));
    }
  }
  return { bias, weights: new Map(vocabulary.map((f, i) => [f, weights[i] as number])) };
}

const probability = (model: Model, feats: readonly string[]): number => {
  let z = model.bias;
  for (const f of feats) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
};

// Five folds, deterministic: every fifth example.
const scored: { p: number; example: Example }[] = [];
for (let fold = 0; fold < 5; fold++) {
  const model = train(examples.filter((_, i) => i % 5 !== fold));
  examples.forEach((example, i) => {
    if (i % 5 === fold) scored.push({ p: probability(model, example.features), example });
  });
}
const rate = (kind: Example['kind'], threshold: number) => {
  const group = scored.filter((s) => s.example.kind === kind);
  return group.filter((s) => s.p >= threshold).length / group.length;
};
console.log('cross-validated share at or above each threshold:');
console.log('threshold | crisis | concern | near-miss | ordinary');
const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
for (const t of thresholds) {
  console.log(
    `${t.toFixed(2)} | ${(['crisis', 'concern', 'nearMiss', 'ordinary'] as const).map((k) => (100 * rate(k, t)).toFixed(1) + '%').join(' | ')}`,
  );
}
// The lowest threshold that keeps ordinary questions (nearly) untouched and near-misses within budget.
const chosen = thresholds.find((t) => rate('ordinary', t) <= 0.001 && rate('nearMiss', t) <= 0.2) ?? 0.95;
console.log(`chosen threshold: ${chosen}`);

const model = train(examples);
const weights = Object.fromEntries(
  [...model.weights]
    .filter(([, w]) => Math.abs(w) >= 0.02)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([f, w]) => [f, Math.round(w * 1000) / 1000]),
);
writeFileSync(
  new URL('../src/safety/data/model.json', import.meta.url),
  JSON.stringify({ threshold: chosen, bias: Math.round(model.bias * 1000) / 1000, weights }, null, 1) + '\n',
);
console.log(`wrote ${Object.keys(weights).length} weights`);
