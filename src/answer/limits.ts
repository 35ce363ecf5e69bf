/**
 * Discord's size limits, and the helpers that keep our payloads inside them.
 *
 * This is the ONE place that knows Discord's numbers. Everything is counted in Unicode code points
 * ("🔥" is 1), which is how Discord counts message content and embed text. Cutting is done on
 * grapheme-cluster boundaries (`Intl.Segmenter`), so a clamp never splits a surrogate pair, a ZWJ
 * emoji sequence (👩‍💻), a flag (🇫🇷) or a letter from its combining accents.
 *
 * Text that is *ours* and must not change (custom ids) is asserted, not clamped: a clamped custom id
 * is a broken button, so an over-long one is a programming error and throws.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';

export const DISCORD_LIMITS = {
  /** Message `content`. */
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  /** Number of fields in one embed. */
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  /** Sum of title + description + field names/values + footer text + author name over ALL embeds of a message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  /** Action rows per message. */
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  /** custom_id of buttons / select menus; at least 1. */
  customId: 100,
  /** Choices of a command option, autocomplete results, and options of a select menu. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;

export type DiscordLimit = keyof typeof DISCORD_LIMITS;

/** Default marker appended when text is cut. One code point. */
export const ELLIPSIS = '…';

/** Placeholder for text Discord refuses to receive empty (embed field names/values, choice names). */
export const EMPTY_PLACEHOLDER = '—';

/**
 * Number of Unicode code points in `text` ("🔥" is 1, "é" as e + U+0301 is 2).
 * A lone surrogate counts as 1.
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function checkMax(max: number): number {
  if (Number.isNaN(max)) throw new RangeError('clamp: max must be a number, got NaN');
  return Math.max(0, Math.floor(max));
}

/** The UTF-16 index just after the first `count` code points of `text` (or its length). */
function indexAfterCodePoints(text: string, count: number): number {
  let index = 0;
  for (let seen = 0; seen < count && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    index += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return index;
}

const isSpaceGrapheme = (segment: string | undefined): boolean =>
  segment !== undefined && /^\s+$/.test(segment);

/**
 * End (UTF-16 index) of the longest prefix of `text` made of whole grapheme clusters with at most
 * `budget` code points. With `atWord`, moves the end back to the start of a whitespace grapheme when
 * the cut would fall mid-word and such whitespace lies in the last ~20% of the budget.
 * Only the neighbourhood of the cut is segmented (`Segments.containing`), so long texts are cheap.
 */
function prefixEnd(text: string, budget: number, atWord: boolean): number {
  const segments = graphemes.segment(text);
  const limit = indexAfterCodePoints(text, budget);
  let end = limit;
  if (end < text.length) {
    const straddling = segments.containing(end);
    if (straddling !== undefined && straddling.index < end) end = straddling.index;
  }
  if (!atWord || end >= text.length) return end;

  const endsAtWord = /\s/.test(text.charAt(end - 1)) || isSpaceGrapheme(segments.containing(end)?.segment);
  if (endsAtWord) return end;
  const minCodePoints = Math.floor(budget * 0.8);
  let codePoints = codePointLength(text.slice(0, end));
  for (let i = end - 1; i > 0 && codePoints > minCodePoints; i--) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) i--;
    }
    codePoints--; // now the code points before index i
    if (/\s/.test(text.charAt(i))) {
      const segment = segments.containing(i);
      if (segment?.index === i && isSpaceGrapheme(segment.segment)) return i;
    }
  }
  return end;
}

function cut(text: string, max: number, ellipsis: string, atWord: boolean): string {
  const limit = checkMax(max);
  if (codePointLength(text) <= limit) return text;

  const ellipsisLength = codePointLength(ellipsis);
  // The ellipsis cannot fit: hand back as much of the text as fits, unmarked.
  if (ellipsisLength > limit) return text.slice(0, prefixEnd(text, limit, false));
  return text.slice(0, prefixEnd(text, limit - ellipsisLength, atWord)).trimEnd() + ellipsis;
}

/**
 * `text` if it has at most `max` code points; otherwise its longest grapheme-safe prefix followed by
 * `ellipsis`, the whole at most `max` code points. When `max` is smaller than the ellipsis itself the
 * result is the bare prefix (never more than `max`). Trailing whitespace before the ellipsis is dropped.
 * The part before the ellipsis is always a prefix of `text`.
 */
