import {
  ChannelType,
  DiscordAPIError,
  Events,
  PermissionFlagsBits,
  type AnyThreadChannel,
  type Client,
} from 'discord.js';
import { composeReply } from '../../answer/compose.js';
import type { BotContext } from '../context.js';
import { defineEvent } from '../modules.js';
import { messageReplyPayload } from '../payload.js';
import { questionAnswered, takeQuestion } from '../question.js';

/** Posts made while the bot was offline are answered at start-up when they are at most this old. */
export const CATCH_UP_MS = 24 * 60 * 60 * 1000;

/** What the bot needs in a forum to answer its posts. */
export const FORUM_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
] as const;

/** Forums whose missing permission was logged: once each, until a post there is answered again. */
const warnedForums = new WeakMap<Client, Set<string>>();

/**
 * A new post in the forum a server chose with `/settings auto-answer-forum` gets exactly one reply in its
 * thread: the best answer when the engine is confident, nothing when it is not, the crisis resources
 * (never quoting the post) when the post reads as a crisis.
 */
export const forumPost = defineEvent({
  name: Events.ThreadCreate,
  async handle(ctx, thread, newlyCreated) {
    if (!newlyCreated) return;
    await guarded(ctx, thread);
  },
});

/** At start-up: recent posts that arrived while the bot was offline (the stored marks prevent repeats). */
export const forumCatchUp = defineEvent({
  name: Events.ClientReady,
  async handle(ctx, client) {
    const since = Date.now() - CATCH_UP_MS;
    for (const guild of client.guilds.cache.values()) {
      const forumId = ctx.core.forums?.autoAnswerForum(guild.id);
      if (!forumId?.ok || !forumId.value) continue;
      const recent = guild.channels.cache.filter(
        (channel): channel is AnyThreadChannel =>
          channel.isThread() &&
          channel.parentId === forumId.value &&
          (channel.createdTimestamp ?? 0) >= since,
      );
      for (const thread of recent.values()) await guarded(ctx, thread);
    }
  },
});

async function guarded(ctx: BotContext, thread: AnyThreadChannel): Promise<void> {
  try {
    await answerPost(ctx, thread);
  } catch (error) {
    ctx.metrics.errors();
    ctx.logger.error({ err: error, threadId: thread.id }, 'forum auto-answer failed');
  }
}

async function answerPost(ctx: BotContext, thread: AnyThreadChannel): Promise<void> {
  const forums = ctx.core.forums;
  const forumId = thread.parentId;
  if (!forums || !forumId || thread.parent?.type !== ChannelType.GuildForum) return;
  const chosen = forums.autoAnswerForum(thread.guildId);
  if (!chosen.ok || chosen.value !== forumId) return;

  const me = thread.guild.members.me;
  if (!me || !thread.permissionsFor(me).has(FORUM_PERMISSIONS)) {
    warnOnce(ctx, forumId, thread.guildId);
    return;
  }
  // Claimed before answering: after a restart, or with a second process, the post is never answered twice.
  const claimed = forums.claimThread(thread.id, thread.guildId, Date.now());
  if (!claimed.ok) {
    ctx.logger.warn({ err: claimed.detail, threadId: thread.id }, 'forum post skipped: cannot record it');
    return;
  }
  if (!claimed.value) return;

  // The title is enough; the starter message (same id as the thread) is read too with Message Content.
  const starter = ctx.config.messageContentIntent
    ? await thread.fetchStarterMessage().catch(() => null)
    : null;
  const text = [thread.name, starter?.content ?? ''].filter(Boolean).join('\n');
  const asked = takeQuestion(ctx, {
    text,
    userId: thread.ownerId ?? thread.id,
    guildId: thread.guildId,
    source: 'forum',
  });
  // A post is not a conversation: no "slow down" in a public thread, and nothing when not confident.
  if (!asked.ok || asked.reply.kind === 'no-match') {
    ctx.logger.info({ threadId: thread.id, limited: !asked.ok }, 'forum post left unanswered');
    return;
  }
  const composed = composeReply(asked.reply, {
    engine: ctx.core.engine,
    crisis: ctx.core.crisis,
    surface: 'public',
  });
  try {
    await thread.send(messageReplyPayload(composed));
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
      warnOnce(ctx, forumId, thread.guildId);
      return;
    }
    throw error;
  }
  warnedForums.get(ctx.client)?.delete(forumId);
  questionAnswered(ctx, asked, 'forum');
}

function warnOnce(ctx: BotContext, forumId: string, guildId: string): void {
  let warned = warnedForums.get(ctx.client);
  if (!warned) {
    warned = new Set();
    warnedForums.set(ctx.client, warned);
  }
  if (warned.has(forumId)) return;
  warned.add(forumId);
  ctx.logger.warn(
    { guildId, forumId },
    'forum auto-answer skipped: the bot lacks View Channel, Send Messages in Threads or Embed Links in that forum',
  );
}

/** The bot was removed from a server: its forum setting and answered-post marks go. */
export const forumGuildRemoved = defineEvent({
  name: Events.GuildDelete,
  handle(ctx, guild) {
    // An outage also "deletes" a guild, marked unavailable: nothing is forgotten then.
    if (!guild.available) return;
    const forgotten = ctx.core.forums?.forgetGuild(guild.id);
    if (forgotten && !forgotten.ok)
      ctx.logger.warn({ err: forgotten.detail }, 'could not forget a server’s forum setting');
  },
});
