import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatKnowledgeError, parseArticle } from './parse.js';
import type { KnowledgeBase } from './types.js';

export type LoadResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; message: string };

/** Every top-level `.md` file in the folder is an article; subfolders hold other texts (e.g. safety/). */
export function loadKnowledge(directory: string): LoadResult {
  let files: string[];
  try {
    files = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
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
  return { ok: true, knowledge: { articles } };
}
