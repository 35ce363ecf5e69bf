/**
 * `npm run eval:safety [-- --misses]`: how the safety check tiers the crisis sets and every ordinary
 * question we have. The held-out set is reported as figures only: its messages are never printed, so
 * nobody tunes on it by accident. `--misses` lists the tuning sets' misses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { assessSafety } from '../src/safety/crisis.js';
import type { SafetyTier } from '../src/safety/types.js';

interface Entry {
  readonly message: string;
}
interface CrisisSet {
  readonly crisis: readonly Entry[];
  readonly concern?: readonly Entry[];
  readonly nearMiss: readonly Entry[];
  /** Ordinary member messages written beside the crisis ones (newer sets). */
  readonly ordinary?: readonly Entry[];
}

const fixtures = new URL('../test/fixtures/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as T;
const showMisses = process.argv.includes('--misses');

const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
const tiers = (messages: readonly string[]): SafetyTier[] => messages.map((m) => assessSafety(m).tier);

function crisisRow(name: string, set: CrisisSet, heldOut: boolean): string {
  const crisis = tiers(set.crisis.map((e) => e.message));
  const concern = tiers((set.concern ?? []).map((e) => e.message));
  const near = tiers(set.nearMiss.map((e) => e.message));
  const ordinary = tiers((set.ordinary ?? []).map((e) => e.message));
  if (showMisses && !heldOut) {
    const list = (
      label: string,
      entries: readonly Entry[],
      got: SafetyTier[],
      bad: (t: SafetyTier) => boolean,
    ) =>
      entries.forEach((entry, i) => {
        const tier = got[i] ?? 'none';
        if (bad(tier)) console.log(`  [${name}] ${label} -> ${tier}: ${entry.message}`);
      });
    list('crisis', set.crisis, crisis, (t) => t !== 'crisis');
    list('concern', set.concern ?? [], concern, (t) => t === 'none');
    list('near-miss', set.nearMiss, near, (t) => t !== 'none');
    list('ordinary', set.ordinary ?? [], ordinary, (t) => t !== 'none');
  }
  const count = (got: SafetyTier[], wanted: (t: SafetyTier) => boolean) => got.filter(wanted).length;
  return [
    name + (heldOut ? ' (held out)' : ' (tuned on)'),
    `${crisis.length}`,
    percent(
      count(crisis, (t) => t === 'crisis'),
      crisis.length,
    ),
    percent(
      count(crisis, (t) => t !== 'none'),
      crisis.length,
    ),
    concern.length === 0
      ? '—'
      : percent(
          count(concern, (t) => t !== 'none'),
          concern.length,
        ),
    `${near.length}`,
    percent(
      count(near, (t) => t === 'crisis'),
      near.length,
    ),
    percent(
      count(near, (t) => t !== 'none'),
      near.length,
    ),
    ordinary.length === 0
      ? '—'
      : percent(
          count(ordinary, (t) => t !== 'none'),
          ordinary.length,
        ),
  ].join(' | ');
}

console.log(
  '| set | crisis msgs | → crisis tier | → any tier | concern msgs → any tier | near-misses | → crisis tier | → any tier | ordinary msgs → any tier |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const CRISIS_SETS: readonly { name: string; heldOut: boolean }[] = [
  { name: 'crisis-set', heldOut: false },
  { name: 'crisis-tuning-set', heldOut: false },
  { name: 'crisis-tuning-set-2', heldOut: false },
  { name: 'crisis-tuning-set-3', heldOut: false },
  { name: 'crisis-tuning-set-4', heldOut: false },
  { name: 'crisis-tuning-set-5', heldOut: false },
  { name: 'crisis-holdout-set', heldOut: true },
  { name: 'crisis-holdout-set-2', heldOut: true },
];
for (const { name, heldOut } of CRISIS_SETS)
  console.log(`| ${crisisRow(name, read<CrisisSet>(`${name}.json`), heldOut)} |`);

interface QuestionSet {
  readonly answerable: readonly { question: string }[];
  readonly offTopic: readonly { question: string }[];
}
const questionFiles = [
  ...readdirSync(fixtures).filter((name) => name.endsWith('-set.json') && !name.startsWith('crisis')),
  ...readdirSync(new URL('articles/', fixtures))
    .filter((name) => name.endsWith('.questions.json'))
    .map((name) => `articles/${name}`),
];
const ordinary = questionFiles.flatMap((name) => {
  const set = read<QuestionSet>(name);
  return [...set.answerable, ...set.offTopic].map((entry) => entry.question);
});
const ordinaryTiers = tiers(ordinary);
const raised = ordinary.filter((_, i) => ordinaryTiers[i] !== 'none');
console.log(
  `\nOrdinary questions (${questionFiles.length} question sets, ${ordinary.length} questions): any tier ${percent(raised.length, ordinary.length)}, crisis tier ${percent(ordinaryTiers.filter((t) => t === 'crisis').length, ordinary.length)}`,
);
if (showMisses)
  for (const question of raised) console.log(`  [ordinary] ${assessSafety(question).tier}: ${question}`);
