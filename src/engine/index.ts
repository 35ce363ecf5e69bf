import type { Article, KnowledgeBase, Paragraph, Section } from '../knowledge/types.js';
import { EMPTY_VOCABULARY } from '../knowledge/vocabulary.js';
import { words } from '../text/index.js';
import { createAnalyzer, createWordReader, type AnalyzedWord, type Analyzer } from './analyzer.js';
import { LruCache } from './lru.js';
import { splitSentences } from './policy.js';
import type { RankingWeights } from './weights.js';

/**
 * The index of a knowledge folder: one document per paragraph with four fields (its section's heading,
 * its text, and the section's hint keywords and questions), BM25F postings, idf, and the vocabulary the
 * typo corrector may correct to. Built once; read-only afterwards.
 */
export const FIELDS = [
  { name: 'heading', b: 0.3 },
  { name: 'body', b: 0.75 },
  { name: 'keywords', b: 0.3 },
  { name: 'questions', b: 0.5 },
] as const;
export type FieldName = (typeof FIELDS)[number]['name'];
/** Fields written by the article's author as text; the others are curated hints. */
export const TEXT_FIELDS: readonly FieldName[] = ['heading', 'body'];

/** Paragraph texts whose sentences stay analysed (for picking an answer's sentence). */
const SENTENCE_CACHE_LIMIT = 1024;

/** One sentence of a paragraph and its index terms. */
export interface IndexedSentence {
  readonly text: string;
  readonly terms: ReadonlySet<string>;
}

/** A term's documents and, for each, the precomputed BM25F contribution; typed arrays keep 10k docs small. */
export interface Postings {
  readonly docs: Int32Array;
  readonly weights: Float64Array;
  /** 1 where the document has the term in its text (heading or body), 0 where only in its hints. */
  readonly inText: Uint8Array;
}

export interface KnowledgeIndex {
  readonly knowledge: KnowledgeBase;
  readonly analyzer: Analyzer;
  readonly docs: readonly Paragraph[];
  /** Per document, its article's position in `knowledge.articles`. */
  readonly articleOfDoc: Int32Array;
  readonly fieldTerms: readonly Record<FieldName, string[]>[];
  readonly postings: ReadonlyMap<string, Postings>;
  /** For each term, the articles (positions) that use it in any field. */
  readonly articlesOfTerm: ReadonlyMap<string, Int32Array>;
  /** Beside `articlesOfTerm`: how many of that article's paragraphs use the term. */
  readonly paragraphsOfTerm: ReadonlyMap<string, Float64Array>;
  /** Per article (position), its number of paragraphs. */
  readonly articleSizes: Int32Array;
  readonly idf: ReadonlyMap<string, number>;
  /** The idf a word no paragraph uses would have. */
  readonly unknownIdf: number;
  /** Words the typo corrector may correct to: the knowledge's words and the vocabulary's. */
  readonly vocabularyWords: ReadonlySet<string>;
  /** For a vocabulary word, the group it names on its own ("shrink" → @therapist). */
  readonly conceptOfWord: ReadonlyMap<string, string>;
  /** Terms of headings and titles: what the knowledge says it is about. */
  readonly headingTerms: ReadonlySet<string>;
  readonly sectionsByKey: ReadonlyMap<string, Section>;
  readonly articlesById: ReadonlyMap<string, Article>;
  readonly paragraphsByKey: ReadonlyMap<string, Paragraph>;
  /** A text's sentences with their index terms; analysed once per paragraph text (bounded cache). */
  sentencesOf(text: string): readonly IndexedSentence[];
}

