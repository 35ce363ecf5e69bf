import { stemmer as porterStem } from 'stemmer';

/**
 * Text normalisation shared by the index and the question side, so both agree on every token.
 */

// Control characters except tab/newline, zero-width characters and bidi overrides.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

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
    .replace(/(^|\s)@[\w.-]+/g, ' ') // "@bot", "@boundary-bot" typed as plain text
    .replace(/[\u2018\u2019\u02BC`´]/g, "'");
}

// Words that carry no topic, including chat filler, pronouns and stray letters. "how are you", "how she
// is" and "doing well" still count: concepts are found on the full word sequence before stopwords go.
const STOPWORDS = new Set(
  `talk talks talking talked mention mentions mentioned bring brings brought seem seems seemed lately today yesterday she he her him his hers they them their theirs it's w b c e f g h j k l n o p q v x y z work working worked works long a an the and or but if then so of to in on at by for with from into about as is am are was were be been
being do does did done have has had having i me my mine myself we us our you your yours it its this that
these those there here what which who whom whose when where why will would shall should can could may might
must just very really also too than up out over any some such own same more most other only again ever
hey hi hello bot pls please plz thanks thank thx lol lmao ok okay um uh like kinda sorta gonna wanna gotta
im ive id dont doesnt didnt isnt arent wasnt cant wont wouldnt shouldnt couldnt s t d ll re ve m u ur r ya
yeah yes no not get got thing things stuff know think mean question how doing going want wanna need make
say said tell give take way lot lots much many something anything everything someone anyone always never
even still maybe probably actually literally honestly basically idk tbh ngl rn fr lowkey highkey btw bc cuz
because though would could gonna guess wonder wondering feel feels felt kind sort super pretty quite one
bit little guy guys yo hmm hm oh ah welp dude bro sis man omg wtf smh imo imho without within between
behind during before after while since until through across around usually usual often sometimes`
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

const STEM_CACHE_LIMIT = 20_000;
const stemCache = new Map<string, string>();

/** Porter stems join "boundaries/boundary", "romantic/romantically"; cached because words repeat a lot. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = word.length <= 3 || /\d/.test(word) ? word : porterStem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
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
