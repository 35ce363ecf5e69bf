import { expandContractions } from './contractions.js';
import { normalizeText } from './normalize.js';

/** Runs of letters and digits in any script; everything else separates words. */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of a chat message: normalised ({@link normalizeText}), contractions expanded with their suffixes dropped. */
export function words(text: string): string[] {
  return splitWords(expandContractions(normalizeText(text), 'drop'));
}
