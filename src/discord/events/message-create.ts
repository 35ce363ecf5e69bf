import { Events, type Message } from 'discord.js';
import { composeNotice, composeReply } from '../../answer/compose.js';
import type { Reply } from '../../answer/responder.js';
import { replyLog, respondWithinLimit, type BotContext } from '../context.js';
import { defineEvent } from '../modules.js';
import { messageReplyPayload } from '../payload.js';
import { slowDown } from '../replies.js';

/** After a public crisis reply, the same member in the same channel gets the next one after this long. */
const CRISIS_QUIET_MS = 60_000;

/** A message that @mentions the bot is a question; the reply goes in the channel. */
export const messageCreate = defineEvent({
  name: Events.MessageCreate,
  async handle(ctx, message) {
    try {
      await handleMention(ctx, message);
    } catch (error) {
      ctx.metrics.errors();
      ctx.logger.error(
        { err: error, messageId: message.id, channelId: message.channelId },
        'mention reply failed',
      );
    }
  },
});

async function handleMention(ctx: BotContext, message: Message): Promise<void> {
  const { metrics } = ctx;
  const { engine, crisis } = ctx.core;
  const me = ctx.client.user;
  if (!me || message.author.bot || !message.inGuild() || !message.mentions.users.has(me.id)) return;
  // A reply to one of our answers pings us without being a question ("thanks!"): only an explicit
  // @mention in the text asks something.
  const explicitMention = new RegExp(`<@!?${me.id}>`, 'g');
  if (!explicitMention.test(message.content)) return;
  const started = performance.now();
  metrics.questionAsked('mention');
  const question = message.content.replace(explicitMention, ' ');
  const admitted = respondWithinLimit(ctx, {
    text: question,
    userId: message.author.id,
    guildId: message.guildId,
  });
  if (!admitted.ok) {
    // In public: one "slow down" per window, then quiet, so a flood cannot make the bot flood too.
    if (admitted.notify) await message.reply(messageReplyPayload(slowDown(admitted.retryAfterMs)));
    return;
  }
  const reply = admitted.reply;
  // A crisis reply is never refused, but one member repeating it in one channel gets it once a minute:
  // the resources are right above, and the bot must not be made to post them twenty times.
  if (
    reply.kind === 'crisis' &&
    !ctx.publicCrisisReplies.first(`${message.author.id}:${message.channelId}`, Date.now() + CRISIS_QUIET_MS)
  ) {
    metrics.answered('crisis-repeat');
    return;
  }
  // The same answer in the same channel a moment ago: point to it rather than post it again.
  const repeatKey =
    reply.kind === 'crisis' ? undefined : `${message.channelId}:${reply.kind}:${replyTarget(reply)}`;
  const earlier = repeatKey ? ctx.recentMentionAnswers.find(repeatKey) : undefined;
  if (earlier) {
    await message.reply(
      messageReplyPayload(
        composeNotice(`I answered that a moment ago, right under this question: ${earlier}`),
      ),
    );
    metrics.answered('repeat');
    return;
  }
  // Remembered before sending, so a second mention arriving while the reply is in flight is caught too.
  if (repeatKey) ctx.recentMentionAnswers.remember(repeatKey, message.url);
  const composed = composeReply(reply, { engine, crisis, surface: 'public' });
  const sent = message.reply(messageReplyPayload(composed));
  ctx.recorder?.question(message.guildId, reply);
  await sent;
  metrics.answered(reply.kind);
  metrics.replyLatency((performance.now() - started) / 1000);
  ctx.logger.info(replyLog(ctx, reply, 'mention'), 'answered');
}

function replyTarget(reply: Reply): string {
  if (reply.kind === 'answer' || reply.kind === 'pinned') return reply.answer.paragraphId;
  return reply.kind === 'no-match' ? reply.noMatch.reason : '';
}
