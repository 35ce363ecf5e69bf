import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { scratchDir, startBot, until, type RunningBot } from '../support/bot-harness.js';

type Body = {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string; author?: { name: string } }[];
    components?: { components: { custom_id?: string; label?: string }[] }[];
  };
};
const EPHEMERAL = 64;
const CRISIS_TITLE = 'You deserve support right now';

describe('GIVEN a person in crisis writes to the bot', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  const logLines: string[] = [];

  beforeEach(async () => {
    logLines.length = 0;
    fake = await startFakeDiscord();
    running = await startBot(fake, { LOG_LEVEL: 'debug', LOG_MESSAGE_CONTENT: 'true' }, { logLines });
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
  });

  it('WHEN they use /ask, even publicly, THEN they get the crisis resources privately and no article text', async () => {
    const message = 'honestly i just want to die, nothing matters anymore';
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question: message, private: false } });
    const body = (await ask.waitForAck()).body as Body;
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toBe(CRISIS_TITLE);
    expect(embed?.description).toContain('988');
    expect(embed?.description).toContain('116 123');
    expect(embed?.description).toContain('findahelpline.com');
    expect(embed?.description).toMatch(/therapist/);
    expect(body.data?.components ?? []).toEqual([]);
    // Even with message logging switched on, a crisis message's words never reach the log.
    expect(logLines.join('\n')).not.toContain('want to die');
  });

  it('WHEN they mention the bot THEN the public reply has the resources and does not repeat their words', async () => {
    const sent = fake.sendMessage({ content: 'i think about killing myself every night', mentionsBot: true });
    const reply = (await sent.waitForReply()) as {
      content: string;
      embeds: { title: string; description: string; author?: unknown }[];
    };
    expect(reply.embeds[0]?.title).toBe(CRISIS_TITLE);
    expect(reply.embeds[0]?.description).toContain('988');
    const sentBody = fake.requests.find(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/messages'),
    )?.body;
    expect(JSON.stringify(sentBody)).not.toContain('killing');
    expect(reply.embeds[0]?.author).toBeUndefined();
    expect(logLines.join('\n')).not.toContain('killing myself');
  });

  it('WHEN they write about a friend in danger THEN they privately get how to help, with the same resources', async () => {
    const message = 'my best friend said she wants to kill herself tonight, what do i do';
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question: message } });
    const body = (await ask.waitForAck()).body as Body;
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const embed = body.data?.embeds?.[0];
    expect(embed?.description).toMatch(/someone you care about/);
    expect(embed?.description).toContain('988');
    expect(JSON.stringify(body)).not.toContain('kill herself');
    expect(logLines.join('\n')).not.toContain('kill herself');
  });

  it('WHEN their question shows distress without danger THEN they get the answer and one calm support line', async () => {
    const message = "i've been so depressed lately, is it ok to ask my therapist how she's doing?";
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question: message } });
    const body = (await ask.waitForAck()).body as Body;
    expect(body.data?.content).toMatch(/^💙 .*988/);
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).not.toBe(CRISIS_TITLE);
    expect(embed?.description).toMatch(/therapist/i);
    // A message that raised a tier is never logged with its words, even with message logging on.
    await until(() => logLines.some((line) => line.includes('"safety":"concern"')), 'the answered log line');
    expect(logLines.join('\n')).not.toContain('depressed');
  });

  it('WHEN someone uses an idiom THEN they get an ordinary answer', async () => {
    const ask = fake.sendSlashCommand({
      name: 'ask',
      options: { question: "i'm dying to know if i can ask my therapist how she's doing" },
    });
    const embed = ((await ask.waitForAck()).body as Body).data?.embeds?.[0];
    expect(embed?.title).not.toBe(CRISIS_TITLE);
  });
});

