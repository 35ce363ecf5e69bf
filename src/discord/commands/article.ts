import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { composeArticlePage, composeNotice } from '../../answer/compose.js';
import { echoUserText } from '../../answer/escape.js';
import { resolveSection } from '../../answer/sections.js';
import { defineCommand } from '../modules.js';
import { interactionPayload } from '../payload.js';
import { respondWithSections } from '../section-choices.js';
import { EVERYWHERE } from '../where.js';

export const article = defineCommand({
  definition: {
    name: 'article',
    type: ApplicationCommandType.ChatInput,
    description: 'Read the whole article, or one section of it',
    ...EVERYWHERE,
    options: [
      {
        name: 'section',
        type: ApplicationCommandOptionType.String,
        description: 'A section to read',
        required: false,
        autocomplete: true,
      },
    ],
  },

  async execute(interaction, ctx) {
    const { engine } = ctx.core;
    const requested = interaction.options.getString('section');
    const firstArticle = engine.knowledge.articles[0];
    const target = requested
      ? resolveSection(engine, requested)
      : firstArticle && { articleId: firstArticle.id };
    if (!target) {
      const notice = composeNotice(
        `There is no section called “${echoUserText(requested ?? '', 100)}”. Pick one from the list, or use /article on its own.`,
      );
      await interaction.reply(interactionPayload(notice, { ephemeral: true }));
      return;
    }
    const page = composeArticlePage(engine, target.articleId, target.sectionId, 0);
    await interaction.reply(interactionPayload(page, { ephemeral: true }));
  },

  async autocomplete(interaction, ctx) {
    if (interaction.options.getFocused(true).name === 'section') return respondWithSections(interaction, ctx);
    await interaction.respond([]);
  },
});
