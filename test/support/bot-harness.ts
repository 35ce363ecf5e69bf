import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterEach, beforeEach, expect } from 'vitest';
import { loadBotConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export type RunningBot = App;

/** A scratch folder for a test's database; removed by the returned cleanup. */
export function scratchDir(prefix = 'boundary-bot-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** The real bot (the same createApp as src/index.ts) logged into the fake, ready to receive events. */
export async function startBot(
  fake: FakeDiscord,
  env: Record<string, string> = {},
  options: { logLines?: string[]; now?: () => number } = {},
): Promise<RunningBot> {
  const config = loadBotConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.restUrl,
    KNOWLEDGE_DIR: join(REPO_ROOT, 'knowledge'),
    DATABASE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    VOTE_HASH_SECRET: 'test-only-vote-secret-0123456789abcdef',
    ...env,
  });
  if (!config.ok) throw new Error(config.message);
  const logLines = options.logLines;
  const logger = logLines
    ? createLogger(config.config.logLevel, {
        destination: { write: (line: string) => void logLines.push(line) },
        logMessageContent: config.config.logMessageContent,
      })
    : createLogger(config.config.logLevel);
  const created = await createApp(config.config, logger, options.now ? { now: options.now } : {});
  if (!created.ok) throw new Error(created.message);
  const ready = once(created.app.bot.client, Events.ClientReady);
  await created.app.bot.start();
  await ready;
  return created.app;
}

/**
 * A fresh fake Discord and bot for every test of the enclosing describe, handed to `use` once both are
 * up; afterwards the bot stops, the fake must have seen no request it does not model, and it stops too.
 */
export function botPerTest(use: (started: { fake: FakeDiscord; running: RunningBot }) => void): void {
  let started: { fake: FakeDiscord; running: RunningBot } | undefined;
  beforeEach(async () => {
    const fake = await startFakeDiscord();
    started = { fake, running: await startBot(fake) };
    use(started);
  });
  afterEach(async () => {
    if (!started) return;
    const { fake, running } = started;
    started = undefined;
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
  });
}

/** Polls until the condition holds (state that arrives over the gateway), failing after the timeout. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
