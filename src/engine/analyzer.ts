import type { Vocabulary } from '../knowledge/vocabulary.js';
import { stem, words } from '../text/index.js';
import { isSoftStopword, isStopword } from './text.js';

/** Index terms of groups carry a prefix so a group can never collide with a real word. */
export const CONCEPT_PREFIX = '@';
/** The term a question gets when it raises a topic the vocabulary lists as out of scope. */
export const OUT_OF_SCOPE_TERM = `${CONCEPT_PREFIX}@out-of-scope`;

interface Phrase {
  readonly stems: readonly string[];
  /** Per word: the exact form required, when its stem would also match an unrelated word. */
  readonly exact: readonly (string | undefined)[];
  readonly term: string;
}

/** One word of a text with where it came from: `word` as written (normalised), `stem` its index form. */
export interface AnalyzedWord {
  /** Distinct per analysis made by one reader (a word analysed again after the cache was cleared gets another). */
  readonly id: number;
  readonly word: string;
  readonly stem: string;
  readonly stopword: boolean;
}

/** One group phrase found in a word sequence: words `start` (inclusive) to `end` (exclusive). */
export interface ConceptMatch {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** The words as written, joined by spaces. */
  readonly text: string;
}

/**
 * A group word whose Porter stem is a stopword or another short, everyday word ("canned" → "can",
 * "doing" → "do", "feeling" → "feel") must be written as listed, or "can I" would mean a canned answer.
 */
function needsExactMatch(word: string, wordStem: string): boolean {
  return word !== wordStem && (isStopword(wordStem) || wordStem.length <= 3);
}

/** How many distinct words an analyzer remembers before it starts afresh. */
const ANALYZED_WORDS_LIMIT = 20_000;

/** `*` in a term stands for any one word: "how * is doing" meets "how my counsellor is doing". */
const WILDCARD = '*';

/**
 * The text analysis of one knowledge folder: words, stems, filler, and the vocabulary's groups found in
 * a word sequence. Built once from the vocabulary; pure afterwards.
 */
export interface Analyzer {
  analyzeWords(text: string): AnalyzedWord[];
  /** `analyzeWords` of words already split ({@link words}), so an index splits each text once. */
  analyzeWordList(wordList: readonly string[]): AnalyzedWord[];
  /** Group phrases found in a word sequence, in order of position. */
  findConceptMatches(sequence: readonly AnalyzedWord[]): ConceptMatch[];
  /** Group terms found in a word sequence, with the words that triggered each. */
  findConcepts(sequence: readonly AnalyzedWord[]): Map<string, string[]>;
  /** Positions inside a matched phrase of two or more words (where the phrase carries the meaning). */
  phraseCoveredPositions(matches: readonly ConceptMatch[]): Set<number>;
  indexTerms(text: string, conceptPhrasesOnly?: boolean): string[];
  termsOfWords(sequence: readonly AnalyzedWord[], conceptPhrasesOnly?: boolean): string[];
  /** Every single word a group knows, for typo-tolerant lookup of question words. */
  readonly conceptWords: readonly string[];
  /** Group terms of role `setting`: they say a question belongs here, not which part. */
  readonly settingTerms: ReadonlySet<string>;
  /** Group terms of role `anchor` (and setting): a question that has one is about the knowledge. */
  readonly anchorTerms: ReadonlySet<string>;
  /**
   * Group terms of role `other`: someone or something other than the setting (another person in the
   * asker's life, another kind of professional). They are no search terms; a question that names one and
   * not the setting is likely about something else (policy.ts).
   */
  readonly otherTerms: ReadonlySet<string>;
}

/** The first step of analysis: each word with its stem and whether it is filler here. */
export interface WordReader {
  analyzeWords(text: string): AnalyzedWord[];
  /** `analyzeWords` of words already split ({@link words}), so an index splits each text once. */
  analyzeWordList(wordList: readonly string[]): AnalyzedWord[];
}

/**
 * Reads words as the analyzer of this vocabulary and these headings will: a word reads the same
 * wherever it stands, so there is one (read-only) analysis per distinct word, bounded.
 */
