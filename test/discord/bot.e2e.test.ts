import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { botPerTest, scratchDir, startBot, type RunningBot } from '../support/bot-harness.js';

type Body = {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string; footer?: { text: string } }[];
    components?: { components: { custom_id?: string; label?: string; disabled?: boolean }[] }[];
    allowed_mentions?: { parse: string[] };
    choices?: { name: string; value: string }[];
  };
};
const EPHEMERAL = 64;

describe('GIVEN the bot logged into a fake Discord', () => {
  let fake: FakeDiscord;
  let running: RunningBot;

  botPerTest((started) => ({ fake, running } = started));

  it('WHEN it logs in THEN it reaches ready with the guild cached', () => {
    expect(running.bot.isConnected()).toBe(true);
    expect(running.bot.client.guilds.cache.size).toBe(1);
  });

  it('WHEN a member uses /ask THEN the answer embed names the section, quotes the paragraph and turns mentions off', async () => {
    const ask = fake.sendSlashCommand({
      name: 'ask',
      options: { question: "can i ask my therapist how she's doing?" },
      user: fake.users.member,
    });
    const ack = await ask.waitForAck();
    const body = ack.body as Body;
    expect(ack.callbackType).toBe(4);
    expect(ack.sinceDispatchMs).toBeLessThan(3000);
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toBe('Initial Well-being Inquiry');
    expect(embed?.description).toContain('**For instance, a simple greeting');
    expect(embed?.description).toContain('General information, not professional advice.');
    expect(embed?.footer?.text).toMatch(/¶ 5 of 8 · Source: HealthHub/);
    expect(body.data?.allowed_mentions).toMatchObject({ parse: [] });
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const labels = body.data?.components?.flatMap((row) => row.components.map((button) => button.label));
    expect(labels).toContain('📌 Pin answer');
  });

  it('WHEN a confident answer is given THEN it is calm: no "Did you mean", no section button, 👍 and 👎', async () => {
    const ask = fake.sendSlashCommand({
      name: 'ask',
      options: { question: "can i ask my therapist how she's doing?" },
    });
    const body = (await ask.waitForAck()).body as Body;
    const labels = body.data?.components?.flatMap((row) => row.components).map((button) => button.label);
    expect(labels).toEqual(['Read the whole article', '📌 Pin answer', '👍 Helpful', '👎 Not helpful']);
  });

  it('WHEN "Did you mean…" or "Read the whole article" is clicked THEN that part of the article is shown privately', async () => {
    const ask = fake.sendSlashCommand({
      name: 'ask',
      // A close call: another section is within CLOSE_RUNNER_UP of the answer.
      options: { question: 'can i ask how my therapist is' },
    });
    const body = (await ask.waitForAck()).body as Body;
    const buttons = body.data?.components?.flatMap((row) => row.components) ?? [];
    const offer = buttons.find((button) => button.label?.startsWith('Did you mean: '));
    expect(offer?.label).toBeDefined();
    const message = fake.interaction(ask.id)?.originalMessageId ?? '';

    const followed = fake.sendButton({ customId: offer?.custom_id ?? '', message });
    const shown = (await followed.waitForAck()).body as Body;
    expect(shown.data?.embeds?.[0]?.title).toBe(offer?.label?.replace(/^Did you mean: (.*)\?$/, '$1'));
    expect((shown.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

    // The shipped sections are one paragraph each: the quote is the whole section, so no section button.
    expect(buttons.map((button) => button.label)).not.toContain('Read the full section');
    const whole = buttons.find((button) => button.label === 'Read the whole article');
    const read = fake.sendButton({ customId: whole?.custom_id ?? '', message });
    const page = (await read.waitForAck()).body as Body;
    expect(page.type).toBe(4);
    expect(page.data?.embeds?.[0]?.title).toBe('Introduction');
    expect((page.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('WHEN /ask is private THEN only the asker sees the answer', async () => {
    const ask = fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'crush on my counselor', private: true },
    });
    const body = (await ask.waitForAck()).body as Body;
    expect(body.data?.embeds?.[0]?.title).toBe('Handling Unwanted Attention');
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('WHEN the question is off topic THEN the bot says the article does not cover it and lists what it does', async () => {
    const ask = fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'what is the weather in paris tomorrow' },
    });
    const embed = ((await ask.waitForAck()).body as Body).data?.embeds?.[0];
    expect(embed?.title).toBe('Not covered by the article');
    expect(embed?.description).toContain('• Handling Unwanted Attention');
    expect(embed?.description).toContain('/article');
  });

  it('WHEN a member mentions the bot with a question THEN it replies in the channel with mentions off', async () => {
    const sent = fake.sendMessage({
      content: 'hey @everyone, my therapist has been sick lately, what happens with my sessions?',
      mentionsBot: true,
      author: fake.users.member,
    });
    const reply = (await sent.waitForReply()) as {
      embeds: { title: string }[];
      message_reference: { message_id: string };
    };
    expect(reply.embeds[0]?.title).toBe('Patient-Centered Focus');
    expect(reply.message_reference.message_id).toBe(sent.id);
    const request = fake.requests.find(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/messages'),
    );
    expect((request?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it('WHEN someone replies to an answer without mentioning the bot THEN it stays quiet, and answers when mentioned', async () => {
    const question = fake.sendMessage({ content: 'crush on my therapist', mentionsBot: true });
    const answer = (await question.waitForReply()) as { id: string };
    const thanks = fake.sendMessage({ content: 'thanks, that helps!', replyTo: answer.id });
    expect((thanks.message as { mentions: { id: string }[] }).mentions.map((user) => user.id)).toContain(
      fake.botUser.id,
    );
    const followUp = fake.sendMessage({
      content: 'what if my therapist is sick?',
      replyTo: answer.id,
      mentionsBot: true,
    });
    const followUpAnswer = (await followUp.waitForReply()) as { embeds: { title: string }[] };
    expect(followUpAnswer.embeds[0]?.title).toBe('Patient-Centered Focus');
    // Both messages went out before the follow-up was answered, so a reply to "thanks" would be there by now.
    await expect(thanks.waitForReply(300)).rejects.toThrow();
  });

  it('WHEN /article section is autocompleted THEN matching sections are offered within limits', async () => {
    const typing = fake.sendAutocomplete({
      name: 'article',
      options: [{ name: 'section', type: 3, value: 'bound', focused: true }],
    });
    const choices = ((await typing.waitForAck()).body as Body).data?.choices ?? [];
    expect(choices).toEqual([
      {
        name: 'Boundaries and Professional Norms',
        value: 'therapist-wellbeing:boundaries-and-professional-norms',
      },
    ]);
  });

  it('WHEN /article names a section THEN that section is shown privately', async () => {
    const read = fake.sendSlashCommand({
      name: 'article',
      options: { section: 'therapist-wellbeing:conclusion' },
    });
    const body = (await read.waitForAck()).body as Body;
    expect(body.data?.embeds?.map((embed) => embed.title)).toEqual(['Conclusion']);
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('WHEN the reply to /ask fails with a 500 THEN the user gets a private apology and the bot keeps answering', async () => {
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 500, times: 4 });
    const first = fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'why is my therapist so private' },
    });
    const apology = await first.waitForResponse((record) => record.status < 300);
    const apologyBody = apology.body as Body;
    expect(apologyBody.data?.content).toMatch(/something went wrong/);
    expect((apologyBody.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

    const second = fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'why is my therapist so private' },
    });
    expect(((await second.waitForAck()).body as Body).data?.embeds?.[0]?.title).toBe(
      'The Client-Therapist Dynamic',
    );
  });

  it('WHEN a member asks too fast THEN the extra question gets a private "slow down", but a crisis message still gets support', async () => {
    for (let index = 0; index < 5; index++) {
      await fake
        .sendSlashCommand({ name: 'ask', options: { question: `crush on my therapist ${index}` } })
        .waitForAck();
    }
    const sixth = fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'crush on my therapist again' },
    });
    const body = (await sixth.waitForAck()).body as Body;
    expect(body.data?.content).toMatch(/wait \d+s/);
    expect((body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

    // A person in crisis is never told to slow down.
    const crisis = fake.sendSlashCommand({ name: 'ask', options: { question: 'i want to end my life' } });
    const support = (await crisis.waitForAck()).body as Body;
    expect(support.data?.embeds?.[0]?.title).toBe('You deserve support right now');
  });

  it('WHEN the same mention question is asked again in the channel THEN the bot points to its earlier answer', async () => {
    const first = fake.sendMessage({ content: 'crush on my counselor, help', mentionsBot: true });
    await first.waitForReply();
    const second = fake.sendMessage({ content: 'i have a crush on my counselor', mentionsBot: true });
    const secondReply = (await second.waitForReply()) as { content: string; embeds: unknown[] };
    expect(secondReply.embeds).toEqual([]);
    expect(secondReply.content).toContain(first.id);
  });
});

describe('GIVEN an article too long for one message', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let scratch: ReturnType<typeof scratchDir>;

  beforeEach(async () => {
    scratch = scratchDir();
    const knowledge = join(scratch.path, 'knowledge');
    mkdirSync(knowledge);
    const sections = Array.from(
      { length: 6 },
      (_, index) =>
        `## Part ${index + 1}\n\n${Array.from({ length: 3 }, (_, p) => `Paragraph ${p + 1} of part ${index + 1}. ${'Therapists keep boundaries. '.repeat(20)}`).join('\n\n')}`,
    );
    writeFileSync(
      join(knowledge, 'long.md'),
      `# A Long Article\n\nIntro text.\n\n${sections.join('\n\n')}\n`,
    );
    fake = await startFakeDiscord();
    running = await startBot(fake, { KNOWLEDGE_DIR: knowledge });
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
    scratch.cleanup();
  });

  it('WHEN /article is read and Next is clicked THEN the message turns to page 2 within limits', async () => {
    const read = fake.sendSlashCommand({ name: 'article' });
    const first = (await read.waitForAck()).body as Body;
    const footer = first.data?.embeds?.at(-1)?.footer?.text ?? '';
    expect(footer).toMatch(/page 1 of (\d+)/);
    const buttons = first.data?.components?.[0]?.components ?? [];
    expect(buttons.map((button) => [button.label, button.disabled])).toEqual([
      ['◀ Prev', true],
      ['Next ▶', false],
    ]);
    const pageMessage = fake.interaction(read.id)?.originalMessageId ?? '';
    const next = fake.sendButton({ customId: buttons[1]?.custom_id ?? '', message: pageMessage });
    const turned = (await next.waitForAck()).body as Body;
    expect(turned.type).toBe(7);
    expect(turned.data?.embeds?.at(-1)?.footer?.text).toMatch(/page 2 of/);
  });
});
