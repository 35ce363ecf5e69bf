import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/store/moderation-store.js';
import { openPinStore } from '../../src/store/sqlite-pin-store.js';
import { runNpm, runToEnd } from '../support/processes.js';

const REPO = join(import.meta.dirname, '..', '..');
const GUILD = '123456789012345678';
let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundary-stats-'));
  dbPath = join(dir, 'bot.db');
  const store = openPinStore(dbPath);
  const now = Date.now();
  store.moderation.setReviewQueue(GUILD, true, now);
  store.moderation.recordBatch(
    [
      {
        guildId: GUILD,
        day: dayOf(now),
        outcome: 'answered',
        sectionId: 'handling-unwanted-attention',
        count: 3,
      },
      { guildId: GUILD, day: dayOf(now), outcome: 'declined', sectionId: '', count: 2 },
      { guildId: GUILD, day: dayOf(now), outcome: 'crisis', sectionId: '', count: 1 },
    ],
    [
      {
        guildId: GUILD,
        normalizedQuestion: 'does my therapist have a dog',
        question: 'does my therapist have a dog',
        reason: 'declined',
        articleId: null,
        sectionId: null,
        at: now,
      },
    ],
  );
  store.moderation.recordVote({
    answerId: 'm1',
    voterHash: 'h1',
    guildId: GUILD,
    helpful: true,
    articleId: 'therapist-wellbeing',
    sectionId: 'handling-unwanted-attention',
    at: now,
  });
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runStats = (args: string[]) =>
  runToEnd(
    runNpm(['run', 'stats', '--', ...args], {
      KNOWLEDGE_DIR: join(REPO, 'knowledge'),
      DATABASE_PATH: dbPath,
      LOG_LEVEL: 'warn',
    }),
  );

describe('GIVEN a database with a server’s counts, votes and queue', () => {
  it('WHEN `npm run stats -- --guild <id>` runs THEN it prints the same labelled figures as /stats', async () => {
    const result = await runStats(['--guild', GUILD, '--days', '3']);
    expect(result.code).toBe(0);
    for (const line of [
      'Questions asked: 6',
      'Answered: 3',
      'Declined: 2',
      'Crisis replies: 1',
      'Helpful: 1',
      'Not helpful: 0',
      'Helpful rate: 100%',
      '  Handling Unwanted Attention: 3',
      '  “does my therapist have a dog”: 1',
    ]) {
      expect(result.stdout.split('\n')).toContain(line);
    }
  }, 60_000);

  it('WHEN --guild is missing or --days is out of range THEN it exits 1 with the usage', async () => {
    for (const args of [[], ['--guild', GUILD, '--days', '0']]) {
      const result = await runStats(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Usage: npm run stats');
    }
  }, 60_000);
});
