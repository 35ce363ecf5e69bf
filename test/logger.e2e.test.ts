import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './support/fake-discord.js';
import { startBot, until, type RunningBot } from './support/bot-harness.js';

/**
 * Finding 1 of the hardening issue: when Discord refuses a reply, the log must not get the interaction
 * token (in the URL) or the member's question (in the request body), with message logging off.
 */
describe('GIVEN Discord refuses what the bot sends', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  const logLines: string[] = [];
  const log = (): string => logLines.join('\n');
  const errorLines = (): Record<string, unknown>[] =>
    logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['err'] !== undefined);

  beforeEach(async () => {
    logLines.length = 0;
    fake = await startFakeDiscord();
    running = await startBot(fake, { LOG_LEVEL: 'debug' }, { logLines });
  });
  afterEach(async () => {
    await running.stop();
    await fake.stop();
  });

  it('WHEN the reply to /ask fails THEN the log has the status and a route without the token, and neither the token nor the question', async () => {
    const question = 'why is my therapist so private zebracorn';
    fake.failNext({
      method: 'POST',
      path: /\/callback$/,
      status: 400,
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          data: {
            embeds: {
              0: { author: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'x' }] } } },
            },
          },
        },
      },
    });
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question } });
    await ask.waitForResponse((record) => record.status !== undefined && record.status < 300);
    await until(() => errorLines().length > 0, 'the failure to be logged');

    // The failed request really carried both secrets: the test would catch a leak.
    const failed = fake.requests.find((request) => request.injected);
    expect(failed?.path).toContain(ask.token);
    expect(JSON.stringify(failed?.body)).toContain('zebracorn');

    expect(log()).not.toContain(ask.token);
    expect(log()).not.toContain('zebracorn');
    expect(log()).not.toContain(fake.token);
    const err = errorLines()[0]?.['err'] as Record<string, unknown>;
    expect(err).toMatchObject({ status: 400, code: 50035, method: 'POST' });
    expect(err['route']).toBe(`/api/v10/interactions/${ask.id}/:token/callback`);
    expect(err['fields']).toEqual(['data.embeds.0.author.name: BASE_TYPE_BAD_LENGTH']);
    expect(err).not.toHaveProperty('requestBody');
    expect(err).not.toHaveProperty('url');
  });

  it('WHEN a reply in the channel fails after retries THEN the log has the route and status but not the question', async () => {
    fake.failNext({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 500, times: 4 });
    fake.sendMessage({
      content: 'my therapist zebracorn has been sick lately, what happens?',
      mentionsBot: true,
    });
    await until(() => errorLines().length > 0, 'the failure to be logged', 10_000);

    const failed = fake.requests.find((request) => request.injected);
    expect(JSON.stringify(failed?.body)).toContain('zebracorn');
    expect(log()).not.toContain('zebracorn');
    expect(log()).not.toContain(fake.token);
    const err = errorLines()[0]?.['err'] as Record<string, unknown>;
    expect(err).toMatchObject({
      status: 500,
      method: 'POST',
      route: `/api/v10/channels/${fake.defaultChannel.id}/messages`,
    });
    expect(err).not.toHaveProperty('requestBody');
  });
});
