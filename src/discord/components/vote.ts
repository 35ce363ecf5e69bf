import { questionOfMessage } from '../../answer/compose.js';
import { defineComponent } from '../modules.js';
import { privateNotice } from '../replies.js';

const COULD_NOT_RECORD = 'Sorry, I could not record your vote right now. The answer itself is unaffected.';

/**
 * 👍 / 👎 under an answer. Anyone who can see the answer may vote, its asker included; the reply is
 * private. One vote per member per answer: a second click changes the vote and never counts twice.
 * The voter is stored only as a keyed hash, and only the answer's section is kept with it.
 */
export const vote = defineComponent({
  handles: ['vote'],
  async handle(interaction, action, ctx) {
    const moderation = ctx.core.moderation;
    const paragraph = ctx.core.engine.findParagraph(action.articleId, action.paragraphId);
    if (!paragraph) {
      await interaction.reply(
        privateNotice('That answer is no longer in the article, so it cannot be rated.'),
      );
      return;
    }
    if (!moderation) {
      await interaction.reply(privateNotice(COULD_NOT_RECORD));
      return;
    }
    const answerId = interaction.message.id;
    const recorded = moderation.recordVote({
      answerId,
      voterHash: ctx.voterHash(answerId, interaction.user.id),
      guildId: interaction.guildId ?? '',
      helpful: action.helpful,
      articleId: paragraph.articleId,
      sectionId: paragraph.sectionId,
      at: ctx.now(),
    });
    if (!recorded.ok) {
      ctx.metrics.vote('failed');
      ctx.logger.warn({ err: recorded.detail }, 'could not record a vote');
      await interaction.reply(privateNotice(COULD_NOT_RECORD));
      return;
    }
    const previous = recorded.value.previous;
    const word = action.helpful ? 'helpful' : 'not helpful';
    const text =
      previous === undefined
        ? `Thanks — you marked this answer as ${word}.`
        : previous === action.helpful
          ? `You had already marked this answer as ${word}; your vote counts once.`
          : `Changed your vote: this answer is now marked as ${word}.`;
    ctx.metrics.vote(previous === action.helpful ? 'repeat' : action.helpful ? 'helpful' : 'unhelpful');
    if (!action.helpful && previous !== false && interaction.guildId) {
      ctx.recorder?.unhelpful(
        interaction.guildId,
        questionOfMessage(interaction.message.embeds),
        paragraph.articleId,
        paragraph.sectionId,
      );
    }
    await interaction.reply(privateNotice(text));
  },
});
