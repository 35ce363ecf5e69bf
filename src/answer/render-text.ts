import type { APIEmbed } from 'discord.js';
import { decodeAction } from './custom-ids.js';
import type { ComposedMessage } from './compose.js';

/**
 * The terminal's view of a composed Discord message: same words, markdown kept light. Buttons that
 * offer another answer are listed so the chat can follow them by number.
 */
export function renderText(message: ComposedMessage): string {
  const parts: string[] = [];
  if (message.content) parts.push(unescapeMarkdown(message.content));
  for (const embed of message.embeds) parts.push(renderEmbed(embed));
  const offers = message.components
    .flatMap((row) => row.components)
    .flatMap((component) =>
      component.type === 2 &&
      'custom_id' in component &&
      decodeAction(component.custom_id)?.type === 'alternative'
        ? [component.label ?? '']
        : [],
    );
  offers.forEach((label, index) => parts.push(`  [${index + 1}] ${label}`));
  return parts.join('\n\n');
}

function renderEmbed(embed: APIEmbed): string {
  const lines: string[] = [];
  const author = embed.author?.name;
  // Answers carry the question, in quotes, as their author line; article pages carry the article title.
  if (author) lines.push(author.startsWith('“') ? `You asked: ${author}` : `# ${author}`);
  if (embed.title) lines.push(`== ${embed.title} ==`);
  if (embed.description) lines.push(unescapeMarkdown(embed.description));
  for (const field of embed.fields ?? []) lines.push(`${field.name}: ${unescapeMarkdown(field.value)}`);
  if (embed.footer?.text) lines.push(`-- ${embed.footer.text}`);
  return lines.join('\n');
}

/** Discord markup the terminal cannot show: escapes, subtext markers, timestamps and user mentions. */
function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\*_~`|[\]()<#>+\-.])/g, '$1')
    .replace(/\u200b/g, '')
    .replace(/^-# /gm, '')
    .replace(/<t:(\d+):[a-zA-Z]>/g, (_match, seconds: string) =>
      new Date(Number(seconds) * 1000).toISOString().slice(0, 10),
    )
    .replace(/<@!?(\d+)>/g, 'moderator $1');
}
