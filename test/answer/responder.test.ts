import { describe, expect, it, test, vi } from 'vitest';
import {
  MAX_QUESTION_CODE_POINTS,
  cleanQuestion,
  createResponder,
  type PinnedAnswers,
} from '../../src/answer/responder.js';
import { codePointLength } from '../../src/answer/limits.js';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { normalizeQuestion } from '../../src/pins/match.js';
import type { SafetyAssessment } from '../../src/safety/types.js';
import type { Pin } from '../../src/store/types.js';

const loaded = loadKnowledge('knowledge');
if (!loaded.ok) throw new Error(loaded.message);
const engine = createEngine(loaded.knowledge);
const ARTICLE = 'therapist-wellbeing';
const GUILD_A = '111111111111111111';
const GUILD_B = '333333333333333333';

function pinFor(question: string, paragraphId: string, overrides: Partial<Pin> = {}): Pin {
  return {
    id: 1,
    guildId: GUILD_A,
    question,
    normalizedQuestion: normalizeQuestion(question),
    articleId: ARTICLE,
    sectionId: paragraphId.split('/')[0] ?? '',
    paragraphId,
    paragraphHash: 'f'.repeat(64),
    pinnedBy: '222222222222222222',
    pinnedAt: 1_700_000_000_000,
    messageUrl: null,
    ...overrides,
  };
}

/** Pins per guild, the way the pin service hands them out. */
function pinsByGuild(byGuild: Record<string, readonly Pin[]>): PinnedAnswers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    activePins(guildId) {
      calls.push(guildId);
      return byGuild[guildId] ?? [];
    },
  };
}

/** The engine, with answer() counted. */
function countingEngine(): AnswerEngine & { answered: string[] } {
  const answered: string[] = [];
  return {
    ...engine,
    knowledge: engine.knowledge,
    answered,
    answer(question) {
      answered.push(question);
      return engine.answer(question);
    },
  };
}

const CRUSH_PIN = pinFor('I have a crush on my counselor', 'conclusion/1');

describe('GIVEN a crisis message', () => {
  it('WHEN it would also match a pin THEN the crisis reply wins and neither pins nor engine are consulted', () => {
    const counted = countingEngine();
    const pins = pinsByGuild({ [GUILD_A]: [CRUSH_PIN] });
    const assess = vi.fn((): SafetyAssessment => ({ tier: 'crisis', about: 'self', signals: ['ideation'] }));
    const reply = createResponder({ engine: counted, pins, assess }).respond(
      'I have a crush on my counselor',
      {
        guildId: GUILD_A,
      },
    );
    expect(reply).toEqual({
      kind: 'crisis',
      question: 'I have a crush on my counselor',
      safety: 'crisis',
      about: 'self',
      signals: ['ideation'],
    });
    expect(pins.calls).toEqual([]);
    expect(counted.answered).toEqual([]);
  });

  it('WHEN the message has control characters and a long preamble THEN the crisis check sees the raw text', () => {
    const raw = `${'lorem ipsum '.repeat(200)}\u0000I\twant\nto die`;
    const assess = vi.fn((): SafetyAssessment => ({ tier: 'none' }));
    createResponder({ engine, assess }).respond(raw);
    expect(assess).toHaveBeenCalledWith(raw);
  });

  it('WHEN the real detector runs THEN a cry for help after a long preamble still gets the crisis reply', () => {
    const raw = `${'my therapist seems tired and I wonder about it. '.repeat(40)}I want to kill myself`;
    expect(codePointLength(cleanQuestion(raw))).toBeLessThan(codePointLength(raw));
    expect(createResponder({ engine }).respond(raw).kind).toBe('crisis');
  });
});

describe('GIVEN a message of concern', () => {
  it('WHEN it is answered THEN the reply is the ordinary answer, marked with the concern tier', () => {
    const assess = vi.fn((): SafetyAssessment => ({ tier: 'concern', signals: ['distress'] }));
    const concerned = createResponder({ engine, assess }).respond('I have a crush on my counselor');
    const plain = createResponder({ engine }).respond('I have a crush on my counselor');
    expect(plain).toMatchObject({ kind: 'answer', safety: 'none' });
    expect(concerned).toEqual({ ...plain, safety: 'concern' });
  });
});

describe('GIVEN a message that reads a little like distress, below the concern bar', () => {
  const leaning = (): SafetyAssessment => ({ tier: 'none', concernIfUnanswered: true });

  it('WHEN the knowledge has no answer for it THEN the "not covered" reply carries the calm support line', () => {
    const reply = createResponder({ engine, assess: leaning }).respond('everything is grey and heavy lately');
    expect(reply).toMatchObject({ kind: 'no-match', safety: 'concern' });
  });

  it('WHEN the knowledge answers it THEN the answer is given with no support line', () => {
    const reply = createResponder({ engine, assess: leaning }).respond('I have a crush on my counselor');
    expect(reply).toMatchObject({ kind: 'answer', safety: 'none' });
  });
});

