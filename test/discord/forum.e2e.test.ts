import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Permission,
  startFakeDiscord,
  type FakeChannel,
  type FakeDiscord,
  type Json,
} from '../support/fake-discord.js';
import { botPerTest, scratchDir, startBot, until, type RunningBot } from '../support/bot-harness.js';

type Message = {
  content?: string;
  embeds?: { title?: string; description?: string; author?: { name: string } }[];
};

const CRISIS_TITLE = 'You deserve support right now';
const WELLBEING = "can i ask my therapist how she's doing?";

/** Waits for a log line with this message, then returns every such line. */
async function logged(lines: string[], message: string, count = 1): Promise<string[]> {
  const matching = () => lines.filter((line) => (JSON.parse(line) as { msg?: string }).msg === message);
  await until(() => matching().length >= count, `${count}× log "${message}"`);
  return matching();
}

/** A forum where the bot's role is denied Send Messages in Threads, once the bot has it cached. */
async function addForumClosedToTheBot(fake: FakeDiscord, running: RunningBot) {
  const guild = fake.guild(fake.defaultGuild.id);
  const locked = fake.addChannel(fake.defaultGuild.id, {
    name: 'locked-forum',
    type: 15,
    permission_overwrites: [
      {
        id: guild?.botRoleId ?? '',
        type: 0,
        allow: '0',
        deny: Permission.SendMessagesInThreads.toString(),
      },
    ],
  });
  await until(() => running.bot.client.channels.cache.has(locked.id), 'the locked forum cached');
  return locked;
}

describe('GIVEN a server whose forum is auto-answered', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let forum: FakeChannel;
  const logLines: string[] = [];

  beforeEach(async () => {
    logLines.length = 0;
    fake = await startFakeDiscord();
    forum = fake.addChannel(fake.defaultGuild.id, { name: 'ask-for-help', type: 15 });
    running = await startBot(fake, { LOG_LEVEL: 'info' }, { logLines });
    expect(running.core.forums?.setAutoAnswerForum(fake.defaultGuild.id, forum.id, Date.now()).ok).toBe(true);
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
  });

  it('WHEN a member opens a post the article answers THEN exactly one answer appears in its thread', async () => {
    const post = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: 'thanks in advance' });
    await until(() => fake.messagesIn(post.threadId).length > 0, 'the answer in the thread');
    await logged(logLines, 'answered');
    const messages = fake.messagesIn(post.threadId) as Message[];
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds?.[0]?.title).toBe('Initial Well-being Inquiry');
    expect(messages[0]?.embeds?.[0]?.description).toContain('General information, not professional advice.');
    const request = fake.requests.find(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/messages'),
    );
    expect((request?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it('WHEN the post is something the article does not cover THEN the bot stays silent', async () => {
    const post = fake.createForumPost({
      forumId: forum.id,
      title: 'best pizza places downtown?',
      content: '',
    });
    await logged(logLines, 'forum post left unanswered');
    expect(fake.messagesIn(post.threadId)).toEqual([]);
  });

  it('WHEN the post reads as a crisis THEN the thread gets the resources and its words are never quoted', async () => {
    const title = 'i want to end my life tonight';
    const post = fake.createForumPost({ forumId: forum.id, title, content: '' });
    await until(() => fake.messagesIn(post.threadId).length > 0, 'the crisis reply');
    const reply = fake.messagesIn(post.threadId)[0] as Message;
    expect(reply.embeds?.[0]?.title).toBe(CRISIS_TITLE);
    expect(reply.embeds?.[0]?.description).toContain('988');
    expect(reply.embeds?.[0]?.author).toBeUndefined();
    const sent = fake.requests.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/messages'));
    expect(JSON.stringify(sent.map((entry) => entry.body))).not.toContain('end my life');
    expect(logLines.join('\n')).not.toContain('end my life');
  });

  it('WHEN a post is opened in another forum THEN it is not answered', async () => {
    const other = fake.addChannel(fake.defaultGuild.id, { name: 'off-topic', type: 15 });
    await until(() => running.bot.client.channels.cache.has(other.id), 'the other forum cached');
    const post = fake.createForumPost({ forumId: other.id, title: WELLBEING, content: '' });
    const answered = fake.createForumPost({ forumId: forum.id, title: 'crush on my counselor', content: '' });
    await until(() => fake.messagesIn(answered.threadId).length > 0, 'the answer in the chosen forum');
    expect(fake.messagesIn(post.threadId)).toEqual([]);
  });

  it('WHEN the bot lacks Send Messages in Threads in the forum THEN posts are skipped and that is logged once', async () => {
    const locked = await addForumClosedToTheBot(fake, running);
    expect(running.core.forums?.setAutoAnswerForum(fake.defaultGuild.id, locked.id, Date.now()).ok).toBe(
      true,
    );
    const first = fake.createForumPost({ forumId: locked.id, title: WELLBEING, content: '' });
    const second = fake.createForumPost({ forumId: locked.id, title: 'crush on my counselor', content: '' });
    const warning =
      'forum auto-answer skipped: the bot lacks View Channel, Send Messages in Threads or Embed Links in that forum';
    await logged(logLines, warning);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await logged(logLines, warning)).toHaveLength(1);
    expect(fake.messagesIn(first.threadId)).toEqual([]);
    expect(fake.messagesIn(second.threadId)).toEqual([]);
  });
});

