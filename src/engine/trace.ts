import type { Paragraph } from '../knowledge/types.js';
import {
  FIELDS,
  averageFieldLengths,
  fieldFrequencies,
  saturate,
  type FieldName,
  type KnowledgeIndex,
} from './index.js';
import { SCOPE_FEATURES, type ScopeFeature, type ScopeFeatures, type ScopeModel } from './policy.js';
import type { QuestionAnalysis } from './question.js';
import type { Ranked } from './rank.js';
import type { RankingWeights } from './weights.js';

/** Why an answer was chosen: what `npm run ask -- --explain` prints. */
export interface Trace {
  /** The words as read (normalised, contractions expanded). */
  readonly words: readonly string[];
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
  /** Search terms (stems, and groups as `@name`) with their weights and the words behind them. */
  readonly terms: readonly {
    readonly term: string;
    readonly weight: number;
    readonly words: readonly string[];
  }[];
  readonly unknownWords: number;
  /** The words the knowledge does not know. */
  readonly unknown: readonly string[];
  /** Someone other than the setting the question names (vocabulary groups of role `other`). */
  readonly others: readonly string[];
  /** Confidence factor for belonging to the knowledge at all (policy.ts). */
  readonly scope: number;
  /** The factor instead for paragraphs whose section heading the question names (policy.ts). */
  readonly headingScope: number;
  readonly threshold: number;
  readonly top: readonly TracedParagraph[];
  /** What the answer decision reads (policy.ts), and the scope model's verdict when one decides. */
  readonly decision?: TracedDecision;
}

export interface TracedDecision {
  readonly features: ScopeFeatures;
  readonly model?: ScopeModel;
  /** Each feature's part of the log-odds. */
  readonly contributions?: Readonly<Partial<Record<ScopeFeature, number>>>;
  readonly probability?: number;
}

export interface TracedParagraph {
  readonly articleId: string;
  readonly sectionId: string;
  readonly paragraphId: string;
  readonly heading: string;
  readonly confidence: number;
  readonly raw: number;
  readonly coverage: number;
  /** BM25F contribution per field (before the article factor), and per term which fields matched. */
  readonly fields: Readonly<Record<FieldName, number>>;
  readonly articleFactor: number;
  readonly matched: readonly { readonly term: string; readonly fields: readonly FieldName[] }[];
}

/**
 * Splits each top paragraph's score into fields: a term's BM25F contribution is shared between the fields
 * in proportion to its weighted frequency in each (the saturation is over their sum).
 */
export function traceRanking(
  index: KnowledgeIndex,
  weights: RankingWeights,
  analysis: QuestionAnalysis,
  { scope, headingScope }: { scope: number; headingScope: number },
  threshold: number,
  ranked: readonly Ranked[],
  decision?: TracedDecision,
): Trace {
  const averages = averageFieldLengths(index.fieldTerms);
  const top = ranked.slice(0, 3).map((entry): TracedParagraph => {
    const paragraph = index.docs[entry.doc] as Paragraph;
    const frequencies = fieldFrequencies(
      index.fieldTerms[entry.doc] as Record<FieldName, string[]>,
      averages,
      weights,
    );
    const fields: Record<FieldName, number> = { heading: 0, body: 0, keywords: 0, questions: 0 };
    const matched: { term: string; fields: FieldName[] }[] = [];
    let total = 0;
    for (const [term, query] of analysis.terms) {
      const tf = frequencies.get(term);
      if (!tf) continue;
      const all = FIELDS.reduce((sum, field) => sum + tf[field.name], 0);
      const contribution = query.weight * (index.idf.get(term) ?? 0) * saturate(all, weights.k1);
      total += contribution;
      const inFields: FieldName[] = [];
      for (const field of FIELDS) {
        if (tf[field.name] <= 0) continue;
        fields[field.name] += (contribution * tf[field.name]) / all;
        inFields.push(field.name);
      }
      matched.push({ term, fields: inFields });
    }
    const section = index.sectionsByKey.get(`${paragraph.articleId}#${paragraph.sectionId}`);
    return {
      articleId: paragraph.articleId,
      sectionId: paragraph.sectionId,
      paragraphId: paragraph.id,
      heading: section?.heading ?? paragraph.sectionId,
      confidence: entry.score,
      raw: entry.raw,
      coverage: entry.coverage,
      fields,
      articleFactor: total > 0 ? entry.raw / total : 1,
      matched,
    };
  });
  return {
    words: analysis.words,
    corrections: analysis.corrections,
    terms: [...analysis.terms].map(([term, query]) => ({
      term,
      weight: query.weight,
      words: [...query.words],
    })),
    unknownWords: analysis.unknownWords,
    unknown: analysis.unknown,
    others: analysis.others,
    scope,
    headingScope,
    threshold,
    top,
    ...(decision ? { decision } : {}),
  };
}

