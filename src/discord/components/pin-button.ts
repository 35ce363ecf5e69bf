import { DiscordAPIError, MessageFlags, type Message } from 'discord.js';
import { composeNotice, questionOfMessage } from '../../answer/compose.js';
import type { BotContext } from '../context.js';
import { defineComponent } from '../modules.js';
import { moderatorCheck } from '../moderators.js';
import { updatePayload } from '../payload.js';
import { MODERATORS_ONLY, PINS_NEED_SERVER, PINS_UNAVAILABLE, privateNotice } from '../replies.js';
import { installedGuildId } from '../where.js';

/** 📌 Pin answer: stores the pin for this server and pins the channel message when there is one. */
export const pinButton = defineComponent({
  handles: ['pin'],
  async handle(interaction, { articleId, paragraphId }, ctx) {
    const { metrics, logger } = ctx;
    const pins = ctx.core.pins;
    // Pins belong to a server that installed the bot; elsewhere the bot cannot read or pin the channel.
    if (installedGuildId(interaction) === null) {
      metrics.pinAction('refused');
      await interaction.reply(privateNotice(PINS_NEED_SERVER));
      return;
    }
    // Rights are checked on every click: a button outlives the moment it was shown.
    if (!interaction.inGuild() || !moderatorCheck(ctx, interaction)) {
      metrics.pinAction('refused');
      await interaction.reply(privateNotice(MODERATORS_ONLY));
      return;
    }
    if (!pins) {
      await interaction.reply(privateNotice(PINS_UNAVAILABLE));
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const message = interaction.message;
    const isPrivateAnswer = message.flags.has(MessageFlags.Ephemeral);
    const stored = pins.pinAnswer({
      guildId: interaction.guildId,
      question: questionOfMessage(message.embeds),
      articleId,
      paragraphId,
      pinnedBy: interaction.user.id,
      messageUrl: isPrivateAnswer ? null : message.url,
    });
    if (!stored.ok) {
      metrics.pinAction(stored.reason);
      const text =
        stored.reason === 'unavailable' ? PINS_UNAVAILABLE : 'That answer is no longer in the article.';
      await interaction.editReply(updatePayload(composeNotice(text)));
      return;
    }
    metrics.pinAction(stored.created ? 'created' : 'existing');
    const channelNote = isPrivateAnswer
      ? ' This answer was private, so there is no channel message to pin.'
      : await pinInChannel(ctx, message);
    const opening = stored.created
      ? '📌 Pinned. Similar questions in this server will get this answer first.'
      : '📌 This answer was already pinned.';
    await interaction.editReply(updatePayload(composeNotice(`${opening}${channelNote}`)));
    logger.info(
      { guildId: interaction.guildId, pinId: stored.pin.id, created: stored.created },
      'pinned answer',
    );
  },
});

/** The stored pin is what matters; a failed channel pin is explained, not fatal. */
async function pinInChannel(ctx: BotContext, message: Message): Promise<string> {
  try {
    await ctx.client.rest.put(`/channels/${message.channelId}/messages/pins/${message.id}`);
    return '';
  } catch (error) {
    ctx.logger.warn({ err: error, channelId: message.channelId }, 'channel pin failed');
    if (error instanceof DiscordAPIError && error.code === 30003) {
      return ' The pinned answer is saved, but this channel has reached Discord’s limit of 250 pinned messages, so the message itself was not pinned.';
    }
    if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
      return ' The pinned answer is saved, but I lack the Pin Messages permission in this channel, so the message itself was not pinned.';
    }
    return ' The pinned answer is saved, but Discord did not pin the message itself.';
  }
}
