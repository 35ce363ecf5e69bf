import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeUser } from '../support/fake-discord.js';
import { scratchDir, startBot, until, type RunningBot } from '../support/bot-harness.js';

type Body = {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string }[];
    components?: { components: { custom_id?: string; label?: string }[] }[];
    choices?: { name: string; value: number | string }[];
  };
};
const EPHEMERAL = 64;
const QUESTION = 'why does my therapist never talk about herself';

describe('GIVEN moderators pinning answers in a server', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let scratch: ReturnType<typeof scratchDir>;
  let env: Record<string, string>;

  beforeEach(async () => {
    scratch = scratchDir();
    env = { DATABASE_PATH: join(scratch.path, 'bot.db') };
    fake = await startFakeDiscord();
    running = await startBot(fake, env);
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
    scratch.cleanup();
  });

  /** Asks publicly and returns the id of the answer message and its pin button. */
  async function askPublicly(question: string, guildId?: string, channelId?: string) {
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question }, guildId, channelId });
    const body = (await ask.waitForAck()).body as Body;
    const pinButton = body.data?.components
      ?.flatMap((row) => row.components)
      .find((button) => button.label === '📌 Pin answer');
    return {
      body,
      messageId: fake.interaction(ask.id)?.originalMessageId ?? '',
      pinId: pinButton?.custom_id ?? '',
    };
  }

  /** Clicks the answer's 📌 button as `user` and returns what the bot finally told them. */
  async function clickPin(answer: { messageId: string; pinId: string }, user: FakeUser): Promise<string> {
    const click = fake.sendButton({ customId: answer.pinId, message: answer.messageId, user });
    const confirmation = await click.waitForResponse((record) => record.kind === 'edit');
    return (confirmation.body as { content: string }).content;
  }

  const pinRequests = () =>
    fake.requests.filter((request) => request.method === 'PUT' && request.path.includes('/pins/'));

  it('WHEN a member clicks Pin THEN they are told privately that only moderators can pin, and nothing is pinned', async () => {
    const answer = await askPublicly(QUESTION);
    const click = fake.sendButton({
      customId: answer.pinId,
      message: answer.messageId,
      user: fake.users.member,
    });
    const body = (await click.waitForAck()).body as Body;
    expect(body.data?.content).toBe('Only moderators can pin answers.');
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(pinRequests()).toEqual([]);
    const stored = running.core.pins?.listPins(fake.defaultGuild.id);
    expect(stored?.ok && stored.value).toEqual([]);
  });

  it('WHEN a moderator pins THEN the message is pinned, the pin survives a restart and wins for the same and reworded questions, only in that server', async () => {
    const answer = await askPublicly(QUESTION);
    expect(await clickPin(answer, fake.users.moderator)).toMatch(/^📌 Pinned\./);
    expect(pinRequests().map((request) => request.path)).toEqual([
      `/channels/${fake.defaultChannel.id}/messages/pins/${answer.messageId}`,
    ]);
    const stored = running.core.pins?.listPins(fake.defaultGuild.id);
    expect(stored?.ok && stored.value.map(({ pin }) => [pin.question, pin.pinnedBy, pin.sectionId])).toEqual([
      [QUESTION, fake.users.moderator.id, 'the-client-therapist-dynamic'],
    ]);

    // Pinning twice stores one pin.
    expect(await clickPin(answer, fake.users.moderator)).toMatch(/already pinned/);

    await running.stop();
    running = await startBot(fake, env);

    for (const question of [
      QUESTION,
      'Why does my therapist never talk about herself?',
      'why does my therapsit never talk about herself',
    ]) {
      const { body } = await askPublicly(question);
      expect(body.data?.embeds?.[0]?.description, question).toMatch(/^📌 \*\*Pinned by moderators\*\*/);
    }

    const other = fake.addGuild({ name: 'Other server', channels: [{ name: 'general' }] });
    const otherChannel = other.channels.find((channel) => channel.type === 0)?.id;
    await until(() => running.bot.client.guilds.cache.has(other.id), 'the second server to arrive');
    const elsewhere = await askPublicly(QUESTION, other.id, otherChannel);
    expect(elsewhere.body.data?.embeds?.[0]?.description).not.toContain('Pinned by moderators');
  });

  it('WHEN two moderators click Pin at the same moment THEN one pin is stored and both are told it is pinned', async () => {
    const second = fake.addMember(fake.defaultGuild.id, { roles: [fake.moderatorRole.id] });
    const answer = await askPublicly(QUESTION);
    const texts = await Promise.all([fake.users.moderator, second].map((user) => clickPin(answer, user)));
    expect(texts.filter((text) => /^📌 Pinned\./.test(text))).toHaveLength(1);
    expect(texts.filter((text) => /already pinned/.test(text))).toHaveLength(1);
    const stored = running.core.pins?.listPins(fake.defaultGuild.id);
    expect(stored?.ok && stored.value).toHaveLength(1);
  });

  it('WHEN moderators curate with /pins add, list and remove THEN pins appear, are listed and go away', async () => {
    const add = fake.sendSlashCommand({
      name: 'pins',
      subcommand: 'add',
      options: {
        question: 'can i give my therapist a gift',
        section: 'therapist-wellbeing:boundaries-and-professional-norms',
      },
      user: fake.users.moderator,
    });
    expect(((await add.waitForAck()).body as Body).data?.content).toMatch(/Pinned: questions like/);

    const pinned = await askPublicly('Can I give my therapist a gift?');
    expect(pinned.body.data?.embeds?.[0]?.title).toBe('Boundaries and Professional Norms');
    expect(pinned.body.data?.embeds?.[0]?.description).toMatch(/Pinned by moderators/);

    const list = fake.sendSlashCommand({ name: 'pins', subcommand: 'list', user: fake.users.moderator });
    const listed = ((await list.waitForAck()).body as Body).data;
    expect(listed?.embeds?.[0]?.description).toMatch(
      /\*\*#1\*\* “can i give my therapist a gift” → Boundaries/,
    );
    expect((listed?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

    const typing = fake.sendAutocomplete({
      name: 'pins',
      subcommand: 'remove',
      options: [{ name: 'pin', type: 4, value: 'gift', focused: true }],
      user: fake.users.moderator,
    });
    expect(((await typing.waitForAck()).body as Body).data?.choices).toEqual([
      { name: '#1 can i give my therapist a gift', value: 1 },
    ]);

    const remove = fake.sendSlashCommand({
      name: 'pins',
      subcommand: 'remove',
      options: { pin: 1 },
      user: fake.users.moderator,
    });
    expect(((await remove.waitForAck()).body as Body).data?.content).toMatch(/^Removed pinned answer #1/);
    const after = await askPublicly('Can I give my therapist a gift?');
    expect(after.body.data?.embeds?.[0]?.description ?? '').not.toMatch(/Pinned by moderators/);
  });

  it('WHEN a member runs /pins THEN it is refused at run time too', async () => {
    const list = fake.sendSlashCommand({ name: 'pins', subcommand: 'list', user: fake.users.member });
    expect(((await list.waitForAck()).body as Body).data?.content).toBe(
      'Only moderators can manage pinned answers.',
    );
  });

  it('WHEN the channel is at its pin limit THEN the pin is still stored and the moderator is told why', async () => {
    fake.configureChannel(fake.defaultChannel.id, { pinError: 'max-pins' });
    const answer = await askPublicly(QUESTION);
    expect(await clickPin(answer, fake.users.moderator)).toMatch(/limit of 250 pinned messages/);
    const stored = running.core.pins?.listPins(fake.defaultGuild.id);
    expect(stored?.ok && stored.value.length).toBe(1);
  });
});
