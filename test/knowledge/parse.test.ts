import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, parseArticle, type ParseResult } from '../../src/knowledge/parse.js';
import type { Article } from '../../src/knowledge/types.js';

const FILE = 'knowledge/sample-article.md';

function parsed(text: string): Article {
  const result = parseArticle(FILE, text);
  if (!result.ok) throw new Error(`expected a parsed article, got ${formatKnowledgeError(result.error)}`);
  return result.article;
}

function failure(result: ParseResult): { file: string; line: number; message: string } {
  if (result.ok) throw new Error('expected a parse error, got an article');
  return result.error;
}

const SAMPLE = `---
title: Front Matter Title
source: HealthHub
published: 2025-01-16
---

# Sample Article

The introduction, first paragraph.

The introduction, second paragraph.

## Patient-Centered Focus

<!-- hints
keywords: [focus, my time]
questions:
  - Should the session be about me?
-->

Focus paragraph one
continues on the next line.

## Crème Brûlée & Co.

A heading with accents and symbols.
`;

describe('parseArticle: the knowledge format', () => {
  it('GIVEN front matter THEN source and published are read, and the # line is the title', () => {
    const article = parsed(SAMPLE);
    expect(article.title).toBe('Sample Article');
    expect(article.source).toBe('HealthHub');
    expect(article.published).toBe('2025-01-16');
  });

  it('GIVEN a file path THEN the article id is the file name without .md', () => {
    expect(parsed(SAMPLE).id).toBe('sample-article');
  });

  it('GIVEN paragraphs before the first ## THEN they form the introduction section', () => {
    const [introduction] = parsed(SAMPLE).sections;
    expect(introduction?.id).toBe('introduction');
    expect(introduction?.heading).toBe('Introduction');
    expect(introduction?.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'The introduction, first paragraph.',
      'The introduction, second paragraph.',
    ]);
  });

  it('GIVEN ## headings THEN section ids are slugs of the headings', () => {
    expect(parsed(SAMPLE).sections.map((section) => section.id)).toEqual([
      'introduction',
      'patient-centered-focus',
      'creme-brulee-co',
    ]);
  });

  it('GIVEN paragraphs THEN their ids are <section>/<n> counting from 1, with article and section ids', () => {
    const article = parsed(SAMPLE);
    const introduction = article.sections[0];
    expect(introduction?.paragraphs.map((paragraph) => paragraph.id)).toEqual([
      'introduction/1',
      'introduction/2',
    ]);
    const focus = article.sections[1]?.paragraphs[0];
    expect(focus).toMatchObject({
      id: 'patient-centered-focus/1',
      articleId: 'sample-article',
      sectionId: 'patient-centered-focus',
      index: 1,
    });
  });

  it('GIVEN a paragraph over several lines THEN its lines are kept together', () => {
    expect(parsed(SAMPLE).sections[1]?.paragraphs[0]?.text).toBe(
      'Focus paragraph one\ncontinues on the next line.',
    );
  });

  it('GIVEN a hints block THEN its keywords and questions belong to its section and never to the text', () => {
    const focus = parsed(SAMPLE).sections[1];
    expect(focus?.hints).toEqual({ keywords: ['focus', 'my time'], questions: ['Should the session be about me?'] });
    expect(focus?.paragraphs).toHaveLength(1);
    expect(focus?.paragraphs[0]?.text).not.toContain('hints');
  });

  it('GIVEN a section without hints THEN its hints are empty lists', () => {
    expect(parsed(SAMPLE).sections[2]?.hints).toEqual({ keywords: [], questions: [] });
  });

  it('GIVEN no # line but a front-matter title THEN the front-matter title is used', () => {
    expect(parsed('---\ntitle: Only In Front Matter\n---\n\nSome text.\n').title).toBe('Only In Front Matter');
  });

  it('GIVEN Windows line endings and a byte-order mark THEN the article parses the same', () => {
    const windows = parsed(`\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`);
    expect(windows.sections.map((section) => section.paragraphs.map((paragraph) => paragraph.text))).toEqual(
      parsed(SAMPLE).sections.map((section) => section.paragraphs.map((paragraph) => paragraph.text)),
    );
  });
});

describe('parseArticle: errors name the file and the line', () => {
  it('GIVEN no title anywhere THEN it fails on line 1', () => {
    const error = failure(parseArticle(FILE, 'Just a paragraph.\n'));
    expect(error).toMatchObject({ file: FILE, line: 1 });
    expect(error.message).toMatch(/no title/);
  });

  it('GIVEN a section with no paragraphs THEN it fails on the heading line', () => {
    const error = failure(parseArticle(FILE, '# Title\n\nIntro.\n\n## Empty One\n\n## Full\n\nText.\n'));
    expect(error).toMatchObject({ file: FILE, line: 5 });
    expect(error.message).toMatch(/"Empty One" is empty/);
  });

  it('GIVEN two headings with the same slug THEN it fails on the second, naming the first', () => {
    const error = failure(parseArticle(FILE, '# Title\n\n## Same Name\n\nOne.\n\n## same  name!\n\nTwo.\n'));
    expect(error.line).toBe(7);
    expect(error.message).toMatch(/duplicate section id "same-name" \(first used on line 3\)/);
  });

  it('GIVEN front matter that is not YAML THEN it fails inside the front matter', () => {
    const error = failure(parseArticle(FILE, '---\ntitle: [unclosed\n---\n\n# Title\n\nText.\n'));
    expect(error.file).toBe(FILE);
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.line).toBeLessThanOrEqual(3);
    expect(error.message).toMatch(/front matter is not valid YAML/);
  });

  it('GIVEN front matter that never closes THEN it fails on line 1', () => {
    const error = failure(parseArticle(FILE, '---\ntitle: x\n\n# Title\n\nText.\n'));
    expect(error).toMatchObject({ line: 1 });
    expect(error.message).toMatch(/never ends/);
  });

  it('GIVEN a hints block that is never closed THEN it fails on the line that opens it', () => {
    const error = failure(parseArticle(FILE, '# Title\n\nIntro.\n\n## Part\n\n<!-- hints\nkeywords: [a]\n\nText.\n'));
    expect(error).toMatchObject({ file: FILE, line: 7 });
    expect(error.message).toMatch(/never closed/);
  });

  it('GIVEN a hints block with an unknown key THEN it fails and names the key', () => {
    const error = failure(parseArticle(FILE, '# Title\n\n<!-- hints\nkeyword: [typo]\n-->\n\nText.\n'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/unknown key\(s\): keyword/);
  });

  it('GIVEN an error THEN formatKnowledgeError reads file:line: message', () => {
    expect(formatKnowledgeError({ file: FILE, line: 4, message: 'boom' })).toBe(`${FILE}:4: boom`);
  });
});
