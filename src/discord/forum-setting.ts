import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandBasicOption,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { ComposedMessage } from '../answer/compose.js';
import { clamp, DISCORD_LIMITS } from '../answer/limits.js';
import type { BotContext } from './context.js';
import { FORUM_PERMISSIONS } from './events/forum-post.js';

/** The `/settings` options of forum auto-answer. */
export const FORUM_OPTIONS: APIApplicationCommandBasicOption[] = [
  {
    name: 'auto-answer-forum',
    type: ApplicationCommandOptionType.Channel,
    description: 'Answer each new post in this forum once, when the article answers it',
    required: false,
    channel_types: [ChannelType.GuildForum],
  },
  {
    name: 'auto-answer-off',
    type: ApplicationCommandOptionType.Boolean,
    description: 'Stop answering forum posts',
    required: false,
  },
];

export type ForumSettingResult =
  | { readonly ok: true; readonly changed: boolean; readonly lines: readonly string[] }
  | { readonly ok: false };

/**
 * Applies the forum options of `/settings` (if given) and describes the setting: which forum, and a
 * warning when the bot cannot post in it. Reads only the cached channel; never the network.
 */
export function applyForumSetting(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: BotContext,
): ForumSettingResult {
  const forums = ctx.core.forums;
  if (!forums) return { ok: false };
  const guildId = interaction.guildId;
  const chosen = interaction.options.getChannel('auto-answer-forum');
  const off = interaction.options.getBoolean('auto-answer-off') === true;
  let changed = false;
  if (off || chosen) {
    const saved = forums.setAutoAnswerForum(guildId, off ? null : (chosen?.id ?? null), ctx.now());
    if (!saved.ok) {
      ctx.logger.warn({ err: saved.detail }, 'forum setting unavailable');
      return { ok: false };
    }
    changed = true;
    ctx.logger.info({ guildId, forumId: off ? null : chosen?.id }, 'forum auto-answer changed');
  }
  const current = forums.autoAnswerForum(guildId);
  if (!current.ok) return { ok: false };
  const forumId = current.value;
  const lines = [
    forumId
      ? `**auto-answer-forum**: <#${forumId}>: each new post there gets one reply when the article answers it, nothing otherwise.`
      : '**auto-answer-forum**: off.',
  ];
  if (forumId && !botCanAnswerIn(interaction, forumId)) {
    lines.push(
      '⚠️ I can’t post in that forum: give me View Channel, Send Messages in Threads and Embed Links there, or posts are skipped.',
    );
  }
  lines.push('Change it with `/settings auto-answer-forum:<forum>`, or `auto-answer-off:true`.');
  return { ok: true, changed, lines };
}

function botCanAnswerIn(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  forumId: string,
): boolean {
  const guild = interaction.client.guilds.cache.get(interaction.guildId);
  const me = guild?.members.me;
  const forum = guild?.channels.cache.get(forumId);
  if (!me || !forum || forum.type !== ChannelType.GuildForum) return false;
  return forum.permissionsFor(me).has(FORUM_PERMISSIONS);
}

/** The settings message with the forum lines under its first embed's text. */
export function withForumLines(composed: ComposedMessage, lines: readonly string[]): ComposedMessage {
  const [first, ...rest] = composed.embeds;
  if (!first) return composed;
  const description = clamp(
    [first.description ?? '', '', ...lines].join('\n'),
    DISCORD_LIMITS.embedDescription,
  );
  return { ...composed, embeds: [{ ...first, description }, ...rest] };
}
