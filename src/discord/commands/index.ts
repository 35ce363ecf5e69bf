import type { SlashCommand } from '../modules.js';
import { article } from './article.js';
import { ask } from './ask.js';
import { help } from './help.js';
import { pins } from './pins.js';

/** Every slash command: what deploy-commands registers and what the router dispatches on, by name. */
export const COMMANDS: readonly SlashCommand[] = [ask, article, help, pins];

/** The registration payload, in the order above. */
export const commandDefinitions = () => COMMANDS.map((command) => command.definition);

const byName = new Map(COMMANDS.map((command) => [command.definition.name, command]));
export const findCommand = (name: string): SlashCommand | undefined => byName.get(name);
