import { describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../support/fake-discord.js';
import { botPerTest, type RunningBot } from '../support/bot-harness.js';

type Body = { data?: { content?: string; choices?: { name: string; value: number | string }[] } };
const SECTION = 'therapist-wellbeing:boundaries-and-professional-norms';

describe('GIVEN pinned answers in a server', () => {
  let fake: FakeDiscord;
  let running: RunningBot;

  botPerTest((started) => ({ fake, running } = started));

  async function pinAs(question: string): Promise<string> {
    const add = fake.sendSlashCommand({
      name: 'pins',
      subcommand: 'add',
      options: { question, section: SECTION },
      user: fake.users.moderator,
    });
    return ((await add.waitForAck()).body as Body).data?.content ?? '';
  }

  const pinChoices = async (user: typeof fake.users.member): Promise<string[]> => {
    const typing = fake.sendAutocomplete({
      name: 'pins',
      subcommand: 'remove',
      options: [{ name: 'pin', type: 4, value: '', focused: true }],
      user,
    });
    return (((await typing.waitForAck()).body as Body).data?.choices ?? []).map((choice) => choice.name);
  };

  it('WHEN a member who is not a moderator types in /pins remove THEN no pinned question is listed', async () => {
    expect(await pinAs('can i send my therapist a birthday card')).toMatch(/Pinned/);
    expect(await pinChoices(fake.users.moderator)).toEqual([expect.stringContaining('birthday card')]);
    expect(await pinChoices(fake.users.member)).toEqual([]);
  });

  it('WHEN /pins add is given a question with line breaks and bidi overrides THEN it is stored as one clean line', async () => {
    await pinAs('can i send my therapist\na birthday \u202Ecard\u202C?');
    const [stored] = running.core.pins?.activePins(fake.defaultGuild.id) ?? [];
    expect(stored?.question).toBe('can i send my therapist a birthday card?');
  });
});
