import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * pino JSON logs. Secrets and what people write are redacted wherever they appear in a log object:
 * people in these communities talk about their mental health, and a token in a log is a leaked bot.
 * Errors go through {@link serializeError}, an allow-list: path redaction alone only reaches one level.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.token',
  'headers.authorization',
  '*.headers.authorization',
  'content',
  '*.content',
  'question',
  '*.question',
];

export function createLogger(
  level: string,
  options: { destination?: pino.DestinationStream; logMessageContent?: boolean } = {},
): Logger {
  const paths = options.logMessageContent
    ? REDACTED_PATHS.filter((path) => !/content|question/.test(path))
    : REDACTED_PATHS;
  return pino(
    {
      level,
      base: { app: 'boundary-bot' },
      redact: { paths, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    options.destination ?? pino.destination(1),
  );
}

/** What an error becomes in a log line. Everything in it is safe to keep. */
export interface LoggedError {
  readonly type: string;
  readonly message?: string;
  readonly code?: string | number;
  readonly status?: number;
  readonly method?: string;
  /** The request's path with tokens replaced by `:token` and without its query. */
  readonly route?: string;
  /** For Discord's "Invalid Form Body": which fields it refused and why (codes, never values). */
  readonly fields?: readonly string[];
  readonly stack?: string;
  readonly cause?: LoggedError;
}

const MAX_CAUSES = 3;
const MAX_FIELDS = 10;
const MAX_TEXT = 2000;

/**
 * The one way an error reaches a log: an allow-list, not a deny-list. A discord.js REST error carries
 * the request URL (`/interactions/{id}/{token}/callback` and `/webhooks/{app}/{token}` hold a token that
 * can edit the reply or post as the bot for 15 minutes) and the request body (the embed whose author line
 * is the member's question); a validation error may carry the rejected value. Only name, message, code,
 * status, method, a route with tokens removed, refused field names and the stack are kept, every text
 * scrubbed of anything shaped like a token; request and response bodies never are. A string (the store
 * logs a description) stays a string, scrubbed.
 */
export function serializeError(error: unknown): LoggedError | string {
  if (typeof error === 'string') return scrubSecrets(clip(error));
  return serializeErrorObject(error, 0);
}

function serializeErrorObject(error: unknown, depth: number): LoggedError {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: scrubSecrets(clip(String(error))) };
  }
  const source = error as Record<string, unknown>;
  const name = typeof source['name'] === 'string' ? source['name'] : (error.constructor?.name ?? 'Object');
  const url = typeof source['url'] === 'string' ? source['url'] : undefined;
  const fields = formFields(source['rawError']);
  const cause = source['cause'];
  return withoutUndefined({
    type: scrubSecrets(clip(name)),
    message: typeof source['message'] === 'string' ? scrubSecrets(clip(source['message'])) : undefined,
    code:
      typeof source['code'] === 'string' || typeof source['code'] === 'number' ? source['code'] : undefined,
    status: typeof source['status'] === 'number' ? source['status'] : undefined,
    method: typeof source['method'] === 'string' ? source['method'].toUpperCase().slice(0, 10) : undefined,
    route: url !== undefined ? routeOf(url) : undefined,
    fields: fields.length > 0 ? fields : undefined,
    stack:
      typeof source['stack'] === 'string' ? scrubSecrets(clip(source['stack'], 4 * MAX_TEXT)) : undefined,
    cause: cause !== undefined && depth < MAX_CAUSES ? serializeErrorObject(cause, depth + 1) : undefined,
  });
}

/** `https://discord.com/api/v10/interactions/1/abc/callback?with_response=true` → `/api/v10/interactions/1/:token/callback`. */
export function routeOf(url: string): string {
  let path: string;
  try {
    path = new URL(url, 'http://relative.invalid').pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? '';
  }
  return scrubSecrets(clip(path));
}

// A token follows the id in interaction and webhook paths; a bot token is three base64url parts.
const PATH_TOKEN = /(\/(?:interactions|webhooks)\/[^/\s?#]+\/)[^/\s?#]+/g;
const BOT_TOKEN = /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/g;
const AUTHORIZATION = /\b(Bot|Bearer)\s+\S+/g;

/** Text with interaction/webhook tokens, bot tokens and Authorization values replaced. */
export function scrubSecrets(text: string): string {
  return text
    .replace(PATH_TOKEN, '$1:token')
    .replace(BOT_TOKEN, '[token]')
    .replace(AUTHORIZATION, '$1 [token]');
}

/** `{ errors: { embeds: { 0: { description: { _errors: [{ code }] } } } } }` → `["embeds.0.description: BASE_TYPE_MAX_LENGTH"]`. */
function formFields(rawError: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string[], depth: number): void => {
    if (found.length >= MAX_FIELDS || depth > 8 || typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '_errors' && Array.isArray(value)) {
        const codes = value
          .map((entry: unknown) =>
            typeof entry === 'object' && entry !== null ? (entry as { code?: unknown }).code : undefined,
          )
          .filter((code): code is string => typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code));
        found.push(`${path.join('.')}: ${codes.join(', ') || 'invalid'}`);
      } else if (/^[\w-]{1,40}$/.test(key)) {
        walk(value, [...path, key], depth + 1);
      }
    }
  };
  if (typeof rawError === 'object' && rawError !== null)
    walk((rawError as { errors?: unknown }).errors, [], 0);
  return found.slice(0, MAX_FIELDS);
}

function clip(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
