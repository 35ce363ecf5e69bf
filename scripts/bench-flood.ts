/**
 * The flood part of `npm run bench`: one member floods /ask with long questions of random words while
 * another asks ordinary questions one at a time, with 0, 200 and 1,000 pins in the server. Reports the
 * ordinary member's acknowledgement latency (dispatch → first callback, as Discord would see it).
 * Run alone: `npx tsx scripts/bench-flood.ts`.
 */
import { pathToFileURL } from 'node:url';
import { scratchDir, startBot } from '../test/support/bot-harness.js';
import { startFakeDiscord } from '../test/support/fake-discord.js';
import type { BenchSection, TargetResult } from './bench.js';
import { stats } from './bench-stats.js';

const PIN_COUNTS = [0, 200, 1000];
const ORDINARY_QUESTIONS = 60;
/** Each flood wave: this many /ask from the flooding member at once, one wave every FLOOD_EVERY_MS. */
const FLOOD_WAVE = 30;
const FLOOD_EVERY_MS = 1000;
const ACK_DEADLINE_MS = 3000;
const ORDINARY = [
  'can i ask my therapist how she is doing',
  'crush on my therapist',
  'why is my therapist so private',
  'what if my therapist is sick',
];

function randomWords(random: () => number, count: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: count }, () =>
    Array.from({ length: 4 + Math.floor(random() * 6) }, () => letters[Math.floor(random() * 26)]).join(''),
  ).join(' ');
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function measure(pinCount: number): Promise<{ p50: number; p99: number; max: number }> {
  const scratch = scratchDir();
  const fake = await startFakeDiscord({ ackDeadlineMs: 60_000 });
  const running = await startBot(fake, { DATABASE_PATH: `${scratch.path}/bot.db` });
  const random = seeded(pinCount + 1);
  try {
    const service = running.core.pins;
    const section = running.core.engine.knowledge.articles[0]?.sections[1];
    const paragraph = section?.paragraphs[0];
    if (!service || !paragraph) throw new Error('bench: no pin service or paragraph');
    for (let index = 0; index < pinCount; index++) {
      service.pinAnswer({
        guildId: fake.defaultGuild.id,
        question: `can i ask my therapist about ${randomWords(random, 3)}`,
        articleId: paragraph.articleId,
        paragraphId: paragraph.id,
        pinnedBy: fake.users.moderator.id,
        messageUrl: null,
      });
    }
    // Warm-up (not measured): the first questions pay for lazy set-up and JIT compilation.
    const warmFlood = Array.from({ length: FLOOD_WAVE }, () =>
      fake.sendSlashCommand({ name: 'ask', options: { question: randomWords(random, 150).slice(0, 1000) } }),
    );
    await Promise.all(warmFlood.map((handle) => handle.waitForAck(60_000)));
    for (const question of ORDINARY) {
      await fake
        .sendSlashCommand({ name: 'ask', options: { question }, user: fake.users.owner })
        .waitForAck(60_000);
    }
    const flooder = fake.addUser({ username: 'flooder' });
    let flooding = true;
    const flood = (async () => {
      while (flooding) {
        for (let index = 0; index < FLOOD_WAVE; index++) {
          // About 1,000 characters of random words, as in the report that found the problem.
          fake.sendSlashCommand({
            name: 'ask',
            options: { question: randomWords(random, 150).slice(0, 1000) },
            user: flooder,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, FLOOD_EVERY_MS));
      }
    })();
    const latencies: number[] = [];
    for (let index = 0; index < ORDINARY_QUESTIONS; index++) {
      const asker = fake.addUser({ username: `member-${index}` });
      const ask = fake.sendSlashCommand({
        name: 'ask',
        options: { question: ORDINARY[index % ORDINARY.length] ?? 'hi' },
        user: asker,
      });
      latencies.push((await ask.waitForAck(60_000)).sinceDispatchMs);
    }
    flooding = false;
    await flood;
    const { medianMs, p99Ms } = stats(latencies);
    return { p50: medianMs, p99: p99Ms, max: Math.max(...latencies) };
  } finally {
    await running.stop();
    await fake.stop();
    scratch.cleanup();
  }
}

export const floodSection = (): BenchSection => ({
  name: 'discord flood',
  async run(): Promise<TargetResult[]> {
    console.log(
      `\n== Flood: a member sends ${FLOOD_WAVE} long random-word /ask every ${FLOOD_EVERY_MS} ms; ${ORDINARY_QUESTIONS} ordinary /ask from other members ==`,
    );
    const results: TargetResult[] = [];
    for (const pins of PIN_COUNTS) {
      const { p50, p99, max } = await measure(pins);
      console.log(
        `${String(pins).padStart(5)} pins: ordinary /ask ack p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
      );
      results.push({
        name: `discord flood at ${pins} pins: an ordinary /ask is acknowledged within ${ACK_DEADLINE_MS} ms (p99)`,
        pass: p99 <= ACK_DEADLINE_MS,
        detail: `p99 ${p99.toFixed(1)} ms`,
      });
    }
    return results;
  },
});

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await floodSection().run({ root: '', gc: undefined, devQuestions: [] });
  process.exitCode = results.every((result) => result.pass) ? 0 : 1;
}
