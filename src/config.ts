import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/**
 * The only module that reads the environment. Values come from the process environment, then from a
 * `.env` file (see `.env.example`). Invalid configuration is one clear message naming the variable;
 * secret values are never part of any message.
 */

const SNOWFLAKE = /^\d{15,22}$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = (name: string) => z.string().regex(SNOWFLAKE, `${name} must be a Discord id (digits only)`);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .pipe(z.coerce.number<string>().int().positive());

const common = {
  KNOWLEDGE_DIR: optionalText.transform((value) => value ?? 'knowledge'),
  CRISIS_REPLY_PATH: optionalText,
  DATABASE_PATH: optionalText.transform((value) => value ?? 'data/bot.db'),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS).optional()).transform((value) => value ?? 'info'),
  MOD_ROLE_IDS: optionalText.transform((value, context) => {
    const ids = (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    for (const id of ids) {
      if (!SNOWFLAKE.test(id)) {
        context.addIssue({ code: 'custom', message: 'MOD_ROLE_IDS must be role ids separated by commas' });
      }
    }
    return ids;
  }),
  RATE_LIMIT_QUESTIONS: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(30),
  HEALTH_PORT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  HEALTH_HOST: optionalText
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'HEALTH_HOST must be an IP address or a host name')
        .optional(),
    )
    .transform((value) => value ?? '127.0.0.1'),
  LOG_MESSAGE_CONTENT: optionalText.transform((value) => value === 'true' || value === '1'),
};

const discord = {
  DISCORD_TOKEN: z
    .string({ error: 'DISCORD_TOKEN is required to start the bot' })
    .trim()
    .min(1, 'DISCORD_TOKEN is required to start the bot')
    .refine((value) => !/\s/.test(value), 'DISCORD_TOKEN must not contain spaces'),
  DISCORD_CLIENT_ID: optionalText.pipe(snowflake('DISCORD_CLIENT_ID').optional()),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake('DISCORD_GUILD_ID').optional()),
  DISCORD_API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'DISCORD_API_URL must be an http(s) URL' }).optional(),
  ),
  VOTE_HASH_SECRET: optionalText.pipe(
    z
      .string()
      .min(32, 'VOTE_HASH_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)')
      .optional(),
  ),
  REVIEW_RETENTION_DAYS: positiveInt(30),
  MESSAGE_CONTENT_INTENT: optionalText.transform((value) => value === 'true' || value === '1'),
};

export interface AppConfig {
  readonly knowledgeDir: string;
  /** Defaults to `<knowledgeDir>/safety/crisis-reply.md`. */
  readonly crisisReplyPath: string;
  readonly databasePath: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly modRoleIds: readonly string[];
  readonly rateLimit: { readonly questions: number; readonly windowMs: number };
  readonly healthPort: number | undefined;
  /** Where the health endpoint listens: 127.0.0.1 unless probes come from outside (e.g. 0.0.0.0 in a container). */
  readonly healthHost: string;
  /** Off by default: what people write about their mental health stays out of logs. */
  readonly logMessageContent: boolean;
}

export interface BotConfig extends AppConfig {
  readonly token: string;
  readonly clientId: string | undefined;
  readonly guildId: string | undefined;
  /** REST base such as `http://127.0.0.1:8080/api`; undefined means Discord's own. */
  readonly apiUrl: string | undefined;
  /**
   * Key of the HMAC that turns a voter's id into the stored hash (so a vote can be changed, and the id is
   * never stored). Required by `npm start`; `npm run deploy-commands` does not need it.
   */
  readonly voteSecret: string | undefined;
  /** Review queue texts are deleted this many days after the question was last asked. */
  readonly reviewRetentionDays: number;
  /**
   * Ask for the privileged Message Content intent (enable it in the Developer Portal first): forum
   * auto-answers then read a post's starter message as well as its title. Off by default.
   */
  readonly messageContentIntent: boolean;
}

/** What `npm start` needs beyond registration: the vote secret is required. */
export interface StartConfig extends BotConfig {
  readonly voteSecret: string;
}

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; message: string };

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `.env` once into the process environment (existing variables win). */
export function processEnv(): Env {
  loadDotenv({ quiet: true });
  return process.env;
}

export function loadAppConfig(env: Env = processEnv()): ConfigResult<AppConfig> {
  const parsed = z.object(common).safeParse(env);
  if (!parsed.success) return { ok: false, message: describe(parsed.error) };
  return { ok: true, config: toAppConfig(parsed.data) };
}

export function loadBotConfig(env: Env = processEnv()): ConfigResult<BotConfig> {
  const parsed = z.object({ ...common, ...discord }).safeParse(env);
  if (!parsed.success) return { ok: false, message: describe(parsed.error) };
  const data = parsed.data;
  return {
    ok: true,
    config: {
      ...toAppConfig(data),
      token: data.DISCORD_TOKEN,
      clientId: data.DISCORD_CLIENT_ID,
      guildId: data.DISCORD_GUILD_ID,
      apiUrl: data.DISCORD_API_URL,
      voteSecret: data.VOTE_HASH_SECRET,
      reviewRetentionDays: data.REVIEW_RETENTION_DAYS,
      messageContentIntent: data.MESSAGE_CONTENT_INTENT,
    },
  };
}

/**
 * The bot itself needs VOTE_HASH_SECRET. There is no derived default: a key anyone can work out (or one
 * that changes with the token) would make the stored voter hashes either guessable or unstable.
 */
export function loadStartConfig(env: Env = processEnv()): ConfigResult<StartConfig> {
  const loaded = loadBotConfig(env);
  if (!loaded.ok) return loaded;
  const voteSecret = loaded.config.voteSecret;
  if (!voteSecret) {
    return {
      ok: false,
      message:
        'Configuration error: VOTE_HASH_SECRET is required to start the bot; generate one with `openssl rand -hex 32` (variable VOTE_HASH_SECRET). See .env.example for every setting.',
    };
  }
  return { ok: true, config: { ...loaded.config, voteSecret } };
}

function toAppConfig(data: z.infer<z.ZodObject<typeof common>>): AppConfig {
  return {
    knowledgeDir: data.KNOWLEDGE_DIR,
    crisisReplyPath:
      data.CRISIS_REPLY_PATH ?? `${data.KNOWLEDGE_DIR.replace(/\/+$/, '')}/safety/crisis-reply.md`,
    databasePath: data.DATABASE_PATH,
    logLevel: data.LOG_LEVEL,
    modRoleIds: data.MOD_ROLE_IDS,
    rateLimit: { questions: data.RATE_LIMIT_QUESTIONS, windowMs: data.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    healthPort: data.HEALTH_PORT,
    healthHost: data.HEALTH_HOST,
    logMessageContent: data.LOG_MESSAGE_CONTENT,
  };
}

/** Names the variable and what is wrong, never its value (it may be a secret). */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const variable = String(issue?.path[0] ?? 'configuration');
  const reason = issue?.message && !/^Invalid/.test(issue.message) ? issue.message : `${variable} is invalid`;
  return `Configuration error: ${reason} (variable ${variable}). See .env.example for every setting.`;
}
