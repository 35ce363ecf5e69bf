import type { AnalyzedWord } from './analyzer.js';
import type { KnowledgeIndex } from './index.js';
import { LruCache } from './lru.js';
import { STOPWORD_LIST } from './text.js';
import { MIN_SUPPORTED_LENGTH, TypoIndex, unsupportedEdits, type Correction } from './typos.js';
import type { RankingWeights } from './weights.js';

/** Long messages are cut: the first words carry the question, and cost must stay bounded. */
export const MAX_QUESTION_WORDS = 200;
const CORRECTION_CACHE_LIMIT = 5000;
/** Candidates weighed for a short word; the first one the rest of the question supports wins. */
const SHORT_WORD_CANDIDATES = 4;

/** One search term of a question: a stem or a group, with its weight and the words that produced it. */
export interface QueryTerm {
  weight: number;
  readonly words: Set<string>;
}

export interface QuestionAnalysis {
  readonly terms: ReadonlyMap<string, QueryTerm>;
  /** Distinct content words the knowledge does not know (after corrections). */
  readonly unknownWords: number;
  /** Those words, as written. */
  readonly unknown: readonly string[];
  /** Phrases of `other` groups the question names (someone other than the setting), as written. */
  readonly others: readonly string[];
  /** The words as read (normalised), before stopwords go. */
  readonly words: readonly string[];
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
}

export type QuestionAnalyzer = (question: string) => QuestionAnalysis;

/**
 * Reads a question into search terms.
 *
 * 1. Words the knowledge does not know are corrected first (Fuse.js proposes, an edit-distance check
 *    confirms, typos.ts): words of six letters or more on their own; words of four or five letters only
 *    where the rest of the question supports the correction (another of its terms shares a paragraph
 *    with it: "crsh on my counselor" → crush), so real short words do not turn into other words.
 * 2. The corrected words are read as a whole: group phrases on the full word sequence ("mental helth"
 *    → "mental health"), then content words by stem. A term from a corrected word weighs its similarity.
 *
 * Pure apart from its bounded caches.
 */
