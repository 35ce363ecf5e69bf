import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, type ButtonAction } from '../../src/answer/custom-ids.js';
import {
  COMMANDS,
  MESSAGE_COMMANDS,
  commandDefinitions,
  findCommand,
  findMessageCommand,
} from '../../src/discord/commands/index.js';
import { COMPONENTS, findComponent } from '../../src/discord/components/index.js';
import type { ActionType } from '../../src/discord/modules.js';

/** One example of every action type; a new type fails to compile here until it is listed. */
const EXAMPLES: Record<ActionType, ButtonAction> = {
  article: { type: 'article', articleId: 'a', page: 0 },
  section: { type: 'section', articleId: 'a', sectionId: 's', page: 1 },
  alternative: { type: 'alternative', articleId: 'a', paragraphId: 's/1' },
  pin: { type: 'pin', articleId: 'a', paragraphId: 's/1' },
  'pins-page': { type: 'pins-page', page: 2 },
  post: { type: 'post', messageId: '123456789012345678' },
  vote: { type: 'vote', helpful: false, articleId: 'a', paragraphId: 's/1' },
  'review-next': { type: 'review-next', entryId: 3 },
  'review-dismiss': { type: 'review-dismiss', entryId: 3 },
  'review-pin': { type: 'review-pin', entryId: 3 },
  'review-article': { type: 'review-article', entryId: 3 },
};

interface OptionLike {
  readonly autocomplete?: boolean;
  readonly options?: readonly OptionLike[];
}
const usesAutocomplete = (options: readonly OptionLike[] = []): boolean =>
  options.some((option) => option.autocomplete === true || usesAutocomplete(option.options));

describe('GIVEN the command modules', () => {
  it('THEN deploy-commands registers exactly their definitions, each name once', () => {
    const names = commandDefinitions().map((definition) => definition.name);
    expect(names).toEqual([...COMMANDS, ...MESSAGE_COMMANDS].map((command) => command.definition.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('THEN the router finds each command by the name it registers, and nothing else', () => {
    for (const command of COMMANDS) expect(findCommand(command.definition.name)).toBe(command);
    for (const command of MESSAGE_COMMANDS) expect(findMessageCommand(command.definition.name)).toBe(command);
    expect(findCommand('no-such-command')).toBeUndefined();
    expect(findMessageCommand('ask')).toBeUndefined();
  });

  it('THEN every command with an autocomplete option has an autocomplete handler', () => {
    for (const command of COMMANDS) {
      const options = (command.definition.options ?? []) as readonly OptionLike[];
      expect(Boolean(command.autocomplete), command.definition.name).toBe(usesAutocomplete(options));
    }
  });
});

describe('GIVEN the component families', () => {
  it.each(Object.values(EXAMPLES))('THEN a $type custom id reaches exactly one family', (action) => {
    const decoded = decodeAction(encodeAction(action));
    expect(decoded).toEqual(action);
    const family = findComponent(action.type);
    expect(family?.handles).toContain(action.type);
    expect(COMPONENTS.filter((entry) => entry.handles.includes(action.type))).toHaveLength(1);
  });
});
