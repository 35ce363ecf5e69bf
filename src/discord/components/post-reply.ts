import {
  DiscordAPIError,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type Message,
  type MessageComponentInteraction,
} from 'discord.js';
import type { ComposedMessage } from '../../answer/compose.js';
import { decodeAction } from '../../answer/custom-ids.js';
import type { BotContext } from '../context.js';
import { defineComponent } from '../modules.js';
import { interactionPayload, updatePayload } from '../payload.js';
import { privateNotice } from '../replies.js';
import { installedGuildId } from '../where.js';

export const ALREADY_POSTED = 'This answer is already posted as a reply.';

/** Mentions off in a reply, the replied-to author included. */
const REPLY_MENTIONS = { parse: [], replied_user: false };

/**
 * **Post as reply** under a private "Find answer": the same answer, posted publicly as a reply to the
 * message. Where the bot cannot post in the channel (a server where only the member installed the app, a
 * group DM) the answer goes out as a public response to the click instead, linking to the message.
 */
export const postReply = defineComponent({
  handles: ['post'],
  async handle(interaction, { messageId }, ctx) {
    const answer = publicCopy(interaction.message);
    if (answer.embeds.length === 0) {
      await interaction.reply(privateNotice('There is no answer here to post.'));
      return;
    }
    if (!botCanPost(interaction)) {
      const link = `https://discord.com/channels/${interaction.guildId ?? '@me'}/${interaction.channelId}/${messageId}`;
      const linked = { ...answer, content: [`↪️ ${link}`, answer.content].filter(Boolean).join('\n') };
      await interaction.reply(interactionPayload(linked, { ephemeral: false }));
      return;
    }
    // Two quick clicks arrive before the first one's edit removes the button: only one may post.
    const claim = interaction.message.id;
    if (ctx.postedAnswers.get(claim)) {
      await interaction.reply(privateNotice(ALREADY_POSTED));
      return;
    }
    ctx.postedAnswers.set(claim, true);
    await interaction.deferUpdate();
    const failure = await postInChannel(ctx, interaction, messageId, answer);
    if (failure) {
      ctx.postedAnswers.delete(claim);
      await interaction.followUp(privateNotice(failure));
      return;
    }
    // The button goes, so the same answer is not posted twice.
    await interaction.editReply(
      updatePayload({
        ...answer,
        content: ['✅ Posted as a reply.', answer.content].filter(Boolean).join('\n'),
      }),
    );
  },
});

/** The answer as it was shown privately, without the Post button. */
function publicCopy(message: Message): ComposedMessage {
  const components = message.components
    .map((row) => row.toJSON() as APIActionRowComponent<APIComponentInMessageActionRow>)
    .filter(
      (row) =>
        !row.components.some(
          (component) => 'custom_id' in component && decodeAction(component.custom_id)?.type === 'post',
        ),
    );
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds.map((embed) => embed.toJSON()),
    components,
    allowed_mentions: { parse: [] },
  };
}

/** In the DM with the bot, or in a channel of a server that installed it where it may send messages. */
function botCanPost(interaction: MessageComponentInteraction): boolean {
  if (interaction.context === InteractionContextType.BotDM) return true;
  if (installedGuildId(interaction) === null) return false;
  const send = interaction.channel?.isThread()
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  return interaction.appPermissions.has([PermissionFlagsBits.ViewChannel, send]);
}

/** Undefined when posted; otherwise what to tell the member. */
async function postInChannel(
  ctx: BotContext,
  interaction: MessageComponentInteraction,
  messageId: string,
  answer: ComposedMessage,
): Promise<string | undefined> {
  try {
    await ctx.client.rest.post(Routes.channelMessages(interaction.channelId), {
      body: {
        content: answer.content,
        embeds: answer.embeds,
        components: answer.components,
        allowed_mentions: REPLY_MENTIONS,
        message_reference: { message_id: messageId, fail_if_not_exists: true },
      },
    });
    return undefined;
  } catch (error) {
    ctx.logger.warn({ err: error, channelId: interaction.channelId }, 'post as reply failed');
    if (error instanceof DiscordAPIError && error.status === 400) {
      return 'That message is gone, so there is nothing to reply to.';
    }
    if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
      return 'I can’t post in this channel (I lack the permission to send messages here).';
    }
    return 'Discord did not take the reply. Please try again in a moment.';
  }
}
