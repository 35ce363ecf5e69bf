import { Events } from 'discord.js';
import { defineEvent } from '../modules.js';

/** The bot was removed from a server: its queue texts, votes, counts and settings are deleted. */
export const guildDelete = defineEvent({
  name: Events.GuildDelete,
  handle(ctx, guild) {
    // An outage also "deletes" a guild, marked unavailable: nothing is forgotten then.
    if (!guild.available) return;
    const forgotten = ctx.core.moderation?.forgetGuild(guild.id);
    if (forgotten && !forgotten.ok) ctx.logger.warn({ err: forgotten.detail }, 'could not forget a server');
    else ctx.logger.info({ guildId: guild.id }, 'removed from a server; its review data was deleted');
  },
});
