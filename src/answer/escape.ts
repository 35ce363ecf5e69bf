/**
 * Anything of the user's that the bot echoes goes through here.
 *
 * Two separate steps, usually in this order:
 * - {@link sanitizeUserText}: make the text *plain* — no control / invisible / bidi characters, one
 *   line, bounded length. Right for places Discord does not render markdown (button labels, choice
 *   names, logs) as well as for messages.
 * - {@link escapeForDiscord}: make plain text *inert* in places Discord renders markdown (message
 *   content, embed descriptions and field values). Apply exactly once: it is not idempotent.
 * {@link echoUserText} does both and keeps the escaped result within a code-point budget.
 *
 * Escaping is about rendering; it does not replace `allowed_mentions`, which the sender must still
 * set (`{ parse: [] }`) so that nothing pings even if a mention slipped through.
 */
import { CONTROL_CHARACTERS, HANGUL_FILLERS, SPACING_CONTROLS } from '../text/index.js';
import { ELLIPSIS, clamp, clampWords, codePointLength } from './limits.js';

/** Zero-width space: breaks `@everyone`/`@here` and auto-links while staying invisible. */
const ZWSP = '\u200b';

/** At most this many combining marks are kept on one character ("Zalgo" text is cut back to it). */
const MAX_COMBINING_MARKS = 4;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Format characters (see `FORMAT_CHARACTERS` in `src/text/`) are removed, with two exceptions that are
 * part of emoji and harmless: a ZWJ between two pictographs (👩‍💻, 🏳️‍🌈) and the tag characters of a
 * subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). This is deliberately not `stripInvisible`: echoed text is shown, so an emoji
 * must survive whole, while matching only needs the words.
 */
const FORMAT_CHARS =
  /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|(?<=\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?)(\u200D)(?=\p{Extended_Pictographic})|\p{Cf}/gu;

const COMBINING_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu');

/**
 * Plain, single-line, bounded text from anything a user typed. Guarantees on the result:
 * - no C0/C1 control characters (tab, newlines and other separators become spaces; NUL and the rest
 *   are removed), no format characters (zero-width, bidi overrides/isolates/marks, BOM, soft hyphen,
 *   tags — except inside emoji, see above), no Hangul filler, no lone surrogates (→ U+FFFD);
 * - every run of whitespace (any Unicode space, newline, …) is a single ASCII space; no leading or
 *   trailing whitespace; at most 4 combining marks on one character;
 * - at most `maxCodePoints` code points, cut at a word when reasonable and marked with "…".
 */
export function sanitizeUserText(text: string, maxCodePoints: number): string {
  const plain = text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(FORMAT_CHARS, (_match, flag: string | undefined, zwj: string | undefined) => flag ?? zwj ?? '')
    .replace(SPACING_CONTROLS, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(HANGUL_FILLERS, '')
    .replace(COMBINING_RUN, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return clampWords(plain, maxCodePoints);
}

/** Characters that are markdown wherever they appear; each gets a backslash. `<` covers every `<…>` tag. */
const MARKDOWN_ANYWHERE = /[\\*_~`|[\]()<]/g;
/** Block markers that only mean something at the start of a line: headings, subtext, quotes, lists. */
const MARKDOWN_LINE_START = /^([ \t]*)([#>+-]|\d+\.)/gm;
const MASS_MENTION = /@(everyone|here)/gi;
/** `scheme://` — auto-linked (and embedded) by Discord; a ZWSP after the colon stops that. */
const URL_SCHEME = /:\/\//g;
/** `discord.gg/…`-style invites are recognised even without a scheme. */
const INVITE_DOMAIN = /(discord(?:app)?)\.(?=(?:gg|com|io|me|li|new)\/)/gi;

/**
 * `text` made inert for Discord's markdown renderer. It renders as the same characters, except that
 * invisible zero-width spaces are inserted where noted. Guarantees:
 * - markdown: `\ * _ ~ ` | [ ] ( ) <` are backslash-escaped everywhere, so no bold/italic/underline/
 *   strike, spoiler (`||`), inline code or code block (```), and no masked link `[text](url)`;
 *   at the start of each line `# > + -` and `1.` are escaped, so no heading, `-#` subtext, quote or list;
 * - mentions: `@everyone` / `@here` (any case) become `@\u200beveryone` / `@\u200bhere`; every `<` is
 *   escaped (`\<`), so `<@123>`, `<@!123>`, `<@&123>`, `<#123>`, `</cmd:1>`, `<:emoji:1>` and `<t:1>` all
 *   show as text;
 * - links: every `://` becomes `:\u200b//`, so `https://…` (and any other scheme) is neither clickable
 *   nor embedded; `discord.gg/…` invites get a ZWSP before the dot.
 * Deterministic and total (never throws). Output is at most twice as long (plus the inserted ZWSPs);
 * use {@link echoUserText} to keep it within a budget.
 *
 * (discord.js' `escapeMarkdown` is not used: by default it leaves headings, lists, masked links and
 * `<…>` mentions alone, and only escapes `_`, `*` etc. in recognised pairs.)
 */
export function escapeForDiscord(text: string): string {
  return text
    .replace(MARKDOWN_ANYWHERE, '\\$&')
    .replace(MARKDOWN_LINE_START, (_match, indent: string, marker: string) =>
      marker.endsWith('.') ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`,
    )
    .replace(MASS_MENTION, `@${ZWSP}$1`)
    .replace(URL_SCHEME, `:${ZWSP}//`)
    .replace(INVITE_DOMAIN, `$1${ZWSP}.`);
}

/**
 * `text` escaped ({@link escapeForDiscord}) and shown as a block quote: every line prefixed with `> `.
 * An empty text gives an empty string.
 */
export function quoteForDiscord(text: string): string {
  if (text === '') return '';
  return escapeForDiscord(text)
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * The user's text ready to be echoed in a markdown-rendering place: {@link sanitizeUserText}, then
 * {@link escapeForDiscord}, shortened further if needed so that the *escaped* result has at most
 * `maxCodePoints` code points. Carries the guarantees of both functions.
 */
export function echoUserText(text: string, maxCodePoints: number): string {
  const max = Math.floor(maxCodePoints);
  if (Number.isNaN(max)) throw new RangeError('echoUserText: maxCodePoints must be a number, got NaN');
  if (max <= 0) return '';
  const plain = sanitizeUserText(text, max);
  const escapedWithin = (budget: number): string => escapeForDiscord(clamp(plain, budget));
  const whole = escapedWithin(Infinity);
  if (codePointLength(whole) <= max) return whole;
  // The escaped length only grows with the budget: binary-search the largest budget that fits.
  let fits = 0;
  let tooBig = codePointLength(plain);
  while (tooBig - fits > 1) {
    const middle = Math.floor((fits + tooBig) / 2);
    if (codePointLength(escapedWithin(middle)) <= max) fits = middle;
    else tooBig = middle;
  }
  // Not even one escaped character fits: say that something was cut rather than show nothing.
  return fits === 0 && plain !== '' ? ELLIPSIS : escapedWithin(fits);
}
