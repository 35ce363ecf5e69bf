import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashParagraph } from '../../src/store/paragraph-hash.js';

describe('hashParagraph', () => {
  it('GIVEN a known text THEN it returns the sha256 hex digest', () => {
    expect(hashParagraph('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashParagraph('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('GIVEN non-ASCII text THEN it hashes the UTF-8 bytes', () => {
    expect(hashParagraph('Thérapeute — 🙂')).toBe(
      createHash('sha256').update(Buffer.from('Thérapeute — 🙂', 'utf8')).digest('hex'),
    );
  });

  it('GIVEN any text THEN the hash is 64 lower-case hex characters and the same every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const hash = hashParagraph(text);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hashParagraph(text)).toBe(hash);
      }),
    );
  });

  it('GIVEN a paragraph edited in any way, even whitespace THEN the hash changes (the pin is stale)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (text, edit) => {
        expect(hashParagraph(text + edit)).not.toBe(hashParagraph(text));
      }),
    );
    expect(hashParagraph('A paragraph.')).not.toBe(hashParagraph('A paragraph. '));
  });
});
