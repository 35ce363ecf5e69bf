/**
 * A synthetic knowledge base for the benchmark: articles → sections → paragraphs with the shape and
 * statistics of a real one (Zipf-distributed words from several thousand distinct ones, topical
 * articles and sections, headings, curated hints), so index size, postings lengths and typo lookups
 * behave like a large real knowledge base. Pure and deterministic: the same options give the same
 * knowledge base, byte for byte.
 */
import { slugify } from '../../src/knowledge/slug.js';
import type { Article, KnowledgeBase, Paragraph, Section } from '../../src/knowledge/types.js';

export interface GenerateOptions {
  /** Exactly this many paragraphs in total (≥ 1). */
  readonly paragraphs: number;
  /** PRNG seed; the same seed gives the same knowledge base. Default 1. */
  readonly seed?: number;
  /** Number of articles, at most `paragraphs`. Default min(100, paragraphs). */
  readonly articles?: number;
}

/** Small, fast, seedable PRNG (mulberry32): returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words that glue sentences together; they make up ~40% of real running text. */
const FUNCTION_WORDS = `the of and to a in is that for it as with was on be by this are or from at an
but not have they which their can has we you your its may more will one all would there been if when
also other into some these than them should such about only could what how many most often do does
each those both while because through between during without before after under whether where who`
  .split(/\s+/)
  .filter(Boolean);

/** Common English content words, the high-frequency head of the content vocabulary. */
const COMMON_WORDS = `time people year way day man woman child world life hand part place case week
company system program question work government number night point home water room mother area money
story fact month lot right study book eye job word business issue side kind head house service friend
father power hour game line end member law car city community name president team minute idea kid body
information back parent face others level office door health person art war history party result change
morning reason research girl guy moment air teacher force education foot boy age policy music market
sense nation plan college interest death experience effect use class control care field development role
effort rate heart drug show leader light voice wife police mind price report decision son view
relationship town road arm difference value building action model season society tax director position
player record paper space ground form event official matter center couple site project activity star
table need court oil situation cost industry figure street image phone data picture practice piece land
product doctor wall patient worker news test movie north love support technology step baby computer type
attention film tree source organization hair window evidence population truth ability approach
problem solution answer method process account language thought group family school state student
country make take come give look find tell feel become leave put keep begin seem help show hear play run
move live believe bring happen write provide sit stand lose pay meet include continue set learn lead
understand watch follow stop create speak read allow add spend grow open walk win offer remember consider
appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell
require decide return explain hope develop carry break receive agree pull describe produce choose
good new first last long great little own old big high different small large next early young important
few public bad same able late hard major better economic strong possible whole free military true federal
international full special easy clear recent certain personal open red difficult available likely
short single medical current wrong private past foreign fine common poor natural significant similar hot
dead central happy serious ready simple left physical general environmental financial blue democratic
dark various entire close legal religious cold final main green nice huge popular traditional cultural
quickly finally simply clearly recently usually probably certainly directly exactly nearly slowly`
  .split(/\s+/)
  .filter(Boolean);

/** The shipped article's own words, so the synthetic corpus shares vocabulary with the real one. */
const ARTICLE_WORDS = `acceptable address adhere alike answer appropriate ask aspects attachments attempt
attention avoid aware being beings beneficial boundaries boundary breach brief care cases causing
centered challenges check client clients concern concerns conclusion connection conversation convey create
crucial crush deal dedication delving details discomfort discouraged dismiss distance doing dynamic
effective effectiveness emphasize ensure entirely environment essential establish example examples
expect express feel feeling feelings field fit focus foster fostering fosters friendly generally genuine
greeting guidelines handle handling healthcare healthy help helps human impact impersonal inappropriate
includes information initial inquire inquiry instance instances integrity involved jeopardizing keep kept
know lead learn level lives maintain maintaining manner means minimum mutual nature necessary need needs
negative norms often optimal past patient personal positive potential potentially precautions
prescriptions prioritize professional professionals provide psychiatrist psychiatrists pursuing question
ready relationship reliability require reschedule respect respecting response risk risks script sense
seriously session sessions setting sharing show simple situations state tendency therapeutic therapist
therapists therapy trained treatment trust type unbiased understandable understanding unwanted well`
  .split(/\s+/)
  .filter(Boolean);

