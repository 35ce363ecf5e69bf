import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, TypoIndex, editDistance, type EngineResult } from '../../src/engine/engine.js';
import { shippedEngine } from './support.js';

const engine = shippedEngine();

function sectionOf(result: EngineResult): string {
  return result.kind === 'answer' ? result.sectionId : 'no-match';
}

// Questions written for these tests (not in the dev or holdout sets), each with why a careful moderator
// would point to that section. The first listed section is the best; the others are also acceptable.
const GOLDEN: readonly { question: string; expected: readonly string[]; reason: string }[] = [
  {
    question: 'what is the point of this article',
    expected: ['introduction', 'conclusion'],
    reason: 'asks for the topic: the introduction poses the question, the conclusion answers it',
  },
  {
    question: 'do counsellors ever struggle with their own mental health',
    expected: ['introduction'],
    reason: 'the introduction says therapists are human beings with their own well-being and challenges',
  },
  {
    question: 'does my therapist just say the same thing to everyone when asked how she is',
    expected: ['the-client-therapist-dynamic'],
    reason: 'the same reply every time is the "script" the dynamic section describes',
  },
  {
    question: 'why is my psychologist so secretive about her own life',
    expected: ['the-client-therapist-dynamic', 'boundaries-and-professional-norms'],
    reason: 'therapists avoid sharing personal information (dynamic), a professional boundary (norms)',
  },
  {
    question: 'what happens to my appointment if my therapist catches covid',
    expected: ['patient-centered-focus'],
    reason: 'a therapist who is not feeling well is likely to reschedule the session',
  },
  {
    question: 'shouldnt the hour be about me and not my therapist',
    expected: ['patient-centered-focus', 'conclusion'],
    reason: 'sessions focus on the client, which the conclusion repeats',
  },
  {
    question: 'why cant my therapist and i hang out as friends',
    expected: ['boundaries-and-professional-norms'],
    reason: 'friendship would breach the professional distance the norms section explains',
  },
  {
    question: 'would sending my therapist a friend request on facebook be wrong',
    expected: ['boundaries-and-professional-norms'],
    reason: 'contact on social media is a boundary question',
  },
  {
    question: 'is it polite to ask my counsellor how she is when i arrive',
    expected: ['initial-well-being-inquiry'],
    reason: 'a simple "how are you doing?" greeting is acceptable',
  },
  {
    question: 'how can i show my therapist some kindness without being too personal',
    expected: ['initial-well-being-inquiry'],
    reason: 'express genuine concern in a professional and impersonal manner',
  },
  {
    question: 'are psychiatrists screened before they see patients',
    expected: ['examples-and-precautions'],
    reason: 'the pre-session check for a psychiatrist who prescribes is the example',
  },
  {
    question: 'do i need to follow the rules my counselor sets',
    expected: ['examples-and-precautions', 'boundaries-and-professional-norms'],
    reason: 'clients should adhere to the professional guidelines set by their therapists',
  },
  {
    question: 'i think i am falling in love with my counsellor',
    expected: ['handling-unwanted-attention'],
    reason: 'a crush on the therapist is what the unwanted-attention section handles',
  },
  {
    question: 'what does a psychologist do when a patient flirts with them',
    expected: ['handling-unwanted-attention'],
    reason: 'therapists are trained to handle attempts at an inappropriate personal connection',
  },
  {
    question: 'sum up the article for me',
    expected: ['conclusion', 'introduction'],
    reason: 'a request for the summary',
  },
  {
    question: 'what is the final verdict on asking a therapist how they are',
    expected: ['conclusion', 'initial-well-being-inquiry'],
    reason: 'the conclusion gives the verdict: acceptable in a professional manner',
  },
];

const OFF_TOPIC: readonly { question: string; reason: string }[] = [
  { question: 'how do i fix my bike chain', reason: 'nothing to do with therapy' },
  { question: 'what is the best pizza topping', reason: 'nothing to do with therapy' },
  { question: 'what is a good psychiatrist salary', reason: 'names a therapist, but not the article topic' },
  { question: 'how do i ask my boss for a raise', reason: 'asking someone, but not a therapist' },
  { question: 'hello there', reason: 'a greeting to the channel, not a question about greeting a therapist' },
];

describe('engine.answer: golden examples', () => {
  it.each(GOLDEN)(
    'GIVEN "$question" THEN it answers from $expected.0 ($reason)',
    ({ question, expected }) => {
      const result = engine.answer(question);
      expect(result.kind).toBe('answer');
      expect(expected).toContain(sectionOf(result));
    },
  );

  it.each(OFF_TOPIC)('GIVEN off-topic "$question" THEN it answers nothing ($reason)', ({ question }) => {
    expect(engine.answer(question).kind).toBe('no-match');
  });

  it('GIVEN a typo-laden question THEN typos of known words are corrected', () => {
    expect(sectionOf(engine.answer('i have a crush on my therapsit, wat do'))).toBe(
      'handling-unwanted-attention',
    );
    expect(sectionOf(engine.answer('my counsellor is unwel, will she reschedul'))).toBe(
      'patient-centered-focus',
    );
  });

  it('GIVEN a rambling message of more than 300 characters THEN it is still answered', () => {
    const question =
      'ok so this is a long one, sorry. I have been going to the same counsellor for almost a year now and ' +
      'we get along really well, and lately I noticed that whenever I start the session by asking how she is, ' +
      'she says something like "good thanks, so what is up with you" and then we just move on. is that some ' +
      'kind of standard script they all use or is she just brushing me off?';
    expect(question.length).toBeGreaterThan(300);
    expect(['the-client-therapist-dynamic', 'patient-centered-focus']).toContain(
      sectionOf(engine.answer(question)),
    );
  });
});