export function clamp(text: string, max: number, ellipsis: string = ELLIPSIS): string {
  return cut(text, max, ellipsis, false);
}

/**
 * Like {@link clamp}, but when the cut would land mid-word and there is whitespace in the last ~20% of
 * the kept text, cuts at that whitespace instead ("a nice sentence…" rather than "a nice sent…").
 * Same guarantees as `clamp`.
 */
export function clampWords(text: string, max: number, ellipsis: string = ELLIPSIS): string {
  return cut(text, max, ellipsis, true);
}

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/**
 * Returns `id` unchanged when it is a valid custom_id: 1..100 characters (checked both in code points
 * and in UTF-16 code units, so whatever Discord counts it fits) and no lone surrogates.
 * Throws otherwise: custom ids are built by our code, and a shortened one would be a broken button.
 */
export function assertCustomId(id: string): string {
  if (id.length === 0) throw new Error('custom_id must not be empty');
  if (id.length > DISCORD_LIMITS.customId || codePointLength(id) > DISCORD_LIMITS.customId) {
    throw new Error(
      `custom_id is ${id.length} UTF-16 units long, the limit is ${DISCORD_LIMITS.customId}: ${JSON.stringify(id.slice(0, 40))}…`,
    );
  }
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(id)) {
    throw new Error(`custom_id contains a lone surrogate: ${JSON.stringify(id)}`);
  }
  return id;
}

/** A choice name (command option choices, autocomplete results): at most 100 code points, never empty. */
export function clampChoiceName(name: string): string {
  return isBlank(name) ? EMPTY_PLACEHOLDER : clampWords(name, DISCORD_LIMITS.choiceName);
}

/** Text counted towards the 6000 total of an embed, in code points. */
export function embedLength(embed: APIEmbed): number {
  let total = codePointLength(embed.title ?? '') + codePointLength(embed.description ?? '');
  for (const field of embed.fields ?? []) total += codePointLength(field.name) + codePointLength(field.value);
  total += codePointLength(embed.footer?.text ?? '') + codePointLength(embed.author?.name ?? '');
  return total;
}

/**
 * A copy of `embed` with every text field within its own limit: title, description, footer text,
 * author name, at most 25 fields with names and values clamped. Empty (or whitespace-only) field
 * names/values become {@link EMPTY_PLACEHOLDER}, which Discord accepts; an empty title or description
 * is removed, and a footer/author whose text is empty is removed, as Discord rejects empty strings
 * there. Does not look at the 6000 total — that is per message, see {@link clampEmbeds}.
 */
export function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (isBlank(out.title)) delete out.title;
  else out.title = clamp(out.title ?? '', DISCORD_LIMITS.embedTitle);
  if (isBlank(out.description)) delete out.description;
  else out.description = clampWords(out.description ?? '', DISCORD_LIMITS.embedDescription);
  if (out.footer !== undefined) {
    if (isBlank(out.footer.text)) delete out.footer;
    else out.footer = { ...out.footer, text: clampWords(out.footer.text, DISCORD_LIMITS.embedFooterText) };
  }
  if (out.author !== undefined) {
    if (isBlank(out.author.name)) delete out.author;
    else out.author = { ...out.author, name: clamp(out.author.name, DISCORD_LIMITS.embedAuthorName) };
  }
  if (out.fields !== undefined) {
    out.fields = out.fields.slice(0, DISCORD_LIMITS.embedFields).map((field): APIEmbedField => ({
      ...field,
      name: isBlank(field.name) ? EMPTY_PLACEHOLDER : clamp(field.name, DISCORD_LIMITS.embedFieldName),
      value: isBlank(field.value)
        ? EMPTY_PLACEHOLDER
        : clampWords(field.value, DISCORD_LIMITS.embedFieldValue),
    }));
  }
  return out;
}

/**
 * The embeds of one message, made to fit: each one {@link clampEmbed}-ed, at most 10, and at most 6000
 * code points in total. Deterministic. In order:
 * 1. embeds after the 10th are dropped;
 * 2. going from the first embed, an embed whose text *other than its description* no longer fits in
 *    what is left of the 6000 is dropped together with every embed after it (the first embed is
 *    never dropped: its fields are dropped from the end instead until it fits);
 * 3. descriptions are shortened (with an ellipsis, at a word when possible), last embed first, and
 *    removed when (almost) nothing of them would be left.
 */
