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

/**
 * A post the per-member rate limit refuses is tried again when the member's window frees, at most this many
 * times (a member who keeps asking can keep a post waiting only so long), then left unanswered.
 */
export const FORUM_RETRIES = 5;
/** Added to the limiter's wait, so a retry lands after the window has freed rather than on its edge. */
const RETRY_SLACK_MS = 50;
/** Discord's answers for a thread that is no more to write in: Unknown Channel, archived, locked. */
const THREAD_CLOSED_CODES = new Set([10003, 50083, 160005]);

/** Forums whose missing permission was logged: once each, until a post there is answered again. */
const warnedForums = new WeakMap<Client, Set<string>>();

/**
 * A new post in the forum a server chose with `/settings auto-answer-forum` gets exactly one reply in its
 * thread: the best answer when the engine is confident, nothing when it is not, the crisis resources
 * (never quoting the post) when the post reads as a crisis. A post over its member's rate limit is answered
 * once the member's window frees (crisis resources never wait).
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
  if (!isChosenForum(ctx, thread.guildId, forumId) || !canAnswerIn(ctx, thread, forumId)) return;
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
  await attempt(ctx, thread, {
    threadId: thread.id,
    forumId,
    guildId: thread.guildId,
    userId: thread.ownerId ?? thread.id,
    text,
    retries: 0,
  });
}

/** A claimed post on its way to an answer; kept in memory only while it waits for the rate limit. */
interface ClaimedPost {
  readonly threadId: string;
  readonly forumId: string;
  readonly guildId: string;
  readonly userId: string;
  readonly text: string;
  /** Tries the rate limit refused so far. */
  readonly retries: number;
}

/**
 * One try at answering a claimed post, through the member's rate limit like any question. A refused post is
 * tried again once the member's window frees (a post is not a conversation: no "slow down" in the thread).
 */
async function attempt(ctx: BotContext, thread: AnyThreadChannel, post: ClaimedPost): Promise<void> {
  const asked = takeQuestion(ctx, {
    text: post.text,
    userId: post.userId,
    guildId: post.guildId,
    source: 'forum',
    retry: post.retries > 0,
  });
  if (!asked.ok && post.retries < FORUM_RETRIES) {
    const delayMs = asked.retryAfterMs + RETRY_SLACK_MS;
    ctx.logger.info(
      { threadId: post.threadId, retryInMs: delayMs, retries: post.retries },
      'forum post waits for the rate limit',
    );
    ctx.forumRetries.schedule(post.threadId, delayMs, () => void retry(ctx, post));
    return;
  }
  // Nothing when the engine is not confident, nor when the member stayed over the limit through every retry.
  if (!asked.ok || asked.reply.kind === 'no-match') {
    ctx.logger.info({ threadId: post.threadId, limited: !asked.ok }, 'forum post left unanswered');
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
      warnOnce(ctx, post.forumId, post.guildId);
      return;
    }
    if (error instanceof DiscordAPIError && THREAD_CLOSED_CODES.has(Number(error.code))) {
      ctx.logger.warn(
        { threadId: post.threadId, code: error.code },
        'forum answer not sent: the thread was deleted, archived or locked',
      );
      return;
    }
    throw error;
  }
  warnedForums.get(ctx.client)?.delete(post.forumId);
  questionAnswered(ctx, asked, 'forum');
}

/** A post the rate limit refused, tried again when its timer fires: the thread and the setting may have changed. */
async function retry(ctx: BotContext, post: ClaimedPost): Promise<void> {
  const next = { ...post, retries: post.retries + 1 };
  try {
    if (!isChosenForum(ctx, post.guildId, post.forumId)) {
      ctx.logger.info({ threadId: post.threadId }, 'forum post dropped: auto-answer is off for its forum');
      return;
    }
    const thread = await ctx.client.channels.fetch(post.threadId).catch((error: unknown) => {
      if (error instanceof DiscordAPIError && THREAD_CLOSED_CODES.has(Number(error.code))) return null;
      throw error;
    });
    if (!thread?.isThread()) {
      ctx.logger.info({ threadId: post.threadId }, 'forum post dropped: its thread is gone');
      return;
    }
    if (!canAnswerIn(ctx, thread, post.forumId)) return;
    await attempt(ctx, thread, next);
  } catch (error) {
    ctx.metrics.errors();
    ctx.logger.error({ err: error, threadId: post.threadId }, 'forum auto-answer failed');
  }
}

function isChosenForum(ctx: BotContext, guildId: string, forumId: string): boolean {
  const chosen = ctx.core.forums?.autoAnswerForum(guildId);
  return chosen?.ok === true && chosen.value === forumId;
}

function canAnswerIn(ctx: BotContext, thread: AnyThreadChannel, forumId: string): boolean {
  const me = thread.guild.members.me;
  if (me && thread.permissionsFor(me).has(FORUM_PERMISSIONS)) return true;
  warnOnce(ctx, forumId, thread.guildId);
  return false;
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
