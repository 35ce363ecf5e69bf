import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { REPO_ROOT } from './bot-harness.js';

const UNSET_SETTINGS = Object.fromEntries(
  [
    'DISCORD_TOKEN',
    'DISCORD_CLIENT_ID',
    'DISCORD_GUILD_ID',
    'DISCORD_API_URL',
    'DATABASE_PATH',
    'KNOWLEDGE_DIR',
    'CRISIS_REPLY_PATH',
    'LOG_LEVEL',
    'MOD_ROLE_IDS',
    'RATE_LIMIT_QUESTIONS',
    'RATE_LIMIT_WINDOW_SECONDS',
    'HEALTH_PORT',
    'HEALTH_HOST',
    'LOG_MESSAGE_CONTENT',
    'VOTE_HASH_SECRET',
    'REVIEW_RETENTION_DAYS',
  ].map((name) => [name, '']),
);

export interface Spawned {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

/** Runs an npm script the way a user would, with only the given Discord settings (no .env leaks in). */
export function runNpm(args: readonly string[], env: Record<string, string>, input?: string): Spawned {
  return run('npm', ['--silent', ...args], env, input);
}

/** Runs node directly, so signals reach the bot itself rather than npm. */
export function runNode(args: readonly string[], env: Record<string, string>, input?: string): Spawned {
  return run(process.execPath, args, env, input);
}

function run(command: string, args: readonly string[], env: Record<string, string>, input?: string): Spawned {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DISCORD_|DATABASE_PATH|KNOWLEDGE_DIR|HEALTH_|MOD_ROLE_IDS|LOG_)/.test(key),
    ),
  );
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    // Every setting is given explicitly (empty means unset), so a developer's .env cannot leak in.
    env: { ...cleanEnv, ...UNSET_SETTINGS, ...env },
    stdio: 'pipe',
    // Its own process group, so a test can signal it the way a terminal's Ctrl+C does.
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (input !== undefined) child.stdin.end(input);
  // 'close' comes after the output streams are drained, so stdout() is complete once this resolves.
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs to the end and returns what a test asserts on. */
export async function runToEnd(
  spawned: Spawned,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const code = await spawned.exited;
  return { code, stdout: spawned.stdout(), stderr: spawned.stderr() };
}
