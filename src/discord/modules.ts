import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ClientEvents,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { ButtonAction } from '../answer/custom-ids.js';
import type { BotContext } from './context.js';

/**
 * The shapes of the three kinds of module under src/discord/: a command (its registration data beside its
 * handler), a component family (the custom-id action types it answers) and a gateway event. The lists in
 * commands/index.ts, components/index.ts and events/index.ts are what deploy-commands registers and what the
 * router dispatches on: a new surface is a new file and one line in a list.
 */
export interface SlashCommand {
  /** Exactly what `npm run deploy-commands` sends to Discord. */
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Suggestions for the command's autocomplete options; without it the command offers none. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** A command in a message's context menu (Apps → …): its registration data beside its handler. */
export interface MessageCommand {
  readonly definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export type ActionType = ButtonAction['type'];
export type ActionOf<T extends ActionType> = Extract<ButtonAction, { type: T }>;

export interface ComponentFamily<T extends ActionType = ActionType> {
  /** The custom-id action types this family handles; each type belongs to exactly one family. */
  readonly handles: readonly T[];
  handle(interaction: MessageComponentInteraction, action: ActionOf<T>, ctx: BotContext): Promise<void>;
}

export interface GatewayEvent<E extends keyof ClientEvents = keyof ClientEvents> {
  readonly name: E;
  handle(ctx: BotContext, ...args: ClientEvents[E]): void | Promise<void>;
}

/** Identity helpers that keep each module's types precise. */
export const defineCommand = (command: SlashCommand): SlashCommand => command;
export const defineMessageCommand = (command: MessageCommand): MessageCommand => command;
/**
 * A family as the router holds it: the router only passes actions whose type is in `handles`, so widening
 * the action parameter here is safe.
 */
export const defineComponent = <T extends ActionType>(family: ComponentFamily<T>): ComponentFamily =>
  family as unknown as ComponentFamily;
/** An event as bot.ts subscribes it: the client passes exactly the arguments of `name`. */
export const defineEvent = <E extends keyof ClientEvents>(event: GatewayEvent<E>): GatewayEvent =>
  event as unknown as GatewayEvent;
