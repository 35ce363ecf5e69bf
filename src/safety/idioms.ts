import { LEXICON } from './lexicon.js';

/** A neutral marker where an idiom was: it keeps sentence boundaries and stops phrases running across it. */
export const IDIOM_MARK = ' ~ ';

/**
 * Stage 2: idioms and hyperbole that share words with a crisis ("killing it", "to die for") are replaced
 * by a marker (`data/idioms.yaml`). Only the idiom's own words go, so a real crisis elsewhere in the same
 * message ("I'm killing it at work but I want to die") is still seen.
 */
export function neutralizeIdioms(text: string): string {
  // One pass says whether any idiom is there; only then is each replaced in turn (same result, one scan).
  if (!LEXICON.anyIdiom.test(text)) return text;
  let out = text;
  for (const idiom of LEXICON.idioms) out = out.replace(idiom, IDIOM_MARK);
  return out;
}
