import type { MessageCommand, SlashCommand } from '../modules.js';
import { article } from './article.js';
import { ask } from './ask.js';
import { findAnswer } from './find-answer.js';
import { help } from './help.js';
import { pins } from './pins.js';
import { review } from './review.js';
import { settings } from './settings.js';
import { stats } from './stats.js';

/** Every slash command: what deploy-commands registers and what the router dispatches on, by name. */
export const COMMANDS: readonly SlashCommand[] = [ask, article, help, pins, settings, review, stats];

/** Every message context-menu command (Apps → …), dispatched by name. */
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [findAnswer];

/** The registration payload: the slash commands in the order above, then the context-menu commands. */
export const commandDefinitions = () => [
  ...COMMANDS.map((command) => command.definition),
  ...MESSAGE_COMMANDS.map((command) => command.definition),
];

const byName = new Map(COMMANDS.map((command) => [command.definition.name, command]));
export const findCommand = (name: string): SlashCommand | undefined => byName.get(name);
const messageCommandByName = new Map(MESSAGE_COMMANDS.map((command) => [command.definition.name, command]));
export const findMessageCommand = (name: string): MessageCommand | undefined =>
  messageCommandByName.get(name);
