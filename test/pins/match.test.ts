import { describe, expect, it, test } from 'vitest';
import { PIN_MATCH_THRESHOLD, matchPin, normalizeQuestion } from '../../src/pins/match.js';
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
