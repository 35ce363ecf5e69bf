import { createEngine, type AnswerEngine } from './engine/engine.js';
import { loadKnowledge } from './knowledge/load.js';
import { createResponder, type Responder } from './answer/responder.js';
import type { CrisisText } from './answer/compose.js';
import type { AppConfig } from './config.js';
import { createPinService, type PinService } from './pins/service.js';
import { FALLBACK_CRISIS_REPLY, loadCrisisReply } from './safety/crisis-reply.js';
import type { ModerationStore } from './store/moderation-store.js';
import type { ForumStore } from './store/forum-store.js';
import { openPinStore, type SqlitePinStore } from './store/sqlite-pin-store.js';
import type { Logger } from './logger.js';

/** Everything both front ends (Discord and the terminal) share: knowledge, engine, pins, responder. */
export interface Core {
  readonly engine: AnswerEngine;
  readonly crisis: CrisisText;
  readonly responder: Responder;
  readonly pins: PinService | undefined;
  /** Settings, votes, review queue and daily counts (same database as the pins; only with pins). */
  readonly moderation: ModerationStore | undefined;
  /** Forum auto-answer setting and answered posts; undefined without a database. */
  readonly forums: ForumStore | undefined;
  close(): void;
}

export type CoreResult = { ok: true; core: Core } | { ok: false; message: string };

export interface CoreOptions {
  /** Open the pin store (the bot always does; the terminal only with `--guild`). */
  readonly withPins: boolean;
  readonly logger?: Logger;
}

export function loadCore(config: AppConfig, { withPins, logger }: CoreOptions): CoreResult {
  const knowledge = loadKnowledge(config.knowledgeDir);
  if (!knowledge.ok) return { ok: false, message: `Knowledge error: ${knowledge.message}` };
  const engine = createEngine(knowledge.knowledge);

  const crisisFile = loadCrisisReply(config.crisisReplyPath);
  // A broken crisis text must never leave a person in crisis without resources: use the built-in copy.
  if (!crisisFile.ok)
    logger?.error({ path: config.crisisReplyPath }, `crisis reply not loaded: ${crisisFile.message}`);
  const crisis = crisisFile.ok ? crisisFile.reply : FALLBACK_CRISIS_REPLY;

  let store: SqlitePinStore | undefined;
  let pins: PinService | undefined;
  if (withPins) {
    store = openPinStore(config.databasePath, logger ? { logger } : {});
    pins = createPinService(store, engine);
    const stale = pins.stalePins();
    if (stale.ok) {
      for (const { pin, staleness } of stale.value) {
        logger?.warn(
          { pinId: pin.id, guildId: pin.guildId, paragraphId: pin.paragraphId, staleness },
          'stale pin: its paragraph changed or its section is gone; it is not served until re-pinned',
        );
      }
    }
  }
  return {
    ok: true,
    core: {
      engine,
      crisis,
      responder: createResponder({ engine, pins }),
      pins,
      moderation: store?.moderation,
      forums: store?.forums,
      close: () => store?.close(),
    },
  };
}