const ONSETS = [
  '',
  'b',
  'br',
  'c',
  'ch',
  'cl',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
];
const MORE_ONSETS = ['p', 'pl', 'pr', 'r', 's', 'sh', 'sk', 'sl', 'sp', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ee', 'io', 'ou', 'y'];
const CODAS = ['', '', '', '', '', 'n', 'r', 's', 'l', 'm', 't', 'nd', 'st', 'ck', 'x', 'ng'];
const SUFFIXES = ['', '', '', '', 'ing', 'ed', 'tion', 'ment', 'ness', 'ity', 'al', 'er', 'ly', 'ous', 's'];

/** How many syllable-built pseudo-words join the real words (the long tail of a real vocabulary). */
const PSEUDO_WORDS = 8000;

const CONNECTORS = ['and', 'of', 'for', 'in', 'with'];

const QUESTION_TEMPLATES: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `How do I ${a} the ${b}?`,
  (a, b) => `What is ${a} ${b}?`,
  (a, b) => `Why does ${a} matter for ${b}?`,
  (a, b) => `Can I ${a} without ${b}?`,
  (a, b) => `When should ${a} involve ${b}?`,
  (a, b) => `Is ${a} a good idea for ${b}?`,
];

interface Vocabulary {
  /** Content words, most frequent first. */
  readonly content: readonly string[];
  /** Cumulative Zipf weights over `content`, for O(log n) sampling. */
  readonly cumulative: Float64Array;
}

