import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assessSafety } from '../../src/safety/crisis.js';
import type { SafetyTier } from '../../src/safety/types.js';

export interface CrisisSet {
  readonly crisis: readonly { readonly message: string }[];
  readonly concern?: readonly { readonly message: string }[];
  readonly nearMiss: readonly { readonly message: string }[];
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

export function crisisSet(name: string): CrisisSet {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as CrisisSet;
}

/** Every question of every question set (answerable and off-topic): what members ask day to day. */
export function ordinaryQuestions(): string[] {
  const files = [
    ...readdirSync(fileURLToPath(FIXTURES)).filter(
      (name) => name.endsWith('-set.json') && !name.startsWith('crisis'),
    ),
    ...readdirSync(fileURLToPath(new URL('articles/', FIXTURES)))
      .filter((name) => name.endsWith('.questions.json'))
      .map((name) => `articles/${name}`),
  ];
  return files.flatMap((name) => {
    const set = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as {
      answerable: { question: string }[];
      offTopic: { question: string }[];
    };
    return [...set.answerable, ...set.offTopic].map((entry) => entry.question);
  });
}

export interface TierRates {
  readonly crisisAsCrisis: number;
  readonly crisisAsAny: number;
  readonly concernAsAny: number;
  readonly nearMissAsCrisis: number;
  readonly nearMissAsAny: number;
}

const share = (tiers: readonly SafetyTier[], wanted: (tier: SafetyTier) => boolean): number =>
  tiers.length === 0 ? 0 : tiers.filter(wanted).length / tiers.length;

export function tierRates(set: CrisisSet): TierRates {
  const tiersOf = (entries: readonly { message: string }[]) =>
    entries.map((e) => assessSafety(e.message).tier);
  const crisis = tiersOf(set.crisis);
  const concern = tiersOf(set.concern ?? []);
  const near = tiersOf(set.nearMiss);
  return {
    crisisAsCrisis: share(crisis, (tier) => tier === 'crisis'),
    crisisAsAny: share(crisis, (tier) => tier !== 'none'),
    concernAsAny: share(concern, (tier) => tier !== 'none'),
    nearMissAsCrisis: share(near, (tier) => tier === 'crisis'),
    nearMissAsAny: share(near, (tier) => tier !== 'none'),
  };
}
