import { stem } from '../text/index.js';
import type { KnowledgeIndex } from './index.js';
import { LruCache } from './lru.js';
import { MIN_CORRECTED_LENGTH, TypoIndex, type Correction } from './typos.js';
import type { RankingWeights } from './weights.js';

/** Long messages are cut: the first words carry the question, and cost must stay bounded. */
export const MAX_QUESTION_WORDS = 200;
const CORRECTION_CACHE_LIMIT = 5000;

/** One search term of a question: a stem or a group, with its weight and the words that produced it. */
export interface QueryTerm {
  weight: number;
  readonly words: Set<string>;
}

export interface QuestionAnalysis {
  readonly terms: ReadonlyMap<string, QueryTerm>;
  /** Distinct content words the knowledge does not know (after corrections). */
  readonly unknownWords: number;
  /** The words as read (normalised), before stopwords go. */
  readonly words: readonly string[];
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
}

export type QuestionAnalyzer = (question: string) => QuestionAnalysis;

/**
 * Reads a question into search terms: group phrases first (on the full word sequence), then content
 * words by stem, then corrections for words the knowledge does not know. Pure apart from its bounded
 * caches.
 */
export function createQuestionAnalyzer(index: KnowledgeIndex, weights: RankingWeights): QuestionAnalyzer {
  const { analyzer, idf, conceptOfWord } = index;
  const typos = new TypoIndex(index.vocabularyWords);
  const corrections = new LruCache<string, Correction | null>(CORRECTION_CACHE_LIMIT);
  const correct = (word: string): Correction | null => {
    const cached = corrections.get(word);
    if (cached !== undefined) return cached;
    const result = typos.correct(word);
    corrections.set(word, result);
    return result;
  };

  return (question) => {
    const sequence = analyzer.analyzeWords(question).slice(0, MAX_QUESTION_WORDS);
    const terms = new Map<string, QueryTerm>();
    const fixes: { from: string; to: string }[] = [];
    const add = (term: string, weight: number, word: string): void => {
      const existing = terms.get(term);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        existing.words.add(word);
      } else terms.set(term, { weight, words: new Set([word]) });
    };
    const conceptWords = new Set<string>();
    const settingWords = new Set<string>();
    const matches = analyzer.findConceptMatches(sequence);
    for (const match of matches) {
      add(match.term, weights.concept, match.text);
      for (const word of match.text.split(' ')) {
        conceptWords.add(word);
        if (analyzer.settingTerms.has(match.term)) settingWords.add(word);
      }
    }
    const inPhrase = analyzer.phraseCoveredPositions(matches);
    // Distinct words: a word repeated ("blah blah blah") says no more than once.
    const unknown = new Set<string>();
    for (const [at, item] of sequence.entries()) {
      // A setting word ("psychiatrist") names the setting; it is not evidence for a paragraph.
      if (item.stopword || settingWords.has(item.word)) continue;
      if (idf.has(item.stem)) {
        add(item.stem, inPhrase.has(at) ? weights.phraseWord : 1, item.word);
        continue;
      }
      if (conceptWords.has(item.word)) continue;
      const fixed =
        item.word.length >= MIN_CORRECTED_LENGTH && !/\d/.test(item.word) ? correct(item.word) : null;
      if (fixed) {
        const fixedStem = stem(fixed.word);
        const concept = conceptOfWord.get(fixed.word);
        if (idf.has(fixedStem)) add(fixedStem, fixed.similarity, item.word);
        if (concept) add(concept, weights.concept * fixed.similarity, item.word);
        if (idf.has(fixedStem) || concept) {
          fixes.push({ from: item.word, to: fixed.word });
          continue;
        }
      }
      unknown.add(item.stem);
    }
    return {
      terms,
      unknownWords: unknown.size,
      words: sequence.map((item) => item.word),
      corrections: fixes,
    };
  };
}
