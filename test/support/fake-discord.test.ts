import { once } from 'node:events';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord, type FakeDiscord, type Json } from './fake-discord.js';
import { snowflakeTimestamp } from './fake-snowflake.js';

let fake: FakeDiscord;
const clients: Client[] = [];

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await fake.stop();
});

function newClient(intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]): Client {
  const client = new Client({ intents, rest: { api: fake.restUrl } });
  clients.push(client);
  return client;
}

async function readyClient(intents?: GatewayIntentBits[]): Promise<Client> {
  const client = newClient(intents);
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client;
}

/** Resolves with what `handler` returns for the next interaction (or rejects with what it throws). */
function onNextInteraction<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

function callbackUrl(id: string, token: string): string {
  return `${fake.restUrl}/v10/interactions/${id}/${token}/callback`;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe('fake Discord with the real discord.js client', () => {
  it('GIVEN the right token THEN login reaches clientReady quickly with the guild and channel cached', async () => {
    const started = Date.now();
    const client = await readyClient();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.defaultGuild.id);
    expect(guild?.name).toBe(fake.defaultGuild.name);
    expect(guild?.members.me?.id).toBe(fake.botUser.id);
    expect(client.channels.cache.get(fake.defaultChannel.id)?.isTextBased()).toBe(true);
    const identify = await fake.waitForIdentify();
    expect(identify.detail?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(fake.gatewayLog.find((e) => e.type === 'connect')?.detail?.query).toEqual({
      v: '10',
      encoding: 'json',
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
    expect(fake.unknownRequests).toEqual([]);
    expect(fake.protocolErrors).toEqual([]);
  });

  it('GIVEN a wrong token THEN login rejects (401 on gateway/bot) and IDENTIFY is closed with 4004', async () => {
    await expect(newClient().login('not-the-token')).rejects.toThrow();
    expect(fake.requests[0]?.status).toBe(401);
    expect(fake.requests[0]?.headers.authorization).toBe('[redacted]');

    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const hello = (await once(ws, 'message')) as [Buffer];
    expect(JSON.parse(hello[0].toString()).op).toBe(10);
    ws.send(
      JSON.stringify({
        op: 2,
        d: { token: 'wrong', intents: 1, properties: { os: 'linux', browser: 'x', device: 'x' } },
      }),
    );
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('GIVEN a slash command THEN interactionCreate fires and reply() is recorded as a type 4 callback', async () => {
    const client = await readyClient();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = interaction as ChatInputCommandInteraction;
      expect(i.isChatInputCommand()).toBe(true);
      expect(i.options.getString('question')).toBe('Can I ask how my therapist is?');
      expect(i.options.getBoolean('public')).toBe(true);
      expect(i.createdTimestamp).toBe(snowflakeTimestamp(i.id));
      expect(i.memberPermissions?.has('ManageMessages')).toBe(false);
      await i.reply({ content: 'An answer', allowedMentions: { parse: [] } });
    });
    const cmd = fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'Can I ask how my therapist is?', public: true },
    });
    await handled;
    const ack = await cmd.waitForAck();
    expect(ack.callbackType).toBe(4);
    expect(ack.body).toMatchObject({
      type: 4,
      data: { content: 'An answer', allowed_mentions: { parse: [] } },
    });
    expect(ack.sinceDispatchMs).toBeLessThan(3_000);
    const request = await fake.waitForRequest((r) => r.path.endsWith('/callback'));
    expect(request.query).toEqual({ with_response: 'false' });
    expect(request.status).toBe(204);
    const [message] = fake.messagesIn(fake.defaultChannel.id);
    expect(message).toMatchObject({ content: 'An answer', type: 20, author: { id: fake.botUser.id } });
    expect(message?.interaction_metadata).toMatchObject({ id: cmd.id, name: 'ask' });
    expect(fake.ackLatencies()).toHaveLength(1);
    expect(fake.unknownRequests).toEqual([]);
  });

  it('GIVEN an acknowledged interaction THEN a second ack gets 40060 and an unknown one 10062', async () => {
    const client = await readyClient();
    const handled = onNextInteraction(client, (i) => (i as ChatInputCommandInteraction).deferReply());
    const cmd = fake.sendSlashCommand({ name: 'ask', subcommand: 'list' });
    await handled;
    expect((cmd.payload.data as Json).options).toEqual([{ name: 'list', type: 1, options: [] }]);
    const again = await postJson(callbackUrl(cmd.id, cmd.token), { type: 4, data: { content: 'twice' } });
    expect(again).toEqual({
      status: 400,
      body: { code: 40060, message: 'Interaction has already been acknowledged.' },
    });
    const unknown = await postJson(callbackUrl('1234567890123456789', 'nope'), {
      type: 4,
      data: { content: 'x' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(10062);
    expect(cmd.responses().map((r) => [r.callbackType, r.status])).toEqual([
      [5, 204],
      [4, 400],
    ]);
  });

  it('GIVEN an unknown route THEN it answers 404 and records it', async () => {
    const res = await fetch(`${fake.restUrl}/v10/channels/${fake.defaultChannel.id}/webhooks`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(fake.unknownRequests.map((r) => r.path)).toEqual([`/channels/${fake.defaultChannel.id}/webhooks`]);
  });

  it('GIVEN a message mentioning the bot THEN message.reply is recorded with its message_reference', async () => {
    const client = await readyClient();
    const replied = new Promise<Message>((resolve, reject) => {
      client.on(Events.MessageCreate, (message) => {
        if (message.author.bot) return;
        message
          .reply({ content: `You asked: ${message.content}`, allowedMentions: { repliedUser: false } })
          .then(resolve, reject);
      });
    });
    const sent = fake.sendMessage({ content: 'is it ok to ask?', mentionsBot: true });
    const reply = await sent.waitForReply();
    expect(reply).toMatchObject({
      type: 19,
      content: `You asked: <@${fake.botUser.id}> is it ok to ask?`,
      message_reference: { message_id: sent.id, channel_id: fake.defaultChannel.id },
    });
    expect((await replied).id).toBe(reply.id);
    const post = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${fake.defaultChannel.id}/messages`,
    );
    expect(post.body).toMatchObject({
      message_reference: { message_id: sent.id },
      allowed_mentions: { replied_user: false },
    });
    expect(post.authorized).toBe(true);
  });

  it('GIVEN op 7 and then a dropped socket THEN the client resumes each time and still gets interactions', async () => {
    const client = await readyClient();
    fake.sendReconnect();
    const resume = await fake.waitForResume();
    expect(resume.detail).toMatchObject({ ok: true });
    expect(fake.gatewayLog.filter((e) => e.type === 'identify')).toHaveLength(1);

    fake.dropConnection();
    // Dispatched while the socket is down: buffered and replayed on RESUME.
    const handled = onNextInteraction(client, (i) => (i as ChatInputCommandInteraction).reply('still here'));
    const cmd = fake.sendSlashCommand({ name: 'ping' });
    const second = await fake.waitForResume();
    expect(second.detail?.replayed).toBeGreaterThanOrEqual(1);
    await handled;
    expect((await cmd.waitForAck()).body).toMatchObject({ data: { content: 'still here' } });
    expect(fake.gatewayConnections).toBe(1);
  });

  it('GIVEN failNext 500 (past the retries) THEN reply rejects; GIVEN a 429 THEN discord.js waits and succeeds', async () => {
    const client = await readyClient();
    const failing = fake.failNext({ method: 'POST', path: /\/callback$/, status: 500, times: 4 });
    const rejected = onNextInteraction(client, (i) => (i as ChatInputCommandInteraction).reply('x'));
    fake.sendSlashCommand({ name: 'ask' });
    await expect(rejected).rejects.toThrow(/Internal Server Error|500/);
    expect(failing.hits).toBe(4);

    const limited = fake.failNext({ path: /\/callback$/, status: 429, retryAfter: 0.05 });
    const ok = onNextInteraction(client, (i) => (i as ChatInputCommandInteraction).reply('after the limit'));
    const cmd = fake.sendSlashCommand({ name: 'ask' });
    await ok;
    expect(limited.hits).toBe(1);
    expect((await cmd.waitForAck()).body).toMatchObject({ data: { content: 'after the limit' } });
  });

  it('GIVEN defer, editReply, followUp and a button THEN each is recorded and update edits the message', async () => {
    const client = await readyClient();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = interaction as ChatInputCommandInteraction;
      await i.deferReply();
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('pin:1').setLabel('Pin').setStyle(ButtonStyle.Secondary),
      );
      await i.editReply({ content: 'answer', components: [row] });
      await i.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
    });
    const cmd = fake.sendSlashCommand({ name: 'ask', user: fake.users.moderator });
    await handled;
    const kinds = cmd.responses().map((r) => `${r.kind}:${r.status}`);
    expect(kinds).toEqual(['callback:204', 'edit:200', 'followup:200']);
    const [original, followup] = fake.messagesIn(fake.defaultChannel.id);
    expect(original).toMatchObject({ content: 'answer', flags: 0 });
    expect(followup).toMatchObject({ content: 'more', flags: MessageFlags.Ephemeral });

    const clicked = onNextInteraction(client, async (interaction) => {
      const b = interaction as ButtonInteraction;
      expect(b.customId).toBe('pin:1');
      expect(b.message.id).toBe(original?.id);
      expect(b.memberPermissions?.has('PinMessages')).toBe(true);
      await b.update({ content: 'pinned', components: [] });
    });
    const button = fake.sendButton({ customId: 'pin:1', message: original, user: fake.users.moderator });
    await clicked;
    expect((await button.waitForAck()).callbackType).toBe(7);
    expect(fake.message(String(original?.id))).toMatchObject({ content: 'pinned', components: [] });
  });

  it('GIVEN an autocomplete THEN respond() is validated and recorded; over 25 choices gets 50035', async () => {
    const client = await readyClient();
    const choices = (n: number) =>
      Array.from({ length: n }, (_, k) => ({ name: `choice ${k}`, value: `v${k}` }));
    const first = onNextInteraction(client, (i) => (i as AutocompleteInteraction).respond(choices(3)));
    const ac = fake.sendAutocomplete({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'bou', focused: true }],
    });
    await first;
    expect((await ac.waitForAck()).body).toMatchObject({ type: 8, data: { choices: choices(3) } });

    const tooMany = onNextInteraction(client, (i) => (i as AutocompleteInteraction).respond(choices(26)));
    fake.sendAutocomplete({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'b', focused: true }],
    });
    const error = await tooMany.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
  });

  it('GIVEN pins THEN they are recorded, and the pin limit and missing permissions fail like Discord', async () => {
    const client = await readyClient();
    const channel = client.channels.cache.get(fake.defaultChannel.id);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const a = await channel.send('first');
    await a.pin();
    expect(fake.pinsIn(fake.defaultChannel.id).map((m) => m.id)).toEqual([a.id]);
    expect(
      fake.requests.some(
        (r) => r.method === 'PUT' && r.path === `/channels/${channel.id}/messages/pins/${a.id}`,
      ),
    ).toBe(true);

    fake.configureChannel(channel.id, { pinLimit: 1 });
    const b = await channel.send('second');
    await expect(b.pin()).rejects.toMatchObject({ code: 30003, status: 400 });
    fake.setBotPermissions(fake.defaultGuild.id, 0x400n | 0x800n);
    await expect(b.pin()).rejects.toMatchObject({ code: 50013, status: 403 });
  });

  it('GIVEN commands set through discord.js THEN the bulk overwrite is stored with ids', async () => {
    const client = await readyClient();
    await client.application?.commands.set(
      [
        {
          name: 'ask',
          description: 'Ask about the article',
          options: [{ name: 'question', description: 'q', type: 3, required: true }],
        },
      ],
      fake.defaultGuild.id,
    );
    const [command] = fake.guildCommands(fake.defaultGuild.id);
    expect(command).toMatchObject({
      name: 'ask',
      guild_id: fake.defaultGuild.id,
      application_id: fake.applicationId,
    });
    expect(typeof command?.id).toBe('string');
    const cmd = fake.sendSlashCommand({ name: 'ask', options: { question: 'q' } });
    expect((cmd.payload.data as Json).id).toBe(command?.id);
    await expect(
      client.application?.commands.set([{ name: 'Bad Name', description: 'x' }]),
    ).rejects.toMatchObject({ code: 50035 });
  });

  it('GIVEN a reply over 2000 characters THEN it gets 50035 with the errors tree', async () => {
    const client = await readyClient();
    const rejected = onNextInteraction(client, (i) =>
      (i as ChatInputCommandInteraction).reply('x'.repeat(2001)),
    );
    fake.sendSlashCommand({ name: 'ask' });
    const error = (await rejected.catch((e: unknown) => e)) as DiscordAPIError;
    expect(error.code).toBe(50035);
    const [response] = fake.requests.filter((r) => r.path.endsWith('/callback'));
    expect(response?.response).toMatchObject({
      code: 50035,
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(fake.messagesIn(fake.defaultChannel.id)).toEqual([]);
  });

  it('GIVEN withResponse and files THEN the callback answers 200 with the message and parses payload_json', async () => {
    const client = await readyClient();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = interaction as ChatInputCommandInteraction;
      const file = new AttachmentBuilder(Buffer.from('notes'), { name: 'notes.txt' });
      const response = await i.reply({ content: 'with file', files: [file], withResponse: true });
      const fetched = await i.fetchReply();
      return { response, fetched };
    });
    const cmd = fake.sendSlashCommand({ name: 'ask', guildId: null });
    const { response, fetched } = await handled;
    expect(response.resource?.message?.content).toBe('with file');
    expect(response.resource?.message?.attachments.first()?.name).toBe('notes.txt');
    expect(response.interaction.responseMessageId).toBe(fetched.id);
    const callback = await fake.waitForRequest((r) => r.path.endsWith('/callback'));
    expect(callback).toMatchObject({
      query: { with_response: 'true' },
      status: 200,
      body: { type: 4, data: { content: 'with file' } },
    });
    expect(callback.files).toEqual([expect.objectContaining({ filename: 'notes.txt', size: 5 })]);
    expect(cmd.payload).toMatchObject({ context: 1, user: { id: fake.users.member.id } });
    expect(cmd.payload.guild_id).toBeUndefined();
  });

  it('GIVEN a slow bot THEN a first ack after the deadline gets 10062, and webhook calls before any ack 10015', async () => {
    await fake.stop();
    fake = await startFakeDiscord({ ackDeadlineMs: 50 });
    const client = await readyClient();
    const late = onNextInteraction(client, async (interaction) => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      await (interaction as ChatInputCommandInteraction).reply('too late');
    });
    const cmd = fake.sendSlashCommand({ name: 'ask' });
    await expect(late).rejects.toMatchObject({ code: 10062, status: 404 });
    expect(fake.interaction(cmd.id)?.ack).toBeNull();
    const early = await fetch(
      `${fake.restUrl}/v10/webhooks/${fake.applicationId}/${cmd.token}/messages/%40original`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'x' }),
      },
    );
    expect(early.status).toBe(404);
    expect(await early.json()).toMatchObject({ code: 10015 });
  });

  it('GIVEN no Message Content intent THEN only mentions keep their content, and privileged intents close 4014', async () => {
    const client = await readyClient();
    const seen: Array<[string, string]> = [];
    client.on(Events.MessageCreate, (m) => void seen.push([m.author.id, m.content]));
    fake.sendMessage({ content: 'plain chatter' });
    const mention = fake.sendMessage({ content: 'a question', mentionsBot: true });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([
      [fake.users.member.id, ''],
      [fake.users.member.id, String(mention.message.content)],
    ]);
    const privileged = newClient([GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent]);
    await expect(privileged.login(fake.token)).rejects.toThrow(/disallowed intents/i);
    expect(fake.gatewayLog.filter((e) => e.type === 'server-close').map((e) => e.code)).toEqual([4014]);
  });
});
