import Fuse from 'fuse.js';

/** Shorter words are corrected only with support from the rest of the question (see question.ts). */
export const MIN_CORRECTED_LENGTH = 6;
/** Words this short are never corrected: too many real words sit one edit apart. */
export const MIN_SUPPORTED_LENGTH = 4;

/** Fuse's own cut-off (0 exact … 1 anything): loose enough for two typos in a long word. */
const FUZZY_THRESHOLD = 0.45;

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
 * and a length within the allowed typos (a bucket), and of those only the ones that could matter (see
 * `candidates`). Fuse proposes, and an exact edit-distance check keeps only real typos ("therapsit"),
 * not other words that merely share letters ("list" is not "line"). People rarely mistype the first
 * letter, and another first letter makes another word ("trying" is not "crying").
 *
 * Memory is bounded whatever members type: the index holds the vocabulary's words by bucket and nothing
 * else; each search builds a small Fuse index over a few words and drops it.
 */
export class TypoIndex {
  private readonly wordsByBucket = new Map<string, string[]>();
  /** Per bucket, each word's letters a–z as bits (see `lettersApart`), in the same order. */
  private readonly lettersByBucket = new Map<string, number[]>();
  // Scratch letter counts of the word being corrected (see `mustHaveMoreErrors`); corrections run one at a time.
  private readonly letterCounts = new Int32Array(128);
  private readonly distance = new BoundedEditDistance();

  constructor(vocabulary: Iterable<string>) {
    for (const word of new Set(vocabulary)) {
      if (word.length < MIN_SUPPORTED_LENGTH || /\d/.test(word)) continue;
      const key = bucketKey(word[0] ?? '', word.length);
      const list = this.wordsByBucket.get(key);
      if (list) {
        list.push(word);
        this.lettersByBucket.get(key)?.push(letterBits(word));
      } else {
        this.wordsByBucket.set(key, [word]);
        this.lettersByBucket.set(key, [letterBits(word)]);
      }
    }
  }

