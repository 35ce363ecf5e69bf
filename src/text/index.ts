/**
 * Text handling shared by the engine, pin matching, the crisis check and escaping: invisible characters,
 * accents, apostrophes, contractions, word splitting, stemming and edit distance. Imports nothing else
 * of the bot's.
 *
 * Where a user differs on purpose:
 * - escaping (`src/answer/escape.ts`) keeps emoji joiners and flag tags, because echoed text is shown;
 * - retrieval and pins drop the pronoun suffixes of contractions (`expandContractions(…, 'drop')`), the
 *   crisis check spells them out ('expand'), because "i am going to" is part of what it looks for; it
 *   also maps leetspeak and keeps ASCII words only, which would lose non-English words elsewhere.
 */
export {
  CONTROL_CHARACTERS,
  FORMAT_CHARACTERS,
  HANGUL_FILLERS,
  SPACING_CONTROLS,
  stripInvisible,
} from './invisible.js';
export { APOSTROPHES, foldAccents, normalizeText, unifyApostrophes } from './normalize.js';
export { expandContractions } from './contractions.js';
export { splitWords, words } from './words.js';
export { stem } from './stem.js';
export { editDistance } from './edit-distance.js';
