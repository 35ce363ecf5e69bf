import { REST, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/commands/index.js';
import { HOW_TO_ASK } from '../../src/discord/events/direct-message.js';
import { NOTHING_TO_ANSWER } from '../../src/discord/commands/find-answer.js';
import { ALREADY_POSTED } from '../../src/discord/components/post-reply.js';
import { startFakeDiscord, type FakeDiscord, type Json } from '../support/fake-discord.js';
import { botPerTest, type RunningBot } from '../support/bot-harness.js';

type Button = { custom_id?: string; label?: string };
type Message = {
  id?: string;
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string; author?: { name: string } }[];
  components?: { components: Button[] }[];
  allowed_mentions?: { parse: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
};
type Body = { type?: number; data?: Message };

const EPHEMERAL = 64;
const CRISIS_TITLE = 'You deserve support right now';
const WELLBEING = "can i ask my therapist how she's doing?";
const labels = (message: Message | undefined): string[] =>
  (message?.components ?? []).flatMap((row) => row.components.map((button) => button.label ?? ''));
const channelRequests = (fake: FakeDiscord) =>
  fake.requests.filter((request) => request.path.startsWith('/channels/'));

/** What a member sees for one text whichever way they ask: the same embeds as /ask. */
const BAD_INPUT: readonly [string, string][] = [
  ['huge', `${'my therapist seems tired and sad, can i ask how she is doing? '.repeat(400)}`],
  ['emoji only', '🙂🙂🙏💙'],
  ['markdown only', '**__~~`>`~~__**'],
  ['another language', '¿Puedo preguntarle a mi terapeuta cómo está?'],
];

describe('GIVEN the registration payload', () => {
  const definitions = commandDefinitions() as unknown as Json[];
  const byName = new Map(definitions.map((definition) => [String(definition.name), definition]));

  it('THEN /ask, /article, /help and "Find answer" install to servers and members and work in servers, the bot DM and group DMs', () => {
    for (const name of ['ask', 'article', 'help', 'Find answer']) {
      expect(byName.get(name)?.integration_types, name).toEqual([0, 1]);
      expect(byName.get(name)?.contexts, name).toEqual([0, 1, 2]);
    }
    expect(byName.get('Find answer')?.type).toBe(3);
  });

  it('THEN every moderator command is for a server install, in its server only', () => {
    const moderatorCommands = definitions.filter((definition) => definition.default_member_permissions);
    expect(moderatorCommands.map((definition) => definition.name)).toContain('pins');
    for (const definition of moderatorCommands) {
      expect(definition.integration_types, String(definition.name)).toEqual([0]);
      expect(definition.contexts, String(definition.name)).toEqual([0]);
    }
  });

  it('WHEN bulk-registered globally THEN Discord (the fake) accepts every command as sent', async () => {
    const fake = await startFakeDiscord();
    try {
      const rest = new REST({ api: fake.restUrl }).setToken(fake.token);
      await rest.put(Routes.applicationCommands(fake.applicationId), { body: definitions });
      expect(fake.globalCommands.map((command) => command.name)).toEqual(
        definitions.map((definition) => definition.name),
      );
      expect(fake.globalCommands.find((command) => command.name === 'ask')?.contexts).toEqual([0, 1, 2]);
      expect(fake.unknownRequests).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});

describe('GIVEN the bot reachable outside its servers', () => {
  let fake: FakeDiscord;
  let running: RunningBot;

  botPerTest((started) => ({ fake, running } = started));

  describe('WHEN a member writes to the bot in a DM', () => {
    it('THEN a plain message is a question and its answer comes back in the DM, mentions off, without a pin button', async () => {
      const sent = fake.sendMessage({ content: WELLBEING, guildId: null });
      const reply = (await sent.waitForReply()) as Message & { channel_id: string };
      expect(reply.channel_id).toBe(sent.channelId);
      expect(reply.embeds?.[0]?.title).toBe('Initial Well-being Inquiry');
      expect(reply.embeds?.[0]?.description).toContain('General information, not professional advice.');
      expect(labels(reply)).toContain('Read the whole article');
      expect(labels(reply)).not.toContain('📌 Pin answer');
      const request = fake.requests.find(
        (entry) => entry.method === 'POST' && entry.path.endsWith('/messages'),
      );
      expect((request?.body as Message).allowed_mentions).toEqual({ parse: [], replied_user: false });
    });

    it('THEN an empty or attachment-only message gets a short note on how to ask', async () => {
      const sent = fake.sendMessage({
        content: '',
        guildId: null,
        attachments: [{ filename: 'screenshot.png' }],
      });
      const reply = (await sent.waitForReply()) as Message;
      expect(reply.content).toBe(HOW_TO_ASK);
      expect(reply.embeds).toEqual([]);
    });

    it('THEN a crisis message gets the full crisis resources and never its own words back', async () => {
      const sent = fake.sendMessage({ content: 'i want to end my life tonight', guildId: null });
      const reply = (await sent.waitForReply()) as Message;
      expect(reply.embeds?.[0]?.title).toBe(CRISIS_TITLE);
      expect(reply.embeds?.[0]?.description).toContain('findahelpline.com');
      expect(reply.embeds?.[0]?.description).toContain('tell');
      const sentBody = fake.requests.find(
        (entry) => entry.method === 'POST' && entry.path.endsWith('/messages'),
      )?.body;
      expect(JSON.stringify(sentBody)).not.toContain('end my life');
      expect(reply.components ?? []).toEqual([]);
    });

    it('THEN the per-user rate limit holds in DMs too, and a crisis still gets support', async () => {
      for (let index = 0; index < 5; index++) {
        await fake.sendMessage({ content: `crush on my therapist ${index}`, guildId: null }).waitForReply();
      }
      const sixth = (await fake
        .sendMessage({ content: 'crush on my therapist again', guildId: null })
        .waitForReply()) as Message;
      expect(sixth.content).toMatch(/wait \d+s/);
      const crisis = (await fake
        .sendMessage({ content: 'i want to end my life', guildId: null })
        .waitForReply()) as Message;
      expect(crisis.embeds?.[0]?.title).toBe(CRISIS_TITLE);
    });

    it.each(BAD_INPUT)('THEN %s input gets the same answer as /ask', async (_kind, text) => {
      const dm = (await fake.sendMessage({ content: text, guildId: null }).waitForReply()) as Message;
      const ask = fake.sendSlashCommand({ name: 'ask', options: { question: text, private: true } });
      const asked = ((await ask.waitForAck()).body as Body).data;
      expect(dm.embeds).toEqual(asked?.embeds);
      expect(dm.content ?? '').toBe(asked?.content ?? '');
    });
  });

  describe('WHEN a member who installed the app uses it where the bot is not', () => {
    it('THEN /ask in the DM with the bot answers without a pin button and touches no channel', async () => {
      const ask = fake.sendSlashCommand({ name: 'ask', guildId: null, options: { question: WELLBEING } });
      const body = (await ask.waitForAck()).body as Body;
      expect(ask.payload.context).toBe(1);
      expect(ask.payload.user).toBeDefined();
      expect(body.data?.embeds?.[0]?.title).toBe('Initial Well-being Inquiry');
      expect(labels(body.data)).not.toContain('📌 Pin answer');
      expect(channelRequests(fake)).toEqual([]);
    });

    it('THEN /ask in a server without the bot ignores that server’s pins, offers no pin and reads no channel', async () => {
      const elsewhere = fake.addGuild({ name: 'Other server', botMember: false });
      const channelId = elsewhere.channels[0]?.id ?? '';
      const pins = running.core.pins;
      const section = running.core.engine.knowledge.articles[0]?.sections.find(
        (entry) => entry.heading === 'Handling Unwanted Attention',
      );
      const stored = pins?.pinAnswer({
        guildId: elsewhere.id,
        question: WELLBEING,
        articleId: section?.articleId ?? '',
        paragraphId: section?.paragraphs[0]?.id ?? '',
        pinnedBy: fake.users.moderator.id,
        messageUrl: null,
      });
      expect(stored?.ok).toBe(true);

      const ask = fake.sendSlashCommand({ name: 'ask', channelId, options: { question: WELLBEING } });
      const body = (await ask.waitForAck()).body as Body;
      expect(ask.payload.authorizing_integration_owners).toEqual({ '1': fake.users.member.id });
      expect(body.data?.embeds?.[0]?.title).toBe('Initial Well-being Inquiry');
      expect(body.data?.embeds?.[0]?.description).not.toContain('Pinned by moderators');
      expect(labels(body.data)).not.toContain('📌 Pin answer');
      expect(channelRequests(fake)).toEqual([]);
    });

    it('THEN /ask and /article work in a group DM', async () => {
      const group = fake.addGroupDm([fake.users.member, fake.users.owner]);
      const ask = fake.sendSlashCommand({
        name: 'ask',
        guildId: null,
        channelId: group.id,
        options: { question: 'crush on my counselor' },
      });
      const asked = (await ask.waitForAck()).body as Body;
      expect(ask.payload.context).toBe(2);
      expect(asked.data?.embeds?.[0]?.title).toBe('Handling Unwanted Attention');
      const article = fake.sendSlashCommand({ name: 'article', guildId: null, channelId: group.id });
      const page = (await article.waitForAck()).body as Body;
      expect(page.data?.embeds?.length).toBeGreaterThan(0);
      expect(channelRequests(fake)).toEqual([]);
    });

    it('THEN a crisis in /ask outside a server gets the resources privately', async () => {
      const ask = fake.sendSlashCommand({
        name: 'ask',
        guildId: null,
        options: { question: 'i want to end my life', private: false },
      });
      const body = (await ask.waitForAck()).body as Body;
      expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(body.data?.embeds?.[0]?.title).toBe(CRISIS_TITLE);
    });
  });

  describe('WHEN "Find answer" is used on a message', () => {
    it('THEN the invoker privately gets the answer and Post as reply posts it under the message, mentions off', async () => {
      const question = fake.sendMessage({ content: WELLBEING, author: fake.users.owner, mentionsBot: false });
      const find = fake.sendMessageCommand({
        name: 'Find answer',
        message: question.id,
        user: fake.users.moderator,
      });
      const shown = ((await find.waitForAck()).body as Body).data;
      expect((shown?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(shown?.embeds?.[0]?.title).toBe('Initial Well-being Inquiry');
      expect(labels(shown)).toEqual(expect.arrayContaining(['📌 Pin answer', 'Post as reply']));

      const post = shown?.components
        ?.flatMap((row) => row.components)
        .find((b) => b.label === 'Post as reply');
      const privateMessage = fake.interaction(find.id)?.originalMessageId ?? '';
      const click = fake.sendButton({
        customId: post?.custom_id ?? '',
        message: privateMessage,
        user: fake.users.moderator,
      });
      const reply = (await question.waitForReply()) as Message;
      expect(reply.embeds).toEqual(shown?.embeds);
      expect(labels(reply)).not.toContain('Post as reply');
      const request = fake.requests.find(
        (entry) => entry.method === 'POST' && entry.path.endsWith('/messages'),
      );
      expect((request?.body as Message).allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect((fake.message(reply.id ?? '') as Message & { mentions: unknown[] }).mentions).toEqual([]);
      // The private answer loses its button, so the answer is not posted twice.
      await click.waitForResponse((response) => response.kind === 'edit');
      expect(labels(fake.message(privateMessage) as Message)).not.toContain('Post as reply');
    });

    it('THEN two quick clicks on Post as reply post the answer once, and the second click is told so', async () => {
      const question = fake.sendMessage({ content: WELLBEING, author: fake.users.owner, mentionsBot: false });
      const find = fake.sendMessageCommand({ name: 'Find answer', message: question.id });
      const shown = ((await find.waitForAck()).body as Body).data;
      const post = shown?.components
        ?.flatMap((row) => row.components)
        .find((b) => b.label === 'Post as reply');
      const privateMessage = fake.interaction(find.id)?.originalMessageId ?? '';
      const clicks = [1, 2].map(() =>
        fake.sendButton({ customId: post?.custom_id ?? '', message: privateMessage }),
      );
      const acks = await Promise.all(clicks.map((click) => click.waitForAck()));
      await clicks[0]?.waitForResponse((response) => response.kind === 'edit');
      const posted = fake.requests.filter(
        (entry) =>
          entry.method === 'POST' &&
          entry.path === `/channels/${String(question.message.channel_id)}/messages`,
      );
      expect(posted).toHaveLength(1);
      expect((acks[1]?.body as Body).data?.content).toBe(ALREADY_POSTED);
      expect(((acks[1]?.body as Body).data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    });

    it('THEN a message without text gets a private "nothing to answer"', async () => {
      const image = fake.sendMessage({ content: '', attachments: [{ filename: 'cat.png' }] });
      const find = fake.sendMessageCommand({ name: 'Find answer', message: image.id });
      const body = (await find.waitForAck()).body as Body;
      expect(body.data?.content).toBe(NOTHING_TO_ANSWER);
      expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    });

    it('THEN on someone else’s crisis the invoker privately gets how to reach out, with nothing to post', async () => {
      const words = 'i want to end my life tonight';
      const message = fake.sendMessage({ content: words, author: fake.users.owner });
      const find = fake.sendMessageCommand({
        name: 'Find answer',
        message: message.id,
        user: fake.users.moderator,
      });
      const body = (await find.waitForAck()).body as Body;
      expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(body.data?.embeds?.[0]?.title).toBe(CRISIS_TITLE);
      expect(body.data?.embeds?.[0]?.description).toContain('reach out to them');
      expect(body.data?.components ?? []).toEqual([]);
      expect(JSON.stringify(body)).not.toContain('end my life');

      // On their own message, the writer gets the resources meant for them.
      const own = fake.sendMessageCommand({
        name: 'Find answer',
        message: message.id,
        user: fake.users.owner,
      });
      const ownBody = (await own.waitForAck()).body as Body;
      expect(ownBody.data?.embeds?.[0]?.description).not.toContain('reach out to them');
      expect(ownBody.data?.embeds?.[0]?.description).toContain('988');
    });

    it('THEN in a group DM the answer has no pin button and Post as reply answers publicly, linking the message', async () => {
      const group = fake.addGroupDm([fake.users.member, fake.users.owner]);
      const message = fake.sendMessage({
        content: 'crush on my counselor',
        guildId: null,
        channelId: group.id,
        author: fake.users.owner,
      });
      const find = fake.sendMessageCommand({ name: 'Find answer', message: message.id });
      const shown = ((await find.waitForAck()).body as Body).data;
      expect(find.payload.context).toBe(2);
      expect(labels(shown)).not.toContain('📌 Pin answer');
      const post = shown?.components
        ?.flatMap((row) => row.components)
        .find((b) => b.label === 'Post as reply');
      const click = fake.sendButton({
        customId: post?.custom_id ?? '',
        message: fake.interaction(find.id)?.originalMessageId ?? '',
        guildId: null,
      });
      const posted = ((await click.waitForAck()).body as Body).data;
      expect((posted?.flags ?? 0) & EPHEMERAL).toBe(0);
      expect(posted?.content).toContain(message.id);
      expect(posted?.embeds).toEqual(shown?.embeds);
      expect(channelRequests(fake)).toEqual([]);
    });

    it.each(BAD_INPUT)('THEN %s input gets the same answer as /ask', async (_kind, text) => {
      const message = fake.sendMessage({ content: text, author: fake.users.owner });
      const find = fake.sendMessageCommand({ name: 'Find answer', message: message.id });
      const found = ((await find.waitForAck()).body as Body).data;
      const ask = fake.sendSlashCommand({ name: 'ask', options: { question: text, private: true } });
      const asked = ((await ask.waitForAck()).body as Body).data;
      expect(found?.embeds).toEqual(asked?.embeds);
    });
  });
});
