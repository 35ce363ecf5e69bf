import { LimitedCollection } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_LIMITS } from '../../src/discord/bot.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { startBot, type RunningBot } from '../support/bot-harness.js';

describe('GIVEN the bot has been asked by many members', () => {
  let fake: FakeDiscord;
  let running: RunningBot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    running = await startBot(fake, { RATE_LIMIT_QUESTIONS: '1000' });
  });
  afterAll(async () => {
    await running.stop();
    await fake.stop();
  });

  it('THEN users, members and messages are held in caches with a fixed maximum, the bot itself kept', async () => {
    const client = running.bot.client;
    for (let index = 0; index < 30; index++) {
      const user = fake.addUser({ username: `asker-${index}` });
      await fake
        .sendSlashCommand({ name: 'ask', options: { question: 'crush on my therapist' }, user })
        .waitForAck();
    }
    const users = client.users.cache;
    expect(users).toBeInstanceOf(LimitedCollection);
    expect((users as LimitedCollection<string, unknown>).maxSize).toBe(CACHE_LIMITS.users);
    const members = client.guilds.cache.get(fake.defaultGuild.id)?.members.cache;
    expect((members as LimitedCollection<string, unknown>).maxSize).toBe(CACHE_LIMITS.membersPerGuild);
    expect(users.size).toBeGreaterThan(30);
    expect(users.has(client.user?.id ?? '')).toBe(true);
    expect(client.options.sweepers?.users?.interval).toBeGreaterThan(0);
  });
});
