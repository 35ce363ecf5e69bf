import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createResponder, type Reply } from '../../src/answer/responder.js';
import { createEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createRecorder } from '../../src/moderation/recorder.js';
import type { ModerationStore, QueueEntryInput } from '../../src/store/moderation-store.js';

const GUILD = '111111111111111111';

/** A store with the review queue on that keeps what the recorder writes. */
function recordingStore(): { store: ModerationStore; written: QueueEntryInput[] } {
  const written: QueueEntryInput[] = [];
  const store = {
    settings: () => ({ ok: true, value: { reviewQueue: true } }),
    recordBatch: (_counts: unknown, entries: readonly QueueEntryInput[]) => {
      written.push(...entries);
      return { ok: true, value: undefined };
    },
    purge: () => ({ ok: true, value: { queue: 0, votes: 0 } }),
  } as unknown as ModerationStore;
  return { store, written };
}

function declined(question: string, safety: 'none' | 'concern'): Reply {
  return {
    kind: 'no-match',
    question,
    noMatch: { kind: 'no-match', reason: 'not-covered', nearestTopics: [] },
    safety,
  };
}

describe('GIVEN the review queue is on', () => {
  const logger = { warn: () => undefined };

  it('WHEN an ordinary question is declined THEN its text is queued', () => {
    const { store, written } = recordingStore();
    const recorder = createRecorder({ store, retentionDays: 30, now: () => 0, logger, timer: false });
    recorder.question(GUILD, declined('what is the capital of peru', 'none'));
    recorder.flush();
    expect(written.map((entry) => entry.question)).toEqual(['what is the capital of peru']);
  });

  it('WHEN a message that shows distress is declined or voted down THEN it is counted but its text is never kept', () => {
    const { store, written } = recordingStore();
    const recorder = createRecorder({ store, retentionDays: 30, now: () => 0, logger, timer: false });
    const distress = "i've been so depressed lately and i can't stop crying, does group therapy help?";
    recorder.question(GUILD, declined(distress, 'concern'));
    recorder.unhelpful(GUILD, distress, 'therapist-wellbeing', 'conclusion');
    recorder.flush();
    expect(written).toEqual([]);
  });

  it('WHEN a declined message got the calm line because it reads a little like distress THEN its text is never kept', () => {
    const { store, written } = recordingStore();
    const recorder = createRecorder({ store, retentionDays: 30, now: () => 0, logger, timer: false });
    const loaded = loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    if (!loaded.ok) throw new Error(loaded.message);
    const reply = createResponder({ engine: createEngine(loaded.knowledge) }).respond(
      'i just want to sleep for a long time',
    );
    expect(reply).toMatchObject({ kind: 'no-match', safety: 'concern' });
    recorder.question(GUILD, reply);
    recorder.unhelpful(GUILD, reply.question, 'therapist-wellbeing', 'conclusion');
    recorder.flush();
    expect(written).toEqual([]);
  });
});
