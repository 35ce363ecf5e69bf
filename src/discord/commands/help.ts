import { ApplicationCommandType } from 'discord.js';
import { composeHelp } from '../../answer/compose.js';
import { defineCommand } from '../modules.js';
import { interactionPayload } from '../payload.js';
import { EVERYWHERE } from '../where.js';

export const help = defineCommand({
  definition: {
    name: 'help',
    type: ApplicationCommandType.ChatInput,
    description: 'What this bot does and how to use it',
    ...EVERYWHERE,
  },

  async execute(interaction, ctx) {
    await interaction.reply(
      interactionPayload(composeHelp(ctx.core.engine, ctx.config.reviewRetentionDays), { ephemeral: true }),
    );
  },
});
