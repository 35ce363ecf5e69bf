import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The crisis reply, read from `knowledge/safety/crisis-reply.md` so that a server can adapt it.
 *
 * File format (also documented in the file's own header comment):
 *
 *   ---
 *   title: You deserve support right now
 *   ---
 *   <full reply: one or more paragraphs, Markdown allowed>
 *
 *   ## Short
 *   <short public reply>
 *
 * - `title` (YAML front matter) is required.
 * - The full reply (`body`) is everything between the front matter and `## Short`; it must not be empty.
 *   It is meant for the private /ask reply.
 * - `shortBody` is the `## Short` section, meant for the short public reply to a mention; it never
 *   repeats what the person wrote. Without that section the first paragraph of `body` is used.
 * - HTML comments (`<!-- ... -->`) are ignored anywhere; blank lines separate paragraphs.
 * - `body` and `shortBody` must each be at most {@link CRISIS_REPLY_MAX_CHARS} characters.
 */
export interface CrisisReply {
  readonly title: string;
  /** Full text for the private /ask reply. */
  readonly body: string;
  /** Short text for the public reply to a mention. */
  readonly shortBody: string;
}

export type CrisisReplyResult = { ok: true; reply: CrisisReply } | { ok: false; message: string };

/** Discord allows 2000 characters per message; the title and formatting need the rest. */
export const CRISIS_REPLY_MAX_CHARS = 1500;
export const CRISIS_TITLE_MAX_CHARS = 200;

const SHORT_HEADING = /^##\s+short\s*$/i;

/** Pure: parses the text of a crisis reply file. `fileName` is used only in error messages. */
export function parseCrisisReply(fileName: string, text: string): CrisisReplyResult {
  const fail = (problem: string): CrisisReplyResult => ({ ok: false, message: `${fileName}: ${problem}` });

  const withoutComments = text.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/<!--/.test(withoutComments)) return fail('an HTML comment starts with <!-- but never ends with -->');
  const lines = withoutComments.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start < 0 || lines[start]?.trim() !== '---') {
    return fail('missing front matter: the file must start with --- / title: ... / ---');
  }
  const end = lines.findIndex((line, index) => index > start && line.trim() === '---');
  if (end < 0) return fail('front matter starts with --- but never ends with ---');

  let frontMatter: unknown;
  try {
    frontMatter = parseYaml(lines.slice(start + 1, end).join('\n'));
  } catch (error) {
    return fail(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const rawTitle =
    frontMatter !== null && typeof frontMatter === 'object'
      ? (frontMatter as Record<string, unknown>)['title']
      : undefined;
  const title = typeof rawTitle === 'string' ? collapseSpaces(rawTitle) : '';
  if (title === '') return fail('missing title: add "title: ..." to the front matter');
  if (title.length > CRISIS_TITLE_MAX_CHARS) {
    return fail(`title is ${title.length} characters; keep it under ${CRISIS_TITLE_MAX_CHARS}`);
  }

  const rest = lines.slice(end + 1);
  const shortAt = rest.findIndex((line) => SHORT_HEADING.test(line.trim()));
  const bodyLines = shortAt < 0 ? rest : rest.slice(0, shortAt);
  const body = paragraphs(bodyLines).join('\n\n');
  if (body === '') return fail('the reply text is empty: write the full reply below the front matter');

  let shortBody: string;
  if (shortAt < 0) {
    shortBody = paragraphs(bodyLines)[0] ?? '';
  } else {
    shortBody = paragraphs(rest.slice(shortAt + 1)).join('\n\n');
    if (shortBody === '')
      return fail('the "## Short" section is empty: write the short reply or remove the heading');
  }

  if (body.length > CRISIS_REPLY_MAX_CHARS) {
    return fail(`the full reply is ${body.length} characters; keep it under ${CRISIS_REPLY_MAX_CHARS}`);
  }
  if (shortBody.length > CRISIS_REPLY_MAX_CHARS) {
    return fail(`the short reply is ${shortBody.length} characters; keep it under ${CRISIS_REPLY_MAX_CHARS}`);
  }
  return { ok: true, reply: { title, body, shortBody } };
}

/** The only I/O: reads the file and parses it. Never throws. */
export function loadCrisisReply(path: string): CrisisReplyResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read crisis reply ${path}: ${(error as Error).message}` };
  }
  return parseCrisisReply(path, text);
}

/**
 * Built-in copy of the shipped text, for a caller that must still answer a crisis message when the
 * server's file is missing or broken (log the load error, then use this).
 */
export const FALLBACK_CRISIS_REPLY: CrisisReply = Object.freeze({
  title: 'You deserve support right now',
  body: [
    'If you are in danger or might act on thoughts of ending your life, please contact your local emergency services now.',
    "You don't have to go through this alone. You can talk to someone today, for free:",
    '- **US:** call or text **988** (Suicide & Crisis Lifeline).\n- **UK and Ireland:** call Samaritans on **116 123**.\n- **Elsewhere:** find a helpline in your country at https://findahelpline.com.',
    'If you can, consider telling your therapist how you are feeling. They would want to know, and it is exactly what they are there for.',
    "I'm a bot that answers questions about one article, so I can't give you the support you deserve, but the people at these lines can.",
  ].join('\n\n'),
  shortBody:
    'If you are in danger, please contact your local emergency services now. In the US call or text **988**; in the UK and Ireland, Samaritans on **116 123**; elsewhere, https://findahelpline.com. Consider telling your therapist too.',
});

/** Groups lines into paragraphs (blank-line separated); lines inside a paragraph keep their breaks. */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed.trim() === '') {
      if (current.length > 0) out.push(current.join('\n'));
      current = [];
    } else {
      current.push(trimmed.trim());
    }
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
