import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Article } from '../../src/knowledge/types.js';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
// In CI the shared folder sits next to the repository, not inside it.
const SOURCE = join(REPO_ROOT, '..', 'shared', 'source', 'article-therapist-wellbeing.txt');

const EXPECTED_SECTIONS = [
  'introduction',
  'the-client-therapist-dynamic',
  'patient-centered-focus',
  'boundaries-and-professional-norms',
  'initial-well-being-inquiry',
  'examples-and-precautions',
  'handling-unwanted-attention',
  'conclusion',
];

function shippedArticle(): Article {
  const loaded = loadKnowledge(join(REPO_ROOT, 'knowledge'));
  if (!loaded.ok) throw new Error(loaded.message);
  const article = loaded.knowledge.articles.find((candidate) => candidate.id === 'therapist-wellbeing');
  if (!article) throw new Error('knowledge/therapist-wellbeing.md is missing');
  return article;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('the shipped article (knowledge/therapist-wellbeing.md)', () => {
  it('GIVEN the knowledge folder THEN it loads without errors', () => {
    expect(loadKnowledge(join(REPO_ROOT, 'knowledge')).ok).toBe(true);
  });

  it('GIVEN the article THEN its title, source and publication date are the original ones', () => {
    const article = shippedArticle();
    expect(article.title).toBe('Is It Appropriate to Ask Your Therapist About Their Well-being?');
    expect(article.source).toBe('HealthHub');
    expect(article.published).toBe('2025-01-16');
  });

  it('GIVEN the article THEN it has the 8 expected sections in order, one paragraph each', () => {
    const article = shippedArticle();
    expect(article.sections.map((section) => section.id)).toEqual(EXPECTED_SECTIONS);
    for (const section of article.sections) expect(section.paragraphs.map((p) => p.id)).toEqual([`${section.id}/1`]);
  });

  it('GIVEN every section THEN it carries curated hints (keywords and example questions)', () => {
    for (const section of shippedArticle().sections) {
      expect(section.hints.keywords.length, section.id).toBeGreaterThan(0);
      expect(section.hints.questions.length, section.id).toBeGreaterThan(0);
    }
  });

  it('GIVEN the hints THEN none of their text leaks into a paragraph', () => {
    for (const section of shippedArticle().sections) {
      for (const paragraph of section.paragraphs) {
        expect(paragraph.text).not.toMatch(/<!--|-->|keywords:|questions:/);
      }
    }
  });

  it.skipIf(!existsSync(SOURCE))(
    'GIVEN the source text in ../shared/source THEN every paragraph matches it word for word (skipped when the source file is absent)',
    () => {
      const lines = readFileSync(SOURCE, 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const article = shippedArticle();
      for (const section of article.sections) {
        // Each section of the source is a heading line followed by its paragraph; the introduction
        // follows the last repetition of the title.
        const heading = section.id === 'introduction' ? article.title : section.heading;
        const at = lines.lastIndexOf(heading);
        expect(at, `heading "${heading}" in the source`).toBeGreaterThanOrEqual(0);
        const sourceParagraph = lines[at + 1] ?? '';
        expect(collapse(section.paragraphs[0]?.text ?? ''), section.id).toBe(collapse(sourceParagraph));
      }
    },
  );
});
