import type { KnowledgeIndex } from './index.js';
import type { QueryTerm } from './question.js';
import type { RankingWeights } from './weights.js';

export interface Ranked {
  readonly doc: number;
  /** BM25F score over every field. */
  readonly raw: number;
  /** Share of the question's idf mass the paragraph matches, in [0, 1]. */
  readonly coverage: number;
  /** Confidence in [0, 1] (policy.ts). */
  readonly score: number;
}

export interface RankInput {
  readonly terms: ReadonlyMap<string, QueryTerm>;
  readonly unknownWords: number;
  /** The words the knowledge does not know, as written (their length weighs them: `unknownLength`). */
  readonly unknown?: readonly string[];
  /** Multiplies every confidence: how sure the question belongs to the knowledge at all. */
  readonly scopeFactor: number;
  /** The factor instead for paragraphs whose section heading has one of the question's terms (policy.ts). */
  readonly headingScopeFactor?: number;
}

export type Ranker = (input: RankInput, limit?: number) => Ranked[];

/**
 * Confidence mixes how much of the question the paragraph explains (coverage, by idf mass) with how
 * strongly it matches (saturating BM25F). Coverage alone over-trusts one lucky word; strength alone
 * over-trusts long messages that mention many knowledge words in passing.
 */
export function confidence(strength: number, coverage: number): number {
  return Math.sqrt(coverage) * 0.6 + strength * 0.4;
}

/** Paragraphs by raw score (then confidence, then order), at most `limit` of them. */
export function createRanker(index: KnowledgeIndex, weights: RankingWeights): Ranker {
  const { postings, idf, unknownIdf, analyzer } = index;
  const size = index.docs.length;
  // Per-query accumulators, reused: a common word can touch most of a 10,000-paragraph base, and
  // Maps or one object per touched paragraph would dominate the cost. Queries run one at a time.
  const rawScores = new Float64Array(size);
  const matchedMasses = new Float64Array(size);
  const isTouched = new Uint8Array(size);
  const touched = new Int32Array(size);
  const articleMasses = new Float64Array(index.knowledge.articles.length);
  const articleFocus = new Float64Array(index.knowledge.articles.length);
  const averageArticle = size / Math.max(1, index.knowledge.articles.length);
  /**
   * How much of a term an article has, in (0, 1]: BM25 over articles, counting the paragraphs that use it
   * against the article's length. An article that keeps coming back to an idea is more about it than one
   * that names it once ("sharing" in one heading).
   */
  const articleShare = (article: number, paragraphs: number): number => {
    const { articleK1: k1, articleB: b } = weights;
    if (k1 <= 0) return 1;
    const norm = 1 - b + (b * (index.articleSizes[article] as number)) / averageArticle;
    const tf = paragraphs / norm;
    return tf / (tf + k1);
  };

  return ({ terms, unknownWords, unknown, scopeFactor, headingScopeFactor }, limit = Infinity) => {
    const namesHeading = (doc: number): boolean => {
      const heading = index.fieldTerms[doc]?.heading ?? [];
      return heading.some((term) => terms.has(term) && !analyzer.settingTerms.has(term));
    };
    const factorOf = (doc: number): number =>
      headingScopeFactor !== undefined && headingScopeFactor > scopeFactor && namesHeading(doc)
        ? headingScopeFactor
        : scopeFactor;
    let touchedCount = 0;
    let totalMass = unknownWeight(unknownWords, unknown, weights) * weights.unknown * unknownIdf;
    for (const [term, query] of terms) {
      const termIdf = idf.get(term) ?? 0;
      // Setting terms say the question belongs here, not which paragraph answers it.
      const mass = analyzer.settingTerms.has(term) ? 0 : query.weight * termIdf;
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
    // Several articles: a paragraph counts in proportion to how much of the question its article as a
    // whole knows, and how much it has of each word, so one shared word does not pull a question into
    // another article.
    let focus: ((doc: number) => number) | undefined;
    if (articleMasses.length > 1 && weights.articleFocus > 0) {
      articleMasses.fill(0);
      for (const [term, query] of terms) {
        if (analyzer.settingTerms.has(term)) continue;
        const articles = index.articlesOfTerm.get(term);
        if (!articles) continue;
        const mass = query.weight * (idf.get(term) ?? 0);
        const counts = index.paragraphsOfTerm.get(term);
        for (let at = 0; at < articles.length; at++) {
          const article = articles[at] as number;
          articleMasses[article] =
            (articleMasses[article] as number) + mass * articleShare(article, counts?.[at] ?? 1);
        }
      }
      let best = 0;
      for (const mass of articleMasses) best = Math.max(best, mass);
      if (best > 0) {
        // One factor per article, not per paragraph: a common word touches most of a large knowledge base.
        for (let article = 0; article < articleMasses.length; article++) {
          articleFocus[article] = Math.pow((articleMasses[article] as number) / best, weights.articleFocus);
        }
        focus = (doc) => articleFocus[index.articleOfDoc[doc] as number] as number;
      }
    }
    if (focus) {
      for (let at = 0; at < touchedCount; at++) {
        const doc = touched[at] as number;
        rawScores[doc] = (rawScores[doc] as number) * focus(doc);
      }
    }
    const entry = (doc: number): Ranked => {
      const value = rawScores[doc] as number;
      const coverage = totalMass > 0 ? Math.min(1, (matchedMasses[doc] as number) / totalMass) : 0;
      const strength = 1 - Math.exp(-value / weights.strengthScale);
      return { doc, raw: value, coverage, score: factorOf(doc) * confidence(strength, coverage) };
    };
    const byRank = (left: Ranked, right: Ranked): number =>
      right.raw - left.raw || right.score - left.score || left.doc - right.doc;
    const ranked: Ranked[] = [];
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
    return ranked.sort(byRank);
  };
}

/**
 * How many unknown words a question has, each weighed by its length when `unknownLength` > 0: short words
 * are the common ones in any language (Zipf), so an unknown "now" or "week" says less about what the
 * question is about than an unknown "insurance". A word of `unknownLength` + 2 letters or more counts fully.
 */
export function unknownWeight(
  unknownWords: number,
  unknown: readonly string[] | undefined,
  weights: RankingWeights,
): number {
  if (weights.unknownLength <= 0 || unknown === undefined) return unknownWords;
  let total = 0;
  for (const word of unknown) total += Math.min(1, Math.max(0, [...word].length - 2) / weights.unknownLength);
  return total;
}
