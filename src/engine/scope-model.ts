import model from './scope-model.json' with { type: 'json' };
import { SCOPE_FEATURES, type ScopeFeature, type ScopeModel } from './policy.js';

/**
 * The fitted answer decision (`scope-model.json`, written by `npx tsx scripts/eval/fit-scope.ts --write`
 * from the tuning sets, cross-validated). Data, not code: refitting changes only the JSON. Measured, not
 * the default (README, "Answer policy"); `npm run eval -- --scope-model` uses it.
 */
export const FITTED_SCOPE_MODEL: ScopeModel = {
  bias: model.bias,
  threshold: model.threshold,
  weights: Object.fromEntries(
    Object.entries(model.weights).filter(([name]) => (SCOPE_FEATURES as readonly string[]).includes(name)),
  ) as Partial<Record<ScopeFeature, number>>,
};
