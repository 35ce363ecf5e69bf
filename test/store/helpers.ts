import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NewPin } from '../../src/store/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const childScript = join(here, 'pin-writer.child.ts');

/** A fresh temporary directory; `cleanup` removes it. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'boundary-pins-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function samplePin(overrides: Partial<NewPin> = {}): NewPin {
  return {
    guildId: 'guild-a',
    question: 'Can I ask my therapist how they are doing?',
    normalizedQuestion: 'can i ask my therapist how they are doing',
    articleId: 'therapist-wellbeing',
    sectionId: 'introduction',
    paragraphId: 'introduction/1',
    paragraphHash: 'a'.repeat(64),
    pinnedBy: 'mod-1',
    pinnedAt: 1_700_000_000_000,
    messageUrl: 'https://discord.com/channels/1/2/3',
    ...overrides,
  };
}

/** Runs test/store/pin-writer.child.ts in a separate Node process (through tsx). */
export function spawnPinWriter(
  args: readonly string[],
  as: { uid: number; gid: number } | undefined = undefined,
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
    // No tsx transform cache: it would leave a /tmp/tsx-<uid> directory behind for every user we run as.
    env: { ...process.env, TSX_DISABLE_CACHE: '1' },
    ...as,
  });
}

/** Calls `onLine` for every complete stdout line of the child. */
export function onLines(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  });
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Resolves when the child has exited and its output streams are closed. */
export function waitForExit(child: ChildProcessWithoutNullStreams): Promise<ChildExit> {
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}
