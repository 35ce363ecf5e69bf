import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * pino JSON logs. Secrets and what people write are redacted wherever they appear in a log object:
 * people in these communities talk about their mental health, and a token in a log is a leaked bot.
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
    { level, base: { app: 'boundary-bot' }, redact: { paths, censor: '[redacted]' } },
    options.destination ?? pino.destination(1),
  );
}
