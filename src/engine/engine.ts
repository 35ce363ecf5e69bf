import Fuse from 'fuse.js';
import type { Article, KnowledgeBase, Paragraph, Section } from '../knowledge/types.js';
import { EMPTY_VOCABULARY } from '../knowledge/vocabulary.js';
import { editDistance, stem, words } from '../text/index.js';
import { CONCEPT_PREFIX, OUT_OF_SCOPE_TERM, createAnalyzer, type Analyzer } from './analyzer.js';

/** A paragraph the engine considered, with its confidence in [0, 1]. */
export interface Candidate {
  readonly articleId: string;
  readonly sectionId: string;
  readonly paragraphId: string;
  readonly score: number;
}

export interface Answer extends Candidate {
  readonly kind: 'answer';
  /** Up to three next-best paragraphs, best first. */
  readonly alternatives: readonly Candidate[];
  /** Question words that matched the answer, so a moderator can see why it was chosen. */
  readonly matchedTerms: readonly string[];
  /** The sentence of the paragraph that best matches the question, verbatim. */
  readonly bestSentence: string;
}

/**
 * A paragraph chosen by something other than ranking (a moderator's pin, a followed "Did you mean…") in
 * the shape of an answer: no alternatives, no emphasis unless the caller has one.
 */
export function paragraphAnswer(paragraph: Paragraph, score: number): Answer {
  return {
    kind: 'answer',
    articleId: paragraph.articleId,
    sectionId: paragraph.sectionId,
    paragraphId: paragraph.id,
    score,
    alternatives: [],
    matchedTerms: [],
    bestSentence: '',
  };
}

export interface Topic {
  readonly articleId: string;
  readonly sectionId: string;
  readonly heading: string;
}

export interface NoMatch {
  readonly kind: 'no-match';
  /** Why: nothing to search for, or nothing in the article matched well enough. */
  readonly reason: 'empty' | 'not-covered';
  /** The sections closest to the question (or the article's first sections when nothing was close). */
  readonly nearestTopics: readonly Topic[];
}

export type EngineResult = Answer | NoMatch;

export interface Explanation extends Candidate {
  readonly raw: number;
  readonly coverage: number;
}

export interface EngineOptions {
  /** Minimum confidence to answer; below it the engine says the article does not cover the question. */
  readonly threshold?: number;
  /** Ranking weights; the defaults were chosen on the dev set. Exposed for `npm run eval` experiments. */
  readonly weights?: Partial<RankingWeights>;
}

