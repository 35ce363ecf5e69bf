import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import { isStopword } from '../../src/engine/text.js';
import {
  MAX_PIN_QUESTION_STEMS,
  PIN_MATCH_THRESHOLD,
  matchPin,
  normalizeQuestion,
} from '../../src/pins/match.js';
import { editDistance, stem } from '../../src/text/index.js';
import type { Pin } from '../../src/store/types.js';

function pin(id: number, question: string): Pin {
  return {
    id,
    guildId: '111111111111111111',
    question,
    normalizedQuestion: normalizeQuestion(question),
    articleId: 'therapist-wellbeing',
    sectionId: 'conclusion',
    paragraphId: 'conclusion/1',
    paragraphHash: '0'.repeat(64),
    pinnedBy: '222222222222222222',
    pinnedAt: 0,
    messageUrl: null,
  };
}

describe('GIVEN questions to normalise', () => {
  test.each([
    ['Can I ask my therapist how she is doing?', 'i ask my therapist how she doing'],
    ["can i ask my therapist how she's doing", 'i ask my therapist how she doing'],
    ['I have a crush on my counselor', 'i have crush on my therapist'],
    ['HEY BOT, crush on my Shrink!!', 'crush on my therapist'],
    ['Can I ask my therapist out?', 'i ask my therapist out'],
    ['', ''],
    ['?!', ''],
  ])('WHEN %j is normalised THEN it is %j', (question, expected) => {
    expect(normalizeQuestion(question)).toBe(expected);
  });

  it('WHEN two wordings differ only in case, punctuation and filler THEN they normalise alike', () => {
    expect(normalizeQuestion('Is it OK to ask my therapist how she is doing?')).toBe(
      normalizeQuestion('ok ask my therapist how she doing'),
    );
  });
});

describe('GIVEN a pinned question', () => {
  test.each([
    [
      'Can I ask my therapist how she is doing?',
      'can i ask my therapist how shes doing?',
      'apostrophe dropped',
    ],
    ['Can I ask my therapist how she is doing?', 'CAN I ASK MY THERAPIST HOW SHE IS DOING', 'shouting'],
    ['Can I ask my therapist how she is doing?', 'can i ask my therpaist how she is doing', 'typo'],
    [
      'Can I ask my therapist how she is doing?',
      'can i ask my counselor how she is doing',
      'another word for therapist',
    ],
    ['I have a crush on my counselor', 'crush on my counsellor', 'British spelling, words left out'],
    ['I have a crush on my counselor', 'i have a crush on my therapist', 'another word for counselor'],
    ['What happens if my therapist is sick?', 'what happens if my therapist is sick', 'the same question'],
  ])('WHEN %j is pinned and %j is asked (%s) THEN the pin matches', (pinned, asked) => {
    const match = matchPin(asked, [pin(1, pinned)]);
    expect(match?.pin.id).toBe(1);
    expect(match?.similarity).toBeGreaterThanOrEqual(PIN_MATCH_THRESHOLD);
    expect(match?.similarity).toBeLessThanOrEqual(1);
  });

  test.each([
    [
      'Can I ask my therapist how she is doing?',
      'can i ask my therapist out',
      'asking out is not asking after',
    ],
    [
      'Can I ask my therapist how she is doing?',
      'can i ask my therapist about her family',
      'a personal question',
    ],
    ['Can I ask my therapist how she is doing?', 'can i hug my therapist', 'a hug is not a question'],
    ['Can I ask my therapist how she is doing?', 'what is the best pizza', 'another topic'],
    [
      'what happens if my therapist is sick',
      'what happens if i am sick',
      'the asker is sick, not the therapist',
    ],
    ['what happens if my therapist is sick', 'what happens if my therapist is late', 'late is not sick'],
    ['I have a crush on my counselor', 'my counselor has a crush on me', 'the crush goes the other way'],
    [
      'should i tell my therapist about my crush',
      'should i tell my therapist about my job',
      'another subject',
    ],
    ['Can I ask my therapist how she is doing?', '', 'nothing asked'],
    ['Can I ask my therapist how she is doing?', 'the a my is', 'only filler'],
  ])('WHEN %j is pinned and %j is asked (%s) THEN it does not match', (pinned, asked) => {
    expect(matchPin(asked, [pin(1, pinned)])).toBeUndefined();
  });

  it('WHEN several pins are close THEN the most similar one is chosen', () => {
    const pins = [
      pin(1, 'Can I ask my therapist how she is doing today?'),
      pin(2, 'Can I ask my therapist how she is doing?'),
    ];
    expect(matchPin('can i ask my therapist how she is doing', pins)?.pin.id).toBe(2);
  });

  it('WHEN there are no pins THEN nothing matches', () => {
    expect(matchPin('can i ask my therapist how she is doing', [])).toBeUndefined();
  });
});

