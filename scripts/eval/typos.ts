import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { isPlainStopword } from './bm25.js';
import type { AnswerableCase } from './evaluate.js';
import { mulberry32 } from './generate-knowledge.js';

/**
 * The generated typo set: every answerable question of a set rewritten the way people mistype, with a
 * fixed seed so every run sees the same variants.
 *
 * - `1-edit`: one edit (insert, delete, substitute, transpose) in one content word of 4+ letters.
 * - `2-edit`: two edits, in two different content words when the question has two, else in one.
 * - `compound`: a compound of the knowledge (a hyphenated word in an article, "well-being") written
 *   joined ("wellbeing"), split ("well being") or hyphenated, whichever forms the question does not use.
 *
 * Edits leave the first letter alone (people rarely mistype it) and substitute or insert a neighbouring
 * key on a QWERTY keyboard, as fingers slip.
 */
export type TypoKind = '1-edit' | '2-edit' | 'compound';

export interface TypoCase extends AnswerableCase {
  readonly kind: TypoKind;
  readonly original: string;
}

const VARIANTS_PER_QUESTION = 3;
const MIN_EDITED_LENGTH = 4;

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, string>();
KEYBOARD_ROWS.forEach((row, rowIndex) => {
  for (let at = 0; at < row.length; at++) {
    const near: string[] = [row[at - 1] ?? '', row[at + 1] ?? ''];
    for (const other of [KEYBOARD_ROWS[rowIndex - 1], KEYBOARD_ROWS[rowIndex + 1]]) {
      if (other) near.push(other[at - 1] ?? '', other[at] ?? '', other[at + 1] ?? '');
    }
    NEIGHBOURS.set(row[at] as string, near.filter(Boolean).join(''));
  }
});

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function neighbour(random: Random, letter: string): string {
  const near = NEIGHBOURS.get(letter);
  return near ? pick(random, [...near]) : 'e';
}

/** One edit somewhere after the first letter. */
export function editWord(word: string, random: Random): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const operation = pick(random, ['insert', 'delete', 'substitute', 'transpose'] as const);
    const at = 1 + Math.floor(random() * (word.length - 1));
    const letter = word[at] ?? '';
    let edited = word;
    if (operation === 'insert') edited = word.slice(0, at) + neighbour(random, letter) + word.slice(at);
    else if (operation === 'delete') edited = word.slice(0, at) + word.slice(at + 1);
    else if (operation === 'substitute')
      edited = word.slice(0, at) + neighbour(random, letter) + word.slice(at + 1);
    else if (at + 1 < word.length)
      edited = word.slice(0, at) + (word[at + 1] ?? '') + letter + word.slice(at + 2);
    if (edited !== word) return edited;
  }
  return `${word}${word.at(-1) ?? ''}`;
}

interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

function contentWords(question: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of question.matchAll(/[A-Za-z]+/g)) {
    const word = match[0];
    if (word.length < MIN_EDITED_LENGTH || isPlainStopword(word.toLowerCase())) continue;
    spans.push({ start: match.index, end: match.index + word.length, word });
  }
  return spans;
}

function replaceSpans(question: string, replacements: ReadonlyMap<WordSpan, string>): string {
  let result = question;
  const ordered = [...replacements].sort((left, right) => right[0].start - left[0].start);
  for (const [span, text] of ordered) result = result.slice(0, span.start) + text + result.slice(span.end);
  return result;
}

function withEdits(question: string, edits: number, random: Random): string | undefined {
  const spans = contentWords(question);
  if (spans.length === 0) return undefined;
  const chosen = new Map<WordSpan, string>();
  if (edits === 2 && spans.length >= 2) {
    const first = pick(random, spans);
    const second = pick(
      random,
      spans.filter((span) => span !== first),
    );
    chosen.set(first, editWord(first.word, random));
    chosen.set(second, editWord(second.word, random));
  } else {
    const span = pick(random, spans);
    let word = span.word;
    for (let count = 0; count < edits; count++) word = editWord(word, random);
    chosen.set(span, word);
  }
  return replaceSpans(question, chosen);
}

/** Compounds the knowledge writes with a hyphen ("well-being"), as pairs of lowercase parts. */
export function knowledgeCompounds(knowledge: KnowledgeBase): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const article of knowledge.articles) {
    for (const section of article.sections) {
      const texts = [section.heading, ...section.paragraphs.map((paragraph) => paragraph.text)];
      for (const text of texts) {
        for (const match of text.toLowerCase().matchAll(/\b([a-z]{2,})-([a-z]{2,})\b/g)) {
          const pair: [string, string] = [match[1] as string, match[2] as string];
          seen.set(pair.join('-'), pair);
        }
      }
    }
  }
  return [...seen.values()].sort((left, right) => left.join('-').localeCompare(right.join('-')));
}

function compoundVariants(question: string, compounds: readonly [string, string][]): string[] {
  const variants = new Set<string>();
  for (const [left, right] of compounds) {
    const forms = [`${left}-${right}`, `${left} ${right}`, `${left}${right}`];
    const pattern = new RegExp(`\\b${left}(?:-| )?${right}\\b`, 'gi');
    if (!pattern.test(question)) continue;
    for (const form of forms) {
      const variant = question.replace(pattern, form);
      if (variant !== question) variants.add(variant);
    }
  }
  return [...variants];
}

export function generateTypoSet(
  questions: readonly AnswerableCase[],
  compounds: readonly [string, string][],
  seed = 9,
): TypoCase[] {
  const cases: TypoCase[] = [];
  questions.forEach((item, index) => {
    for (const edits of [1, 2] as const) {
      const seen = new Set<string>([item.question]);
      for (let variant = 0; variant < VARIANTS_PER_QUESTION; variant++) {
        const random = mulberry32(seed * 1_000_003 + index * 101 + edits * 11 + variant);
        const question = withEdits(item.question, edits, random);
        if (question === undefined || seen.has(question)) continue;
        seen.add(question);
        cases.push({ ...item, question, original: item.question, kind: `${edits}-edit` });
      }
    }
    for (const question of compoundVariants(item.question, compounds)) {
      cases.push({ ...item, question, original: item.question, kind: 'compound' });
    }
  });
  return cases;
}