describe('GIVEN Discord or the disk misbehaving', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let scratch: ReturnType<typeof scratchDir>;
  let databasePath: string;

  beforeEach(async () => {
    scratch = scratchDir();
    databasePath = join(scratch.path, 'bot.db');
    fake = await startFakeDiscord();
    running = await startBot(fake, { DATABASE_PATH: databasePath, HEALTH_PORT: '0' });
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
    scratch.cleanup();
  });

  const askTitle = async (question: string) => {
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question } });
    return ((await ask.waitForAck()).body as Body).data?.embeds?.[0]?.title;
  };

  it('WHEN the gateway connection drops THEN the bot resumes and keeps answering', async () => {
    fake.dropConnection();
    await fake.waitForResume(10_000);
    await until(() => running.bot.isConnected(), 'the resumed session');
    expect(await askTitle('crush on my therapist')).toBe('Handling Unwanted Attention');
  });

  it('WHEN Discord asks the bot to reconnect (op 7) THEN it resumes and keeps answering', async () => {
    fake.sendReconnect();
    await fake.waitForResume(10_000);
    await until(() => running.bot.isConnected(), 'the resumed session');
    expect(await askTitle('what happens if my therapist is sick')).toBe('Patient-Centered Focus');
  });

  it('WHEN Discord answers 429 on a reply THEN discord.js waits, retries and the answer arrives', async () => {
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.2 });
    expect(await askTitle('crush on my therapist')).toBe('Handling Unwanted Attention');
  });

  it('WHEN a mention reply gets 403 THEN the failure is logged and the bot stays up', async () => {
    fake.failNext({
      method: 'POST',
      path: /\/channels\/\d+\/messages$/,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    fake.sendMessage({ content: 'crush on my therapist', mentionsBot: true });
    await until(
      () => running.metrics.render().includes('boundary_bot_errors_total 1'),
      'the error to be counted',
    );
    expect(await askTitle('crush on my therapist')).toBe('Handling Unwanted Attention');
  });

  it('WHEN the database is locked by another process THEN answers continue and pinning says pins are unavailable', async () => {
    const blocker = new Database(databasePath);
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      const ask = fake.sendSlashCommand({
        name: 'ask',
        options: { question: 'why is my therapist so private' },
      });
      const body = (await ask.waitForAck()).body as Body;
      expect(body.data?.embeds?.[0]?.title).toBe('The Client-Therapist Dynamic');
      const pinId =
        body.data?.components?.flatMap((row) => row.components).find((b) => b.label === '📌 Pin answer')
          ?.custom_id ?? '';
      const click = fake.sendButton({
        customId: pinId,
        message: fake.interaction(ask.id)?.originalMessageId ?? '',
        user: fake.users.moderator,
      });
      const confirmation = await click.waitForResponse((record) => record.kind === 'edit');
      expect((confirmation.body as { content: string }).content).toMatch(/Pins are unavailable right now/);
      expect(await healthz(running)).toMatchObject({
        status: 503,
        body: { checks: { gateway: true, knowledge: true, store: false } },
      });
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    expect(await healthz(running)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('GIVEN 500 /ask interactions arriving at once', () => {
  it('THEN each is acknowledged exactly once within 3 seconds', async () => {
    const fake = await startFakeDiscord();
    const running = await startBot(fake, { RATE_LIMIT_QUESTIONS: '1000' });
    try {
      const questions = [
        'crush on my therapist',
        'can i ask my therapist how she is doing',
        'weather in paris',
        'what is this article about',
      ];
      const handles = Array.from({ length: 500 }, (_, index) =>
        fake.sendSlashCommand({
          name: 'ask',
          options: { question: `${questions[index % questions.length]} ${index}` },
        }),
      );
      const acks = await Promise.all(handles.map((handle) => handle.waitForAck(15_000)));
      for (const ack of acks) expect(ack.sinceDispatchMs).toBeLessThan(3000);
      for (const handle of handles) {
        expect(
          handle.responses().filter((record) => record.kind === 'callback' && record.status < 300),
        ).toHaveLength(1);
      }
    } finally {
      await running.stop();
      expect(fake.unknownRequests).toEqual([]);
      await fake.stop();
    }
  }, 60_000);
});

async function healthz(running: RunningBot): Promise<{ status: number; body: unknown }> {
  const port = running.healthPort;
  if (!port) throw new Error('health server not running');
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/healthz' }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }),
      );
    })
      .on('error', reject)
      .end();
  });
}
