import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { composeReply } from '../../answer/compose.js';
import { MAX_QUESTION_CODE_POINTS } from '../../answer/responder.js';
import { replyLog, respondWithinLimit } from '../context.js';
import { defineCommand } from '../modules.js';
import { interactionPayload } from '../payload.js';
import { slowDown } from '../replies.js';
import { EVERYWHERE, installedGuildId } from '../where.js';

export const ask = defineCommand({
  definition: {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask a question about the article',
    ...EVERYWHERE,
    options: [
      {
        name: 'question',
        type: ApplicationCommandOptionType.String,
        description: 'Your question, in your own words',
        required: true,
        max_length: MAX_QUESTION_CODE_POINTS,
      },
      {
        name: 'private',
        type: ApplicationCommandOptionType.Boolean,
        description: 'Only you see the answer (default: no)',
        required: false,
      },
    ],
  },

  async execute(interaction, ctx) {
    const { engine, crisis } = ctx.core;
    const started = performance.now();
    ctx.metrics.questionAsked('slash');
    // Pins apply only where a server installed the bot (not in DMs, nor where only the member installed it).
    const guildId = installedGuildId(interaction);
    const admitted = respondWithinLimit(ctx, {
      text: interaction.options.getString('question', true),
      userId: interaction.user.id,
      guildId,
    });
    if (!admitted.ok) {
      // Private, so every refused /ask may say so (an interaction must be answered anyway).
      await interaction.reply(interactionPayload(slowDown(admitted.retryAfterMs), { ephemeral: true }));
      return;
    }
    const reply = admitted.reply;
    // A person in crisis is answered privately, whatever they asked for.
    const ephemeral = reply.kind === 'crisis' || (interaction.options.getBoolean('private') ?? false);
    const composed = composeReply(reply, {
      engine,
      crisis,
      surface: ephemeral ? 'private' : 'public',
      pinnable: guildId !== null,
    });
    const sent = interaction.reply(interactionPayload(composed, { ephemeral }));
    // Only an in-memory batch (written once a second), so it never holds up the answer on its way out.
    ctx.recorder?.question(guildId, reply);
    await sent;
    ctx.metrics.answered(reply.kind);
    ctx.metrics.replyLatency((performance.now() - started) / 1000);
    ctx.logger.info(replyLog(ctx, reply, 'slash'), 'answered');
  },
});
