import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { loadBotConfig } from '../../src/config.js';
import { loadCore, type Core } from '../../src/core.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { createMetrics, type Metrics } from '../../src/health/metrics.js';
import { createLogger } from '../../src/logger.js';
import type { FakeDiscord } from './fake-discord.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface RunningBot {
  readonly bot: Bot;
  readonly core: Core;
  readonly metrics: Metrics;
  stop(): Promise<void>;
}

/** A scratch folder for a test's database; removed by the returned cleanup. */
export function scratchDir(prefix = 'boundary-bot-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** The real bot (same composition as src/index.ts) logged into the fake, ready to receive events. */
export async function startBot(fake: FakeDiscord, env: Record<string, string> = {}): Promise<RunningBot> {
  const config = loadBotConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.restUrl,
    KNOWLEDGE_DIR: join(REPO_ROOT, 'knowledge'),
    DATABASE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    ...env,
  });
  if (!config.ok) throw new Error(config.message);
  const logger = createLogger(config.config.logLevel);
  const core = loadCore(config.config, { withPins: true, logger });
  if (!core.ok) throw new Error(core.message);
  const metrics = createMetrics();
  const bot = createBot({ config: config.config, core: core.core, logger, metrics });
  const ready = once(bot.client, Events.ClientReady);
  await bot.start();
  await ready;
  return {
    bot,
    core: core.core,
    metrics,
    async stop() {
      await bot.stop();
      core.core.close();
    },
  };
}

/** Polls until the condition holds (state that arrives over the gateway), failing after the timeout. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
