import type { AnswerEngine } from '../engine/engine.js';

export interface SectionTarget {
  readonly articleId: string;
  readonly sectionId?: string;
}

/** Autocomplete values are `<articleId>:<sectionId>`; typed text may also be a heading or a section id. */
export function resolveSection(engine: AnswerEngine, value: string): SectionTarget | undefined {
  const [articleId, sectionId] = value.split(':');
  if (articleId && sectionId && engine.findSection(articleId, sectionId)) return { articleId, sectionId };
  const match = findSections(engine, value)[0];
  return match ? { articleId: match.articleId, sectionId: match.sectionId } : undefined;
}

export interface SectionChoice {
  readonly articleId: string;
  readonly sectionId: string;
  readonly label: string;
  readonly value: string;
}

/** Sections whose heading or id contains what was typed; all of them, in article order, for empty input. */
export function findSections(engine: AnswerEngine, typed: string): SectionChoice[] {
  const needle = typed.trim().toLowerCase();
  const multipleArticles = engine.knowledge.articles.length > 1;
  return engine.knowledge.articles.flatMap((article) =>
    article.sections
      .filter(
        (section) =>
          !needle ||
          section.heading.toLowerCase().includes(needle) ||
          section.id.includes(needle.replace(/\s+/g, '-')),
      )
      .map((section) => ({
        articleId: article.id,
        sectionId: section.id,
        label: multipleArticles ? `${section.heading} — ${article.title}` : section.heading,
        value: `${article.id}:${section.id}`,
      })),
  );
}
