import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { startBot, type RunningBot } from '../support/bot-harness.js';

/** What the bot posted in the default channel. */
type Posted = { content?: string; embeds?: { title?: string; description?: string }[] };

describe('GIVEN one member floods the channel with mentions', () => {
  let fake: FakeDiscord;
  let running: RunningBot;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    running = await startBot(fake, { RATE_LIMIT_QUESTIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
  });

  const posted = (): Posted[] => fake.messagesIn(fake.defaultChannel.id) as Posted[];
  /** Another member's question, answered: everything sent before it has been handled. */
  async function settle(): Promise<void> {
    const probe = fake.sendMessage({
      content: 'why is my therapist so private',
      mentionsBot: true,
      author: fake.users.owner,
    });
    await probe.waitForReply();
  }

  it('WHEN 12 questions come at once THEN 3 are answered, one "slow down" is said, and the other 8 get nothing', async () => {
    for (let index = 0; index < 12; index++) {
      fake.sendMessage({ content: `crush on my therapist number ${index}`, mentionsBot: true });
    }
    await settle();
    const replies = posted();
    const slowDowns = replies.filter((reply) => /wait \d+s|slow down/i.test(JSON.stringify(reply)));
    expect(slowDowns).toHaveLength(1);
    // 3 answers (or "answered a moment ago" pointers) + 1 slow down + the other member's answer.
    expect(replies).toHaveLength(5);
  });

  it('WHEN the same member posts crisis messages again and again THEN the channel gets the resources once a minute, not each time', async () => {
    const messages = [
      'i want to kill myself',
      'i really want to die tonight',
      'i am going to end my life',
      'i want to kill myself so much',
      'i am going to kill myself tonight',
    ];
    const first = fake.sendMessage({ content: messages[0] ?? '', mentionsBot: true });
    await first.waitForReply();
    for (const content of messages.slice(1)) fake.sendMessage({ content, mentionsBot: true });
    await settle();
    const crisisReplies = posted().filter((reply) => reply.embeds?.[0]?.description?.includes('988'));
    expect(crisisReplies).toHaveLength(1);

    // Someone else in crisis in the same channel is not held back by the first member's quiet minute.
    const other = fake.sendMessage({
      content: 'i want to kill myself',
      mentionsBot: true,
      author: fake.users.moderator,
    });
    expect(JSON.stringify(await other.waitForReply())).toContain('988');
  });

  it('WHEN a member in crisis uses /ask repeatedly THEN every private crisis reply is sent', async () => {
    for (let index = 0; index < 6; index++) {
      const ask = fake.sendSlashCommand({ name: 'ask', options: { question: 'i want to kill myself' } });
      expect(JSON.stringify((await ask.waitForAck()).body)).toContain('988');
    }
  });
});
