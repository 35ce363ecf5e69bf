import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeUser } from '../support/fake-discord.js';
import { scratchDir, startBot, until, type RunningBot } from '../support/bot-harness.js';

type Component = {
  type: number;
  custom_id?: string;
  label?: string;
  options?: { label: string; value: string }[];
};
type Body = {
  content?: string | null;
  flags?: number;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    image?: { url: string };
  }[];
  components?: { components: Component[] }[];
};
type Callback = { type?: number; data?: Body };

const EPHEMERAL = 64;
const DAY = 86_400_000;
const OFF_TOPIC = 'what is the weather in paris tomorrow';
const ANSWERED = 'crush on my therapist';
const CRISIS = 'i think about killing myself every night';

describe('GIVEN moderators learning from what members ask', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let scratch: ReturnType<typeof scratchDir>;
  let dbPath: string;
  let clock: number;

  beforeEach(async () => {
    scratch = scratchDir();
    dbPath = join(scratch.path, 'bot.db');
    clock = Date.UTC(2026, 10, 20, 12);
    fake = await startFakeDiscord();
    running = await startBot(fake, { DATABASE_PATH: dbPath }, { now: () => clock });
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    expect(fake.protocolErrors).toEqual([]);
    await fake.stop();
    scratch.cleanup();
  });

  const components = (body: Body | undefined): Component[] =>
    body?.components?.flatMap((row) => row.components) ?? [];

  async function ask(question: string, user: FakeUser = fake.users.member) {
    const sent = fake.sendSlashCommand({ name: 'ask', options: { question }, user });
    const body = ((await sent.waitForAck()).body as Callback).data;
    return { body, messageId: fake.interaction(sent.id)?.originalMessageId ?? '' };
  }

  async function vote(answer: { body: Body | undefined; messageId: string }, label: string, user: FakeUser) {
    const button = components(answer.body).find((component) => component.label === label);
    const click = fake.sendButton({ customId: button?.custom_id ?? '', message: answer.messageId, user });
    const reply = (await click.waitForAck()).body as Callback;
    expect((reply.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    return reply.data?.embeds?.[0]?.description ?? reply.data?.content ?? '';
  }

  async function command(
    name: string,
    options: Record<string, string | number | boolean> = {},
    user = fake.users.moderator,
  ) {
    const sent = fake.sendSlashCommand({ name, options, user });
    const ack = await sent.waitForAck();
    if ((ack.body as Callback).type === 5) {
      const edit = await sent.waitForResponse((record) => record.kind === 'edit');
      const request = fake.requests.findLast(
        (entry) => entry.method === 'PATCH' && entry.path.includes(sent.token),
      );
      return { id: sent.id, body: edit.body as Body, files: request?.files ?? [] };
    }
    return { id: sent.id, body: (ack.body as Callback).data as Body, files: [] };
  }

  const settings = (on: boolean) => command('settings', { 'review-queue': on });

  async function review() {
    const shown = await command('review');
    return { ...shown, messageId: fake.interaction(shown.id)?.originalMessageId ?? '' };
  }

  const figure = (body: Body, label: string): string | undefined =>
    body.embeds?.[0]?.description
      ?.split('\n')
      .find((line) => line.startsWith(`${label}: `))
      ?.slice(label.length + 2);

  /** Every text value in every table of the database: what a leak would look like. */
  function storedText(): string {
    const db = new Database(dbPath, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      return tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
    } finally {
      db.close();
    }
  }

  it('WHEN a member votes, votes again and changes the vote THEN it counts once, as the last vote, and no id is stored', async () => {
    const answer = await ask(ANSWERED);
    expect(await vote(answer, '👍 Helpful', fake.users.member)).toMatch(/marked this answer as helpful/);
    expect(await vote(answer, '👍 Helpful', fake.users.member)).toMatch(/already marked .* counts once/);
    expect(await vote(answer, '👎 Not helpful', fake.users.member)).toMatch(/Changed your vote.*not helpful/);
    expect(await vote(answer, '👍 Helpful', fake.users.owner)).toMatch(/marked this answer as helpful/);

    const metrics = running.metrics.render();
    expect(metrics).toContain('boundary_bot_votes_total{result="helpful"} 2');
    expect(metrics).toContain('boundary_bot_votes_total{result="repeat"} 1');
    expect(metrics).toContain('boundary_bot_votes_total{result="unhelpful"} 1');

    const stats = await command('stats');
    expect(figure(stats.body, 'Helpful')).toBe('1');
    expect(figure(stats.body, 'Not helpful')).toBe('1');
    expect(figure(stats.body, 'Helpful rate')).toBe('50%');
    const stored = storedText();
    for (const user of [fake.users.member, fake.users.owner]) {
      expect(stored).not.toContain(user.id);
      expect(stored).not.toContain(user.username);
    }
  });

  it('WHEN the queue is on and a question is declined twice (written differently) THEN /review shows it once, asked 2 times', async () => {
    await settings(true);
    await ask(OFF_TOPIC);
    await ask('What is the weather in Paris tomorrow?!');
    const shown = await review();
    expect(running.metrics.render()).toContain('boundary_bot_review_queue_total{reason="declined"} 2');
    expect(shown.body.embeds?.[0]?.description).toContain(OFF_TOPIC);
    expect(shown.body.embeds?.[0]?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Asked', value: '2 times' }),
        expect.objectContaining({ value: expect.stringMatching(/^Declined/) }),
      ]),
    );
    expect(storedText()).not.toContain(fake.users.member.id);
  });

  it('WHEN an answer gets 👎 THEN its question is queued with the section it got', async () => {
    await settings(true);
    const answer = await ask(ANSWERED);
    await vote(answer, '👎 Not helpful', fake.users.owner);
    const shown = await review();
    expect(shown.body.embeds?.[0]?.description).toContain(ANSWERED);
    const why = shown.body.embeds?.[0]?.fields?.find((field) => field.name === 'Why it is here')?.value;
    expect(why).toMatch(/^Not helpful: .*“Handling Unwanted Attention”/);
  });

  it('WHEN a crisis message arrives with the queue on THEN it is a count and nothing else', async () => {
    await settings(true);
    await ask(CRISIS);
    fake.sendMessage({ content: CRISIS, mentionsBot: true });
    await until(() => fake.messagesIn(fake.defaultChannel.id).length >= 2, 'the crisis reply');
    const shown = await review();
    expect(shown.body.embeds?.[0]?.description).toMatch(/The queue is empty/);
    const stats = await command('stats');
    expect(figure(stats.body, 'Crisis replies')).toBe('2');
    expect(storedText()).not.toMatch(/killing/);
  });

  it('WHEN the queue is off THEN a declined question leaves no text, only its count', async () => {
    await ask(OFF_TOPIC);
    const shown = await review();
    expect(shown.body.embeds?.[0]?.description).toMatch(/The queue is empty. The review queue is off/);
    const stats = await command('stats');
    expect(figure(stats.body, 'Declined')).toBe('1');
    expect(storedText()).not.toMatch(/weather|paris/i);
  });

  it('WHEN the queue is turned off THEN the texts already queued are deleted', async () => {
    await settings(true);
    await ask(OFF_TOPIC);
    expect((await review()).body.embeds?.[0]?.description).toContain(OFF_TOPIC);
    await settings(false);
    expect(storedText()).not.toMatch(/weather/);
  });

  it('WHEN a moderator answers a queued question with the select THEN the next member asking it gets the pinned answer', async () => {
    await settings(true);
    const question = 'does my therapist have a dog';
    await ask(question);
    await ask(OFF_TOPIC);
    const shown = await review();
    expect(shown.body.embeds?.[0]?.description).toContain(question);
    const select = components(shown.body).find((component) => component.type === 3);
    expect(select?.options?.map((option) => option.label)).toContain('Boundaries and Professional Norms');
    const value =
      select?.options?.find((option) => option.label === 'Boundaries and Professional Norms')?.value ?? '';

    const chosen = fake.sendSelect({
      customId: select?.custom_id ?? '',
      values: [value],
      message: shown.messageId,
      user: fake.users.moderator,
    });
    const update = ((await chosen.waitForAck()).body as Callback).data;
    expect(update?.content).toMatch(/Pinned “Boundaries and Professional Norms”/);
    // The next question is shown in place.
    expect(update?.embeds?.[0]?.description).toContain(OFF_TOPIC);

    const later = await ask('Does my therapist have a dog?', fake.users.owner);
    expect(later.body?.embeds?.[0]?.title).toBe('Boundaries and Professional Norms');
    expect(later.body?.embeds?.[0]?.description).toMatch(/Pinned by moderators/);

    // Dismiss empties the queue.
    const dismiss = components(update).find((component) => component.label === 'Dismiss');
    const dismissed = fake.sendButton({
      customId: dismiss?.custom_id ?? '',
      message: shown.messageId,
      user: fake.users.moderator,
    });
    const empty = ((await dismissed.waitForAck()).body as Callback).data;
    expect(empty?.embeds?.[0]?.description).toBe('The queue is empty.');
  });

  it('WHEN REVIEW_RETENTION_DAYS pass after a question was last asked THEN its text is gone', async () => {
    await settings(true);
    await ask(OFF_TOPIC);
    clock += 29 * DAY;
    expect((await review()).body.embeds?.[0]?.description).toContain(OFF_TOPIC);
    clock += 2 * DAY;
    expect((await review()).body.embeds?.[0]?.description).toMatch(/The queue is empty/);
    expect(storedText()).not.toMatch(/weather/);
  });

  it('WHEN /stats is asked THEN its numbers are what happened and the chart is a valid PNG', async () => {
    await settings(true);
    await ask(ANSWERED);
    await ask('why does my therapist never talk about herself');
    clock += DAY;
    await ask(OFF_TOPIC);
    await ask(CRISIS);
    const answer = await ask(ANSWERED, fake.users.owner);
    await vote(answer, '👍 Helpful', fake.users.member);

    const stats = await command('stats', { days: 7 });
    const body = stats.body;
    expect(figure(body, 'Questions asked')).toBe('5');
    expect(figure(body, 'Answered')).toBe('3');
    expect(figure(body, 'Served from pins')).toBe('0');
    expect(figure(body, 'Declined')).toBe('1');
    expect(figure(body, 'Crisis replies')).toBe('1');
    expect(figure(body, 'Helpful')).toBe('1');
    expect(figure(body, 'Not helpful')).toBe('0');
    const fields = body.embeds?.[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'Most asked sections')?.value.split('\n')[0]).toBe(
      'Handling Unwanted Attention: 2',
    );
    expect(fields.find((field) => field.name === 'Most declined questions')?.value).toContain(OFF_TOPIC);
    expect(body.embeds?.[0]?.image?.url).toBe('attachment://stats.png');

    const png = stats.files.find((file) => file.filename === 'stats.png');
    expect(png?.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png?.data.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png?.data.readUInt32BE(16)).toBeGreaterThan(100);
    expect(png?.data.readUInt32BE(20)).toBeGreaterThan(100);
  });

  it('WHEN a member runs /settings, /review or /stats THEN each is refused privately', async () => {
    for (const [name, refusal] of [
      ['settings', /Only moderators can change/],
      ['review', /Only moderators can review/],
      ['stats', /Only moderators can see the stats/],
    ] as const) {
      const reply = await command(name, {}, fake.users.member);
      expect(reply.body.embeds?.[0]?.description ?? reply.body.content).toMatch(refusal);
      expect((reply.body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    }
    const queue = await settings(true);
    expect(queue.body.embeds?.[0]?.title).toBe('Settings saved');
  });

  it('WHEN the bot is removed from a server THEN that server’s queue texts and votes are deleted', async () => {
    await settings(true);
    await ask(OFF_TOPIC);
    const answer = await ask(ANSWERED);
    await vote(answer, '👍 Helpful', fake.users.owner);
    expect((await review()).body.embeds?.[0]?.description).toContain(OFF_TOPIC);
    fake.dispatch('GUILD_DELETE', { id: fake.defaultGuild.id });
    await until(
      () => !/weather/.test(storedText()) && !storedText().includes(answer.messageId),
      'the server data to go',
    );
  });
});
