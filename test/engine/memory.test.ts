import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TypoIndex } from '../../src/engine/typos.js';
import { shippedEngine } from './support.js';

/** The i-th character of the CJK Unified Ideographs blocks (base and extension B): 63,712 distinct letters. */
function cjk(at: number): string {
  const base = 0x4e00;
  const span = 0x9fff - base + 1;
  const position = at % (span + 0xa6e0);
  return String.fromCodePoint(position < span ? base + position : 0x20000 + position - span);
}

function collect(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

describe('memory stays bounded whatever members type (issue 10, finding 2)', () => {
  it('GIVEN 100,000 messages of words starting with distinct CJK characters THEN the heap grows by less than 40 MB', () => {
    const engine = shippedEngine();
    const gc = collect();
    engine.answer('warm-up: can i ask my therapist how she is doing');
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let at = 0; at < 100_000; at++) {
      const first = cjk(at);
      engine.answer(`${first}${cjk(at * 7 + 3)}abcdef ${cjk(at + 50_000)}wellbeing therapist`);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(40 * 1024 * 1024);
  }, 120_000);

  it('GIVEN lookups in thousands of distinct buckets THEN the corrector keeps nothing between them', () => {
    const vocabulary = Array.from({ length: 3000 }, (_, at) => `${cjk(at)}bcdefg`);
    const typos = new TypoIndex(vocabulary);
    const gc = collect();
    expect(typos.correct(`${cjk(0)}bcdefh`)?.word).toBe(`${cjk(0)}bcdefg`);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let at = 0; at < 3000; at++) {
      expect(typos.correct(`${cjk(at)}bcdefh`)?.word).toBe(`${cjk(at)}bcdefg`);
      expect(typos.correct(`${cjk(at + 10_000)}herapist`)).toBeNull();
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1024 * 1024);
  });
});
