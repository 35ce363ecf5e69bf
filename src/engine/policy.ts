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
): number {
  return scopeFactors(terms, unknownWords, index, weights).scope;
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
): { scope: number; headingScope: number } {
  const outOfScope = terms.has(OUT_OF_SCOPE_TERM) ? weights.outOfScope : 1;
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
