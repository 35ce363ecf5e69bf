/** A moderator-curated answer for one server. */
export interface Pin {
  readonly id: number;
  readonly guildId: string;
  /** The question as the member asked it. */
  readonly question: string;
  /** The question after normalisation; one pin per (guild, normalised question). */
  readonly normalizedQuestion: string;
  readonly articleId: string;
  readonly sectionId: string;
  readonly paragraphId: string;
  /** sha256 hex of the paragraph text when pinned; a mismatch later means the pin is stale. */
  readonly paragraphHash: string;
  readonly pinnedBy: string;
  /** Milliseconds since the epoch. */
  readonly pinnedAt: number;
  /** Link to the pinned Discord message, when there was one. */
  readonly messageUrl: string | null;
}

export type NewPin = Omit<Pin, 'id' | 'pinnedAt'> & { readonly pinnedAt?: number };

/** Expected failures are values: callers show `reason` to the moderator. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; reason: 'unavailable'; detail: string };

export interface PinStore {
  /** Stores the pin; a second pin of the same normalised question in the same guild returns the existing one. */
  addPin(pin: NewPin): StoreResult<{ pin: Pin; created: boolean }>;
  listPins(guildId: string): StoreResult<readonly Pin[]>;
  /** Every server's pins, for the start-up check of stale pins. */
  listAllPins(): StoreResult<readonly Pin[]>;
  getPin(guildId: string, id: number): StoreResult<Pin | undefined>;
  /**
   * Deletes the pin and returns it (undefined when the guild has no pin with that id).
   * `removedBy` is the moderator's user id, recorded in the audit log; optional so callers without one still work.
   */
  removePin(guildId: string, id: number, removedBy?: string): StoreResult<Pin | undefined>;
  /** True when a write would succeed right now (for health checks). */
  isWritable(): boolean;
  close(): void;
}
