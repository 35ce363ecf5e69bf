import { expandContractions } from './contractions.js';
import { dropRendered, normalizeText, unifyApostrophes } from './normalize.js';

/** Runs of letters and digits in any script; everything else separates words. */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of a chat message: normalised ({@link normalizeText}), contractions expanded with their suffixes dropped. */
export function words(text: string): string[] {
  return PLAIN_TEXT.test(text)
    ? plainTextWords(text)
    : splitWords(expandContractions(normalizeText(text), 'drop'));
}

/** Printable ASCII, tabs and line breaks: most articles and messages. */
const PLAIN_TEXT = /^[\x20-\x7e\t\n\r]*$/;

/**
 * `words` of plain text, the same words with less work: nothing is invisible or accented (tabs and line
 * breaks separate words either way), and each of the other steps runs only when its character is there.
 */
function plainTextWords(text: string): string[] {
  let result = text.toLowerCase();
  if (result.includes('<') || result.includes('http') || result.includes('@')) result = dropRendered(result);
  if (result.includes('`')) result = unifyApostrophes(result);
  if (result.includes("'")) result = expandContractions(result, 'drop');
  return result.match(/[a-z0-9]+/g) ?? [];
}
