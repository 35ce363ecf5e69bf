import type { BaseInteraction } from 'discord.js';
import { isModerator } from '../pins/moderators.js';
import type { BotContext } from './context.js';

/** Whether the member behind an interaction is a moderator; checked again on every command and click. */
export function moderatorCheck(ctx: BotContext, interaction: BaseInteraction): boolean {
  const member = interaction.member;
  const roleIds = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return isModerator(
    { permissions: interaction.memberPermissions?.bitfield ?? null, roleIds },
    ctx.config.modRoleIds,
  );
}

/** Manage Server (1 << 5): also enough for /settings. */
const MANAGE_GUILD = 1n << 5n;

/** /settings: moderators, or members who can manage the server. */
export function settingsCheck(ctx: BotContext, interaction: BaseInteraction): boolean {
  return moderatorCheck(ctx, interaction) || (interaction.memberPermissions?.has(MANAGE_GUILD) ?? false);
}
