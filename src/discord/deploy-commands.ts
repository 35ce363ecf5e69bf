/**
 * `npm run deploy-commands`: registers the slash commands by bulk overwrite, to DISCORD_GUILD_ID when set
 * (instant, for testing) or globally. Never run at start-up.
 */
import { REST, Routes } from 'discord.js';
import { loadBotConfig } from '../config.js';
import { commandDefinitions } from './commands/index.js';

const result = loadBotConfig();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
const { token, clientId, guildId, apiUrl } = result.config;
if (!clientId) {
  console.error(
    'Configuration error: DISCORD_CLIENT_ID is required to register commands (variable DISCORD_CLIENT_ID). See .env.example.',
  );
  process.exit(1);
}

const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
const route = guildId
  ? Routes.applicationGuildCommands(clientId, guildId)
  : Routes.applicationCommands(clientId);
try {
  const registered = (await rest.put(route, { body: commandDefinitions() })) as {
    name: string;
    type?: number;
  }[];
  // Slash commands as /name; message commands (Apps menu) in quotes.
  const names = registered.map((command) =>
    (command.type ?? 1) === 1 ? `/${command.name}` : `“${command.name}”`,
  );
  console.log(
    `Registered ${registered.length} commands (${names.join(', ')}) ${
      guildId ? `in server ${guildId}` : 'globally (may take up to an hour to appear)'
    }.`,
  );
} catch (error) {
  console.error(`Could not register commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
