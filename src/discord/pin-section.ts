import type { PinAnswerResult } from '../pins/service.js';
import type { BotContext } from './context.js';

/**
 * Pins a section for a question, as `/pins add` and the review queue's "Answer with…" do: of the section's
 * paragraphs, the one the engine ranks best for the question. Audited and stale-checked by the pin service.
 */
export function pinSection(
  ctx: BotContext,
  request: { guildId: string; question: string; articleId: string; sectionId: string; pinnedBy: string },
): PinAnswerResult | { ok: false; reason: 'no-pins' } {
  const { engine, pins } = ctx.core;
  if (!pins) return { ok: false, reason: 'no-pins' };
  const section = engine.findSection(request.articleId, request.sectionId);
  const ranked = engine.explain(request.question).find((entry) => entry.sectionId === request.sectionId);
  const paragraphId = ranked?.paragraphId ?? section?.paragraphs[0]?.id ?? '';
  return pins.pinAnswer({
    guildId: request.guildId,
    question: request.question,
    articleId: request.articleId,
    paragraphId,
    pinnedBy: request.pinnedBy,
    messageUrl: null,
  });
}