export interface RankingWeights {
  readonly heading: number;
  readonly body: number;
  readonly keywords: number;
  readonly questions: number;
  /** How much a concept match counts next to a literal word match. */
  readonly concept: number;
  readonly k1: number;
  /** Weight of a question word the article never uses, against confidence. */
  readonly unknown: number;
  /** Raw BM25F score at which match strength reaches about 63%. */
  readonly strengthScale: number;
  /** Confidence factor for questions that name neither a therapist nor the article. */
  readonly unanchored: number;
  /** Weight of a question word matched literally when it sits inside a multi-word concept phrase. */
  readonly phraseWord: number;
  /** Distinct concepts of the article that make a question anchored even without naming a therapist. */
  readonly anchorConcepts: number;
  /** Confidence factor for questions about therapy topics the article does not cover (costs, diagnoses…). */
  readonly outOfScope: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = {
  heading: 1.5,
  body: 1.0,
  keywords: 1.0,
  questions: 0.2,
  concept: 1.0,
  k1: 2.0,
  unknown: 0.7,
  strengthScale: 2,
  unanchored: 0.5,
  phraseWord: 0.5,
  anchorConcepts: 3,
  outOfScope: 0.7,
};

export interface AnswerEngine {
  readonly knowledge: KnowledgeBase;
  answer(question: string): EngineResult;
  /** Every paragraph that matched, best first, with the parts of its confidence (for tuning and moderators). */
  explain(question: string): readonly Explanation[];
  /** Lookups for composers: every id the engine returns resolves here. */
  findArticle(articleId: string): Article | undefined;
  findSection(articleId: string, sectionId: string): Section | undefined;
  findParagraph(articleId: string, paragraphId: string): Paragraph | undefined;
}

/**
 * Chosen with the weights on the dev set plus extra-a's off-topic questions (`npm run eval`): the value that
 * keeps top-1 and off-topic abstention at target together; the holdout sets confirmed it.
 */
export const DEFAULT_THRESHOLD = 0.55;

// BM25F length normalisation per field. Headings and curated hints are short and precise.
const FIELDS = [
  { name: 'heading', b: 0.3 },
  { name: 'body', b: 0.75 },
  { name: 'keywords', b: 0.3 },
  { name: 'questions', b: 0.5 },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
/** Shorter words are not corrected: one letter changes a short word into another word. */
const MIN_CORRECTED_LENGTH = 6;
/** Long messages are cut: the first words carry the question, and cost must stay bounded. */
const MAX_QUESTION_WORDS = 200;
const FUZZY_CACHE_LIMIT = 5000;

interface IndexedDoc {
  readonly paragraph: Paragraph;
}

/** A term's documents and, for each, the precomputed BM25F contribution; typed arrays keep 10k docs small. */
interface Postings {
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

interface QueryTerm {
  weight: number;
  readonly words: Set<string>;
}

export function createEngine(knowledge: KnowledgeBase, options: EngineOptions = {}): AnswerEngine {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const weights: RankingWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const CONCEPT_QUERY_WEIGHT = weights.concept;
  const docs: IndexedDoc[] = [];
  const fieldTerms: Record<FieldName, string[]>[] = [];
  const sectionsByKey = new Map<string, Section>();
  const articlesById = new Map<string, Article>();
  const paragraphsByKey = new Map<string, Paragraph>();
  // The articles' own text as stems: an out-of-scope topic it uses is covered after all.
  const knowledgeTexts: string[][] = [];
  for (const article of knowledge.articles) {
    for (const section of article.sections) {
      for (const text of [section.heading, ...section.paragraphs.map((paragraph) => paragraph.text)]) {
        knowledgeTexts.push(words(text).map(stem));
      }
    }
  }
  const analyzer = createAnalyzer(knowledge.vocabulary ?? EMPTY_VOCABULARY, knowledgeTexts);
  const { analyzeWords, findConceptMatches, findConcepts, indexTerms, phraseCoveredPositions, termsOfWords } =
    analyzer;
  const SETTING_CONCEPTS = analyzer.settingTerms;
  const OUT_OF_SCOPE_CONCEPT = OUT_OF_SCOPE_TERM;
  const vocabularyWords = new Set<string>(analyzer.conceptWords);

  for (const article of knowledge.articles) {
    articlesById.set(article.id, article);
    for (const section of article.sections) {
      sectionsByKey.set(`${article.id}#${section.id}`, section);
      const headingTerms = indexTerms(section.heading);
      // Curated hints count through their concepts: the keyword "small talk" is not about anything small.
      const keywordTerms = section.hints.keywords.flatMap((keyword) => indexTerms(keyword, true));
      const questionTerms = section.hints.questions.flatMap((question) => indexTerms(question, true));
      for (const text of [section.heading, ...section.hints.keywords, ...section.hints.questions]) {
        for (const item of analyzeWords(text)) if (!item.stopword) vocabularyWords.add(item.word);
      }
      for (const paragraph of section.paragraphs) {
        paragraphsByKey.set(`${article.id}#${paragraph.id}`, paragraph);
        const sequence = analyzeWords(paragraph.text);
        for (const item of sequence) if (!item.stopword) vocabularyWords.add(item.word);
        docs.push({ paragraph });
        fieldTerms.push({
          heading: headingTerms,
          body: termsOfWords(sequence),
          keywords: keywordTerms,
          questions: questionTerms,
        });
      }
    }
  }

  const { postings, idf } = buildPostings(fieldTerms, weights);
  const unknownIdf = Math.log(1 + (docs.length - 0.5) / 1.5);
  const conceptOfWord = new Map<string, string>();
  for (const word of analyzer.conceptWords) {
    const concept = findConcepts(analyzeWords(word)).keys().next().value;
    if (concept !== undefined) conceptOfWord.set(word, concept);
  }

  const typos = new TypoIndex(vocabularyWords);
  const fuzzyCache = new Map<string, { word: string; similarity: number } | null>();
  const correct = (word: string): { word: string; similarity: number } | null => {
    const cached = fuzzyCache.get(word);
    if (cached !== undefined) return cached;
    const result = typos.correct(word);
    if (fuzzyCache.size >= FUZZY_CACHE_LIMIT) fuzzyCache.clear();
    fuzzyCache.set(word, result);
    return result;
  };

  const analyzeQuestion = (question: string): { terms: Map<string, QueryTerm>; unknownWords: number } => {
    const sequence = analyzeWords(question).slice(0, MAX_QUESTION_WORDS);
    const terms = new Map<string, QueryTerm>();
    const add = (term: string, weight: number, word: string): void => {
      const existing = terms.get(term);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        existing.words.add(word);
      } else terms.set(term, { weight, words: new Set([word]) });
    };
    const conceptWords = new Set<string>();
    const professionWords = new Set<string>();
    const matches = findConceptMatches(sequence);
    for (const match of matches) {
      add(match.term, CONCEPT_QUERY_WEIGHT, match.text);
      for (const word of match.text.split(' ')) {
        conceptWords.add(word);
        if (SETTING_CONCEPTS.has(match.term)) professionWords.add(word);
      }
    }
    const inPhrase = phraseCoveredPositions(matches);
    // Distinct words: a word repeated ("blah blah blah") says no more than once.
    const unknown = new Set<string>();
    for (const [at, item] of sequence.entries()) {
      // People name their therapist many ways; "psychiatrist" in a question is rarely about prescribing.
      if (item.stopword || professionWords.has(item.word)) continue;
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
        if (concept) add(concept, CONCEPT_QUERY_WEIGHT * fixed.similarity, item.word);
        if (idf.has(fixedStem) || concept) continue;
      }
      unknown.add(item.stem);
    }
    return { terms, unknownWords: unknown.size };
  };

  const topicsFrom = (docIndexes: readonly number[]): Topic[] => {
    const topics: Topic[] = [];
    const seen = new Set<string>();
    for (const index of docIndexes) {
      const paragraph = docs[index]?.paragraph;
      if (!paragraph) continue;
      const key = `${paragraph.articleId}#${paragraph.sectionId}`;
      const section = sectionsByKey.get(key);
      if (!section || seen.has(key)) continue;
      seen.add(key);
      topics.push({ articleId: paragraph.articleId, sectionId: section.id, heading: section.heading });
      if (topics.length === 3) break;
    }
    return topics;
  };
  const defaultTopics = topicsFrom(docs.map((_, index) => index));

  /**
   * Anchored: the question names a therapist, therapy or the article, or it touches so many of the
   * article's ideas at once (how she answered, brushing me off, asking) that it can only be about it.
   */
  const isAnchored = (terms: ReadonlyMap<string, QueryTerm>): boolean => {
    // A vocabulary without anchors says nothing about scope: every question may belong.
    if (analyzer.anchorTerms.size === 0) return true;
    for (const concept of analyzer.anchorTerms) if (terms.has(concept)) return true;
    let concepts = 0;
    for (const term of terms.keys())
      if (term.startsWith(CONCEPT_PREFIX) && term !== OUT_OF_SCOPE_CONCEPT) concepts++;
    return concepts >= weights.anchorConcepts;
  };

  interface Ranked {
    readonly doc: number;
    readonly raw: number;
    readonly coverage: number;
    readonly score: number;
  }
  // Per-query accumulators, reused: a common word can touch most of a 10,000-paragraph base, and
  // Maps or one object per touched paragraph would dominate the cost. Queries run one at a time.
  const rawScores = new Float64Array(docs.length);
  const matchedMasses = new Float64Array(docs.length);
  const isTouched = new Uint8Array(docs.length);
  const touched = new Int32Array(docs.length);

  /** Paragraphs by raw score (then confidence, then order), at most `limit` of them. */
  const rank = (terms: ReadonlyMap<string, QueryTerm>, unknownWords: number, limit = Infinity): Ranked[] => {
    let touchedCount = 0;
    let totalMass = unknownWords * weights.unknown * unknownIdf;
    const anchorFactor =
      (isAnchored(terms) ? 1 : weights.unanchored) *
      (terms.has(OUT_OF_SCOPE_CONCEPT) ? weights.outOfScope : 1);
    for (const [term, query] of terms) {
      const termIdf = idf.get(term) ?? 0;
      const mass = SETTING_CONCEPTS.has(term) ? 0 : query.weight * termIdf;
      totalMass += mass;
      const list = postings.get(term);
      if (!list) continue;
      for (let at = 0; at < list.docs.length; at++) {
        const doc = list.docs[at] as number;
        if (isTouched[doc] === 0) {
          isTouched[doc] = 1;
          touched[touchedCount++] = doc;
        }
        rawScores[doc] = (rawScores[doc] as number) + query.weight * (list.weights[at] as number);
        matchedMasses[doc] = (matchedMasses[doc] as number) + mass;
      }
    }
    const entry = (doc: number): Ranked => {
      const value = rawScores[doc] as number;
      const coverage = totalMass > 0 ? Math.min(1, (matchedMasses[doc] as number) / totalMass) : 0;
      const strength = 1 - Math.exp(-value / weights.strengthScale);
      return { doc, raw: value, coverage, score: anchorFactor * confidence(strength, coverage) };
    };
    const byRank = (left: Ranked, right: Ranked): number =>
      right.raw - left.raw || right.score - left.score || left.doc - right.doc;
    let ranked: Ranked[] = [];
    if (touchedCount <= limit) {
      for (let at = 0; at < touchedCount; at++) ranked.push(entry(touched[at] as number));
    } else {
      // Keep only the best `limit` without sorting everything: replace the weakest kept entry.
      for (let at = 0; at < touchedCount; at++) {
        const doc = touched[at] as number;
        if (ranked.length < limit) {
          ranked.push(entry(doc));
          if (ranked.length === limit) ranked.sort(byRank);
          continue;
        }
        const weakest = ranked[limit - 1] as Ranked;
        if ((rawScores[doc] as number) < weakest.raw) continue;
        const candidate = entry(doc);
        if (byRank(candidate, weakest) >= 0) continue;
        let position = limit - 1;
        while (position > 0 && byRank(candidate, ranked[position - 1] as Ranked) < 0) {
          ranked[position] = ranked[position - 1] as Ranked;
          position--;
        }
        ranked[position] = candidate;
      }
    }
    for (let at = 0; at < touchedCount; at++) {
      const doc = touched[at] as number;
      rawScores[doc] = 0;
      matchedMasses[doc] = 0;
      isTouched[doc] = 0;
    }
    ranked = ranked.sort(byRank);
    return ranked;
  };

  const candidateOf = (entry: { doc: number; score: number }): Candidate => {
    const paragraph = (docs[entry.doc] as IndexedDoc).paragraph;
    return {
      articleId: paragraph.articleId,
      sectionId: paragraph.sectionId,
      paragraphId: paragraph.id,
      score: round(entry.score),
    };
  };

  const explain = (question: string): Explanation[] => {
    const { terms, unknownWords } = analyzeQuestion(question);
    return rank(terms, unknownWords).map((entry) => ({
      ...candidateOf(entry),
      raw: round(entry.raw),
      coverage: round(entry.coverage),
    }));
  };

  const answer = (question: string): EngineResult => {
    const { terms, unknownWords } = analyzeQuestion(question);
    if (terms.size === 0) {
      return {
        kind: 'no-match',
        reason: unknownWords === 0 ? 'empty' : 'not-covered',
        nearestTopics: defaultTopics,
      };
    }
    // Enough to offer three alternatives and three nearest sections.
    const ranked = rank(terms, unknownWords, RANKED_FOR_ANSWER);
    const best = ranked[0];
    if (!best || best.score < threshold) {
      return {
        kind: 'no-match',
        reason: 'not-covered',
        nearestTopics: ranked.length > 0 ? topicsFrom(ranked.map((entry) => entry.doc)) : defaultTopics,
      };
    }
    const bestDoc = docs[best.doc] as IndexedDoc;
    const bestFields = fieldTerms[best.doc] as Record<FieldName, string[]>;
    const bestTermSet = new Set(FIELDS.flatMap((field) => bestFields[field.name]));
    const matchedTerms = [...terms.entries()]
      .filter(([term]) => bestTermSet.has(term))
      .flatMap(([, query]) => [...query.words]);
    return {
      kind: 'answer',
      ...candidateOf(best),
      alternatives: ranked.slice(1, 4).map(candidateOf),
      matchedTerms: [...new Set(matchedTerms)],
      bestSentence: pickSentence(bestDoc, terms, idf, analyzer),
    };
  };

  return {
    knowledge,
    answer,
    explain,
    findArticle: (articleId) => articlesById.get(articleId),
    findSection: (articleId, sectionId) => sectionsByKey.get(`${articleId}#${sectionId}`),
    findParagraph: (articleId, paragraphId) => paragraphsByKey.get(`${articleId}#${paragraphId}`),
  };
}

/**
 * Confidence mixes how much of the question the paragraph explains (coverage, by idf mass) with how
 * strongly it matches (saturating BM25F). Coverage alone over-trusts one lucky word; strength alone
 * over-trusts long messages that mention many article words in passing.
 */
function confidence(strength: number, coverage: number): number {
  return Math.sqrt(coverage) * 0.6 + strength * 0.4;
}

function buildPostings(
  fieldTerms: readonly Record<FieldName, string[]>[],
  weights: RankingWeights,
): {
  postings: Map<string, Postings>;
  idf: Map<string, number>;
} {
  const total = fieldTerms.length;
  const averageLength = Object.fromEntries(
    FIELDS.map((field) => [
      field.name,
      Math.max(1, fieldTerms.reduce((sum, doc) => sum + doc[field.name].length, 0) / Math.max(1, total)),
    ]),
  ) as Record<FieldName, number>;

  const documentFrequency = new Map<string, number>();
  const weightedTf: Map<string, number>[] = fieldTerms.map((doc) => {
    const perTerm = new Map<string, number>();
    for (const field of FIELDS) {
      const terms = doc[field.name];
      const norm = 1 - field.b + (field.b * terms.length) / averageLength[field.name];
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        perTerm.set(term, (perTerm.get(term) ?? 0) + (weights[field.name] * count) / norm);
      }
    }
    for (const term of perTerm.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return perTerm;
  });

  const idf = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) {
    idf.set(term, Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5)));
  }
  const filled = new Map<string, number>();
  const postings = new Map<string, Postings>();
  for (const [term, frequency] of documentFrequency) {
    postings.set(term, { docs: new Int32Array(frequency), weights: new Float64Array(frequency) });
    filled.set(term, 0);
  }
  weightedTf.forEach((perTerm, doc) => {
    for (const [term, tf] of perTerm) {
      const list = postings.get(term) as Postings;
      const at = filled.get(term) ?? 0;
      list.docs[at] = doc;
      list.weights[at] = (idf.get(term) ?? 0) * ((tf * (weights.k1 + 1)) / (tf + weights.k1));
      filled.set(term, at + 1);
    }
  });
  return { postings, idf };
}

