import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { composeNotice, composePinsPage } from '../../answer/compose.js';
import { echoUserText } from '../../answer/escape.js';
import { clampChoiceName, DISCORD_LIMITS } from '../../answer/limits.js';
import { MAX_QUESTION_CODE_POINTS, cleanQuestion } from '../../answer/responder.js';
import { resolveSection } from '../../answer/sections.js';
import { MODERATOR_COMMAND_PERMISSIONS } from '../../pins/moderators.js';
import { defineCommand } from '../modules.js';
import { moderatorCheck } from '../moderators.js';
import { interactionPayload } from '../payload.js';
import { PINS_UNAVAILABLE, privateNotice } from '../replies.js';
import { pinSection } from '../pin-section.js';
import { respondWithSections } from '../section-choices.js';
import { SERVER_ONLY } from '../where.js';

export const pins = defineCommand({
  definition: {
    name: 'pins',
    type: ApplicationCommandType.ChatInput,
    description: 'Moderators: curate pinned answers',
    ...SERVER_ONLY,
    default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
    options: [
      {
        name: 'list',
        type: ApplicationCommandOptionType.Subcommand,
        description: 'List the pinned answers of this server',
      },
      {
        name: 'remove',
        type: ApplicationCommandOptionType.Subcommand,
        description: 'Remove a pinned answer',
        options: [
          {
            name: 'pin',
            type: ApplicationCommandOptionType.Integer,
            description: 'The pinned answer',
            required: true,
            autocomplete: true,
          },
        ],
      },
      {
        name: 'add',
        type: ApplicationCommandOptionType.Subcommand,
        description: 'Pin an answer to a question without waiting for someone to ask it',
        options: [
          {
            name: 'question',
            type: ApplicationCommandOptionType.String,
            description: 'The question, as members ask it',
            required: true,
            max_length: MAX_QUESTION_CODE_POINTS,
          },
          {
            name: 'section',
            type: ApplicationCommandOptionType.String,
            description: 'The section that answers it',
            required: true,
            autocomplete: true,
          },
        ],
      },
    ],
  },

  async execute(interaction, ctx) {
    const { engine, pins: service } = ctx.core;
    if (!interaction.inGuild() || !moderatorCheck(ctx, interaction)) {
      await interaction.reply(privateNotice('Only moderators can manage pinned answers.'));
      return;
    }
    if (!service) {
      await interaction.reply(privateNotice(PINS_UNAVAILABLE));
      return;
    }
    const guildId = interaction.guildId;
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === 'list') {
      const listed = service.listPins(guildId);
      const composed = listed.ok ? composePinsPage(engine, listed.value, 0) : composeNotice(PINS_UNAVAILABLE);
      await interaction.reply(interactionPayload(composed, { ephemeral: true }));
      return;
    }
    if (subcommand === 'remove') {
      const id = interaction.options.getInteger('pin', true);
      const removed = service.removePin(guildId, id, interaction.user.id);
      const text = !removed.ok
        ? PINS_UNAVAILABLE
        : removed.value
          ? `Removed pinned answer #${id} (“${echoUserText(removed.value.question, 200)}”). The engine answers that question again.`
          : `There is no pinned answer #${id} in this server.`;
      ctx.metrics.pinAction(removed.ok && removed.value ? 'removed' : 'remove-failed');
      await interaction.reply(privateNotice(text));
      return;
    }
    // add: stored as the bot reads questions (one line, no invisible or bidi characters, bounded).
    const question = cleanQuestion(interaction.options.getString('question', true));
    const target = resolveSection(engine, interaction.options.getString('section', true));
    const section = target?.sectionId ? engine.findSection(target.articleId, target.sectionId) : undefined;
    if (!target || !section) {
      await interaction.reply(privateNotice('Pick the section from the list.'));
      return;
    }
    const stored = pinSection(ctx, {
      guildId,
      question,
      articleId: target.articleId,
      sectionId: section.id,
      pinnedBy: interaction.user.id,
    });
    const text = !stored.ok
      ? stored.reason !== 'unknown-paragraph'
        ? PINS_UNAVAILABLE
        : 'That section is no longer in the article.'
      : `📌 ${stored.created ? 'Pinned' : 'Already pinned'}: questions like “${echoUserText(question, 200)}” get “${section.heading}”.`;
    ctx.metrics.pinAction(stored.ok ? (stored.created ? 'created' : 'existing') : stored.reason);
    await interaction.reply(privateNotice(text));
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'section') return respondWithSections(interaction, ctx);
    const service = ctx.core.pins;
    // The pinned questions are for moderators' eyes: anyone else gets an empty list.
    if (focused.name === 'pin' && interaction.guildId && service && moderatorCheck(ctx, interaction)) {
      const listed = service.listPins(interaction.guildId);
      const needle = String(focused.value).toLowerCase();
      const choices = (listed.ok ? listed.value : [])
        .filter(({ pin }) => !needle || `#${pin.id} ${pin.question}`.toLowerCase().includes(needle))
        .slice(0, DISCORD_LIMITS.choices)
        .map(({ pin, staleness }) => ({
          name: clampChoiceName(`#${pin.id} ${staleness === 'fresh' ? '' : '(stale) '}${pin.question}`),
          value: pin.id,
        }));
      await interaction.respond(choices);
      return;
    }
    await interaction.respond([]);
  },
});