export function buildIndex(knowledge: KnowledgeBase, weights: RankingWeights): KnowledgeIndex {
  const headings = knowledge.articles.flatMap((article) => [
    article.title,
    ...article.sections.map((section) => section.heading),
  ]);
  const vocabulary = knowledge.vocabulary ?? EMPTY_VOCABULARY;
  // Each paragraph is read once, for the analyzer (the articles' own text as stems: an out-of-scope
  // topic it uses is covered after all) and for its index terms below.
  const reader = createWordReader(vocabulary, headings);
  const knowledgeTexts: string[][] = [];
  const paragraphSequences = new Map<Paragraph, AnalyzedWord[]>();
  const stemsOf = (sequence: readonly AnalyzedWord[]): string[] => sequence.map((item) => item.stem);
  for (const article of knowledge.articles) {
    for (const section of article.sections) {
      knowledgeTexts.push(stemsOf(reader.analyzeWords(section.heading)));
      for (const paragraph of section.paragraphs) {
        const sequence = reader.analyzeWordList(words(paragraph.text));
        paragraphSequences.set(paragraph, sequence);
        knowledgeTexts.push(stemsOf(sequence));
      }
    }
  }
  const analyzer = createAnalyzer(vocabulary, knowledgeTexts, headings, reader);
  const docs: Paragraph[] = [];
  const articleOfDoc: number[] = [];
  const fieldTerms: Record<FieldName, string[]>[] = [];
  const sectionsByKey = new Map<string, Section>();
  const articlesById = new Map<string, Article>();
  const paragraphsByKey = new Map<string, Paragraph>();
  const vocabularyWords = new Set<string>(analyzer.conceptWords);
  // Each distinct analysis is added once (the set keeps its first-seen order either way).
  let added = new Uint8Array(1024);
  const addToVocabulary = (sequence: readonly AnalyzedWord[]): void => {
    for (const item of sequence) {
      if (item.stopword || added[item.id] === 1) continue;
      if (item.id >= added.length) {
        const grown = new Uint8Array(Math.max(added.length * 2, item.id + 1));
        grown.set(added);
        added = grown;
      }
      added[item.id] = 1;
      vocabularyWords.add(item.word);
    }
  };
  const headingTerms = new Set<string>();

  knowledge.articles.forEach((article, articleIndex) => {
    articlesById.set(article.id, article);
    for (const term of analyzer.indexTerms(article.title)) headingTerms.add(term);
    for (const section of article.sections) {
      sectionsByKey.set(`${article.id}#${section.id}`, section);
      const sectionHeadingTerms = analyzer.indexTerms(section.heading);
      if (section.id !== 'introduction') for (const term of sectionHeadingTerms) headingTerms.add(term);
      // Curated hints count through their groups: the keyword "small talk" is not about anything small.
      const keywordTerms = section.hints.keywords.flatMap((keyword) => analyzer.indexTerms(keyword, true));
      const questionTerms = section.hints.questions.flatMap((question) =>
        analyzer.indexTerms(question, true),
      );
      for (const text of [section.heading, ...section.hints.keywords, ...section.hints.questions]) {
        addToVocabulary(analyzer.analyzeWords(text));
      }
      for (const paragraph of section.paragraphs) {
        paragraphsByKey.set(`${article.id}#${paragraph.id}`, paragraph);
        const sequence = paragraphSequences.get(paragraph) ?? analyzer.analyzeWords(paragraph.text);
        addToVocabulary(sequence);
        docs.push(paragraph);
        articleOfDoc.push(articleIndex);
        fieldTerms.push({
          heading: sectionHeadingTerms,
          body: analyzer.termsOfWords(sequence),
          keywords: keywordTerms,
          questions: questionTerms,
        });
      }
    }
  });

  // Read once and used: not kept with the index.
  paragraphSequences.clear();
  knowledgeTexts.length = 0;
  const { postings, idf } = buildPostings(fieldTerms, weights);
  const sectionSizes = docs.map((paragraph) => {
    const section = sectionsByKey.get(`${paragraph.articleId}#${paragraph.sectionId}`);
    return Math.max(1, section?.paragraphs.length ?? 1);
  });
  const articlesOfTerm = new Map<string, Int32Array>();
  const paragraphsOfTerm = new Map<string, Float64Array>();
  for (const [term, list] of postings) {
    // Documents ascend and so do their articles: the distinct articles are the changes along the list.
    const articles: number[] = [];
    const counts: number[] = [];
    for (let at = 0; at < list.docs.length; at++) {
      const doc = list.docs[at] as number;
      const article = articleOfDoc[doc] as number;
      if (articles[articles.length - 1] !== article) {
        articles.push(article);
        counts.push(0);
      }
      // A section's hints sit on each of its paragraphs but were written once: a word only they have
      // counts as one paragraph for the whole section, so curating a section does not make its article
      // more "about" the word than another article whose text explains it.
      counts[counts.length - 1] =
        (counts[counts.length - 1] as number) +
        (list.inText[at] === 1 ? 1 : 1 / (sectionSizes[doc] as number));
    }
    articlesOfTerm.set(term, Int32Array.from(articles));
    paragraphsOfTerm.set(term, Float64Array.from(counts));
  }
  const articleSizes = new Int32Array(knowledge.articles.length);
  for (const article of articleOfDoc) articleSizes[article] = (articleSizes[article] as number) + 1;
  const conceptOfWord = new Map<string, string>();
  for (const word of analyzer.conceptWords) {
    const concept = analyzer.findConcepts(analyzer.analyzeWords(word)).keys().next().value;
    if (concept !== undefined) conceptOfWord.set(word, concept);
  }
  const sentenceCache = new LruCache<string, readonly IndexedSentence[]>(SENTENCE_CACHE_LIMIT);
  const sentencesOf = (text: string): readonly IndexedSentence[] => {
    let sentences = sentenceCache.get(text);
    if (sentences === undefined) {
      sentences = splitSentences(text).map((sentence) => ({
        text: sentence,
        terms: new Set(analyzer.indexTerms(sentence)),
      }));
      sentenceCache.set(text, sentences);
    }
    return sentences;
  };
  return {
    knowledge,
    analyzer,
    docs,
    articleOfDoc: Int32Array.from(articleOfDoc),
    fieldTerms,
    postings,
    articlesOfTerm,
    paragraphsOfTerm,
    articleSizes,
    idf,
    unknownIdf: Math.log(1 + (docs.length - 0.5) / 1.5),
    vocabularyWords,
    conceptOfWord,
    headingTerms,
    sectionsByKey,
    articlesById,
    paragraphsByKey,
    sentencesOf,
  };
}

