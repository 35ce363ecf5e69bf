import { composeParagraph, questionOfMessage } from '../../answer/compose.js';
import { defineComponent } from '../modules.js';
import { interactionPayload } from '../payload.js';
import { installedGuildId } from '../where.js';

/** "Did you mean…": the chosen paragraph, privately, for the question the answer was about. */
export const alternatives = defineComponent({
  handles: ['alternative'],
  async handle(interaction, action, ctx) {
    const composed = composeParagraph(
      ctx.core.engine,
      questionOfMessage(interaction.message.embeds),
      action.articleId,
      action.paragraphId,
      { pinnable: installedGuildId(interaction) !== null },
    );
    await interaction.reply(interactionPayload(composed, { ephemeral: true }));
  },
});
