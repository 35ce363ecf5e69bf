import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { loadAppConfig, loadBotConfig, loadStartConfig } from '../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-token-value_123';
const VALID = { DISCORD_TOKEN: TOKEN };

function failure(
  result:
    ReturnType<typeof loadBotConfig> | ReturnType<typeof loadAppConfig> | ReturnType<typeof loadStartConfig>,
): string {
  if (result.ok) throw new Error('expected a configuration error');
  return result.message;
}

describe('GIVEN an environment with only a token', () => {
  it('WHEN the bot config is loaded THEN every default is filled in', () => {
    const result = loadBotConfig(VALID);
    expect(result).toEqual({
      ok: true,
      config: {
        knowledgeDir: 'knowledge',
        crisisReplyPath: 'knowledge/safety/crisis-reply.md',
        databasePath: 'data/bot.db',
        logLevel: 'info',
        modRoleIds: [],
        rateLimit: { questions: 5, windowMs: 30_000 },
        healthPort: undefined,
        healthHost: '127.0.0.1',
        logMessageContent: false,
        token: TOKEN,
        clientId: undefined,
        guildId: undefined,
        apiUrl: undefined,
        voteSecret: undefined,
        reviewRetentionDays: 30,
        messageContentIntent: false,
      },
    });
  });

  it('WHEN the start config is loaded without VOTE_HASH_SECRET THEN it names the variable and how to make one', () => {
    const message = failure(loadStartConfig(VALID));
    expect(message).toContain('VOTE_HASH_SECRET is required');
    expect(message).toContain('openssl rand -hex 32');
  });

  it('WHEN VOTE_HASH_SECRET is too short THEN the message says so without echoing it', () => {
    const message = failure(loadStartConfig({ ...VALID, VOTE_HASH_SECRET: 'short-secret' }));
    expect(message).toContain('at least 32 characters');
    expect(message).not.toContain('short-secret');
  });

  it('WHEN VOTE_HASH_SECRET is set THEN the start config carries it', () => {
    const secret = 'x'.repeat(40);
    const result = loadStartConfig({ ...VALID, VOTE_HASH_SECRET: secret });
    expect(result.ok && result.config.voteSecret).toBe(secret);
  });

  it('WHEN MESSAGE_CONTENT_INTENT is true THEN the privileged intent is asked for; anything else leaves it off', () => {
    const on = loadBotConfig({ ...VALID, MESSAGE_CONTENT_INTENT: 'true' });
    expect(on.ok && on.config.messageContentIntent).toBe(true);
    const off = loadBotConfig({ ...VALID, MESSAGE_CONTENT_INTENT: 'no' });
    expect(off.ok && off.config.messageContentIntent).toBe(false);
  });

  it('WHEN the app config is loaded from an empty environment THEN it needs no token', () => {
    const result = loadAppConfig({});
    expect(result.ok && result.config.databasePath).toBe('data/bot.db');
  });

  it('WHEN variables are set but empty THEN the defaults apply, as with a fresh .env copy', () => {
    const result = loadBotConfig({
      ...VALID,
      KNOWLEDGE_DIR: '',
      DATABASE_PATH: ' ',
      LOG_LEVEL: '',
      MOD_ROLE_IDS: '',
      RATE_LIMIT_QUESTIONS: '',
      RATE_LIMIT_WINDOW_SECONDS: '',
      HEALTH_PORT: '',
      DISCORD_CLIENT_ID: '',
      DISCORD_API_URL: '',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.rateLimit).toEqual({ questions: 5, windowMs: 30_000 });
    expect(result.config.knowledgeDir).toBe('knowledge');
    expect(result.config.clientId).toBeUndefined();
  });
});

describe('GIVEN every setting', () => {
  it('WHEN loaded THEN each is read', () => {
    const result = loadBotConfig({
      ...VALID,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      KNOWLEDGE_DIR: 'my/knowledge/',
      DATABASE_PATH: '/var/lib/bot.db',
      LOG_LEVEL: 'debug',
      MOD_ROLE_IDS: '111111111111111111, 222222222222222222',
      RATE_LIMIT_QUESTIONS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      HEALTH_PORT: '9090',
      HEALTH_HOST: '0.0.0.0',
      LOG_MESSAGE_CONTENT: 'true',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        clientId: '123456789012345678',
        guildId: '876543210987654321',
        apiUrl: 'http://127.0.0.1:8080/api',
        knowledgeDir: 'my/knowledge/',
        crisisReplyPath: 'my/knowledge/safety/crisis-reply.md',
        databasePath: '/var/lib/bot.db',
        logLevel: 'debug',
        modRoleIds: ['111111111111111111', '222222222222222222'],
        rateLimit: { questions: 3, windowMs: 60_000 },
        healthPort: 9090,
        healthHost: '0.0.0.0',
        logMessageContent: true,
      },
    });
  });

  it('WHEN HEALTH_PORT is 0 THEN it is kept (the system picks a free port)', () => {
    const result = loadAppConfig({ HEALTH_PORT: '0' });
    expect(result.ok && result.config.healthPort).toBe(0);
  });

  it('WHEN CRISIS_REPLY_PATH is set THEN it wins over the default under the knowledge folder', () => {
    const result = loadAppConfig({ CRISIS_REPLY_PATH: 'elsewhere/crisis.md' });
    expect(result.ok && result.config.crisisReplyPath).toBe('elsewhere/crisis.md');
  });
});

