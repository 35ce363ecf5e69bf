import Fuse from 'fuse.js';
import { editDistance } from '../text/index.js';
import { LruCache } from './lru.js';

/** Shorter words are corrected only with support from the rest of the question (see question.ts). */
export const MIN_CORRECTED_LENGTH = 6;
/** Words this short are never corrected: too many real words sit one edit apart. */
export const MIN_SUPPORTED_LENGTH = 4;

/** Fuse's own cut-off (0 exact … 1 anything): loose enough for two typos in a long word. */
const FUZZY_THRESHOLD = 0.45;
/** Fuse indexes kept at once, one per (first letter, length, allowed edits); built on first use. */
const FUSE_CACHE_LIMIT = 512;

export interface Correction {
  readonly word: string;
  readonly distance: number;
  /** 1 − edits / length, in (0, 1]. */
  readonly similarity: number;
}

/** Typos allowed for a word of this length: one for short words, two from eight letters. */
export function allowedEdits(length: number): number {
  if (length < MIN_SUPPORTED_LENGTH) return 0;
  return length < 8 ? 1 : 2;
}

/** Typos a word of this length may have without support from the rest of the question. */
export function unsupportedEdits(length: number): number {
  if (length < MIN_CORRECTED_LENGTH) return 0;
  return length < 10 ? 1 : 2;
}

/**
 * Typo correction with Fuse.js, one question word at a time against the knowledge vocabulary (never the
 * whole question: Bitap is built for short patterns). Fuse only searches words with the same first letter
 * and a length within the allowed typos, so each search covers a few hundred words at most, even at
 * 10,000 paragraphs. Fuse proposes, and an exact edit-distance check keeps only real typos ("therapsit"),
 * not other words that merely share letters ("list" is not "line"). People rarely mistype the first
 * letter, and another first letter makes another word ("trying" is not "crying").
 *
 * Memory is bounded whatever members type: a bucket with no vocabulary word builds nothing, and the Fuse
 * indexes that are built live in an LRU cache.
 */
export class TypoIndex {
  private readonly wordsByBucket = new Map<string, string[]>();
  private readonly fuseByBucket = new LruCache<string, Fuse<string>>(FUSE_CACHE_LIMIT);

  constructor(vocabulary: Iterable<string>) {
    for (const word of new Set(vocabulary)) {
      if (word.length < MIN_SUPPORTED_LENGTH || /\d/.test(word)) continue;
      const key = bucketKey(word[0] ?? '', word.length);
      const list = this.wordsByBucket.get(key);
      if (list) list.push(word);
      else this.wordsByBucket.set(key, [word]);
    }
  }

  /** Number of Fuse indexes currently built (for the memory test). */
  get builtIndexes(): number {
    return this.fuseByBucket.size;
  }

  /**
   * Vocabulary words within the allowed typos, closest first (ties in alphabetical order), at most
   * `limit`. `minLength` is the shortest word corrected (shorter ones return nothing).
   */
  candidates(word: string, limit = 3, minLength = MIN_CORRECTED_LENGTH): Correction[] {
    if (word.length < minLength) return [];
    const allowed = allowedEdits(word.length);
    if (allowed === 0) return [];
    // Fuse proposes and edit distance confirms: when no word is close enough, Fuse's proposals would
    // all be refused, so it is not asked (most unknown words are not typos of the knowledge's words).
    if (!this.hasWordWithin(word, allowed)) return [];
    const fuse = this.fuseFor(word[0] ?? '', word.length, allowed);
    if (!fuse) return [];
    const found: { word: string; distance: number }[] = [];
    for (const hit of fuse.search(word, { limit: 8 })) {
      const candidate = hit.item;
      if (candidate === word) continue;
      const distance = editDistance(word, candidate, allowed);
      if (distance > allowed) continue;
      found.push({ word: candidate, distance });
    }
    found.sort((left, right) => left.distance - right.distance || (left.word < right.word ? -1 : 1));
    return found.slice(0, limit).map((item) => ({
      word: item.word,
      distance: item.distance,
      similarity: 1 - item.distance / Math.max(word.length, item.word.length),
    }));
  }

  /**
   * Whether some other vocabulary word with the same first letter is at most `edits` typos from the word
   * (the words {@link candidates} would confirm). A scan with a bounded edit distance: far cheaper than a
   * Fuse search, whose proposals it would refuse anyway.
   */
  hasWordWithin(word: string, edits: number): boolean {
    const first = word[0] ?? '';
    for (let size = word.length - edits; size <= word.length + edits; size++) {
      for (const candidate of this.wordsByBucket.get(bucketKey(first, size)) ?? []) {
        if (candidate === word) continue;
        if (edits === 1 ? isOneEdit(word, candidate) : editDistance(word, candidate, edits) <= edits)
          return true;
      }
    }
    return false;
  }

  /** The closest vocabulary word within the allowed typos, with similarity in (0, 1]; null when none. */
  correct(word: string): Correction | null {
    const best = this.candidates(word, 1)[0];
    return best && best.distance <= unsupportedEdits(word.length) ? best : null;
  }

  private fuseFor(first: string, length: number, allowed: number): Fuse<string> | undefined {
    const key = `${bucketKey(first, length)}±${allowed}`;
    const cached = this.fuseByBucket.get(key);
    if (cached) return cached;
    const candidates: string[] = [];
    for (let size = length - allowed; size <= length + allowed; size++) {
      candidates.push(...(this.wordsByBucket.get(bucketKey(first, size)) ?? []));
    }
    // Nothing to find: build nothing, cache nothing (a first letter can be any of thousands of letters).
    if (candidates.length === 0) return undefined;
    const fuse = new Fuse(candidates, {
      includeScore: true,
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
      shouldSort: true,
    });
    this.fuseByBucket.set(key, fuse);
    return fuse;
  }
}

/**
 * Whether two different words are exactly one typo apart (one insertion, deletion, substitution or swap of
 * neighbours): `editDistance(a, b, 1) === 1` without the table.
 */
export function isOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let at = 0;
  while (at < short.length && long[at] === short[at]) at++;
  if (long.length !== short.length) return restEquals(long, at + 1, short, at);
  // Same length: a substitution at `at`, or neighbours swapped at `at` and `at + 1`.
  if (restEquals(long, at + 1, short, at + 1)) return true;
  return long[at] === short[at + 1] && long[at + 1] === short[at] && restEquals(long, at + 2, short, at + 2);
}

/** Whether `a` from `fromA` on equals `b` from `fromB` on. */
function restEquals(a: string, fromA: number, b: string, fromB: number): boolean {
  if (a.length - fromA !== b.length - fromB) return false;
  for (let offset = 0; fromA + offset < a.length; offset++) {
    if (a[fromA + offset] !== b[fromB + offset]) return false;
  }
  return true;
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}
