import { createHmac } from 'node:crypto';
import type { Client } from 'discord.js';
import { replyLogFields } from '../answer/reply-log.js';
import type { Reply } from '../answer/responder.js';
import type { BotConfig } from '../config.js';
import type { Core } from '../core.js';
import { LruCache } from '../engine/lru.js';
import type { Metrics } from '../health/metrics.js';
import type { Logger } from '../logger.js';
import { createRecorder, type Recorder } from '../moderation/recorder.js';
import { createDelayedTasks, type DelayedTasks } from './delayed-tasks.js';
import {
  createOncePer,
  createRateLimiter,
  createRecentAnswers,
  type OncePer,
  type RateLimiter,
  type RecentAnswers,
} from './rate-limit.js';

/** How long a mention's answer is remembered, so the same answer in the same channel is pointed to. */
const REPEAT_WINDOW_MS = 60_000;
/** Private answers remembered as posted; an older one's button is long gone from the member's screen. */
const POSTED_ANSWERS_KEPT = 1_000;
/** Forum posts waiting for their member's rate-limit window at most; one more drops the oldest. */
export const FORUM_RETRIES_KEPT = 100;

/** The per-bot state every command, component and event handler is given: one object, built once. */
export interface BotContext {
  readonly client: Client;
  readonly config: BotConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly limiter: RateLimiter;
  readonly recentMentionAnswers: RecentAnswers;
  /** One public "slow down" per member and refused window. */
  readonly slowDownNotices: OncePer;
  /** One public crisis reply per member and channel a minute. */
  readonly publicCrisisReplies: OncePer;
  /** Private answers whose **Post as reply** is under way or done (bounded), so one click posts once. */
  readonly postedAnswers: LruCache<string, true>;
  /** Forum posts refused by the rate limit, each answered when its member's window frees (by thread id). */
  readonly forumRetries: DelayedTasks;
  /** Counts and review-queue entries, written off the answer's path; undefined without a database. */
  readonly recorder: Recorder | undefined;
  readonly now: () => number;
  /** The stored stand-in for a voter: HMAC of (answer, voter) under VOTE_HASH_SECRET. */
  voterHash(answerId: string, userId: string): string;
}

export interface BotContextDeps {
  readonly client: Client;
  readonly config: BotConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now?: () => number;
}

export function createBotContext(deps: BotContextDeps): BotContext {
  const now = deps.now ?? Date.now;
  const secret = deps.config.voteSecret;
  const moderation = deps.core.moderation;
  return {
    ...deps,
    now,
    limiter: createRateLimiter(deps.config.rateLimit.questions, deps.config.rateLimit.windowMs),
    recentMentionAnswers: createRecentAnswers(REPEAT_WINDOW_MS),
    slowDownNotices: createOncePer(),
    publicCrisisReplies: createOncePer(),
    postedAnswers: new LruCache(POSTED_ANSWERS_KEPT),
    forumRetries: createDelayedTasks(FORUM_RETRIES_KEPT, (threadId) =>
      deps.logger.warn({ threadId }, 'forum post dropped: too many posts wait for the rate limit'),
    ),
    recorder:
      moderation &&
      createRecorder({
        store: moderation,
        retentionDays: deps.config.reviewRetentionDays,
        now,
        logger: deps.logger,
        onQueued: (reason) => deps.metrics.queued(reason),
      }),
    voterHash(answerId, userId) {
      // Per answer: two votes by one member on two answers cannot be linked through the hash.
      if (!secret) throw new Error('VOTE_HASH_SECRET is not set');
      return createHmac('sha256', secret).update(`${answerId}:${userId}`).digest('base64url');
    },
  };
}

export type Admitted =
  | { readonly ok: true; readonly reply: Reply }
  /** `notify`: the first refusal in this window (say "slow down" once, then stay quiet where it is public). */
  | { readonly ok: false; readonly retryAfterMs: number; readonly notify: boolean };

/**
 * A question under the per-user rate limit. Only the safety check runs before the limit, so a person in
 * crisis always gets the resources however fast they have been writing, while a flood of questions costs
 * one safety check each and no pin or engine work.
 */
export function respondWithinLimit(
  ctx: BotContext,
  input: { readonly text: string; readonly userId: string; readonly guildId: string | null },
): Admitted {
  let retryAfterMs = 0;
  const reply = ctx.core.responder.respondIfAdmitted(input.text, { guildId: input.guildId }, () => {
    const decision = ctx.limiter.take(input.userId);
    if (decision.ok) return true;
    retryAfterMs = decision.retryAfterMs;
    return false;
  });
  if (reply) return { ok: true, reply };
  ctx.metrics.rateLimited();
  const notify = ctx.slowDownNotices.first(input.userId, Date.now() + retryAfterMs);
  return { ok: false, retryAfterMs, notify };
}

/** What may be logged about a reply: never the words of a message that raised a safety tier. */
export function replyLog(ctx: BotContext, reply: Reply, source: string): Record<string, unknown> {
  return replyLogFields(reply, source, ctx.config.logMessageContent);
}
