/**
 * `npm run stats -- --guild <id> [--days N]` prints what /stats shows for that server: the same numbers,
 * with the chart as a text sparkline, from DATABASE_PATH.
 */
import { loadAppConfig } from '../config.js';
import { DEFAULT_STATS_DAYS, loadStats, MAX_STATS_DAYS, sparkline } from '../moderation/stats.js';
import { openPinStore } from '../store/sqlite-pin-store.js';
import { loadKnowledge } from '../knowledge/load.js';
import { fail } from './setup.js';

const USAGE = `Usage: npm run stats -- --guild <server id> [--days N]   (N from 1 to ${MAX_STATS_DAYS}, default ${DEFAULT_STATS_DAYS})`;

let guildId: string | undefined;
let days = DEFAULT_STATS_DAYS;
const argv = process.argv.slice(2).filter((arg) => arg !== '--');
for (let index = 0; index < argv.length; index++) {
  const arg = argv[index] ?? '';
  const value = (name: string) => (arg === name ? argv[++index] : arg.slice(name.length + 1));
  if (arg === '--guild' || arg.startsWith('--guild=')) guildId = value('--guild');
  else if (arg === '--days' || arg.startsWith('--days=')) {
    const raw = value('--days') ?? '';
    days = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  } else fail(`Unknown argument ${JSON.stringify(arg)}. ${USAGE}`);
}
if (!guildId || !/^\d{15,22}$/.test(guildId)) fail(`--guild needs a server id (digits). ${USAGE}`);
if (!Number.isInteger(days) || days < 1 || days > MAX_STATS_DAYS)
  fail(`--days must be 1 to ${MAX_STATS_DAYS}. ${USAGE}`);

const config = loadAppConfig();
if (!config.ok) fail(config.message);
// Writable like the bot (WAL lets both run at once); a read-only open fails on a cleanly closed WAL file.
const store = openPinStore(config.config.databasePath);
const summary = loadStats(store.moderation, guildId, days, Date.now());
store.close();
if (!summary.ok) fail(`Could not read ${config.config.databasePath}: ${summary.detail}`);
const knowledge = loadKnowledge(config.config.knowledgeDir);
const heading = (sectionId: string): string => {
  if (!knowledge.ok) return sectionId;
  for (const article of knowledge.knowledge.articles) {
    const section = article.sections.find((entry) => entry.id === sectionId);
    if (section) return section.heading;
  }
  return sectionId;
};

const s = summary.value;
const rate = s.helpfulRate === undefined ? 'no votes yet' : `${Math.round(s.helpfulRate * 100)}%`;
const lines = [
  `Server ${guildId}, last ${s.days} ${s.days === 1 ? 'day' : 'days'} (UTC)`,
  '',
  `Questions asked: ${s.totals.asked}`,
  `Answered: ${s.totals.answered}`,
  `Served from pins: ${s.totals.pinned}`,
  `Declined: ${s.totals.declined}`,
  `Crisis replies: ${s.totals.crisis}`,
  `Helpful: ${s.helpful}`,
  `Not helpful: ${s.unhelpful}`,
  `Helpful rate: ${rate}`,
  `In the review queue: ${s.queued}`,
  '',
  'Most asked sections:',
  ...(s.sections.length
    ? s.sections.map((entry) => `  ${heading(entry.sectionId)}: ${entry.count}`)
    : ['  none yet']),
  'Most declined questions:',
  ...(s.reviewQueueOn
    ? s.declined.length
      ? s.declined.map((entry) => `  “${entry.question}”: ${entry.times}`)
      : ['  none queued']
    : ['  (the review queue is off: no question text is kept)']),
  '',
  `Questions per day: ${sparkline(s)}  (${s.perDay[0]?.day ?? ''} … ${s.perDay[s.perDay.length - 1]?.day ?? ''})`,
];
console.log(lines.join('\n'));
