import { composeReviewEntry } from '../../moderation/compose.js';
import type { BotContext } from '../context.js';
import { defineComponent } from '../modules.js';
import { moderatorCheck } from '../moderators.js';
import { updatePayload } from '../payload.js';
import { PINS_UNAVAILABLE, privateNotice } from '../replies.js';
import { QUEUE_UNAVAILABLE, nextReviewMessage } from '../review-entry.js';
import { pinSection } from '../pin-section.js';
import { resolveSection } from '../../answer/sections.js';
import type { MessageComponentInteraction } from 'discord.js';

/**
 * The /review message: "Answer with…" pins the chosen section for the question, Dismiss drops it, Next
 * skips it; each then shows the next question in place. Rights are checked again on every click.
 */
export const reviewControls = defineComponent({
  handles: ['review-next', 'review-dismiss', 'review-pin', 'review-article'],
  async handle(interaction, action, ctx) {
    const guildId = interaction.guildId;
    if (!guildId || !moderatorCheck(ctx, interaction)) {
      await interaction.reply(privateNotice('Only moderators can review questions.'));
      return;
    }
    const store = ctx.core.moderation;
    if (!store) {
      await interaction.reply(privateNotice(QUEUE_UNAVAILABLE));
      return;
    }
    switch (action.type) {
      case 'review-next':
        await interaction.update(updatePayload(nextReviewMessage(ctx, guildId, action.entryId)));
        return;
      case 'review-dismiss': {
        const removed = store.removeQueued(guildId, action.entryId);
        if (!removed.ok) {
          await interaction.reply(privateNotice(QUEUE_UNAVAILABLE));
          return;
        }
        await interaction.update(updatePayload(nextReviewMessage(ctx, guildId, action.entryId)));
        return;
      }
      case 'review-article': {
        const entry = store.getQueued(guildId, action.entryId);
        const articleId = selected(interaction);
        if (!entry.ok || !entry.value || !articleId) {
          await interaction.update(updatePayload(nextReviewMessage(ctx, guildId, action.entryId)));
          return;
        }
        await interaction.update(
          updatePayload(composeReviewEntry(ctx.core.engine, entry.value, { articleId })),
        );
        return;
      }
      case 'review-pin':
        await pinFromReview(ctx, interaction, guildId, action.entryId);
        return;
    }
  },
});

function selected(interaction: MessageComponentInteraction): string | undefined {
  return interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
}

async function pinFromReview(
  ctx: BotContext,
  interaction: MessageComponentInteraction,
  guildId: string,
  entryId: number,
): Promise<void> {
  const store = ctx.core.moderation;
  const entry = store?.getQueued(guildId, entryId);
  const value = selected(interaction);
  const target = value ? resolveSection(ctx.core.engine, value) : undefined;
  if (!store || !entry?.ok || !entry.value || !target?.sectionId) {
    // Gone meanwhile (dismissed by another moderator, expired): move on.
    await interaction.update(updatePayload(nextReviewMessage(ctx, guildId, entryId)));
    return;
  }
  const pinned = pinSection(ctx, {
    guildId,
    question: entry.value.question,
    articleId: target.articleId,
    sectionId: target.sectionId,
    pinnedBy: interaction.user.id,
  });
  ctx.metrics.pinAction(pinned.ok ? (pinned.created ? 'created' : 'existing') : pinned.reason);
  if (!pinned.ok) {
    await interaction.reply(
      privateNotice(
        pinned.reason === 'unknown-paragraph'
          ? 'That section is no longer in the article.'
          : PINS_UNAVAILABLE,
      ),
    );
    return;
  }
  store.removeQueued(guildId, entryId);
  ctx.logger.info({ guildId, pinId: pinned.pin.id, created: pinned.created }, 'pinned from the review queue');
  const next = nextReviewMessage(ctx, guildId, entryId);
  const heading =
    ctx.core.engine.findSection(target.articleId, target.sectionId)?.heading ?? target.sectionId;
  await interaction.update(
    updatePayload({
      ...next,
      content: `📌 Pinned “${heading}” for that question. Members asking it now get this answer.`,
    }),
  );
}