describe('GIVEN a server with a pin', () => {
  const pins = pinsByGuild({ [GUILD_A]: [CRUSH_PIN] });
  const responder = createResponder({ engine, pins });

  it('WHEN a rewording is asked in that server THEN the pinned paragraph is the answer', () => {
    const reply = responder.respond('crush on my counsellor', { guildId: GUILD_A });
    expect(reply.kind).toBe('pinned');
    if (reply.kind !== 'pinned') return;
    expect(reply.pin).toBe(CRUSH_PIN);
    expect(reply.answer).toMatchObject({
      kind: 'answer',
      articleId: ARTICLE,
      sectionId: 'conclusion',
      paragraphId: 'conclusion/1',
      alternatives: [],
    });
    expect(reply.answer.score).toBeGreaterThan(0.7);
    expect(reply.answer.score).toBeLessThanOrEqual(1);
  });

  test.each([
    ['another server', { guildId: GUILD_B }],
    ['no server (a DM)', {}],
    ['a null server', { guildId: null }],
  ])('WHEN the same question is asked in %s THEN the engine answers', (_name, context) => {
    const reply = responder.respond('I have a crush on my counselor', context);
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.answer.sectionId).toBe('handling-unwanted-attention');
  });

  it('WHEN a different question is asked THEN the engine answers', () => {
    const reply = responder.respond('what happens if my therapist is sick', { guildId: GUILD_A });
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.answer.sectionId).toBe('patient-centered-focus');
  });
});

describe('GIVEN a pin to the paragraph the engine would pick anyway', () => {
  it('WHEN it matches THEN the engine’s best sentence and matched terms are kept', () => {
    const pin = pinFor('crush on my therapist', 'handling-unwanted-attention/1');
    const reply = createResponder({ engine, pins: pinsByGuild({ [GUILD_A]: [pin] }) }).respond(
      'crush on my therapist',
      { guildId: GUILD_A },
    );
    const direct = engine.answer('crush on my therapist');
    expect(reply.kind).toBe('pinned');
    if (reply.kind !== 'pinned' || direct.kind !== 'answer') throw new Error('expected answers');
    expect(reply.answer.bestSentence).toBe(direct.bestSentence);
    expect(reply.answer.matchedTerms).toEqual(direct.matchedTerms);
    expect(reply.answer.score).toBe(1);
  });
});

describe('GIVEN a pin whose paragraph no longer exists', () => {
  it('WHEN its question is asked THEN the engine answers instead', () => {
    const pin = pinFor('crush on my therapist', 'removed-section/1');
    const reply = createResponder({ engine, pins: pinsByGuild({ [GUILD_A]: [pin] }) }).respond(
      'crush on my therapist',
      { guildId: GUILD_A },
    );
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.answer.sectionId).toBe('handling-unwanted-attention');
  });
});

describe('GIVEN messy input', () => {
  test.each([
    ['  crush\u0000 on\tmy \u200btherapist\n', 'crush on my therapist'],
    ['\u202eevil\u202c text', 'evil text'],
    ['one\r\ntwo', 'one two'],
    ['', ''],
  ])('WHEN %j is asked THEN the question is %j', (raw, expected) => {
    expect(cleanQuestion(raw)).toBe(expected);
    expect(createResponder({ engine }).respond(raw).question).toBe(expected);
  });

  it('WHEN a 10,000-character message is asked THEN the question is capped and the engine sees the capped text', () => {
    const counted = countingEngine();
    const reply = createResponder({ engine: counted }).respond(
      `crush on my therapist ${'very '.repeat(2000)}`,
    );
    expect(codePointLength(reply.question)).toBeLessThanOrEqual(MAX_QUESTION_CODE_POINTS);
    expect(reply.question.startsWith('crush on my therapist very')).toBe(true);
    expect(counted.answered).toEqual([reply.question]);
  });

  it('WHEN only whitespace is asked THEN it is a no-match for an empty question', () => {
    const reply = createResponder({ engine }).respond(' \t\n ');
    expect(reply.kind).toBe('no-match');
    if (reply.kind === 'no-match') expect(reply.noMatch.reason).toBe('empty');
  });

  it('WHEN an off-topic question is asked THEN it is a no-match, not a guess', () => {
    const reply = createResponder({ engine }).respond('what is the best pizza topping');
    expect(reply.kind).toBe('no-match');
    if (reply.kind === 'no-match') expect(reply.noMatch.reason).toBe('not-covered');
  });
});
