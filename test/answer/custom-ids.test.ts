import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { customIdSlot, decodeAction, encodeAction, type ButtonAction } from '../../src/answer/custom-ids.js';

const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/).filter((id) => id.length <= 20);
const page = fc.integer({ min: 0, max: 999_999 });
const action: fc.Arbitrary<ButtonAction> = fc.oneof(
  fc.record({ type: fc.constant('article' as const), articleId: slug, page }),
  fc.record({ type: fc.constant('section' as const), articleId: slug, sectionId: slug, page }),
  fc.record({
    type: fc.constant('alternative' as const),
    articleId: slug,
    paragraphId: fc.tuple(slug, fc.integer({ min: 1, max: 99 })).map(([s, n]) => `${s}/${n}`),
  }),
  fc.record({
    type: fc.constant('pin' as const),
    articleId: slug,
    paragraphId: fc.tuple(slug, fc.integer({ min: 1, max: 99 })).map(([s, n]) => `${s}/${n}`),
  }),
  fc.record({ type: fc.constant('pins-page' as const), page }),
);

describe('GIVEN any button action with slug ids', () => {
  it('WHEN encoded and decoded THEN the same action comes back, in at most 100 characters', () => {
    fc.assert(
      fc.property(action, fc.option(fc.constantFrom('p', 'n'), { nil: undefined }), (value, slot) => {
        const id = encodeAction(value, slot);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(id.startsWith('v1|')).toBe(true);
        expect(decodeAction(id)).toEqual(value);
        expect(customIdSlot(id)).toBe(slot);
      }),
      { numRuns: 500 },
    );
  });
});

describe('GIVEN known custom ids', () => {
  test.each([
    [{ type: 'article', articleId: 'a', page: 3 }, 'v1|article|a|3'],
    [{ type: 'section', articleId: 'a', sectionId: 's', page: 0 }, 'v1|section|a|s|0'],
    [{ type: 'alternative', articleId: 'a', paragraphId: 's/2' }, 'v1|alternative|a|s/2'],
    [{ type: 'pin', articleId: 'a', paragraphId: 's/1' }, 'v1|pin|a|s/1'],
    [{ type: 'pins-page', page: 12 }, 'v1|pins-page|12'],
  ] as const)('WHEN %j is encoded THEN it is %s', (value, expected) => {
    expect(encodeAction(value)).toBe(expected);
  });

  test.each([
    ['v1|article|a|0|p', 'p'],
    ['v1|section|a|s|4|n', 'n'],
    ['v1|pins-page|0|n', 'n'],
    ['v1|article|a|0', undefined],
    ['v1|pin|a|s/1', undefined],
    ['garbage', undefined],
  ])('WHEN the slot of %s is read THEN it is %s', (id, expected) => {
    expect(customIdSlot(id)).toBe(expected);
  });

  it('WHEN an id would be longer than 100 characters THEN encoding throws rather than cutting it', () => {
    expect(() =>
      encodeAction({ type: 'section', articleId: 'a', sectionId: 'x'.repeat(100), page: 0 }),
    ).toThrow(/custom_id/);
  });
});

describe('GIVEN ids the bot did not make', () => {
  test.each([
    [''],
    ['hello'],
    ['v2|article|a|0'],
    ['V1|article|a|0'],
    ['v1'],
    ['v1|'],
    ['v1|unknown|a|0'],
    ['v1|article|a'],
    ['v1|article||0'],
    ['v1|article|a|-1'],
    ['v1|article|a|1.5'],
    ['v1|article|a|1e3'],
    ['v1|article|a|1234567'],
    ['v1|article|a| 1'],
    ['v1|section|a|0'],
    ['v1|section||s|0'],
    ['v1|alternative|a'],
    ['v1|alternative||s/1'],
    ['v1|pin|a|'],
    ['v1|pins-page|'],
    ['v1|pins-page|x'],
    ['ask:confirm'],
  ])('WHEN %j is decoded THEN it is undefined', (id) => {
    expect(decodeAction(id)).toBeUndefined();
    expect(customIdSlot(id)).toBeUndefined();
  });

  it('WHEN any string is decoded THEN it never throws, and what decodes survives a re-encode', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc
            .array(
              fc.oneof(
                fc.constantFrom('v1', 'article', 'section', 'pin', 'alternative', 'pins-page', '0', '7'),
                fc.string({ maxLength: 5 }),
              ),
              { maxLength: 7 },
            )
            .map((parts) => parts.join('|')),
        ),
        (id) => {
          const decoded = decodeAction(id);
          if (decoded === undefined) return;
          let encoded: string | undefined;
          try {
            encoded = encodeAction(decoded);
          } catch {
            return; // decoded from an id we could never have made (e.g. longer than 100)
          }
          expect(decodeAction(encoded)).toEqual(decoded);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
