/**
 * The safety check's verdict. It names concepts only, never the writer's words, so it is safe to log.
 *
 * - `crisis`: present danger to the writer or to someone they talk about; the crisis reply replaces the answer.
 * - `concern`: distress or risk signals short of that; the answer is given with one calm support line.
 * - `none`: nothing to add (including the topic in general, fiction, the past and idioms).
 */
export type SafetyTier = 'none' | 'concern' | 'crisis';

/** Who the danger is about: the writer, or someone they talk about (a friend, a relative...). */
export type AtRisk = 'self' | 'other';

export type SafetySignal =
  | 'ideation'
  | 'passive-wish'
  | 'plan-or-means'
  | 'timing'
  | 'preparation'
  | 'goodbye'
  | 'self-harm'
  | 'danger-from-others'
  | 'hopelessness'
  | 'distress'
  | 'help-seeking'
  /** No cue, but the message resembles the crisis and concern messages the check was tuned on. */
  | 'resembles-crisis';

export type SafetyAssessment =
  | {
      readonly tier: 'none';
      /**
       * The message reads somewhat like the crisis messages, too little for a line under an answer from
       * the article: when the knowledge has no answer for it (it is not a question about the article), it
       * gets the calm support line rather than only "not covered".
       */
      readonly concernIfUnanswered?: true;
    }
  | { readonly tier: 'concern'; readonly signals: readonly SafetySignal[] }
  | { readonly tier: 'crisis'; readonly about: AtRisk; readonly signals: readonly SafetySignal[] };
