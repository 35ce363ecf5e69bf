/**
 * The Discord part of `npm run bench`: 500 /ask interactions dispatched at once by the fake Discord to the
 * real bot (discord.js client, same wiring as `npm start`), in this process. Reports acknowledgement
 * latency as Discord would see it (dispatch → first callback) and the memory the burst costs.
 */
import { scratchDir, startBot } from '../test/support/bot-harness.js';
import { startFakeDiscord } from '../test/support/fake-discord.js';
import type { BenchContext, BenchSection, TargetResult } from './bench.js';
import { stats } from './bench-stats.js';

const BURST = 500;
const ACK_DEADLINE_MS = 3000;

export const discordBurstSection = (): BenchSection => ({
  name: 'discord burst',
  async run(context: BenchContext): Promise<TargetResult[]> {
    console.log(`\n== Discord burst: ${BURST} /ask interactions at once through the fake Discord ==`);
    const scratch = scratchDir();
    const fake = await startFakeDiscord({ ackDeadlineMs: 60_000 });
    const running = await startBot(fake, {
      RATE_LIMIT_QUESTIONS: String(BURST * 2),
      DATABASE_PATH: `${scratch.path}/bot.db`,
    });
    try {
      context.gc?.();
      const before = process.memoryUsage();
      const questions = context.devQuestions;
      const handles = Array.from({ length: BURST }, (_, index) =>
        fake.sendSlashCommand({
          name: 'ask',
          options: { question: questions[index % questions.length] ?? 'hi' },
        }),
      );
      const acks = await Promise.all(handles.map((handle) => handle.waitForAck(60_000)));
      const peak = process.memoryUsage();
      context.gc?.();
      const after = process.memoryUsage();
      const latencies = acks.map((ack) => ack.sinceDispatchMs).sort((left, right) => left - right);
      const { medianMs, p99Ms } = stats(latencies);
      const acknowledgedOnce = handles.filter(
        (handle) =>
          handle.responses().filter((record) => record.kind === 'callback' && record.status < 300).length ===
          1,
      ).length;
      const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `ack latency: p50 ${medianMs.toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`,
      );
      console.log(
        `memory: heap +${megabytes(peak.heapUsed - before.heapUsed)} at peak, +${megabytes(after.heapUsed - before.heapUsed)} after gc; rss ${megabytes(peak.rss)} (bot and fake Discord in one process)`,
      );
      return [
        {
          name: `discord burst: ${BURST} /ask each acknowledged exactly once`,
          pass: acknowledgedOnce === BURST,
          detail: `${acknowledgedOnce} of ${BURST}`,
        },
        {
          name: `discord burst: every acknowledgement within ${ACK_DEADLINE_MS} ms`,
          pass: (latencies.at(-1) ?? Infinity) <= ACK_DEADLINE_MS,
          detail: `max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms`,
        },
      ];
    } finally {
      await running.stop();
      await fake.stop();
      scratch.cleanup();
    }
  },
});
