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
 *   ## Someone else
 *   <reply when the danger is to someone the person talks about: how to help, and the resources>
 *
 *   ## Concern
 *   <one short, calm line added under an ordinary answer when a message shows distress>
 *
 * - `title` (YAML front matter) is required.
 * - The full reply (`body`) is everything between the front matter and the first `##` section; it must
 *   not be empty. It is meant for the private /ask reply.
 * - `shortBody` is the `## Short` section, meant for the short public reply to a mention; it never
 *   repeats what the person wrote. Without that section the first paragraph of `body` is used.
 * - `otherBody` is the `## Someone else` section; without it, built-in guidance on helping someone is
 *   followed by the short reply (so the server's own numbers are kept).
 * - `concernLine` is the `## Concern` section (one paragraph, at most {@link CONCERN_LINE_MAX_CHARS}
 *   characters); without it a built-in line is used.
 * - HTML comments (`<!-- ... -->`) are ignored anywhere; blank lines separate paragraphs.
 * - Every reply must be at most {@link CRISIS_REPLY_MAX_CHARS} characters.
 */
export interface CrisisReply {
  readonly title: string;
  /** Full text for the private /ask reply. */
  readonly body: string;
  /** Short text for the public reply to a mention. */
  readonly shortBody: string;
  /** When someone the person talks about is in danger: how to help, and the same resources. */
  readonly otherBody: string;
  /** One calm line under an ordinary answer when the message shows distress. */
  readonly concernLine: string;
}

export type CrisisReplyResult = { ok: true; reply: CrisisReply } | { ok: false; message: string };

/** Discord allows 2000 characters per message; the title and formatting need the rest. */
export const CRISIS_REPLY_MAX_CHARS = 1500;
export const CRISIS_TITLE_MAX_CHARS = 200;
/** The concern line sits under an answer: it must stay one short line. */
export const CONCERN_LINE_MAX_CHARS = 300;

const SECTION_HEADING = /^##\s+(.*?)\s*$/;
const SECTIONS = { short: 'Short', 'someone else': 'Someone else', concern: 'Concern' } as const;
type SectionKey = keyof typeof SECTIONS;

/** Guidance for helping another person; the server's own resources (the short reply) follow it. */
const HELPING_SOMEONE = [
  'It sounds like someone you care about may be in danger. If they might act on it now, contact your local emergency services.',
  'If you can, reach out to them: ask them directly whether they are thinking about suicide (asking does not put the idea in their head), listen without judging, and help them reach one of the lines below. You do not have to handle this alone, and looking after yourself matters too.',
].join('\n\n');

const DEFAULT_CONCERN_LINE =
  'If things feel heavy right now, you do not have to carry it alone: https://findahelpline.com lists free, confidential support lines.';

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
  const sections = new Map<SectionKey, string[]>();
  const bodyLines: string[] = [];
  let current = bodyLines;
  for (const line of rest) {
    const heading = SECTION_HEADING.exec(line.trim());
    if (heading) {
      const key = (heading[1] ?? '').toLowerCase() as SectionKey;
      if (!(key in SECTIONS)) {
        return fail(`unknown section "## ${heading[1] ?? ''}": use ## Short, ## Someone else or ## Concern`);
      }
      if (sections.has(key)) return fail(`the "## ${SECTIONS[key]}" section appears twice`);
      current = [];
      sections.set(key, current);
      continue;
    }
    current.push(line);
  }
  const body = paragraphs(bodyLines).join('\n\n');
  if (body === '') return fail('the reply text is empty: write the full reply below the front matter');

  const sectionText = (key: SectionKey): string | undefined => {
    const sectionLines = sections.get(key);
    return sectionLines === undefined ? undefined : paragraphs(sectionLines).join('\n\n');
  };
  for (const key of sections.keys()) {
    if (sectionText(key) === '') {
      return fail(`the "## ${SECTIONS[key]}" section is empty: write its text or remove the heading`);
    }
  }
  const shortBody = sectionText('short') ?? paragraphs(bodyLines)[0] ?? '';
  const otherBody = sectionText('someone else') ?? `${HELPING_SOMEONE}\n\n${shortBody}`;
  const concernLine = collapseSpaces(sectionText('concern') ?? DEFAULT_CONCERN_LINE);

  for (const [name, text] of [
    ['full reply', body],
    ['short reply', shortBody],
    ['"Someone else" reply', otherBody],
  ] as const) {
    if (text.length > CRISIS_REPLY_MAX_CHARS) {
      return fail(`the ${name} is ${text.length} characters; keep it under ${CRISIS_REPLY_MAX_CHARS}`);
    }
  }
  if (concernLine.length > CONCERN_LINE_MAX_CHARS) {
    return fail(
      `the "Concern" line is ${concernLine.length} characters; keep it under ${CONCERN_LINE_MAX_CHARS}`,
    );
  }
  return { ok: true, reply: { title, body, shortBody, otherBody, concernLine } };
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
const FALLBACK_SHORT =
  'If you are in danger, please contact your local emergency services now. In the US call or text **988**; in the UK and Ireland, Samaritans on **116 123**; elsewhere, https://findahelpline.com. Consider telling your therapist too.';

export const FALLBACK_CRISIS_REPLY: CrisisReply = Object.freeze({
  title: 'You deserve support right now',
  body: [
    'If you are in danger or might act on thoughts of ending your life, please contact your local emergency services now.',
    "You don't have to go through this alone. You can talk to someone today, for free:",
    '- **US:** call or text **988** (Suicide & Crisis Lifeline).\n- **UK and Ireland:** call Samaritans on **116 123**.\n- **Elsewhere:** find a helpline in your country at https://findahelpline.com.',
    'If you can, consider telling your therapist how you are feeling. They would want to know, and it is exactly what they are there for.',
    "I'm a bot that answers questions about one article, so I can't give you the support you deserve, but the people at these lines can.",
  ].join('\n\n'),
  shortBody: FALLBACK_SHORT,
  otherBody: [
    'It sounds like someone you care about may be in danger. If they might act on it now, contact your local emergency services.',
    'If you can, reach out to them: ask them directly whether they are thinking about suicide (asking does not put the idea in their head), listen without judging, stay with them or keep talking if you can, and help them contact one of these lines. You can call a line yourself to ask how to help:',
    '- **US:** call or text **988** (Suicide & Crisis Lifeline).\n- **UK and Ireland:** call Samaritans on **116 123**.\n- **Elsewhere:** find a helpline in your country at https://findahelpline.com.',
    "You don't have to handle this alone, and looking after yourself matters too.",
  ].join('\n\n'),
  concernLine:
    "If things feel heavy right now, you don't have to carry it alone: in the US call or text **988**, in the UK and Ireland call Samaritans on **116 123**, elsewhere see https://findahelpline.com.",
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
