import type { RankedParagraph, Retriever } from './retrievers.js';

export interface AnswerableCase {
  readonly question: string;
  readonly expected: readonly string[];
  readonly reason: string;
}

export interface OffTopicCase {
  readonly question: string;
  readonly reason: string;
}

export interface QuestionSet {
  readonly answerable: readonly AnswerableCase[];
  readonly offTopic: readonly OffTopicCase[];
}

export interface Miss {
  readonly question: string;
  readonly expected: readonly string[];
  readonly got: readonly string[];
}

export interface EvalReport {
  readonly name: string;
  readonly top1: number;
  readonly top3: number;
  readonly abstention: number;
  readonly misses: readonly Miss[];
  readonly falseAnswers: readonly { question: string; got: string }[];
}

/**
 * Top-1/top-3 count a question right when a returned section is one the set accepts for it. With
 * `articleId` (several articles in one knowledge folder) the section must also belong to that article.
 */
export function evaluate(retriever: Retriever, set: QuestionSet, articleId?: string): EvalReport {
  const uniqueSections = (ranked: readonly RankedParagraph[]): string[] => [
    ...new Set(
      ranked.map((item) =>
        articleId === undefined || item.articleId === articleId
          ? item.sectionId
          : `${item.articleId}#${item.sectionId}`,
      ),
    ),
  ];
  let top1 = 0;
  let top3 = 0;
  const misses: Miss[] = [];
  for (const item of set.answerable) {
    const sections = uniqueSections(retriever.rank(item.question));
    if (sections[0] !== undefined && item.expected.includes(sections[0])) top1++;
    else misses.push({ question: item.question, expected: item.expected, got: sections.slice(0, 3) });
    if (sections.slice(0, 3).some((section) => item.expected.includes(section))) top3++;
  }
  const falseAnswers: { question: string; got: string }[] = [];
  for (const item of set.offTopic) {
    const first = retriever.rank(item.question)[0];
    if (first) falseAnswers.push({ question: item.question, got: `${first.articleId}#${first.sectionId}` });
  }
  const answerable = Math.max(1, set.answerable.length);
  return {
    name: retriever.name,
    top1: top1 / answerable,
    top3: top3 / answerable,
    abstention: 1 - falseAnswers.length / Math.max(1, set.offTopic.length),
    misses,
    falseAnswers,
  };
}