describe('engine.answer: inputs that are not questions never throw', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t  '],
    ['punctuation only', '?!?... ---'],
    ['emoji only', '😂😂🙏🤔'],
    ['a mention only', '<@1093847561>'],
  ])('GIVEN %s input THEN it is an empty no-match with topics to suggest', (_label, input) => {
    const result = engine.answer(input);
    expect(result.kind).toBe('no-match');
    if (result.kind !== 'no-match') return;
    expect(result.reason).toBe('empty');
    expect(result.nearestTopics.length).toBeGreaterThan(0);
  });

  it.each([
    ['control characters', '\u0000\u0001\u0007\u001b[31m\u007f'],
    ['markdown', '# heading\n```js\nconsole.log(1)\n```\n**bold** _x_ > quote'],
    ['another language', '¿cómo hago una tortilla de patatas?'],
    ['random letters', 'asdfghjkl qwertyuiop'],
  ])('GIVEN %s THEN it is a no-match', (_label, input) => {
    expect(engine.answer(input).kind).toBe('no-match');
  });

  it('GIVEN 10,000 characters of one word THEN it returns a result without throwing', () => {
    const result = engine.answer('therapist '.repeat(1000));
    expect(['answer', 'no-match']).toContain(result.kind);
  });

  it('GIVEN a 10,000-character message that starts with a real question THEN the question is answered', () => {
    const question = `can i ask my therapist out on a date? ${'blah '.repeat(2000)}`.slice(0, 10_000);
    expect(sectionOf(engine.answer(question))).toBe('handling-unwanted-attention');
  });

  it('GIVEN a mention, markdown and emoji around a real question THEN only the question counts', () => {
    const result = engine.answer('<@1093847561> **is it ok** to say _how are you_ to my therapist? 🙂');
    expect(sectionOf(result)).toBe('initial-well-being-inquiry');
  });
});

describe('engine.answer: the answer shape', () => {
  const result = engine.answer('why does my therapist always say the same thing when i ask how she is');

  it('GIVEN an answer THEN its ids resolve through the lookups', () => {
    if (result.kind !== 'answer') throw new Error('expected an answer');
    expect(engine.findArticle(result.articleId)?.id).toBe('therapist-wellbeing');
    expect(engine.findSection(result.articleId, result.sectionId)?.id).toBe(result.sectionId);
    expect(engine.findParagraph(result.articleId, result.paragraphId)?.sectionId).toBe(result.sectionId);
  });

  it('GIVEN an answer THEN the best sentence is verbatim from its paragraph', () => {
    if (result.kind !== 'answer') throw new Error('expected an answer');
    const paragraph = engine.findParagraph(result.articleId, result.paragraphId);
    expect(paragraph?.text).toContain(result.bestSentence);
    expect(result.bestSentence.length).toBeGreaterThan(0);
  });

  it('GIVEN an answer THEN its score clears the threshold and alternatives rank below it', () => {
    if (result.kind !== 'answer') throw new Error('expected an answer');
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.alternatives.length).toBeLessThanOrEqual(3);
    expect(result.alternatives.map((alternative) => alternative.paragraphId)).not.toContain(
      result.paragraphId,
    );
    expect(result.matchedTerms.length).toBeGreaterThan(0);
  });

  it('GIVEN a threshold above every score THEN every question is a no-match', () => {
    const strict = shippedEngine({ threshold: 1.01 });
    expect(strict.answer('can i ask my therapist out on a date').kind).toBe('no-match');
  });

  it('GIVEN explain THEN it lists matched paragraphs best first with the parts of their confidence', () => {
    const explained = engine.explain('my therapist is sick, will she cancel');
    expect(explained[0]?.sectionId).toBe('patient-centered-focus');
    for (const entry of explained) {
      expect(entry.coverage).toBeGreaterThanOrEqual(0);
      expect(entry.coverage).toBeLessThanOrEqual(1);
    }
  });
});

describe('typo correction', () => {
  const index = new TypoIndex(['therapist', 'boundary', 'reschedule', 'crying', 'wellbeing']);

  it('GIVEN one swapped, missing, extra or wrong letter THEN the word is found', () => {
    expect(index.correct('therapsit')?.word).toBe('therapist');
    expect(index.correct('boundry')?.word).toBe('boundary');
    expect(index.correct('rescheduule')?.word).toBe('reschedule');
    expect(index.correct('wellbeeing')?.word).toBe('wellbeing');
  });

  it('GIVEN a short word, another first letter or too many edits THEN nothing is corrected', () => {
    expect(index.correct('thera')).toBeNull();
    expect(index.correct('trying')).toBeNull();
    expect(index.correct('therxxxist')).toBeNull();
  });

  it('GIVEN two words THEN editDistance counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('therapist', 'therapist')).toBe(0);
    expect(editDistance('therapsit', 'therapist')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
