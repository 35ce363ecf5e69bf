/**
 * Child process for the store tests; it talks to the test through stdout lines.
 *
 *   loop <db>         add pins q0, q1, ... forever; print "confirmed <n>" after each addPin returned ok.
 *   race <db> <n>     open the store, print "ready", wait for "go" on stdin, then add q0..q<n-1> and print
 *                     "result <i> <created> <id>" (or "failed <i> <detail>") for each; exit 0.
 *   probe <db>        open the store with default options, print one JSON line with what listPins('guild-a'),
 *                     addPin and isWritable returned (or the error it threw); exit 0.
 */
import { createInterface } from 'node:readline';
import { openPinStore } from '../../src/store/sqlite-pin-store.js';
import type { NewPin } from '../../src/store/types.js';

const [mode, dbPath, countArg] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: pin-writer.child.ts <loop|race> <db> [n]');

function pin(guildId: string, n: number): NewPin {
  return {
    guildId,
    question: `Question number ${n}?`,
    normalizedQuestion: `q${n}`,
    articleId: 'therapist-wellbeing',
    sectionId: 'introduction',
    paragraphId: 'introduction/1',
    paragraphHash: 'b'.repeat(64),
    pinnedBy: `mod-${process.pid}`,
    messageUrl: null,
  };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function loop(): Promise<void> {
  const store = openPinStore(dbPath as string);
  // A safety net: the test kills us long before this, but never spin forever if it does not.
  for (let n = 0; n < 100_000; n += 1) {
    const result = store.addPin(pin('guild-kill', n));
    if (result.ok) say(`confirmed ${n}`);
    else say(`failed ${n} ${result.detail}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  store.close();
}

async function race(): Promise<void> {
  // A generous busy timeout: this test is about idempotency, not about lock timeouts.
  const store = openPinStore(dbPath as string, { busyTimeoutMs: 10_000 });
  if (!store.isWritable()) throw new Error('store is not writable');
  const count = Number(countArg ?? '20');
  const lines = createInterface({ input: process.stdin });
  say('ready');
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
  for (let n = 0; n < count; n += 1) {
    const result = store.addPin(pin('guild-race', n));
    if (result.ok) say(`result ${n} ${result.value.created} ${result.value.pin.id}`);
    else say(`failed ${n} ${result.detail}`);
  }
  store.close();
}

function probe(): void {
  try {
    const store = openPinStore(dbPath as string);
    const list = store.listPins('guild-a');
    const add = store.addPin(pin('guild-a', 1));
    const writable = store.isWritable();
    store.close();
    say(JSON.stringify({ list, add, writable }));
  } catch (err) {
    say(JSON.stringify({ threw: String(err) }));
  }
}

if (mode === 'probe') probe();
else if (mode === 'loop') await loop();
else if (mode === 'race') await race();
else throw new Error(`unknown mode ${String(mode)}`);
