import { parse as parseYaml } from 'yaml';
import { slugify } from './slug.js';
import type { Article, Paragraph, Section, SectionHints } from './types.js';

export interface KnowledgeError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export type ParseResult = { ok: true; article: Article } | { ok: false; error: KnowledgeError };

export function formatKnowledgeError(error: KnowledgeError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

const INTRODUCTION_ID = 'introduction';
const INTRODUCTION_HEADING = 'Introduction';
const HINTS_OPEN = /^<!--\s*hints\s*$/;
const HINTS_CLOSE = /^-->\s*$/;

interface DraftSection {
  id: string;
  heading: string;
  line: number;
  paragraphs: string[];
  keywords: string[];
  questions: string[];
}

class KnowledgeParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses one article. Format: optional YAML front matter, `# Title`, paragraphs before the first `##`
 * (section `introduction`), `## Heading` sections, paragraphs separated by blank lines, and optional
 * `<!-- hints ... -->` YAML blocks (keywords, questions) that belong to the section they sit in.
 * Pure: the caller passes the file name (for the article id and error messages) and the text.
 */
export function parseArticle(fileName: string, text: string): ParseResult {
  try {
    return { ok: true, article: parseOrThrow(fileName, text) };
  } catch (error) {
    if (error instanceof KnowledgeParseError) {
      return { ok: false, error: { file: fileName, line: error.line, message: error.message } };
    }
    throw error;
  }
}

function parseOrThrow(fileName: string, text: string): Article {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const articleId = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
  let cursor = 0;
  let frontMatter: Record<string, unknown> = {};

  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    if (end < 0) throw new KnowledgeParseError(1, 'front matter starts with --- but never ends with ---');
    frontMatter = readFrontMatter(lines.slice(1, end).join('\n'));
    cursor = end + 1;
  }

  let title: string | undefined;
  let titleLine = 0;
  const sections: DraftSection[] = [];
  let current: DraftSection | undefined;
  let paragraph: string[] = [];

  const flushParagraph = (): void => {
    if (paragraph.length === 0) return;
    if (!current) {
      current = emptySection(INTRODUCTION_ID, INTRODUCTION_HEADING, titleLine || 1);
      sections.push(current);
    }
    current.paragraphs.push(paragraph.join('\n'));
    paragraph = [];
  };

  for (let index = cursor; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    const trimmed = line.trim();

    if (HINTS_OPEN.test(trimmed)) {
      flushParagraph();
      const close = lines.findIndex((candidate, at) => at > index && HINTS_CLOSE.test(candidate.trim()));
      if (close < 0) throw new KnowledgeParseError(lineNumber, 'hints block is never closed with -->');
      if (!current) {
        current = emptySection(INTRODUCTION_ID, INTRODUCTION_HEADING, lineNumber);
        sections.push(current);
      }
      const hints = readHints(lines.slice(index + 1, close).join('\n'), lineNumber);
      current.keywords.push(...hints.keywords);
      current.questions.push(...hints.questions);
      index = close;
      continue;
    }

    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    if (heading) {
      flushParagraph();
      const level = heading[1]?.length ?? 0;
      const headingText = heading[2] ?? '';
      if (level === 1) {
        if (title !== undefined) throw new KnowledgeParseError(lineNumber, 'a second # title; use ## for sections');
        if (sections.length > 0) throw new KnowledgeParseError(lineNumber, '# title must come before any text');
        title = headingText;
        titleLine = lineNumber;
        continue;
      }
      if (level === 2) {
        const id = slugify(headingText);
        if (!id) throw new KnowledgeParseError(lineNumber, `heading "${headingText}" has no letters or digits`);
        const duplicate = sections.find((section) => section.id === id);
        if (duplicate) {
          throw new KnowledgeParseError(
            lineNumber,
            `duplicate section id "${id}" (first used on line ${duplicate.line})`,
          );
        }
        current = emptySection(id, headingText, lineNumber);
        sections.push(current);
        continue;
      }
      // Deeper headings stay inside their section as text.
    }

    if (trimmed === '') flushParagraph();
    else paragraph.push(trimmed);
  }
  flushParagraph();

  const frontTitle = typeof frontMatter['title'] === 'string' ? frontMatter['title'].trim() : undefined;
  const finalTitle = title ?? frontTitle;
  if (!finalTitle) throw new KnowledgeParseError(1, 'article has no title: add a "# Title" line');
  if (sections.length === 0) throw new KnowledgeParseError(titleLine || 1, 'article has no paragraphs');
  for (const section of sections) {
    if (section.paragraphs.length === 0) {
      throw new KnowledgeParseError(section.line, `section "${section.heading}" is empty`);
    }
  }

  const optionalString = (key: string): string | undefined => {
    const value = frontMatter[key];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };

  return {
    id: articleId,
    title: finalTitle,
    source: optionalString('source'),
    published: optionalString('published'),
    url: optionalString('url'),
    sections: sections.map((draft): Section => {
      const hints: SectionHints = { keywords: draft.keywords, questions: draft.questions };
      const paragraphs = draft.paragraphs.map(
        (paragraphText, at): Paragraph => ({
          id: `${draft.id}/${at + 1}`,
          articleId,
          sectionId: draft.id,
          index: at + 1,
          text: paragraphText,
        }),
      );
      return { id: draft.id, articleId, heading: draft.heading, paragraphs, hints };
    }),
  };
}

function emptySection(id: string, heading: string, line: number): DraftSection {
  return { id, heading, line, paragraphs: [], keywords: [], questions: [] };
}

function readFrontMatter(source: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(source);
  } catch (error) {
    const line = (error as { linePos?: [{ line: number }] }).linePos?.[0]?.line ?? 0;
    throw new KnowledgeParseError(line + 1, `front matter is not valid YAML: ${firstLine(error)}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KnowledgeParseError(2, 'front matter must be a YAML mapping (key: value lines)');
  }
  return value as Record<string, unknown>;
}

function readHints(source: string, line: number): { keywords: string[]; questions: string[] } {
  let value: unknown;
  try {
    value = parseYaml(source);
  } catch (error) {
    throw new KnowledgeParseError(line, `hints block is not valid YAML: ${firstLine(error)}`);
  }
  if (value === null || value === undefined) return { keywords: [], questions: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KnowledgeParseError(line, 'hints block must be a YAML mapping with keywords and questions');
  }
  const record = value as Record<string, unknown>;
  const list = (key: string): string[] => {
    const entry = record[key];
    if (entry === undefined || entry === null) return [];
    if (!Array.isArray(entry) || entry.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
      throw new KnowledgeParseError(line, `hints "${key}" must be a list of strings`);
    }
    return entry.map(String);
  };
  const unknownKeys = Object.keys(record).filter((key) => key !== 'keywords' && key !== 'questions');
  if (unknownKeys.length > 0) {
    throw new KnowledgeParseError(line, `hints block has unknown key(s): ${unknownKeys.join(', ')}`);
  }
  return { keywords: list('keywords'), questions: list('questions') };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
