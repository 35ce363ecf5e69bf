/**
 * The safety check: runs before pins and the engine, so that a person in danger gets support first.
 *
 * Pure and synchronous, one message at a time, English only. Four stages, each its own module, with the
 * words they look for as data in `data/`:
 *   1. `normalise.ts`  canonical text (case, accents, invisible characters, leetspeak, contractions, slang, typos)
 *   2. `idioms.ts`     idioms and hyperbole that share words with a crisis are blanked out
 *   3. `signals.ts`    cues (what: ideation, plan, preparation, goodbye, self-harm...) with who they are
 *                      about and the frames of their sentence (when: past, recovery, fiction, general talk...);
 *                      `anchors.ts` first rules out, in one pass, the cues whose literals are not in the text
 *   4. `combine.ts`    the tier: crisis, concern or none
 *   5. `model.ts`      a second signal for what no cue spells out: how much the message reads like the
 *                      tuning sets' crisis messages, read by `combine` with thresholds chosen by
 *                      cross-validation
 *
 * The verdict names concepts only, never the writer's words, so it is safe to log.
 */
import { combine } from './combine.js';
import { neutralizeIdioms } from './idioms.js';
import { normalizeForCrisis } from './normalise.js';
import { resemblance, RESEMBLANCE_THRESHOLDS } from './model.js';
import { findCues } from './signals.js';
import type { SafetyAssessment } from './types.js';

const NO_TIER: SafetyAssessment = Object.freeze({ tier: 'none' });

export function assessSafety(message: string): SafetyAssessment {
  if (typeof message !== 'string' || message.trim().length === 0) return NO_TIER;
  const text = neutralizeIdioms(normalizeForCrisis(message));
  return combine(findCues(text), resemblance(text), RESEMBLANCE_THRESHOLDS);
}

export { normalizeForCrisis };
