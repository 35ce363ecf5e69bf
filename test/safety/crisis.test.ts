import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCrisis, editDistance, normalizeForCrisis } from '../../src/safety/crisis.js';
import type { CrisisSignal } from '../../src/safety/crisis.js';

interface Entry {
  readonly message: string;
  readonly why: string;
}
interface CrisisSet {
  readonly crisis: readonly Entry[];
  readonly nearMiss: readonly Entry[];
}

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/crisis-set.json', import.meta.url)), 'utf8'),
) as CrisisSet;

const ALL_SIGNALS: readonly CrisisSignal[] = [
  'suicidal-ideation',
  'self-harm',
  'plan-or-means',
  'immediate-danger',
  'slang',
  'help-seeking',
];

function isCrisis(message: string): boolean {
  return detectCrisis(message).isCrisis;
}

describe('crisis dev set', () => {
  it('GIVEN the dev set THEN it has at least 70 crisis and 70 near-miss messages, each with a reason', () => {
    expect(fixture.crisis.length).toBeGreaterThanOrEqual(70);
    expect(fixture.nearMiss.length).toBeGreaterThanOrEqual(70);
    for (const entry of [...fixture.crisis, ...fixture.nearMiss]) {
      expect(entry.message.length).toBeGreaterThan(0);
      expect(entry.why.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN every crisis message in the dev set THEN every one gets the crisis reply (100% recall)', () => {
    const missed = fixture.crisis.filter((entry) => !isCrisis(entry.message)).map((entry) => entry.message);
    expect(missed).toEqual([]);
  });

  it('GIVEN every near-miss message in the dev set THEN none gets the crisis reply (0% false alarms)', () => {
    const flagged = fixture.nearMiss.filter((entry) => isCrisis(entry.message)).map((entry) => entry.message);
    expect(flagged).toEqual([]);
  });
});

describe('detectCrisis concepts', () => {
  it.each([
    ['i want to die', 'suicidal-ideation'],
    ['i keep cutting myself', 'self-harm'],
    ['i have pills saved up', 'plan-or-means'],
    ['my boyfriend keeps hitting me', 'immediate-danger'],
    ['kms', 'slang'],
    ['should i text 988', 'help-seeking'],
  ] as const)('GIVEN "%s" THEN the signal is %s', (message, signal) => {
    const result = detectCrisis(message);
    expect(result.isCrisis).toBe(true);
    if (result.isCrisis) expect(result.signals).toContain(signal);
  });

  it('GIVEN a crisis message THEN signals are concept names only, never the words of the message', () => {
    const message = 'my secret name is Zorblax and i want to kill myself with pills tonight';
    const result = detectCrisis(message);
    expect(result.isCrisis).toBe(true);
    if (!result.isCrisis) return;
    expect(result.signals.length).toBeGreaterThan(0);
    for (const signal of result.signals) expect(ALL_SIGNALS).toContain(signal);
    expect(JSON.stringify(result)).not.toMatch(/zorblax|pills|tonight/i);
  });

  it('GIVEN an idiom and a real crisis in the same message THEN the crisis is still caught', () => {
    expect(isCrisis("I'm killing it at work lately")).toBe(false);
    expect(isCrisis("I'm killing it at work lately but honestly I want to die")).toBe(true);
    expect(isCrisis('her advice is to die for')).toBe(false);
    expect(isCrisis('her advice is to die for. i want to end it all')).toBe(true);
    expect(isCrisis("I'm dying to know if I can ask")).toBe(false);
    expect(isCrisis("I'm dying to know if I can ask, i've been hurting myself")).toBe(true);
  });

  it('GIVEN disguised spellings of a crisis message THEN each is still caught', () => {
    const variants = [
      'I WANT TO KILL MYSELF',
      'i want to kiiiiill myselfff',
      'i want to k1ll mys3lf',
      'i want to k*ll myself',
      'i want to k\u200bill my\u200dself',
      'i want to kïll mysèlf',
      'i want to k i l l myself',
      'i want to ｋｉｌｌ myself',
      'i wanna kil myslef',
      'i want to k-i-l-l myself',
      'im suicidle',
      'sooicidal again',
      '$uicide',
    ];
    const missed = variants.filter((message) => !isCrisis(message));
    expect(missed).toEqual([]);
  });

  it('GIVEN a third-person or academic question about suicide THEN it is not a crisis, but a first-person one is', () => {
    expect(isCrisis('is suicide prevention covered in therapy training?')).toBe(false);
    expect(isCrisis('what are suicide warning signs therapists look for?')).toBe(false);
    expect(isCrisis('i need suicide prevention help for me')).toBe(true);
    expect(isCrisis('what is the suicide hotline number')).toBe(true);
  });

  it('GIVEN "kms" meaning kilometres THEN it is not a crisis', () => {
    expect(isCrisis('I ran 12 kms today')).toBe(false);
    expect(isCrisis('i walked a few kms to my session')).toBe(false);
  });

  it('GIVEN "kys" THEN it is a crisis only when self-directed', () => {
    expect(isCrisis('i wanna kys')).toBe(true);
    expect(isCrisis('kys myself lol no but fr')).toBe(true);
    expect(isCrisis('you should kys')).toBe(false);
  });

  it('GIVEN hyperbole about a parent finding out THEN it is not a crisis, but fear of a partner is', () => {
    expect(isCrisis('my mom is going to kill me when she sees my grades')).toBe(false);
    expect(isCrisis("I'm scared my husband will kill me when he finds out")).toBe(true);
    expect(isCrisis('he threatened to kill me')).toBe(true);
  });

  it('GIVEN an empty or whitespace message THEN it is not a crisis', () => {
    expect(detectCrisis('')).toEqual({ isCrisis: false });
    expect(detectCrisis('   \n\t ')).toEqual({ isCrisis: false });
  });
});

describe('normalizeForCrisis', () => {
  it('GIVEN accents, zero-width characters, curly apostrophes and stretched letters THEN they are normalised', () => {
    expect(normalizeForCrisis('I’m so\u200b tíred, I don’t wanna goooo')).toBe(
      'i am so tired i do not want to go',
    );
  });

  it('GIVEN line breaks and sentence punctuation THEN they become sentence breaks', () => {
    expect(normalizeForCrisis('hello!!\n\nworld?')).toBe('hello . world .');
  });
});

describe('editDistance', () => {
  it('GIVEN a transposition, an insertion and an unrelated word THEN the distances are 1, 1 and over the limit', () => {
    expect(editDistance('myslef', 'myself', 2)).toBe(1);
    expect(editDistance('suicidial', 'suicidal', 2)).toBe(1);
    expect(editDistance('banana', 'myself', 2)).toBe(3);
  });
});

describe('detectCrisis robustness', () => {
  it('GIVEN a 10,000-character hostile string THEN it completes and returns a value', () => {
    const hostile = [
      'a '.repeat(5000),
      'i want to '.repeat(1000),
      'k i l l '.repeat(1250),
      ('my partner is is is is ' + 'just '.repeat(20)).repeat(80),
      '!'.repeat(10_000),
      'suicide'.repeat(1430),
      'want to just really like '.repeat(400),
      '\u200b'.repeat(10_000),
      'kill. '.repeat(1666),
      'no reason to '.repeat(769),
    ];
    for (const text of hostile) {
      const result = detectCrisis(text.slice(0, 10_000));
      expect(typeof result.isCrisis).toBe('boolean');
    }
  });

  it('GIVEN random strings up to 10,000 characters THEN detection never throws and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 10_000 }), (text) => {
        const first = detectCrisis(text);
        const second = detectCrisis(text);
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN random mixes of crisis and ordinary words THEN detection never throws and is deterministic', () => {
    const words = fc.constantFrom(
      'i',
      'want',
      'to',
      'die',
      'kill',
      'myself',
      'my',
      'therapist',
      'killing',
      'it',
      'he',
      'will',
      'me',
      'not',
      'safe',
      'pills',
      'jump',
      'off',
      'bridge',
      'kms',
      'kys',
      '.',
      ',',
      'lol',
      'suicide',
      'cut',
      'dying',
      'for',
      'end',
      'all',
      '2',
      'k1ll',
      '\u200b',
      'é',
      '💀',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 400 }), (parts) => {
        const text = parts.join(' ');
        expect(detectCrisis(text)).toEqual(detectCrisis(text));
      }),
      { numRuns: 300 },
    );
  });
});
