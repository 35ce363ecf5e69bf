import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { composeSettings } from '../../moderation/compose.js';
import { MODERATOR_COMMAND_PERMISSIONS } from '../../pins/moderators.js';
import { defineCommand } from '../modules.js';
import { SERVER_ONLY } from '../where.js';
import { settingsCheck } from '../moderators.js';
import { interactionPayload } from '../payload.js';
import { privateNotice } from '../replies.js';
import { applyForumSetting, FORUM_OPTIONS, withForumLines } from '../forum-setting.js';

const FORUM_UNAVAILABLE = '**auto-answer-forum**: unavailable right now (the database cannot be written).';
const UNAVAILABLE =
  'Settings are unavailable right now (the database cannot be written). Answers still work.';

export const settings = defineCommand({
  definition: {
    name: 'settings',
    type: ApplicationCommandType.ChatInput,
    description: 'Moderators: this server’s settings (run without options to see them)',
    ...SERVER_ONLY,
    default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
    options: [
      {
        name: 'review-queue',
        type: ApplicationCommandOptionType.Boolean,
        description: 'Keep the text of declined and 👎 questions for /review (default: off)',
        required: false,
      },
      ...FORUM_OPTIONS,
    ],
  },

  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !settingsCheck(ctx, interaction)) {
      await interaction.reply(privateNotice('Only moderators can change this server’s settings.'));
      return;
    }
    const store = ctx.core.moderation;
    if (!store) {
      await interaction.reply(privateNotice(UNAVAILABLE));
      return;
    }
    const wanted = interaction.options.getBoolean('review-queue');
    const result =
      wanted === null
        ? store.settings(interaction.guildId)
        : store.setReviewQueue(interaction.guildId, wanted, ctx.now());
    if (!result.ok) {
      ctx.logger.warn({ err: result.detail }, 'settings unavailable');
      await interaction.reply(privateNotice(UNAVAILABLE));
      return;
    }
    if (wanted !== null) {
      ctx.recorder?.settingsChanged(interaction.guildId);
      ctx.logger.info({ guildId: interaction.guildId, reviewQueue: wanted }, 'settings changed');
    }
    const forum = applyForumSetting(interaction, ctx);
    const composed = composeSettings(
      result.value,
      ctx.config.reviewRetentionDays,
      wanted !== null || (forum.ok && forum.changed),
    );
    await interaction.reply(
      interactionPayload(withForumLines(composed, forum.ok ? forum.lines : [FORUM_UNAVAILABLE]), {
        ephemeral: true,
      }),
    );
  },
});