describe('GIVEN a moderator using /settings for forum auto-answer', () => {
  let fake: FakeDiscord;
  let running: RunningBot;

  botPerTest((started) => ({ fake, running } = started));

  const settings = (options: Json[], resolvedChannelId?: string) =>
    fake.sendSlashCommand({
      name: 'settings',
      user: fake.users.moderator,
      options,
      ...(resolvedChannelId
        ? { resolved: { channels: { [resolvedChannelId]: fake.resolvedChannel(resolvedChannelId) } } }
        : {}),
    });
  const description = async (handle: ReturnType<typeof settings>): Promise<string> =>
    ((await handle.waitForAck()).body as { data?: Message }).data?.embeds?.[0]?.description ?? '';

  it('WHEN a forum is chosen THEN new posts there are answered; WHEN turned off THEN they are not', async () => {
    const forum = fake.addChannel(fake.defaultGuild.id, { name: 'ask-for-help', type: 15 });
    await until(() => running.bot.client.channels.cache.has(forum.id), 'the forum cached');
    const chosen = await description(
      settings([{ name: 'auto-answer-forum', type: 7, value: forum.id }], forum.id),
    );
    expect(chosen).toContain(`<#${forum.id}>`);
    expect(chosen).not.toContain('⚠️');
    const post = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: '' });
    await until(() => fake.messagesIn(post.threadId).length > 0, 'the answer');

    const shown = await description(settings([]));
    expect(shown).toContain(`<#${forum.id}>`);
    const off = await description(settings([{ name: 'auto-answer-off', type: 5, value: true }]));
    expect(off).toContain('**auto-answer-forum**: off.');
    const later = fake.createForumPost({ forumId: forum.id, title: 'crush on my counselor', content: '' });
    const control = fake.sendSlashCommand({ name: 'ask', options: { question: 'crush on my counselor' } });
    await control.waitForAck();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messagesIn(later.threadId)).toEqual([]);
  });

  it('WHEN the chosen forum does not let the bot post THEN /settings warns', async () => {
    const locked = await addForumClosedToTheBot(fake, running);
    const text = await description(
      settings([{ name: 'auto-answer-forum', type: 7, value: locked.id }], locked.id),
    );
    expect(text).toContain(`<#${locked.id}>`);
    expect(text).toContain('⚠️ I can’t post in that forum');
  });

  it('WHEN a member who is not a moderator tries THEN nothing changes', async () => {
    const forum = fake.addChannel(fake.defaultGuild.id, { name: 'ask-for-help', type: 15 });
    await until(() => running.bot.client.channels.cache.has(forum.id), 'the forum cached');
    const refused = fake.sendSlashCommand({
      name: 'settings',
      user: fake.users.member,
      options: [{ name: 'auto-answer-forum', type: 7, value: forum.id }],
      resolved: { channels: { [forum.id]: fake.resolvedChannel(forum.id) } },
    });
    const body = (await refused.waitForAck()).body as { data?: Message };
    expect(body.data?.content).toContain('Only moderators');
    expect(running.core.forums?.autoAnswerForum(fake.defaultGuild.id)).toEqual({ ok: true, value: null });
  });
});

