/**
 * Snowflake ids for the fake Discord: 64-bit ids whose top 42 bits are milliseconds since the Discord epoch
 * (2015-01-01T00:00:00Z), so discord.js derives sane `createdAt` dates from them.
 */

export const DISCORD_EPOCH_MS = 1_420_070_400_000;

const WORKER_ID = 1n;
const PROCESS_ID = BigInt(process.pid & 0x1f);
let last = 0n;

/** A new snowflake for `atMs` (default now), strictly greater than every snowflake made before in this process. */
export function snowflake(atMs: number = Date.now()): string {
  const base = (BigInt(atMs - DISCORD_EPOCH_MS) << 22n) | (WORKER_ID << 17n) | (PROCESS_ID << 12n);
  const next = base > last ? base : last + 1n;
  last = next;
  return next.toString();
}

/** The Unix time in milliseconds encoded in a snowflake. */
export function snowflakeTimestamp(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

/** True for a decimal string that decodes to a time between the Discord epoch and a day from now. */
export function isSnowflake(id: unknown): id is string {
  if (typeof id !== 'string' || !/^\d{15,20}$/.test(id)) return false;
  const at = snowflakeTimestamp(id);
  return at >= DISCORD_EPOCH_MS && at <= Date.now() + 86_400_000;
}
