import { describe, expect, it } from 'vitest';
import { combine, type ResemblanceThresholds } from '../../src/safety/combine.js';
import type { CueHit } from '../../src/safety/signals.js';
import { featuresOf } from '../../src/safety/model.js';

const THRESHOLDS: ResemblanceThresholds = {
  concern: 0.8,
  agree: 0.9,
  alone: 0.97,
  unanswered: 2,
};

function hit(overrides: Partial<CueHit>): CueHit {
  return {
    cueId: 1,
    signal: 'distress',
    level: 'distress',
    subject: 'self',
    topic: false,
    frames: new Set(),
    negated: false,
    joking: false,
    ...overrides,
  };
}

describe('GIVEN the cues and the second signal', () => {
  it('WHEN nothing is found and the score is low THEN there is no tier', () => {
    expect(combine([], 0.5, THRESHOLDS)).toEqual({ tier: 'none' });
  });

  it('WHEN no cue is found but the message reads like a crisis THEN it is a concern, and a crisis only above the highest bar', () => {
    expect(combine([], 0.85, THRESHOLDS)).toEqual({ tier: 'concern', signals: ['resembles-crisis'] });
    expect(combine([], 0.98, THRESHOLDS)).toMatchObject({ tier: 'crisis', about: 'self' });
  });

  it('WHEN no cue is found and the score is below the concern bar but above the unanswered one THEN there is no tier, with a concern if the knowledge has no answer', () => {
    const leaning = { ...THRESHOLDS, unanswered: 0.5 };
    expect(combine([], 0.6, leaning)).toEqual({ tier: 'none', concernIfUnanswered: true });
    expect(combine([], 0.4, leaning)).toEqual({ tier: 'none' });
  });

  it('WHEN a warning sign and a high score meet THEN the two agree on a crisis', () => {
    const goodbye = hit({ signal: 'goodbye', level: 'facet' });
    expect(combine([goodbye], 0.5, THRESHOLDS)).toEqual({ tier: 'concern', signals: ['goodbye'] });
    expect(combine([goodbye], 0.92, THRESHOLDS)).toMatchObject({
      tier: 'crisis',
      signals: ['goodbye', 'resembles-crisis'],
    });
  });

  it('WHEN the writer denies the danger THEN no score raises a crisis', () => {
    const denied = hit({ signal: 'ideation', level: 'danger', negated: true });
    expect(combine([denied], 0.99, THRESHOLDS).tier).toBe('concern');
  });

  it('WHEN the writer speaks as a supporter THEN their first-person words are quoted: danger a concern, a warning sign nothing', () => {
    const supporter = new Set(['supporter'] as const);
    expect(combine([hit({ signal: 'ideation', level: 'danger', frames: supporter })]).tier).toBe('concern');
    expect(combine([hit({ signal: 'preparation', level: 'facet', frames: supporter })]).tier).toBe('none');
    const aboutSomeone = hit({ signal: 'ideation', level: 'danger', subject: 'other', frames: supporter });
    expect(combine([aboutSomeone]).tier).toBe('crisis');
  });

  it('WHEN two different warning signs meet THEN it is a crisis without the second signal', () => {
    const note = hit({ cueId: 1, signal: 'preparation', level: 'facet' });
    const pets = hit({ cueId: 2, signal: 'preparation', level: 'facet' });
    expect(combine([note, pets])).toMatchObject({ tier: 'crisis', about: 'self' });
    expect(combine([note, note])).toMatchObject({ tier: 'concern' });
  });

  it('WHEN danger is about someone else only THEN the crisis is about them', () => {
    const friend = hit({ signal: 'ideation', level: 'danger', subject: 'other' });
    expect(combine([friend])).toMatchObject({ tier: 'crisis', about: 'other' });
    expect(combine([friend, hit({ signal: 'self-harm', level: 'danger' })])).toMatchObject({ about: 'self' });
  });

  it('WHEN the cue is about people in general, the past or a recovery THEN it weighs nothing', () => {
    expect(combine([hit({ level: 'danger', subject: 'general' })])).toEqual({ tier: 'none' });
    expect(combine([hit({ level: 'danger', frames: new Set(['past']) })])).toEqual({ tier: 'none' });
    expect(combine([hit({ level: 'danger', frames: new Set(['past', 'recurrence']) })]).tier).toBe('crisis');
    expect(combine([hit({ level: 'danger', frames: new Set(['recovery']) })])).toEqual({ tier: 'none' });
  });
});

describe('featuresOf', () => {
  it('GIVEN normalised text THEN it yields each word and each adjacent pair once, pairs never across sentences', () => {
    expect(featuresOf('i want out . i want out')).toEqual(['i', 'i want', 'want', 'want out', 'out']);
    expect(featuresOf('end . now')).toEqual(['end', 'now']);
  });
});
