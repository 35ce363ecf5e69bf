import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { KnowledgeError } from './parse.js';

/**
 * The domain vocabulary of a knowledge folder: `vocabulary.yaml` for every article, plus optional
 * `<article-id>.vocabulary.yaml` additions. The engine knows no domain words of its own; everything
 * that says "a shrink is a therapist" or "insurance is a topic we do not cover" lives here.
 *
 *   filler: [lol, tbh, ...]            words that carry no topic in a question
 *   groups:
 *     therapist:                       a group: words and phrases that name one idea
 *       role: setting                  optional: topic (default), setting, anchor or other (see README)
 *       terms: [therapist, shrink, my t, how * is doing]
 *   out_of_scope:                      topics a question may raise that no article covers
 *     costs: [insurance, copay, ...]   (a topic is covered as soon as an article's text uses one term)
 */
export type GroupRole = 'topic' | 'setting' | 'anchor' | 'other';

export interface VocabularyGroup {
  readonly name: string;
  readonly role: GroupRole;
  readonly terms: readonly string[];
}

export interface Vocabulary {
  readonly groups: readonly VocabularyGroup[];
  readonly filler: readonly string[];
  readonly outOfScope: readonly OutOfScopeTopic[];
}

export interface OutOfScopeTopic {
  readonly topic: string;
  readonly terms: readonly string[];
}

export const EMPTY_VOCABULARY: Vocabulary = { groups: [], filler: [], outOfScope: [] };

export type VocabularyResult = { ok: true; vocabulary: Vocabulary } | { ok: false; error: KnowledgeError };

const ROLES: readonly GroupRole[] = ['topic', 'setting', 'anchor', 'other'];
const GROUP_NAME = /^[a-z0-9][a-z0-9-]*$/;
const WILDCARD = '*';

class VocabularyError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses and validates one vocabulary file; errors name the file and the line. Pure. */
export function parseVocabulary(file: string, text: string): VocabularyResult {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lines.linePos(node.range[0]).line : 1;
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line ?? 1;
    return { ok: false, error: { file, line, message: `not valid YAML: ${firstError.message.split('\n')[0]}` } };
  }
  try {
    const root = document.contents;
    if (root === null || root === undefined) return { ok: true, vocabulary: EMPTY_VOCABULARY };
    if (!isMap(root)) throw new VocabularyError(lineOf(root), 'the vocabulary must be a mapping (filler, groups, out_of_scope)');
    let filler: string[] = [];
    let outOfScope: OutOfScopeTopic[] = [];
    const groups: VocabularyGroup[] = [];
    for (const pair of root.items as Pair<Node, Node>[]) {
      const key = scalarText(pair.key);
      if (key === 'filler') {
        filler = stringList(pair.value, 'filler', lineOf);
        for (const [at, word] of filler.entries()) {
          if (/\s/.test(word)) throw new VocabularyError(itemLine(pair.value, at, lineOf), `filler "${word}" must be one word`);
        }
      } else if (key === 'out_of_scope') {
        outOfScope = readTopics(pair.value, lineOf);
      } else if (key === 'groups') {
        groups.push(...readGroups(pair.value, lineOf));
      } else {
        throw new VocabularyError(lineOf(pair.key), `unknown key "${key}": use filler, groups or out_of_scope`);
      }
    }
    return { ok: true, vocabulary: { groups, filler, outOfScope } };
  } catch (error) {
    if (error instanceof VocabularyError) return { ok: false, error: { file, line: error.line, message: error.message } };
    throw error;
  }
}

function readGroups(node: Node | null, lineOf: (node: Node | null | undefined) => number): VocabularyGroup[] {
  if (!isMap(node)) throw new VocabularyError(lineOf(node), 'groups must be a mapping of group name to {terms, role}');
  const groups: VocabularyGroup[] = [];
  for (const pair of node.items as Pair<Node, Node>[]) {
    const name = scalarText(pair.key);
    const line = lineOf(pair.key);
    if (!GROUP_NAME.test(name)) {
      throw new VocabularyError(line, `group name "${name}" must be lowercase letters, digits and dashes`);
    }
    if (!isMap(pair.value)) throw new VocabularyError(line, `group "${name}" must be a mapping with terms (and optional role)`);
    let role: GroupRole = 'topic';
    let terms: string[] | undefined;
    for (const field of pair.value.items as Pair<Node, Node>[]) {
      const key = scalarText(field.key);
      if (key === 'role') {
        const value = scalarText(field.value);
        if (!(ROLES as readonly string[]).includes(value)) {
          throw new VocabularyError(lineOf(field.value), `group "${name}": role must be one of ${ROLES.join(', ')}`);
        }
        role = value as GroupRole;
      } else if (key === 'terms') {
        terms = stringList(field.value, `group "${name}" terms`, lineOf);
        const seen = new Set<string>();
        terms.forEach((term, at) => {
          const termLine = itemLine(field.value, at, lineOf);
          checkTerm(term, termLine, `group "${name}"`);
          const normal = term.toLowerCase().trim();
          if (seen.has(normal)) throw new VocabularyError(termLine, `group "${name}" lists "${term}" twice`);
          seen.add(normal);
        });
      } else {
        throw new VocabularyError(lineOf(field.key), `group "${name}": unknown key "${key}" (use terms, role)`);
      }
    }
    if (!terms || terms.length === 0) throw new VocabularyError(line, `group "${name}" has no terms`);
    groups.push({ name, role, terms });
  }
  return groups;
}

