import type { InteractionReplyOptions, MessageFlags } from 'discord.js';
import { composeNotice } from '../answer/compose.js';
import { interactionPayload } from './payload.js';

export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';
export const PINS_UNAVAILABLE =
  'Pins are unavailable right now (the database cannot be written). Answers still work.';
export const MODERATORS_ONLY = 'Only moderators can pin answers.';
export const PINS_NEED_SERVER = 'Pinned answers work only in a server that has added the bot.';

/** A short private notice, mentions off. */
export function privateNotice(text: string): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return interactionPayload(composeNotice(text), { ephemeral: true });
}

export function slowDown(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return composeNotice(`You’re asking faster than I can keep up. Please wait ${seconds}s and ask again.`);
}
