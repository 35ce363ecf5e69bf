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

/**
 * A question with more distinct words than this is not compared with pins at all: it is not a
 * rewording of a pinned question (and a pin that long is only matched by the same long question, which
 * is then answered by the engine). This bounds the work a member's message can cause.
 */
export const MAX_PIN_QUESTION_STEMS = 64;

/** Typos are only looked for in words up to this long; longer words match only exactly. */
const MAX_TYPO_WORD_LENGTH = 32;
const MIN_TYPO_WORD_LENGTH = 5;

interface IndexedPin {
  readonly pin: Pin;
  readonly stems: readonly string[];
}

interface Posting {
  readonly pin: number;
  readonly content: boolean;
}

/**
 * Pins indexed by their stems, so a question only meets the pins that share its words (or a typo of
 * them). Typos are found through deletion neighbours (SymSpell): two words within one edit share a
 * one-letter deletion, so a question word looks up itself and its deletions instead of comparing itself
 * with every pinned word.
 */
interface PinIndex {
  readonly pins: readonly IndexedPin[];
  /** stem → the pins holding it, and whether it is a content word there. */
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  /** A stem (5+ letters) and each of its one-letter deletions → the stems it came from. */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
  /** Pins with no content word at all: they can be matched by a question without one. */
  readonly withoutContent: readonly number[];
}

const indexByPins = new WeakMap<readonly Pin[], PinIndex>();

/** Built once per list of pins (the pin service keeps one list per server until a pin changes). */
function pinIndex(pins: readonly Pin[]): PinIndex {
  const cached = indexByPins.get(pins);
  if (cached) return cached;
  const indexed: IndexedPin[] = [];
  const postings = new Map<string, Posting[]>();
  const neighbours = new Map<string, string[]>();
  const withoutContent: number[] = [];
  for (const pin of pins) {
    const stems = stemSet(pin.normalizedQuestion);
    if (stems.length === 0) continue;
    const at = indexed.length;
    let contentCount = 0;
    for (const stemmed of stems) {
      const content = !isStopword(stemmed);
      if (content) contentCount++;
      let list = postings.get(stemmed);
      if (!list) {
        list = [];
        postings.set(stemmed, list);
        for (const key of typoKeys(stemmed)) {
          const from = neighbours.get(key);
          if (from) from.push(stemmed);
          else neighbours.set(key, [stemmed]);
        }
      }
      list.push({ pin: at, content });
    }
    if (contentCount === 0) withoutContent.push(at);
    indexed.push({ pin, stems });
  }
  const index = { pins: indexed, postings, neighbours, withoutContent };
  indexByPins.set(pins, index);
  return index;
}

/** The word and its one-letter deletions; nothing for words too short or too long to have typos. */
function typoKeys(word: string): string[] {
  if (word.length < MIN_TYPO_WORD_LENGTH || word.length > MAX_TYPO_WORD_LENGTH) return [];
  const keys = new Set([word]);
  for (let at = 0; at < word.length; at++) keys.add(word.slice(0, at) + word.slice(at + 1));
  return [...keys];
}

/** Pinned stems equal to this stem or one typo away from it. */
function pinnedStemsLike(index: PinIndex, word: string): string[] {
  const found = new Set<string>();
  if (index.postings.has(word)) found.add(word);
  for (const key of typoKeys(word)) {
    for (const other of index.neighbours.get(key) ?? []) {
      if (!found.has(other) && isTypoOf(word, other)) found.add(other);
    }
  }
  return [...found];
}

/**
 * The pinned question most like this one, if it is like enough. A pin is accepted when (a) every
 * content word of each question (not a stopword) has its match in the other, so "what happens if my
 * therapist is late" never gets the answer pinned for "…is sick", and "can I ask my therapist out" never
 * gets the one for "…how she is", and (b) the Dice coefficient of all their stems reaches the threshold.
 * A stem also matches its typo (one edit in words of 5+ letters).
 *
 * Cost: the question's words (at most {@link MAX_PIN_QUESTION_STEMS}) are looked up in the index, and
 * only the pins holding its rarest content word are compared with it, so the work follows how many pins
 * share that word, not how many pins there are.
 */
export function matchPin(question: string, pins: readonly Pin[]): PinMatch | undefined {
  if (pins.length === 0) return undefined;
  const asked = stemSet(normalizeQuestion(question));
  if (asked.length === 0 || asked.length > MAX_PIN_QUESTION_STEMS) return undefined;
  const index = pinIndex(pins);
  const askedContent = asked.filter((word) => !isStopword(word));

  // A pin that passes must hold a match for every content word of the question, so the rarest of them
  // gives every candidate. Without a content word, candidates are pins whose content the question's
  // words could cover (through a typo) and pins without content.
  let candidates: Iterable<number>;
  if (askedContent.length > 0) {
    let rarest: readonly string[] = [];
    let rarestCount = Number.POSITIVE_INFINITY;
    for (const word of askedContent) {
      const like = pinnedStemsLike(index, word);
      const count = like.reduce((sum, pinned) => sum + (index.postings.get(pinned)?.length ?? 0), 0);
      if (count === 0) return undefined;
      if (count < rarestCount) [rarest, rarestCount] = [like, count];
    }
    candidates = holdersOf(index, rarest, false);
  } else {
    const like = asked.flatMap((word) =>
      pinnedStemsLike(index, word).filter((pinned) => !isStopword(pinned)),
    );
    candidates = [...index.withoutContent, ...holdersOf(index, like, true)];
  }

  let best: PinMatch | undefined;
  for (const at of [...new Set(candidates)].sort((left, right) => left - right)) {
    const entry = index.pins[at];
    if (!entry) continue;
    const pinned = entry.stems;
    if (!coversContent(asked, pinned) || !coversContent(pinned, asked)) continue;
    const similarity = (2 * overlap(asked, pinned)) / (asked.length + pinned.length);
    if (similarity >= PIN_MATCH_THRESHOLD && (!best || similarity > best.similarity)) {
      best = { pin: entry.pin, similarity: Math.round(similarity * 1000) / 1000 };
    }
  }
  return best;
}

/** The pins holding any of these stems (only where it is a content word, with `contentOnly`). */
function holdersOf(index: PinIndex, stems: readonly string[], contentOnly: boolean): Set<number> {
  const holders = new Set<number>();
  for (const pinned of stems) {
    for (const posting of index.postings.get(pinned) ?? []) {
      if (!contentOnly || posting.content) holders.add(posting.pin);
    }
  }
  return holders;
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
