import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../src/config.js';
import { loadCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { openPinStore } from '../src/store/sqlite-pin-store.js';
import { scratchDir, REPO_ROOT } from './support/bot-harness.js';

describe('GIVEN a database with a pin whose paragraph has since changed', () => {
  let scratch: ReturnType<typeof scratchDir>;
  beforeEach(() => {
    scratch = scratchDir();
  });
  afterEach(() => scratch.cleanup());

  it('WHEN the core starts THEN it logs the stale pin (without its question) and never serves it', () => {
    const databasePath = join(scratch.path, 'bot.db');
    const store = openPinStore(databasePath);
    store.addPin({
      guildId: '123456789012345678',
      question: 'what happens if my therapist is sick',
      normalizedQuestion: 'what happens if my therapist sick',
      articleId: 'therapist-wellbeing',
      sectionId: 'patient-centered-focus',
      paragraphId: 'patient-centered-focus/1',
      paragraphHash: 'hash-of-an-older-wording',
      pinnedBy: '223456789012345678',
      messageUrl: null,
    });
    store.close();

    const config = loadAppConfig({
      KNOWLEDGE_DIR: join(REPO_ROOT, 'knowledge'),
      DATABASE_PATH: databasePath,
    });
    if (!config.ok) throw new Error(config.message);
    const lines: string[] = [];
    const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) } });
    const core = loadCore(config.config, { withPins: true, logger });
    if (!core.ok) throw new Error(core.message);
    try {
      const warning = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => /stale pin/.test(String(line['msg'])));
      expect(warning).toMatchObject({
        level: 40,
        pinId: 1,
        staleness: 'paragraph-changed',
        guildId: '123456789012345678',
      });
      expect(lines.join('')).not.toContain('what happens if my therapist is sick');
      const reply = core.core.responder.respond('what happens if my therapist is sick', {
        guildId: '123456789012345678',
      });
      expect(reply.kind).toBe('answer');
    } finally {
      core.core.close();
    }
  });
});
