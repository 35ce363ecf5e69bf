import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';
import type { Article } from '../../src/knowledge/types.js';
import { createPinService } from '../../src/pins/service.js';
import { hashParagraph } from '../../src/store/paragraph-hash.js';
import { openPinStore, type SqlitePinStore } from '../../src/store/sqlite-pin-store.js';
import type { PinStore, StoreResult } from '../../src/store/types.js';

const GUILD_A = '111111111111111111';
const GUILD_B = '333333333333333333';
const MOD = '222222222222222222';

function engineWith(sections: Record<string, readonly string[]>): AnswerEngine {
  const article: Article = {
    id: 'a',
    title: 'Article',
    sections: Object.entries(sections).map(([id, texts]) => ({
      id,
      articleId: 'a',
      heading: id,
      hints: { keywords: [], questions: [] },
      paragraphs: texts.map((text, at) => ({
        id: `${id}/${at + 1}`,
        articleId: 'a',
        sectionId: id,
        index: at + 1,
        text,
      })),
    })),
  };
  return createEngine({ articles: [article] });
}

const ORIGINAL = engineWith({ crush: ['A crush is common.'], sick: ['A sick therapist reschedules.'] });
const stores: SqlitePinStore[] = [];
function memoryStore(): SqlitePinStore {
  const store = openPinStore(':memory:');
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** The store, with listPins counted. */
function counted(store: PinStore): PinStore & { reads: number } {
  const wrapper = {
    reads: 0,
    addPin: store.addPin.bind(store),
    listPins(guildId: string) {
      wrapper.reads++;
      return store.listPins(guildId);
    },
    listAllPins: store.listAllPins.bind(store),
    getPin: store.getPin.bind(store),
    removePin: store.removePin.bind(store),
    isWritable: store.isWritable.bind(store),
    close: store.close.bind(store),
  };
  return wrapper;
}

const request = (paragraphId: string, question = 'crush on my therapist', guildId = GUILD_A) => ({
  guildId,
  question,
  articleId: 'a',
  paragraphId,
  pinnedBy: MOD,
  messageUrl: null,
});

describe('GIVEN a pin service over an in-memory store', () => {
  it('WHEN an answer is pinned THEN the pin records the paragraph, its hash and the normalised question', () => {
    const service = createPinService(memoryStore(), ORIGINAL);
    const result = service.pinAnswer(request('crush/1', 'I have a Crush on my Counselor?'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.created).toBe(true);
    expect(result.pin).toMatchObject({
      guildId: GUILD_A,
      question: 'I have a Crush on my Counselor?',
      normalizedQuestion: 'i have crush on my therapist',
      articleId: 'a',
      sectionId: 'crush',
      paragraphId: 'crush/1',
      paragraphHash: hashParagraph('A crush is common.'),
      pinnedBy: MOD,
    });
    expect(service.activePins(GUILD_A)).toEqual([result.pin]);
    expect(service.activePins(GUILD_B)).toEqual([]);
  });

  it('WHEN the same question is pinned twice THEN the existing pin is returned', () => {
    const service = createPinService(memoryStore(), ORIGINAL);
    const first = service.pinAnswer(request('crush/1', 'Crush on my therapist?'));
    const second = service.pinAnswer(request('sick/1', 'crush on my THERAPIST'));
    expect(second).toMatchObject({ ok: true, created: false });
    if (first.ok && second.ok) expect(second.pin.id).toBe(first.pin.id);
  });

  it('WHEN an unknown paragraph is pinned THEN it is refused and nothing is stored', () => {
    const service = createPinService(memoryStore(), ORIGINAL);
    expect(service.pinAnswer(request('nope/1'))).toEqual({ ok: false, reason: 'unknown-paragraph' });
    expect(service.listPins(GUILD_A)).toEqual({ ok: true, value: [] });
  });

  it('WHEN active pins are read twice THEN the store is read once; adding or removing a pin re-reads it', () => {
    const store = counted(memoryStore());
    const service = createPinService(store, ORIGINAL);
    expect(service.activePins(GUILD_A)).toEqual([]);
    expect(service.activePins(GUILD_A)).toEqual([]);
    expect(store.reads).toBe(1);

    const added = service.pinAnswer(request('crush/1'));
    if (!added.ok) throw new Error('pin failed');
    expect(service.activePins(GUILD_A).map((pin) => pin.id)).toEqual([added.pin.id]);
    expect(store.reads).toBe(2);

    expect(service.removePin(GUILD_A, added.pin.id, MOD)).toMatchObject({
      ok: true,
      value: { id: added.pin.id },
    });
    expect(service.activePins(GUILD_A)).toEqual([]);
    expect(store.reads).toBe(3);
  });

  it('WHEN a pin of one server changes THEN the other server keeps its cache', () => {
    const store = counted(memoryStore());
    const service = createPinService(store, ORIGINAL);
    service.activePins(GUILD_B);
    service.pinAnswer(request('crush/1', 'crush', GUILD_A));
    service.activePins(GUILD_B);
    expect(store.reads).toBe(1);
  });
});

describe('GIVEN pins made against an earlier version of the article', () => {
  function pinnedThenReloaded(next: AnswerEngine) {
    const store = memoryStore();
    const before = createPinService(store, ORIGINAL);
    before.pinAnswer(request('crush/1', 'crush on my therapist'));
    before.pinAnswer(request('sick/1', 'what if my therapist is sick'));
    return createPinService(store, next);
  }

  it('WHEN a pinned paragraph’s text changed THEN its pin is "paragraph-changed" and not served', () => {
    const service = pinnedThenReloaded(
      engineWith({ crush: ['A crush is very common.'], sick: ['A sick therapist reschedules.'] }),
    );
    const listed = service.listPins(GUILD_A);
    expect(listed.ok && listed.value.map((entry) => [entry.pin.paragraphId, entry.staleness])).toEqual([
      ['crush/1', 'paragraph-changed'],
      ['sick/1', 'fresh'],
    ]);
    expect(service.activePins(GUILD_A).map((pin) => pin.paragraphId)).toEqual(['sick/1']);
    const stale = service.stalePins();
    expect(stale.ok && stale.value.map((entry) => entry.staleness)).toEqual(['paragraph-changed']);
  });

  it('WHEN a pinned section is gone THEN its pin is "section-gone" and not served', () => {
    const service = pinnedThenReloaded(engineWith({ crush: ['A crush is common.'] }));
    const listed = service.listPins(GUILD_A);
    expect(listed.ok && listed.value.map((entry) => [entry.pin.paragraphId, entry.staleness])).toEqual([
      ['crush/1', 'fresh'],
      ['sick/1', 'section-gone'],
    ]);
    expect(service.activePins(GUILD_A).map((pin) => pin.paragraphId)).toEqual(['crush/1']);
  });

  it('WHEN the section exists but the paragraph is gone THEN the pin is stale and not served', () => {
    const service = pinnedThenReloaded(engineWith({ crush: ['A crush is common.'], sick: [] }));
    expect(service.activePins(GUILD_A).map((pin) => pin.paragraphId)).toEqual(['crush/1']);
    const stale = service.stalePins();
    expect(stale.ok && stale.value.map((entry) => entry.pin.paragraphId)).toEqual(['sick/1']);
  });

  it('WHEN nothing changed THEN no pin is stale', () => {
    const service = pinnedThenReloaded(ORIGINAL);
    expect(service.stalePins()).toEqual({ ok: true, value: [] });
    expect(service.activePins(GUILD_A)).toHaveLength(2);
  });
});

describe('GIVEN a store that is unavailable', () => {
  const down: StoreResult<never> = { ok: false, reason: 'unavailable', detail: 'disk full' };
  const broken: PinStore = {
    addPin: () => down,
    listPins: () => down,
    listAllPins: () => down,
    getPin: () => down,
    removePin: () => down,
    isWritable: () => false,
    close: () => {},
  };
  const service = createPinService(broken, ORIGINAL);

  it('WHEN active pins are needed to answer THEN there are none, so answers continue', () => {
    expect(service.activePins(GUILD_A)).toEqual([]);
  });

  it('WHEN a moderator pins, lists or removes THEN they are told it is unavailable', () => {
    expect(service.pinAnswer(request('crush/1'))).toEqual(down);
    expect(service.listPins(GUILD_A)).toEqual(down);
    expect(service.removePin(GUILD_A, 1, MOD)).toEqual(down);
    expect(service.stalePins()).toEqual(down);
    expect(service.isWritable()).toBe(false);
  });

  it('WHEN the store comes back THEN the failure was not cached', () => {
    let up = false;
    const real = memoryStore();
    const flaky: PinStore = { ...broken, listPins: (guildId) => (up ? real.listPins(guildId) : down) };
    const flakyService = createPinService(flaky, ORIGINAL);
    createPinService(real, ORIGINAL).pinAnswer(request('crush/1'));
    expect(flakyService.activePins(GUILD_A)).toEqual([]);
    up = true;
    expect(flakyService.activePins(GUILD_A)).toHaveLength(1);
  });
});
