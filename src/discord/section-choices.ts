import type { AutocompleteInteraction } from 'discord.js';
import { clampChoiceName, DISCORD_LIMITS } from '../answer/limits.js';
import { findSections } from '../answer/sections.js';
import type { BotContext } from './context.js';

/** Autocomplete for a `section` option (used by /article and /pins add). */
export async function respondWithSections(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused(true).value);
  await interaction.respond(
    findSections(ctx.core.engine, typed)
      .slice(0, DISCORD_LIMITS.choices)
      .map((entry) => ({ name: clampChoiceName(entry.label), value: entry.value })),
  );
}
