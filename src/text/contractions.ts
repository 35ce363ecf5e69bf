/**
 * English contractions, on lowercase text with apostrophes unified (see `unifyApostrophes`).
 */

const NEGATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
];

const SUFFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/'m\b/g, ' am'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
];

/**
 * Negations always expand ("won't" → "will not", "don't" → "do not": the "not" matters). The other
 * suffixes either expand ('m → am, 're → are, 've → have, 'll → will, 'd → would) or, with
 * `suffixes: 'drop'`, go together with 's — right for retrieval, where they are stopwords anyway and
 * "'s" may be "is", "has" or a possessive. Other apostrophes are left as they are.
 */
export function expandContractions(text: string, suffixes: 'expand' | 'drop'): string {
  let result = text;
  for (const [pattern, replacement] of NEGATIONS) result = result.replace(pattern, replacement);
  if (suffixes === 'drop') return result.replace(/'(?:s|re|ve|ll|d|m)\b/g, '');
  for (const [pattern, replacement] of SUFFIXES) result = result.replace(pattern, replacement);
  return result;
}