/** Whether a document has the term in any field: a binary search of its postings (documents ascend). */
export function documentHasTerm(index: KnowledgeIndex, doc: number, term: string): boolean {
  const docs = index.postings.get(term)?.docs;
  if (docs === undefined) return false;
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = docs[middle] as number;
    if (value === doc) return true;
    if (value < doc) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Average length per field, for BM25F length normalisation. */
export function averageFieldLengths(
  fieldTerms: readonly Record<FieldName, string[]>[],
): Record<FieldName, number> {
  // Over the documents that have the field: an article without hints does not shorten the average
  // against which another article's hints are normalised.
  return Object.fromEntries(
    FIELDS.map((field) => {
      let sum = 0;
      let count = 0;
      for (const doc of fieldTerms) {
        const length = doc[field.name].length;
        if (length === 0) continue;
        sum += length;
        count++;
      }
      return [field.name, Math.max(1, sum / Math.max(1, count))];
    }),
  ) as Record<FieldName, number>;
}

/** A term's length-normalised, weighted frequency in each field of one document. */
export function fieldFrequencies(
  doc: Record<FieldName, string[]>,
  averages: Record<FieldName, number>,
  weights: RankingWeights,
): Map<string, Record<FieldName, number>> {
  const perTerm = new Map<string, Record<FieldName, number>>();
  for (const field of FIELDS) {
    const terms = doc[field.name];
    const norm = 1 - field.b + (field.b * terms.length) / averages[field.name];
    for (const term of terms) {
      let entry = perTerm.get(term);
      if (!entry) {
        entry = { heading: 0, body: 0, keywords: 0, questions: 0 };
        perTerm.set(term, entry);
      }
      entry[field.name] += weights[field.name] / norm;
    }
  }
  return perTerm;
}

/** BM25 saturation of a combined field frequency. */
export function saturate(tf: number, k1: number): number {
  return (tf * (k1 + 1)) / (tf + k1);
}

function buildPostings(
  fieldTerms: readonly Record<FieldName, string[]>[],
  weights: RankingWeights,
): { postings: Map<string, Postings>; idf: Map<string, number> } {
  const total = fieldTerms.length;
  const averages = averageFieldLengths(fieldTerms);
  // First pass: per document its distinct terms and their combined field frequency (as
  // `fieldFrequencies` computes them, same order and arithmetic), kept flat by term id. Ids follow first
  // use, so the maps below keep the order they have always had.
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  let documentFrequency: Int32Array = new Int32Array(1024);
  let slotOf: Int32Array = new Int32Array(1024).fill(-1);
  const docStart = new Int32Array(total + 1);
  let flatIds: Int32Array = new Int32Array(1024);
  let flatCombined: Float64Array = new Float64Array(1024);
  let flatText: Uint8Array = new Uint8Array(1024);
  let used = 0;
  const local: number[] = [];
  let sums: Float64Array = new Float64Array(4 * 64);
  fieldTerms.forEach((doc, at) => {
    local.length = 0;
    FIELDS.forEach((field, fieldAt) => {
      const list = doc[field.name];
      const norm = 1 - field.b + (field.b * list.length) / averages[field.name];
      for (const term of list) {
        let id = idOf.get(term);
        if (id === undefined) {
          id = terms.length;
          idOf.set(term, id);
          terms.push(term);
          if (id >= slotOf.length) {
            slotOf = grownInt32(slotOf, -1);
            documentFrequency = grownInt32(documentFrequency, 0);
          }
        }
        let slot = slotOf[id] as number;
        if (slot < 0) {
          slot = local.length;
          slotOf[id] = slot;
          local.push(id);
          if (4 * slot + 4 > sums.length) sums = grownFloat64(sums);
          sums.fill(0, 4 * slot, 4 * slot + 4);
        }
        sums[4 * slot + fieldAt] = (sums[4 * slot + fieldAt] as number) + weights[field.name] / norm;
      }
    });
    docStart[at] = used;
    if (used + local.length > flatIds.length) {
      flatIds = grownInt32(flatIds, 0, used + local.length);
      flatCombined = grownFloat64(flatCombined, used + local.length);
      const grownText = new Uint8Array(flatCombined.length);
      grownText.set(flatText);
      flatText = grownText;
    }
    local.forEach((id, slot) => {
      const base = 4 * slot;
      flatIds[used] = id;
      flatText[used] = (sums[base] as number) > 0 || (sums[base + 1] as number) > 0 ? 1 : 0;
      flatCombined[used] =
        (sums[base] as number) +
        (sums[base + 1] as number) +
        (sums[base + 2] as number) +
        (sums[base + 3] as number);
      used += 1;
      documentFrequency[id] = (documentFrequency[id] as number) + 1;
      slotOf[id] = -1;
    });
  });
  docStart[total] = used;

  const idf = new Map<string, number>();
  const postings = new Map<string, Postings>();
  const lists: Postings[] = [];
  const idfs = new Float64Array(terms.length);
  terms.forEach((term, id) => {
    const frequency = documentFrequency[id] as number;
    const termIdf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
    idf.set(term, termIdf);
    idfs[id] = termIdf;
    const list = {
      docs: new Int32Array(frequency),
      weights: new Float64Array(frequency),
      inText: new Uint8Array(frequency),
    };
    postings.set(term, list);
    lists.push(list);
  });
  const filled = new Int32Array(terms.length);
  for (let doc = 0; doc < total; doc++) {
    for (let at = docStart[doc] as number; at < (docStart[doc + 1] as number); at++) {
      const id = flatIds[at] as number;
      const list = lists[id] as Postings;
      const position = filled[id] as number;
      list.docs[position] = doc;
      list.inText[position] = flatText[at] as number;
      list.weights[position] = (idfs[id] as number) * saturate(flatCombined[at] as number, weights.k1);
      filled[id] = position + 1;
    }
  }
  return { postings, idf };
}

/** A copy at least twice as long (or `minimum`), the new part filled with `fill`. */
function grownInt32(array: Int32Array, fill: number, minimum = 0): Int32Array {
  const grown = new Int32Array(Math.max(array.length * 2, minimum)).fill(fill);
  grown.set(array);
  return grown;
}

function grownFloat64(array: Float64Array, minimum = 0): Float64Array {
  const grown = new Float64Array(Math.max(array.length * 2, minimum));
  grown.set(array);
  return grown;
}
