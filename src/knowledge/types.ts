import type { Vocabulary } from './vocabulary.js';

/** Curated retrieval hints for one section; they never appear in answers. */
export interface SectionHints {
  readonly keywords: readonly string[];
  readonly questions: readonly string[];
}

export interface Paragraph {
  /** `<section-id>/<n>`, n counting from 1 within the section. */
  readonly id: string;
  readonly articleId: string;
  readonly sectionId: string;
  /** 1-based position inside its section. */
  readonly index: number;
  readonly text: string;
}

export interface Section {
  /** Slug of the heading; `introduction` for the paragraphs before the first `##`. */
  readonly id: string;
  readonly articleId: string;
  readonly heading: string;
  readonly paragraphs: readonly Paragraph[];
  readonly hints: SectionHints;
}

export interface Article {
  /** File name without `.md`. */
  readonly id: string;
  readonly title: string;
  readonly source?: string;
  readonly published?: string;
  readonly url?: string;
  readonly sections: readonly Section[];
}

export interface KnowledgeBase {
  readonly articles: readonly Article[];
  /** The domain vocabulary (`vocabulary.yaml`); none means the engine matches words only. */
  readonly vocabulary?: Vocabulary;
}
