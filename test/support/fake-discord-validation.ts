/**
 * Payload checks of the fake Discord: what the real API refuses with `400 {code: 50035, message: 'Invalid Form
 * Body', errors}`. Each function returns the nested `errors` object Discord would send, or null when valid.
 * Lengths are counted in Unicode code points (a bot that counts UTF-16 units stays within the limit too).
 */

export type Json = Record<string, unknown>;

/** Discord's nested error tree: `{embeds: {'0': {title: {_errors: [{code, message}]}}}}`. */
export interface FormErrors {
  [key: string]: FormErrors | Array<{ code: string; message: string }>;
}

/** Limits from Discord's API documentation. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  modalTitle: 45,
} as const;

export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsVoiceMessage: 1 << 13,
  IsComponentsV2: 1 << 15,
} as const;

/** Which message flags a create request may set, by where it is sent. */
export const ALLOWED_CREATE_FLAGS = {
  interaction:
    MessageFlag.Ephemeral |
    MessageFlag.SuppressEmbeds |
    MessageFlag.SuppressNotifications |
    MessageFlag.IsVoiceMessage |
    MessageFlag.IsComponentsV2,
  channel:
    MessageFlag.SuppressEmbeds |
    MessageFlag.SuppressNotifications |
    MessageFlag.IsVoiceMessage |
    MessageFlag.IsComponentsV2,
} as const;

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const BUTTON = 2;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ErrorTree {
  readonly root: FormErrors = {};
  empty = true;

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node: FormErrors = this.root;
    for (const key of path) {
      const k = String(key);
      const child = node[k];
      if (child === undefined || Array.isArray(child)) {
        const fresh: FormErrors = {};
        node[k] = fresh;
        node = fresh;
      } else {
        node = child;
      }
    }
    const list = node._errors;
    if (Array.isArray(list)) list.push({ code, message });
    else node._errors = [{ code, message }];
    this.empty = false;
  }

  /** A string field: type and length (min 1 if `required`). */
  text(path: ReadonlyArray<string | number>, value: unknown, max: number, required = false, min = 1): number {
    if (value === undefined || value === null) {
      if (required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return 0;
    }
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
      return 0;
    }
    const n = codePoints(value);
    if (n > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    else if (required && n < min) this.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
    return n;
  }

  result(): FormErrors | null {
    return this.empty ? null : this.root;
  }
}

