import type { GatewayEvent } from '../modules.js';
import { directMessage } from './direct-message.js';
import { guildDelete } from './guild-delete.js';
import { interactionCreate } from './interaction-create.js';
import { clientError, disconnected, ready, resumed } from './lifecycle.js';
import { messageCreate } from './message-create.js';

/** Every gateway event the bot listens to. */
export const EVENTS: readonly GatewayEvent[] = [
  interactionCreate,
  messageCreate,
  directMessage,
  guildDelete,
  ready,
  resumed,
  disconnected,
  clientError,
];
