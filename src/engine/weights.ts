/** Ranking weights; the defaults were chosen on the tuning sets (`npm run eval`). */
export interface RankingWeights {
  readonly heading: number;
  readonly body: number;
  readonly keywords: number;
  readonly questions: number;
  /** How much a group match counts next to a literal word match. */
  readonly concept: number;
  readonly k1: number;
  /** Weight of a question word the knowledge never uses, against confidence. */
  readonly unknown: number;
  /** Raw BM25F score at which match strength reaches about 63%. */
  readonly strengthScale: number;
  /** Confidence factor for questions that do not show they belong to the knowledge (see policy.ts). */
  readonly unanchored: number;
  /** Weight of a question word matched literally when it sits inside a multi-word group phrase. */
  readonly phraseWord: number;
  /** Distinct groups matched at once that show a question belongs to the knowledge. */
  readonly anchorConcepts: number;
  /**
   * 1: a word of a heading or title shows that a question belongs to the knowledge, when the knowledge
   * knows every other word of it too (see policy.ts).
   */
  readonly headingAnchors: number;
  /**
   * Unknown words a question may have and still partly belong to a section whose heading names one of
   * its words (confidence factor `partlyAnchored` for that section's paragraphs, instead of
   * `unanchored`), when it has more known words than unknown ones. See policy.ts.
   */
  readonly headingUnknown: number;
  /**
   * Known words (stems, at least this many; 0: off) that make a question every word of which the
   * knowledge knows partly belong to it (confidence factor `knownAnchored`, instead of `unanchored`).
   */
  readonly knownAnchor: number;
  readonly knownAnchored: number;
  readonly partlyAnchored: number;
  /** Exponent of the article-level share of the question (0: off). See rank.ts. */
  readonly articleFocus: number;
  /**
   * BM25 saturation (k1; 0: off, any use counts fully) and length normalisation (b) of the article-level
   * share: a term counts for an article by how many of its paragraphs use it (a section's hints count as
   * one paragraph). b = 0: the article's length does not matter (0.75 was measured and lost top-1 on the
   * extra articles with the shipped article's hints present).
   */
  readonly articleK1: number;
  readonly articleB: number;
  /** Confidence factor for questions about topics the vocabulary lists as out of scope. */
  readonly outOfScope: number;
  /**
   * Confidence factor for questions that name someone other than the setting (a vocabulary group of role
   * `other`) and not the setting itself; 1: off. See policy.ts.
   */
  readonly otherSubject: number;
  /**
   * Letters beyond two at which an unknown word counts fully against confidence (0: every one fully;
   * off because it answered distress-like messages that should get the safety line; README). See rank.ts.
   */
  readonly unknownLength: number;
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
  outOfScope: 0.6,
  headingAnchors: 1,
  knownAnchor: 2,
  knownAnchored: 0.75,
  headingUnknown: 1,
  partlyAnchored: 0.75,
  articleFocus: 1,
  articleK1: 0.8,
  articleB: 0,
  otherSubject: 0.5,
  unknownLength: 0,
};
