import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

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
