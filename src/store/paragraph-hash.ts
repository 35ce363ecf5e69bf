import { createHash } from 'node:crypto';

/**
 * sha256 (lower-case hex) of the paragraph text's UTF-8 bytes, exactly as given — no trimming or
 * normalisation, so any edit to the paragraph, even whitespace, marks pins to it as stale.
 */
export function hashParagraph(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
