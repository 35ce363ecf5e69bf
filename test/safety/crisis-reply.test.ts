import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CRISIS_REPLY_MAX_CHARS,
  FALLBACK_CRISIS_REPLY,
  loadCrisisReply,
  parseCrisisReply,
} from '../../src/safety/crisis-reply.js';
import type { CrisisReply } from '../../src/safety/crisis-reply.js';

const SHIPPED = fileURLToPath(new URL('../../knowledge/safety/crisis-reply.md', import.meta.url));

function parsed(text: string): CrisisReply {
  const result = parseCrisisReply('test.md', text);
  if (!result.ok) throw new Error(result.message);
  return result.reply;
}

function errorOf(text: string, file = 'server/crisis-reply.md'): string {
  const result = parseCrisisReply(file, text);
  if (result.ok) throw new Error('expected a parse error');
  return result.message;
}

function expectAllResources(reply: CrisisReply): void {
  const full = `${reply.title}\n${reply.body}`;
  expect(full).toMatch(/you deserve support right now/i);
  for (const text of [full, reply.shortBody]) {
    expect(text).toContain('988');
    expect(text).toContain('116 123');
    expect(text).toContain('findahelpline.com');
    expect(text).toMatch(/emergency services/i);
    expect(text).toMatch(/samaritans/i);
    expect(text).toMatch(/call or text/i);
    expect(text).toMatch(/therapist/i);
  }
}

describe('shipped crisis reply', () => {
  it('GIVEN the shipped file THEN it parses and both replies carry every resource', () => {
    const result = loadCrisisReply(SHIPPED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reply.title).toBe('You deserve support right now');
    expectAllResources(result.reply);
  });

  it('GIVEN the shipped file THEN both replies fit in a Discord message with the title', () => {
    const result = loadCrisisReply(SHIPPED);
    if (!result.ok) throw new Error(result.message);
    expect(result.reply.body.length).toBeLessThanOrEqual(CRISIS_REPLY_MAX_CHARS);
    expect(result.reply.shortBody.length).toBeLessThanOrEqual(CRISIS_REPLY_MAX_CHARS);
    expect(result.reply.shortBody.length).toBeLessThan(result.reply.body.length);
    expect(`**${result.reply.title}**\n\n${result.reply.body}`.length).toBeLessThan(2000);
  });

  it('GIVEN the shipped file THEN its header comment is not part of either reply', () => {
    const result = loadCrisisReply(SHIPPED);
    if (!result.ok) throw new Error(result.message);
    expect(result.reply.body).not.toContain('<!--');
    expect(result.reply.body).not.toMatch(/how to adapt/i);
    expect(result.reply.shortBody).not.toContain('## Short');
  });

  it('GIVEN the built-in fallback THEN it matches the shipped file', () => {
    const result = loadCrisisReply(SHIPPED);
    if (!result.ok) throw new Error(result.message);
    expect(FALLBACK_CRISIS_REPLY).toEqual(result.reply);
    expectAllResources(FALLBACK_CRISIS_REPLY);
  });
});

