import { MessageFlags, type InteractionReplyOptions, type MessageReplyOptions } from 'discord.js';
import type { ComposedMessage } from '../answer/compose.js';

/** Mentions off, always: text such as "@everyone" in a question can never ping anyone. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** The composed message as discord.js options, mentions off. */
function basePayload(message: ComposedMessage) {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  };
}

export function interactionPayload(
  message: ComposedMessage,
  { ephemeral }: { ephemeral: boolean },
): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return { ...basePayload(message), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** For `interaction.update` / `editReply`: no flags (they cannot change after sending); no content clears it. */
export function updatePayload(message: ComposedMessage) {
  return { ...basePayload(message), content: message.content ?? null };
}

export function messageReplyPayload(message: ComposedMessage): MessageReplyOptions {
  return basePayload(message);
}