describe('GIVEN a missing or bad token', () => {
  test.each([
    ['missing', {}],
    ['empty', { DISCORD_TOKEN: '' }],
    ['blank', { DISCORD_TOKEN: '   ' }],
  ])('WHEN the token is %s THEN the message names DISCORD_TOKEN and .env.example', (_name, env) => {
    const message = failure(loadBotConfig(env));
    expect(message).toContain('DISCORD_TOKEN');
    expect(message).toContain('.env.example');
  });

  it('WHEN the token contains a space THEN the message says so without the token', () => {
    const message = failure(loadBotConfig({ DISCORD_TOKEN: 'abc secretpart' }));
    expect(message).toContain('DISCORD_TOKEN must not contain spaces');
    expect(message).not.toContain('secretpart');
  });
});

describe('GIVEN an invalid variable', () => {
  test.each([
    ['DISCORD_CLIENT_ID', 'not-an-id'],
    ['DISCORD_CLIENT_ID', '123'],
    ['DISCORD_GUILD_ID', '12345678901234567890123'],
    ['DISCORD_API_URL', 'not a url'],
    ['DISCORD_API_URL', 'ftp://example.com'],
    ['MOD_ROLE_IDS', '111111111111111111,abc'],
    ['LOG_LEVEL', 'verbose'],
    ['HEALTH_PORT', '-1'],
    ['HEALTH_PORT', '80.5'],
    ['HEALTH_PORT', '70000'],
    ['HEALTH_PORT', 'eighty'],
    ['HEALTH_HOST', 'http://example.com/'],
    ['RATE_LIMIT_QUESTIONS', '0'],
    ['RATE_LIMIT_QUESTIONS', '-1'],
    ['RATE_LIMIT_QUESTIONS', '2.5'],
    ['RATE_LIMIT_WINDOW_SECONDS', 'soon'],
  ])('WHEN %s is %j THEN the message names that variable and not the token', (variable, value) => {
    const message = failure(loadBotConfig({ ...VALID, [variable]: value }));
    expect(message).toContain(`variable ${variable}`);
    expect(message).toContain('.env.example');
    expect(message).not.toContain(TOKEN);
  });

  test.each([
    ['LOG_LEVEL', 'loud'],
    ['HEALTH_PORT', '-5'],
    ['MOD_ROLE_IDS', 'x'],
  ])('WHEN the app config has %s=%j THEN it is refused naming the variable', (variable, value) => {
    expect(failure(loadAppConfig({ [variable]: value }))).toContain(`variable ${variable}`);
  });
});

describe('GIVEN any token and another invalid variable', () => {
  it('WHEN the config is refused THEN the token value never appears in the message', () => {
    const invalid = fc.constantFrom<[string, string]>(
      ['DISCORD_CLIENT_ID', 'nope'],
      ['DISCORD_GUILD_ID', 'x1'],
      ['DISCORD_API_URL', 'mailto:x'],
      ['LOG_LEVEL', 'shout'],
      ['HEALTH_PORT', '99999'],
      ['RATE_LIMIT_QUESTIONS', 'many'],
      ['MOD_ROLE_IDS', 'role'],
    );
    // Tokens long enough not to appear by chance in the fixed wording of a message.
    const token = fc.string({ unit: 'grapheme-ascii', minLength: 12, maxLength: 80 });
    fc.assert(
      fc.property(token, invalid, (value, [variable, bad]) => {
        const result = loadBotConfig({ DISCORD_TOKEN: value, [variable]: bad });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.message).not.toContain(value);
        expect(result.message).not.toContain(value.trim());
      }),
      { numRuns: 300 },
    );
  });
});
