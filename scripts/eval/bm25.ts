import { stemmer } from 'stemmer';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import type { RankedParagraph, Retriever } from './retrievers.js';

/**
 * The plain BM25 reference the issue compares us with, written to be obvious rather than fast: one
 * document per paragraph (its section heading counted twice, hints ignored), Porter stems, the classic
 * English stopword list, k1 = 1.2, b = 0.75. It never abstains unless no word matches.
 */
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself yourselves`.split(/\s+/),
);

export function isPlainStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

export function bm25Tokens(text: string): string[] {
  const words =
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  return words.filter((word) => !STOPWORDS.has(word)).map((word) => stemmer(word));
}

export function plainBm25(knowledge: KnowledgeBase, k1 = 1.2, b = 0.75): Retriever {
  const docs: { paragraph: RankedParagraph; tf: Map<string, number>; length: number }[] = [];
  const df = new Map<string, number>();
  for (const article of knowledge.articles) {
    for (const section of article.sections) {
      for (const paragraph of section.paragraphs) {
        const tokens = bm25Tokens(`${section.heading} ${section.heading} ${paragraph.text}`);
        const tf = new Map<string, number>();
        for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
        for (const token of tf.keys()) df.set(token, (df.get(token) ?? 0) + 1);
        const ranked = { articleId: article.id, sectionId: section.id, paragraphId: paragraph.id };
        docs.push({ paragraph: ranked, tf, length: tokens.length });
      }
    }
  }
  const average = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);
  const idf = (term: string): number => {
    const n = df.get(term) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    name: 'plain BM25 (reference)',
    rank(question) {
      const terms = [...new Set(bm25Tokens(question))].filter((term) => df.has(term));
      const scored = docs.map((doc, index) => {
        let score = 0;
        for (const term of terms) {
          const f = doc.tf.get(term) ?? 0;
          if (f > 0) score += (idf(term) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / average));
        }
        return { index, score };
      });
      return scored
        .filter((entry) => entry.score > 0)
        .sort((left, right) => right.score - left.score || left.index - right.index)
        .map((entry) => (docs[entry.index] as (typeof docs)[number]).paragraph);
    },
  };
}
