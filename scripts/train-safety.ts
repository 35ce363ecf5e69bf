/**
 * `npm run train:safety`: fits the safety check's second signal, a logistic regression over the words
 * and word pairs of a message, on the tuning sets only (never the held-out set), and writes it to
 * `src/safety/data/model.json`. Five-fold cross-validation on the same tuning data picks the thresholds
 * and is printed, so the choice can be checked.
 *
 * Positives: crisis and concern messages of the tuning sets. Negatives: their near-misses and ordinary
 * messages, the sentences and hint questions of the shipped article, ordinary member messages
 * (`ordinary-messages.json`), and the questions of the question sets the engine was tuned on (dev,
 * extra-a). Questions about the article weigh most: a support line there is the costliest false alarm.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tierShown } from '../src/answer/responder.js';
import { neutralizeIdioms } from '../src/safety/idioms.js';
import { combine, type ResemblanceThresholds } from '../src/safety/combine.js';
import { featuresOf } from '../src/safety/model.js';
import { findCues, type CueHit } from '../src/safety/signals.js';
import type { SafetyTier } from '../src/safety/types.js';
import { normalizeForCrisis } from '../src/safety/normalise.js';
import { answeredByKnowledge, CRISIS_SETS } from './eval/safety-sets.js';

interface Example {
  readonly features: readonly string[];
  readonly hits: readonly CueHit[];
  /** The shipped knowledge has an answer for it (then no "not covered" reply can carry a support line). */
  readonly answered: boolean;
  /** `question`: a question about the article; `chat`: an ordinary member message (everyday feelings too). */
  readonly kind: 'crisis' | 'concern' | 'nearMiss' | 'question' | 'chat';
  /** Written after the cues were tuned, and never used to tune them: the fair judge of the thresholds. */
  readonly cuesBlind: boolean;
  /** Which crisis set it comes from (a writer); undefined for the other ordinary text. */
  readonly set?: number;
}

