import type { GatewayEvent } from '../modules.js';
import { directMessage } from './direct-message.js';
import { guildDelete } from './guild-delete.js';
import { forumCatchUp, forumGuildRemoved, forumPost } from './forum-post.js';
import { interactionCreate } from './interaction-create.js';
import { clientError, disconnected, ready, resumed } from './lifecycle.js';
import { messageCreate } from './message-create.js';

/** Every gateway event the bot listens to. */
export const EVENTS: readonly GatewayEvent[] = [
  interactionCreate,
  messageCreate,
  directMessage,
  guildDelete,
  forumPost,
  forumCatchUp,
  forumGuildRemoved,
  ready,
  resumed,
  disconnected,
  clientError,
];
