import { CONCEPTS } from './concepts.js';
import { isStopword, stem, words } from './text.js';

/** Index terms carry a prefix so a concept can never collide with a real word. */
export const CONCEPT_PREFIX = '@';

interface Phrase {
  readonly stems: readonly string[];
  readonly term: string;
}

function buildPhraseTable(): Map<string, Phrase[]> {
  const table = new Map<string, Phrase[]>();
  for (const concept of CONCEPTS) {
    for (const text of concept.terms) {
      const stems = words(text).map(stem);
      const first = stems[0];
      if (first === undefined) continue;
      const entry = { stems, term: `${CONCEPT_PREFIX}${concept.name}` };
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

/** One word of a text with where it came from: `word` as written (normalised), `stem` its index form. */
export interface AnalyzedWord {
  readonly word: string;
  readonly stem: string;
  readonly stopword: boolean;
}

export function analyzeWords(text: string): AnalyzedWord[] {
  return words(text).map((word) => ({ word, stem: stem(word), stopword: isStopword(word) }));
}

/** Concept terms found in a word sequence, with the words that triggered each. */
export function findConcepts(sequence: readonly AnalyzedWord[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (let start = 0; start < sequence.length; start++) {
    const candidates = PHRASES.get(sequence[start]?.stem ?? '');
    if (!candidates) continue;
    // A word can belong to several concepts ("crush" is romance, "sick" unwell); the longest phrase
    // of each concept wins at a position.
    const matchedConcepts = new Set<string>();
    for (const phrase of candidates) {
      if (matchedConcepts.has(phrase.term)) continue;
      if (!phrase.stems.every((value, offset) => sequence[start + offset]?.stem === value)) continue;
      const matched = sequence.slice(start, start + phrase.stems.length).map((item) => item.word);
      const list = found.get(phrase.term) ?? [];
      list.push(matched.join(' '));
      found.set(phrase.term, list);
      matchedConcepts.add(phrase.term);
    }
  }
  return found;
}

/** The terms a field of the article contributes to the index: content stems plus concepts. */
export function indexTerms(text: string): string[] {
  const sequence = analyzeWords(text);
  const terms = sequence.filter((item) => !item.stopword).map((item) => item.stem);
  for (const [concept, hits] of findConcepts(sequence))
    for (let n = 0; n < hits.length; n++) terms.push(concept);
  return terms;
}
