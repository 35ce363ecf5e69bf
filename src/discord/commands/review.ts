import { ApplicationCommandType } from 'discord.js';
import { MODERATOR_COMMAND_PERMISSIONS } from '../../pins/moderators.js';
import { defineCommand } from '../modules.js';
import { SERVER_ONLY } from '../where.js';
import { moderatorCheck } from '../moderators.js';
import { interactionPayload } from '../payload.js';
import { privateNotice } from '../replies.js';
import { nextReviewMessage } from '../review-entry.js';

export const review = defineCommand({
  definition: {
    name: 'review',
    type: ApplicationCommandType.ChatInput,
    description: 'Moderators: questions the bot declined or that got 👎, to answer with a section',
    ...SERVER_ONLY,
    default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
  },

  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !moderatorCheck(ctx, interaction)) {
      await interaction.reply(privateNotice('Only moderators can review questions.'));
      return;
    }
    await interaction.reply(
      interactionPayload(nextReviewMessage(ctx, interaction.guildId, 0), { ephemeral: true }),
    );
  },
});