export function clampEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const clamped = embeds.slice(0, DISCORD_LIMITS.embedsPerMessage).map(clampEmbed);
  const descriptionLength = (embed: APIEmbed): number => codePointLength(embed.description ?? '');
  const fixedLength = (embed: APIEmbed): number => embedLength(embed) - descriptionLength(embed);

  const kept: APIEmbed[] = [];
  let fixed = 0;
  for (const embed of clamped) {
    const length = fixedLength(embed);
    if (fixed + length <= DISCORD_LIMITS.embedTotal) {
      kept.push(embed);
      fixed += length;
      continue;
    }
    if (kept.length === 0) {
      // Title + footer + author are at most 2560, so dropping fields always gets there.
      const fields = [...(embed.fields ?? [])];
      const trimmed: APIEmbed = { ...embed, fields };
      while (fields.length > 0 && fixedLength(trimmed) > DISCORD_LIMITS.embedTotal) fields.pop();
      kept.push(trimmed);
      fixed += fixedLength(trimmed);
    }
    break;
  }

  let over = kept.reduce((sum, embed) => sum + embedLength(embed), 0) - DISCORD_LIMITS.embedTotal;
  for (let i = kept.length - 1; i >= 0 && over > 0; i--) {
    const embed = kept[i];
    if (embed?.description === undefined) continue;
    const length = descriptionLength(embed);
    const target = length - over;
    const shortened: APIEmbed = { ...embed };
    if (target < 2) delete shortened.description;
    else shortened.description = clampWords(embed.description, target);
    over -= length - descriptionLength(shortened);
    kept[i] = shortened;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------
// Checking a whole payload
// ---------------------------------------------------------------------------------------------------

/** Component type numbers (discord-api-types' ComponentType), kept local so this module stays type-only. */
const ACTION_ROW = 1;
const BUTTON = 2;
const SELECT_MENUS = new Set([3, 5, 6, 7, 8]);
const STRING_SELECT = 3;
const TEXT_INPUT = 4;
const LINK_BUTTON_STYLE = 5;
const PREMIUM_BUTTON_STYLE = 6;

export interface MessagePayloadToCheck {
  content?: string | undefined;
  embeds?: readonly APIEmbed[] | undefined;
  /** Action rows, as API JSON or as discord.js builders (anything with `toJSON()`). */
  components?: readonly unknown[] | undefined;
}

type Json = Record<string, unknown>;

function toJson(value: unknown): Json | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON !== 'function') return value as Json;
  const json: unknown = (withToJson.toJSON as () => unknown).call(value);
  return typeof json === 'object' && json !== null ? (json as Json) : undefined;
}

function checkText(
  violations: string[],
  where: string,
  value: unknown,
  max: number,
  { required = false }: { required?: boolean } = {},
): void {
  if (value === undefined || value === null) {
    if (required) violations.push(`${where} is missing`);
    return;
  }
  if (typeof value !== 'string') {
    violations.push(`${where} is not a string`);
    return;
  }
  const length = codePointLength(value);
  if (length > max) violations.push(`${where} is ${length} code points, the limit is ${max}`);
  if (value.trim() === '' && required) violations.push(`${where} is empty`);
}

function checkCustomId(violations: string[], where: string, value: unknown, seen: Set<string>): void {
  if (typeof value !== 'string') {
    violations.push(`${where}.custom_id is missing`);
    return;
  }
  try {
    assertCustomId(value);
  } catch (error) {
    violations.push(`${where}.custom_id: ${(error as Error).message}`);
  }
  if (seen.has(value))
    violations.push(`${where}.custom_id ${JSON.stringify(value)} is used twice in the message`);
  seen.add(value);
}

function checkEmbed(violations: string[], embed: APIEmbed, where: string): void {
  const L = DISCORD_LIMITS;
  checkText(violations, `${where}.title`, embed.title, L.embedTitle);
  checkText(violations, `${where}.description`, embed.description, L.embedDescription);
  if (embed.footer !== undefined)
    checkText(violations, `${where}.footer.text`, embed.footer.text, L.embedFooterText, { required: true });
  if (embed.author !== undefined)
    checkText(violations, `${where}.author.name`, embed.author.name, L.embedAuthorName, { required: true });
  const fields = embed.fields ?? [];
  if (fields.length > L.embedFields)
    violations.push(`${where} has ${fields.length} fields, the limit is ${L.embedFields}`);
  fields.forEach((field, i) => {
    checkText(violations, `${where}.fields[${i}].name`, field.name, L.embedFieldName, { required: true });
    checkText(violations, `${where}.fields[${i}].value`, field.value, L.embedFieldValue, { required: true });
  });
}

