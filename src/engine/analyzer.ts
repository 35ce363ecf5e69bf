import { CONCEPTS } from './concepts.js';
import { stem, words } from '../text/index.js';
import { isStopword } from './text.js';

/** Index terms carry a prefix so a concept can never collide with a real word. */
export const CONCEPT_PREFIX = '@';

interface Phrase {
  readonly stems: readonly string[];
  /** Per word: the exact form required, when its stem would also match an unrelated word. */
  readonly exact: readonly (string | undefined)[];
  readonly term: string;
}

/**
 * A concept word whose Porter stem is a stopword or another short, everyday word ("canned" → "can",
 * "doing" → "do", "feeling" → "feel") must be written as listed, or "can I" would mean a canned answer.
 */
function needsExactMatch(word: string, wordStem: string): boolean {
  return word !== wordStem && (isStopword(wordStem) || wordStem.length <= 3);
}

/** `*` in a concept term stands for any one word: "how * is doing" meets "how my counsellor is doing". */
const WILDCARD = '*';

function buildPhraseTable(): Map<string, Phrase[]> {
  const table = new Map<string, Phrase[]>();
  for (const concept of CONCEPTS) {
    for (const text of concept.terms) {
      const termWords = text.split(/\s+/).flatMap((part) => (part === WILDCARD ? [WILDCARD] : words(part)));
      const stems = termWords.map((word) => (word === WILDCARD ? WILDCARD : stem(word)));
      const first = stems[0];
      if (first === undefined) continue;
      const exact = termWords.map((word, at) =>
        needsExactMatch(word, stems[at] ?? word) ? word : undefined,
      );
      const entry = { stems, exact, term: `${CONCEPT_PREFIX}${concept.name}` };
      const list = table.get(first);
      if (list) list.push(entry);
      else table.set(first, [entry]);
    }
  }
  // Longest phrases first, so "how are you doing" wins over "doing".
  for (const list of table.values()) list.sort((left, right) => right.stems.length - left.stems.length);
  return table;
}

const PHRASES = buildPhraseTable();

/** Every single word a concept knows, for typo-tolerant lookup of question words. */
export const CONCEPT_WORDS: readonly string[] = [
  ...new Set(CONCEPTS.flatMap((concept) => concept.terms.flatMap((term) => words(term)))),
];

/** Concepts that only say a question is about therapy; they neither hide nor are hidden by other phrases. */
const SETTING_TERMS = new Set([`${CONCEPT_PREFIX}therapist`, `${CONCEPT_PREFIX}therapy-context`]);

/** One word of a text with where it came from: `word` as written (normalised), `stem` its index form. */
export interface AnalyzedWord {
  readonly word: string;
  readonly stem: string;
  readonly stopword: boolean;
}

export function analyzeWords(text: string): AnalyzedWord[] {
  return words(text).map((word) => ({ word, stem: stem(word), stopword: isStopword(word) }));
}

/** One concept phrase found in a word sequence: words `start` (inclusive) to `end` (exclusive). */
export interface ConceptMatch {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** The words as written, joined by spaces. */
  readonly text: string;
}

/** Concept phrases found in a word sequence, in order of position. */
export function findConceptMatches(sequence: readonly AnalyzedWord[]): ConceptMatch[] {
  const matches: { start: number; end: number; term: string }[] = [];
  for (let start = 0; start < sequence.length; start++) {
    const candidates = PHRASES.get(sequence[start]?.stem ?? '');
    if (!candidates) continue;
    // A word can belong to several concepts ("crush" is romance, "sick" unwell); the longest phrase
    // of each concept wins at a position.
    const matchedConcepts = new Set<string>();
    for (const phrase of candidates) {
      if (matchedConcepts.has(phrase.term)) continue;
      const isMatch = phrase.stems.every((value, offset) => {
        const item = sequence[start + offset];
        if (item === undefined) return false;
        if (value === WILDCARD) return true;
        if (item.stem !== value) return false;
        const required = phrase.exact[offset];
        return required === undefined || item.word === required;
      });
      if (!isMatch) continue;
      matches.push({ start, end: start + phrase.stems.length, term: phrase.term });
      matchedConcepts.add(phrase.term);
    }
  }
  // A phrase inside a longer phrase of another concept is read as part of it: "check in" is asking,
  // not a fitness check; "feelings for" is romance, not well-being.
  const kept: ConceptMatch[] = [];
  for (const match of matches) {
    const covered =
      !SETTING_TERMS.has(match.term) &&
      matches.some(
        (other) =>
          other !== match &&
          !SETTING_TERMS.has(other.term) &&
          other.start <= match.start &&
          other.end >= match.end &&
          other.end - other.start > match.end - match.start,
      );
    if (covered) continue;
    const text = sequence
      .slice(match.start, match.end)
      .map((item) => item.word)
      .join(' ');
    kept.push({ ...match, text });
  }
  return kept;
}

/** Concept terms found in a word sequence, with the words that triggered each. */
export function findConcepts(sequence: readonly AnalyzedWord[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of findConceptMatches(sequence)) {
    const list = found.get(match.term) ?? [];
    list.push(match.text);
    found.set(match.term, list);
  }
  return found;
}

/**
 * Positions of words that sit inside a concept phrase of two or more words ("small talk", "fit state"):
 * there the phrase carries the meaning, and the single words on their own would mislead.
 */
export function phraseCoveredPositions(matches: readonly ConceptMatch[]): Set<number> {
  const covered = new Set<number>();
  for (const match of matches) {
    if (match.end - match.start < 2 || SETTING_TERMS.has(match.term)) continue;
    for (let at = match.start; at < match.end; at++) covered.add(at);
  }
  return covered;
}

/**
 * The terms a field of the article contributes to the index: content stems plus concepts. With
 * `conceptPhrasesOnly` (curated hints) a word inside a multi-word concept phrase counts only through
 * its concept: the keyword "small talk" is about greetings, not about anything small.
 */
export function indexTerms(text: string, conceptPhrasesOnly = false): string[] {
  return termsOfWords(analyzeWords(text), conceptPhrasesOnly);
}

/** `indexTerms` for words already analysed. */
export function termsOfWords(sequence: readonly AnalyzedWord[], conceptPhrasesOnly = false): string[] {
  const matches = findConceptMatches(sequence);
  const covered = conceptPhrasesOnly ? phraseCoveredPositions(matches) : new Set<number>();
  const terms = sequence.filter((item, at) => !item.stopword && !covered.has(at)).map((item) => item.stem);
  for (const match of matches) terms.push(match.term);
  return terms;
}
