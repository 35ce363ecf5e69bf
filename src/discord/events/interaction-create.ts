import { Events, type Interaction } from 'discord.js';
import { decodeAction } from '../../answer/custom-ids.js';
import { findCommand, findMessageCommand } from '../commands/index.js';
import { findComponent } from '../components/index.js';
import type { BotContext } from '../context.js';
import { defineEvent } from '../modules.js';
import { APOLOGY, privateNotice } from '../replies.js';

/** Routes every interaction to its module, inside the one error boundary. */
export const interactionCreate = defineEvent({
  name: Events.InteractionCreate,
  handle: (ctx, interaction) => guardInteraction(ctx, interaction),
});

async function route(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    if (!command) {
      await interaction.reply(privateNotice('I don’t know that command any more.'));
      return;
    }
    return command.execute(interaction, ctx);
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = findMessageCommand(interaction.commandName);
    if (!command) {
      await interaction.reply(privateNotice('I don’t know that command any more.'));
      return;
    }
    return command.execute(interaction, ctx);
  }
  if (interaction.isMessageComponent()) {
    const action = decodeAction(interaction.customId);
    const family = action && findComponent(action.type);
    // A custom id is only trusted if the clicked message carries it: a forged id must not act on (or
    // rewrite) someone else's message.
    if (!action || !family || !carriesComponent(interaction.message.components, interaction.customId)) {
      await interaction.reply(privateNotice('This button no longer works.'));
      return;
    }
    return family.handle(interaction, action, ctx);
  }
  if (interaction.isAutocomplete()) {
    const command = findCommand(interaction.commandName);
    if (command?.autocomplete) return command.autocomplete(interaction, ctx);
    await interaction.respond([]);
  }
}

/** Whether a component with this custom id is on the message (in any action row or container). */
export function carriesComponent(components: readonly unknown[], customId: string): boolean {
  const stack: unknown[] = [...components];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as {
      customId?: unknown;
      custom_id?: unknown;
      components?: unknown;
      data?: { custom_id?: unknown };
    };
    if ([record.customId, record.custom_id, record.data?.custom_id].includes(customId)) return true;
    if (Array.isArray(record.components)) stack.push(...(record.components as unknown[]));
  }
  return false;
}

/** One boundary: log what went wrong, tell the person briefly and privately, keep running. */
async function guardInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  try {
    await route(ctx, interaction);
  } catch (error) {
    ctx.metrics.errors();
    ctx.logger.error(
      { err: error, interactionId: interaction.id, type: interaction.type },
      'interaction failed',
    );
    if (!interaction.isRepliable()) return;
    try {
      const apology = privateNotice(APOLOGY);
      if (interaction.replied || interaction.deferred) await interaction.followUp(apology);
      else await interaction.reply(apology);
    } catch (apologyError) {
      ctx.logger.warn({ err: apologyError, interactionId: interaction.id }, 'could not send the apology');
    }
  }
}
