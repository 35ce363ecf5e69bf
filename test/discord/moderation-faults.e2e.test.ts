import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeUser } from '../support/fake-discord.js';
import { scratchDir, startBot, until } from '../support/bot-harness.js';
import { runNode } from '../support/processes.js';

type Body = {
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string }[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
};
const EPHEMERAL = 64;
const QUESTION = 'crush on my therapist';

const helpfulButton = (body: Body | undefined) =>
  body?.components?.flatMap((row) => row.components).find((button) => button.label === '👍 Helpful')
    ?.custom_id ?? '';

describe('GIVEN the database is locked by another writer', () => {
  let fake: FakeDiscord;
  let scratch: ReturnType<typeof scratchDir>;
  beforeEach(async () => {
    fake = await startFakeDiscord();
    scratch = scratchDir();
  });
  afterEach(async () => {
    await fake.stop();
    scratch.cleanup();
  });

  it('WHEN a member asks and votes THEN the answer goes out, the vote gets a private "could not record", and a later vote counts', async () => {
    const dbPath = join(scratch.path, 'bot.db');
    const running = await startBot(fake, { DATABASE_PATH: dbPath });
    const locker = new Database(dbPath);
    try {
      locker.exec('BEGIN IMMEDIATE');
      const ask = fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
      const answer = (await ask.waitForAck()).body as { data?: Body };
      expect(answer.data?.embeds?.[0]?.title).toBe('Handling Unwanted Attention');
      const messageId = fake.interaction(ask.id)?.originalMessageId ?? '';

      const vote = fake.sendButton({ customId: helpfulButton(answer.data), message: messageId });
      const refused = ((await vote.waitForAck()).body as { data?: Body }).data;
      expect(refused?.content).toMatch(/could not record your vote/);
      expect((refused?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

      locker.exec('ROLLBACK');
      const again = fake.sendButton({ customId: helpfulButton(answer.data), message: messageId });
      const counted = ((await again.waitForAck()).body as { data?: Body }).data;
      expect(counted?.content).toMatch(/you marked this answer as helpful/);
    } finally {
      locker.close();
      await running.stop();
    }
  });
});

describe('GIVEN a burst of votes', () => {
  it('WHEN the bot is killed with SIGKILL in the middle THEN every acknowledged vote is in the database', async () => {
    const fake = await startFakeDiscord({ ackDeadlineMs: 60_000 });
    const scratch = scratchDir();
    const dbPath = join(scratch.path, 'bot.db');
    const bot = runNode(['--import', 'tsx', 'src/index.ts'], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.restUrl,
      DATABASE_PATH: dbPath,
      VOTE_HASH_SECRET: 'sigkill-test-vote-secret-0123456789abcdef',
    });
    try {
      await until(() => bot.stdout().includes('connected to Discord'), 'ready', 30_000);
      const ask = fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
      const answer = ((await ask.waitForAck(30_000)).body as { data?: Body }).data;
      const messageId = fake.interaction(ask.id)?.originalMessageId ?? '';
      const voters: FakeUser[] = Array.from({ length: 60 }, () => fake.addMember(fake.defaultGuild.id));
      const clicks = voters.map((user) =>
        fake.sendButton({ customId: helpfulButton(answer), message: messageId, user }),
      );
      // Kill once some votes are acknowledged and others are still on their way.
      await until(
        () => clicks.filter((click) => click.responses().some((r) => r.status < 300)).length >= 10,
        'some acks',
        30_000,
      );
      bot.child.kill('SIGKILL');
      await bot.exited;
      const acknowledged = clicks.filter((click) =>
        click.responses().some((record) => record.kind === 'callback' && record.status < 300),
      ).length;
      const db = new Database(dbPath, { readonly: true });
      const stored = (db.prepare('SELECT COUNT(*) AS n FROM votes').get() as { n: number }).n;
      db.close();
      expect(acknowledged).toBeGreaterThanOrEqual(10);
      expect(stored).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.stop();
      scratch.cleanup();
    }
  }, 90_000);
});
