import type { Reply } from './responder.js';

/** One line of `ask --json`: a contract other tools rely on, so fields only ever get added. */
export interface AskJsonLine {
  readonly question: string;
  readonly kind: Reply['kind'];
  /** The safety check's tier; `kind` is `crisis` exactly when this is `crisis`. */
  readonly safety: Reply['safety'];
  readonly articleId: string | null;
  readonly sectionId: string | null;
  readonly paragraphId: string | null;
  readonly score: number | null;
  readonly alternatives: readonly {
    readonly articleId: string;
    readonly sectionId: string;
    readonly paragraphId: string;
    readonly score: number;
  }[];
}

export function toJsonLine(question: string, reply: Reply): AskJsonLine {
  if (reply.kind === 'answer' || reply.kind === 'pinned') {
    const { answer } = reply;
    return {
      question,
      kind: reply.kind,
      safety: reply.safety,
      articleId: answer.articleId,
      sectionId: answer.sectionId,
      paragraphId: answer.paragraphId,
      score: answer.score,
      alternatives: answer.alternatives.map(({ articleId, sectionId, paragraphId, score }) => ({
        articleId,
        sectionId,
        paragraphId,
        score,
      })),
    };
  }
  return {
    question,
    kind: reply.kind,
    safety: reply.safety,
    articleId: null,
    sectionId: null,
    paragraphId: null,
    score: null,
    alternatives: [],
  };
}
