import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatKnowledgeError, parseArticle } from './parse.js';
import type { KnowledgeBase } from './types.js';
import { mergeVocabularies, parseVocabulary, type Vocabulary } from './vocabulary.js';

const SHARED_VOCABULARY = 'vocabulary.yaml';
const ARTICLE_VOCABULARY = /^(.+)\.vocabulary\.ya?ml$/i;

export type LoadResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; message: string };

/**
 * Every top-level `.md` file in the folder is an article; subfolders hold other texts (e.g. safety/).
 * `vocabulary.yaml` (optional) is the domain vocabulary for every article, `<article-id>.vocabulary.yaml`
 * adds to it for one article.
 */
export function loadKnowledge(directory: string): LoadResult {
  let files: string[];
  let allFiles: string[];
  try {
    allFiles = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
    files = allFiles.filter((name) => name.toLowerCase().endsWith('.md'));
  } catch (error) {
    return { ok: false, message: `cannot read knowledge folder ${directory}: ${(error as Error).message}` };
  }
  if (files.length === 0) return { ok: false, message: `knowledge folder ${directory} has no .md articles` };

  const articles = [];
  for (const file of files) {
    const path = join(directory, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return { ok: false, message: `cannot read ${path}: ${(error as Error).message}` };
    }
    const parsed = parseArticle(path, text);
    if (!parsed.ok) return { ok: false, message: formatKnowledgeError(parsed.error) };
    articles.push(parsed.article);
  }
  const ids = new Set<string>();
  for (const article of articles) {
    if (ids.has(article.id)) return { ok: false, message: `two articles share the id "${article.id}"` };
    ids.add(article.id);
  }
  const vocabulary = loadVocabulary(directory, allFiles, ids);
  if (!vocabulary.ok) return vocabulary;
  return {
    ok: true,
    knowledge: vocabulary.vocabulary ? { articles, vocabulary: vocabulary.vocabulary } : { articles },
  };
}

function loadVocabulary(
  directory: string,
  files: readonly string[],
  articleIds: ReadonlySet<string>,
): { ok: true; vocabulary: Vocabulary | undefined } | { ok: false; message: string } {
  const chosen = files.filter((name) => name === SHARED_VOCABULARY || ARTICLE_VOCABULARY.test(name));
  if (chosen.length === 0) return { ok: true, vocabulary: undefined };
  // The shared file first, then per-article additions in name order.
  chosen.sort((left, right) => Number(right === SHARED_VOCABULARY) - Number(left === SHARED_VOCABULARY));
  const parts: { file: string; vocabulary: Vocabulary }[] = [];
  for (const name of chosen) {
    const path = join(directory, name);
    const articleId = name === SHARED_VOCABULARY ? undefined : ARTICLE_VOCABULARY.exec(name)?.[1];
    if (articleId !== undefined && !articleIds.has(articleId)) {
      return { ok: false, message: `${path}:1: no article "${articleId}.md" for this vocabulary file` };
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return { ok: false, message: `cannot read ${path}: ${(error as Error).message}` };
    }
    const parsed = parseVocabulary(path, text);
    if (!parsed.ok) return { ok: false, message: formatKnowledgeError(parsed.error) };
    parts.push({ file: path, vocabulary: parsed.vocabulary });
  }
  const merged = mergeVocabularies(parts);
  return merged.ok ? { ok: true, vocabulary: merged.vocabulary } : merged;
}
