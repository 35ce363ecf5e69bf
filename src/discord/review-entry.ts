import type { ComposedMessage } from '../answer/compose.js';
import { composeQueueNotice, composeReviewEntry } from '../moderation/compose.js';
import type { BotContext } from './context.js';

export const QUEUE_UNAVAILABLE =
  'The review queue is unavailable right now (the database cannot be read). Answers still work.';

/** The next queued question after `afterId` (0: the first), or "the queue is empty". */
export function nextReviewMessage(ctx: BotContext, guildId: string, afterId: number): ComposedMessage {
  const store = ctx.core.moderation;
  if (!store) return composeQueueNotice(QUEUE_UNAVAILABLE);
  // Pending entries and expired texts are settled first, so what is shown is what is stored.
  ctx.recorder?.flush();
  const next = store.nextQueued(guildId, afterId);
  if (!next.ok) return composeQueueNotice(QUEUE_UNAVAILABLE);
  if (next.value) return composeReviewEntry(ctx.core.engine, next.value);
  if (afterId > 0) {
    // Past the end: start again from the top, unless the queue is now empty.
    const first = store.nextQueued(guildId, 0);
    if (first.ok && first.value) return composeReviewEntry(ctx.core.engine, first.value);
  }
  const settings = store.settings(guildId);
  const off = settings.ok && !settings.value.reviewQueue;
  return composeQueueNotice(
    off
      ? 'The queue is empty. The review queue is off, so no questions are kept: turn it on with `/settings review-queue:true`.'
      : 'The queue is empty.',
  );
}
