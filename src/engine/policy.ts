import { CONCEPT_PREFIX, OUT_OF_SCOPE_TERM } from './analyzer.js';
import type { KnowledgeIndex } from './index.js';
import type { QueryTerm } from './question.js';
import type { RankingWeights } from './weights.js';

/**
 * Answer policy: whether a question belongs to the knowledge at all, and which sentence of an answer to
 * show. The threshold itself lives with the engine's options.
 */

/**
 * How sure we are that the question belongs to the knowledge, as a confidence factor in (0, 1]. It
 * belongs when it names something the vocabulary marks as the setting or an anchor (a therapist, the
 * article), or touches so many of the knowledge's ideas at once that it can only be about them. A
 * question about a topic the vocabulary lists as out of scope needs more evidence.
 */
export function scopeFactor(
  terms: ReadonlyMap<string, QueryTerm>,
  unknownWords: number,
  index: KnowledgeIndex,
  weights: RankingWeights,
  others = 0,
): number {
  return scopeFactors(terms, unknownWords, index, weights, others).scope;
}

/**
 * The scope factor of a question, and the factor for the paragraphs whose own section heading names one
 * of its words: a question with a few words the knowledge does not know still belongs to a section it
 * names ("is group therapy worth it"), not to one it merely shares a word with.
 */
export function scopeFactors(
  terms: ReadonlyMap<string, QueryTerm>,
  unknownWords: number,
  index: KnowledgeIndex,
  weights: RankingWeights,
  others = 0,
): { scope: number; headingScope: number } {
  const outOfScope = terms.has(OUT_OF_SCOPE_TERM) ? weights.outOfScope : 1;
  // A question about someone other than the setting (an `other` group: "my mom", "my dentist") that does
  // not name the setting is about them: sharing the knowledge's words does not make it belong.
  if (
    weights.otherSubject < 1 &&
    others > 0 &&
    ![...index.analyzer.anchorTerms].some((term) => terms.has(term))
  ) {
    const factor = Math.min(weights.otherSubject, anchorFactor(terms, unknownWords, index, weights));
    return { scope: factor * outOfScope, headingScope: factor * outOfScope };
  }
  let anchored = anchorFactor(terms, unknownWords, index, weights);
  let known = 0;
  // Words of their own (not a word inside a group's phrase, such as "whats" in "whats up").
  let ownWords = 0;
  for (const [term, query] of terms) {
    if (term.startsWith(CONCEPT_PREFIX)) continue;
    known++;
    if (query.weight > weights.phraseWord) ownWords++;
  }
  if (weights.knownAnchor > 0 && unknownWords === 0 && ownWords >= weights.knownAnchor) {
    anchored = Math.max(anchored, weights.knownAnchored);
  }
  const named =
    anchored < 1 && unknownWords <= weights.headingUnknown && known > unknownWords
      ? Math.max(anchored, weights.partlyAnchored)
      : anchored;
  return { scope: anchored * outOfScope, headingScope: named * outOfScope };
}

function anchorFactor(
  terms: ReadonlyMap<string, QueryTerm>,
  unknownWords: number,
  index: KnowledgeIndex,
  weights: RankingWeights,
): number {
  const { anchorTerms } = index.analyzer;
  // A vocabulary without anchors says nothing about scope: every question may belong.
  if (anchorTerms.size === 0) return 1;
  for (const concept of anchorTerms) if (terms.has(concept)) return 1;
  let concepts = 0;
  let headings = 0;
  for (const term of terms.keys()) {
    if (term.startsWith(CONCEPT_PREFIX) && term !== OUT_OF_SCOPE_TERM) concepts++;
    if (index.headingTerms.has(term)) headings++;
  }
  if (concepts >= weights.anchorConcepts) return 1;
  if (weights.headingAnchors > 0 && headings > 0 && unknownWords === 0) return 1;
  return weights.unanchored;
}

