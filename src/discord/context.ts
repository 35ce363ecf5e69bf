import type { Client } from 'discord.js';
import { replyLogFields } from '../answer/reply-log.js';
import type { Reply } from '../answer/responder.js';
import type { BotConfig } from '../config.js';
import type { Core } from '../core.js';
import type { Metrics } from '../health/metrics.js';
import type { Logger } from '../logger.js';
import {
  createRateLimiter,
  createRecentAnswers,
  type RateDecision,
  type RateLimiter,
  type RecentAnswers,
} from './rate-limit.js';

/** How long a mention's answer is remembered, so the same answer in the same channel is pointed to. */
const REPEAT_WINDOW_MS = 60_000;

/** The per-bot state every command, component and event handler is given: one object, built once. */
export interface BotContext {
  readonly client: Client;
  readonly config: BotConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly limiter: RateLimiter;
  readonly recentMentionAnswers: RecentAnswers;
}

export interface BotContextDeps {
  readonly client: Client;
  readonly config: BotConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export function createBotContext(deps: BotContextDeps): BotContext {
  return {
    ...deps,
    limiter: createRateLimiter(deps.config.rateLimit.questions, deps.config.rateLimit.windowMs),
    recentMentionAnswers: createRecentAnswers(REPEAT_WINDOW_MS),
  };
}

/**
 * The per-user rate limit. Working out the reply first costs well under a millisecond, and it means a
 * person in crisis always gets the resources, however fast they have been writing.
 */
export function allowedNow(ctx: BotContext, userId: string, reply: Reply): RateDecision {
  if (reply.kind === 'crisis') return { ok: true };
  const decision = ctx.limiter.take(userId);
  if (!decision.ok) ctx.metrics.rateLimited();
  return decision;
}

/** What may be logged about a reply: never the words of a message that raised a safety tier. */
export function replyLog(ctx: BotContext, reply: Reply, source: string): Record<string, unknown> {
  return replyLogFields(reply, source, ctx.config.logMessageContent);
}
