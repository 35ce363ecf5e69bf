import type { GuildStats, ModerationStore, Outcome } from '../store/moderation-store.js';
import type { StoreResult } from '../store/types.js';
import { dayOf } from '../store/moderation-store.js';
import { DAY_MS, VOTE_RETENTION_DAYS } from './recorder.js';

export const DEFAULT_STATS_DAYS = 7;
export const MAX_STATS_DAYS = VOTE_RETENTION_DAYS;
export const OUTCOMES: readonly Outcome[] = ['answered', 'pinned', 'declined', 'crisis'];

export interface StatsSummary {
  readonly days: number;
  /** Every day of the window, oldest first, with a count per outcome (zeros included). */
  readonly perDay: readonly { readonly day: string; readonly counts: Readonly<Record<Outcome, number>> }[];
  readonly totals: Readonly<Record<Outcome | 'asked', number>>;
  readonly helpful: number;
  readonly unhelpful: number;
  readonly helpfulRate: number | undefined;
  readonly sections: GuildStats['sections'];
  readonly declined: GuildStats['declined'];
  readonly queued: number;
  readonly reviewQueueOn: boolean;
}

/** The numbers /stats and `npm run stats` show, for the last `days` days up to today (UTC). */
export function loadStats(
  store: ModerationStore,
  guildId: string,
  days: number,
  now: number,
): StoreResult<StatsSummary> {
  const firstDay = dayOf(now - (days - 1) * DAY_MS);
  const since = Date.parse(`${firstDay}T00:00:00Z`);
  const stats = store.stats(guildId, firstDay, since);
  if (!stats.ok) return stats;
  const settings = store.settings(guildId);
  if (!settings.ok) return settings;
  const perDay = Array.from({ length: days }, (_, index) => {
    const day = dayOf(since + index * DAY_MS);
    const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
    for (const row of stats.value.daily) if (row.day === day) counts[row.outcome] += row.count;
    return { day, counts };
  });
  const totals = { asked: 0, answered: 0, pinned: 0, declined: 0, crisis: 0 };
  for (const { counts } of perDay) {
    for (const outcome of OUTCOMES) {
      totals[outcome] += counts[outcome];
      totals.asked += counts[outcome];
    }
  }
  const { helpful, unhelpful } = stats.value;
  return {
    ok: true,
    value: {
      days,
      perDay,
      totals,
      helpful,
      unhelpful,
      helpfulRate: helpful + unhelpful > 0 ? helpful / (helpful + unhelpful) : undefined,
      sections: stats.value.sections,
      declined: settings.value.reviewQueue ? stats.value.declined : [],
      queued: stats.value.queued,
      reviewQueueOn: settings.value.reviewQueue,
    },
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** Questions per day as one line of block characters: the chart when no image can be made. */
export function sparkline(summary: StatsSummary): string {
  const totals = summary.perDay.map(({ counts }) =>
    OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0),
  );
  const max = Math.max(0, ...totals);
  return totals
    .map((total) => (max === 0 ? BARS[0] : BARS[Math.round((total / max) * (BARS.length - 1))]))
    .join('');
}
