/**
 * What the text and HTML body models share: a logistic regression over standardised features,
 * its weights data written by a fitter in scripts/ (fit-common.ts). A model is checked against
 * the features the code computes when it is loaded, and applied one feature vector at a time.
 */

/** The fitted part of a body model. */
export interface LogisticModel {
  /** Feature names, in the order of `weights` (must equal the code's list). */
  features: readonly string[];
  /** Features are standardised as (x - mean) / scale before the weights apply. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
}

/** P(body) of one feature vector. */
export function probability(model: LogisticModel, x: ArrayLike<number>): number {
  const { weights, mean, scale } = model;
  let z = 0;
  for (let k = 0; k < x.length; k += 1) z += (weights[k] as number) * (((x[k] as number) - (mean[k] as number)) / (scale[k] as number));
  return 1 / (1 + Math.exp(-z));
}

/**
 * Throws unless `model` was fitted on exactly the features `names` (a model left behind by a code
 * change would apply its weights to the wrong features). `what` names it ("text body"), `refit`
 * is the npm script that refits it.
 */
export function checkFeatures(model: LogisticModel, names: readonly string[], what: string, refit: string): void {
  const n = names.length;
  if (model.features.length !== n || model.features.some((name, i) => name !== names[i])) {
    throw new Error(`The ${what} model lists features [${model.features.join(', ')}], but the code computes [${names.join(', ')}]; refit it with npm run ${refit}.`);
  }
  if (model.weights.length !== n || model.mean.length !== n || model.scale.length !== n) throw new Error(`The ${what} model has weight vectors of the wrong length; refit it with npm run ${refit}.`);
}
