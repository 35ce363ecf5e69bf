import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/engine/text.js';
import { normalizeText, stem, stripInvisible, words } from '../../src/text/index.js';
import { shippedAnalyzer } from './support.js';

const { analyzeWords, findConcepts, indexTerms } = shippedAnalyzer();

const stems = (text: string): string[] => tokenize(text).map((token) => token.stem);
const concepts = (text: string): string[] => [...findConcepts(analyzeWords(text)).keys()].sort();

describe('text normalisation and tokenizer', () => {
  it('GIVEN contractions with straight or curly apostrophes THEN they expand before stopwords go', () => {
    expect(words("She's fine, won't call & can't stop, don’t")).toEqual([
      'she',
      'fine',
      'will',
      'not',
      'call',
      'can',
      'not',
      'stop',
      'do',
      'not',
    ]);
  });

  it('GIVEN accents and capitals THEN words are lowercased and accents removed', () => {
    expect(words('Café NAÏVE Thérapeute')).toEqual(['cafe', 'naive', 'therapeute']);
  });

  it('GIVEN Discord mentions, channels, custom emoji and links THEN they are dropped', () => {
    const text =
      '<@123456789> <@!42> <@&7> <#99> <:smile:1234> <a:wave:5678> see https://example.com/x?y=1 hi';
    expect(normalizeText(text).trim().split(/\s+/)).toEqual(['see', 'hi']);
  });

  it('GIVEN zero-width and control characters THEN they cannot split or hide a word', () => {
    expect(stripInvisible('ther\u200Bap\u0007ist\u202E')).toBe('therapist');
    expect(stems('my ther\u200Bapist is sick')).toEqual(['therapist', 'sick']);
  });

  it('GIVEN related word forms THEN Porter stemming joins them', () => {
    expect(stem('boundaries')).toBe(stem('boundary'));
    expect(stem('romantically')).toBe(stem('romantic'));
    expect(stem('cancelled')).toBe(stem('cancel'));
    expect(stem('therapists')).toBe('therapist');
  });

  it('GIVEN chat filler and function words THEN only content words remain', () => {
    expect(stems('hey bot lol can u like tell me about boundaries pls')).toEqual(['boundari']);
  });

  it('GIVEN short words and numbers THEN they are kept as written', () => {
    expect(stem('adhd')).toBe('adhd');
    expect(stem('2025s')).toBe('2025s');
  });
});

describe('concepts: many names for one idea', () => {
  it('GIVEN different names for a therapist THEN they all meet the same concept', () => {
    for (const name of ['my shrink', 'my counsellor', 'my psych', 'my T', 'a social worker', 'therapists']) {
      expect(concepts(name), name).toContain('@therapist');
    }
  });

  it('GIVEN ways of saying someone is unwell THEN they are the unwell concept', () => {
    for (const phrase of ['she is sick', 'he seemed under the weather', 'burnt out', 'not feeling well']) {
      expect(concepts(phrase), phrase).toContain('@unwell');
    }
  });

  it('GIVEN romantic wording THEN it is the romance concept', () => {
    for (const phrase of ['i have a crush', 'catching feelings', 'can i ask him out', 'simping']) {
      expect(concepts(phrase), phrase).toContain('@romance');
    }
  });

  it('GIVEN a word whose stem is an everyday word THEN only the listed form counts ("can" is not "canned")', () => {
    expect(concepts('can i ask')).not.toContain('@script');
    expect(concepts('is that a canned answer')).toContain('@script');
    expect(concepts('how do i become one')).not.toContain('@wellbeing');
  });

  it('GIVEN a phrase inside a longer phrase of another concept THEN the longer phrase decides', () => {
    expect(concepts('i want to check in on her')).toContain('@ask');
    expect(concepts('i want to check in on her')).not.toContain('@fitness-to-work');
    expect(concepts('i have feelings for him')).not.toContain('@wellbeing');
  });

  it('GIVEN a wildcard phrase THEN any one word fills the gap', () => {
    expect(concepts('i wonder how my counselor is doing')).toContain('@wellbeing');
  });

  it('GIVEN a word used in another sense THEN no concept is forced on it', () => {
    expect(concepts('every single time')).not.toContain('@romance');
    expect(concepts('is a hot dog a sandwich')).toEqual([]);
  });

  it('GIVEN a curated hint phrase THEN its words count only through its concept', () => {
    expect(indexTerms('crossing the line', true)).toEqual(['@boundary']);
    expect(indexTerms('crossing the line')).toEqual(expect.arrayContaining(['cross', 'line', '@boundary']));
  });
});
