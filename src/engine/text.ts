/**
 * Text normalisation shared by the index and the question side, so both agree on every token.
 */

// Control characters except tab/newline, zero-width characters and bidi overrides.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Removes characters that carry no text but can hide or reorder it. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Lowercase, accents removed, apostrophes unified, Discord mentions and markup dropped. */
export function normalizeText(text: string): string {
  return stripInvisible(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/<a?:\w+:\d+>/g, ' ') // custom emoji
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ') // user, role and channel mentions
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'");
}

// Words that carry no topic. Kept small on purpose: "how", "doing", "feel", "well" and the pronouns that
// say whose well-being is meant are part of what people ask about here.
const STOPWORDS = new Set(
  `a an the and or but if then so of to in on at by for with from into about as is am are was were be been
being do does did done have has had having i me my mine myself we us our you your yours it its this that
these those there here what which who whom whose when where why will would shall should can could may might
must just very really also too than up out over any some such own same more most other only again ever
hey hi hello bot pls please plz thanks thank thx lol lmao ok okay um uh like kinda sorta gonna wanna gotta
im ive id dont doesnt didnt isnt arent wasnt cant wont wouldnt shouldnt couldnt s t d ll re ve m u ur r ya
yeah yes no not get got thing things stuff know think mean question`
    .split(/\s+/)
    .filter(Boolean),
);

// Contractions are expanded before stopwords are removed so "she's" and "won't" behave.
const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/n't\b/g, ' not'],
  [/'(?:s|re|ve|ll|d|m)\b/g, ''],
];

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** A light suffix stripper: enough to join "boundaries/boundary", "asking/asked/asks", not a full Porter. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let base = word;
  if (base.endsWith('ies') && base.length > 4) base = `${base.slice(0, -3)}y`;
  else if (base.endsWith('sses')) base = base.slice(0, -2);
  else if (base.endsWith('s') && !/(?:ss|us|is|ous)$/.test(base)) base = base.slice(0, -1);

  if (base.length > 5 && base.endsWith('ing')) base = undouble(base.slice(0, -3));
  else if (base.length > 4 && base.endsWith('ed') && !base.endsWith('eed')) base = undouble(base.slice(0, -2));
  else if (base.length > 5 && base.endsWith('ly')) base = base.slice(0, -2);

  if (base.length > 4 && base.endsWith('e')) base = base.slice(0, -1);
  return base;
}

function undouble(base: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(base) && !/(?:ll|ss|zz)$/.test(base) ? base.slice(0, -1) : base;
}

/** Words of the text, normalised and with contractions expanded, before stopwords and stemming. */
export function words(text: string): string[] {
  let normalized = normalizeText(text);
  for (const [pattern, replacement] of CONTRACTIONS) normalized = normalized.replace(pattern, replacement);
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Token {
  /** The word as written (normalised). */
  readonly word: string;
  /** Its stem, the unit the index stores. */
  readonly stem: string;
}

/** Content tokens: stopwords dropped, each word stemmed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of words(text)) {
    if (isStopword(word)) continue;
    tokens.push({ word, stem: stem(word) });
  }
  return tokens;
}
