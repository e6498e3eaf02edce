/**
 * The body model: a logistic regression over the unit features of features.ts, whose weights
 * are data (assets/text-body-model.json, beside the other data files so that src/ and lib/ both reach it) fitted by scripts/fit-text-model.ts on both development sets
 * (`npm run fit:text` rewrites it byte for byte). This module only reads and applies it.
 */
import { createRequire } from 'node:module';
import type { LineScore } from '../../model.js';
import { checkFeatures, type LogisticModel, probability } from '../logistic.js';
import { FEATURE_NAMES } from './features.js';

export interface TextModel extends LogisticModel {
  /** Feature names, in the order of `weights` (must equal FEATURE_NAMES). */
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  /**
   * A unit adds (logit(p) - threshold) * (1 + min(words, wordCap)) to the body region's sum, times
   * `negativeScale` when that is below zero (a menu line inside a story costs less than a paragraph
   * of the story gains).
   */
  threshold: number;
  negativeScale: number;
  /** How much the model's region score adds to the phrase rules' body score of a unit. */
  modelWeight: number;
  wordCap: number;
  /** Inside the body, a line that is not a sentence or a list item with p below this is dropped ('low-score'). */
  dropBelow: number;
  /**
   * ... unless it is a subheading: the prose line under it has at least this probability. A teaser
   * headline set into the story or a menu line stands over prose the model is less sure of.
   */
  headingBelow: number;
  /**
   * The body's weak tail starts after its last prose line with p at least `tailFrom`; there a short
   * line (not prose, a list item, a data row or a subheading) with p below `tailBelow` is dropped
   * ('low-score') even when it ends like a sentence. `tailBelow` 0 turns this off.
   */
  tailFrom: number;
  tailBelow: number;
  /**
   * In the weak tail a short line is kept as a subheading only when the prose line under it has at
   * least this probability (elsewhere in the body 0.5): after the story's last sure paragraph, a
   * heading over a doubtful paragraph ("More on this site", "Recommended for you", a teaser's
   * headline over its blurb) heads a box, not a section of the story.
   */
  tailHeadingBelow: number;
}

let loaded: TextModel | undefined;

/** The checked-in model (assets/text-body-model.json). */
export function defaultModel(): TextModel {
  if (loaded) return loaded;
  const model = createRequire(import.meta.url)('../../../assets/text-body-model.json') as TextModel;
  checkModel(model);
  loaded = model;
  return model;
}

export function checkModel(model: TextModel): void {
  checkFeatures(model, FEATURE_NAMES, 'text body', 'fit:text');
}

/** What a unit with body probability `p` and `words` words adds to the body region's sum. */
export function regionScore(model: TextModel, p: number, words: number): number {
  const logit = Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));
  const score = (logit - model.threshold) * (1 + Math.min(words, model.wordCap));
  return score < 0 ? score * model.negativeScale : score;
}

/** How many features `explainScore` lists for a line. */
export const EXPLAIN_TOP_FEATURES = 6;

/**
 * Why the model scored a line as it did: its probability and the features with the largest
 * effect on the logit (weight × standardised value; the bias is left out, it is the same for every
 * line), for `explain --verbose`.
 */
export function explainScore(model: TextModel, x: Float64Array, line: number, top = EXPLAIN_TOP_FEATURES): LineScore {
  const { weights, mean, scale } = model;
  let z = 0;
  const parts: LineScore['features'] = [];
  for (let k = 0; k < x.length; k += 1) {
    const contribution = (weights[k] as number) * (((x[k] as number) - (mean[k] as number)) / (scale[k] as number));
    z += contribution;
    if (FEATURE_NAMES[k] !== 'bias' && contribution !== 0) parts.push({ name: FEATURE_NAMES[k] as string, value: round(x[k] as number), contribution: round(contribution) });
  }
  parts.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : 1));
  return { line, p: round(1 / (1 + Math.exp(-z))), features: parts.slice(0, top) };
}

/** Four decimals: enough to read, and stable across platforms' last-bit differences. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** One line of `explain --verbose`: "p 0.12: stopword-share -0.53, log-words -0.41". */
export function formatLineScore(score: LineScore): string {
  const sign = (n: number): string => (n >= 0 ? `+${n.toFixed(2)}` : n.toFixed(2));
  return `line ${score.line} p ${score.p.toFixed(2)}: ${score.features.map((f) => `${f.name} ${sign(f.contribution)}`).join(', ')}`;
}

/** P(unit is body) for each feature vector. */
export function probabilities(model: TextModel, features: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(features.length);
  for (let i = 0; i < features.length; i += 1) out[i] = probability(model, features[i] as Float64Array);
  return out;
}