export function createQuestionAnalyzer(index: KnowledgeIndex, weights: RankingWeights): QuestionAnalyzer {
  const { analyzer, idf, postings } = index;
  const typos = new TypoIndex(index.vocabularyWords);
  // A mistyped stopword ("alwauys", "lkie") is still a stopword, not an unknown word against confidence.
  const stopwordTypos = new TypoIndex([...STOPWORD_LIST, ...(index.knowledge.vocabulary?.filler ?? [])]);
  const candidateCache = new LruCache<
    string,
    { content: readonly Correction[]; stopword: Correction | undefined }
  >(CORRECTION_CACHE_LIMIT);
  const candidatesOf = (
    word: string,
  ): { content: readonly Correction[]; stopword: Correction | undefined } => {
    const cached = candidateCache.get(word);
    if (cached !== undefined) return cached;
    // Only a stopword one typo away counts, so the search is skipped when there is none.
    const stopword = stopwordTypos.hasWordWithin(word, 1)
      ? stopwordTypos.candidates(word, 1, MIN_SUPPORTED_LENGTH)[0]
      : undefined;
    const result = {
      content: typos.candidates(word, SHORT_WORD_CANDIDATES, MIN_SUPPORTED_LENGTH),
      stopword: stopword && stopword.distance === 1 ? stopword : undefined,
    };
    candidateCache.set(word, result);
    return result;
  };
  const isKnown = (item: AnalyzedWord): boolean => idf.has(item.stem) || index.vocabularyWords.has(item.word);
  const wordTerms = new LruCache<string, readonly string[]>(CORRECTION_CACHE_LIMIT);
  const termsOfWord = (word: string): readonly string[] => {
    const cached = wordTerms.get(word);
    if (cached !== undefined) return cached;
    const terms = [...new Set(analyzer.termsOfWords(analyzer.analyzeWords(word)))].filter((term) =>
      postings.has(term),
    );
    wordTerms.set(word, terms);
    return terms;
  };
  const groupWords = new Set(analyzer.conceptWords);
  // Paragraphs holding a term of the question's context, marked per question (scratch, reused).
  const marked = new Uint8Array(index.docs.length);
  const markedList: number[] = [];
  const markContext = (terms: ReadonlySet<string>): void => {
    for (const doc of markedList) marked[doc] = 0;
    markedList.length = 0;
    for (const term of terms) {
      const docs = postings.get(term)?.docs;
      if (docs === undefined) continue;
      for (let at = 0; at < docs.length; at++) {
        const doc = docs[at] as number;
        const count = marked[doc] as number;
        if (count === 0) markedList.push(doc);
        if (count < 255) marked[doc] = count + 1;
      }
    }
  };
  /** Whether some paragraph has a term of `word` and another term of the context. */
  const sharesParagraph = (word: string, context: ReadonlySet<string>): boolean =>
    termsOfWord(word).some((term) => {
      const needed = context.has(term) ? 2 : 1;
      return (postings.get(term)?.docs ?? []).some((doc) => (marked[doc] as number) >= needed);
    });
  /** Whether the word, put at `at`, completes a phrase of two or more words of a group ("shrot version"). */
  const completesPhrase = (words: readonly string[], at: number, word: string): boolean => {
    if (!groupWords.has(word)) return false;
    const trial = [...words];
    trial[at] = word;
    const sequence = analyzer.analyzeWords(trial.join(' '));
    return analyzer
      .findConceptMatches(sequence)
      .some((match) => match.end - match.start >= 2 && match.start <= at && at < match.end);
  };

  return (question) => {
    const original = analyzer.analyzeWords(question).slice(0, MAX_QUESTION_WORDS);
    const fixes: { from: string; to: string }[] = [];
    const similarity = new Map<number, number>();
    const words = original.map((item) => item.word);
    const dropped = new Set<number>();
    const needsFix = (item: AnalyzedWord): boolean =>
      !item.stopword && !isKnown(item) && !/\d/.test(item.word) && item.word.length >= MIN_SUPPORTED_LENGTH;
    const pending = original.flatMap((item, at) => {
      if (!needsFix(item)) return [];
      const { content, stopword } = candidatesOf(item.word);
      return content.length > 0 || stopword ? [at] : [];
    });
    // Pass 1: corrections that need no support (longer words, few edits). Pass 2: the others, supported
    // by the terms the question has after pass 1. Most questions have nothing to correct.
    for (const pass of pending.length === 0 ? [] : ([1, 2] as const)) {
      let context: Set<string> | undefined;
      // Other words still unknown count with their best guess: two typos may support each other.
      const contextTerms = (): Set<string> => {
        if (context) return context;
        const tentative = words.map((word, at) => {
          const item = original[at];
          if (!item || similarity.has(at) || dropped.has(at) || !needsFix(item)) return word;
          return candidatesOf(item.word).content[0]?.word ?? word;
        });
        const terms = analyzer.termsOfWords(analyzer.analyzeWords(tentative.join(' ')));
        context = new Set(terms.filter((term) => postings.has(term)));
        markContext(context);
        return context;
      };
      for (const at of pending) {
        const item = original[at] as AnalyzedWord;
        if (similarity.has(at) || dropped.has(at)) continue;
        const { content, stopword } = candidatesOf(item.word);
        if (content.length === 0 && !stopword) continue;
        const free = unsupportedEdits(item.word.length);
        const chosen =
          pass === 1
            ? content.find((candidate) => candidate.distance <= free)
            : content.find(
                (candidate) =>
                  sharesParagraph(candidate.word, contextTerms()) ||
                  completesPhrase(words, at, candidate.word),
              );
        if (chosen && (!stopword || chosen.distance < stopword.distance)) {
          fixes.push({ from: item.word, to: chosen.word });
          similarity.set(at, chosen.similarity);
          words[at] = chosen.word;
        } else if (pass === 2 && stopword) {
          fixes.push({ from: item.word, to: stopword.word });
          dropped.add(at);
          words[at] = stopword.word;
        }
      }
    }
    const sequence = fixes.length === 0 ? original : analyzer.analyzeWords(words.join(' '));
    // Corrections keep one word per word, so positions line up with the original.
    const weightAt = (at: number): number => similarity.get(at) ?? 1;

    const terms = new Map<string, QueryTerm>();
    const add = (term: string, weight: number, word: string): void => {
      const existing = terms.get(term);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        existing.words.add(word);
      } else terms.set(term, { weight, words: new Set([word]) });
    };
    const conceptWords = new Set<string>();
    const settingWords = new Set<string>();
    const found = analyzer.findConceptMatches(sequence);
    // `other` groups are no search terms: they tell the answer policy who the question is about.
    const matches = found.filter((match) => !analyzer.otherTerms.has(match.term));
    const others = found.filter((match) => analyzer.otherTerms.has(match.term));
    for (const match of matches) {
      let weight = weights.concept;
      for (let at = match.start; at < match.end; at++) weight *= weightAt(at);
      add(match.term, weight, originalText(original, match.start, match.end));
      for (const word of match.text.split(' ')) {
        conceptWords.add(word);
        if (analyzer.settingTerms.has(match.term)) settingWords.add(word);
      }
    }
    const inPhrase = analyzer.phraseCoveredPositions(matches);
    // Distinct words: a word repeated ("blah blah blah") says no more than once.
    const unknown = new Set<string>();
    const unknownWritten: string[] = [];
    for (const [at, item] of sequence.entries()) {
      // A setting word ("psychiatrist") names the setting; it is not evidence for a paragraph.
      if (item.stopword || settingWords.has(item.word)) continue;
      const written = original[at]?.word ?? item.word;
      if (idf.has(item.stem)) {
        add(item.stem, (inPhrase.has(at) ? weights.phraseWord : 1) * weightAt(at), written);
        continue;
      }
      if (conceptWords.has(item.word)) continue;
      if (!unknown.has(item.stem)) unknownWritten.push(written);
      unknown.add(item.stem);
    }
    return {
      terms,
      unknownWords: unknown.size,
      unknown: unknownWritten,
      others: others.map((match) => originalText(original, match.start, match.end)),
      words: original.map((item) => item.word),
      corrections: fixes,
    };
  };
}

function originalText(sequence: readonly AnalyzedWord[], start: number, end: number): string {
  return sequence
    .slice(start, end)
    .map((item) => item.word)
    .join(' ');
}
