/**
 * A strict fake Discord (REST + Gateway) on 127.0.0.1 for end-to-end tests of a discord.js 14 bot.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [Guilds, GuildMessages], rest: { api: fake.restUrl } });
 * const ready = once(client, Events.ClientReady);           // subscribe before awaiting login
 * await client.login(fake.token);
 * await ready;
 * const cmd = fake.sendSlashCommand({ name: 'ask', options: { question: 'hi' } });
 * const ack = await cmd.waitForAck();                        // the first callback, with latencyMs
 * ...
 * client.destroy(); await fake.stop();
 * ```
 *
 * One HTTP server answers REST under `/api/v10/...` and upgrades `ws://127.0.0.1:PORT/?v=10&encoding=json` to the
 * gateway. Facts it follows: shared/notes/discord-protocol.md (checked against discord.js 14.28.1).
 *
 * ## World
 * - `botUser`, `applicationId`, `token`; `defaultGuild` (roles: @everyone with ordinary member rights, `Moderator`
 *   with Manage Messages + Pin Messages, the bot's managed role), `defaultChannel` (#general), `users.member`
 *   (no roles), `users.moderator` (Moderator role), `users.owner` (guild owner); `moderatorRole`.
 * - `addGuild`, `addChannel`, `addRole`, `addMember`, `addUser`, `setBotPermissions(guildId, bits)`,
 *   `configureChannel(channelId, { pinLimit, pinError })`. Changes after READY are dispatched (GUILD_CREATE,
 *   CHANNEL_CREATE, GUILD_ROLE_CREATE/UPDATE, GUILD_MEMBER_ADD), filtered by each session's intents.
 *
 * ## Gateway
 * HELLO → IDENTIFY (wrong token: close 4004; privileged intents not in `options.privilegedIntents`: 4014; a second
 * identify: 4005; anything but a heartbeat before it: 4003; unknown op: 4001; bad JSON: 4002) → READY + one full
 * GUILD_CREATE per guild. Heartbeat (op 1) → op 11 at any time. RESUME (op 6) replays every event after `seq`, then
 * RESUMED; an unknown or ended session gets op 9 (d:false). A client close with 1000/1001 ends its session (as Discord
 * does); other closes keep it resumable and events dispatched meanwhile are buffered for the resume.
 * Events go to every live session, filtered by intents; without Message Content (1<<15) the content, embeds,
 * attachments and components of others' guild messages are blanked unless the message mentions the bot.
 * Bot-created non-ephemeral messages come back as MESSAGE_CREATE / MESSAGE_UPDATE / MESSAGE_DELETE, as on Discord.
 * - Faults: `sendReconnect()` (op 7), `dropConnection({ code? })` (terminate, or close with a code),
 *   `invalidateSession(resumable)` (op 9), `requestHeartbeat()` (op 1 from the server).
 * - Observe: `gatewayLog` (connect, identify, resume, heartbeat, close as the fake saw it, server-close with the code
 *   the fake sent, ...), `gatewayConnections` (open sockets), `liveSessions`, `protocolErrors` (should stay empty),
 *   `waitForIdentify()` / `waitForResume()` (each call consumes the next one, in order, including past ones),
 *   `waitForGatewayEvent(predicate)`.
 *
 * ## Dispatch helpers (throw when no gateway session is live)
 * `createForumPost` opens a forum post (a thread) and `deleteThread` deletes one (THREAD_DELETE; its routes then
 * answer 404 10003).
 * `sendSlashCommand`, `sendButton`, `sendAutocomplete` return an `InteractionHandle` (id, token, payload,
 * `waitForAck()`, `waitForResponse(predicate)`, `responses()`); `sendMessage` returns a `MessageHandle` (id,
 * message, `waitForReply()`); `dispatch(t, d)` sends any event.
 *
 * ## REST (every request is recorded in `requests`, the Authorization value redacted)
 * gateway, gateway/bot, users/@me, users/{id}, applications/@me, oauth2/applications/@me; application commands
 * (global and guild: GET, PUT bulk, POST, GET/PATCH/DELETE one); interactions/{id}/{token}/callback (types 4-9,
 * `?with_response=true` → 200 with the callback response, else 204); webhooks/{app}/{token} (follow-up,
 * `?wait=true` → message) and .../messages/{@original|id} (GET/PATCH/DELETE); channels/{c} (GET), messages
 * (GET list, POST, GET/PATCH/DELETE one), pins (new `messages/pins` and legacy `pins` routes: GET, PUT, DELETE),
 * typing, own reactions; guilds/{g} (GET), its channels, roles, members.
 * Strictness: unknown route → 404 recorded in `unknownRequests` (tests should assert it stays empty); a known path
 * with another method → 405, also recorded there; bot routes without `Bot <token>` → 401; bodies over Discord's
 * limits → 400 code 50035 with Discord's `errors` tree; empty messages → 50006; a second acknowledgement → 400
 * code 40060; an unknown interaction, or a first acknowledgement after `options.ackDeadlineMs` (3000) → 404 code
 * 10062; webhook calls before the acknowledgement → 404 code 10015; pins need Manage Messages or Pin Messages
 * (403 code 50013) and stop at the channel's pin limit (250; 400 code 30003).
 * - Faults: `failNext({ method?, path, status, body?, times?, retryAfter?, global? })`. discord.js retries a 5xx up
 *   to 3 times (so `times: 4` makes the call fail) and waits out a 429 (`retryAfter` seconds) before retrying.
 * - Observe: `waitForRequest(predicate)`, `interaction(id)`, `interactionResponses(id)` (callbacks and webhook calls
 *   in order, with status), `ackLatencies()`, `messagesIn(channelId)` (bot-authored, current state, oldest first),
 *   `allMessagesIn(channelId)`, `message(id)`, `pinsIn(channelId)`, `commands` / `globalCommands` /
 *   `guildCommands(guildId)`.
 * Not simulated: the global 50 req/s limit, the pin system message, threads, voice, zlib-stream compression.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  ALLOWED_CREATE_FLAGS,
  MessageFlag,
  isEmptyMessage,
  validateAutocompleteData,
  validateCommands,
  validateMessageBody,
  validateModalData,
  type FormErrors,
  type Json,
} from './fake-discord-validation.js';
import { snowflake } from './fake-snowflake.js';

export type { Json } from './fake-discord-validation.js';

// ---------------------------------------------------------------------------------------------------------------
// Constants

export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
  PinMessages: 1n << 51n,
} as const;

const ALL_PERMISSIONS = (1n << 52n) - 1n;

/** What @everyone has in a new guild (roughly Discord's default). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

export const MODERATOR_PERMISSIONS = Permission.ManageMessages | Permission.PinMessages;

/** The bot's managed role: what an invite with these rights would grant. */
export const DEFAULT_BOT_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.AddReactions |
  Permission.UseExternalEmojis |
  Permission.ManageMessages |
  Permission.PinMessages |
  Permission.SendMessagesInThreads;

export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
};

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

const MessageType = { Default: 0, Reply: 19, ChatInputCommand: 20 } as const;

const API_PREFIX = '/api/v10';
const MAX_BODY_BYTES = 26 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Public types

export interface FakeDiscordOptions {
  /** Bot token (default: a random one shaped like Discord's). */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** HELLO's heartbeat_interval (default 41250 ms). */
  heartbeatIntervalMs?: number;
  /** Privileged intents "enabled in the developer portal" (default 0: identifying with them closes 4014). */
  privilegedIntents?: number;
  /** A first acknowledgement later than this after dispatch gets 404 10062, as on Discord (default 3000). */
  ackDeadlineMs?: number;
  /** Lifetime of an interaction token for webhook calls (default 15 min). */
  interactionTokenTtlMs?: number;
  /** Default guild's name (default 'Fake Guild'). */
  guildName?: string;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  tags?: Json;
}

export interface FakeOverwrite {
  id: string;
  /** 0 role, 1 member. */
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface FakeChannel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
  position?: number;
  permission_overwrites?: FakeOverwrite[];
  recipients?: Json[];
  /** A thread's forum or text channel. */
  parent_id?: string;
  /** A thread's creator, or a group DM's owner. */
  owner_id?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The @everyone role's id (equals the guild id). */
  everyoneRoleId: string;
  botRoleId: string;
  roles: FakeRole[];
  channels: FakeChannel[];
  joinedAt: string;
  /** False for a server where only members installed the app: the bot never sees it (no GUILD_CREATE). */
  botMember: boolean;
}

export interface ChannelConfig {
  /** Pins allowed in the channel (default 250). */
  pinLimit?: number;
  /** Force every pin to fail: 'missing-permissions' → 403 50013, 'max-pins' → 400 30003; null clears it. */
  pinError?: 'missing-permissions' | 'max-pins' | null;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The uploaded bytes, so a test can check what was attached (e.g. that a chart is a valid PNG). */
  data: Buffer;
}

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  rawUrl: string;
  query: Record<string, string>;
  /** Lower-case header names; `authorization` is replaced by '[redacted]'. */
  headers: Record<string, string>;
  /** Whether the request carried exactly `Bot <token>`. */
  authorized: boolean;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** Date.now() on arrival. */
  at: number;
  status?: number;
  response?: unknown;
  /** True when `failNext` answered it. */
  injected?: boolean;
}

export interface FailRule {
  method?: string;
  /** Tested against the decoded path after `/api/v10` (a string matches as a substring). */
  path: RegExp | string;
  status: number;
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For 429: seconds to wait (default 0.1); sent in `Retry-After`, `X-RateLimit-Reset-After` and the body. */
  retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`). */
  global?: boolean;
  headers?: Record<string, string>;
}

export interface FailHandle {
  /** Requests answered by this rule so far. */
  readonly hits: number;
  readonly remaining: number;
}

export type InteractionResponseKind = 'callback' | 'followup' | 'edit' | 'fetch' | 'delete';

export interface InteractionResponseRecord {
  kind: InteractionResponseKind;
  interactionId: string;
  method: string;
  path: string;
  /** Callback type for `callback`. */
  callbackType?: number;
  body: unknown;
  status: number;
  /** The error body when status >= 400. */
  error?: unknown;
  /** Message created, edited, fetched or deleted. */
  messageId?: string;
  /** Date.now(). */
  at: number;
  sinceDispatchMs: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  guildId: string | null;
  channelId: string;
  userId: string;
  commandName?: string;
  customId?: string;
  payload: Json;
  dispatchedAt: number;
  ack: { callbackType: number; at: number; latencyMs: number } | null;
  originalMessageId: string | null;
  responses: InteractionResponseRecord[];
}

export interface InteractionHandle {
  id: string;
  token: string;
  payload: Json;
  /** Resolves with the first successful callback (type, body, sinceDispatchMs). */
  waitForAck(timeoutMs?: number): Promise<InteractionResponseRecord>;
  /** Resolves with the first successful response record (callback or webhook call) matching `predicate`. */
  waitForResponse(
    predicate?: (r: InteractionResponseRecord) => boolean,
    timeoutMs?: number,
  ): Promise<InteractionResponseRecord>;
  responses(): InteractionResponseRecord[];
}

export interface MessageHandle {
  id: string;
  channelId: string;
  message: Json;
  /** Resolves with the first bot message replying to this one (message_reference.message_id). */
  waitForReply(timeoutMs?: number): Promise<Json>;
}

export interface GatewayLogEntry {
  type:
    | 'connect'
    | 'identify'
    | 'resume'
    | 'invalid-session'
    | 'heartbeat'
    | 'close'
    | 'server-close'
    | 'reconnect-sent'
    | 'drop'
    | 'presence'
    | 'request-members';
  at: number;
  connectionId: number;
  sessionId?: string;
  code?: number;
  detail?: Json;
}

type UserRef = FakeUser | string;
type OptionsInput = Json[] | Record<string, string | number | boolean>;
type PermissionsInput = bigint | number | string;

interface InteractionTarget {
  /**
   * Who installed the app for this interaction (`authorizing_integration_owners`): default 'guild' in a server
   * the bot is a member of, else 'user'. 'both' when the server and the member installed it.
   */
  installedBy?: 'guild' | 'user' | 'both';
  guildId?: string | null;
  channelId?: string;
  user?: UserRef;
  /** The member's permission bits; default computed from roles and channel overwrites. */
  memberPermissions?: PermissionsInput;
  /** Role ids the member has for this interaction (default: the member's stored roles). */
  roles?: string[];
  locale?: string;
}

export interface SlashCommandOptions extends InteractionTarget {
  name: string;
  /** API options (`[{name, type, value}]`) or a map (string → 3, boolean → 5, integer → 4, other number → 10). */
  options?: OptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
  resolved?: Json;
}

export interface AutocompleteOptions extends InteractionTarget {
  name: string;
  /** Exactly one option must carry `focused: true`. */
  options: Json[];
  subcommand?: string;
  subcommandGroup?: string;
}

export interface ButtonOptions extends InteractionTarget {
  customId: string;
  /** The message carrying the button (a message object or id the fake knows); default: the latest in the channel. */
  message?: Json | string;
}

export interface MessageCommandOptions extends InteractionTarget {
  /** The command's name, e.g. 'Find answer'. */
  name: string;
  /** The target message (id or object); its channel is where the command runs. */
  message: Json | string;
}

export interface ForumPostOptions {
  forumId: string;
  title: string;
  /** The starter message's text. */
  content: string;
  author?: UserRef;
}

export interface ForumPostHandle {
  threadId: string;
  /** The starter message (same id as the thread). */
  message: Json;
}

export interface SelectOptions extends ButtonOptions {
  /** The chosen option values; each must be one of the select's options. */
  values: string[];
}

export interface SendMessageOptions {
  content: string;
  /** Files attached to the message (as Discord lists them; no bytes). */
  attachments?: Array<{ filename: string; size?: number; content_type?: string }>;
  /** Prefix `<@BOTID> ` unless the content already mentions the bot. */
  mentionsBot?: boolean;
  guildId?: string | null;
  channelId?: string;
  author?: UserRef;
  /** Makes it a reply (type 19) to this message id. */
  replyTo?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Internal state

interface MemberState {
  userId: string;
  roles: string[];
  joinedAt: string;
  nick: string | null;
}

interface GuildState extends FakeGuild {
  members: Map<string, MemberState>;
}

interface ChannelState {
  channel: FakeChannel;
  guildId: string | null;
  config: ChannelConfig;
  order: string[];
}

interface StoredMessage {
  message: Json;
  guildId: string | null;
  deleted: boolean;
  byBot: boolean;
  ephemeral: boolean;
  interactionId?: string;
  pinnedAt?: string;
}

interface InteractionState extends InteractionRecord {
  dispatchedPerf: number;
  componentMessageId: string | null;
  webhookMessageIds: Set<string>;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  compress: boolean;
  resumable: boolean;
  buffer: Json[];
  connection: Connection | null;
}

interface Connection {
  id: number;
  socket: WebSocket;
  session: Session | null;
  query: Record<string, string>;
  heartbeats: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Ctx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  record: RecordedRequest;
}

interface Route {
  method: string;
  segments: string[];
  auth: boolean;
  handler: (ctx: Ctx) => Reply;
}

interface ActiveFailRule extends FailRule {
  hits: number;
  left: number;
}

class FakeHttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`fake-discord ${reply.status}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apiError(status: number, code: number, message: string, errors?: FormErrors): FakeHttpError {
  return new FakeHttpError({ status, body: errors ? { code, errors, message } : { code, message } });
}

function formError(errors: FormErrors): FakeHttpError {
  return apiError(400, 50035, 'Invalid Form Body', errors);
}

function randomToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}

