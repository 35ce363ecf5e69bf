import { MessageFlags, type InteractionReplyOptions, type MessageReplyOptions } from 'discord.js';
import type { ComposedMessage } from '../answer/compose.js';

/** Mentions off, always: text such as "@everyone" in a question can never ping anyone. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

export function interactionPayload(
  message: ComposedMessage,
  { ephemeral }: { ephemeral: boolean },
): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** For `interaction.update` / `editReply`: same message, no flags (they cannot change after sending). */
export function updatePayload(message: ComposedMessage) {
  return {
    content: message.content ?? null,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  };
}

export function messageReplyPayload(message: ComposedMessage): MessageReplyOptions {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  };
}
