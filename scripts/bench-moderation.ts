/**
 * The feedback and review-queue part of `npm run bench`:
 * - `/ask` one at a time through the fake Discord with the server's review queue on and off, in alternating
 *   rounds on one bot with a file database (so the batched writes and their fsync are in the measurement);
 * - the cost of `/stats` over 100,000 stored events (questions counted per day, votes), with the chart.
 */
import { renderStatsChart } from '../src/moderation/chart.js';
import { loadStats } from '../src/moderation/stats.js';
import { dayOf, type OutcomeCount } from '../src/store/moderation-store.js';
import { openPinStore } from '../src/store/sqlite-pin-store.js';
import { scratchDir, startBot } from '../test/support/bot-harness.js';
import { startFakeDiscord } from '../test/support/fake-discord.js';
import type { BenchContext, BenchSection, TargetResult } from './bench.js';
import { median, stats } from './bench-stats.js';

const ROUNDS = 6;
const PER_ROUND = 100;
const EVENTS = 100_000;
const DAY = 86_400_000;

export const moderationSection = (): BenchSection => ({
  name: 'review queue',
  async run(context: BenchContext): Promise<TargetResult[]> {
    console.log(
      `\n== /ask with the review queue off and on (${ROUNDS} alternating rounds of ${PER_ROUND}) ==`,
    );
    const scratch = scratchDir();
    const fake = await startFakeDiscord({ ackDeadlineMs: 60_000 });
    const running = await startBot(fake, {
      RATE_LIMIT_QUESTIONS: '100000',
      DATABASE_PATH: `${scratch.path}/bot.db`,
    });
    const samples: Record<'off' | 'on', number[]> = { off: [], on: [] };
    try {
      const questions = context.devQuestions;
      let asked = 0;
      for (let round = 0; round < ROUNDS * 2; round++) {
        const mode = round % 2 === 0 ? 'off' : 'on';
        const set = fake.sendSlashCommand({
          name: 'settings',
          options: { 'review-queue': mode === 'on' },
          user: fake.users.moderator,
        });
        await set.waitForAck();
        for (let index = 0; index < PER_ROUND; index++) {
          const ask = fake.sendSlashCommand({
            name: 'ask',
            options: { question: questions[asked++ % questions.length] ?? 'hi' },
          });
          samples[mode].push((await ask.waitForAck(60_000)).sinceDispatchMs);
        }
        // Let the once-a-second batch write land inside the measured rounds.
        await new Promise((resolve) => setTimeout(resolve, 1100));
      }
    } finally {
      await running.stop();
      await fake.stop();
      scratch.cleanup();
    }
    const off = stats(samples.off);
    const on = stats(samples.on);
    const apart = (a: number, b: number) => (Math.abs(a - b) / Math.min(a, b)) * 100;
    console.log(
      `queue off: p50 ${off.medianMs.toFixed(2)} ms, p99 ${off.p99Ms.toFixed(2)} ms (${off.count} /ask)`,
    );
    console.log(
      `queue on:  p50 ${on.medianMs.toFixed(2)} ms, p99 ${on.p99Ms.toFixed(2)} ms (${on.count} /ask)`,
    );
    console.log(
      `apart: p50 ${apart(off.medianMs, on.medianMs).toFixed(1)}%, p99 ${apart(off.p99Ms, on.p99Ms).toFixed(1)}%`,
    );

    console.log(`\n== /stats over ${EVENTS.toLocaleString('en')} stored events ==`);
    const dir = scratchDir();
    const store = openPinStore(`${dir.path}/bot.db`);
    const guildId = '123456789012345678';
    const now = Date.now();
    let statsMs: number[] = [];
    let chartMs: number[] = [];
    try {
      store.moderation.setReviewQueue(guildId, true, now);
      const outcomes = ['answered', 'pinned', 'declined', 'crisis'] as const;
      const sections = [
        'introduction',
        'conclusion',
        'handling-unwanted-attention',
        'patient-centered-focus',
      ];
      const counts: OutcomeCount[] = [];
      const votes = EVENTS / 10;
      for (let index = 0; index < EVENTS - votes; index++) {
        const outcome = outcomes[index % outcomes.length] ?? 'answered';
        counts.push({
          guildId,
          day: dayOf(now - (index % 90) * DAY),
          outcome,
          sectionId:
            outcome === 'answered' || outcome === 'pinned' ? (sections[index % sections.length] ?? '') : '',
          count: 1,
        });
      }
      store.moderation.recordBatch(counts, []);
      for (let index = 0; index < votes; index++) {
        store.moderation.recordVote({
          answerId: `m${index >> 2}`,
          voterHash: `h${index}`,
          guildId,
          helpful: index % 3 !== 0,
          articleId: 'therapist-wellbeing',
          sectionId: sections[index % sections.length] ?? '',
          at: now - (index % 90) * DAY,
        });
      }
      for (const days of [7, 90]) {
        statsMs = [];
        chartMs = [];
        for (let run = 0; run < 15; run++) {
          const started = performance.now();
          const summary = loadStats(store.moderation, guildId, days, now);
          statsMs.push(performance.now() - started);
          if (!summary.ok) throw new Error(summary.detail);
          const chartStarted = performance.now();
          await renderStatsChart(summary.value);
          chartMs.push(performance.now() - chartStarted);
        }
        console.log(
          `/stats days:${days}: numbers ${median(statsMs).toFixed(2)} ms, chart ${median(chartMs).toFixed(0)} ms (median of 15)`,
        );
      }
    } finally {
      store.close();
      dir.cleanup();
    }
    return [
      {
        name: '/ask p50 with the review queue on within 5% of off',
        pass: apart(off.medianMs, on.medianMs) <= 5,
        detail: `${on.medianMs.toFixed(2)} ms vs ${off.medianMs.toFixed(2)} ms`,
      },
      {
        name: `/stats over ${EVENTS.toLocaleString('en')} events (numbers + chart) under 1 s`,
        pass: median(statsMs) + median(chartMs) < 1000,
        detail: `${(median(statsMs) + median(chartMs)).toFixed(0)} ms`,
      },
    ];
  },
});