/** The rule matchPin implements, written the slow way: every pin compared with the question. */
function referenceMatch(
  question: string,
  pins: readonly Pin[],
): { id: number; similarity: number } | undefined {
  const stems = (text: string): string[] => [...new Set(text.split(' ').filter(Boolean).map(stem))];
  const like = (left: string, right: string): boolean =>
    left === right ||
    (Math.min(left.length, right.length) >= 5 &&
      Math.abs(left.length - right.length) <= 1 &&
      editDistance(left, right) <= 1);
  const covers = (from: string[], into: string[]): boolean =>
    from.every((word) => isStopword(word) || into.some((other) => like(word, other)));
  const asked = stems(normalizeQuestion(question));
  if (asked.length === 0) return undefined;
  let best: { id: number; similarity: number } | undefined;
  for (const candidate of pins) {
    const pinned = stems(candidate.normalizedQuestion);
    if (pinned.length === 0 || !covers(asked, pinned) || !covers(pinned, asked)) continue;
    const unused = [...pinned];
    let shared = 0;
    for (const word of asked) {
      const at = unused.findIndex((other) => like(word, other));
      if (at >= 0) {
        unused.splice(at, 1);
        shared++;
      }
    }
    const similarity = (2 * shared) / (asked.length + pinned.length);
    if (similarity >= PIN_MATCH_THRESHOLD && (!best || similarity > best.similarity)) {
      best = { id: candidate.id, similarity: Math.round(similarity * 1000) / 1000 };
    }
  }
  return best;
}

describe('GIVEN many pins, indexed', () => {
  const VOCABULARY = [
    'therapist',
    'therpist',
    'counselor',
    'crush',
    'crsuh',
    'sick',
    'late',
    'ask',
    'how',
    'she',
    'doing',
    'hug',
    'family',
    'gift',
    'gifts',
    'session',
    'sessions',
    'cancel',
    'cancelled',
    'boundary',
    'boundaries',
    'about',
    'abuot',
    'should',
    'tell',
    'my',
    'her',
    'out',
    'wellbeing',
    'wellbeeing',
    'feelings',
    'holiday',
  ];
  const sentence = fc
    .array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 7 })
    .map((words) => words.join(' '));

  it('WHEN questions and pins are drawn from a shared vocabulary with typos THEN the index finds exactly what comparing every pin finds', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 30 }),
        fc.array(sentence, { minLength: 1, maxLength: 10 }),
        (pinned, asked) => {
          const pins = pinned.map((question, at) => pin(at + 1, question));
          for (const question of asked) {
            const found = matchPin(question, pins);
            const expected = referenceMatch(question, pins);
            expect(found && { id: found.pin.id, similarity: found.similarity }).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('WHEN 1,000 pins share most words THEN the one pinned question is still found, and a near miss is not', () => {
    // "q" + three letters: distinct words too short to count as typos of each other.
    const topic = (at: number): string =>
      `q${[at % 26, Math.floor(at / 26) % 26, Math.floor(at / 676)].map((n) => String.fromCharCode(97 + n)).join('')}`;
    const pins = Array.from({ length: 1000 }, (_, at) =>
      pin(at + 1, `can i ask my therapist about ${topic(at)} today`),
    );
    pins.push(pin(5000, 'Can I ask my therapist how she is doing?'));
    expect(matchPin('can i ask my therapsit how she is doing', pins)?.pin.id).toBe(5000);
    expect(matchPin(`can i ask my therapist about ${topic(707)} today`, pins)?.pin.id).toBe(708);
    expect(matchPin(`can i ask my therapist about ${topic(707)} tomorrow`, pins)).toBeUndefined();
  });

  it(`WHEN a question has more than ${MAX_PIN_QUESTION_STEMS} distinct words THEN it is not compared with pins`, () => {
    const long = Array.from({ length: MAX_PIN_QUESTION_STEMS + 1 }, (_, at) => `word${at}`).join(' ');
    expect(matchPin(long, [pin(1, long)])).toBeUndefined();
    const justFits = Array.from({ length: MAX_PIN_QUESTION_STEMS }, (_, at) => `word${at}`).join(' ');
    expect(matchPin(justFits, [pin(1, justFits)])?.pin.id).toBe(1);
  });
});
