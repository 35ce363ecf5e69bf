import type { Reply } from './responder.js';

/**
 * What may be logged about a reply: its kind, tier and paragraph. A message that raised any safety tier
 * is never logged with its words; other words only when the operator asked for them.
 */
export function replyLogFields(
  reply: Reply,
  source: string,
  logMessageContent: boolean,
): Record<string, unknown> {
  return {
    source,
    kind: reply.kind,
    safety: reply.safety,
    ...(reply.kind === 'answer' || reply.kind === 'pinned' ? { paragraphId: reply.answer.paragraphId } : {}),
    ...(logMessageContent && reply.safety === 'none' ? { question: reply.question } : {}),
  };
}
