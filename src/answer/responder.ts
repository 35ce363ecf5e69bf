import { paragraphAnswer, type Answer, type AnswerEngine, type NoMatch } from '../engine/engine.js';
import { matchPin } from '../pins/match.js';
import type { PinnedAnswers } from '../pins/service.js';
import { assessSafety } from '../safety/crisis.js';
import type { AtRisk, SafetyAssessment, SafetySignal, SafetyTier } from '../safety/types.js';
import type { Pin } from '../store/types.js';
import { sanitizeUserText } from './escape.js';

/** Questions are cut here: the opening of a message carries the question, and cost must stay bounded. */
export const MAX_QUESTION_CODE_POINTS = 1000;
/** The safety check reads far more than the question: a cry for help may come after a long preamble. */
export const MAX_SAFETY_CHECK_CHARS = 20_000;

/** Below crisis, the safety check either adds nothing or one calm support line under the answer. */
export type AnswerSafety = 'none' | 'concern';

/**
 * What the bot decided to say, before any formatting. Every front end renders this same model.
 * `safety` is the tier of the safety check: `crisis` replaces the answer, `concern` adds a support line.
 */
export type Reply =
  | {
      readonly kind: 'answer';
      readonly question: string;
      readonly answer: Answer;
      readonly safety: AnswerSafety;
    }
  | {
      readonly kind: 'pinned';
      readonly question: string;
      readonly answer: Answer;
      readonly pin: Pin;
      readonly safety: AnswerSafety;
    }
  | {
      readonly kind: 'no-match';
      readonly question: string;
      readonly noMatch: NoMatch;
      readonly safety: AnswerSafety;
    }
  | {
      readonly kind: 'crisis';
      readonly question: string;
      readonly safety: 'crisis';
      readonly about: AtRisk;
      readonly signals: readonly SafetySignal[];
    };

export type { PinnedAnswers };

export interface Responder {
  respond(rawQuestion: string, context?: { readonly guildId?: string | null }): Reply;
  /**
   * The safety check first; then pins and the engine only if `admit()` says yes (`undefined` if not).
   * The rate limit goes in `admit`: a flood then costs one safety check per message, and a person in
   * crisis is answered before any limit is asked.
   */
  respondIfAdmitted(
    rawQuestion: string,
    context: { readonly guildId?: string | null },
    admit: () => boolean,
  ): Reply | undefined;
}

export interface ResponderDeps {
  readonly engine: AnswerEngine;
  readonly pins?: PinnedAnswers;
  readonly assess?: (message: string) => SafetyAssessment;
}

/**
 * Order matters: a person in crisis gets support before anything else, then a moderator's pinned answer
 * for this server, then the engine.
 */
export function createResponder({ engine, pins, assess = assessSafety }: ResponderDeps): Responder {
  const respondIfAdmitted: Responder['respondIfAdmitted'] = (rawQuestion, context, admit) => {
    const question = cleanQuestion(rawQuestion);
    // The crisis check sees the whole message: a cry for help may come after a long preamble.
    const check = assess(rawQuestion.slice(0, MAX_SAFETY_CHECK_CHARS));
    if (check.tier === 'crisis') {
      return { kind: 'crisis', question, safety: 'crisis', about: check.about, signals: check.signals };
    }
    const safety = check.tier;
    if (!admit()) return undefined;

    const guildId = context.guildId;
    if (guildId && pins) {
      const match = matchPin(question, pins.activePins(guildId));
      if (match) {
        const answer = answerFromPin(engine, match.pin, question, match.similarity);
        if (answer) return { kind: 'pinned', question, answer, pin: match.pin, safety };
      }
    }

    const result = engine.answer(question);
    return result.kind === 'answer'
      ? { kind: 'answer', question, answer: result, safety }
      : { kind: 'no-match', question, noMatch: result, safety: tierShown(check, false) };
  };
  return {
    // Admitting everything, it always has a reply.
    respond: (rawQuestion, context = {}) => respondIfAdmitted(rawQuestion, context, () => true) as Reply,
    respondIfAdmitted,
  };
}

/**
 * The tier a member sees, given whether the knowledge answered the message: a message that reads a little
 * like distress and is not a question the knowledge answers gets a calm line, not only "not covered".
 */
export function tierShown(
  check: Exclude<SafetyAssessment, { tier: 'crisis' }>,
  answered: boolean,
): AnswerSafety;
export function tierShown(check: SafetyAssessment, answered: boolean): SafetyTier;
export function tierShown(check: SafetyAssessment, answered: boolean): SafetyTier {
  return check.tier === 'none' && check.concernIfUnanswered && !answered ? 'concern' : check.tier;
}

/** The question as the bot reads it: no control or invisible characters, single-spaced, bounded. */
export function cleanQuestion(raw: string): string {
  return sanitizeUserText(raw, MAX_QUESTION_CODE_POINTS);
}

/** A pin's paragraph in the shape of an engine answer; undefined when the paragraph no longer exists. */
function answerFromPin(
  engine: AnswerEngine,
  pin: Pin,
  question: string,
  similarity: number,
): Answer | undefined {
  const paragraph = engine.findParagraph(pin.articleId, pin.paragraphId);
  if (!paragraph) return undefined;
  const pinned = paragraphAnswer(paragraph, similarity);
  // When the engine agrees, keep its emphasis and matched words; otherwise show the paragraph plainly.
  const engineView = engine.answer(question);
  return engineView.kind === 'answer' && engineView.paragraphId === paragraph.id
    ? { ...pinned, matchedTerms: engineView.matchedTerms, bestSentence: engineView.bestSentence }
    : pinned;
}
