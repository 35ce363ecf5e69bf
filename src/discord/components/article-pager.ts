import { composeArticlePage } from '../../answer/compose.js';
import { customIdSlot } from '../../answer/custom-ids.js';
import { defineComponent } from '../modules.js';
import { interactionPayload, updatePayload } from '../payload.js';

/** ◀ Prev / Next ▶ turn the page in place; "Read the full section/article" opens a private page. */
export const articlePager = defineComponent({
  handles: ['article', 'section'],
  async handle(interaction, action, ctx) {
    const page = composeArticlePage(
      ctx.core.engine,
      action.articleId,
      action.type === 'section' ? action.sectionId : undefined,
      action.page,
    );
    if (customIdSlot(interaction.customId)) await interaction.update(updatePayload(page));
    else await interaction.reply(interactionPayload(page, { ephemeral: true }));
  },
});