export function createWordReader(vocabulary: Vocabulary, headings: readonly string[] = []): WordReader {
  // Everyday words and filler that a heading or title uses are topics of this knowledge ("How Long
  // Therapy Usually Takes"): there they count.
  const headingStems = new Set(headings.flatMap((heading) => words(heading).map(stem)));
  const filler = new Set(vocabulary.filler.map((word) => word.toLowerCase()));
  const isFiller = (word: string): boolean =>
    (filler.has(word) || isSoftStopword(word)) && !headingStems.has(stem(word));
  const analyzed = new Map<string, AnalyzedWord>();
  let analyses = 0;
  const analyzeWord = (word: string): AnalyzedWord => {
    let item = analyzed.get(word);
    if (item === undefined) {
      item = {
        id: analyses++,
        word,
        stem: stem(word),
        stopword: isFiller(word) || (isStopword(word) && !isSoftStopword(word)),
      };
      if (analyzed.size >= ANALYZED_WORDS_LIMIT) analyzed.clear();
      analyzed.set(word, item);
    }
    return item;
  };
  const analyzeWordList = (wordList: readonly string[]): AnalyzedWord[] => wordList.map(analyzeWord);
  return { analyzeWordList, analyzeWords: (text) => analyzeWordList(words(text)) };
}

/**
 * `knowledgeTexts` are the articles' texts as stems (an out-of-scope topic they use is covered);
 * `reader`, when given, must be `createWordReader(vocabulary, headings)` (an index that has read its
 * paragraphs with it passes it on).
 */