function checkEmbeds(tree: ErrorTree, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    tree.add(['embeds'], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (embeds.length > LIMITS.embeds) {
    tree.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.embeds} or fewer in length.`);
  }
  let total = 0;
  embeds.forEach((embed: unknown, i) => {
    const at = ['embeds', i];
    if (!isObject(embed)) {
      tree.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    total += tree.text([...at, 'title'], embed.title, LIMITS.embedTitle);
    total += tree.text([...at, 'description'], embed.description, LIMITS.embedDescription);
    if (embed.url !== undefined && embed.url !== null) {
      if (typeof embed.url !== 'string' || !/^https?:\/\/\S+$/.test(embed.url)) {
        tree.add([...at, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
      }
    }
    if (embed.color !== undefined && embed.color !== null) {
      const c = embed.color;
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 0xffffff) {
        tree.add([...at, 'color'], 'NUMBER_TYPE_MAX', 'int value should be <= 16777215 and >= 0.');
      }
    }
    if (embed.fields !== undefined) {
      if (!Array.isArray(embed.fields)) {
        tree.add([...at, 'fields'], 'BASE_TYPE_ARRAY', 'Must be an array.');
      } else {
        if (embed.fields.length > LIMITS.embedFields) {
          tree.add(
            [...at, 'fields'],
            'BASE_TYPE_MAX_LENGTH',
            `Must be ${LIMITS.embedFields} or fewer in length.`,
          );
        }
        embed.fields.forEach((field: unknown, j) => {
          const fat = [...at, 'fields', j];
          if (!isObject(field)) {
            tree.add(fat, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
            return;
          }
          total += tree.text([...fat, 'name'], field.name, LIMITS.embedFieldName, true);
          total += tree.text([...fat, 'value'], field.value, LIMITS.embedFieldValue, true);
        });
      }
    }
    if (embed.footer !== undefined && embed.footer !== null) {
      if (!isObject(embed.footer)) tree.add([...at, 'footer'], 'MODEL_TYPE_CONVERT', 'Must be an object.');
      else total += tree.text([...at, 'footer', 'text'], embed.footer.text, LIMITS.embedFooter, true);
    }
    if (embed.author !== undefined && embed.author !== null) {
      if (!isObject(embed.author)) tree.add([...at, 'author'], 'MODEL_TYPE_CONVERT', 'Must be an object.');
      else total += tree.text([...at, 'author', 'name'], embed.author.name, LIMITS.embedAuthor, true);
    }
  });
  if (total > LIMITS.embedTotal) {
    tree.add(
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    );
  }
}

function checkButton(tree: ErrorTree, at: Array<string | number>, button: Json, seen: Set<string>): void {
  const style = button.style;
  if (typeof style !== 'number' || style < 1 || style > 6) {
    tree.add([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    return;
  }
  // Premium buttons (style 6) carry a sku_id and nothing else.
  if (style === 6) return;
  tree.text([...at, 'label'], button.label, LIMITS.buttonLabel);
  if (button.label === undefined && button.emoji === undefined) {
    tree.add(at, 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or an emoji is required.');
  }
  if (style === 5) {
    if (typeof button.url !== 'string')
      tree.add([...at, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
    if (button.custom_id !== undefined) {
      tree.add(
        [...at, 'custom_id'],
        'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
        'A link button cannot have a custom_id.',
      );
    }
    return;
  }
  checkCustomId(tree, at, button.custom_id, seen);
}

function checkCustomId(
  tree: ErrorTree,
  at: Array<string | number>,
  customId: unknown,
  seen: Set<string>,
): void {
  tree.text([...at, 'custom_id'], customId, LIMITS.customId, true);
  if (typeof customId === 'string') {
    if (seen.has(customId)) {
      tree.add(
        [...at, 'custom_id'],
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        'Component custom id cannot be duplicated',
      );
    }
    seen.add(customId);
  }
}

function checkComponents(tree: ErrorTree, components: unknown, flags: number): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    tree.add(['components'], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  // Components V2 layouts (containers, sections, text displays) are accepted without a deep check.
  if (flags & MessageFlag.IsComponentsV2) return;
  if (components.length > LIMITS.actionRows) {
    tree.add(['components'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.actionRows} or fewer in length.`);
  }
  const seen = new Set<string>();
  components.forEach((row: unknown, i) => {
    const at = ['components', i];
    if (!isObject(row) || row.type !== 1) {
      tree.add(at, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = row.components;
    if (!Array.isArray(children) || children.length === 0) {
      tree.add([...at, 'components'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
      return;
    }
    const selects = children.filter((c: unknown) => isObject(c) && SELECT_TYPES.has(Number(c.type))).length;
    if (selects > 0 && children.length > 1) {
      tree.add(
        [...at, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    if (children.length > LIMITS.rowButtons) {
      tree.add(
        [...at, 'components'],
        'BASE_TYPE_MAX_LENGTH',
        `Must be ${LIMITS.rowButtons} or fewer in length.`,
      );
    }
    children.forEach((child: unknown, j) => {
      const cat = [...at, 'components', j];
      if (!isObject(child)) {
        tree.add(cat, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      } else if (child.type === BUTTON) {
        checkButton(tree, cat, child, seen);
      } else if (SELECT_TYPES.has(Number(child.type))) {
        checkCustomId(tree, cat, child.custom_id, seen);
        if (child.type === 3) checkStringSelectOptions(tree, cat, child);
      } else {
        tree.add(
          [...cat, 'type'],
          'UNION_TYPE_CHOICES',
          'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
        );
      }
    });
  });
}

/** A string select (type 3): 1–25 options with a label and value of at most 100 characters each. */
function checkStringSelectOptions(
  tree: ErrorTree,
  at: (string | number)[],
  select: Record<string, unknown>,
): void {
  const options = select.options;
  if (!Array.isArray(options) || options.length === 0) {
    tree.add([...at, 'options'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
    return;
  }
  if (options.length > 25)
    tree.add([...at, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const values = new Set<string>();
  options.forEach((option: unknown, k) => {
    const oat = [...at, 'options', k];
    if (!isObject(option)) {
      tree.add(oat, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    for (const field of ['label', 'value'] as const) {
      const value = option[field];
      if (typeof value !== 'string' || value.length === 0) {
        tree.add([...oat, field], 'BASE_TYPE_REQUIRED', 'This field is required');
      } else if ([...value].length > 100) {
        tree.add([...oat, field], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
      }
    }
    if (typeof option.value === 'string') {
      if (values.has(option.value))
        tree.add([...oat, 'value'], 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Duplicate value');
      values.add(option.value);
    }
  });
}

function checkAllowedMentions(tree: ErrorTree, allowed: unknown): void {
  if (allowed === undefined || allowed === null) return;
  if (!isObject(allowed)) {
    tree.add(['allowed_mentions'], 'MODEL_TYPE_CONVERT', 'Must be an object.');
    return;
  }
  const parse = allowed.parse;
  if (parse !== undefined) {
    if (!Array.isArray(parse) || parse.some((p) => !['users', 'roles', 'everyone'].includes(String(p)))) {
      tree.add(
        ['allowed_mentions', 'parse'],
        'BASE_TYPE_CHOICES',
        "Value must be one of {'users', 'roles', 'everyone'}.",
      );
      return;
    }
    for (const kind of ['users', 'roles'] as const) {
      const list = allowed[kind];
      if (parse.includes(kind) && Array.isArray(list) && list.length > 0) {
        tree.add(
          ['allowed_mentions'],
          'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
        );
      }
    }
  }
}

export interface MessageCheckOptions {
  /** Flags a create request may carry; undefined for edits (flags are then only partly applied, never refused). */
  allowedFlags?: number;
}

/** Checks a message create or edit body (content, embeds, components, flags, allowed_mentions). */
export function validateMessageBody(body: Json, options: MessageCheckOptions = {}): FormErrors | null {
  const tree = new ErrorTree();
  tree.text(['content'], body.content, LIMITS.content);
  checkEmbeds(tree, body.embeds);
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (body.flags !== undefined && body.flags !== null && typeof body.flags !== 'number') {
    tree.add(['flags'], 'NUMBER_TYPE_COERCE', 'Value is not int.');
  } else if (options.allowedFlags !== undefined && (flags & ~options.allowedFlags) !== 0) {
    tree.add(['flags'], 'MESSAGE_INVALID_FLAGS', `Invalid flags: ${flags & ~options.allowedFlags}`);
  }
  checkComponents(tree, body.components, flags);
  checkAllowedMentions(tree, body.allowed_mentions);
  return tree.result();
}

/** True when a message would show nothing: Discord answers such a create with 50006. */
export function isEmptyMessage(message: Json, fileCount = 0): boolean {
  const has = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  const content = typeof message.content === 'string' ? message.content.trim() : '';
  return (
    content === '' &&
    !has(message.embeds) &&
    !has(message.components) &&
    !has(message.attachments) &&
    !has(message.sticker_ids) &&
    message.poll === undefined &&
    fileCount === 0
  );
}

/** Checks the `data` of an autocomplete result (callback type 8). */
export function validateAutocompleteData(data: unknown): FormErrors | null {
  const tree = new ErrorTree();
  if (!isObject(data) || !Array.isArray(data.choices)) {
    tree.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return tree.result();
  }
  if (data.choices.length > LIMITS.autocompleteChoices) {
    tree.add(
      ['data', 'choices'],
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${LIMITS.autocompleteChoices} or fewer in length.`,
    );
  }
  data.choices.forEach((choice: unknown, i) => {
    const at = ['data', 'choices', i];
    if (!isObject(choice)) {
      tree.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    tree.text([...at, 'name'], choice.name, LIMITS.choiceName, true);
    if (typeof choice.value === 'string')
      tree.text([...at, 'value'], choice.value, LIMITS.choiceValue, true, 0);
    else if (typeof choice.value !== 'number')
      tree.add([...at, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  return tree.result();
}

/** Checks the `data` of a modal (callback type 9). */
export function validateModalData(data: unknown): FormErrors | null {
  const tree = new ErrorTree();
  if (!isObject(data)) {
    tree.add(['data'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return tree.result();
  }
  tree.text(['data', 'custom_id'], data.custom_id, LIMITS.customId, true);
  tree.text(['data', 'title'], data.title, LIMITS.modalTitle, true);
  if (!Array.isArray(data.components) || data.components.length === 0 || data.components.length > 5) {
    tree.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
  return tree.result();
}

function checkCommandOptions(
  tree: ErrorTree,
  at: Array<string | number>,
  options: unknown,
  depth: number,
): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    tree.add(at, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (options.length > LIMITS.commandOptions) {
    tree.add(at, 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.commandOptions} or fewer in length.`);
  }
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option: unknown, i) => {
    const oat = [...at, i];
    if (!isObject(option)) {
      tree.add(oat, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const type = Number(option.type);
    if (!Number.isInteger(type) || type < 1 || type > 11) {
      tree.add([...oat, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, ..., 11}.');
    }
    checkCommandName(tree, [...oat, 'name'], option.name, true);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        tree.add(
          [...oat, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      }
      names.add(option.name);
    }
    tree.text([...oat, 'description'], option.description, LIMITS.commandDescription, true);
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2)) {
        tree.add([...oat, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands nest too deep');
      }
      if (
        type === 2 &&
        Array.isArray(option.options) &&
        option.options.some((o: unknown) => !isObject(o) || o.type !== 1)
      ) {
        tree.add(
          [...oat, 'options'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'A group holds subcommands only',
        );
      }
      checkCommandOptions(tree, [...oat, 'options'], option.options, depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      tree.add(
        [...oat, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) sawOptional = true;
    if (option.choices !== undefined) {
      if (option.autocomplete === true) {
        tree.add(
          [...oat, 'autocomplete'],
          'AUTOCOMPLETE_CHOICES_EXCLUSIVE',
          'Autocomplete and choices are exclusive',
        );
      }
      if (!Array.isArray(option.choices) || option.choices.length > LIMITS.autocompleteChoices) {
        tree.add(
          [...oat, 'choices'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${LIMITS.autocompleteChoices} or fewer in length.`,
        );
      } else {
        option.choices.forEach((choice: unknown, j) => {
          if (!isObject(choice)) return;
          tree.text([...oat, 'choices', j, 'name'], choice.name, LIMITS.choiceName, true);
          if (typeof choice.value === 'string') {
            tree.text([...oat, 'choices', j, 'value'], choice.value, LIMITS.choiceValue, true);
          }
        });
      }
    }
  });
}

function checkCommandName(
  tree: ErrorTree,
  at: Array<string | number>,
  name: unknown,
  lowercase: boolean,
): void {
  if (typeof name !== 'string' || codePoints(name) > LIMITS.commandName || codePoints(name) < 1) {
    tree.add(at, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${LIMITS.commandName} in length.`);
    return;
  }
  if (lowercase && (!NAME_PATTERN.test(name) || name !== name.toLowerCase())) {
    tree.add(at, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
}

/** `integration_types` ⊆ {0 guild, 1 user}; `contexts` ⊆ {0 guild, 1 bot DM, 2 private channel}; no repeats. */
function checkSubset(tree: ErrorTree, at: Array<string | number>, value: unknown, allowed: number[]): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    tree.add(at, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== 'number' || !allowed.includes(entry))
      tree.add([...at, i], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
  });
  if (new Set(value).size !== value.length) tree.add(at, 'BASE_TYPE_DUPLICATE', 'Values must be unique.');
}

/** Checks a bulk-overwrite body (an array of application commands) or a single command when `single`. */
export function validateCommands(body: unknown, single = false): FormErrors | null {
  const tree = new ErrorTree();
  const list = single ? [body] : body;
  if (!Array.isArray(list)) {
    tree.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return tree.result();
  }
  const seen = new Set<string>();
  list.forEach((command: unknown, i) => {
    const at: Array<string | number> = single ? [] : [i];
    if (!isObject(command)) {
      tree.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const type = command.type === undefined ? 1 : Number(command.type);
    checkCommandName(tree, [...at, 'name'], command.name, type === 1);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) {
      tree.add(
        [...at, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        `Application command names must be unique`,
      );
    }
    seen.add(key);
    if (type === 1) tree.text([...at, 'description'], command.description, LIMITS.commandDescription, true);
    else {
      // User and message commands (types 2, 3) have no description and no options.
      if (typeof command.description === 'string' && command.description !== '')
        tree.add([...at, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Must be empty.');
      if (Array.isArray(command.options) && command.options.length > 0)
        tree.add([...at, 'options'], 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS', 'Must be empty.');
    }
    checkSubset(tree, [...at, 'integration_types'], command.integration_types, [0, 1]);
    checkSubset(tree, [...at, 'contexts'], command.contexts, [0, 1, 2]);
    checkCommandOptions(tree, [...at, 'options'], command.options, 0);
  });
  return tree.result();
}