function checkRowChild(violations: string[], child: Json, where: string, seen: Set<string>): void {
  const L = DISCORD_LIMITS;
  if (child.type === BUTTON) {
    if (child.label !== undefined)
      checkText(violations, `${where}.label`, child.label, L.buttonLabel, { required: true });
    else if (child.emoji === undefined && child.style !== PREMIUM_BUTTON_STYLE)
      violations.push(`${where} has neither label nor emoji`);
    if (child.style === LINK_BUTTON_STYLE) {
      if (typeof child.url !== 'string') violations.push(`${where} is a link button without url`);
    } else if (child.style !== PREMIUM_BUTTON_STYLE) {
      checkCustomId(violations, where, child.custom_id, seen);
    }
  } else if (typeof child.type === 'number' && SELECT_MENUS.has(child.type)) {
    checkCustomId(violations, where, child.custom_id, seen);
    checkText(violations, `${where}.placeholder`, child.placeholder, L.selectPlaceholder);
    if (child.type === STRING_SELECT) {
      const options = Array.isArray(child.options) ? (child.options as unknown[]) : [];
      if (options.length === 0) violations.push(`${where} has no options`);
      if (options.length > L.choices)
        violations.push(`${where} has ${options.length} options, the limit is ${L.choices}`);
      options.forEach((option, i) => {
        const json = toJson(option) ?? {};
        checkText(violations, `${where}.options[${i}].label`, json.label, L.selectOptionLabel, {
          required: true,
        });
        checkText(violations, `${where}.options[${i}].value`, json.value, L.selectOptionValue, {
          required: true,
        });
        checkText(
          violations,
          `${where}.options[${i}].description`,
          json.description,
          L.selectOptionDescription,
        );
      });
    }
  } else if (child.type === TEXT_INPUT) {
    checkCustomId(violations, where, child.custom_id, seen);
  } else {
    violations.push(`${where} has unsupported component type ${String(child.type)}`);
  }
}

/**
 * Every way `payload` breaks Discord's limits, as readable sentences; `[]` when it is fine.
 * Checks content (≤ 2000 code points), embeds (≤ 10, each field within its limit, no empty field
 * name/value/footer/author text, ≤ 6000 in total) and components (≤ 5 action rows; a row holds ≤ 5
 * buttons or exactly one select menu; labels ≤ 80; custom_id 1..100 and unique in the message;
 * select options ≤ 25). Builders are accepted and read through `toJSON()`.
 */
export function checkMessageLimits(payload: MessagePayloadToCheck): string[] {
  const L = DISCORD_LIMITS;
  const violations: string[] = [];
  checkText(violations, 'content', payload.content, L.content);

  const embeds = payload.embeds ?? [];
  if (embeds.length > L.embedsPerMessage)
    violations.push(`${embeds.length} embeds, the limit is ${L.embedsPerMessage}`);
  embeds.forEach((embed, i) => checkEmbed(violations, embed, `embeds[${i}]`));
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total > L.embedTotal)
    violations.push(`embeds total ${total} code points, the limit is ${L.embedTotal}`);

  const rows = payload.components ?? [];
  if (rows.length > L.actionRows) violations.push(`${rows.length} action rows, the limit is ${L.actionRows}`);
  const seen = new Set<string>();
  rows.forEach((raw, r) => {
    const where = `components[${r}]`;
    const row = toJson(raw);
    if (row?.type !== ACTION_ROW) {
      violations.push(`${where} is not an action row (type ${ACTION_ROW})`);
      return;
    }
    const children = Array.isArray(row.components) ? (row.components as unknown[]).map(toJson) : [];
    if (children.length === 0) violations.push(`${where} is empty`);
    const hasSelect = children.some((c) => typeof c?.type === 'number' && SELECT_MENUS.has(c.type));
    if (hasSelect && children.length > 1)
      violations.push(`${where} mixes a select menu with other components`);
    const buttons = children.filter((c) => c?.type === BUTTON).length;
    if (buttons > L.buttonsPerRow)
      violations.push(`${where} has ${buttons} buttons, the limit is ${L.buttonsPerRow}`);
    children.forEach((child, c) => {
      if (child === undefined) violations.push(`${where}.components[${c}] is not an object`);
      else checkRowChild(violations, child, `${where}.components[${c}]`, seen);
    });
  });
  return violations;
}