const fixtures = new URL('../test/fixtures/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as T;
const analyse = (message: string) => {
  const text = neutralizeIdioms(normalizeForCrisis(message));
  const hits = findCues(text);
  return { features: featuresOf(text), hits, answered: answeredByKnowledge(message) };
};
const examples: Example[] = [];
for (const [set, { name, cuesBlind }] of CRISIS_SETS.filter((entry) => !entry.heldOut).entries()) {
  const messages = read<Record<string, { message: string }[]>>(`${name}.json`);
  for (const kind of ['crisis', 'concern', 'nearMiss'] as const) {
    for (const { message } of messages[kind] ?? []) {
      examples.push({
        ...analyse(message),
        kind,
        cuesBlind,
        set,
      });
    }
  }
  // Newer sets carry ordinary messages written in the same voices as their crises.
  for (const { message } of messages['ordinary'] ?? []) {
    examples.push({ ...analyse(message), kind: 'chat', cuesBlind, set });
  }
}
// The shipped article itself: its sentences and the alternate questions in its hints are ordinary text.
const article = readFileSync(new URL('../knowledge/therapist-wellbeing.md', import.meta.url), 'utf8');
const articleLines = article
  .split('\n')
  .map((line) => line.replace(/^\s*-\s+/, '').trim())
  .filter((line) => line.length > 0 && !/^(?:#|---|<!--|-->|\w+:)/.test(line))
  .flatMap((line) => line.split(/(?<=[.?!])\s+/));
for (const line of articleLines) {
  examples.push({ ...analyse(line), kind: 'question', cuesBlind: false });
}
// Ordinary member messages written for this purpose: questions, chatter and everyday feelings.
for (const { message } of read<{ ordinary: { message: string }[] }>('ordinary-messages.json').ordinary) {
  examples.push({ ...analyse(message), kind: 'chat', cuesBlind: false });
}
// Questions the engine was tuned on: those about the article weigh as article questions; off-topic ones
// (other therapy topics, everyday subjects) as everyday chat.
for (const name of ['dev-set.json', 'extra-a-set.json', 'scope-set.json']) {
  const set = read<{ answerable: { question: string }[]; offTopic: { question: string }[] }>(name);
  for (const { question } of set.answerable) {
    examples.push({ ...analyse(question), kind: 'question', cuesBlind: false });
  }
  for (const { question } of set.offTopic) {
    examples.push({ ...analyse(question), kind: 'chat', cuesBlind: false });
  }
}

const L2 = 0.01;
const EPOCHS = 300;
const RATE = 0.5;
const MIN_COUNT = 2;
// Questions about the article weigh 30 (10 before tuning sets 14-17): with those sets' crises told inside
// questions about the therapist, 10 let the words of ordinary questions lean to a crisis, and
// cross-validation found no thresholds within the limits below; 30 keeps them.
const WEIGHT: Readonly<Record<Example['kind'], number>> = {
  crisis: 1,
  concern: 1,
  nearMiss: 1,
  question: 30,
  chat: 2,
};

interface Model {
  bias: number;
  weights: Map<string, number>;
}

function train(data: readonly Example[], positive: (example: Example) => boolean): Model {
  const counts = new Map<string, number>();
  for (const example of data) for (const f of example.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= MIN_COUNT).map(([f]) => f);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = data.map((example) => ({
    ids: example.features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : [])),
    y: positive(example) ? 1 : 0,
    // Ordinary questions are most of what the bot sees: a false alarm there costs the most.
    weight: WEIGHT[example.kind],
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
      const error = (1 / (1 + Math.exp(-z)) - row.y) * (classWeight[row.y] as number) * row.weight;
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

const isAlarm = (example: Example) => example.kind === 'crisis' || example.kind === 'concern';

// Five folds, deterministic. A crisis set's messages stay together in one fold (its twins and its
// writer's habits would otherwise be on both sides and flatter the model); other text: every fifth line.
const foldOf = (example: Example, i: number) => (example.set ?? i) % 5;
const scored: { p: number; example: Example }[] = [];
for (let fold = 0; fold < 5; fold++) {
  const model = train(
    examples.filter((example, i) => foldOf(example, i) !== fold),
    isAlarm,
  );
  examples.forEach((example, i) => {
    if (foldOf(example, i) === fold) scored.push({ p: probability(model, example.features), example });
  });
}
// The whole check (cues + this signal) under every candidate reading of the score, on held-out folds.
const tierOf = (entry: (typeof scored)[number], t: ResemblanceThresholds): SafetyTier =>
  tierShown(combine(entry.example.hits, entry.p, t), entry.example.answered);
const share = (
  entries: readonly (typeof scored)[number][],
  t: ResemblanceThresholds,
  ok: (tier: SafetyTier) => boolean,
) => (entries.length === 0 ? 0 : entries.filter((entry) => ok(tierOf(entry, t))).length / entries.length);
const blindCrisis = scored.filter((s) => s.example.kind === 'crisis' && s.example.cuesBlind);
const nearMiss = scored.filter((s) => s.example.kind === 'nearMiss' && s.example.cuesBlind);
const concerns = scored.filter((s) => s.example.kind === 'concern');
const questions = scored.filter((s) => s.example.kind === 'question');
const chat = scored.filter((s) => s.example.kind === 'chat');
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

const candidates: ResemblanceThresholds[] = [];
const GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 2];
for (const concern of GRID)
  for (const agree of GRID)
    for (const alone of GRID)
      if (agree >= concern && alone >= agree)
        for (const unanswered of [0.3, 0.4, 0.5, 0.6, 0.7, 2])
          if (unanswered <= concern || unanswered === 2)
            candidates.push({ concern, agree, alone, unanswered });

/**
 * What the check may cost, on folds it was not trained on. Questions about the article are what the bot
 * mostly sees: almost never a support line there. Everyday chat and near-misses share the topic's words:
 * a calm support line is allowed on some. A crisis reply on a near-miss is the costliest mistake after a
 * missed crisis: this signal may add very few to those the cues already make (`nearCrisisAdded`).
 */
const LIMITS = { questionAny: 0.002, chatAny: 0.04, nearCrisisAdded: 0.015, nearAny: 0.35 };
const CUES_ONLY: ResemblanceThresholds = { concern: 2, agree: 2, alone: 2, unanswered: 2 };
console.log(
  `cross-validated, whole check: crisis messages the cues were not tuned on, near-misses, ordinary messages; limits ${JSON.stringify(LIMITS)}`,
);
console.log(
  'concern agree alone unanswered | crisis→crisis crisis→any | near→crisis near→any | questions→any chat→any | concern→crisis',
);
const nearCrisisByCues = share(nearMiss, CUES_ONLY, (tier) => tier === 'crisis');
console.log(`near-misses given a crisis by the cues alone: ${percent(nearCrisisByCues)}`);
let chosen = CUES_ONLY;
let best = -1;
for (const t of candidates) {
  const row = {
    crisis: share(blindCrisis, t, (tier) => tier === 'crisis'),
    any: share(blindCrisis, t, (tier) => tier !== 'none'),
    nearCrisis: share(nearMiss, t, (tier) => tier === 'crisis'),
    nearAny: share(nearMiss, t, (tier) => tier !== 'none'),
    questionAny: share(questions, t, (tier) => tier !== 'none'),
    questionCrisis: share(questions, t, (tier) => tier === 'crisis'),
    chatAny: share(chat, t, (tier) => tier !== 'none'),
    concernCrisis: share(concerns, t, (tier) => tier === 'crisis'),
  };
  const fits =
    row.questionAny <= LIMITS.questionAny &&
    row.questionCrisis === 0 &&
    row.chatAny <= LIMITS.chatAny &&
    row.nearCrisis - nearCrisisByCues <= LIMITS.nearCrisisAdded &&
    row.nearAny <= LIMITS.nearAny;
  // Within the limits, the most crisis messages caught (the crisis tier counts twice: it is the one
  // that replaces an answer with support).
  const value = 2 * row.crisis + row.any;
  if (fits && value > best) {
    best = value;
    chosen = t;
  }
  if (fits)
    console.log(
      `${t.concern} ${t.agree} ${t.alone} ${t.unanswered} | ${percent(row.crisis)} ${percent(row.any)} | ${percent(row.nearCrisis)} ${percent(row.nearAny)} | ${percent(row.questionAny)} ${percent(row.chatAny)} | ${percent(row.concernCrisis)}`,
    );
}
console.log(`chosen: ${JSON.stringify(chosen)}`);

const model = train(examples, isAlarm);
const weights = Object.fromEntries(
  [...model.weights]
    .filter(([, w]) => Math.abs(w) >= 0.02)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([f, w]) => [f, Math.round(w * 1000) / 1000]),
);
writeFileSync(
  new URL('../src/safety/data/model.json', import.meta.url),
  JSON.stringify({ thresholds: chosen, bias: Math.round(model.bias * 1000) / 1000, weights }, null, 1) + '\n',
);
console.log(`wrote ${Object.keys(weights).length} weights`);
