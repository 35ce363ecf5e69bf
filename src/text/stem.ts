import { stemmer as porterStem } from 'stemmer';

const STEM_CACHE_LIMIT = 20_000;
const stemCache = new Map<string, string>();

/**
 * Porter stem of a lowercase word: joins "boundaries/boundary", "romantic/romantically". Words of three
 * letters or fewer and words with digits stay as written ("adhd", "2025s"). Cached (bounded) because
 * words repeat a lot.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = word.length <= 3 || /\d/.test(word) ? word : porterStem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
}
