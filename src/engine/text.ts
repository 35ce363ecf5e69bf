import { stem, words } from '../text/index.js';

/**
 * The engine's view of words: which carry no topic (stopwords) and the content tokens it indexes. The
 * character-level work (invisible characters, accents, apostrophes, contractions, splitting, stemming)
 * is `src/text/`, shared with pins, the crisis check and escaping.
 */

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

/**
 * Everyday words that usually carry no topic in chat ("talk", "long", "usually") but can name one: a word
 * of a heading or title is a topic of the knowledge, and there it counts (analyzer.ts).
 */
const SOFT_STOPWORDS = new Set(
  `talk talks talking talked mention mentions mentioned bring brings brought seem seems seemed lately today
yesterday work working worked works long thing things stuff know think mean doing going want
need make say said tell give take way lot lots much many always never even still maybe probably guess wonder
wondering feel feels felt kind sort super pretty quite one bit little usually usual often sometimes`.split(
    /\s+/,
  ),
);

/** Whether a stopword is one of the everyday words a heading can turn into a topic. */
export function isSoftStopword(token: string): boolean {
  return SOFT_STOPWORDS.has(token);
}

/** Every stopword, for typo correction ("alwauys" is still "always"). */
export const STOPWORD_LIST: readonly string[] = [...STOPWORDS];

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
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
