import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ResemblanceThresholds } from './combine.js';

/**
 * The safety check's second signal: how much a message resembles the crisis and concern messages of the
 * tuning sets, as a logistic regression over its words and word pairs (`data/model.json`, written by
 * `npm run train:safety`). It catches what no cue spells out, and can only ever add a concern.
 */

const threshold = z.number().min(0).max(2);
const modelFile = z.object({
  thresholds: z.object({
    concern: threshold,
    agree: threshold,
    alone: threshold,
    unanswered: threshold,
  }),
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
});

const MODEL = modelFile.parse(
  JSON.parse(readFileSync(new URL('./data/model.json', import.meta.url), 'utf8')),
);
const WEIGHTS = new Map(Object.entries(MODEL.weights));

/** The words and adjacent word pairs of normalised text, each once; sentence breaks end a pair. */
export function featuresOf(text: string): string[] {
  const features = new Set<string>();
  for (const sentence of text.split(' . ')) {
    const words = sentence.split(' ').filter((word) => /^[a-z0-9]+$/.test(word));
    words.forEach((word, i) => {
      features.add(word);
      const next = words[i + 1];
      if (next !== undefined) features.add(`${word} ${next}`);
    });
  }
  return [...features];
}

/** Probability, by the model, that the normalised text is a crisis or a concern. */
export function resemblance(text: string): number {
  let z = MODEL.bias;
  for (const feature of featuresOf(text)) z += WEIGHTS.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** How the score is read (chosen by cross-validation when the model is trained). */
export const RESEMBLANCE_THRESHOLDS: ResemblanceThresholds = MODEL.thresholds;
