/**
 * Composition root: config → knowledge and engine → pin store → Discord client (→ health endpoint).
 * Start-up never registers commands: that is `npm run deploy-commands`.
 */
import { createApp } from './app.js';
import { loadStartConfig } from './config.js';
import { createLogger } from './logger.js';

const SHUTDOWN_DEADLINE_MS = 4_000;

const configResult = loadStartConfig();
if (!configResult.ok) {
  process.stderr.write(`${configResult.message}\n`);
  process.exit(1);
}
const config = configResult.config;
const logger = createLogger(config.logLevel, { logMessageContent: config.logMessageContent });

const created = await createApp(config, logger);
if (!created.ok) {
  logger.fatal(created.message);
  process.stderr.write(`${created.message}\n`);
  process.exit(1);
}
const app = created.app;

// Nothing unexpected may take the bot down: log it and keep serving.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Exit 0 within the deadline even if Discord or the disk hangs.
  setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
  try {
    await app.stop();
  } catch (error) {
    logger.error({ err: error }, 'error while shutting down');
  }
  logger.flush();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.bot.start();
} catch (error) {
  const invalidToken =
    error instanceof Error && /TokenInvalid|invalid token/i.test(`${error.name} ${error.message}`);
  const message = invalidToken
    ? 'Discord rejected DISCORD_TOKEN (invalid token). Check the value in .env; see .env.example.'
    : `Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`;
  logger.fatal(message);
  process.stderr.write(`${message}\n`);
  await app.stop().catch(() => undefined);
  process.exit(1);
}
