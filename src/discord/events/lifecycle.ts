import { Events } from 'discord.js';
import { defineEvent } from '../modules.js';

export const ready = defineEvent({
  name: Events.ClientReady,
  handle: (ctx, client) =>
    ctx.logger.info({ user: client.user.tag, guilds: client.guilds.cache.size }, 'connected to Discord'),
});

export const resumed = defineEvent({
  name: Events.ShardResume,
  handle: (ctx) => ctx.logger.info('gateway session resumed'),
});

export const disconnected = defineEvent({
  name: Events.ShardDisconnect,
  handle: (ctx, event) => ctx.logger.warn({ code: event.code }, 'gateway disconnected'),
});

export const clientError = defineEvent({
  name: Events.Error,
  handle: (ctx, error) => ctx.logger.error({ err: error }, 'client error'),
});
