import type { Reply } from '../answer/responder.js';
import type { QuestionSource } from '../health/metrics.js';
import { replyLog, respondWithinLimit, type BotContext } from './context.js';

export type Asked =
  | { readonly ok: true; readonly reply: Reply; readonly started: number }
  /** `notify`: the first refusal in this window; later ones stay quiet where the reply would be public. */
  | { readonly ok: false; readonly retryAfterMs: number; readonly notify: boolean };

/**
 * A question from any surface, the way /ask takes it: counted, answered by the one responder (a server's
 * pins only where that server installed the bot: pass `guildId: null` elsewhere), and held to the per-user
 * rate limit, which a crisis reply never is.
 */
export function takeQuestion(
  ctx: BotContext,
  input: {
    readonly text: string;
    readonly userId: string;
    readonly guildId: string | null;
    readonly source: QuestionSource;
    /** A retry of a question the rate limit refused: counted as asked the first time only. */
    readonly retry?: boolean;
  },
): Asked {
  const started = performance.now();
  if (!input.retry) ctx.metrics.questionAsked(input.source);
  const admitted = respondWithinLimit(ctx, input);
  if (!admitted.ok) return { ok: false, retryAfterMs: admitted.retryAfterMs, notify: admitted.notify };
  // Counts and the review queue of the server that installed the bot (an in-memory batch: no delay).
  if (input.guildId) ctx.recorder?.question(input.guildId, admitted.reply);
  return { ok: true, reply: admitted.reply, started };
}

/** After the reply went out: counts, latency and the log line (never the words of a crisis message). */
export function questionAnswered(ctx: BotContext, asked: Asked & { ok: true }, source: QuestionSource): void {
  ctx.metrics.answered(asked.reply.kind);
  ctx.metrics.replyLatency((performance.now() - asked.started) / 1000);
  ctx.logger.info(replyLog(ctx, asked.reply, source), 'answered');
}