/** The sentence of a paragraph that carries most of the question's idf mass (sentences: `index.sentencesOf`). */
export function pickSentence(
  text: string,
  terms: ReadonlyMap<string, QueryTerm>,
  index: KnowledgeIndex,
): string {
  const sentences = index.sentencesOf(text);
  let best = sentences[0]?.text ?? text;
  let bestScore = 0;
  for (const { text: sentence, terms: sentenceTerms } of sentences) {
    let score = 0;
    for (const [term, query] of terms)
      if (sentenceTerms.has(term)) score += query.weight * (index.idf.get(term) ?? 0);
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
 * What the answer decision reads, one number each, all domain-free: how well the best paragraph matches
 * (its confidence, the share of the question's idf mass it explains, how strongly), how much of the
 * question the knowledge does not know at all, whether the question shows it belongs to the knowledge
 * (a `setting` or `anchor` group of the vocabulary), whether it raises an out-of-scope topic, and how far
 * the best section stands out from the next one.
 */
export const SCOPE_FEATURES = [
  'confidence',
  'coverage',
  'strength',
  'unknownShare',
  'anchored',
  'outOfScope',
  'margin',
  'knownWords',
  'unknownWords',
  'namesHeading',
  'unknownUnanchored',
  'coverageUnanchored',
  'other',
  'otherUnanchored',
] as const;

export type ScopeFeature = (typeof SCOPE_FEATURES)[number];
export type ScopeFeatures = Readonly<Record<ScopeFeature, number>>;

/** A logistic model over the scope features, fitted on tuning data (scripts/eval/fit-scope.ts). */
export interface ScopeModel {
  readonly bias: number;
  readonly weights: Readonly<Partial<Record<ScopeFeature, number>>>;
  /** Answer when the model's probability reaches this. */
  readonly threshold: number;
}

export interface RankedForPolicy {
  readonly doc: number;
  readonly raw: number;
  readonly coverage: number;
  readonly score: number;
}

/** The scope features of a question and its best paragraph (`ranked`: best first, as the ranker returns). */
export function scopeFeatures(
  terms: ReadonlyMap<string, QueryTerm>,
  unknownWords: number,
  others: number,
  ranked: readonly RankedForPolicy[],
  index: KnowledgeIndex,
  weights: RankingWeights,
): ScopeFeatures {
  const { settingTerms, anchorTerms } = index.analyzer;
  let knownMass = 0;
  let knownWords = 0;
  let anchored = 0;
  let outOfScope = 0;
  for (const [term, query] of terms) {
    if (term === OUT_OF_SCOPE_TERM) outOfScope = 1;
    if (anchorTerms.has(term)) anchored = 1;
    if (settingTerms.has(term)) continue;
    knownMass += query.weight * (index.idf.get(term) ?? 0);
    if (!term.startsWith(CONCEPT_PREFIX) && query.weight > weights.phraseWord) knownWords++;
  }
  // A vocabulary without anchors says nothing about scope: every question may belong.
  if (anchorTerms.size === 0) anchored = 1;
  const unknownMass = unknownWords * weights.unknown * index.unknownIdf;
  const best = ranked[0];
  let margin = best ? 1 : 0;
  if (best) {
    const bestSection = sectionKey(index, best.doc);
    const next = ranked.find((entry) => sectionKey(index, entry.doc) !== bestSection);
    if (next && best.raw > 0) margin = 1 - next.raw / best.raw;
  }
  let namesHeading = 0;
  if (best) {
    const heading = index.fieldTerms[best.doc]?.heading ?? [];
    if (heading.some((term) => terms.has(term) && !settingTerms.has(term))) namesHeading = 1;
  }
  const unknownShare = unknownMass + knownMass > 0 ? unknownMass / (unknownMass + knownMass) : 0;
  const coverage = Math.sqrt(best?.coverage ?? 0);
  return {
    confidence: best?.score ?? 0,
    coverage,
    strength: best ? 1 - Math.exp(-best.raw / weights.strengthScale) : 0,
    unknownShare,
    anchored,
    outOfScope,
    margin,
    knownWords: Math.log1p(knownWords),
    unknownWords: Math.log1p(unknownWords),
    namesHeading,
    // A question that does not show it belongs here is judged more strictly on what it does not say.
    unknownUnanchored: (1 - anchored) * unknownShare,
    coverageUnanchored: (1 - anchored) * coverage,
    // Someone other than the setting (a vocabulary group of role `other`): a mother, a dentist.
    other: others > 0 ? 1 : 0,
    otherUnanchored: others > 0 ? 1 - anchored : 0,
  };
}

function sectionKey(index: KnowledgeIndex, doc: number): string {
  const paragraph = index.docs[doc];
  return paragraph ? `${paragraph.articleId}#${paragraph.sectionId}` : '';
}

/** Each feature's share of the model's log-odds (for `--explain`), and the probability of answering. */
export function scopeDecision(
  features: ScopeFeatures,
  model: ScopeModel,
): { probability: number; contributions: Readonly<Partial<Record<ScopeFeature, number>>> } {
  let logit = model.bias;
  const contributions: Partial<Record<ScopeFeature, number>> = {};
  for (const name of SCOPE_FEATURES) {
    const weight = model.weights[name];
    if (weight === undefined || weight === 0) continue;
    contributions[name] = weight * features[name];
    logit += weight * features[name];
  }
  return { probability: 1 / (1 + Math.exp(-logit)), contributions };
}
