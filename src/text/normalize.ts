/**
 * Case, accents and apostrophes: the canonical form two spellings of one word share.
 */
import { stripInvisible } from './invisible.js';

/** Compatibility decomposition (NFKD), then every combining mark removed: "Thérapeute" → "Therapeute", "ﬁ" → "fi". */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Characters people (and keyboards) use for an apostrophe: curly quotes, modifier letters, backtick, acute, prime, fullwidth. */
export const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032\uff07]/g;

/** Every apostrophe-like character becomes `'`. */
export function unifyApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

/**
 * Chat text made comparable: invisible characters removed, accents folded, lowercase, apostrophes
 * unified, and what Discord renders rather than reads — custom emoji, user/role/channel mentions, links,
 * "@bot" typed as plain text — dropped.
 */
export function normalizeText(text: string): string {
  return unifyApostrophes(dropRendered(foldAccents(stripInvisible(text)).toLowerCase()));
}

/** Custom emoji, mentions, links and "@bot" typed as text, on lowercase text. */
export function dropRendered(text: string): string {
  return text
    .replace(/<a?:\w+:\d+>/g, ' ') // custom emoji
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ') // user, role and channel mentions
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|\s)@[\w.-]+/g, ' '); // "@bot", "@boundary-bot" typed as plain text
}
