import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { KnowledgeBase, Paragraph } from '../../src/knowledge/types.js';
import { createEngine, type EngineOptions } from '../../src/engine/engine.js';

export interface RankedParagraph {
  readonly articleId: string;
  readonly sectionId: string;
  readonly paragraphId: string;
}

/** What the eval and the bench need from any engine: ranked paragraphs, or none (abstain). */
export interface Retriever {
  readonly name: string;
  /** Best first; empty means the retriever abstains. */
  rank(question: string): readonly RankedParagraph[];
}

/** The same knowledge with every section's hints removed: what a server's new article looks like. */
export function withoutHints(knowledge: KnowledgeBase): KnowledgeBase {
  return {
    ...knowledge,
    articles: knowledge.articles.map((article) => ({
      ...article,
      sections: article.sections.map((section) => ({ ...section, hints: { keywords: [], questions: [] } })),
    })),
  };
}

export function allParagraphs(knowledge: KnowledgeBase): Paragraph[] {
  return knowledge.articles.flatMap((article) => article.sections.flatMap((section) => section.paragraphs));
}

export function ourEngine(
  knowledge: KnowledgeBase,
  options?: EngineOptions,
  name = 'boundary-bot engine',
): Retriever {
  const engine = createEngine(knowledge, options);
  return {
    name,
    rank(question) {
      const result = engine.answer(question);
      if (result.kind === 'no-match') return [];
      return [result, ...result.alternatives];
    },
  };
}

/** The naive baseline: the whole question as one Fuse pattern over paragraph text (Fuse's defaults). */
export function plainFuse(knowledge: KnowledgeBase): Retriever {
  const fuse = new Fuse(allParagraphs(knowledge), { keys: ['text'], includeScore: true });
  return {
    name: 'plain Fuse.js',
    rank: (question) => fuse.search(question, { limit: 4 }).map((hit) => rankedParagraph(hit.item)),
  };
}

/** MiniSearch: BM25 with fuzzy and prefix matching, its documented setup for search-as-you-type. */
export function miniSearch(knowledge: KnowledgeBase): Retriever {
  const paragraphs = allParagraphs(knowledge);
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(paragraphs.map((paragraph, id) => ({ id, text: paragraph.text })));
  return {
    name: 'MiniSearch (BM25, fuzzy + prefix)',
    rank: (question) =>
      index
        .search(question)
        .slice(0, 4)
        .map((hit) => rankedParagraph(paragraphs[hit.id as number] as Paragraph)),
  };
}

function rankedParagraph(paragraph: Paragraph): RankedParagraph {
  return { articleId: paragraph.articleId, sectionId: paragraph.sectionId, paragraphId: paragraph.id };
}