describe('parseCrisisReply', () => {
  it('GIVEN a file without a Short section THEN the short reply is the first paragraph', () => {
    const reply = parsed('---\ntitle: Hello\n---\n\nFirst paragraph\nstill first.\n\nSecond paragraph.\n');
    expect(reply).toMatchObject({
      title: 'Hello',
      body: 'First paragraph\nstill first.\n\nSecond paragraph.',
      shortBody: 'First paragraph\nstill first.',
    });
  });

  it('GIVEN a Short section and comments THEN the body stops before it and comments are dropped', () => {
    const reply = parsed(
      '<!-- top note -->\n---\ntitle: "Hi there"\n---\nFull <!-- inline -->text.\n\n## Short\n\nShort text.\n',
    );
    expect(reply).toMatchObject({ title: 'Hi there', body: 'Full text.', shortBody: 'Short text.' });
  });

  it('GIVEN Windows line endings and a byte-order mark THEN the file still parses', () => {
    const reply = parsed('\uFEFF---\r\ntitle: T\r\n---\r\nBody.\r\n\r\n## short\r\nS.\r\n');
    expect(reply).toMatchObject({ title: 'T', body: 'Body.', shortBody: 'S.' });
  });

  it('GIVEN "Someone else" and "Concern" sections THEN each is read into its own reply', () => {
    const reply = parsed(
      '---\ntitle: T\n---\nBody.\n\n## Short\nS.\n\n## Someone else\nHelp them.\n\nCall 112.\n\n## Concern\nYou are\nnot alone.\n',
    );
    expect(reply).toEqual({
      title: 'T',
      body: 'Body.',
      shortBody: 'S.',
      otherBody: 'Help them.\n\nCall 112.',
      concernLine: 'You are not alone.',
    });
  });

  it('GIVEN no "Someone else" section THEN guidance on helping comes before the server\'s own short reply', () => {
    const reply = parsed('---\ntitle: T\n---\nBody.\n\n## Short\nRing 0800 111 0 111.\n');
    expect(reply.otherBody).toMatch(/someone you care about/);
    expect(reply.otherBody.endsWith('Ring 0800 111 0 111.')).toBe(true);
    expect(reply.concernLine.length).toBeGreaterThan(0);
  });

  it('GIVEN an unknown, repeated or empty section THEN the error names it', () => {
    expect(errorOf('---\ntitle: x\n---\nBody.\n\n## Shorter\nS.\n')).toMatch(/unknown section "## Shorter"/);
    expect(errorOf('---\ntitle: x\n---\nBody.\n\n## Concern\nA.\n\n## concern\nB.\n')).toMatch(
      /Concern.*twice/,
    );
    expect(errorOf('---\ntitle: x\n---\nBody.\n\n## Someone else\n\n')).toMatch(/Someone else.*empty/);
  });

  it('GIVEN a concern line longer than one short line THEN the error gives its length', () => {
    expect(errorOf(`---\ntitle: x\n---\nBody.\n\n## Concern\n${'a'.repeat(301)}\n`)).toMatch(
      /Concern.*301 characters/,
    );
  });

  it('GIVEN a missing title THEN the error names the file and the title', () => {
    const message = errorOf('---\nname: x\n---\nBody.\n');
    expect(message).toContain('server/crisis-reply.md');
    expect(message).toMatch(/missing title/);
  });

  it('GIVEN no front matter THEN the error names the file and says what is missing', () => {
    const message = errorOf('Just some text.\n');
    expect(message).toContain('server/crisis-reply.md');
    expect(message).toMatch(/front matter/);
  });

  it('GIVEN front matter that never closes THEN the error says so', () => {
    expect(errorOf('---\ntitle: x\nBody.\n')).toMatch(/never ends/);
  });

  it('GIVEN invalid YAML in the front matter THEN the error names the file', () => {
    const message = errorOf('---\ntitle: [unclosed\n---\nBody.\n');
    expect(message).toContain('server/crisis-reply.md');
    expect(message).toMatch(/YAML/);
  });

  it('GIVEN an empty body THEN the error names the file and the empty reply', () => {
    const message = errorOf('---\ntitle: x\n---\n<!-- only a comment -->\n\n## Short\nShort.\n');
    expect(message).toContain('server/crisis-reply.md');
    expect(message).toMatch(/empty/);
  });

  it('GIVEN an empty Short section THEN the error says so', () => {
    expect(errorOf('---\ntitle: x\n---\nBody.\n\n## Short\n\n')).toMatch(/Short.*empty/);
  });

  it('GIVEN an unclosed comment THEN the error says so rather than publishing it', () => {
    expect(errorOf('---\ntitle: x\n---\nBody. <!-- oops\n')).toMatch(/never ends/);
  });

  it('GIVEN a body over the limit THEN the error gives the length and the limit', () => {
    const long = 'word '.repeat(400);
    const message = errorOf(`---\ntitle: x\n---\n${long}\n`);
    expect(message).toContain(String(CRISIS_REPLY_MAX_CHARS));
    expect(message).toMatch(/full reply/);
  });
});

describe('loadCrisisReply', () => {
  it('GIVEN a file that does not exist THEN the error names the path', () => {
    const path = join(tmpdir(), 'boundary-bot-no-such-dir', 'crisis-reply.md');
    const result = loadCrisisReply(path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(path);
  });

  it('GIVEN a server-adapted file on disk THEN it is loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-reply-'));
    try {
      const path = join(dir, 'crisis-reply.md');
      writeFileSync(
        path,
        '---\ntitle: Du verdienst Unterstützung\n---\nRuf 112 an.\n\n## Short\nTelefonSeelsorge: 0800 111 0 111.\n',
      );
      const result = loadCrisisReply(path);
      expect(result).toMatchObject({
        ok: true,
        reply: {
          title: 'Du verdienst Unterstützung',
          body: 'Ruf 112 an.',
          shortBody: 'TelefonSeelsorge: 0800 111 0 111.',
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