describe('GIVEN the bot restarts between two forum posts', () => {
  it('THEN the post made while it was down is answered once and the first post is never answered again', async () => {
    const fake = await startFakeDiscord();
    const dir = scratchDir();
    const env = { DATABASE_PATH: join(dir.path, 'bot.db') };
    try {
      const forum = fake.addChannel(fake.defaultGuild.id, { name: 'ask-for-help', type: 15 });
      const first = await startBot(fake, env);
      first.core.forums?.setAutoAnswerForum(fake.defaultGuild.id, forum.id, Date.now());
      const before = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: '' });
      await until(() => fake.messagesIn(before.threadId).length > 0, 'the first answer');
      await first.stop();

      const during = fake.createForumPost({ forumId: forum.id, title: 'crush on my counselor', content: '' });
      const second = await startBot(fake, env);
      try {
        await until(
          () => fake.messagesIn(during.threadId).length > 0,
          'the answer to the post made while down',
        );
        // Discord may deliver a creation twice (a replayed event): still one answer.
        fake.dispatch('THREAD_CREATE', {
          ...(fake.resolvedChannel(before.threadId) as Json),
          guild_id: fake.defaultGuild.id,
          owner_id: fake.users.member.id,
          newly_created: true,
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(fake.messagesIn(before.threadId)).toHaveLength(1);
        expect(fake.messagesIn(during.threadId)).toHaveLength(1);
        expect((fake.messagesIn(during.threadId)[0] as Message).embeds?.[0]?.title).toBe(
          'Handling Unwanted Attention',
        );
      } finally {
        await second.stop();
      }
      expect(fake.unknownRequests).toEqual([]);
    } finally {
      await fake.stop();
      dir.cleanup();
    }
  });
});

describe('GIVEN the operator enabled Message Content', () => {
  it('THEN a post whose title alone is vague is answered from its starter message; without it, it is not', async () => {
    const title = 'Need some advice please';
    const content = WELLBEING;
    for (const enabled of [true, false]) {
      const fake = await startFakeDiscord({ privilegedIntents: enabled ? 1 << 15 : 0 });
      const lines: string[] = [];
      const running = await startBot(
        fake,
        { LOG_LEVEL: 'info', MESSAGE_CONTENT_INTENT: enabled ? 'true' : 'false' },
        { logLines: lines },
      );
      try {
        const forum = fake.addChannel(fake.defaultGuild.id, { name: 'ask-for-help', type: 15 });
        await until(() => running.bot.client.channels.cache.has(forum.id), 'the forum cached');
        running.core.forums?.setAutoAnswerForum(fake.defaultGuild.id, forum.id, Date.now());
        const post = fake.createForumPost({ forumId: forum.id, title, content });
        if (enabled) {
          await until(() => fake.messagesIn(post.threadId).length > 0, 'the answer from the starter message');
          expect((fake.messagesIn(post.threadId)[0] as Message).embeds?.[0]?.title).toBe(
            'Initial Well-being Inquiry',
          );
        } else {
          await logged(lines, 'forum post left unanswered');
          expect(fake.messagesIn(post.threadId)).toEqual([]);
        }
      } finally {
        await running.stop();
        await fake.stop();
      }
    }
  });
});