function toBits(value: PermissionsInput): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

function iso(ms: number = Date.now()): string {
  return new Date(ms).toISOString();
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function flagsOf(message: Json): number {
  return typeof message.flags === 'number' ? message.flags : 0;
}

function findCustomId(components: unknown, customId: string): Json | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const c of components) {
    if (!isObject(c)) continue;
    if (c.custom_id === customId) return c;
    const inner =
      findCustomId(c.components, customId) ??
      (isObject(c.accessory) ? findCustomId([c.accessory], customId) : undefined);
    if (inner) return inner;
  }
  return undefined;
}

function defaultErrorBody(status: number): Json {
  switch (status) {
    case 400:
      return { message: '400: Bad Request', code: 0 };
    case 401:
      return { message: '401: Unauthorized', code: 0 };
    case 403:
      return { message: 'Missing Permissions', code: 50013 };
    case 404:
      return { message: '404: Not Found', code: 0 };
    case 500:
      return { message: '500: Internal Server Error', code: 0 };
    case 502:
      return { message: '502: Bad Gateway', code: 0 };
    default:
      return { message: `${status}`, code: 0 };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The fake

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly users: { member: FakeUser; moderator: FakeUser; owner: FakeUser };
  readonly defaultGuild: FakeGuild;
  readonly defaultChannel: FakeChannel;
  readonly moderatorRole: FakeRole;

  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Requests no route knew (404) or with a method the path does not take (405). */
  readonly unknownRequests: RecordedRequest[] = [];
  readonly gatewayLog: GatewayLogEntry[] = [];
  /** Gateway misuse the fake noticed (bad query, unsupported compression, ...); should stay empty. */
  readonly protocolErrors: string[] = [];

  private readonly options: Required<
    Omit<FakeDiscordOptions, 'token' | 'applicationId' | 'botUsername' | 'guildName'>
  >;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private port = 0;
  private stopped = false;
  private readonly changes = new EventEmitter();
  private readonly pendingWaiters = new Set<(error: Error) => void>();

  private readonly userMap = new Map<string, FakeUser>();
  private readonly guildMap = new Map<string, GuildState>();
  private readonly channelMap = new Map<string, ChannelState>();
  private readonly messageMap = new Map<string, StoredMessage>();
  private readonly interactionMap = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly commandIds = new Map<string, string>();
  private readonly global: Json[] = [];
  private readonly perGuild = new Map<string, Json[]>();
  private readonly failRules: ActiveFailRule[] = [];
  private readonly routes: Route[] = [];

  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private nextConnectionId = 1;
  private requestSeq = 0;
  private identifyCursor = 0;
  private resumeCursor = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake(Date.now() - 86_400_000 * 400);
    this.token =
      options.token ??
      `${Buffer.from(this.applicationId).toString('base64url')}.${randomToken(4)}.${randomToken(28)}`;
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? 0,
      ackDeadlineMs: options.ackDeadlineMs ?? 3_000,
      interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    };
    this.changes.setMaxListeners(0);

    this.botUser = this.addUser({
      id: this.applicationId,
      username: options.botUsername ?? 'fake-bot',
      bot: true,
    });
    this.users = {
      owner: this.addUser({ username: 'guild-owner' }),
      member: this.addUser({ username: 'member' }),
      moderator: this.addUser({ username: 'moderator' }),
    };
    const guild = this.addGuild({ name: options.guildName ?? 'Fake Guild', ownerId: this.users.owner.id });
    this.defaultGuild = guild;
    const firstChannel = guild.channels[0];
    if (!firstChannel) throw new Error('fake-discord: the default guild has no channel');
    this.defaultChannel = firstChannel;
    this.moderatorRole = this.addRole(guild.id, { name: 'Moderator', permissions: MODERATOR_PERMISSIONS });
    this.addMember(guild.id, { user: this.users.member });
    this.addMember(guild.id, { user: this.users.moderator, roles: [this.moderatorRole.id] });

    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.defineRoutes();
  }

  /** Listens on 127.0.0.1 with an ephemeral port. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  get restUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Open gateway sockets. */
  get gatewayConnections(): number {
    let n = 0;
    for (const c of this.connections) if (c.socket.readyState === WebSocket.OPEN) n++;
    return n;
  }

  /** Sessions that receive events (identified, not ended by a 1000/1001 close or op 9). */
  get liveSessions(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.resumable) n++;
    return n;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const reject of [...this.pendingWaiters]) reject(new Error('fake-discord stopped while waiting'));
    for (const c of this.connections) c.socket.terminate();
    this.connections.clear();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------------------------------------------
  // World

  addUser(
    input: { id?: string; username?: string; globalName?: string | null; bot?: boolean } = {},
  ): FakeUser {
    const id = input.id ?? snowflake(Date.now() - 86_400_000 * 30);
    const user: FakeUser = {
      id,
      username: input.username ?? `user${id.slice(-6)}`,
      global_name: input.globalName ?? null,
      discriminator: input.bot ? '0000' : '0',
      avatar: null,
      ...(input.bot ? { bot: true } : {}),
    };
    this.userMap.set(id, user);
    return user;
  }

  user(id: string): FakeUser | undefined {
    return this.userMap.get(id);
  }

  addGuild(
    input: {
      id?: string;
      name?: string;
      ownerId?: string;
      everyonePermissions?: PermissionsInput;
      botPermissions?: PermissionsInput;
      channels?: Array<{
        id?: string;
        name?: string;
        type?: number;
        permission_overwrites?: FakeOverwrite[];
      }>;
      roles?: Array<{ id?: string; name: string; permissions: PermissionsInput }>;
      /** False: a server the bot is not in (members may still have installed the app to their account). */
      botMember?: boolean;
    } = {},
  ): FakeGuild {
    const botMember = input.botMember ?? true;
    const id = input.id ?? snowflake(Date.now() - 86_400_000 * 60);
    if (this.guildMap.has(id)) throw new Error(`fake-discord: guild ${id} exists`);
    const ownerId = input.ownerId ?? this.users?.owner.id ?? this.botUser.id;
    const botRoleId = snowflake();
    const guild: GuildState = {
      id,
      name: input.name ?? `Guild ${id.slice(-4)}`,
      ownerId,
      everyoneRoleId: id,
      botRoleId,
      roles: [
        this.makeRole({
          id,
          name: '@everyone',
          permissions: input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
          position: 0,
        }),
        {
          ...this.makeRole({
            id: botRoleId,
            name: this.botUser.username,
            permissions: input.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
            position: 1,
          }),
          managed: true,
          tags: { bot_id: this.botUser.id },
        },
      ],
      channels: [],
      members: new Map(),
      joinedAt: iso(),
      botMember,
    };
    this.guildMap.set(id, guild);
    const now = iso();
    if (botMember) {
      guild.members.set(this.botUser.id, {
        userId: this.botUser.id,
        roles: [botRoleId],
        joinedAt: now,
        nick: null,
      });
    }
    if (ownerId !== this.botUser.id)
      guild.members.set(ownerId, { userId: ownerId, roles: [], joinedAt: now, nick: null });
    for (const role of input.roles ?? []) this.addRole(id, role, false);
    const channels = input.channels ?? [{ name: 'general' }];
    for (const channel of channels) this.addChannel(id, channel, false);
    if (botMember) {
      this.broadcast(
        'GUILD_CREATE',
        null,
        (session) => this.guildCreatePayload(guild, session),
        Intent.Guilds,
      );
    }
    return guild;
  }

  guild(id: string): FakeGuild | undefined {
    return this.guildMap.get(id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.channelMap.get(id)?.channel;
  }

  addChannel(
    guildId: string,
    input: { id?: string; name?: string; type?: number; permission_overwrites?: FakeOverwrite[] } = {},
    announce = true,
  ): FakeChannel {
    const guild = this.requireGuild(guildId);
    const channel: FakeChannel = {
      id: input.id ?? snowflake(),
      type: input.type ?? 0,
      guild_id: guild.id,
      name: input.name ?? `channel-${guild.channels.length + 1}`,
      position: guild.channels.length,
      permission_overwrites: input.permission_overwrites ?? [],
    };
    guild.channels.push(channel);
    this.channelMap.set(channel.id, { channel, guildId: guild.id, config: {}, order: [] });
    if (announce && guild.botMember)
      this.broadcast('CHANNEL_CREATE', this.channelObject(channel), undefined, Intent.Guilds);
    return channel;
  }

  /** A group DM (channel type 3) between these users; the bot is not in it. */
  addGroupDm(users: UserRef[]): FakeChannel {
    const members = users.map((user) => this.resolveUser(user));
    const channel: FakeChannel = {
      id: snowflake(),
      type: 3,
      name: members.map((user) => user.username).join(', '),
      owner_id: members[0]?.id ?? this.users.member.id,
      recipients: members.map((user) => this.userObject(user)),
    };
    this.channelMap.set(channel.id, { channel, guildId: null, config: {}, order: [] });
    return channel;
  }

  /** The `data.resolved.channels` entry Discord sends for a channel option naming this channel. */
  resolvedChannel(channelId: string): Json {
    const state = this.channelMap.get(channelId);
    if (!state) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const { channel } = state;
    return {
      id: channel.id,
      type: channel.type,
      name: channel.name ?? null,
      permissions: state.guildId
        ? this.channelPermissions(
            this.requireGuild(state.guildId),
            this.permissionSource(channel),
            this.users.member.id,
          ).toString()
        : '0',
      ...(channel.parent_id ? { parent_id: channel.parent_id } : {}),
    };
  }

  addRole(
    guildId: string,
    input: { id?: string; name: string; permissions: PermissionsInput },
    announce = true,
  ): FakeRole {
    const guild = this.requireGuild(guildId);
    const role = this.makeRole({ ...input, position: guild.roles.length });
    guild.roles.push(role);
    if (announce) this.broadcast('GUILD_ROLE_CREATE', { guild_id: guild.id, role }, undefined, Intent.Guilds);
    return role;
  }

  /** Makes `user` (created when omitted) a member of the guild with these role ids. */
  addMember(guildId: string, input: { user?: UserRef; roles?: string[] } = {}): FakeUser {
    const guild = this.requireGuild(guildId);
    const user = input.user === undefined ? this.addUser() : this.resolveUser(input.user);
    const member: MemberState = { userId: user.id, roles: input.roles ?? [], joinedAt: iso(), nick: null };
    const known = guild.members.has(user.id);
    guild.members.set(user.id, member);
    if (!known && guild.botMember) {
      this.broadcast(
        'GUILD_MEMBER_ADD',
        { guild_id: guild.id, ...this.memberObject(guild, member) },
        undefined,
        Intent.GuildMembers,
      );
    }
    return user;
  }

  /** Sets the permission bits of the bot's managed role in a guild (dispatches GUILD_ROLE_UPDATE). */
  setBotPermissions(guildId: string, permissions: PermissionsInput): void {
    const guild = this.requireGuild(guildId);
    const role = guild.roles.find((r) => r.id === guild.botRoleId);
    if (!role) throw new Error('fake-discord: bot role missing');
    role.permissions = toBits(permissions).toString();
    this.broadcast('GUILD_ROLE_UPDATE', { guild_id: guild.id, role: clone(role) }, undefined, Intent.Guilds);
  }

  configureChannel(channelId: string, config: ChannelConfig): void {
    const state = this.channelMap.get(channelId);
    if (!state) throw new Error(`fake-discord: unknown channel ${channelId}`);
    Object.assign(state.config, config);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Gateway: faults and observation

  /** Sends op 7 Reconnect on every open socket; discord.js then closes (4200) and resumes. */
  sendReconnect(): void {
    for (const c of this.openConnections()) {
      this.send(c, { op: 7, d: null, s: null, t: null });
      this.log({ type: 'reconnect-sent', connectionId: c.id, sessionId: c.session?.id });
    }
  }

  /** Cuts every open socket: abruptly (default, the client sees 1006) or with a close code (e.g. 4000). */
  dropConnection(options: { code?: number } = {}): void {
    for (const c of this.openConnections()) {
      this.log({ type: 'drop', connectionId: c.id, sessionId: c.session?.id, code: options.code });
      if (options.code === undefined) c.socket.terminate();
      else c.socket.close(options.code, 'fake-discord drop');
    }
  }

  /** Sends op 9 Invalid Session; a non-resumable one ends the sessions. */
  invalidateSession(resumable = false): void {
    for (const c of this.openConnections()) {
      if (!resumable && c.session) c.session.resumable = false;
      this.send(c, { op: 9, d: resumable, s: null, t: null });
      this.log({
        type: 'invalid-session',
        connectionId: c.id,
        sessionId: c.session?.id,
        detail: { resumable },
      });
    }
  }

  /** Asks every client for an immediate heartbeat (server op 1). */
  requestHeartbeat(): void {
    for (const c of this.openConnections()) this.send(c, { op: 1, d: null, s: null, t: null });
  }

  /** Resolves with the next IDENTIFY not yet returned by an earlier call (past ones count). */
  waitForIdentify(timeoutMs = 5_000): Promise<GatewayLogEntry> {
    return this.waitFor(
      () => {
        const list = this.gatewayLog.filter((e) => e.type === 'identify');
        const next = list[this.identifyCursor];
        if (next) this.identifyCursor++;
        return next;
      },
      timeoutMs,
      'an IDENTIFY',
    );
  }

  /** Resolves with the next successful RESUME not yet returned by an earlier call (past ones count). */
  waitForResume(timeoutMs = 5_000): Promise<GatewayLogEntry> {
    return this.waitFor(
      () => {
        const list = this.gatewayLog.filter((e) => e.type === 'resume' && e.detail?.ok === true);
        const next = list[this.resumeCursor];
        if (next) this.resumeCursor++;
        return next;
      },
      timeoutMs,
      'a RESUME',
    );
  }

  waitForGatewayEvent(
    predicate: (e: GatewayLogEntry) => boolean,
    timeoutMs = 5_000,
  ): Promise<GatewayLogEntry> {
    return this.waitFor(() => this.gatewayLog.find(predicate), timeoutMs, 'a gateway event');
  }

  /** Dispatches any event (op 0, next sequence number) to every live session, without intent filtering. */
  dispatch(t: string, d: Json): void {
    this.broadcast(t, d);
  }

  private broadcast(
    t: string,
    d: Json | null,
    build?: (session: Session) => Json | null,
    intent?: number,
  ): void {
    for (const session of this.sessions.values()) {
      if (!session.resumable) continue;
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      const data = build ? build(session) : d;
      if (data !== null) this.dispatchTo(session, t, data);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Dispatch helpers

  sendSlashCommand(input: SlashCommandOptions): InteractionHandle {
    let options = this.toApiOptions(input.options);
    options = this.wrapSubcommand(options, input.subcommand, input.subcommandGroup);
    return this.sendCommandLike(InteractionType.ApplicationCommand, input, options, input.resolved);
  }

  sendAutocomplete(input: AutocompleteOptions): InteractionHandle {
    const focused = JSON.stringify(input.options).match(/"focused":true/g)?.length ?? 0;
    if (focused !== 1)
      throw new Error('fake-discord: an autocomplete needs exactly one option with focused: true');
    const options = this.wrapSubcommand(input.options, input.subcommand, input.subcommandGroup);
    return this.sendCommandLike(InteractionType.Autocomplete, input, options, undefined);
  }

  sendButton(input: ButtonOptions): InteractionHandle {
    const stored = this.resolveComponentMessage(input);
    const message = stored.message;
    if (!findCustomId(message.components, input.customId)) {
      throw new Error(
        `fake-discord: message ${String(message.id)} has no component with custom_id ${input.customId}`,
      );
    }
    const channelId = String(message.channel_id);
    const { state, handle } = this.createInteraction(
      InteractionType.MessageComponent,
      { ...input, channelId, guildId: stored.guildId },
      { custom_id: input.customId, component_type: 2 },
      { message: this.withGuild(stored) },
    );
    state.customId = input.customId;
    state.componentMessageId = String(message.id);
    return handle;
  }

  /** A member chooses in a string select (component type 3) on a message the bot sent. */
  sendSelect(input: SelectOptions): InteractionHandle {
    const stored = this.resolveComponentMessage(input);
    const message = stored.message;
    const select = findCustomId(message.components, input.customId);
    if (!select || select.type !== 3) {
      throw new Error(
        `fake-discord: message ${String(message.id)} has no string select with custom_id ${input.customId}`,
      );
    }
    const offered = new Set(
      (Array.isArray(select.options) ? select.options : []).map((option) =>
        isObject(option) ? String(option.value) : '',
      ),
    );
    const unknown = input.values.filter((value) => !offered.has(value));
    if (unknown.length > 0) throw new Error(`fake-discord: the select offers no value ${unknown.join(', ')}`);
    const channelId = String(message.channel_id);
    const { state, handle } = this.createInteraction(
      InteractionType.MessageComponent,
      { ...input, channelId, guildId: stored.guildId },
      { custom_id: input.customId, component_type: 3, values: input.values },
      { message: this.withGuild(stored) },
    );
    state.customId = input.customId;
    state.componentMessageId = String(message.id);
    return handle;
  }

  sendMessage(input: SendMessageOptions): MessageHandle {
    this.requireLiveSession();
    const author = this.resolveUser(input.author ?? this.users.member);
    const { guild, channel } = this.resolvePlace(input.guildId, input.channelId, author);
    if (guild && !guild.members.has(author.id)) this.addMember(guild.id, { user: author });
    let content = input.content;
    const botMention = new RegExp(`<@!?${this.botUser.id}>`);
    if (input.mentionsBot && !botMention.test(content)) content = `<@${this.botUser.id}> ${content}`;
    let reference: StoredMessage | undefined;
    if (input.replyTo !== undefined) {
      reference = this.messageMap.get(input.replyTo);
      if (!reference || reference.message.channel_id !== channel.id) {
        throw new Error(`fake-discord: replyTo ${input.replyTo} is not a message in channel ${channel.id}`);
      }
    }
    const mentions = this.parseMentions(content, undefined, reference);
    const message = this.buildMessage({
      channelId: channel.id,
      guildId: guild?.id ?? null,
      author,
      content,
      type: reference ? MessageType.Reply : MessageType.Default,
      mentions,
      reference,
      attachments: (input.attachments ?? []).map((file) => {
        const id = snowflake();
        const url = `http://127.0.0.1:${this.port}/attachments/${channel.id}/${id}/${encodeURIComponent(file.filename)}`;
        return {
          id,
          filename: file.filename,
          size: file.size ?? 1024,
          url,
          proxy_url: url,
          content_type: file.content_type ?? 'image/png',
        };
      }),
    });
    const stored = this.storeMessage(message, guild?.id ?? null, false, false);
    this.announceMessage('MESSAGE_CREATE', stored);
    return {
      id: String(message.id),
      channelId: channel.id,
      message: clone(message),
      waitForReply: (timeoutMs = 5_000) =>
        this.waitFor(
          () => {
            for (const id of this.channelMap.get(channel.id)?.order ?? []) {
              const m = this.messageMap.get(id);
              const ref = m?.message.message_reference;
              if (m && m.byBot && !m.deleted && isObject(ref) && ref.message_id === message.id)
                return clone(m.message);
            }
            return undefined;
          },
          timeoutMs,
          `a bot reply to message ${String(message.id)}`,
        ),
    };
  }

  /** A message context-menu command (application command type 3) on a message the fake knows. */
  sendMessageCommand(input: MessageCommandOptions): InteractionHandle {
    const id = typeof input.message === 'string' ? input.message : String(input.message.id);
    const stored = this.messageMap.get(id);
    if (!stored || stored.deleted || stored.ephemeral) throw new Error(`fake-discord: unknown message ${id}`);
    const command = this.commandIdFor(input.name, stored.guildId);
    // The target's content is in `resolved` whatever the intents: the member chose to show it to the app.
    const target = this.withGuild(stored);
    const data: Json = {
      id: command.id,
      name: input.name,
      type: 3,
      target_id: id,
      resolved: { messages: { [id]: target } },
      ...(command.guildScoped && stored.guildId ? { guild_id: stored.guildId } : {}),
    };
    const { state, handle } = this.createInteraction(
      InteractionType.ApplicationCommand,
      { ...input, channelId: String(stored.message.channel_id), guildId: stored.guildId },
      data,
      {},
    );
    state.commandName = input.name;
    return handle;
  }

  /**
   * A member opens a post in a forum (channel type 15): a public thread (type 11) named by the title, announced
   * with THREAD_CREATE (`newly_created: true`), and its starter message (the thread's id) as MESSAGE_CREATE in the
   * thread, blank without Message Content. Created while no session is live, the post is in the next GUILD_CREATE.
   */
  createForumPost(input: ForumPostOptions): ForumPostHandle {
    const forum = this.channelMap.get(input.forumId);
    if (!forum || forum.channel.type !== 15 || !forum.guildId) {
      throw new Error(`fake-discord: ${input.forumId} is not a forum channel`);
    }
    const guild = this.requireGuild(forum.guildId);
    const author = this.resolveUser(input.author ?? this.users.member);
    if (!guild.members.has(author.id)) this.addMember(guild.id, { user: author });
    const threadId = snowflake();
    const thread: FakeChannel = {
      id: threadId,
      type: 11,
      guild_id: guild.id,
      name: input.title,
      parent_id: forum.channel.id,
      owner_id: author.id,
    };
    this.channelMap.set(threadId, { channel: thread, guildId: guild.id, config: {}, order: [] });
    const message = this.buildMessage({
      channelId: threadId,
      guildId: guild.id,
      author,
      content: input.content,
      type: MessageType.Default,
      mentions: this.parseMentions(input.content, undefined, undefined),
    });
    message.id = threadId;
    if ((this.botPermissionsIn(threadId) & Permission.ViewChannel) !== 0n) {
      this.broadcast(
        'THREAD_CREATE',
        { ...this.channelObject(thread), newly_created: true },
        undefined,
        Intent.Guilds,
      );
    }
    const stored = this.storeMessage(message, guild.id, false, false);
    this.announceMessage('MESSAGE_CREATE', stored);
    return { threadId, message: clone(message) };
  }

  /**
   * A thread (e.g. a forum post) is deleted: THREAD_DELETE goes out, and from then on its routes answer 404
   * code 10003 Unknown Channel.
   */
  deleteThread(threadId: string): void {
    const state = this.channelMap.get(threadId);
    const type = state?.channel.type;
    if (!state?.guildId || (type !== 10 && type !== 11 && type !== 12)) {
      throw new Error(`fake-discord: ${threadId} is not a thread`);
    }
    this.channelMap.delete(threadId);
    this.broadcast(
      'THREAD_DELETE',
      { id: threadId, guild_id: state.guildId, parent_id: state.channel.parent_id ?? null, type },
      undefined,
      Intent.Guilds,
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // REST: faults and observation

  failNext(rule: FailRule): FailHandle {
    const active: ActiveFailRule = { ...rule, hits: 0, left: rule.times ?? 1 };
    this.failRules.push(active);
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.left;
      },
    };
  }

  /** First recorded request (past or future) matching `predicate`, once it has been answered. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.waitFor(
      () => this.requests.find((r) => r.status !== undefined && predicate(r)),
      timeoutMs,
      'a matching REST request',
    );
  }

  interaction(id: string): InteractionRecord | undefined {
    const s = this.interactionMap.get(id);
    return s ? this.publicInteraction(s) : undefined;
  }

  /** Callbacks and webhook calls for an interaction, in arrival order, failed ones included (see `status`). */
  interactionResponses(interactionId: string): InteractionResponseRecord[] {
    return clone(this.interactionMap.get(interactionId)?.responses ?? []);
  }

  /** Time from dispatch to the first acknowledgement, per acknowledged interaction. */
  ackLatencies(): Array<{ interactionId: string; latencyMs: number }> {
    const out: Array<{ interactionId: string; latencyMs: number }> = [];
    for (const s of this.interactionMap.values())
      if (s.ack) out.push({ interactionId: s.id, latencyMs: s.ack.latencyMs });
    return out;
  }

  /** Bot-authored messages in a channel, current state, oldest first (ephemeral ones flagged 64, deleted omitted). */
  messagesIn(channelId: string): Json[] {
    return this.listMessages(channelId, (m) => m.byBot);
  }

  /** Every non-deleted message in a channel, users' included, oldest first. */
  allMessagesIn(channelId: string): Json[] {
    return this.listMessages(channelId, () => true);
  }

  message(id: string): Json | undefined {
    const m = this.messageMap.get(id);
    return m ? clone(m.message) : undefined;
  }

  /** Pinned messages in a channel, oldest pin first. */
  pinsIn(channelId: string): Json[] {
    return this.pinnedStored(channelId).map((m) => clone(m.message));
  }

  get globalCommands(): Json[] {
    return clone(this.global);
  }

  guildCommands(guildId: string): Json[] {
    return clone(this.perGuild.get(guildId) ?? []);
  }

  /** Every registered command, global first, then per guild. */
  get commands(): Json[] {
    return [...this.globalCommands, ...[...this.perGuild.values()].flatMap((list) => clone(list))];
  }

  // -------------------------------------------------------------------------------------------------------------
  // Waiting

  private waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const first = find();
    if (first !== undefined) return Promise.resolve(first);
    if (this.stopped) return Promise.reject(new Error('fake-discord is stopped'));
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.changes.off('change', onChange);
        this.pendingWaiters.delete(fail);
      };
      const fail = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const onChange = (): void => {
        let found: T | undefined;
        try {
          found = find();
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (found !== undefined) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(
        () => fail(new Error(`fake-discord: no ${what} within ${timeoutMs} ms.\n${this.recentActivity()}`)),
        timeoutMs,
      );
      this.changes.on('change', onChange);
      this.pendingWaiters.add(fail);
    });
  }

  private changed(): void {
    this.changes.emit('change');
  }

  private recentActivity(): string {
    const rest = this.requests
      .slice(-8)
      .map((r) => `  ${r.method} ${r.path} -> ${r.status ?? 'pending'}`)
      .join('\n');
    const gw = this.gatewayLog
      .slice(-8)
      .map((e) => `  ${e.type}${e.code !== undefined ? ` ${e.code}` : ''} (conn ${e.connectionId})`)
      .join('\n');
    return `Recent REST:\n${rest || '  (none)'}\nRecent gateway:\n${gw || '  (none)'}`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Gateway internals

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/' || this.stopped) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.onConnection(ws, Object.fromEntries(url.searchParams)),
    );
  }

  private onConnection(socket: WebSocket, query: Record<string, string>): void {
    const conn: Connection = { id: this.nextConnectionId++, socket, session: null, query, heartbeats: 0 };
    this.connections.add(conn);
    this.log({ type: 'connect', connectionId: conn.id, detail: { query } });
    socket.on('message', (data, isBinary) => this.onSocketMessage(conn, data, isBinary));
    socket.on('close', (code) => this.onSocketClose(conn, code));
    socket.on('error', () => undefined);
    if (query.v !== '10') {
      this.protocolErrors.push(`gateway connected with v=${query.v ?? '(none)'}; expected 10`);
      this.closeWith(conn, 4012, 'Invalid API version');
      return;
    }
    if (query.encoding !== 'json' || query.compress !== undefined) {
      this.protocolErrors.push(
        `gateway connected with encoding=${query.encoding ?? '(none)'} compress=${query.compress ?? '(none)'}; ` +
          'the fake speaks encoding=json without transport compression (is zlib-sync installed?)',
      );
      this.closeWith(conn, 4002, 'Unsupported encoding');
      return;
    }
    this.send(conn, {
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-gateway'] },
      s: null,
      t: null,
    });
  }

  private onSocketClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (session && session.connection === conn) {
      session.connection = null;
      // Discord ends a session when the client closes normally; other closes leave it resumable.
      if (code === 1000 || code === 1001) session.resumable = false;
    }
    this.log({ type: 'close', connectionId: conn.id, sessionId: session?.id, code });
  }

  private onSocketMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      payload = JSON.parse(bytes.toString('utf8'));
    } catch {
      this.protocolErrors.push('gateway received a frame that is not JSON');
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    if (!isObject(payload) || typeof payload.op !== 'number') {
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    const d = payload.d;
    switch (payload.op) {
      case 1:
        conn.heartbeats++;
        this.log({
          type: 'heartbeat',
          connectionId: conn.id,
          sessionId: conn.session?.id,
          detail: { seq: d ?? null },
        });
        this.send(conn, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.onIdentify(conn, d);
        return;
      case 6:
        this.onResume(conn, d);
        return;
      case 3:
      case 4:
      case 8:
      case 31:
        if (!conn.session) {
          this.closeWith(conn, 4003, 'Not authenticated.');
          return;
        }
        if (payload.op === 3)
          this.log({
            type: 'presence',
            connectionId: conn.id,
            sessionId: conn.session.id,
            detail: isObject(d) ? d : {},
          });
        if (payload.op === 8) this.onRequestMembers(conn, d);
        return;
      default:
        this.protocolErrors.push(`gateway received unknown opcode ${payload.op}`);
        this.closeWith(conn, 4001, 'Unknown opcode.');
    }
  }

  private onIdentify(conn: Connection, d: unknown): void {
    if (conn.session) {
      this.closeWith(conn, 4005, 'Already authenticated.');
      return;
    }
    if (!isObject(d) || typeof d.token !== 'string' || !isObject(d.properties)) {
      this.protocolErrors.push('IDENTIFY without token or properties');
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    if (d.token !== this.token) {
      this.log({ type: 'identify', connectionId: conn.id, detail: { ok: false, reason: 'token' } });
      this.closeWith(conn, 4004, 'Authentication failed.');
      return;
    }
    if (typeof d.intents !== 'number' || !Number.isInteger(d.intents) || d.intents < 0) {
      this.closeWith(conn, 4013, 'Invalid intent(s).');
      return;
    }
    const disallowed = d.intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents;
    if (disallowed !== 0) {
      this.log({
        type: 'identify',
        connectionId: conn.id,
        detail: { ok: false, reason: 'disallowed-intents', disallowed },
      });
      this.closeWith(conn, 4014, 'Disallowed intent(s).');
      return;
    }
    const shard = d.shard;
    if (shard !== undefined && (!Array.isArray(shard) || shard[0] !== 0 || shard[1] !== 1)) {
      this.closeWith(conn, 4010, 'Invalid shard.');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      intents: d.intents,
      compress: d.compress === true,
      resumable: true,
      buffer: [],
      connection: conn,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.log({
      type: 'identify',
      connectionId: conn.id,
      sessionId: session.id,
      detail: { ok: true, intents: d.intents, properties: d.properties, compress: d.compress ?? false },
    });
    const guilds = [...this.guildMap.values()].filter((guild) => guild.botMember);
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: { ...this.userObject(this.botUser), verified: true, mfa_enabled: false, email: null, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
      _trace: ['fake-gateway'],
    });
    for (const guild of guilds)
      this.dispatchTo(session, 'GUILD_CREATE', this.guildCreatePayload(guild, session));
  }

  private onResume(conn: Connection, d: unknown): void {
    if (conn.session) {
      this.closeWith(conn, 4005, 'Already authenticated.');
      return;
    }
    if (!isObject(d) || typeof d.token !== 'string' || typeof d.session_id !== 'string') {
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    if (d.token !== this.token) {
      this.log({ type: 'resume', connectionId: conn.id, detail: { ok: false, reason: 'token' } });
      this.closeWith(conn, 4004, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(d.session_id);
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (!session || !session.resumable) {
      this.log({
        type: 'resume',
        connectionId: conn.id,
        sessionId: d.session_id,
        detail: { ok: false, reason: 'session' },
      });
      this.send(conn, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (seq > session.seq) {
      this.log({
        type: 'resume',
        connectionId: conn.id,
        sessionId: session.id,
        detail: { ok: false, reason: 'seq' },
      });
      this.closeWith(conn, 4007, 'Invalid seq.');
      return;
    }
    if (session.connection && session.connection !== conn) session.connection.socket.terminate();
    session.connection = conn;
    conn.session = session;
    const missed = session.buffer.filter((p) => Number(p.s) > seq);
    for (const p of missed) this.send(conn, p);
    this.log({
      type: 'resume',
      connectionId: conn.id,
      sessionId: session.id,
      detail: { ok: true, seq, replayed: missed.length },
    });
    this.dispatchTo(session, 'RESUMED', { _trace: ['fake-gateway'] });
  }

  private onRequestMembers(conn: Connection, d: unknown): void {
    const session = conn.session;
    if (!session || !isObject(d)) return;
    const guild = this.guildMap.get(String(d.guild_id));
    this.log({ type: 'request-members', connectionId: conn.id, sessionId: session.id, detail: d });
    if (!guild) return;
    let members = [...guild.members.values()];
    const ids = Array.isArray(d.user_ids)
      ? d.user_ids.map(String)
      : typeof d.user_ids === 'string'
        ? [d.user_ids]
        : null;
    if (ids) members = members.filter((m) => ids.includes(m.userId));
    else if (typeof d.query === 'string' && d.query !== '') {
      const q = d.query.toLowerCase();
      members = members.filter((m) => this.userMap.get(m.userId)?.username.toLowerCase().startsWith(q));
    }
    if (typeof d.limit === 'number' && d.limit > 0) members = members.slice(0, d.limit);
    const found = new Set(members.map((m) => m.userId));
    this.dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members: members.map((m) => this.memberObject(guild, m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !found.has(id)) : [],
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }

  private dispatchTo(session: Session, t: string, d: Json): void {
    const shaped = this.shapeFor(session, t, d);
    if (shaped === null) return;
    session.seq += 1;
    const payload: Json = { op: 0, t, s: session.seq, d: shaped };
    session.buffer.push(payload);
    if (session.buffer.length > 5_000) session.buffer.shift();
    const conn = session.connection;
    if (conn && conn.socket.readyState === WebSocket.OPEN) this.send(conn, payload);
  }

  /** Per-session view of an event: intent filtering and Message Content blanking. */
  private shapeFor(session: Session, t: string, d: Json): Json | null {
    if (t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE' && t !== 'MESSAGE_DELETE') return d;
    const inGuild = d.guild_id !== undefined;
    const needed = inGuild ? Intent.GuildMessages : Intent.DirectMessages;
    if ((session.intents & needed) === 0) return null;
    if (t === 'MESSAGE_DELETE' || !inGuild || (session.intents & Intent.MessageContent) !== 0) return d;
    const author = isObject(d.author) ? d.author.id : undefined;
    const mentionsBot =
      Array.isArray(d.mentions) && d.mentions.some((u) => isObject(u) && u.id === this.botUser.id);
    if (author === this.botUser.id || mentionsBot) return d;
    return { ...d, content: '', embeds: [], attachments: [], components: [] };
  }

  private send(conn: Connection, payload: Json): void {
    if (conn.socket.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(payload);
    if (conn.session?.compress && payload.op === 0) conn.socket.send(deflateSync(text));
    else conn.socket.send(text);
  }

  /** Closes a socket with a gateway close code, logged at once as `server-close` (the peer's `close` comes later). */
  private closeWith(conn: Connection, code: number, reason: string): void {
    this.log({
      type: 'server-close',
      connectionId: conn.id,
      sessionId: conn.session?.id,
      code,
      detail: { reason },
    });
    conn.socket.close(code, reason);
  }

  private openConnections(): Connection[] {
    return [...this.connections].filter((c) => c.socket.readyState === WebSocket.OPEN);
  }

  private log(entry: Omit<GatewayLogEntry, 'at'>): void {
    this.gatewayLog.push({ ...entry, at: Date.now() });
    this.changed();
  }

  private requireLiveSession(): void {
    if (this.liveSessions === 0) {
      throw new Error(
        'fake-discord: no gateway session is live (log the client in and wait for clientReady first)',
      );
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Objects

  private makeRole(input: {
    id?: string;
    name: string;
    permissions: PermissionsInput;
    position: number;
  }): FakeRole {
    return {
      id: input.id ?? snowflake(),
      name: input.name,
      permissions: toBits(input.permissions).toString(),
      position: input.position,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
    };
  }

  private requireGuild(id: string): GuildState {
    const guild = this.guildMap.get(id);
    if (!guild) throw new Error(`fake-discord: unknown guild ${id}`);
    return guild;
  }

  private resolveUser(ref: UserRef): FakeUser {
    if (typeof ref === 'string') {
      const user = this.userMap.get(ref);
      if (!user) throw new Error(`fake-discord: unknown user ${ref}`);
      return user;
    }
    const known = this.userMap.get(ref.id);
    if (known) return known;
    this.userMap.set(ref.id, ref);
    return ref;
  }

  private userObject(user: FakeUser): Json {
    return {
      id: user.id,
      username: user.username,
      global_name: user.global_name,
      discriminator: user.discriminator,
      avatar: user.avatar,
      avatar_decoration_data: null,
      public_flags: 0,
      ...(user.bot ? { bot: true } : {}),
    };
  }

  private memberObject(guild: GuildState, member: MemberState, withUser = true): Json {
    const user = this.userMap.get(member.userId);
    return {
      ...(withUser && user ? { user: this.userObject(user) } : {}),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roles],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    };
  }

  private channelObject(channel: FakeChannel): Json {
    if (channel.type === 1) {
      return {
        id: channel.id,
        type: 1,
        last_message_id: null,
        flags: 0,
        recipients: channel.recipients ?? [],
      };
    }
    if (channel.type === 3) {
      return {
        id: channel.id,
        type: 3,
        name: channel.name ?? null,
        icon: null,
        owner_id: channel.owner_id,
        last_message_id: null,
        flags: 0,
        recipients: channel.recipients ?? [],
      };
    }
    if (channel.type === 11 || channel.type === 12) {
      const order = this.channelMap.get(channel.id)?.order ?? [];
      return {
        id: channel.id,
        type: channel.type,
        guild_id: channel.guild_id,
        name: channel.name,
        parent_id: channel.parent_id ?? null,
        owner_id: channel.owner_id,
        last_message_id: order.at(-1) ?? null,
        rate_limit_per_user: 0,
        flags: 0,
        message_count: order.length,
        member_count: 1,
        total_message_sent: order.length,
        applied_tags: [],
        thread_metadata: {
          archived: false,
          auto_archive_duration: 4320,
          archive_timestamp: iso(),
          locked: false,
          create_timestamp: iso(),
        },
      };
    }
    if (channel.type === 15) {
      return {
        id: channel.id,
        type: 15,
        guild_id: channel.guild_id,
        name: channel.name,
        position: channel.position ?? 0,
        permission_overwrites: clone(channel.permission_overwrites ?? []),
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
        available_tags: [],
        default_reaction_emoji: null,
        default_thread_rate_limit_per_user: 0,
        default_sort_order: null,
        default_forum_layout: 0,
      };
    }
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guild_id,
      name: channel.name,
      position: channel.position ?? 0,
      permission_overwrites: clone(channel.permission_overwrites ?? []),
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: this.channelMap.get(channel.id)?.order.at(-1) ?? null,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  private guildObject(guild: GuildState): Json {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: clone(guild.roles),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channels[0]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  private guildCreatePayload(guild: GuildState, session: Session): Json {
    const allMembers = (session.intents & Intent.GuildMembers) !== 0;
    const members = [...guild.members.values()].filter((m) => allMembers || m.userId === this.botUser.id);
    return {
      ...this.guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: guild.members.size,
      voice_states: [],
      members: members.map((m) => this.memberObject(guild, m)),
      channels: guild.channels.map((c) => {
        const { guild_id: _omit, ...rest } = this.channelObject(c);
        return { ...rest, guild_id: guild.id };
      }),
      // Active threads the bot can see, as Discord lists them in GUILD_CREATE.
      threads: [...this.channelMap.values()]
        .filter(
          (state) =>
            state.guildId === guild.id &&
            (state.channel.type === 11 || state.channel.type === 12) &&
            (this.botPermissionsIn(state.channel.id) & Permission.ViewChannel) !== 0n,
        )
        .map((state) => this.channelObject(state.channel)),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      application_command_counts: {},
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Permissions

  private basePermissions(guild: GuildState, userId: string, roleIds: string[]): bigint {
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    let bits = 0n;
    for (const role of guild.roles) {
      if (role.id === guild.id || roleIds.includes(role.id)) bits |= BigInt(role.permissions);
    }
    return bits & Permission.Administrator ? ALL_PERMISSIONS : bits;
  }

  private channelPermissions(
    guild: GuildState,
    channel: FakeChannel,
    userId: string,
    roleIds?: string[],
  ): bigint {
    const roles = roleIds ?? guild.members.get(userId)?.roles ?? [];
    let bits = this.basePermissions(guild, userId, roles);
    if (bits === ALL_PERMISSIONS) return bits;
    const overwrites = channel.permission_overwrites ?? [];
    const everyone = overwrites.find((o) => o.id === guild.id);
    if (everyone) bits = (bits & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
    let allow = 0n;
    let deny = 0n;
    for (const o of overwrites) {
      if (o.type === 0 && o.id !== guild.id && roles.includes(o.id)) {
        allow |= BigInt(o.allow);
        deny |= BigInt(o.deny);
      }
    }
    bits = (bits & ~deny) | allow;
    const own = overwrites.find((o) => o.type === 1 && o.id === userId);
    if (own) bits = (bits & ~BigInt(own.deny)) | BigInt(own.allow);
    return bits;
  }

  /** Where a channel's overwrites come from: a thread has its parent's. */
  private permissionSource(channel: FakeChannel): FakeChannel {
    if (channel.type !== 11 && channel.type !== 12) return channel;
    return (channel.parent_id && this.channelMap.get(channel.parent_id)?.channel) || channel;
  }

  private botPermissionsIn(channelId: string): bigint {
    const state = this.channelMap.get(channelId);
    if (!state) return 0n;
    if (state.guildId === null) {
      // The bot is in its own DMs, never in a group DM.
      if (state.channel.type !== 1) return 0n;
      return (
        Permission.ViewChannel |
        Permission.SendMessages |
        Permission.EmbedLinks |
        Permission.ReadMessageHistory
      );
    }
    const guild = this.requireGuild(state.guildId);
    if (!guild.botMember) return 0n;
    return this.channelPermissions(guild, this.permissionSource(state.channel), this.botUser.id);
  }

  /** Whether the bot's gateway sessions hear about this channel's messages at all. */
  private botSees(channelId: string): boolean {
    const state = this.channelMap.get(channelId);
    if (!state) return false;
    if (state.guildId === null) return state.channel.type === 1;
    return this.guildMap.get(state.guildId)?.botMember ?? false;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Interactions

  private resolvePlace(
    guildId: string | null | undefined,
    channelId: string | undefined,
    user: FakeUser,
  ): { guild: GuildState | null; channel: FakeChannel } {
    if (guildId === null) {
      if (channelId !== undefined) {
        const state = this.channelMap.get(channelId);
        if (!state || state.guildId !== null)
          throw new Error(`fake-discord: ${channelId} is not a DM channel`);
        return { guild: null, channel: state.channel };
      }
      return { guild: null, channel: this.dmChannel(user) };
    }
    if (channelId !== undefined) {
      const state = this.channelMap.get(channelId);
      if (!state) throw new Error(`fake-discord: unknown channel ${channelId}`);
      if (state.guildId === null) return { guild: null, channel: state.channel };
      if (guildId !== undefined && guildId !== state.guildId) {
        throw new Error(`fake-discord: channel ${channelId} is not in guild ${guildId}`);
      }
      return { guild: this.requireGuild(state.guildId), channel: state.channel };
    }
    const guild = this.requireGuild(guildId ?? this.defaultGuild.id);
    const channel = guild.channels.find((c) => c.type === 0);
    if (!channel) throw new Error(`fake-discord: guild ${guild.id} has no text channel`);
    return { guild, channel };
  }

  private dmChannel(user: FakeUser): FakeChannel {
    for (const state of this.channelMap.values()) {
      if (state.guildId === null && state.channel.recipients?.some((r) => r.id === user.id))
        return state.channel;
    }
    const channel: FakeChannel = { id: snowflake(), type: 1, recipients: [this.userObject(user)] };
    this.channelMap.set(channel.id, { channel, guildId: null, config: {}, order: [] });
    return channel;
  }

  private toApiOptions(input: OptionsInput | undefined): Json[] {
    if (input === undefined) return [];
    if (Array.isArray(input)) return clone(input);
    return Object.entries(input).map(([name, value]) => {
      if (typeof value === 'string') return { name, type: 3, value };
      if (typeof value === 'boolean') return { name, type: 5, value };
      return { name, type: Number.isInteger(value) ? 4 : 10, value };
    });
  }

  private wrapSubcommand(options: Json[], subcommand?: string, group?: string): Json[] {
    if (subcommand === undefined) {
      if (group !== undefined) throw new Error('fake-discord: subcommandGroup needs a subcommand');
      return options;
    }
    const sub = { name: subcommand, type: 1, options };
    return group === undefined ? [sub] : [{ name: group, type: 2, options: [sub] }];
  }

  private commandIdFor(name: string, guildId: string | null): { id: string; guildScoped: boolean } {
    const guildCommand = guildId ? this.perGuild.get(guildId)?.find((c) => c.name === name) : undefined;
    if (guildCommand) return { id: String(guildCommand.id), guildScoped: true };
    const globalCommand = this.global.find((c) => c.name === name);
    if (globalCommand) return { id: String(globalCommand.id), guildScoped: false };
    let id = this.commandIds.get(name);
    if (!id) {
      id = snowflake(Date.now() - 3_600_000);
      this.commandIds.set(name, id);
    }
    return { id, guildScoped: false };
  }

  private sendCommandLike(
    type: number,
    input: InteractionTarget & { name: string },
    options: Json[],
    resolved: Json | undefined,
  ): InteractionHandle {
    const fromChannel =
      input.channelId === undefined ? undefined : this.channelMap.get(input.channelId)?.guildId;
    const guildId =
      input.guildId !== undefined
        ? input.guildId
        : fromChannel !== undefined
          ? fromChannel
          : this.defaultGuild.id;
    const command = this.commandIdFor(input.name, guildId);
    const data: Json = {
      id: command.id,
      name: input.name,
      type: 1,
      ...(command.guildScoped && guildId ? { guild_id: guildId } : {}),
      ...(options.length > 0 ? { options } : {}),
      ...(resolved ? { resolved } : {}),
    };
    const { state, handle } = this.createInteraction(type, input, data, {});
    state.commandName = input.name;
    return handle;
  }

  private createInteraction(
    type: number,
    target: InteractionTarget,
    data: Json,
    extra: Json,
  ): { state: InteractionState; handle: InteractionHandle } {
    this.requireLiveSession();
    const user = this.resolveUser(target.user ?? this.users.member);
    const { guild, channel } = this.resolvePlace(target.guildId, target.channelId, user);
    const id = snowflake();
    // Discord's interaction tokens are base64 of `interaction:<id>:<secret>`.
    const token = Buffer.from(`interaction:${id}:${randomToken(60)}`).toString('base64url');
    const channelPayload: Json = this.channelObject(channel);
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      locale: target.locale ?? 'en-US',
      entitlements: [],
      entitlement_sku_ids: [],
      attachment_size_limit: 10 * 1024 * 1024,
      app_permissions: this.botPermissionsIn(channel.id).toString(),
      channel_id: channel.id,
      ...extra,
    };
    if (guild) {
      if (!guild.members.has(user.id)) this.addMember(guild.id, { user, roles: target.roles ?? [] });
      const stored = guild.members.get(user.id) as MemberState;
      const member: MemberState = { ...stored, roles: target.roles ?? stored.roles };
      const permissions =
        target.memberPermissions !== undefined
          ? toBits(target.memberPermissions)
          : this.channelPermissions(guild, this.permissionSource(channel), user.id, member.roles);
      channelPayload.permissions = permissions.toString();
      Object.assign(payload, {
        guild_id: guild.id,
        guild: { id: guild.id, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        member: { ...this.memberObject(guild, member), permissions: permissions.toString() },
        authorizing_integration_owners: this.integrationOwners(
          target.installedBy ?? (guild.botMember ? 'guild' : 'user'),
          guild.id,
          user.id,
        ),
        context: 0,
        channel: channelPayload,
      });
    } else {
      Object.assign(payload, {
        user: this.userObject(user),
        authorizing_integration_owners: this.integrationOwners(target.installedBy ?? 'user', '0', user.id),
        // 1: the DM with the bot; 2: any other private channel (a group DM, a DM between members).
        context: channel.type === 1 ? 1 : 2,
        channel: channelPayload,
      });
    }
    const now = Date.now();
    const state: InteractionState = {
      id,
      token,
      type,
      guildId: guild?.id ?? null,
      channelId: channel.id,
      userId: user.id,
      payload,
      dispatchedAt: now,
      dispatchedPerf: performance.now(),
      ack: null,
      originalMessageId: null,
      componentMessageId: null,
      webhookMessageIds: new Set(),
      responses: [],
    };
    this.interactionMap.set(id, state);
    this.interactionsByToken.set(token, state);
    this.dispatch('INTERACTION_CREATE', payload);
    const firstResponse = (predicate: (r: InteractionResponseRecord) => boolean) => () => {
      const found = state.responses.find((r) => r.status < 400 && predicate(r));
      return found ? clone(found) : undefined;
    };
    const handle: InteractionHandle = {
      id,
      token,
      payload: clone(payload),
      waitForAck: (timeoutMs = 5_000) =>
        this.waitFor(
          firstResponse((r) => r.kind === 'callback'),
          timeoutMs,
          `an acknowledgement of interaction ${id}`,
        ),
      waitForResponse: (predicate = () => true, timeoutMs = 5_000) =>
        this.waitFor(firstResponse(predicate), timeoutMs, `a response to interaction ${id}`),
      responses: () => clone(state.responses),
    };
    return { state, handle };
  }

  /** `authorizing_integration_owners`: "0" → the installing server ("0" in the bot's DM), "1" → the member. */
  private integrationOwners(installedBy: 'guild' | 'user' | 'both', guildId: string, userId: string): Json {
    return {
      ...(installedBy !== 'user' ? { '0': guildId } : {}),
      ...(installedBy !== 'guild' ? { '1': userId } : {}),
    };
  }

  private resolveComponentMessage(input: ButtonOptions): StoredMessage {
    if (input.message !== undefined) {
      const id = typeof input.message === 'string' ? input.message : String(input.message.id);
      const stored = this.messageMap.get(id);
      if (!stored || stored.deleted) throw new Error(`fake-discord: unknown message ${id}`);
      return stored;
    }
    const channelId = input.channelId ?? this.defaultChannel.id;
    const order = this.channelMap.get(channelId)?.order ?? [];
    for (let i = order.length - 1; i >= 0; i--) {
      const stored = this.messageMap.get(order[i] ?? '');
      if (stored && !stored.deleted && findCustomId(stored.message.components, input.customId)) return stored;
    }
    throw new Error(
      `fake-discord: no message in ${channelId} has a component with custom_id ${input.customId}`,
    );
  }

  private publicInteraction(s: InteractionState): InteractionRecord {
    return clone({
      id: s.id,
      token: s.token,
      type: s.type,
      guildId: s.guildId,
      channelId: s.channelId,
      userId: s.userId,
      ...(s.commandName !== undefined ? { commandName: s.commandName } : {}),
      ...(s.customId !== undefined ? { customId: s.customId } : {}),
      payload: s.payload,
      dispatchedAt: s.dispatchedAt,
      ack: s.ack,
      originalMessageId: s.originalMessageId,
      responses: s.responses,
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Messages

  private parseMentions(
    content: string,
    allowed: unknown,
    reference: StoredMessage | undefined,
  ): { users: FakeUser[]; roles: string[]; everyone: boolean } {
    const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '');
    const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? '');
    const everyone = /@(everyone|here)\b/.test(content);
    const rules = isObject(allowed) ? allowed : undefined;
    const parse = Array.isArray(rules?.parse) ? rules.parse.map(String) : [];
    const allowUser = (id: string): boolean =>
      !rules ||
      parse.includes('users') ||
      (Array.isArray(rules.users) && rules.users.map(String).includes(id));
    const allowRole = (id: string): boolean =>
      !rules ||
      parse.includes('roles') ||
      (Array.isArray(rules.roles) && rules.roles.map(String).includes(id));
    const users = new Map<string, FakeUser>();
    for (const id of userIds) {
      const user = this.userMap.get(id);
      if (user && allowUser(id)) users.set(id, user);
    }
    if (reference) {
      const repliedId = isObject(reference.message.author) ? String(reference.message.author.id) : '';
      const pingReplied = rules ? rules.replied_user === true : true;
      const replied = this.userMap.get(repliedId);
      if (replied && pingReplied) users.set(replied.id, replied);
    }
    return {
      users: [...users.values()],
      roles: [...new Set(roleIds.filter(allowRole))],
      everyone: everyone && (!rules || parse.includes('everyone')),
    };
  }

  private buildMessage(input: {
    channelId: string;
    guildId: string | null;
    author: FakeUser;
    content?: unknown;
    embeds?: unknown;
    components?: unknown;
    attachments?: Json[];
    flags?: number;
    type: number;
    mentions: { users: FakeUser[]; roles: string[]; everyone: boolean };
    reference?: StoredMessage;
    interaction?: InteractionState;
    followupOf?: string | null;
    tts?: boolean;
    nonce?: unknown;
  }): Json {
    const guild = input.guildId ? this.guildMap.get(input.guildId) : undefined;
    const message: Json = {
      id: snowflake(),
      channel_id: input.channelId,
      author: this.userObject(input.author),
      content: typeof input.content === 'string' ? input.content : '',
      timestamp: iso(),
      edited_timestamp: null,
      tts: input.tts ?? false,
      mention_everyone: input.mentions.everyone,
      mentions: input.mentions.users.map((u) => {
        const member = guild?.members.get(u.id);
        return {
          ...this.userObject(u),
          ...(guild && member ? { member: this.memberObject(guild, member, false) } : {}),
        };
      }),
      mention_roles: input.mentions.roles,
      attachments: input.attachments ?? [],
      embeds: Array.isArray(input.embeds) ? clone(input.embeds) : [],
      pinned: false,
      type: input.type,
      flags: input.flags ?? 0,
      components: Array.isArray(input.components) ? clone(input.components) : [],
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
    };
    if (input.reference) {
      const ref = input.reference.message;
      message.message_reference = {
        type: 0,
        message_id: ref.id,
        channel_id: ref.channel_id,
        ...(input.reference.guildId ? { guild_id: input.reference.guildId } : {}),
      };
      message.referenced_message = clone(ref);
    }
    const inter = input.interaction;
    if (inter) {
      const user = this.userMap.get(inter.userId);
      const userObj = user ? this.userObject(user) : { id: inter.userId };
      message.webhook_id = this.applicationId;
      message.application_id = this.applicationId;
      message.interaction_metadata = {
        id: inter.id,
        type: inter.type,
        user: userObj,
        authorizing_integration_owners: inter.payload.authorizing_integration_owners,
        ...(inter.commandName !== undefined ? { name: inter.commandName, command_type: 1 } : {}),
        ...(inter.componentMessageId ? { interacted_message_id: inter.componentMessageId } : {}),
        ...(input.followupOf ? { original_response_message_id: input.followupOf } : {}),
      };
      if (inter.commandName !== undefined) {
        message.interaction = { id: inter.id, type: inter.type, name: inter.commandName, user: userObj };
      }
    }
    return message;
  }

  private storeMessage(
    message: Json,
    guildId: string | null,
    byBot: boolean,
    ephemeral: boolean,
    interactionId?: string,
  ): StoredMessage {
    const stored: StoredMessage = {
      message,
      guildId,
      deleted: false,
      byBot,
      ephemeral,
      ...(interactionId ? { interactionId } : {}),
    };
    const id = String(message.id);
    this.messageMap.set(id, stored);
    this.channelMap.get(String(message.channel_id))?.order.push(id);
    this.changed();
    return stored;
  }

  /** The message as a gateway event carries it: guild_id and the author's member. */
  private withGuild(stored: StoredMessage): Json {
    const out = clone(stored.message);
    if (stored.guildId) {
      out.guild_id = stored.guildId;
      const guild = this.guildMap.get(stored.guildId);
      const authorId = isObject(out.author) ? String(out.author.id) : '';
      const member = guild?.members.get(authorId);
      if (guild && member && !out.webhook_id) out.member = this.memberObject(guild, member, false);
    }
    return out;
  }

  private announceMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', stored: StoredMessage): void {
    const channelId = String(stored.message.channel_id);
    if (stored.ephemeral || !this.botSees(channelId)) return;
    const channelType = this.channelMap.get(channelId)?.channel.type;
    // discord.js builds an uncached DM channel from `channel_type` (with the Channel partial).
    this.dispatch(t, {
      ...this.withGuild(stored),
      ...(channelType === undefined ? {} : { channel_type: channelType }),
    });
  }

  private listMessages(channelId: string, keep: (m: StoredMessage) => boolean): Json[] {
    const out: Json[] = [];
    for (const id of this.channelMap.get(channelId)?.order ?? []) {
      const m = this.messageMap.get(id);
      if (m && !m.deleted && keep(m)) out.push(clone(m.message));
    }
    return out;
  }

  private pinnedStored(channelId: string): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const id of this.channelMap.get(channelId)?.order ?? []) {
      const m = this.messageMap.get(id);
      if (m && !m.deleted && m.pinnedAt) out.push(m);
    }
    return out.sort((a, b) => String(a.pinnedAt).localeCompare(String(b.pinnedAt)));
  }

  private attachmentsFrom(body: Json, files: RecordedFile[], channelId: string, existing: unknown): Json[] {
    const kept: Json[] = [];
    const old = Array.isArray(existing) ? existing.filter(isObject) : [];
    const listed = Array.isArray(body.attachments) ? body.attachments.filter(isObject) : undefined;
    if (listed) {
      for (const a of listed) {
        const found = old.find((o) => o.id === a.id);
        if (found) kept.push(found);
      }
    } else {
      kept.push(...old);
    }
    files.forEach((file, i) => {
      const id = snowflake();
      const meta = listed?.find((a) => String(a.id) === String(i));
      kept.push({
        id,
        filename: file.filename,
        size: file.size,
        url: `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
        proxy_url: `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
        content_type: file.contentType,
        ...(meta && typeof meta.description === 'string' ? { description: meta.description } : {}),
      });
    });
    return kept;
  }

  /** Applies an edit body to a stored message (content, embeds, components, attachments, SuppressEmbeds). */
  private applyEdit(stored: StoredMessage, body: Json, files: RecordedFile[]): void {
    const errors = validateMessageBody(body);
    if (errors) throw formError(errors);
    const m = stored.message;
    const next = clone(m);
    if (body.content !== undefined) next.content = body.content ?? '';
    if (body.embeds !== undefined) next.embeds = clone(body.embeds ?? []);
    if (body.components !== undefined) next.components = clone(body.components ?? []);
    if (body.attachments !== undefined || files.length > 0) {
      next.attachments = this.attachmentsFrom(body, files, String(m.channel_id), m.attachments);
    }
    let flags = flagsOf(m) & ~MessageFlag.Loading;
    const wasLoading = (flagsOf(m) & MessageFlag.Loading) !== 0;
    if (typeof body.flags === 'number') {
      const changeable = MessageFlag.SuppressEmbeds | MessageFlag.IsComponentsV2;
      flags = (flags & ~changeable) | (body.flags & changeable);
    }
    next.flags = flags;
    if (isEmptyMessage(next)) throw apiError(400, 50006, 'Cannot send an empty message');
    if (body.content !== undefined || body.allowed_mentions !== undefined) {
      const ref = isObject(m.message_reference)
        ? this.messageMap.get(String(m.message_reference.message_id))
        : undefined;
      const mentions = this.parseMentions(String(next.content), body.allowed_mentions, ref);
      next.mentions = mentions.users.map((u) => this.userObject(u));
      next.mention_roles = mentions.roles;
      next.mention_everyone = mentions.everyone;
    }
    if (!wasLoading) next.edited_timestamp = iso();
    stored.message = next;
    this.changed();
    this.announceMessage('MESSAGE_UPDATE', stored);
  }

  private createBotMessage(input: {
    channelId: string;
    body: Json;
    files: RecordedFile[];
    allowedFlags: number;
    type: number;
    interaction?: InteractionState;
    followupOf?: string | null;
    reference?: StoredMessage;
    loading?: boolean;
  }): StoredMessage {
    const state = this.channelMap.get(input.channelId);
    if (!state) throw apiError(404, 10003, 'Unknown Channel');
    const { body } = input;
    const errors = validateMessageBody(body, { allowedFlags: input.allowedFlags });
    if (errors) throw formError(errors);
    if (!input.loading && isEmptyMessage(body, input.files.length)) {
      throw apiError(400, 50006, 'Cannot send an empty message');
    }
    let flags = typeof body.flags === 'number' ? body.flags : 0;
    if (input.loading) flags |= MessageFlag.Loading;
    const content = typeof body.content === 'string' ? body.content : '';
    const message = this.buildMessage({
      channelId: input.channelId,
      guildId: state.guildId,
      author: this.botUser,
      content: input.loading ? '' : content,
      embeds: input.loading ? [] : body.embeds,
      components: input.loading ? [] : body.components,
      attachments: input.loading ? [] : this.attachmentsFrom(body, input.files, input.channelId, []),
      flags,
      type: input.type,
      mentions: input.loading
        ? { users: [], roles: [], everyone: false }
        : this.parseMentions(content, body.allowed_mentions, input.reference),
      ...(input.reference ? { reference: input.reference } : {}),
      ...(input.interaction ? { interaction: input.interaction } : {}),
      ...(input.followupOf !== undefined ? { followupOf: input.followupOf } : {}),
      tts: body.tts === true,
      nonce: body.nonce,
    });
    const ephemeral = (flags & MessageFlag.Ephemeral) !== 0;
    const stored = this.storeMessage(message, state.guildId, true, ephemeral, input.interaction?.id);
    this.announceMessage('MESSAGE_CREATE', stored);
    return stored;
  }

  // -------------------------------------------------------------------------------------------------------------
  // HTTP

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      headers[k] = k === 'authorization' ? '[redacted]' : Array.isArray(v) ? v.join(', ') : v;
    }
    const record: RecordedRequest = {
      seq: ++this.requestSeq,
      method,
      path: url.pathname,
      rawUrl: req.url ?? '/',
      query: Object.fromEntries(url.searchParams),
      headers,
      authorized: req.headers.authorization === `Bot ${this.token}`,
      body: undefined,
      files: [],
      at: Date.now(),
    };
    this.requests.push(record);
    let reply: Reply;
    try {
      const raw = await this.readBody(req);
      const parsed = await this.parseBody(raw, req.headers['content-type'] ?? '');
      record.body = parsed.body;
      record.files = parsed.files;
      reply = this.route(method, url, record);
    } catch (error) {
      if (error instanceof FakeHttpError) reply = error.reply;
      else
        reply = { status: 500, body: { message: `fake-discord internal error: ${String(error)}`, code: 0 } };
    }
    record.status = reply.status;
    record.response = reply.body;
    if (!res.destroyed) {
      if (reply.status === 204 || reply.body === undefined) {
        res.writeHead(reply.status, reply.headers ?? {});
        res.end();
      } else {
        const text = JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          ...(reply.headers ?? {}),
        });
        res.end(text);
      }
    }
    this.changed();
  }

  private readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(apiError(413, 40005, 'Request entity too large'));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  private async parseBody(
    raw: Buffer,
    contentType: string,
  ): Promise<{ body: unknown; files: RecordedFile[] }> {
    if (raw.length === 0) return { body: undefined, files: [] };
    if (contentType.startsWith('application/json')) {
      try {
        return { body: JSON.parse(raw.toString('utf8')), files: [] };
      } catch {
        throw apiError(400, 50109, 'The request body contains invalid JSON.');
      }
    }
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      let body: unknown;
      const files: RecordedFile[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') {
            try {
              body = JSON.parse(value);
            } catch {
              throw apiError(400, 50109, 'The request body contains invalid JSON.');
            }
          }
        } else {
          files.push({
            field,
            filename: value.name,
            contentType: value.type,
            size: value.size,
            data: Buffer.from(await value.arrayBuffer()),
          });
        }
      }
      return { body, files };
    }
    return { body: raw.toString('utf8'), files: [] };
  }

  private route(method: string, url: URL, record: RecordedRequest): Reply {
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) {
      this.unknownRequests.push(record);
      return { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
    let segments: string[];
    try {
      segments = url.pathname
        .slice(API_PREFIX.length + 1)
        .split('/')
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s));
    } catch {
      this.unknownRequests.push(record);
      return { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
    const path = `/${segments.join('/')}`;
    record.path = path;

    const rule = this.failRules.find(
      (r) =>
        r.left > 0 &&
        (r.method === undefined || r.method.toUpperCase() === method) &&
        (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path)),
    );
    if (rule) {
      rule.left--;
      rule.hits++;
      record.injected = true;
      return this.injectedReply(rule);
    }

    let pathMatched = false;
    for (const route of this.routes) {
      const params = this.matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      if (route.auth && !record.authorized)
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return route.handler({
        method,
        path,
        params,
        query: url.searchParams,
        body: record.body,
        files: record.files,
        record,
      });
    }
    this.unknownRequests.push(record);
    return pathMatched
      ? { status: 405, body: { message: '405: Method Not Allowed', code: 0 } }
      : { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private matchSegments(pattern: string[], segments: string[]): Record<string, string> | null {
    if (pattern.length !== segments.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i] as string;
      const s = segments[i] as string;
      if (p.startsWith(':')) params[p.slice(1)] = s;
      else if (p !== s) return null;
    }
    return params;
  }

  private injectedReply(rule: ActiveFailRule): Reply {
    const headers: Record<string, string> = { ...(rule.headers ?? {}) };
    if (rule.status === 429) {
      const retryAfter = rule.retryAfter ?? 0.1;
      Object.assign(headers, {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String((Date.now() + retryAfter * 1000) / 1000),
        'X-RateLimit-Reset-After': String(retryAfter),
        'X-RateLimit-Bucket': 'fake-bucket',
        'X-RateLimit-Scope': rule.global ? 'global' : 'user',
        ...(rule.global ? { 'X-RateLimit-Global': 'true' } : {}),
        ...(rule.headers ?? {}),
      });
      return {
        status: 429,
        headers,
        body: rule.body ?? {
          message: 'You are being rate limited.',
          retry_after: retryAfter,
          global: rule.global ?? false,
        },
      };
    }
    if (rule.status === 204) return { status: 204, headers };
    return { status: rule.status, headers, body: rule.body ?? defaultErrorBody(rule.status) };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Routes

  private addRoute(method: string, pattern: string, auth: boolean, handler: (ctx: Ctx) => Reply): void {
    this.routes.push({ method, segments: pattern.split('/').filter((s) => s !== ''), auth, handler });
  }

  private defineRoutes(): void {
    // Gateway and identity
    this.addRoute('GET', 'gateway', false, () => ({ status: 200, body: { url: this.gatewayUrl } }));
    this.addRoute('GET', 'gateway/bot', true, () => ({
      status: 200,
      body: {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }));
    this.addRoute('GET', 'users/@me', true, () => ({
      status: 200,
      body: { ...this.userObject(this.botUser), verified: true, mfa_enabled: false, flags: 0, email: null },
    }));
    this.addRoute('GET', 'users/:user', true, ({ params }) => {
      const user = this.userMap.get(params.user ?? '');
      if (!user) throw apiError(404, 10013, 'Unknown User');
      return { status: 200, body: this.userObject(user) };
    });
    const application = (): Reply => ({
      status: 200,
      body: {
        id: this.applicationId,
        name: this.botUser.username,
        icon: null,
        description: '',
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: 'f'.repeat(64),
        flags: 0,
        owner: this.userObject(this.users.owner),
        team: null,
        bot: this.userObject(this.botUser),
        approximate_guild_count: this.guildMap.size,
        integration_types_config: { '0': {} },
      },
    });
    this.addRoute('GET', 'applications/@me', true, application);
    this.addRoute('GET', 'oauth2/applications/@me', true, application);

    // Application commands
    for (const scope of ['applications/:app/commands', 'applications/:app/guilds/:guild/commands']) {
      this.addRoute('GET', scope, true, (ctx) => ({ status: 200, body: clone(this.commandList(ctx)) }));
      this.addRoute('PUT', scope, true, (ctx) => this.putCommands(ctx));
      this.addRoute('POST', scope, true, (ctx) => this.postCommand(ctx));
      this.addRoute('GET', `${scope}/:command`, true, (ctx) => ({
        status: 200,
        body: clone(this.findCommand(ctx).command),
      }));
      this.addRoute('PATCH', `${scope}/:command`, true, (ctx) => this.patchCommand(ctx));
      this.addRoute('DELETE', `${scope}/:command`, true, (ctx) => {
        const { list, index } = this.findCommand(ctx);
        list.splice(index, 1);
        return { status: 204 };
      });
    }

    // Interactions and their webhook
    this.addRoute('POST', 'interactions/:id/:token/callback', false, (ctx) => this.interactionCallback(ctx));
    this.addRoute('POST', 'webhooks/:app/:token', false, (ctx) => this.webhookFollowup(ctx));
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      this.addRoute(method, 'webhooks/:app/:token/messages/:message', false, (ctx) =>
        this.webhookMessage(ctx),
      );
    }

    // Channels
    this.addRoute('GET', 'channels/:channel', true, ({ params }) => ({
      status: 200,
      body: this.channelObject(this.visibleChannel(params.channel ?? '').channel),
    }));
    this.addRoute('POST', 'channels/:channel/typing', true, ({ params }) => {
      this.visibleChannel(params.channel ?? '');
      return { status: 204 };
    });
    this.addRoute('GET', 'channels/:channel/messages/pins', true, ({ params, query }) => {
      const state = this.visibleChannel(params.channel ?? '');
      const limit = Math.min(Number(query.get('limit') ?? 50), 50);
      const pins = this.pinnedStored(state.channel.id).reverse();
      return {
        status: 200,
        body: {
          items: pins.slice(0, limit).map((m) => ({ pinned_at: m.pinnedAt, message: clone(m.message) })),
          has_more: pins.length > limit,
        },
      };
    });
    this.addRoute('GET', 'channels/:channel/pins', true, ({ params }) => {
      const state = this.visibleChannel(params.channel ?? '');
      return {
        status: 200,
        body: this.pinnedStored(state.channel.id)
          .reverse()
          .map((m) => clone(m.message)),
      };
    });
    for (const pinPath of ['channels/:channel/messages/pins/:message', 'channels/:channel/pins/:message']) {
      this.addRoute('PUT', pinPath, true, (ctx) => this.pin(ctx, true));
      this.addRoute('DELETE', pinPath, true, (ctx) => this.pin(ctx, false));
    }
    this.addRoute('GET', 'channels/:channel/messages', true, (ctx) => this.listChannelMessages(ctx));
    this.addRoute('POST', 'channels/:channel/messages', true, (ctx) => this.postChannelMessage(ctx));
    this.addRoute('GET', 'channels/:channel/messages/:message', true, ({ params }) => ({
      status: 200,
      body: this.restView(this.channelMessage(params.channel ?? '', params.message ?? '')),
    }));
    this.addRoute('PATCH', 'channels/:channel/messages/:message', true, (ctx) => {
      const stored = this.channelMessage(ctx.params.channel ?? '', ctx.params.message ?? '');
      if (!stored.byBot || stored.interactionId) {
        throw apiError(403, 50005, 'Cannot edit a message authored by another user');
      }
      this.applyEdit(stored, isObject(ctx.body) ? ctx.body : {}, ctx.files);
      return { status: 200, body: clone(stored.message) };
    });
    this.addRoute('DELETE', 'channels/:channel/messages/:message', true, ({ params }) => {
      const stored = this.channelMessage(params.channel ?? '', params.message ?? '');
      if (
        !stored.byBot &&
        (this.botPermissionsIn(String(stored.message.channel_id)) & Permission.ManageMessages) === 0n
      ) {
        throw apiError(403, 50013, 'Missing Permissions');
      }
      this.deleteMessage(stored);
      return { status: 204 };
    });
    for (const method of ['PUT', 'DELETE']) {
      this.addRoute(
        method,
        'channels/:channel/messages/:message/reactions/:emoji/@me',
        true,
        ({ params }) => {
          this.channelMessage(params.channel ?? '', params.message ?? '');
          return { status: 204 };
        },
      );
    }

    // Guilds
    this.addRoute('GET', 'guilds/:guild', true, ({ params }) => ({
      status: 200,
      body: this.guildObject(this.knownGuild(params.guild ?? '')),
    }));
    this.addRoute('GET', 'guilds/:guild/channels', true, ({ params }) => {
      const guild = this.knownGuild(params.guild ?? '');
      return { status: 200, body: guild.channels.map((c) => this.channelObject(c)) };
    });
    this.addRoute('GET', 'guilds/:guild/roles', true, ({ params }) => ({
      status: 200,
      body: clone(this.knownGuild(params.guild ?? '').roles),
    }));
    this.addRoute('GET', 'guilds/:guild/members/:user', true, ({ params }) => {
      const guild = this.knownGuild(params.guild ?? '');
      const member = guild.members.get(params.user ?? '');
      if (!member) throw apiError(404, 10007, 'Unknown Member');
      return { status: 200, body: this.memberObject(guild, member) };
    });
    this.addRoute('GET', 'guilds/:guild/members', true, ({ params, query }) => {
      const guild = this.knownGuild(params.guild ?? '');
      const limit = Number(query.get('limit') ?? 1);
      return {
        status: 200,
        body: [...guild.members.values()].slice(0, limit).map((m) => this.memberObject(guild, m)),
      };
    });
  }

  private knownGuild(id: string): GuildState {
    const guild = this.guildMap.get(id);
    if (!guild) throw apiError(404, 10004, 'Unknown Guild');
    return guild;
  }

  /** A channel the bot can see, else 404 10003 / 403 50001. */
  private visibleChannel(id: string): ChannelState {
    const state = this.channelMap.get(id);
    if (!state) throw apiError(404, 10003, 'Unknown Channel');
    if ((this.botPermissionsIn(id) & Permission.ViewChannel) === 0n)
      throw apiError(403, 50001, 'Missing Access');
    return state;
  }

  private channelMessage(channelId: string, messageId: string): StoredMessage {
    this.visibleChannel(channelId);
    const stored = this.messageMap.get(messageId);
    if (!stored || stored.deleted || stored.ephemeral || stored.message.channel_id !== channelId) {
      throw apiError(404, 10008, 'Unknown Message');
    }
    return stored;
  }

  /**
   * A message as a REST read returns it: without Message Content enabled for the app, others' guild messages
   * come back blank unless they mention the bot (as on Discord).
   */
  private restView(stored: StoredMessage): Json {
    const message = clone(stored.message);
    if (!stored.guildId || stored.byBot || (this.options.privilegedIntents & Intent.MessageContent) !== 0)
      return message;
    const mentionsBot =
      Array.isArray(message.mentions) &&
      message.mentions.some((u) => isObject(u) && u.id === this.botUser.id);
    return mentionsBot ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
  }

  private deleteMessage(stored: StoredMessage): void {
    stored.deleted = true;
    this.changed();
    if (!stored.ephemeral) {
      this.dispatch('MESSAGE_DELETE', {
        id: stored.message.id,
        channel_id: stored.message.channel_id,
        ...(stored.guildId ? { guild_id: stored.guildId } : {}),
      });
    }
  }

  // --- commands

  private commandScope(ctx: Ctx): Json[] {
    if (ctx.params.app !== this.applicationId) throw apiError(403, 50001, 'Missing Access');
    const guildId = ctx.params.guild;
    if (guildId === undefined) return this.global;
    this.knownGuild(guildId);
    let list = this.perGuild.get(guildId);
    if (!list) {
      list = [];
      this.perGuild.set(guildId, list);
    }
    return list;
  }

  private commandList(ctx: Ctx): Json[] {
    return this.commandScope(ctx);
  }

  private completeCommand(input: Json, guildId: string | undefined, existing?: Json): Json {
    const type = typeof input.type === 'number' ? input.type : 1;
    return {
      ...input,
      id: existing?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      description: typeof input.description === 'string' ? input.description : '',
      default_member_permissions: input.default_member_permissions ?? null,
      nsfw: input.nsfw ?? false,
      ...(guildId
        ? { guild_id: guildId }
        : { contexts: input.contexts ?? null, integration_types: input.integration_types ?? [0] }),
      ...(Array.isArray(input.options) ? { options: input.options } : {}),
    };
  }

  private putCommands(ctx: Ctx): Reply {
    const list = this.commandScope(ctx);
    const errors = validateCommands(ctx.body);
    if (errors) throw formError(errors);
    const next = (ctx.body as Json[]).map((c) =>
      this.completeCommand(
        c,
        ctx.params.guild,
        list.find((old) => old.name === c.name && (old.type ?? 1) === (c.type ?? 1)),
      ),
    );
    list.splice(0, list.length, ...next);
    return { status: 200, body: clone(next) };
  }

  private postCommand(ctx: Ctx): Reply {
    const list = this.commandScope(ctx);
    const errors = validateCommands(ctx.body, true);
    if (errors) throw formError(errors);
    const body = ctx.body as Json;
    const index = list.findIndex((old) => old.name === body.name && (old.type ?? 1) === (body.type ?? 1));
    const command = this.completeCommand(body, ctx.params.guild, index >= 0 ? list[index] : undefined);
    if (index >= 0) list[index] = command;
    else list.push(command);
    return { status: index >= 0 ? 200 : 201, body: clone(command) };
  }

  private findCommand(ctx: Ctx): { list: Json[]; index: number; command: Json } {
    const list = this.commandScope(ctx);
    const index = list.findIndex((c) => c.id === ctx.params.command);
    const command = list[index];
    if (!command) throw apiError(404, 10063, 'Unknown application command');
    return { list, index, command };
  }

  private patchCommand(ctx: Ctx): Reply {
    const { list, index, command } = this.findCommand(ctx);
    const merged = { ...command, ...(isObject(ctx.body) ? ctx.body : {}) };
    const errors = validateCommands(merged, true);
    if (errors) throw formError(errors);
    const updated = this.completeCommand(merged, ctx.params.guild, command);
    list[index] = updated;
    return { status: 200, body: clone(updated) };
  }

  // --- interaction callback

  private respond(
    state: InteractionState,
    ctx: Ctx,
    kind: InteractionResponseKind,
    reply: () => Reply,
    callbackType?: number,
  ): Reply {
    let result: Reply;
    try {
      result = reply();
    } catch (error) {
      if (!(error instanceof FakeHttpError)) throw error;
      result = error.reply;
    }
    const body = result.body;
    state.responses.push({
      kind,
      interactionId: state.id,
      method: ctx.method,
      path: ctx.path,
      ...(callbackType !== undefined ? { callbackType } : {}),
      body: clone(ctx.body),
      status: result.status,
      ...(result.status >= 400 ? { error: clone(body) } : {}),
      ...(isObject(body) && typeof body.id === 'string' && result.status < 400 ? { messageId: body.id } : {}),
      at: Date.now(),
      sinceDispatchMs: performance.now() - state.dispatchedPerf,
    });
    return result;
  }

  private interactionCallback(ctx: Ctx): Reply {
    const state = this.interactionMap.get(ctx.params.id ?? '');
    if (!state || state.token !== ctx.params.token) throw apiError(404, 10062, 'Unknown interaction');
    const body = isObject(ctx.body) ? ctx.body : {};
    const callbackType = typeof body.type === 'number' ? body.type : -1;
    const reply = this.respond(
      state,
      ctx,
      'callback',
      () => this.acknowledge(state, ctx, body, callbackType),
      callbackType,
    );
    return reply;
  }

  private acknowledge(state: InteractionState, ctx: Ctx, body: Json, type: number): Reply {
    const latency = performance.now() - state.dispatchedPerf;
    if (state.ack) throw apiError(400, 40060, 'Interaction has already been acknowledged.');
    if (latency > this.options.ackDeadlineMs) throw apiError(404, 10062, 'Unknown interaction');
    const allowed: Record<number, number[]> = {
      [InteractionType.ApplicationCommand]: [4, 5, 9],
      [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
      [InteractionType.Autocomplete]: [8],
      [InteractionType.ModalSubmit]: [4, 5, 6, 7],
    };
    if (!(allowed[state.type] ?? []).includes(type)) {
      throw formError({
        type: {
          _errors: [
            {
              code: 'INTERACTION_RESPONSE_TYPE_INVALID',
              message: `Invalid interaction response type ${type}`,
            },
          ],
        },
      });
    }
    const data = isObject(body.data) ? body.data : undefined;
    let message: StoredMessage | undefined;
    try {
      message = this.performCallback(state, ctx, type, data);
    } catch (error) {
      // Discord reports the message fields of a callback under `data`.
      if (
        error instanceof FakeHttpError &&
        isObject(error.reply.body) &&
        error.reply.body.code === 50035 &&
        isObject(error.reply.body.errors) &&
        !('data' in error.reply.body.errors) &&
        !('type' in error.reply.body.errors)
      ) {
        throw formError({ data: error.reply.body.errors as FormErrors });
      }
      throw error;
    }
    state.ack = { callbackType: type, at: Date.now(), latencyMs: latency };
    if (message) state.webhookMessageIds.add(String(message.message.id));
    this.changed();
    if (ctx.query.get('with_response') !== 'true') return { status: 204 };
    const msg = message?.message;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: state.type,
          ...(msg
            ? {
                response_message_id: msg.id,
                response_message_loading: (flagsOf(msg) & MessageFlag.Loading) !== 0,
                response_message_ephemeral: (flagsOf(msg) & MessageFlag.Ephemeral) !== 0,
              }
            : {}),
        },
        resource: {
          type,
          ...(msg && (type === CallbackType.ChannelMessageWithSource || type === CallbackType.UpdateMessage)
            ? { message: clone(msg) }
            : {}),
        },
      },
    };
  }

  private performCallback(
    state: InteractionState,
    ctx: Ctx,
    type: number,
    data: Json | undefined,
  ): StoredMessage | undefined {
    let message: StoredMessage | undefined;
    switch (type) {
      case CallbackType.ChannelMessageWithSource:
        if (!data)
          throw formError({
            data: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
          });
        message = this.createBotMessage({
          channelId: state.channelId,
          body: data,
          files: ctx.files,
          allowedFlags: ALLOWED_CREATE_FLAGS.interaction,
          type:
            state.type === InteractionType.ApplicationCommand
              ? MessageType.ChatInputCommand
              : MessageType.Default,
          interaction: state,
        });
        state.originalMessageId = String(message.message.id);
        break;
      case CallbackType.DeferredChannelMessageWithSource: {
        const flags = typeof data?.flags === 'number' ? data.flags : 0;
        if (flags & ~MessageFlag.Ephemeral) {
          throw formError({
            data: { flags: { _errors: [{ code: 'MESSAGE_INVALID_FLAGS', message: 'Invalid flags' }] } },
          });
        }
        message = this.createBotMessage({
          channelId: state.channelId,
          body: { flags },
          files: [],
          allowedFlags: MessageFlag.Ephemeral,
          type:
            state.type === InteractionType.ApplicationCommand
              ? MessageType.ChatInputCommand
              : MessageType.Default,
          interaction: state,
          loading: true,
        });
        state.originalMessageId = String(message.message.id);
        break;
      }
      case CallbackType.DeferredMessageUpdate:
        state.originalMessageId = state.componentMessageId;
        break;
      case CallbackType.UpdateMessage: {
        const target = state.componentMessageId ? this.messageMap.get(state.componentMessageId) : undefined;
        if (!target) throw apiError(404, 10008, 'Unknown Message');
        this.applyEdit(target, data ?? {}, ctx.files);
        message = target;
        state.originalMessageId = state.componentMessageId;
        break;
      }
      case CallbackType.AutocompleteResult: {
        const errors = validateAutocompleteData(data);
        if (errors) throw formError(errors);
        break;
      }
      case CallbackType.Modal: {
        const errors = validateModalData(data);
        if (errors) throw formError(errors);
        break;
      }
    }
    return message;
  }

  // --- interaction webhook

  private webhookInteraction(ctx: Ctx): InteractionState {
    if (ctx.params.app !== this.applicationId) throw apiError(404, 10015, 'Unknown Webhook');
    const state = this.interactionsByToken.get(ctx.params.token ?? '');
    if (!state) throw apiError(401, 50027, 'Invalid Webhook Token');
    return state;
  }

  private requireWebhookReady(state: InteractionState): void {
    if (Date.now() - state.dispatchedAt > this.options.interactionTokenTtlMs) {
      throw apiError(401, 50027, 'Invalid Webhook Token');
    }
    if (!state.ack) throw apiError(404, 10015, 'Unknown Webhook');
  }

  private webhookFollowup(ctx: Ctx): Reply {
    const state = this.webhookInteraction(ctx);
    return this.respond(state, ctx, 'followup', () => {
      this.requireWebhookReady(state);
      const body = isObject(ctx.body) ? ctx.body : {};
      const stored = this.createBotMessage({
        channelId: state.channelId,
        body,
        files: ctx.files,
        allowedFlags: ALLOWED_CREATE_FLAGS.interaction,
        type: MessageType.Default,
        interaction: state,
        followupOf: state.originalMessageId,
      });
      state.webhookMessageIds.add(String(stored.message.id));
      return ctx.query.get('wait') === 'true'
        ? { status: 200, body: clone(stored.message) }
        : { status: 204 };
    });
  }

  private webhookMessage(ctx: Ctx): Reply {
    const state = this.webhookInteraction(ctx);
    const kind: InteractionResponseKind =
      ctx.method === 'PATCH' ? 'edit' : ctx.method === 'GET' ? 'fetch' : 'delete';
    return this.respond(state, ctx, kind, () => {
      this.requireWebhookReady(state);
      const ref = ctx.params.message ?? '';
      const id = ref === '@original' ? state.originalMessageId : ref;
      const stored = id ? this.messageMap.get(id) : undefined;
      if (!id || !stored || stored.deleted || (ref !== '@original' && !state.webhookMessageIds.has(id))) {
        throw apiError(404, 10008, 'Unknown Message');
      }
      if (ctx.method === 'GET') return { status: 200, body: clone(stored.message) };
      if (ctx.method === 'DELETE') {
        this.deleteMessage(stored);
        return { status: 204 };
      }
      this.applyEdit(stored, isObject(ctx.body) ? ctx.body : {}, ctx.files);
      return { status: 200, body: clone(stored.message) };
    });
  }

  // --- channel messages and pins

  private listChannelMessages(ctx: Ctx): Reply {
    const state = this.visibleChannel(ctx.params.channel ?? '');
    if ((this.botPermissionsIn(state.channel.id) & Permission.ReadMessageHistory) === 0n)
      return { status: 200, body: [] };
    const limit = Math.max(1, Math.min(Number(ctx.query.get('limit') ?? 50), 100));
    const before = ctx.query.get('before');
    const after = ctx.query.get('after');
    let list = state.order
      .map((id) => this.messageMap.get(id))
      .filter((m): m is StoredMessage => m !== undefined && !m.deleted && !m.ephemeral);
    if (before) list = list.filter((m) => BigInt(String(m.message.id)) < BigInt(before));
    if (after) list = list.filter((m) => BigInt(String(m.message.id)) > BigInt(after));
    const newestFirst = list.reverse();
    const page = after ? newestFirst.slice(-limit) : newestFirst.slice(0, limit);
    return { status: 200, body: page.map((m) => this.restView(m)) };
  }

  private postChannelMessage(ctx: Ctx): Reply {
    const state = this.visibleChannel(ctx.params.channel ?? '');
    const perms = this.botPermissionsIn(state.channel.id);
    const isThread = state.channel.type === 11 || state.channel.type === 12;
    // In a thread, Send Messages in Threads is what counts (not Send Messages).
    const needed = isThread ? Permission.SendMessagesInThreads : Permission.SendMessages;
    if ((perms & needed) === 0n) throw apiError(403, 50013, 'Missing Permissions');
    const body = isObject(ctx.body) ? ctx.body : {};
    let reference: StoredMessage | undefined;
    const ref = body.message_reference;
    if (isObject(ref) && ref.message_id !== undefined) {
      const refChannel = ref.channel_id === undefined ? state.channel.id : String(ref.channel_id);
      const found = this.messageMap.get(String(ref.message_id));
      if (found && !found.deleted && !found.ephemeral && found.message.channel_id === refChannel)
        reference = found;
      else if (ref.fail_if_not_exists !== false) {
        throw formError({
          message_reference: {
            _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }],
          },
        });
      }
    }
    const stored = this.createBotMessage({
      channelId: state.channel.id,
      body,
      files: ctx.files,
      allowedFlags: ALLOWED_CREATE_FLAGS.channel,
      type: reference ? MessageType.Reply : MessageType.Default,
      ...(reference ? { reference } : {}),
    });
    return { status: 200, body: clone(stored.message) };
  }

  private pin(ctx: Ctx, pin: boolean): Reply {
    const stored = this.channelMessage(ctx.params.channel ?? '', ctx.params.message ?? '');
    const state = this.channelMap.get(String(stored.message.channel_id)) as ChannelState;
    const perms = this.botPermissionsIn(state.channel.id);
    if (state.config.pinError === 'missing-permissions') throw apiError(403, 50013, 'Missing Permissions');
    if ((perms & (Permission.ManageMessages | Permission.PinMessages)) === 0n)
      throw apiError(403, 50013, 'Missing Permissions');
    const limit = state.config.pinLimit ?? 250;
    if (pin) {
      if (state.config.pinError === 'max-pins')
        throw apiError(400, 30003, `Maximum number of pins reached (${limit})`);
      if (stored.pinnedAt) return { status: 204 };
      if (this.pinnedStored(state.channel.id).length >= limit) {
        throw apiError(400, 30003, `Maximum number of pins reached (${limit})`);
      }
      stored.pinnedAt = iso();
      stored.message.pinned = true;
    } else {
      if (!stored.pinnedAt) return { status: 204 };
      delete stored.pinnedAt;
      stored.message.pinned = false;
    }
    this.changed();
    const last = this.pinnedStored(state.channel.id).at(-1)?.pinnedAt ?? null;
    this.broadcast(
      'CHANNEL_PINS_UPDATE',
      {
        channel_id: state.channel.id,
        last_pin_timestamp: last,
        ...(state.guildId ? { guild_id: state.guildId } : {}),
      },
      undefined,
      state.guildId ? Intent.Guilds : Intent.DirectMessages,
    );
    return { status: 204 };
  }
}

/** Starts a fake Discord on 127.0.0.1 with an ephemeral port. Call `stop()` when done. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}
