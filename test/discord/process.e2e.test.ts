import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { scratchDir, until } from '../support/bot-harness.js';
import { runNode, runNpm } from '../support/processes.js';

const VOTE_SECRET = 'process-test-vote-secret-0123456789abcdef';

describe('GIVEN the bot run as a user runs it', () => {
  let fake: FakeDiscord;
  let scratch: ReturnType<typeof scratchDir>;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    scratch = scratchDir();
  });
  afterEach(async () => {
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
    scratch.cleanup();
  });

  it('WHEN `npm start` points at the fake THEN it logs in, answers /ask, logs no token and logs out on Ctrl+C', async () => {
    const started = runNpm(['start'], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.restUrl,
      DATABASE_PATH: join(scratch.path, 'bot.db'),
      VOTE_HASH_SECRET: VOTE_SECRET,
    });
    try {
      await fake.waitForIdentify(30_000);
      await until(
        () => fake.liveSessions > 0 && started.stdout().includes('connected to Discord'),
        'ready',
        30_000,
      );
      const ask = fake.sendSlashCommand({ name: 'ask', options: { question: 'crush on my therapist' } });
      const ack = await ask.waitForAck();
      expect((ack.body as { data: { embeds: { title: string }[] } }).data.embeds[0]?.title).toBe(
        'Handling Unwanted Attention',
      );
    } finally {
      const stopAt = Date.now();
      // Ctrl+C in a terminal signals the whole foreground process group: npm and the bot.
      process.kill(-(started.child.pid ?? 0), 'SIGINT');
      await started.exited;
      // The bot logs out (the gateway sees it leave) within 5 s.
      await until(
        () => fake.liveSessions === 0 && started.stdout().includes('shutting down'),
        'log out',
        5000,
      );
      expect(Date.now() - stopAt).toBeLessThan(5000);
    }
    const output = started.stdout() + started.stderr();
    expect(output).not.toContain(fake.token);
    expect(output).not.toContain('crush on my therapist');
  }, 60_000);

  it('WHEN the bot process gets SIGTERM or SIGINT THEN it logs out and exits 0 within 5 s', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const bot = runNode(['--import', 'tsx', 'src/index.ts'], {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.restUrl,
        DATABASE_PATH: join(scratch.path, 'bot.db'),
        VOTE_HASH_SECRET: VOTE_SECRET,
      });
      await until(() => bot.stdout().includes('connected to Discord'), 'ready', 30_000);
      const stopAt = Date.now();
      bot.child.kill(signal);
      expect(await bot.exited).toBe(0);
      expect(Date.now() - stopAt).toBeLessThan(5000);
      await until(() => fake.liveSessions === 0, 'the session to end');
    }
  }, 90_000);

  it('WHEN `npm run deploy-commands` runs THEN the commands are bulk-registered to the guild', async () => {
    const deployed = runNpm(['run', 'deploy-commands'], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.restUrl,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.defaultGuild.id,
    });
    expect(await deployed.exited).toBe(0);
    expect(deployed.stdout()).toMatch(
      /Registered 8 commands \(\/ask, \/article, \/help, \/pins, \/settings, \/review, \/stats, “Find answer”\)/,
    );
    expect(fake.guildCommands(fake.defaultGuild.id).map((command) => command.name)).toEqual([
      'ask',
      'article',
      'help',
      'pins',
      'settings',
      'review',
      'stats',
      'Find answer',
    ]);
    const put = fake.requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.defaultGuild.id}/commands`);
  }, 60_000);
});

describe('GIVEN bad configuration', () => {
  it('WHEN DISCORD_TOKEN is missing THEN start-up stops with one message naming it', async () => {
    const started = runNpm(['start'], {});
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toContain('DISCORD_TOKEN is required to start the bot');
    expect(started.stderr()).toContain('.env.example');
  }, 60_000);

  it('WHEN VOTE_HASH_SECRET is missing THEN start-up stops with one message naming it and how to make one', async () => {
    const started = runNpm(['start'], { DISCORD_TOKEN: 'some.token.value' });
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toContain('VOTE_HASH_SECRET is required to start the bot');
    expect(started.stderr()).toContain('openssl rand -hex 32');
    expect(started.stdout() + started.stderr()).not.toContain('some.token.value');
  }, 60_000);

  it('WHEN the token is wrong THEN start-up stops with a clear message and never prints the token', async () => {
    const fake = await startFakeDiscord();
    try {
      const secret = 'not-the-right-token.abc.def';
      const started = runNpm(['start'], {
        DISCORD_TOKEN: secret,
        DISCORD_API_URL: fake.restUrl,
        VOTE_HASH_SECRET: VOTE_SECRET,
      });
      expect(await started.exited).toBe(1);
      expect(started.stderr()).toMatch(/invalid token/i);
      expect(started.stdout() + started.stderr()).not.toContain(secret);
    } finally {
      await fake.stop();
    }
  }, 60_000);
});
