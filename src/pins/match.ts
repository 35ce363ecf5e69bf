import Fuse from 'fuse.js';
import { isStopword } from '../engine/text.js';
import { editDistance, stem, words } from '../text/index.js';
import type { Pin } from '../store/types.js';

/**
 * The stored, comparable form of a question: lowercase content words in order. Two wordings of one
 * question ("Can I ask my therapist how she's doing?" / "can i ask my therapist how shes doing")
 * normalise alike; this is also the key that makes pinning the same question twice a no-op.
 */
export function normalizeQuestion(question: string): string {
  return words(question)
    .filter((word) => !FILLER.has(word))
    .map((word) => (PROFESSIONS.has(word) ? 'therapist' : word))
    .join(' ');
}

// Only filler goes: unlike retrieval, a pin must keep "how", "out", "she" and "me", which decide what
// is asked ("my counselor has a crush on me" is not "I have a crush on my counselor").
const FILLER = new Set(
  'a an the is am are was be can could do does did to of it its this that so just hey hi hello bot pls please really like'.split(
    ' ',
  ),
);
/**
 * "counsellor", "shrink" and "therapist" ask the same question. Part of the stored key format, so it is
 * fixed here rather than read from the knowledge folder's vocabulary: editing vocabulary.yaml must not
 * change the keys of pins already stored.
 */
const PROFESSIONS = new Set(
  `therapist therapy counselor counsellor counseling counselling shrink psychologist psychiatrist psych
psychotherapist psychoanalyst analyst clinician lcsw lpc mft practitioner prescriber therapeutic psychotherapy
counsellors therapists psychiatrists psychologists`.split(/\s+/),
);

/** Chosen on the pin tests: rewordings and typos pass, a different question about the same topic does not. */
export const PIN_MATCH_THRESHOLD = 0.72;

export interface PinMatch {
  readonly pin: Pin;
  /** Similarity in [0, 1]. */
  readonly similarity: number;
}

const fuseByPins = new WeakMap<readonly Pin[], Fuse<Pin>>();

/** Fuse's token search, typo-tolerant per word, finds the candidates; built once per list of pins. */
function candidateFinder(pins: readonly Pin[]): Fuse<Pin> {
  const cached = fuseByPins.get(pins);
  if (cached) return cached;
  const fuse = new Fuse(pins, {
    keys: ['normalizedQuestion'],
    useTokenSearch: true,
    tokenize: (text: string) => text.split(' ').filter(Boolean).map(stem),
    tokenMatch: 'any',
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.6,
  });
  fuseByPins.set(pins, fuse);
  return fuse;
}

/**
 * The pinned question most like this one, if it is like enough. Fuse proposes candidates; a candidate
 * is accepted when (a) every content word of each question (not a stopword) has its match in the other,
 * so "what happens if my therapist is late" never gets the answer pinned for "…is sick", and (b) the
 * Dice coefficient of all their stems reaches the threshold. A stem also matches its typo (one edit in
 * words of 5+ letters). Fuse alone scores how much of the new question a pin covers, so "can I ask my
 * therapist out" would match "can I ask my therapist how she is"; the symmetric checks keep a change of
 * subject from hijacking a pin.
 */
export function matchPin(question: string, pins: readonly Pin[]): PinMatch | undefined {
  const normalized = normalizeQuestion(question);
  const asked = stemSet(normalized);
  if (asked.length === 0 || pins.length === 0) return undefined;
  let best: PinMatch | undefined;
  for (const { item: pin } of candidateFinder(pins).search(normalized, { limit: 10 })) {
    const pinned = stemSet(pin.normalizedQuestion);
    if (pinned.length === 0) continue;
    if (!coversContent(asked, pinned) || !coversContent(pinned, asked)) continue;
    const similarity = (2 * overlap(asked, pinned)) / (asked.length + pinned.length);
    if (similarity >= PIN_MATCH_THRESHOLD && (!best || similarity > best.similarity)) {
      best = { pin, similarity: Math.round(similarity * 1000) / 1000 };
    }
  }
  return best;
}

function stemSet(normalized: string): string[] {
  return [...new Set(normalized.split(' ').filter(Boolean).map(stem))];
}

/** Every content stem of `from` is in `into` (or a typo of one there). */
function coversContent(from: readonly string[], into: readonly string[]): boolean {
  return from.every(
    // Stopwords ("how", "ok", "she") may differ between two wordings of one question.
    (word) => isStopword(word) || into.some((other) => other === word || isTypoOf(word, other)),
  );
}

function overlap(left: readonly string[], right: readonly string[]): number {
  const unused = [...right];
  let count = 0;
  for (const word of left) {
    const at = unused.findIndex((other) => other === word || isTypoOf(word, other));
    if (at >= 0) {
      unused.splice(at, 1);
      count++;
    }
  }
  return count;
}

function isTypoOf(left: string, right: string): boolean {
  return (
    Math.min(left.length, right.length) >= 5 &&
    Math.abs(left.length - right.length) <= 1 &&
    editDistance(left, right, 1) <= 1
  );
}
