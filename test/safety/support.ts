// The safety tests count exactly as `npm run eval:safety` does.
export {
  crisisSet,
  shownTier,
  tierRates,
  type CrisisSet,
  type TierRates,
} from '../../scripts/eval/safety-sets.js';
import { ordinaryQuestions as allOrdinaryQuestions } from '../../scripts/eval/safety-sets.js';

/** Every question of every question set (answerable and off-topic): what members ask day to day. */
export const ordinaryQuestions = (): string[] => allOrdinaryQuestions().questions;