  /**
   * Vocabulary words within the allowed typos, closest first (ties in alphabetical order), at most
   * `limit`. `minLength` is the shortest word corrected (shorter ones return nothing).
   *
   * Fuse ranks the words of the bucket by its own errors and proposes its best eight; the edit-distance
   * check keeps those within the allowed typos. Two shortcuts give the same words, faster: when no word of
   * the bucket is close enough, Fuse is not asked (its proposals would all be refused); otherwise Fuse is
   * not shown the words that must rank below every close word (more errors than any of them can have), so
   * they cannot take one of its eight places.
   */
  candidates(word: string, limit = 3, minLength = MIN_CORRECTED_LENGTH): Correction[] {
    if (word.length < minLength) return [];
    const allowed = allowedEdits(word.length);
    if (allowed === 0) return [];
    const bucket = this.bucket(word[0] ?? '', word.length, allowed);
    const close = new Map<string, number>();
    // The most errors Fuse can count for a close word: its plain edit distance (a swap is two edits).
    let reach = 0;
    this.forEachNear(word, allowed, (candidate) => {
      const distance =
        allowed === 1 ? (isOneEdit(word, candidate) ? 1 : 2) : this.distance.within(word, candidate, allowed);
      if (distance > allowed) return false;
      close.set(candidate, distance);
      reach = Math.max(reach, levenshtein(word, candidate));
      return false;
    });
    if (close.size === 0) return [];
    const shown = bucket.filter(
      (candidate) => close.has(candidate) || !this.mustHaveMoreErrors(word, candidate, reach),
    );
    const fuse = new Fuse(shown, {
      includeScore: true,
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
      shouldSort: true,
    });
    const found: { word: string; distance: number }[] = [];
    for (const hit of fuse.search(word, { limit: 8 })) {
      const distance = close.get(hit.item);
      if (distance !== undefined) found.push({ word: hit.item, distance });
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
   * (a word {@link candidates} could return): a scan with a bounded edit distance.
   */
  hasWordWithin(word: string, edits: number): boolean {
    return this.forEachNear(word, edits, (candidate) =>
      edits === 1 ? isOneEdit(word, candidate) : this.distance.within(word, candidate, edits) <= edits,
    );
  }

  /**
   * Calls `visit` with each other word of the bucket that may be within `edits` typos, in bucket order,
   * until it returns true (then returns true). Words with more than `edits` letters the other lacks are
   * skipped: each typo brings in at most one letter, so they are further apart.
   */
  private forEachNear(word: string, edits: number, visit: (candidate: string) => boolean): boolean {
    const first = word[0] ?? '';
    const letters = letterBits(word);
    for (let size = word.length - edits; size <= word.length + edits; size++) {
      const key = bucketKey(first, size);
      const words = this.wordsByBucket.get(key);
      const bits = this.lettersByBucket.get(key);
      if (words === undefined || bits === undefined) continue;
      for (let at = 0; at < words.length; at++) {
        const candidate = words[at] as string;
        if (candidate === word || lettersApart(letters, bits[at] as number) > edits) continue;
        if (visit(candidate)) return true;
      }
    }
    return false;
  }

  /** The closest vocabulary word within the allowed typos, with similarity in (0, 1]; null when none. */
  correct(word: string): Correction | null {
    const best = this.candidates(word, 1)[0];
    return best && best.distance <= unsupportedEdits(word.length) ? best : null;
  }

  /** The words Fuse searches for a word: same first letter, length within the allowed typos, in order. */
  private bucket(first: string, length: number, allowed: number): string[] {
    const words: string[] = [];
    for (let size = length - allowed; size <= length + allowed; size++) {
      for (const word of this.wordsByBucket.get(bucketKey(first, size)) ?? []) words.push(word);
    }
    return words;
  }

  /**
   * Whether Fuse must count more than `reach` errors for the word in `candidate`. Fuse matches the whole
   * word against part of the candidate; each letter of the word that the candidate lacks (counted with
   * repeats) costs at least one error. Letters other than a–z and 0–9 are not counted (never pruned).
   */
  private mustHaveMoreErrors(word: string, candidate: string, reach: number): boolean {
    const counts = this.letterCounts;
    let missing = 0;
    for (let at = 0; at < word.length; at++) if (!isPlainLetter(word.charCodeAt(at))) return false;
    for (let at = 0; at < word.length; at++) {
      const code = word.charCodeAt(at);
      counts[code] = (counts[code] as number) + 1;
    }
    for (let at = 0; at < candidate.length; at++) {
      const code = candidate.charCodeAt(at);
      if (!isPlainLetter(code)) {
        missing = -1;
        break;
      }
      if ((counts[code] as number) > 0) counts[code] = (counts[code] as number) - 1;
    }
    for (let at = 0; at < word.length; at++) {
      const code = word.charCodeAt(at);
      if (missing >= 0) missing += counts[code] as number;
      counts[code] = 0;
    }
    return missing > reach;
  }
}

/**
 * `editDistance` (src/text/) with a limit, on three reused rows instead of a fresh table: the corrector measures
 * every word of a bucket, and most are rejected after a few letters.
 */
export class BoundedEditDistance {
  private rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

  /** The distance of two non-empty words when it is at most `limit`, otherwise `limit + 1`. */
  within(a: string, b: string, limit: number): number {
    if (a === b) return 0;
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const cols = b.length + 1;
    if ((this.rows[0] as Int32Array).length < cols) {
      this.rows = [new Int32Array(cols * 2), new Int32Array(cols * 2), new Int32Array(cols * 2)];
    }
    let [twoBack, previous, current] = this.rows as [Int32Array, Int32Array, Int32Array];
    for (let j = 0; j < cols; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      current[0] = i;
      let rowMin = i;
      const left = a.charCodeAt(i - 1);
      for (let j = 1; j < cols; j++) {
        const up = b.charCodeAt(j - 1);
        let value = Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + (left === up ? 0 : 1),
        );
        if (i > 1 && j > 1 && left === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === up) {
          value = Math.min(value, (twoBack[j - 2] as number) + 1);
        }
        current[j] = value;
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > limit) return limit + 1;
      [twoBack, previous, current] = [previous, current, twoBack];
    }
    const result = previous[cols - 1] as number;
    return result > limit ? limit + 1 : result;
  }
}

/** The letters a–z a word uses, one bit each (other characters are left out). */
function letterBits(word: string): number {
  let bits = 0;
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at) - 97;
    if (code >= 0 && code < 26) bits |= 1 << code;
  }
  return bits;
}

/** How many letters one word uses that the other does not, the larger of the two counts. */
function lettersApart(left: number, right: number): number {
  return Math.max(bitCount(left & ~right), bitCount(right & ~left));
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** a–z and 0–9: letters Fuse compares as they are (it lowercases, which changes nothing here). */
function isPlainLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Plain edit distance (insertions, deletions, substitutions; a swap is two), as Fuse counts errors. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
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
