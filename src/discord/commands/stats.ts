import { ApplicationCommandOptionType, ApplicationCommandType, MessageFlags } from 'discord.js';
import { composeNotice } from '../../answer/compose.js';
import { renderStatsChart } from '../../moderation/chart.js';
import { composeStats } from '../../moderation/compose.js';
import { DEFAULT_STATS_DAYS, loadStats, MAX_STATS_DAYS, sparkline } from '../../moderation/stats.js';
import { MODERATOR_COMMAND_PERMISSIONS } from '../../pins/moderators.js';
import { defineCommand } from '../modules.js';
import { SERVER_ONLY } from '../where.js';
import { moderatorCheck } from '../moderators.js';
import { updatePayload } from '../payload.js';
import { privateNotice } from '../replies.js';

const CHART_NAME = 'stats.png';
const UNAVAILABLE = 'Stats are unavailable right now (the database cannot be read). Answers still work.';

export const stats = defineCommand({
  definition: {
    name: 'stats',
    type: ApplicationCommandType.ChatInput,
    description: 'Moderators: what members asked and how the answers did',
    ...SERVER_ONLY,
    default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
    options: [
      {
        name: 'days',
        type: ApplicationCommandOptionType.Integer,
        description: `How many days to look back (default ${DEFAULT_STATS_DAYS})`,
        required: false,
        min_value: 1,
        max_value: MAX_STATS_DAYS,
      },
    ],
  },

  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !moderatorCheck(ctx, interaction)) {
      await interaction.reply(privateNotice('Only moderators can see the stats.'));
      return;
    }
    const store = ctx.core.moderation;
    if (!store) {
      await interaction.reply(privateNotice(UNAVAILABLE));
      return;
    }
    // The chart takes a few hundred milliseconds: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    ctx.recorder?.flush();
    const days = Math.min(
      MAX_STATS_DAYS,
      Math.max(1, interaction.options.getInteger('days') ?? DEFAULT_STATS_DAYS),
    );
    const summary = loadStats(store, interaction.guildId, days, ctx.now());
    if (!summary.ok) {
      await interaction.editReply(updatePayload(composeNotice(UNAVAILABLE)));
      return;
    }
    let png: Buffer | undefined;
    try {
      png = await renderStatsChart(summary.value);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'stats chart could not be made; sending a text sparkline');
    }
    const composed = composeStats(
      ctx.core.engine,
      summary.value,
      png ? { kind: 'png', name: CHART_NAME } : { kind: 'text', text: sparkline(summary.value) },
    );
    await interaction.editReply({
      ...updatePayload(composed),
      files: png ? [{ attachment: png, name: CHART_NAME }] : [],
    });
  },
});
