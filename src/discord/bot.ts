import { Client, GatewayIntentBits, Options, Partials, Status } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Core } from '../core.js';
import type { Metrics } from '../health/metrics.js';
import type { Logger } from '../logger.js';
import { createBotContext } from './context.js';
import { EVENTS } from './events/index.js';
import { NO_MENTIONS } from './payload.js';

export interface Bot {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The gateway session is up (for /healthz). */
  isConnected(): boolean;
  /** The last write of counts and queue entries succeeded (for /healthz). */
  recordingHealthy(): boolean;
}

/** Upper bounds of discord.js' caches (memory must not grow with the number of members who ever asked). */
export const CACHE_LIMITS = { users: 1000, membersPerGuild: 200, messagesPerChannel: 25 } as const;

export interface BotDeps {
  readonly config: BotConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The clock for counts, votes and retention (tests inject one). */
  readonly now?: () => number;
}

/**
 * The client and its listeners. Commands, component families and events each live in their own module
 * (src/discord/commands, components, events); this only builds the shared context and subscribes.
 */
export function createBot({ config, core, logger, metrics, now }: BotDeps): Bot {
  const client = new Client({
    // DirectMessages (not privileged) with partial channels: a DM channel is rarely cached when a DM arrives.
    // MessageContent (privileged, opt-in) lets forum auto-answers read a post's starter message.
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      ...(config.messageContentIntent ? [GatewayIntentBits.MessageContent] : []),
    ],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // Every asker would otherwise stay in memory for as long as the bot runs. Nothing here reads members,
    // users or messages back from the cache (interactions carry them), so small caches cost nothing.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: { maxSize: CACHE_LIMITS.users, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: {
        maxSize: CACHE_LIMITS.membersPerGuild,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
      MessageManager: CACHE_LIMITS.messagesPerChannel,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 600, lifetime: 1800 },
      users: { interval: 3600, filter: () => (user) => user.id !== user.client.user.id },
    },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  const ctx = createBotContext({ client, config, core, logger, metrics, ...(now ? { now } : {}) });
  for (const event of EVENTS) {
    client.on(event.name, (...args) => void event.handle(ctx, ...args));
  }

  return {
    client,
    async start() {
      await client.login(config.token);
    },
    async stop() {
      ctx.recorder?.stop();
      ctx.forumRetries.clear();
      await client.destroy();
    },
    recordingHealthy: () => !(ctx.recorder?.failing ?? false),
    isConnected: () => client.ws.status === Status.Ready,
  };
}
