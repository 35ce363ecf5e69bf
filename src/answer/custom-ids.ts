import { DISCORD_LIMITS, assertCustomId } from './limits.js';

/**
 * What a button does, carried entirely in its custom_id so buttons keep working after a restart and
 * need no collectors. Ids are `v1|<type>|<fields…>`; article, section and paragraph ids are slugs and never
 * contain `|`.
 */
export type ButtonAction =
  | { readonly type: 'article'; readonly articleId: string; readonly page: number }
  | {
      readonly type: 'section';
      readonly articleId: string;
      readonly sectionId: string;
      readonly page: number;
    }
  | { readonly type: 'alternative'; readonly articleId: string; readonly paragraphId: string }
  | { readonly type: 'pin'; readonly articleId: string; readonly paragraphId: string }
  | { readonly type: 'pins-page'; readonly page: number }
  /** "Post as reply" under a private "Find answer": posts the answer as a reply to that message. */
  | { readonly type: 'post'; readonly messageId: string }
  | {
      readonly type: 'vote';
      readonly helpful: boolean;
      readonly articleId: string;
      readonly paragraphId: string;
    }
  | { readonly type: 'review-next'; readonly entryId: number }
  | { readonly type: 'review-dismiss'; readonly entryId: number }
  /** A string select: the chosen value is the section (or, with many sections, the article). */
  | { readonly type: 'review-pin'; readonly entryId: number }
  | { readonly type: 'review-article'; readonly entryId: number };

const VERSION = 'v1';
const SEPARATOR = '|';

/** `slot` keeps two buttons to the same target (e.g. a disabled ◀ and ▶ on page 1) distinct. */
export function encodeAction(action: ButtonAction, slot?: string): string {
  return assertCustomId(customIdOf(action, slot));
}

/**
 * The custom_id, or undefined when the action's ids are too long for one (a section with a very long
 * heading): the caller leaves that button out rather than fail the whole message.
 */
export function encodeActionIfItFits(action: ButtonAction, slot?: string): string | undefined {
  const id = customIdOf(action, slot);
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

function customIdOf(action: ButtonAction, slot?: string): string {
  const parts: string[] = [VERSION, action.type];
  switch (action.type) {
    case 'article':
      parts.push(action.articleId, String(action.page));
      break;
    case 'section':
      parts.push(action.articleId, action.sectionId, String(action.page));
      break;
    case 'alternative':
    case 'pin':
      parts.push(action.articleId, action.paragraphId);
      break;
    case 'pins-page':
      parts.push(String(action.page));
      break;
    case 'post':
      parts.push(action.messageId);
      break;
    case 'vote':
      parts.push(action.helpful ? 'up' : 'down', action.articleId, action.paragraphId);
      break;
    case 'review-next':
    case 'review-dismiss':
    case 'review-pin':
    case 'review-article':
      parts.push(String(action.entryId));
      break;
  }
  if (slot) parts.push(slot);
  return parts.join(SEPARATOR);
}

/** Undefined for anything we did not make (or made with an older, unknown version). */
export function decodeAction(customId: string): ButtonAction | undefined {
  const [version, type, ...fields] = customId.split(SEPARATOR);
  if (version !== VERSION) return undefined;
  const page = (value: string | undefined): number | undefined => {
    const parsed = Number(value);
    return value !== undefined && /^\d{1,6}$/.test(value) && Number.isSafeInteger(parsed)
      ? parsed
      : undefined;
  };
  const text = (value: string | undefined): value is string => value !== undefined && value.length > 0;
  const [first, second, third] = fields;
  switch (type) {
    case 'article': {
      const at = page(second);
      return text(first) && at !== undefined ? { type, articleId: first, page: at } : undefined;
    }
    case 'section': {
      const at = page(third);
      return text(first) && text(second) && at !== undefined
        ? { type, articleId: first, sectionId: second, page: at }
        : undefined;
    }
    case 'alternative':
    case 'pin':
      return text(first) && text(second) ? { type, articleId: first, paragraphId: second } : undefined;
    case 'pins-page': {
      const at = page(first);
      return at !== undefined ? { type, page: at } : undefined;
    }
    case 'post':
      return first !== undefined && /^\d{15,22}$/.test(first) ? { type, messageId: first } : undefined;
    case 'vote':
      return (first === 'up' || first === 'down') && text(second) && text(third)
        ? { type, helpful: first === 'up', articleId: second, paragraphId: third }
        : undefined;
    case 'review-next':
    case 'review-dismiss':
    case 'review-pin':
    case 'review-article': {
      const id = Number(first);
      return first !== undefined && /^\d{1,15}$/.test(first) && Number.isSafeInteger(id)
        ? { type, entryId: id }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The slot of a custom id made with one (the pager's `p`/`n`): such buttons edit their own message. */
export function customIdSlot(customId: string): string | undefined {
  const action = decodeAction(customId);
  if (!action) return undefined;
  const expectedParts = encodeAction(action).split(SEPARATOR).length;
  const parts = customId.split(SEPARATOR);
  return parts.length === expectedParts + 1 ? parts[parts.length - 1] : undefined;
}
