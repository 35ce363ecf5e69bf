import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../support/bot-harness.js';
import { runNode, runToEnd } from '../support/processes.js';

describe('GIVEN HEALTH_PORT is already taken', () => {
  let blocker: Server | undefined;
  const scratch = scratchDir();
  afterEach(() => {
    blocker?.close();
    scratch.cleanup();
  });

  it('WHEN the bot starts THEN it exits 1 with one line naming the port, and no stack trace', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;

    const result = await runToEnd(
      runNode(['--import', 'tsx', 'src/index.ts'], {
        DISCORD_TOKEN: 'not-a-real-token',
        VOTE_HASH_SECRET: 'health-test-vote-secret-0123456789abcdef',
        // Never reached: the health endpoint fails before the bot logs in.
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
        DATABASE_PATH: join(scratch.path, 'bot.db'),
        HEALTH_PORT: String(port),
        LOG_LEVEL: 'silent',
      }),
    );

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `HEALTH_PORT ${port} is already in use on 127.0.0.1: choose another port or stop what uses it.`,
    ]);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });
});
