import { describe, expect, it } from 'vitest';
import { createResponder } from '../../src/answer/responder.js';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { SafetyAssessment } from '../../src/safety/types.js';

const loaded = loadKnowledge('knowledge');
if (!loaded.ok) throw new Error(loaded.message);
const engine = createEngine(loaded.knowledge);
const GUILD = '111111111111111111';

/** A responder whose engine, pins and admission are counted. */
function counted(safety: SafetyAssessment = { tier: 'none' }) {
  const seen = { answers: 0, pinLookups: 0, admits: 0 };
  const countingEngine: AnswerEngine = {
    ...engine,
    answer(question) {
      seen.answers++;
      return engine.answer(question);
    },
  };
  const responder = createResponder({
    engine: countingEngine,
    pins: {
      activePins() {
        seen.pinLookups++;
        return [];
      },
    },
    assess: () => safety,
  });
  return { responder, seen };
}

describe('GIVEN the rate limit is asked before pins and the engine', () => {
  it('WHEN the question is not admitted THEN neither pins nor the engine do any work', () => {
    const { responder, seen } = counted();
    const reply = responder.respondIfAdmitted('crush on my therapist', { guildId: GUILD }, () => {
      seen.admits++;
      return false;
    });
    expect(reply).toBeUndefined();
    expect(seen).toEqual({ answers: 0, pinLookups: 0, admits: 1 });
  });

  it('WHEN the question is admitted THEN it is answered as respond() answers it', () => {
    const { responder, seen } = counted();
    const reply = responder.respondIfAdmitted('crush on my therapist', { guildId: GUILD }, () => true);
    expect(reply).toEqual(responder.respond('crush on my therapist', { guildId: GUILD }));
    expect(seen.pinLookups).toBeGreaterThan(0);
    expect(seen.answers).toBeGreaterThan(0);
  });

  it('WHEN the message reads as a crisis THEN the support reply comes without asking the limit', () => {
    const { responder, seen } = counted({ tier: 'crisis', about: 'self', signals: ['ideation'] });
    const reply = responder.respondIfAdmitted('any words', { guildId: GUILD }, () => {
      seen.admits++;
      return false;
    });
    expect(reply?.kind).toBe('crisis');
    expect(seen).toEqual({ answers: 0, pinLookups: 0, admits: 0 });
  });

  it('WHEN the message raises only a concern THEN it is held to the limit like any question', () => {
    const { responder } = counted({ tier: 'concern', signals: ['distress'] });
    expect(
      responder.respondIfAdmitted('i feel low, crush on my therapist', { guildId: GUILD }, () => false),
    ).toBeUndefined();
  });
});
