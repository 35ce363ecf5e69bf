import {
  editDistance,
  expandContractions,
  foldAccents,
  stripInvisible,
  unifyApostrophes,
} from '../text/index.js';
import { LEXICON } from './lexicon.js';

/**
 * Stage 1 of the safety check: the message in a canonical form the cues are written against. Lowercase,
 * no accents, no zero-width or control characters, leetspeak digits mapped inside words, apostrophes
 * unified and contractions expanded, stretched letters collapsed, spaced-out letters joined, chat
 * spellings rewritten (`data/normalisation.yaml`), and typos of a few key words repaired with a small
 * edit-distance check. Words are separated by single spaces; ` . ` marks the end of a sentence.
 *
 * It deliberately differs from the engine's tokenizer: that one keeps only content words for ranking,
 * while this one keeps every word (pronouns, negations, tense) because who and when decide the tier.
 */

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '*': 'x', // a censored letter ("k*ll", "s*icide"); the typo repair treats it as one wrong letter
};

const NUMBER_WITH_SUFFIX = /^[0-9]+(?:s|yo|yrs?)$/;

const MAX_KEY_LENGTH = 10;

/** Repairs already worked out; bounded, because the words come from members. */
const repaired = new Map<string, string>();
const MAX_REPAIRED = 10_000;

function repairKeyWord(token: string): string {
  const known = repaired.get(token);
  if (known !== undefined) return known;
  const result = repairKeyWordUncached(token);
  if (repaired.size >= MAX_REPAIRED) repaired.clear();
  repaired.set(token, result);
  return result;
}

function repairKeyWordUncached(token: string): string {
  if (token.length < 3 || token.length > MAX_KEY_LENGTH || LEXICON.realWords.has(token)) return token;
  for (const key of LEXICON.keyWords) {
    if (token === key.word) return token;
  }
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const key of LEXICON.keyWords) {
    if (token[0] !== key.word[0]) continue;
    if (key.second !== undefined && !key.second.includes(token[1] ?? '')) continue;
    if (Math.abs(token.length - key.word.length) > key.maxDistance) continue;
    // Short words get at most one edit whatever the key allows.
    const allowed = token.length < 6 ? Math.min(1, key.maxDistance) : key.maxDistance;
    const distance = editDistance(token, key.word, allowed);
    if (distance <= allowed && distance < bestDistance) {
      best = key.word;
      bestDistance = distance;
    }
  }
  return best ?? token;
}
export function normalizeForCrisis(message: string): string {
  // Laughing faces mark a joke as surely as "lol" does; they are dropped with the other symbols below.
  // Laughing faces mark a joke as surely as "lol" does; they are dropped with the other symbols below.
  let s = message.replace(/[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F480}\u{2620}]/gu, ' lol ');
  s = s.replace(/[\r\n\u2028\u2029\u0085]+/g, ' . '); // a line break ends a sentence
  s = unifyApostrophes(foldAccents(stripInvisible(s)).toLowerCase());

  // Leetspeak inside words that also contain letters ("k1ll", "su1c1de", "$uicide", "d!e", "k*ll").
  s = s.replace(/[a-z0-9@$!|*]+/g, (token) => {
    const core = token.replace(/^[!|*]+|[!|*]+$/g, '');
    if (!/[a-z]/.test(core) || !/[0134579@$!|*]/.test(core)) return token;
    // A decade or an age is a number, not leetspeak: "the 80s", "17yo", "13yrs".
    if (NUMBER_WITH_SUFFIX.test(core)) return token;
    const lead = token.slice(0, token.indexOf(core));
    const trail = token.slice(token.indexOf(core) + core.length);
    return lead + core.replace(/[0134579@$!|*]/g, (ch) => LEET[ch] ?? ch) + trail;
  });

  // Contractions spelt out ("i'm" -> "i am": the pronoun matters here), then possessives join their word.
  s = expandContractions(s, 'expand').replace(/'/g, '');

  // Spaced or dotted single letters form one word: "k i l l", "k.m.s", "s-u-i-c-i-d-e".
  s = s.replace(/\b[a-z](?:[ .\-_]+[a-z]\b){2,}/g, (run) => run.replace(/[^a-z]/g, ''));

  s = s.replace(
    /\b(want|wanted|wanna|going|need|ready|about|trying|try|have|plan|planning|wish|like|love|deserve|deserves) 2\b/g,
    '$1 to',
  );
  s = s.replace(/[.!?;:\u3002\u2026]+/g, ' . ');
  s = s.replace(/[^a-z0-9.]+/g, ' ');
  s = s.replace(/([a-z])\1{2,}/g, '$1'); // "diiiie" -> "die", "killlll" -> "kil" (repaired below)

  const words: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw.length === 0) continue;
    if (raw === '.') {
      if (words.length > 0 && words[words.length - 1] !== '.') words.push('.');
      continue;
    }
    const word = raw.replace(/\.+/g, '');
    if (word.length === 0) continue;
    words.push(LEXICON.tokens.get(word) ?? repairKeyWord(word));
  }
  return words
    .join(' ')
    .replace(/\bmy self\b/g, 'myself')
    .replace(/\bun alive/g, 'unalive')
    .replace(/\bi m\b/g, 'i am');
}
