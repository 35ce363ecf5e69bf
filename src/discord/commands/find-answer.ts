import {
  ApplicationCommandType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import { composeReply, type ComposedMessage } from '../../answer/compose.js';
import { encodeActionIfItFits } from '../../answer/custom-ids.js';
import { DISCORD_LIMITS } from '../../answer/limits.js';
import { cleanQuestion } from '../../answer/responder.js';
import { defineMessageCommand } from '../modules.js';
import { interactionPayload } from '../payload.js';
import { questionAnswered, takeQuestion } from '../question.js';
import { privateNotice, slowDown } from '../replies.js';
import { EVERYWHERE, installedGuildId } from '../where.js';

export const NOTHING_TO_ANSWER = 'There is no text in that message for me to answer.';

/**
 * "Find answer" in a message's Apps menu: the answer to that message's text, privately, with a button to
 * post it as a reply. A message that reads as a crisis gets the invoker the resources, with guidance on
 * reaching out when the message is someone else's, and nothing to post: a crisis is never quoted back.
 */
export const findAnswer = defineMessageCommand({
  definition: { name: 'Find answer', type: ApplicationCommandType.Message, ...EVERYWHERE },

  async execute(interaction, ctx) {
    const { engine, crisis } = ctx.core;
    const target = interaction.targetMessage;
    if (cleanQuestion(target.content) === '') {
      await interaction.reply(privateNotice(NOTHING_TO_ANSWER));
      return;
    }
    const guildId = installedGuildId(interaction);
    const asked = takeQuestion(ctx, {
      text: target.content,
      userId: interaction.user.id,
      guildId,
      source: 'context-menu',
    });
    if (!asked.ok) {
      await interaction.reply(interactionPayload(slowDown(asked.retryAfterMs), { ephemeral: true }));
      return;
    }
    const { reply } = asked;
    if (reply.kind === 'crisis') {
      // Someone else's words: the invoker gets how to reach out to that person, with the same resources.
      const about = target.author.id === interaction.user.id ? reply.about : 'other';
      const composed = composeReply({ ...reply, about }, { engine, crisis, surface: 'private' });
      await interaction.reply(interactionPayload(composed, { ephemeral: true }));
      questionAnswered(ctx, asked, 'context-menu');
      return;
    }
    const composed = composeReply(reply, { engine, crisis, surface: 'private', pinnable: guildId !== null });
    const offered =
      reply.kind === 'answer' || reply.kind === 'pinned' ? withPostButton(composed, target.id) : composed;
    await interaction.reply(interactionPayload(offered, { ephemeral: true }));
    questionAnswered(ctx, asked, 'context-menu');
  },
});

export const POST_LABEL = 'Post as reply';

/** The private answer with one more row: **Post as reply**, which posts it under the message. */
function withPostButton(composed: ComposedMessage, messageId: string): ComposedMessage {
  const customId = encodeActionIfItFits({ type: 'post', messageId });
  if (!customId || composed.components.length >= DISCORD_LIMITS.actionRows) return composed;
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: 1,
    components: [{ type: 2, style: 1, label: POST_LABEL, custom_id: customId }],
  };
  return { ...composed, components: [...composed.components, row] };
}
