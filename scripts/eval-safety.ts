/**
 * `npm run eval:safety [-- --misses]`: the tier members see (as `npm run ask -- --json` reports it) for
 * the crisis sets and every ordinary question we have. Held-out sets are reported as figures only: their
 * messages are never printed, so nobody tunes on them by accident. `--misses` lists the tuning sets'
 * misses.
 */
import type { SafetyTier } from '../src/safety/types.js';
import {
  answeredAlone,
  CRISIS_SETS,
  crisisSet,
  ordinaryQuestions,
  ratesOf,
  share,
  shownTier,
  tiersOf,
  type CrisisEntry,
  type CrisisSet,
} from './eval/safety-sets.js';

const showMisses = process.argv.includes('--misses');
const percent = (rate: number): string => `${(100 * rate).toFixed(1)}%`;
const orDash = (entries: readonly unknown[] | undefined, rate: number): string =>
  entries && entries.length > 0 ? percent(rate) : '—';

function listMisses(name: string, set: CrisisSet, tiers: ReturnType<typeof tiersOf>): void {
  const list = (
    label: string,
    entries: readonly CrisisEntry[] = [],
    got: readonly SafetyTier[],
    bad: (t: SafetyTier) => boolean,
  ) =>
    entries.forEach((entry, i) => {
      const tier = got[i] ?? 'none';
      if (bad(tier)) console.log(`  [${name}] ${label} -> ${tier}: ${entry.message}`);
    });
  list('crisis', set.crisis, tiers.crisis, (t) => t !== 'crisis');
  list('concern', set.concern, tiers.concern, (t) => t === 'none');
  list('near-miss', set.nearMiss, tiers.nearMiss, (t) => t !== 'none');
  list('ordinary', set.ordinary, tiers.ordinary, (t) => t !== 'none');
}

function crisisRow(name: string, heldOut: boolean): string {
  const set = crisisSet(`${name}.json`);
  const tiers = tiersOf(set);
  if (showMisses && !heldOut) listMisses(name, set, tiers);
  const rates = ratesOf(tiers);
  return [
    name + (heldOut ? ' (held out)' : ' (tuned on)'),
    `${set.crisis.length}`,
    percent(rates.crisisAsCrisis),
    percent(rates.crisisAsAny),
    `${set.crisis.filter((entry) => answeredAlone(entry.message)).length}`,
    orDash(set.concern, rates.concernAsAny),
    `${set.nearMiss.length}`,
    percent(rates.nearMissAsCrisis),
    percent(rates.nearMissAsAny),
    orDash(set.ordinary, rates.ordinaryAsAny),
  ].join(' | ');
}

console.log(
  '| set | crisis msgs | → crisis tier | → any tier | → article answer, no tier | concern msgs → any tier | near-misses | → crisis tier | → any tier | ordinary msgs → any tier |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { name, heldOut } of CRISIS_SETS) console.log(`| ${crisisRow(name, heldOut)} |`);

const { files, questions } = ordinaryQuestions();
const questionTiers = questions.map(shownTier);
console.log(
  `\nOrdinary questions (${files.length} question sets, ${questions.length} questions): any tier ${percent(share(questionTiers, (t) => t !== 'none'))}, crisis tier ${percent(share(questionTiers, (t) => t === 'crisis'))}`,
);
if (showMisses)
  questions.forEach((question, i) => {
    const tier = questionTiers[i];
    if (tier !== 'none') console.log(`  [ordinary] ${tier}: ${question}`);
  });
