import { composeNotice, composePinsPage } from '../../answer/compose.js';
import { defineComponent } from '../modules.js';
import { moderatorCheck } from '../moderators.js';
import { updatePayload } from '../payload.js';
import { MODERATORS_ONLY, PINS_UNAVAILABLE, privateNotice } from '../replies.js';

/** ◀ / ▶ on the /pins list page: moderators only, checked on every click. */
export const pinsPager = defineComponent({
  handles: ['pins-page'],
  async handle(interaction, action, ctx) {
    if (!moderatorCheck(ctx, interaction) || !interaction.guildId) {
      await interaction.reply(privateNotice(MODERATORS_ONLY));
      return;
    }
    const listed = ctx.core.pins?.listPins(interaction.guildId);
    const composed = listed?.ok
      ? composePinsPage(ctx.core.engine, listed.value, action.page)
      : composeNotice(PINS_UNAVAILABLE);
    await interaction.update(updatePayload(composed));
  },
});
