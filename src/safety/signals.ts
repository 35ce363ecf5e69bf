import { LEXICON, type CueLevel, type FrameName } from './lexicon.js';
import type { SafetySignal } from './types.js';

/** Whom a cue is about: the writer, someone they talk about, or nobody in particular. */
export type Subject = 'self' | 'other' | 'general';

/** Stage 3: one cue found in one sentence, with what the sentence says about who and when. */
export interface CueHit {
  readonly cueId: number;
  readonly signal: SafetySignal;
  readonly level: CueLevel;
  readonly subject: Subject;
  readonly topic: boolean;
  /** The cue is about a specific person ("my sister", "he") rather than people in general. */
  readonly frames: ReadonlySet<FrameName>;
  /** "not" or "no" right before the cue ("i am not suicidal"). */
  readonly negated: boolean;
  /** Chat slang after a joke ("kms lol"), and the writer does not say they mean it. */
  readonly joking: boolean;
}

/** Frames that belong to the whole message: a film or a general question frames every sentence of it. */
const MESSAGE_FRAMES: readonly FrameName[] = [
  'fiction',
  'general',
  'loss',
  'ordinaryGoodbye',
  'recovery',
  'supporter',
];
const SENTENCE_FRAMES: readonly FrameName[] = [
  'past',
  'recurrence',
  'now',
  'joking',
  'meaningIt',
  'hypothetical',
];
/** Words looked at before a cue for a denial. */
const NEGATION_WINDOW = 16;

interface SubjectMention {
  readonly index: number;
  readonly subject: Subject;
  readonly pronoun: boolean;
}

/** Every cue in every sentence of the normalised, idiom-free text. */
export function findCues(text: string): CueHit[] {
  // Most messages have no cue at all: what the whole message says is worked out only for one that has.
  let messageFrames: ReadonlySet<FrameName> | undefined;
  let mentionsSomeoneSpecific: boolean | undefined;
  // One scan of the whole text per cue: cues never cross a sentence break (` . `), so the sentence
  // of a match is found afterwards, and its frames are worked out only when it has a cue.
  const sentenceStarts = [0];
  for (let at = text.indexOf(' . '); at >= 0; at = text.indexOf(' . ', at + 1)) sentenceStarts.push(at + 3);
  const sentences = new Map<number, { text: string; frames: Set<FrameName>; mentions: SubjectMention[] }>();
  const sentenceAt = (index: number) => {
    const start = sentenceStarts.findLast((candidate) => candidate <= index) ?? 0;
    let sentence = sentences.get(start);
    if (!sentence) {
      const end = text.indexOf(' . ', start);
      const sentenceText = text.slice(start, end < 0 ? text.length : end);
      sentence = {
        text: sentenceText,
        frames: new Set([
          ...(messageFrames ??= framesOf(text, MESSAGE_FRAMES)),
          ...framesOf(sentenceText, SENTENCE_FRAMES),
        ]),
        mentions: subjectMentions(sentenceText),
      };
      sentences.set(start, sentence);
    }
    return { start, ...sentence };
  };

  const hits: CueHit[] = [];
  const mayBeIn = LEXICON.cueAnchors.scan(text);
  for (const cue of LEXICON.cues) {
    if (!mayBeIn(cue.id) || !cue.present.test(text)) continue;
    for (const match of text.matchAll(cue.pattern)) {
      const sentence = sentenceAt(match.index);
      const index = match.index - sentence.start;
      const before = sentence.text.slice(Math.max(0, index - NEGATION_WINDOW), index);
      hits.push({
        cueId: cue.id,
        signal: cue.signal,
        level: cue.level,
        subject:
          cue.who === 'self'
            ? 'self'
            : resolveSubject(
                cue.who,
                sentence.mentions,
                index,
                sentence.frames,
                (mentionsSomeoneSpecific ??= /\bmy [a-z]/.test(text) && hasOtherPerson(text)),
              ),
        topic: cue.topic,
        frames: sentence.frames,
        negated: LEXICON.frames.negation.test(before),
        joking: cue.jokeable && sentence.frames.has('joking') && !sentence.frames.has('meaningIt'),
      });
    }
  }
  return hits;
}

function framesOf(text: string, names: readonly FrameName[]): Set<FrameName> {
  return new Set(names.filter((name) => LEXICON.frames[name].test(text)));
}

function hasOtherPerson(text: string): boolean {
  return subjectMentions(text).some((mention) => mention.subject === 'other' && !mention.pronoun);
}

function subjectMentions(sentence: string): SubjectMention[] {
  const mentions: SubjectMention[] = [];
  for (const match of sentence.matchAll(LEXICON.subjects)) {
    const groups = match.groups ?? {};
    const subject: Subject = groups['other'] ? 'other' : groups['general'] ? 'general' : 'self';
    mentions.push({
      index: match.index,
      subject,
      pronoun: subject === 'other' && /^(?:he|she|they|him|her|them|his)$/.test(match[0]),
    });
  }
  return mentions;
}

/**
 * The nearest subject before the cue decides. A pronoun ("they") takes the person it stands for: the
 * subject named before it in the sentence ("when someone says they…" is anyone; "my sister said she…"
 * is her), else someone named elsewhere in the message.
 */
function resolveSubject(
  who: 'other' | 'sentence',
  mentions: readonly SubjectMention[],
  cueIndex: number,
  frames: ReadonlySet<FrameName>,
  mentionsSomeoneSpecific: boolean,
): Subject {
  const before = mentions.filter((mention) => mention.index < cueIndex);
  const nearest = before.at(-1);
  const unframed: Subject = frames.has('fiction') || frames.has('general') ? 'general' : 'self';
  if (!nearest) {
    if (who === 'other') return mentionsSomeoneSpecific || unframed === 'self' ? 'other' : 'general';
    return unframed;
  }
  if (nearest.subject === 'self' && who === 'other') return 'other';
  if (!nearest.pronoun) return nearest.subject;
  const antecedent = before
    .slice(0, -1)
    .findLast((mention) => !mention.pronoun && mention.subject !== 'self');
  if (antecedent) return antecedent.subject;
  return mentionsSomeoneSpecific || unframed === 'self' ? 'other' : 'general';
}
