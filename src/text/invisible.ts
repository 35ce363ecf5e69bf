/**
 * Characters that carry no text but can hide, join or reorder it. The one definition every part of the
 * bot uses: the engine and pin matching (through {@link stripInvisible}), escaping of echoed text
 * (`src/answer/escape.ts`, which keeps emoji joiners on purpose) and the crisis check.
 */

/**
 * Every format character (General Category Cf): zero-width space/joiner/non-joiner, word joiner, BOM,
 * soft hyphen, LRM/RLM/ALM, bidi embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069, tag
 * characters, …
 */
export const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Control characters that separate words (tab, line breaks, the information separators, NEL). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SPACING_CONTROLS = /[\t\n\v\f\r\u001c-\u001f\u0085]/g;

/** Every C0/C1 control and DEL. Apply after {@link SPACING_CONTROLS} where those should become spaces. */
export const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Hangul fillers render as blanks and are a classic way to post "invisible" text. */
export const HANGUL_FILLERS = /[\u115f\u1160\u3164\uffa0]/g;

/**
 * Text with nothing invisible left: format characters, Hangul fillers and non-spacing controls are
 * removed (so "ther\u200Bapist" is one word again); controls that separate words become a space.
 * Meant for matching, not for display: it also removes the joiner inside emoji sequences, which
 * `sanitizeUserText` keeps because they render.
 */
export function stripInvisible(text: string): string {
  return text
    .replace(FORMAT_CHARACTERS, '')
    .replace(HANGUL_FILLERS, '')
    .replace(SPACING_CONTROLS, ' ')
    .replace(CONTROL_CHARACTERS, '');
}
