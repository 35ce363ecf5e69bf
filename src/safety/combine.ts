import type { CueHit } from './signals.js';
import type { AtRisk, SafetyAssessment, SafetySignal } from './types.js';

const NONE: SafetyAssessment = Object.freeze({ tier: 'none' });

/** `softened`: danger under a denial, a joke, a quotation or a hypothetical; a concern no signal upgrades. */
type Weight = 'crisis' | 'facet' | 'concern' | 'softened' | 'amplifier' | 'none';

/**
 * Stage 4: what each cue weighs once who and when are known, and the tier of the whole message.
 *
 * - A cue about people in general, a character or the news weighs nothing; so does one about the past,
 *   a recovery or a loss, unless the sentence says it is back ("again", "relapsed").
 * - A denial ("i am not suicidal") or a hypothetical turns danger into a concern; so do the writer's own
 *   words in fiction or in a message written as a clinician, moderator or peer supporter (quoted words).
 * - Danger about the writer or a specific person is a crisis. Warning signs (facets: preparations,
 *   goodbyes, burden) are a crisis when two different ones meet (two different cues, even of one
 *   signal: a letter to the family and "explaining everything"), or one meets a time ("tonight");
 *   alone, a concern. Distress is a concern.
 * - A warning sign keeps its weight under a denial: "if you do not hear from me again" is a goodbye.
 * - The second signal (`model.ts`) is a score of how much the message reads like the tuning sets'
 *   crisis messages. Above one threshold it makes at least a concern; above a higher one, with a cue
 *   of concern, the two agree on a crisis; above the highest, it is a crisis alone. A denial ("i am
 *   not suicidal but…") keeps it from raising a crisis.
 */
/** How the second signal's score (0–1) is read; chosen by cross-validation in `npm run train:safety`. */
export interface ResemblanceThresholds {
  /** At or above: at least a concern, even with no cue. */
  readonly concern: number;
  /** At or above, with a cue of concern that is not denied: the two signals agree on a crisis. */
  readonly agree: number;
  /** At or above: a crisis on this signal alone. */
  readonly alone: number;
  /** At or above, with no tier: a concern if the knowledge has no answer for the message. */
  readonly unanswered: number;
}

const NEVER: ResemblanceThresholds = { concern: 2, agree: 2, alone: 2, unanswered: 2 };
const LEANING: SafetyAssessment = Object.freeze({ tier: 'none', concernIfUnanswered: true });
export function combine(
  hits: readonly CueHit[],
  resemblance = 0,
  thresholds: ResemblanceThresholds = NEVER,
): SafetyAssessment {
  const crisisSubjects = new Set<AtRisk>();
  const crisisSignals = new Set<SafetySignal>();
  const facetSignals = new Map<SafetySignal, AtRisk>();
  const facetCues = new Set<number>();
  const concernSignals = new Set<SafetySignal>();
  const concernSubjects = new Set<AtRisk>();
  const mentioned = new Set<AtRisk>();
  let denied = false;
  let amplified = false;

  for (const hit of hits) {
    if (hit.subject !== 'general') mentioned.add(hit.subject);
    const weight = weigh(hit);
    if (weight === 'none' || hit.subject === 'general') continue;
    if (weight === 'softened' && hit.negated) denied = true;
    const about: AtRisk = hit.subject;
    if (weight === 'crisis') {
      crisisSubjects.add(about);
      crisisSignals.add(hit.signal);
    } else if (weight === 'facet') {
      facetCues.add(hit.cueId);
      if (!facetSignals.has(hit.signal) || about === 'self') facetSignals.set(hit.signal, about);
    } else if (weight === 'amplifier') {
      amplified = true;
    } else {
      concernSignals.add(hit.signal);
      if (weight === 'concern') concernSubjects.add(about);
    }
  }

  if (facetCues.size >= 2 || (facetCues.size === 1 && (amplified || crisisSignals.size > 0))) {
    for (const [signal, about] of facetSignals) {
      crisisSignals.add(signal);
      crisisSubjects.add(about);
    }
  }
  if (crisisSignals.size === 0 && !denied && resemblance >= thresholds.alone) {
    crisisSignals.add('resembles-crisis');
    crisisSubjects.add(mentioned.has('other') && !mentioned.has('self') ? 'other' : 'self');
  }
  if (crisisSignals.size > 0) {
    return {
      tier: 'crisis',
      about: crisisSubjects.has('self') ? 'self' : 'other',
      signals: [...crisisSignals].sort(),
    };
  }
  for (const [signal, about] of facetSignals) {
    concernSignals.add(signal);
    concernSubjects.add(about);
  }
  if (concernSignals.size === 0) {
    if (resemblance >= thresholds.concern) return { tier: 'concern', signals: ['resembles-crisis'] };
    return resemblance >= thresholds.unanswered ? LEANING : NONE;
  }
  // Two independent signals agree: a cue of concern, and a message that reads like the crisis messages.
  if (resemblance >= thresholds.agree && concernSubjects.size > 0 && !denied) {
    return {
      tier: 'crisis',
      about: concernSubjects.has('self') ? 'self' : 'other',
      signals: [...concernSignals, 'resembles-crisis' as const].sort(),
    };
  }
  return { tier: 'concern', signals: [...concernSignals].sort() };
}
function weigh(hit: CueHit): Weight {
  const { frames } = hit;
  const back = frames.has('recurrence');
  if (frames.has('recovery') && !back) return 'none';
  if (frames.has('past') && !back && !frames.has('now')) return 'none';
  if (hit.subject === 'other' && frames.has('loss') && !back) return 'none';
  if (hit.topic && frames.has('general') && hit.subject !== 'other') return 'none';
  // "Bye all, off to bed" and "giving my old clothes to charity": an ordinary reason takes the warning
  // sign away, and turns even a final-sounding goodbye into a concern.
  const ordinaryLeaving =
    frames.has('ordinaryGoodbye') && (hit.signal === 'goodbye' || hit.signal === 'preparation');
  if (ordinaryLeaving && hit.level === 'facet') return 'none';

  // The writer's own words inside a film, a song or a role play are quoted, not confessed: a concern. So
  // are first-person words in a message written as a clinician, a moderator or a peer supporter ("my
  // clients say 'when i am gone'"): they quote the people the writer looks after.
  const quoted = hit.subject === 'self' && (frames.has('fiction') || frames.has('supporter'));
  const softened = hit.negated || hit.joking || quoted || ordinaryLeaving || frames.has('hypothetical');
  switch (hit.level) {
    case 'danger':
      return softened ? 'softened' : 'crisis';
    case 'facet':
      return quoted ? 'none' : 'facet';
    case 'amplifier':
      return 'amplifier';
    case 'distress':
      return hit.negated ? 'none' : 'concern';
  }
}
