import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCLAIMER } from '../../src/answer/compose.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { runNode, runToEnd } from '../support/processes.js';

const REPO = join(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundary-chat-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChat(input: string) {
  return runToEnd(
    runNode(
      ['--import', 'tsx', 'src/cli/chat.ts'],
      { KNOWLEDGE_DIR: join(REPO, 'knowledge'), DATABASE_PATH: join(dir, 'chat.db'), LOG_LEVEL: 'warn' },
      input,
    ),
  );
}

describe('GIVEN a piped chat session', () => {
  let result: Awaited<ReturnType<typeof runChat>>;

  beforeAll(async () => {
    result = await runChat('crush on my therapist\n/article conclusion\n/quit\nthis line is never read\n');
  }, 30_000);

  it('THEN it greets with the article title and exits 0 at /quit', () => {
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'boundary-bot — ask about "Is It Appropriate to Ask Your Therapist About Their Well-being?". /article to read it, /help, /quit to leave.',
    );
    expect(result.stderr).toBe('');
  });

  it('WHEN a question is asked THEN the answer is shown as text: question, heading, quote, disclaimer, footer', () => {
    const out = result.stdout;
    const start = out.indexOf('You asked: “crush on my therapist”');
    expect(start).toBeGreaterThan(0);
    const answer = out.slice(start, out.indexOf('you>', start));
    expect(answer).toContain('== Handling Unwanted Attention ==');
    expect(answer).toMatch(/^> .*\*\*[^*]*crush[^*]*\*\*/m);
    expect(answer).toContain(DISCLAIMER);
    expect(answer).not.toContain('-# ');
    expect(answer).toMatch(/^-- Is It Appropriate .* · ¶ \d+ of \d+ · Source: HealthHub$/m);
  });

  it('WHEN /article conclusion is typed THEN only that section is printed, after the answer', () => {
    const out = result.stdout;
    const at = out.indexOf('== Conclusion ==');
    expect(at).toBeGreaterThan(out.indexOf('== Handling Unwanted Attention =='));
    const headings = [...out.matchAll(/^== (.*) ==$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['Handling Unwanted Attention', 'Conclusion']);
    const knowledge = loadKnowledge(join(REPO, 'knowledge'));
    const conclusion = knowledge.ok
      ? knowledge.knowledge.articles[0]?.sections.find((section) => section.id === 'conclusion')
      : undefined;
    expect(conclusion?.paragraphs.length).toBeGreaterThan(0);
    for (const paragraph of conclusion?.paragraphs ?? [])
      expect(out.slice(at)).toContain(paragraph.text.slice(0, 60));
  });

  it('WHEN /quit is typed THEN later lines are not answered', () => {
    expect(result.stdout).not.toContain('this line is never read');
    expect(result.stdout).not.toContain('Not covered by the article');
  });
});

describe('GIVEN an unknown section', () => {
  it('WHEN /article is asked for it THEN the chat says no section matches', async () => {
    const result = await runChat('/article pizza\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No section matches "pizza". Try /article on its own to see them all.');
  }, 30_000);
});

describe('GIVEN the chat and the safety tiers', () => {
  let result: Awaited<ReturnType<typeof runChat>>;

  beforeAll(async () => {
    result = await runChat(
      "i've been so depressed lately, can i ask my therapist how she's doing?\nmy brother says he wants to end it all\n/quit\n",
    );
  }, 30_000);

  it('WHEN a question shows distress THEN the answer comes with the calm support line above it', () => {
    const out = result.stdout;
    const line = out.indexOf('💙');
    expect(line).toBeGreaterThan(0);
    expect(out.indexOf('== ', line)).toBeGreaterThan(line);
  });

  it('WHEN someone else is in danger THEN the chat shows how to help and the resources, not an answer', () => {
    const out = result.stdout;
    const at = out.indexOf('someone you care about');
    expect(at).toBeGreaterThan(out.indexOf('💙'));
    expect(out.slice(at)).toContain('988');
    expect(out.slice(at)).not.toContain('You asked');
  });
});
