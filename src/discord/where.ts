import { ApplicationIntegrationType, InteractionContextType, type BaseInteraction } from 'discord.js';

/**
 * The server whose pins apply to an interaction, or null. Pins belong to a server that installed the bot;
 * in a DM, a group DM, or a server where only the member installed the app (`authorizing_integration_owners`
 * has no entry for this guild) nothing is pinned or looked up, and the bot never reads the channel there.
 */
export function installedGuildId(interaction: BaseInteraction): string | null {
  const guildId = interaction.guildId;
  if (!guildId) return null;
  return interaction.authorizingIntegrationOwners.guildId === guildId ? guildId : null;
}

/** Where a command can be installed and used (Discord's `integration_types` and `contexts`). */
interface Installs {
  readonly integration_types: ApplicationIntegrationType[];
  readonly contexts: InteractionContextType[];
}

/**
 * Registration of the member-facing commands: installable to a server and to a member's account, usable in
 * servers, in the DM with the bot and in group DMs.
 */
export const EVERYWHERE: Installs = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/** Registration of the moderator commands: a server that installed the bot, in that server only. */
export const SERVER_ONLY: Installs = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};