export function createAnalyzer(
  vocabulary: Vocabulary,
  knowledgeTexts: readonly (readonly string[])[] = [],
  headings: readonly string[] = [],
  reader: WordReader = createWordReader(vocabulary, headings),
): Analyzer {
  const settingTerms = new Set<string>();
  const anchorTerms = new Set<string>();
  const otherTerms = new Set<string>();
  const table = new Map<string, Phrase[]>();
  const addTerm = (text: string, term: string): void => {
    const termWords = text
      .split(/\s+/)
      .flatMap((part) => (part === WILDCARD ? [WILDCARD] : plainWords(part)));
    const stems = termWords.map((word) => (word === WILDCARD ? WILDCARD : stem(word)));
    const first = stems[0];
    if (first === undefined) return;
    const exact = termWords.map((word, at) => (needsExactMatch(word, stems[at] ?? word) ? word : undefined));
    const entry = { stems, exact, term };
    const list = table.get(first);
    if (list) list.push(entry);
    else table.set(first, [entry]);
  };
  for (const group of vocabulary.groups) {
    const term = `${CONCEPT_PREFIX}${group.name}`;
    if (group.role === 'setting') settingTerms.add(term);
    if (group.role === 'other') otherTerms.add(term);
    else if (group.role !== 'topic') anchorTerms.add(term);
    for (const text of group.terms) addTerm(text, term);
  }
  // An out-of-scope topic that an article's text uses (any of its terms) is covered by the knowledge.
  const topicStems = vocabulary.outOfScope.map((topic) =>
    topic.terms.map((text) => plainWords(text).map(stem)),
  );
  const found = findPhrases(knowledgeTexts, topicStems.flat());
  vocabulary.outOfScope.forEach((topic, at) => {
    const covered = (topicStems[at] ?? []).some((stems) => found.has(stems.join(' ')));
    if (!covered) for (const text of topic.terms) addTerm(text, OUT_OF_SCOPE_TERM);
  });
  // Longest phrases first, so "how are you doing" wins over "doing".
  for (const list of table.values()) list.sort((left, right) => right.stems.length - left.stems.length);

  const conceptWords = [
    ...new Set(
      [
        ...vocabulary.groups.flatMap((group) => group.terms),
        ...vocabulary.outOfScope.flatMap((topic) => topic.terms),
      ].flatMap((text) => plainWords(text)),
    ),
  ];

  const { analyzeWords, analyzeWordList } = reader;

  /** Whether `phrase` matches the sequence from `start` on. */
  const matchesAt = (phrase: Phrase, sequence: readonly AnalyzedWord[], start: number): boolean => {
    const { stems, exact } = phrase;
    if (start + stems.length > sequence.length) return false;
    for (let offset = 0; offset < stems.length; offset++) {
      const value = stems[offset] as string;
      if (value === WILDCARD) continue;
      const item = sequence[start + offset] as AnalyzedWord;
      if (item.stem !== value) return false;
      const required = exact[offset];
      if (required !== undefined && item.word !== required) return false;
    }
    return true;
  };

  const findConceptMatches = (sequence: readonly AnalyzedWord[]): ConceptMatch[] => {
    const matches: { start: number; end: number; term: string }[] = [];
    for (let start = 0; start < sequence.length; start++) {
      const candidates = table.get((sequence[start] as AnalyzedWord).stem);
      if (candidates === undefined) continue;
      // A word can belong to several groups ("crush" is romance, "sick" unwell); the longest phrase
      // of each group wins at a position (candidates are longest first).
      const firstMatch = matches.length;
      for (const phrase of candidates) {
        let taken = false;
        for (let at = firstMatch; at < matches.length; at++) {
          if ((matches[at] as { term: string }).term === phrase.term) {
            taken = true;
            break;
          }
        }
        if (taken || !matchesAt(phrase, sequence, start)) continue;
        matches.push({ start, end: start + phrase.stems.length, term: phrase.term });
      }
    }
    if (matches.length === 0) return [];
    // A phrase inside a longer phrase of another group is read as part of it: "check in" is asking,
    // not a fitness check; "feelings for" is romance, not well-being. Setting groups stand apart.
    const kept: ConceptMatch[] = [];
    for (const match of matches) {
      let covered = false;
      // An `other` phrase covers a setting word too: a "physical therapist" is not the setting.
      const isSetting = settingTerms.has(match.term);
      {
        const length = match.end - match.start;
        for (const other of matches) {
          if (
            other !== match &&
            other.start <= match.start &&
            other.end >= match.end &&
            other.end - other.start > length &&
            !settingTerms.has(other.term) &&
            // An `other` phrase covers only a setting word; a topic phrase covers anything but one.
            isSetting === otherTerms.has(other.term)
          ) {
            covered = true;
            break;
          }
        }
      }
      if (covered) continue;
      let text = (sequence[match.start] as AnalyzedWord).word;
      for (let at = match.start + 1; at < match.end; at++) text += ` ${(sequence[at] as AnalyzedWord).word}`;
      kept.push({ term: match.term, start: match.start, end: match.end, text });
    }
    return kept;
  };

  const findConcepts = (sequence: readonly AnalyzedWord[]): Map<string, string[]> => {
    const found = new Map<string, string[]>();
    for (const match of findConceptMatches(sequence)) {
      const list = found.get(match.term) ?? [];
      list.push(match.text);
      found.set(match.term, list);
    }
    return found;
  };

  const phraseCoveredPositions = (matches: readonly ConceptMatch[]): Set<number> => {
    const covered = new Set<number>();
    for (const match of matches) {
      if (match.end - match.start < 2 || settingTerms.has(match.term)) continue;
      for (let at = match.start; at < match.end; at++) covered.add(at);
    }
    return covered;
  };

  /**
   * The terms a field contributes to the index: content stems plus groups. With `conceptPhrasesOnly`
   * (curated hints) a word inside a multi-word phrase counts only through its group: the keyword "small
   * talk" is about greetings, not about anything small.
   */
  const termsOfWords = (sequence: readonly AnalyzedWord[], conceptPhrasesOnly = false): string[] => {
    const matches = findConceptMatches(sequence);
    const covered = conceptPhrasesOnly && matches.length > 0 ? phraseCoveredPositions(matches) : undefined;
    const terms: string[] = [];
    for (let at = 0; at < sequence.length; at++) {
      const item = sequence[at] as AnalyzedWord;
      if (!item.stopword && covered?.has(at) !== true) terms.push(item.stem);
    }
    for (const match of matches) terms.push(match.term);
    return terms;
  };

  return {
    analyzeWords,
    analyzeWordList,
    findConceptMatches,
    findConcepts,
    phraseCoveredPositions,
    indexTerms: (text, conceptPhrasesOnly = false) => termsOfWords(analyzeWords(text), conceptPhrasesOnly),
    termsOfWords,
    conceptWords,
    settingTerms,
    anchorTerms,
    otherTerms,
  };
}

/** `words` with a fast path for the plain lowercase words most vocabulary terms are. */
function plainWords(text: string): string[] {
  return /^[a-z0-9]+(?: [a-z0-9]+)*$/.test(text) ? text.split(' ') : words(text);
}

/** Which of the phrases (stems in a row) occur in any of the texts; one pass over the texts. */
function findPhrases(
  texts: readonly (readonly string[])[],
  phrases: readonly (readonly string[])[],
): Set<string> {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of phrases) {
    const first = phrase[0];
    if (first === undefined) continue;
    const list = byFirst.get(first);
    if (list) list.push(phrase);
    else byFirst.set(first, [phrase]);
  }
  const found = new Set<string>();
  for (const text of texts) {
    text.forEach((value, start) => {
      for (const phrase of byFirst.get(value) ?? []) {
        if (phrase.every((item, offset) => text[start + offset] === item)) found.add(phrase.join(' '));
      }
    });
  }
  return found;
}
