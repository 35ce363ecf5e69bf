import { Events, type Message } from 'discord.js';
import { composeNotice, composeReply } from '../../answer/compose.js';
import { cleanQuestion } from '../../answer/responder.js';
import type { BotContext } from '../context.js';
import { defineEvent } from '../modules.js';
import { messageReplyPayload } from '../payload.js';
import { questionAnswered, takeQuestion } from '../question.js';
import { slowDown } from '../replies.js';

export const HOW_TO_ASK =
  'Send me your question as text, for example: “Can I ask my therapist how she’s doing?” I can’t read attachments. `/help` shows what else I can do.';

/** In the DM with the bot every message is a question (no mention needed); the answer goes in the DM. */
export const directMessage = defineEvent({
  name: Events.MessageCreate,
  async handle(ctx, message) {
    if (message.author.bot || message.inGuild() || !message.channel.isDMBased()) return;
    try {
      await answerDirectMessage(ctx, message);
    } catch (error) {
      ctx.metrics.errors();
      ctx.logger.error({ err: error, messageId: message.id }, 'direct message reply failed');
    }
  },
});

async function answerDirectMessage(ctx: BotContext, message: Message): Promise<void> {
  const { engine, crisis } = ctx.core;
  if (cleanQuestion(message.content) === '') {
    // Empty, or only attachments: a short note, within the same per-user limit as questions.
    if (ctx.limiter.take(message.author.id).ok)
      await message.reply(messageReplyPayload(composeNotice(HOW_TO_ASK)));
    return;
  }
  const asked = takeQuestion(ctx, {
    text: message.content,
    userId: message.author.id,
    guildId: null,
    source: 'dm',
  });
  if (!asked.ok) {
    if (asked.notify) await message.reply(messageReplyPayload(slowDown(asked.retryAfterMs)));
    return;
  }
  const composed = composeReply(asked.reply, { engine, crisis, surface: 'private', pinnable: false });
  await message.reply(messageReplyPayload(composed));
  questionAnswered(ctx, asked, 'dm');
}
