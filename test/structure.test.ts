import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './support/bot-harness.js';

/** The layer rules in eslint.config.js (DESIGN.md: layers), tried on one import line in a file that does not exist. */
const eslint = new ESLint({ cwd: REPO_ROOT });
async function refused(file: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import type { X } from '${specifier}';\nexport type Y = X;\n`, {
    filePath: join(REPO_ROOT, file),
  });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-imports');
}

describe('GIVEN the direction of dependencies', () => {
  test.each([
    ['src/engine/rank.ts', '../answer/compose.js', 'the engine imports only knowledge and text'],
    ['src/engine/rank.ts', '../store/types.js', 'the engine imports only knowledge and text'],
    ['src/engine/deep/part.ts', '../../pins/match.js', 'however deep the file'],
    ['src/knowledge/load.ts', '../engine/engine.js', 'knowledge imports nothing above it'],
    ['src/store/types.ts', '../pins/service.js', 'the store imports nothing above it'],
    ['src/text/words.ts', '../engine/text.js', 'text is the bottom'],
    ['src/pins/service.ts', '../answer/responder.js', 'pins do not import answer (answer imports pins)'],
    ['src/answer/compose.ts', '../discord/payload.js', 'Discord code is never imported below it'],
    ['src/safety/crisis.ts', '../config.js', 'only the composition root reads configuration'],
    ['src/cli/ask.ts', '../discord/bot.js', 'the terminal does not import Discord code'],
    ['src/core.ts', './discord/bot.js', 'the core does not import Discord code'],
    ['src/moderation/recorder.ts', '../discord/context.js', 'the review queue does not import Discord code'],
    [
      'src/answer/responder.ts',
      '../moderation/recorder.js',
      'answer does not import the review queue above it',
    ],
  ])('WHEN %s imports %s THEN the linter refuses it (%s)', async (file, specifier) => {
    expect(await refused(file, specifier)).toBe(true);
  });

  test.each([
    ['src/engine/rank.ts', '../text/index.js'],
    ['src/engine/rank.ts', '../knowledge/types.js'],
    ['src/engine/rank.ts', './index.js'],
    ['src/pins/match.ts', '../store/types.js'],
    ['src/answer/responder.ts', '../pins/match.js'],
    ['src/discord/commands/ask.ts', '../../answer/responder.js'],
    ['src/app.ts', './discord/bot.js'],
    ['src/moderation/recorder.ts', '../answer/responder.js'],
  ])('WHEN %s imports %s THEN the linter allows it', async (file, specifier) => {
    expect(await refused(file, specifier)).toBe(false);
  });
});
