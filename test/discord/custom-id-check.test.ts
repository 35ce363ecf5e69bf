import type { TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriesComponent } from '../../src/discord/events/interaction-create.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { startBot, type RunningBot } from '../support/bot-harness.js';

type Posted = { id: string; components?: { components: { custom_id?: string }[] }[] };

describe('GIVEN a public answer with buttons, as discord.js sees it', () => {
  let fake: FakeDiscord;
  let running: RunningBot;
  let components: readonly unknown[];
  let ids: string[];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    running = await startBot(fake);
    const sent = fake.sendMessage({ content: 'can i ask my therapist how she is doing', mentionsBot: true });
    const posted = (await sent.waitForReply()) as Posted;
    ids = (posted.components ?? []).flatMap((row) => row.components.map((button) => button.custom_id ?? ''));
    const channel = (await running.bot.client.channels.fetch(fake.defaultChannel.id)) as TextChannel;
    components = (await channel.messages.fetch(posted.id)).components;
  });
  afterAll(async () => {
    await running.stop();
    await fake.stop();
  });

  it('WHEN a click names a custom id the message carries THEN it is trusted', () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(carriesComponent(components, id), id).toBe(true);
  });

  it('WHEN a click names a well-formed id that is not on this message THEN it is refused', () => {
    const forged = `${ids[0]?.split(':')[0] ?? 'x'}:forged`;
    expect(carriesComponent(components, forged)).toBe(false);
    expect(carriesComponent([], ids[0] ?? '')).toBe(false);
  });

  it('WHEN the components are raw API data THEN the id is still found', () => {
    expect(carriesComponent([{ type: 1, components: [{ type: 2, custom_id: 'x' }] }], 'x')).toBe(true);
    expect(carriesComponent([{ type: 1, components: [{ type: 2, custom_id: 'y' }] }], 'x')).toBe(false);
  });
});
