import { MODERATOR_COMMAND_PERMISSIONS } from '../pins/moderators.js';
import { MAX_QUESTION_CODE_POINTS } from '../answer/responder.js';

/** Application command option and command types (Discord API numbers). */
const SUB_COMMAND = 1;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const CHAT_INPUT = 1;
/** Guild channels only: pins and moderators only mean something in a server. */
const GUILD_CONTEXT = [0];

/**
 * Every command as plain API data: registered by `npm run deploy-commands`, never at start-up.
 * Handlers are matched by name in the dispatcher.
 */
export const COMMANDS = [
  {
    name: 'ask',
    type: CHAT_INPUT,
    description: 'Ask a question about the article',
    contexts: GUILD_CONTEXT,
    options: [
      {
        name: 'question',
        type: STRING,
        description: 'Your question, in your own words',
        required: true,
        max_length: MAX_QUESTION_CODE_POINTS,
      },
      {
        name: 'private',
        type: BOOLEAN,
        description: 'Only you see the answer (default: no)',
        required: false,
      },
    ],
  },
  {
    name: 'article',
    type: CHAT_INPUT,
    description: 'Read the whole article, or one section of it',
    contexts: GUILD_CONTEXT,
    options: [
      {
        name: 'section',
        type: STRING,
        description: 'A section to read',
        required: false,
        autocomplete: true,
      },
    ],
  },
  {
    name: 'help',
    type: CHAT_INPUT,
    description: 'What this bot does and how to use it',
    contexts: GUILD_CONTEXT,
  },
  {
    name: 'pins',
    type: CHAT_INPUT,
    description: 'Moderators: curate pinned answers',
    contexts: GUILD_CONTEXT,
    default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
    options: [
      { name: 'list', type: SUB_COMMAND, description: 'List the pinned answers of this server' },
      {
        name: 'remove',
        type: SUB_COMMAND,
        description: 'Remove a pinned answer',
        options: [
          {
            name: 'pin',
            type: INTEGER,
            description: 'The pinned answer',
            required: true,
            autocomplete: true,
          },
        ],
      },
      {
        name: 'add',
        type: SUB_COMMAND,
        description: 'Pin an answer to a question without waiting for someone to ask it',
        options: [
          {
            name: 'question',
            type: STRING,
            description: 'The question, as members ask it',
            required: true,
            max_length: MAX_QUESTION_CODE_POINTS,
          },
          {
            name: 'section',
            type: STRING,
            description: 'The section that answers it',
            required: true,
            autocomplete: true,
          },
        ],
      },
    ],
  },
] as const;

export type CommandName = (typeof COMMANDS)[number]['name'];
