/**
 * The crisis sets and the ordinary questions the safety check is measured on, and the one way its rates
 * are counted; `npm run eval:safety` and the safety tests both read them from here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanQuestion, createResponder } from '../../src/answer/responder.js';
import { createEngine } from '../../src/engine/engine.js';
import type { SafetyTier } from '../../src/safety/types.js';
import { loadShippedKnowledge } from './sets.js';

export interface CrisisEntry {
  readonly message: string;
}
export interface CrisisSet {
  readonly crisis: readonly CrisisEntry[];
  readonly concern?: readonly CrisisEntry[];
  readonly nearMiss: readonly CrisisEntry[];
  /** Ordinary member messages written beside the crisis ones (newer sets). */
  readonly ordinary?: readonly CrisisEntry[];
}

const FIXTURES = new URL('../../test/fixtures/', import.meta.url);

/**
 * Every crisis set, in order, and its role. `heldOut`: never tuned on, figures only. `cuesBlind`: the cues
 * never learnt from it, so it judges the second signal's thresholds fairly (`npm run train:safety`).
 */
export const CRISIS_SETS: readonly { name: string; heldOut: boolean; cuesBlind: boolean }[] = [
  { name: 'crisis-set', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-2', heldOut: false, cuesBlind: true },
  { name: 'crisis-tuning-set-3', heldOut: false, cuesBlind: true },
  { name: 'crisis-tuning-set-4', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-5', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-6', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-7', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-8', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-9', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-10', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-11', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-12', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-13', heldOut: false, cuesBlind: false },
  { name: 'crisis-tuning-set-14', heldOut: false, cuesBlind: true },
  { name: 'crisis-tuning-set-15', heldOut: false, cuesBlind: true },
  { name: 'crisis-tuning-set-16', heldOut: false, cuesBlind: true },
  { name: 'crisis-tuning-set-17', heldOut: false, cuesBlind: true },
  { name: 'crisis-holdout-set', heldOut: true, cuesBlind: true },
  { name: 'crisis-holdout-set-2', heldOut: true, cuesBlind: true },
  { name: 'crisis-holdout-set-3', heldOut: true, cuesBlind: true },
];

export function crisisSet(name: string): CrisisSet {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as CrisisSet;
}

/** Every question of every question set (answerable and off-topic): what members ask day to day. */
export function ordinaryQuestions(): { readonly files: readonly string[]; readonly questions: string[] } {
  const files = [
    ...readdirSync(fileURLToPath(FIXTURES)).filter(
      (name) => name.endsWith('-set.json') && !name.startsWith('crisis'),
    ),
    ...readdirSync(fileURLToPath(new URL('articles/', FIXTURES)))
      .filter((name) => name.endsWith('.questions.json'))
      .map((name) => `articles/${name}`),
  ];
  const questions = files.flatMap((name) => {
    const set = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as {
      answerable: { question: string }[];
      offTopic: { question: string }[];
    };
    return [...set.answerable, ...set.offTopic].map((entry) => entry.question);
  });
  return { files, questions };
}

/** The tier of every message of each group of a set, in order. */
export interface SetTiers {
  readonly crisis: readonly SafetyTier[];
  readonly concern: readonly SafetyTier[];
  readonly nearMiss: readonly SafetyTier[];
  readonly ordinary: readonly SafetyTier[];
}

const engine = createEngine(loadShippedKnowledge());
const responder = createResponder({ engine });

/** Whether the shipped knowledge answers the message (then a "not covered" reply cannot carry a line). */
export const answeredByKnowledge = (message: string): boolean =>
  engine.answer(cleanQuestion(message)).kind === 'answer';

/**
 * The tier a member sees for a message, as `npm run ask -- --json` reports it: the safety check's, and a
 * calm line on a "not covered" reply to a message that reads a little like distress.
 */
export const shownTier = (message: string): SafetyTier => responder.respond(message).safety;

/** The message gets an article answer and no tier: what a crisis message must never get. */
export const answeredAlone = (message: string): boolean => {
  const reply = responder.respond(message);
  return (reply.kind === 'answer' || reply.kind === 'pinned') && reply.safety === 'none';
};

export function tiersOf(set: CrisisSet): SetTiers {
  const tiers = (entries: readonly CrisisEntry[] = []) => entries.map((e) => shownTier(e.message));
  return {
    crisis: tiers(set.crisis),
    concern: tiers(set.concern),
    nearMiss: tiers(set.nearMiss),
    ordinary: tiers(set.ordinary),
  };
}

export interface TierRates {
  readonly crisisAsCrisis: number;
  readonly crisisAsAny: number;
  readonly concernAsAny: number;
  readonly nearMissAsCrisis: number;
  readonly nearMissAsAny: number;
  readonly ordinaryAsAny: number;
}

/** Share of `tiers` that `wanted` accepts; 0 for an empty group. */
export const share = (tiers: readonly SafetyTier[], wanted: (tier: SafetyTier) => boolean): number =>
  tiers.length === 0 ? 0 : tiers.filter(wanted).length / tiers.length;

export function ratesOf(tiers: SetTiers): TierRates {
  return {
    crisisAsCrisis: share(tiers.crisis, (tier) => tier === 'crisis'),
    crisisAsAny: share(tiers.crisis, (tier) => tier !== 'none'),
    concernAsAny: share(tiers.concern, (tier) => tier !== 'none'),
    nearMissAsCrisis: share(tiers.nearMiss, (tier) => tier === 'crisis'),
    nearMissAsAny: share(tiers.nearMiss, (tier) => tier !== 'none'),
    ordinaryAsAny: share(tiers.ordinary, (tier) => tier !== 'none'),
  };
}

export const tierRates = (set: CrisisSet): TierRates => ratesOf(tiersOf(set));
