import type { AnswerEngine } from '../engine/engine.js';
import { hashParagraph } from '../store/paragraph-hash.js';
import type { Pin, PinStore, StoreResult } from '../store/types.js';
import { normalizeQuestion } from './match.js';

/** The pins a server's questions are checked against: only pins that are not stale. */
export interface PinnedAnswers {
  activePins(guildId: string): readonly Pin[];
}

export type PinStaleness = 'fresh' | 'paragraph-changed' | 'section-gone';

export interface ListedPin {
  readonly pin: Pin;
  readonly staleness: PinStaleness;
}

export type PinAnswerResult =
  | { ok: true; pin: Pin; created: boolean }
  | { ok: false; reason: 'unavailable'; detail: string }
  | { ok: false; reason: 'unknown-paragraph' };

export interface PinRequest {
  readonly guildId: string;
  readonly question: string;
  readonly articleId: string;
  readonly paragraphId: string;
  readonly pinnedBy: string;
  readonly messageUrl: string | null;
}

export interface PinService extends PinnedAnswers {
  pinAnswer(request: PinRequest): PinAnswerResult;
  listPins(guildId: string): StoreResult<readonly ListedPin[]>;
  removePin(guildId: string, id: number, removedBy: string): StoreResult<Pin | undefined>;
  /** Every stale pin in every server, for the start-up log. */
  stalePins(): StoreResult<readonly ListedPin[]>;
  isWritable(): boolean;
}

/**
 * Pins over the store: knows which pins are stale (their paragraph changed or their section is gone)
 * and keeps each server's servable pins in memory, so answering a question never touches the disk.
 */
export function createPinService(store: PinStore, engine: AnswerEngine): PinService {
  const activeByGuild = new Map<string, readonly Pin[]>();

  const staleness = (pin: Pin): PinStaleness => {
    const paragraph = engine.findParagraph(pin.articleId, pin.paragraphId);
    if (!paragraph || !engine.findSection(pin.articleId, pin.sectionId)) return 'section-gone';
    return hashParagraph(paragraph.text) === pin.paragraphHash ? 'fresh' : 'paragraph-changed';
  };
  const listed = (pins: readonly Pin[]): ListedPin[] =>
    pins.map((pin) => ({ pin, staleness: staleness(pin) }));

  return {
    activePins(guildId) {
      const cached = activeByGuild.get(guildId);
      if (cached) return cached;
      const result = store.listPins(guildId);
      // A store that is down must not stop answers: the engine answers as usual until it is back.
      if (!result.ok) return [];
      const active = result.value.filter((pin) => staleness(pin) === 'fresh');
      activeByGuild.set(guildId, active);
      return active;
    },

    pinAnswer(request) {
      const paragraph = engine.findParagraph(request.articleId, request.paragraphId);
      if (!paragraph) return { ok: false, reason: 'unknown-paragraph' };
      const result = store.addPin({
        guildId: request.guildId,
        question: request.question,
        normalizedQuestion: normalizeQuestion(request.question),
        articleId: paragraph.articleId,
        sectionId: paragraph.sectionId,
        paragraphId: paragraph.id,
        paragraphHash: hashParagraph(paragraph.text),
        pinnedBy: request.pinnedBy,
        messageUrl: request.messageUrl,
      });
      if (!result.ok) return result;
      activeByGuild.delete(request.guildId);
      return { ok: true, pin: result.value.pin, created: result.value.created };
    },

    listPins(guildId) {
      const result = store.listPins(guildId);
      return result.ok ? { ok: true, value: listed(result.value) } : result;
    },

    removePin(guildId, id, removedBy) {
      const result = store.removePin(guildId, id, removedBy);
      if (result.ok) activeByGuild.delete(guildId);
      return result;
    },

    stalePins() {
      const result = store.listAllPins();
      return result.ok
        ? { ok: true, value: listed(result.value).filter((entry) => entry.staleness !== 'fresh') }
        : result;
    },

    isWritable: () => store.isWritable(),
  };
}