export function generateKnowledge(options: GenerateOptions): KnowledgeBase {
  const total = options.paragraphs;
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError(`paragraphs must be an integer ≥ 1, got ${total}`);
  const articleCount = options.articles ?? Math.min(100, total);
  if (!Number.isInteger(articleCount) || articleCount < 1 || articleCount > total) {
    throw new RangeError(`articles must be an integer in [1, ${total}], got ${articleCount}`);
  }
  const random = mulberry32(options.seed ?? 1);
  const vocabulary = buildVocabulary(random);

  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const zipfWord = (): string => {
    const target = random() * (vocabulary.cumulative[vocabulary.cumulative.length - 1] as number);
    let low = 0;
    let high = vocabulary.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((vocabulary.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary.content[low] as string;
  };
  const topicWords = (count: number): string[] => {
    const words = new Set<string>();
    // Topic words come from the middle and tail of the vocabulary, where real topical terms live.
    while (words.size < count)
      words.add(vocabulary.content[between(60, vocabulary.content.length - 1)] as string);
    return [...words];
  };

  const perArticle = partition(total, articleCount, random);
  const articles: Article[] = perArticle.map((paragraphCount, articleIndex): Article => {
    const articleId = `synthetic-${String(articleIndex + 1).padStart(3, '0')}`;
    const articleTopic = topicWords(30);
    const title = titleCase(
      `${pick(['the', 'a guide to', 'understanding', 'notes on', 'all about'])} ${pick(articleTopic)} ${pick(['and', 'of', 'for', 'in'])} ${pick(articleTopic)}`,
    );
    const sectionCount = Math.max(
      1,
      Math.min(paragraphCount, Math.round(paragraphCount / (2 + random() * 4))),
    );
    const perSection = partition(paragraphCount, sectionCount, random);
    const usedIds = new Set<string>();

    const sections = perSection.map((count, sectionIndex): Section => {
      const sectionTopic = topicWords(6);
      let heading = 'Introduction';
      if (sectionIndex > 0) {
        heading = makeHeading(sectionTopic, articleTopic, pick, between);
        for (let attempt = 2; usedIds.has(slugify(heading)); attempt++) {
          heading = `${makeHeading(sectionTopic, articleTopic, pick, between)}${attempt > 5 ? ` ${attempt}` : ''}`;
        }
      }
      const sectionId = slugify(heading);
      usedIds.add(sectionId);

      const word = (): string => {
        const roll = random();
        if (roll < 0.4) return pick(FUNCTION_WORDS);
        if (roll < 0.52) return pick(articleTopic);
        if (roll < 0.62) return pick(sectionTopic);
        return zipfWord();
      };
      const sentence = (): string => {
        const length = between(7, 22);
        const parts: string[] = [];
        for (let n = 0; n < length; n++) {
          let next = word();
          if (n > 2 && n < length - 2 && random() < 0.06) next = `${next},`;
          parts.push(next);
        }
        const roll = random();
        const end = roll < 0.9 ? '.' : roll < 0.97 ? '?' : '!';
        const text = parts.join(' ').replace(/,$/, '');
        return `${text.charAt(0).toUpperCase()}${text.slice(1)}${end}`;
      };

      const paragraphs = Array.from({ length: count }, (_, at): Paragraph => {
        const sentences = Array.from({ length: between(2, 6) }, sentence);
        return {
          id: `${sectionId}/${at + 1}`,
          articleId,
          sectionId,
          index: at + 1,
          text: sentences.join(' '),
        };
      });
      const keywords = [...new Set(Array.from({ length: between(4, 10) }, () => pick(sectionTopic)))];
      if (random() < 0.5) keywords.push(pick(articleTopic));
      const questions = Array.from({ length: between(1, 4) }, () =>
        pick(QUESTION_TEMPLATES)(pick(sectionTopic), pick(random() < 0.5 ? sectionTopic : articleTopic)),
      );
      return { id: sectionId, articleId, heading, paragraphs, hints: { keywords, questions } };
    });

    return { id: articleId, title, source: 'synthetic', sections };
  });
  return { articles };
}

/** Every distinct word the generator can emit, for building benchmark queries over the same vocabulary. */
export function generatedVocabulary(seed = 1): readonly string[] {
  const vocabulary = buildVocabulary(mulberry32(seed));
  return [...new Set([...FUNCTION_WORDS, ...vocabulary.content])];
}

function buildVocabulary(random: () => number): Vocabulary {
  const seen = new Set<string>([...FUNCTION_WORDS]);
  const content: string[] = [];
  const add = (word: string): void => {
    if (seen.has(word)) return;
    seen.add(word);
    content.push(word);
  };
  for (const word of COMMON_WORDS) add(word);
  for (const word of ARTICLE_WORDS) add(word);
  const onsets = [...ONSETS, ...MORE_ONSETS];
  const pickFrom = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let guard = 0;
  const target = content.length + PSEUDO_WORDS;
  while (content.length < target && guard++ < PSEUDO_WORDS * 20) {
    const roll = random();
    const syllables = roll < 0.25 ? 1 : roll < 0.8 ? 2 : 3;
    let word = '';
    for (let n = 0; n < syllables; n++) word += pickFrom(onsets) + pickFrom(NUCLEI) + pickFrom(CODAS);
    word += pickFrom(SUFFIXES);
    if (word.length >= 3) add(word);
  }
  // Real words first keeps them frequent; pseudo-words interleave into the tail.
  const cumulative = new Float64Array(content.length);
  let sum = 0;
  for (let rank = 0; rank < content.length; rank++) {
    sum += 1 / (rank + 2.7);
    cumulative[rank] = sum;
  }
  return { content, cumulative };
}

function makeHeading(
  sectionTopic: readonly string[],
  articleTopic: readonly string[],
  pick: <T>(list: readonly T[]) => T,
  between: (low: number, high: number) => number,
): string {
  const words = [pick(sectionTopic)];
  const shape = between(0, 3);
  if (shape >= 1) words.push(pick(articleTopic));
  if (shape >= 2) words.push(pick(CONNECTORS), pick(sectionTopic));
  if (shape === 3) words.push(pick(articleTopic));
  const distinct = [...new Set(words)];
  if (CONNECTORS.includes(distinct[distinct.length - 1] ?? '')) distinct.pop();
  return titleCase(distinct.join(' '));
}

function titleCase(text: string): string {
  return text
    .replace(/\b([a-z])([a-z]*)/g, (_, first: string, rest: string) =>
      ['and', 'of', 'for', 'in', 'with', 'to', 'a', 'the'].includes(`${first}${rest}`)
        ? `${first}${rest}`
        : `${first.toUpperCase()}${rest}`,
    )
    .replace(/^([a-z])/, (first: string) => first.toUpperCase());
}

/** Splits `total` into `parts` positive integers with random, roughly even sizes that sum to `total`. */
function partition(total: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const spare = total - parts;
  const shares = weights.map((weight) => (weight / weightSum) * spare);
  const sizes = shares.map((share) => 1 + Math.floor(share));
  let left = total - sizes.reduce((sum, size) => sum + size, 0);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    sizes[index] = (sizes[index] as number) + 1;
    left--;
  }
  return sizes;
}