/** The trace as plain text for a terminal. */
export function formatTrace(trace: Trace): string {
  const number = (value: number): string => value.toFixed(3);
  const lines = [
    `words as read: ${trace.words.join(' ') || '(none)'}`,
    `corrections:   ${trace.corrections.map((fix) => `${fix.from} → ${fix.to}`).join(', ') || 'none'}`,
    `terms:         ${trace.terms.map((term) => `${term.term}×${number(term.weight)} (${term.words.join(', ')})`).join('  ') || 'none'}`,
    `groups:        ${
      trace.terms
        .filter((term) => term.term.startsWith('@'))
        .map((term) => term.term)
        .join(', ') || 'none'
    }`,
    `unknown words: ${trace.unknownWords}${trace.unknown.length > 0 ? ` (${trace.unknown.join(', ')})` : ''}`,
    `others named:  ${trace.others.join(', ') || 'none'}`,
    `scope factor:  ${number(trace.scope)} (1 = the question belongs to the knowledge; lower needs more evidence)${
      trace.headingScope > trace.scope
        ? `; ${number(trace.headingScope)} for sections whose heading the question names`
        : ''
    }`,
    ...(trace.decision?.model ? [] : [`threshold:     ${number(trace.threshold)}`]),
    ...(trace.decision ? decisionLines(trace.decision, number) : []),
    '',
  ];
  const { model, probability } = trace.decision ?? {};
  const answers =
    model && probability !== undefined
      ? probability >= model.threshold
      : (trace.top[0]?.confidence ?? 0) >= trace.threshold;
  trace.top.forEach((entry, at) => {
    const verdict = at === 0 ? (answers ? 'answer' : 'declined: no answer') : '';
    lines.push(
      `${at + 1}. ${entry.articleId} › ${entry.heading} (${entry.paragraphId}) confidence ${number(entry.confidence)} ${verdict}`.trimEnd(),
      `   raw ${number(entry.raw)} = (heading ${number(entry.fields.heading)} + body ${number(entry.fields.body)} + hint keywords ${number(entry.fields.keywords)} + hint questions ${number(entry.fields.questions)}) × article ${number(entry.articleFactor)}; coverage ${number(entry.coverage)}`,
      `   matched: ${entry.matched.map((item) => `${item.term} [${item.fields.join(', ')}]`).join('  ') || 'nothing'}`,
    );
  });
  if (trace.top.length === 0) lines.push('no paragraph matched');
  return lines.join('\n');
}

function decisionLines(decision: TracedDecision, number: (value: number) => string): string[] {
  const { model, contributions, probability } = decision;
  const features = SCOPE_FEATURES.map((name) => {
    const part = contributions?.[name];
    return `${name} ${number(decision.features[name])}${part === undefined ? '' : ` → ${part >= 0 ? '+' : ''}${number(part)}`}`;
  });
  return [
    model && probability !== undefined
      ? `answer?        ${number(probability)} against ${number(model.threshold)} (the scope model: log-odds ${number(model.bias)} plus, per feature, value → part)`
      : 'scope features (the fitted scope model reads these; the threshold decides):',
    `               ${features.join('  ')}`,
  ];
}
