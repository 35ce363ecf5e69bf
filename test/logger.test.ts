import { describe, expect, it } from 'vitest';
import { DiscordAPIError } from 'discord.js';
import { createLogger, serializeError } from '../src/logger.js';

function capture(logMessageContent = false): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const logger = createLogger('info', {
    destination: { write: (line: string) => void lines.push(line) },
    logMessageContent,
  });
  return { lines, logger };
}

describe('GIVEN the pino logger', () => {
  it('WHEN a token or message text is logged THEN it is redacted by default', () => {
    const { lines, logger } = capture();
    logger.info(
      { token: 'secret-token', config: { token: 'secret-2' }, content: 'i feel awful', question: 'q?' },
      'hello',
    );
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      msg: 'hello',
      token: '[redacted]',
      content: '[redacted]',
      question: '[redacted]',
    });
    expect(lines.join('')).not.toMatch(/secret|awful/);
  });

  it('WHEN message content logging is switched on THEN questions appear but tokens never do', () => {
    const { lines, logger } = capture(true);
    logger.info({ token: 'secret-token', question: 'can i ask my therapist how she is' }, 'answered');
    expect(lines.join('')).toContain('can i ask my therapist how she is');
    expect(lines.join('')).not.toContain('secret-token');
  });
});

describe('GIVEN an error is logged', () => {
  const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzOnNlY3JldA-interaction_token';
  const BOT_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz012345';

  it('WHEN Discord refused a webhook edit THEN the line keeps name, code, status, method and a route without the token, and no body', () => {
    const { lines, logger } = capture();
    const error = new DiscordAPIError(
      { message: 'Unknown Webhook', code: 10015 },
      10015,
      404,
      'PATCH',
      `https://discord.com/api/v10/webhooks/42/${INTERACTION_TOKEN}/messages/@original?wait=true`,
      { body: { embeds: [{ author: { name: 'can i hug my therapist' } }] } },
    );
    logger.error({ err: error }, 'edit failed');
    const err = (JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> }).err;
    expect(err).toMatchObject({
      type: 'DiscordAPIError[10015]',
      message: 'Unknown Webhook',
      code: 10015,
      status: 404,
      method: 'PATCH',
      route: '/api/v10/webhooks/42/:token/messages/@original',
    });
    expect(lines.join('')).not.toContain(INTERACTION_TOKEN);
    expect(lines.join('')).not.toContain('hug my therapist');
  });

  it('WHEN a token appears in a message, a stack, a cause or a thrown string THEN it is replaced', () => {
    const { lines, logger } = capture();
    const error = new Error(`login with ${BOT_TOKEN} failed`, {
      cause: new Error(`POST /interactions/1/${INTERACTION_TOKEN}/callback: Authorization: Bot ${BOT_TOKEN}`),
    });
    logger.error({ err: error }, 'one');
    logger.error({ err: `GET /webhooks/1/${INTERACTION_TOKEN}` }, 'two');
    logger.error({ err: 42 }, 'three');
    const text = lines.join('\n');
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(INTERACTION_TOKEN);
    const [one, two, three] = lines.map((line) => (JSON.parse(line) as { err: unknown }).err);
    expect(one).toMatchObject({ type: 'Error', message: 'login with [token] failed' });
    expect((one as { cause: { message: string } }).cause.message).toBe(
      'POST /interactions/1/:token/callback: Authorization: Bot [token]',
    );
    expect(two).toBe('GET /webhooks/1/:token');
    expect(three).toEqual({ type: 'number', message: '42' });
  });

  it('WHEN an error is logged as the first argument THEN the same allow-list applies', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('bad'), {
      requestBody: { json: { content: 'private words' } },
      given: 'private words',
    });
    logger.error(error);
    expect(lines.join('')).not.toContain('private words');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ err: { type: 'Error', message: 'bad' } });
  });

  it('WHEN an error cites itself as its cause THEN serializing stops', () => {
    const error = new Error('loop');
    (error as { cause?: unknown }).cause = error;
    expect(JSON.stringify(serializeError(error)).match(/loop/g)?.length).toBeLessThan(12);
  });
});
