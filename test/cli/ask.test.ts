import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createPinService } from '../../src/pins/service.js';
import { openPinStore } from '../../src/store/sqlite-pin-store.js';
import { runNode, runToEnd } from '../support/processes.js';

const REPO = join(import.meta.dirname, '..', '..');
const GUILD = '123456789012345678';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundary-ask-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with every setting given explicitly, so a developer's .env cannot leak in. */
function runAsk(args: readonly string[], input: string, env: Record<string, string> = {}) {
  return runToEnd(
    runNode(
      ['--import', 'tsx', 'src/cli/ask.ts', ...args],
      {
        KNOWLEDGE_DIR: join(REPO, 'knowledge'),
        DATABASE_PATH: join(dir, 'unused.db'),
        LOG_LEVEL: 'warn',
        ...env,
      },
      input,
    ),
  );
}

const CONTRACT_KEYS = [
  'alternatives',
  'articleId',
  'kind',
  'paragraphId',
  'question',
  'safety',
  'score',
  'sectionId',
];

describe('GIVEN ask --json with a mix of questions on stdin', () => {
  const inputs = [
    'I have a crush on my therapist',
    '',
    'what is the best pizza topping',
    'I want to kill myself',
    `crush on my therapist ${'again '.repeat(1700)}`.slice(0, 10_000),
    'what happens if my\u0000 therapist\u0007 is sick\r',
  ];
  let result: Awaited<ReturnType<typeof runAsk>>;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    result = await runAsk(['--json'], `${inputs.join('\n')}\n`);
    lines = result.stdout
      .split('\n')
      .filter((line, index, all) => !(index === all.length - 1 && line === ''))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }, 30_000);

  it('THEN it exits 0 with exactly one JSON object per input line and nothing else on stdout', () => {
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(inputs.length);
  });

  it('THEN every object has exactly the contract fields, with the right types', () => {
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(CONTRACT_KEYS);
      expect(typeof line.question).toBe('string');
      expect(['answer', 'pinned', 'no-match', 'crisis']).toContain(line.kind);
      expect(['none', 'concern', 'crisis']).toContain(line.safety);
      expect(line.kind === 'crisis').toBe(line.safety === 'crisis');
      const answered = line.kind === 'answer' || line.kind === 'pinned';
      for (const key of ['articleId', 'sectionId', 'paragraphId'])
        expect(typeof line[key]).toBe(answered ? 'string' : 'object');
      expect(typeof line.score).toBe(answered ? 'number' : 'object');
      expect(Array.isArray(line.alternatives)).toBe(true);
      for (const alternative of line.alternatives as Record<string, unknown>[]) {
        expect(Object.keys(alternative).sort()).toEqual(['articleId', 'paragraphId', 'score', 'sectionId']);
      }
    }
  });

  it('THEN each line answers its own question', () => {
    expect(lines.map((line) => line.kind)).toEqual([
      'answer',
      'no-match',
      'no-match',
      'crisis',
      'answer',
      'answer',
    ]);
    expect(lines[0]).toMatchObject({
      question: 'I have a crush on my therapist',
      articleId: 'therapist-wellbeing',
      sectionId: 'handling-unwanted-attention',
    });
    expect(lines[1]).toEqual({
      question: '',
      kind: 'no-match',
      safety: 'none',
      articleId: null,
      sectionId: null,
      paragraphId: null,
      score: null,
      alternatives: [],
    });
    expect(lines[3]).toMatchObject({ kind: 'crisis', safety: 'crisis', articleId: null, alternatives: [] });
    expect(lines[0]).toMatchObject({ kind: 'answer', safety: 'none' });
    expect(lines[4]).toMatchObject({ sectionId: 'handling-unwanted-attention' });
    expect(lines[5]).toMatchObject({ sectionId: 'patient-centered-focus' });
  });

  it('THEN the question echoed is the line as read (without its \\r)', () => {
    expect(lines.map((line) => line.question)).toEqual(inputs.map((input) => input.replace(/\r$/, '')));
  });
});

describe('GIVEN ask with a question as arguments', () => {
  it('WHEN run THEN it prints the answer as text, with the section heading', async () => {
    const result = await runAsk(['what', 'happens', 'if', 'my', 'therapist', 'is', 'sick'], '');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('== Patient-Centered Focus ==');
    expect(result.stdout).toContain('You asked: “what happens if my therapist is sick”');
    expect(result.stdout).toContain('General information, not professional advice.');
  }, 30_000);

  it('WHEN run without a question THEN it prints usage on stderr and exits 1', async () => {
    const result = await runAsk([], '');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: npm run ask');
  }, 30_000);

  it('WHEN --guild is not an id THEN it says so and exits 1', async () => {
    const result = await runAsk(['--guild', 'abc', 'question'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--guild needs a server id');
  }, 30_000);
});

describe('GIVEN a database with a pin for a server', () => {
  let databasePath: string;

  beforeAll(() => {
    databasePath = join(dir, 'pins.db');
    const knowledge = loadKnowledge(join(REPO, 'knowledge'));
    if (!knowledge.ok) throw new Error(knowledge.message);
    const store = openPinStore(databasePath);
    const result = createPinService(store, createEngine(knowledge.knowledge)).pinAnswer({
      guildId: GUILD,
      question: 'I have a crush on my counselor',
      articleId: 'therapist-wellbeing',
      paragraphId: 'conclusion/1',
      pinnedBy: '222222222222222222',
      messageUrl: null,
    });
    store.close();
    if (!result.ok) throw new Error('could not pin');
  });

  it('WHEN a rewording is asked with --guild THEN the pinned paragraph is the answer; without it THEN the engine’s', async () => {
    const env = { DATABASE_PATH: databasePath };
    const question = 'crush on my counsellor\n';
    const [withGuild, withoutGuild, otherGuild] = await Promise.all([
      runAsk(['--json', '--guild', GUILD], question, env),
      runAsk(['--json'], question, env),
      runAsk(['--json', `--guild=${'9'.repeat(18)}`], question, env),
    ]);
    expect(withGuild.code).toBe(0);
    expect(JSON.parse(withGuild.stdout)).toMatchObject({
      kind: 'pinned',
      sectionId: 'conclusion',
      paragraphId: 'conclusion/1',
      alternatives: [],
    });
    expect(JSON.parse(withoutGuild.stdout)).toMatchObject({
      kind: 'answer',
      sectionId: 'handling-unwanted-attention',
    });
    expect(JSON.parse(otherGuild.stdout)).toMatchObject({
      kind: 'answer',
      sectionId: 'handling-unwanted-attention',
    });
  }, 30_000);
});
