import pino from 'pino';
import { loadAppConfig } from '../config.js';
import { loadCore, type Core } from '../core.js';
import { createLogger } from '../logger.js';

export interface CliOptions {
  /** Answer as this Discord server would, its pinned answers included. */
  readonly guildId: string | undefined;
  readonly json: boolean;
  /** `ask --explain`: also print why the engine chose its answer. */
  readonly explain: boolean;
  readonly rest: readonly string[];
}

export type CliArgsResult = { ok: true; options: CliOptions } | { ok: false; message: string };

export function parseCliArgs(argv: readonly string[]): CliArgsResult {
  let guildId: string | undefined;
  let json = false;
  let explain = false;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--explain') explain = true;
    else if (arg === '--guild' || arg.startsWith('--guild=')) {
      const value = arg === '--guild' ? argv[++index] : arg.slice('--guild='.length);
      if (!value || !/^\d{15,22}$/.test(value))
        return { ok: false, message: '--guild needs a server id (digits)' };
      guildId = value;
    } else if (arg === '--') continue;
    else rest.push(arg);
  }
  return { ok: true, options: { guildId, json, explain, rest } };
}

/** Config and core for a terminal command; exits with one clear message when something is wrong. */
export function startCli(options: CliOptions): Core {
  const config = loadAppConfig();
  if (!config.ok) fail(config.message);
  // Logs go to stderr: stdout belongs to answers (and to `ask --json`'s one-object-per-line contract).
  const logger = createLogger(config.config.logLevel === 'info' ? 'warn' : config.config.logLevel, {
    destination: pino.destination(2),
  });
  const core = loadCore(config.config, { withPins: options.guildId !== undefined, logger });
  if (!core.ok) fail(core.message);
  return core.core;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