/** The sentence of the answer that carries most of the question's idf mass; sentences are indexed on demand. */
function pickSentence(
  doc: IndexedDoc,
  terms: ReadonlyMap<string, QueryTerm>,
  idf: ReadonlyMap<string, number>,
  analyzer: Analyzer,
): string {
  const sentences = splitSentences(doc.paragraph.text);
  let best = sentences[0] ?? doc.paragraph.text;
  let bestScore = 0;
  for (const sentence of sentences) {
    const sentenceTerms = new Set(analyzer.indexTerms(sentence));
    let score = 0;
    for (const [term, query] of terms)
      if (sentenceTerms.has(term)) score += query.weight * (idf.get(term) ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = sentence;
    }
  }
  return best;
}

export function splitSentences(text: string): string[] {
  // A sentence ends at . ! or ? (and any closing quote) before a capital: "such as, 'How are you
  // doing?' can convey…" stays one sentence.
  return text
    .split(/(?<=[.!?]['’")\]]*)\s+(?=['‘"“(]?\p{Lu})/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/**
 * Typo correction with Fuse.js, one question word at a time against the knowledge vocabulary (never the
 * whole question: Bitap is built for short patterns). Fuse only searches words with the same first letter
 * and a length within the allowed typos, so each search covers a few hundred words at most, even at
 * 10,000 paragraphs; those small indexes are built on first use. Fuse proposes, and an exact edit-distance
 * check keeps only real typos ("therapsit"), not other words that merely share letters ("list" is not
 * "line"). People rarely mistype the first letter, and another first letter makes another word ("trying"
 * is not "crying").
 */
export class TypoIndex {
  private readonly wordsByBucket = new Map<string, string[]>();
  private readonly fuseByBucket = new Map<string, Fuse<string>>();

  constructor(vocabulary: Iterable<string>) {
    for (const word of new Set(vocabulary)) {
      if (word.length < MIN_CORRECTED_LENGTH - 2 || /\d/.test(word)) continue;
      const key = bucketKey(word[0] ?? '', word.length);
      const list = this.wordsByBucket.get(key);
      if (list) list.push(word);
      else this.wordsByBucket.set(key, [word]);
    }
  }

  /** The closest vocabulary word within the allowed typos, with similarity in (0, 1]; null when none. */
  correct(word: string): { word: string; similarity: number } | null {
    const allowed = allowedEdits(word.length);
    if (allowed === 0) return null;
    let best: { word: string; distance: number } | undefined;
    for (const hit of this.fuseFor(word[0] ?? '', word.length, allowed).search(word, { limit: 8 })) {
      const candidate = hit.item;
      if (candidate === word) continue;
      const distance = editDistance(word, candidate, allowed);
      if (distance > allowed) continue;
      if (!best || distance < best.distance || (distance === best.distance && candidate < best.word)) {
        best = { word: candidate, distance };
      }
    }
    if (!best) return null;
    return { word: best.word, similarity: 1 - best.distance / Math.max(word.length, best.word.length) };
  }

  private fuseFor(first: string, length: number, allowed: number): Fuse<string> {
    const key = `${bucketKey(first, length)}±${allowed}`;
    const cached = this.fuseByBucket.get(key);
    if (cached) return cached;
    const candidates: string[] = [];
    for (let size = length - allowed; size <= length + allowed; size++) {
      candidates.push(...(this.wordsByBucket.get(bucketKey(first, size)) ?? []));
    }
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

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/** Candidates kept per answer: three alternatives and three distinct nearest sections fit comfortably. */
const RANKED_FOR_ANSWER = 24;

/** Fuse's own cut-off (0 exact … 1 anything): loose enough for two typos in a long word. */
const FUZZY_THRESHOLD = 0.45;

/** Typos allowed for a word of this length: none for short words, where one letter changes the word. */
function allowedEdits(length: number): number {
  if (length < MIN_CORRECTED_LENGTH) return 0;
  return length < 10 ? 1 : 2;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export { editDistance };
