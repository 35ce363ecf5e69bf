import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnchorIndex, requiredLiterals } from '../../src/safety/anchors.js';
import { neutralizeIdioms } from '../../src/safety/idioms.js';
import { LEXICON } from '../../src/safety/lexicon.js';
import { normalizeForCrisis } from '../../src/safety/normalise.js';

describe('GIVEN a pattern source', () => {
  it.each([
    ['\\bkill myself\\b', [['kill myself']]],
    ['\\b(?:kill myself|end it)\\b', [['kill myself', 'end it']]],
    ['kills?', [['kill']]],
    ['a{3}b', [['a'], ['b']]],
    ['(?:foo)?bar', [['bar']]],
    ['\\b(?:want|wish) to (?:die|go)\\b', [['want', 'wish'], [' to '], ['die', 'go']]],
    ['(?<=x)abc(?! d)', [['abc']]],
    ['[a-z]*kms+\\b', [['kms']]],
    ['(?:a|)b', [['b']]],
    ['(?<who>he|she) (?:is|was)? gone', [['he', 'she'], [' '], [' gone']]],
  ])('WHEN %s is read THEN every match must contain one literal of each list %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  it('WHEN every part is optional THEN nothing is required, so the pattern is always tried', () => {
    expect(requiredLiterals('(?:a|b)?c*')).toEqual([]);
    const index = buildAnchorIndex(['(?:a|b)?c*', 'xyz']);
    expect(index.scan('nothing here')(0)).toBe(true);
    expect(index.scan('nothing here')(1)).toBe(false);
    expect(index.scan('wxyz')(1)).toBe(true);
  });
});

/** Cues whose pattern matches the text, and whether the index let each of them through. */
function lostCues(message: string): number[] {
  const text = neutralizeIdioms(normalizeForCrisis(message));
  const mayBeIn = LEXICON.cueAnchors.scan(text);
  return LEXICON.cues.filter((cue) => !mayBeIn(cue.id) && cue.present.test(text)).map((cue) => cue.id);
}

const FIXTURES = new URL('../fixtures/', import.meta.url);
const crisisMessages = readdirSync(FIXTURES)
  .filter((name) => name.startsWith('crisis-') && name.endsWith('.json'))
  .flatMap((name) => {
    const set = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<
      string,
      { message: string }[]
    >;
    return [...(set['crisis'] ?? []), ...(set['nearMiss'] ?? [])].map((entry) => entry.message);
  });

describe('GIVEN the cues and their anchors', () => {
  it('WHEN every crisis and near-miss message of every set is checked THEN no cue that matches is ever skipped', () => {
    expect(crisisMessages.length).toBeGreaterThan(4000);
    const lost = crisisMessages.filter((message) => lostCues(message).length > 0);
    expect(lost).toEqual([]);
  });

  it('WHEN random texts are made of the words the cues look for THEN no cue that matches is ever skipped', () => {
    const words = [
      ...new Set(
        LEXICON.cues
          .flatMap((cue) => requiredLiterals(cue.pattern.source).flat())
          .flatMap((literal) => literal.split(' ')),
      ),
    ].filter((word) => word.length > 0);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words, '.', 'i', 'my', 'now', 'not'), { maxLength: 30 }),
        (parts) => {
          expect(lostCues(parts.join(' '))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