function readTopics(node: Node | null, lineOf: (node: Node | null | undefined) => number): OutOfScopeTopic[] {
  // A plain list: every term is its own topic.
  if (isSeq(node)) {
    const terms = stringList(node, 'out_of_scope', lineOf);
    terms.forEach((term, at) => checkTerm(term, itemLine(node, at, lineOf), 'out_of_scope'));
    return terms.map((term) => ({ topic: term, terms: [term] }));
  }
  if (!isMap(node)) throw new VocabularyError(lineOf(node), 'out_of_scope must be a mapping of topic to terms, or a list');
  const topics: OutOfScopeTopic[] = [];
  for (const pair of node.items as Pair<Node, Node>[]) {
    const topic = scalarText(pair.key);
    if (!GROUP_NAME.test(topic)) {
      throw new VocabularyError(lineOf(pair.key), `out_of_scope topic "${topic}" must be lowercase letters, digits and dashes`);
    }
    const terms = stringList(pair.value, `out_of_scope topic "${topic}"`, lineOf);
    if (terms.length === 0) throw new VocabularyError(lineOf(pair.key), `out_of_scope topic "${topic}" has no terms`);
    terms.forEach((term, at) => checkTerm(term, itemLine(pair.value, at, lineOf), `out_of_scope topic "${topic}"`));
    topics.push({ topic, terms });
  }
  return topics;
}

function checkTerm(term: string, line: number, where: string): void {
  const parts = term.trim().split(/\s+/);
  if (!/[\p{L}\p{N}]/u.test(term)) throw new VocabularyError(line, `${where}: "${term}" has no letters or digits`);
  if (parts[0] === WILDCARD || parts.at(-1) === WILDCARD) {
    throw new VocabularyError(line, `${where}: "${term}" may use * only between words`);
  }
}

function scalarText(node: unknown): string {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return '';
}

function stringList(node: Node | null, what: string, lineOf: (node: Node | null | undefined) => number): string[] {
  if (!isSeq(node)) throw new VocabularyError(lineOf(node), `${what} must be a list`);
  return node.items.map((item) => {
    const value = isScalar(item) ? item.value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new VocabularyError(lineOf(item as Node), `${what}: every entry must be a string`);
    }
    const text = String(value).trim();
    if (!text) throw new VocabularyError(lineOf(item as Node), `${what}: an entry is empty`);
    return text;
  });
}

function itemLine(node: Node | null, at: number, lineOf: (node: Node | null | undefined) => number): number {
  return isSeq(node) ? lineOf(node.items[at] as Node) : lineOf(node);
}

/**
 * Merges the shared vocabulary with per-article additions: groups of the same name pool their terms
 * (their roles must agree), filler and out-of-scope lists add up.
 */
export function mergeVocabularies(
  parts: readonly { file: string; vocabulary: Vocabulary }[],
): { ok: true; vocabulary: Vocabulary } | { ok: false; message: string } {
  const groups = new Map<string, { role: GroupRole; terms: string[]; file: string }>();
  const filler: string[] = [];
  const outOfScope: OutOfScopeTopic[] = [];
  for (const { file, vocabulary } of parts) {
    for (const group of vocabulary.groups) {
      const existing = groups.get(group.name);
      if (!existing) {
        groups.set(group.name, { role: group.role, terms: [...group.terms], file });
        continue;
      }
      if (existing.role !== group.role) {
        return {
          ok: false,
          message: `${file}: group "${group.name}" has role ${group.role} here but ${existing.role} in ${existing.file}`,
        };
      }
      for (const term of group.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
    }
    filler.push(...vocabulary.filler);
    outOfScope.push(...vocabulary.outOfScope);
  }
  return {
    ok: true,
    vocabulary: {
      groups: [...groups].map(([name, group]) => ({ name, role: group.role, terms: group.terms })),
      filler: [...new Set(filler)],
      outOfScope,
    },
  };
}