describe('GIVEN an auto-answered forum and a limit of one question per second per member', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let forum: FakeChannel;
  const logLines: string[] = [];
  const POSTS = [
    { title: WELLBEING, section: 'Initial Well-being Inquiry' },
    { title: 'crush on my counselor', section: 'Handling Unwanted Attention' },
    { title: 'why is my therapist so private', section: 'The Client-Therapist Dynamic' },
  ] as const;

  beforeEach(async () => {
    logLines.length = 0;
    fake = await startFakeDiscord();
    forum = fake.addChannel(fake.defaultGuild.id, { name: 'ask-for-help', type: 15 });
    running = await startBot(
      fake,
      { LOG_LEVEL: 'info', RATE_LIMIT_QUESTIONS: '1', RATE_LIMIT_WINDOW_SECONDS: '1' },
      { logLines },
    );
    expect(running.core.forums?.setAutoAnswerForum(fake.defaultGuild.id, forum.id, Date.now()).ok).toBe(true);
  });
  afterEach(async () => {
    await running.stop();
    expect(fake.unknownRequests).toEqual([]);
    await fake.stop();
  });

  /** The member uses up their window with an /ask (answered at once). */
  async function useUpTheWindow(): Promise<void> {
    const ask = fake.sendSlashCommand({ name: 'ask', options: { question: 'crush on my therapist' } });
    await ask.waitForAck();
  }
  const postsSentTo = (threadId: string) =>
    fake.requests.filter(
      (entry) => entry.method === 'POST' && entry.path === `/channels/${threadId}/messages`,
    );

  it('WHEN the member, just over the limit, opens a post THEN nothing is said at once and the answer arrives in the thread once the window frees', async () => {
    await useUpTheWindow();
    const post = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: '' });
    await logged(logLines, 'forum post waits for the rate limit');
    expect(fake.messagesIn(post.threadId)).toEqual([]);

    await until(() => fake.messagesIn(post.threadId).length > 0, 'the answer after the window', 10_000);
    await logged(logLines, 'answered', 2);
    const messages = fake.messagesIn(post.threadId) as Message[];
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds?.[0]?.title).toBe('Initial Well-being Inquiry');
    // No "slow down" anywhere: the thread got the answer and nothing else.
    expect(postsSentTo(post.threadId)).toHaveLength(1);
    expect(logLines.join('\n')).not.toContain('how she');
  });

  it('WHEN the member opens several posts in a row THEN each gets exactly one answer, its own', async () => {
    const posts = POSTS.map((post) => ({
      ...post,
      threadId: fake.createForumPost({ forumId: forum.id, title: post.title, content: '' }).threadId,
    }));
    await until(
      () => posts.every((post) => fake.messagesIn(post.threadId).length > 0),
      'an answer in every thread',
      15_000,
    );
    await logged(logLines, 'answered', posts.length);
    // Generous wait: a second answer to any of them would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const post of posts) {
      const messages = fake.messagesIn(post.threadId) as Message[];
      expect(messages).toHaveLength(1);
      expect(messages[0]?.embeds?.[0]?.title).toBe(post.section);
    }
    expect(logLines.join('\n')).not.toContain('counselor');
    expect(logLines.join('\n')).not.toContain('so private');
  });

  it('WHEN the post’s thread is deleted before the retry THEN nothing is sent and the bot carries on', async () => {
    await useUpTheWindow();
    const post = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: '' });
    await logged(logLines, 'forum post waits for the rate limit');
    fake.deleteThread(post.threadId);
    await logged(logLines, 'forum post dropped: its thread is gone');
    expect(postsSentTo(post.threadId)).toEqual([]);

    const later = fake.createForumPost({ forumId: forum.id, title: 'crush on my counselor', content: '' });
    await until(() => fake.messagesIn(later.threadId).length > 0, 'the next post answered', 10_000);
    expect(postsSentTo(post.threadId)).toEqual([]);
    expect(logLines.filter((line) => line.includes('"level":50'))).toEqual([]);
  });

  it('WHEN the thread is archived and locked by the time of the retry THEN the failed send is logged, not thrown', async () => {
    await useUpTheWindow();
    const post = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: '' });
    await logged(logLines, 'forum post waits for the rate limit');
    fake.failNext({
      method: 'POST',
      path: `/channels/${post.threadId}/messages`,
      status: 400,
      body: { code: 50083, message: 'Thread is archived' },
    });
    const [line] = await logged(
      logLines,
      'forum answer not sent: the thread was deleted, archived or locked',
    );
    expect(JSON.parse(line ?? '{}')).toMatchObject({ threadId: post.threadId, code: 50083 });
    expect(fake.messagesIn(post.threadId)).toEqual([]);
    expect(logLines.filter((line) => line.includes('"level":50'))).toEqual([]);
  });

  it('WHEN the bot stops while a post waits THEN no retry runs afterwards', async () => {
    await useUpTheWindow();
    const post = fake.createForumPost({ forumId: forum.id, title: WELLBEING, content: '' });
    await logged(logLines, 'forum post waits for the rate limit');
    await running.stop();
    const linesAtStop = logLines.length;
    // Generous wait: well past the window, when the retry would have run.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(postsSentTo(post.threadId)).toEqual([]);
    expect(logLines.slice(linesAtStop)).toEqual([]);
    running = await startBot(fake, { LOG_LEVEL: 'silent' }); // afterEach stops a running bot
  });
});
