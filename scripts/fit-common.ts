/**
 * What the two body-model fitters (fit-text-model.ts, fit-html-model.ts) share: labelling a unit of
 * text by a development page's truth, the L2-regularised logistic regression fitted by Newton's
 * method on standardised features, the rounding of what is written, and the site hash that puts
 * the pages of one site in one cross-validation fold.
 */
import { type Page, pyNorm } from './text-eval.js';

/** L2 penalty of the fit (on standardised features). */
const L2 = 1;

/** One labelled unit: features (bias first), label (1 body, 0 not, undefined unknown) and weight. */
export interface LabelledSample {
  x: ArrayLike<number>;
  y: number | undefined;
  w: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Set 1: a unit is body when half its word 4-grams are in the human-marked body (a short unit: when it is a whole line of it). */
export function set1Labels(texts: readonly string[], truth: string): (number | undefined)[] {
  const truthTokens = truth.match(TOKEN) ?? [];
  const grams = new Set<string>();
  for (let i = 0; i + 4 <= truthTokens.length; i += 1) grams.add(truthTokens.slice(i, i + 4).join(' '));
  const lines = new Set(truth.split('\n').map((line) => (line.match(TOKEN) ?? []).join(' ')));
  return texts.map((text) => {
    const tokens = text.match(TOKEN) ?? [];
    if (tokens.length === 0) return undefined;
    if (tokens.length < 4) return lines.has(tokens.join(' ')) ? 1 : 0;
    let hit = 0;
    for (let i = 0; i + 4 <= tokens.length; i += 1) if (grams.has(tokens.slice(i, i + 4).join(' '))) hit += 1;
    return hit / (tokens.length - 3) >= 0.5 ? 1 : 0;
  });
}

/** Set 2: a unit holding a snippet the page must have is body, one holding a snippet it must not have is not; others are unknown. */
export function set2Labels(texts: readonly string[], page: Page): (number | undefined)[] {
  const withs = (page.with ?? []).map(pyNorm).filter((s) => s !== '');
  const withouts = (page.without ?? []).map(pyNorm).filter((s) => s !== '');
  return texts.map((raw) => {
    const text = pyNorm(raw);
    if (withs.some((s) => text.includes(s))) return 1;
    if (withouts.some((s) => text.includes(s))) return 0;
    return undefined;
  });
}

export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const rowC = m[col] as number[];
    const d = rowC[col] as number;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] as number) / d;
      if (f === 0) continue;
      for (let c = col; c <= n; c += 1) row[c] = (row[c] as number) - f * (rowC[c] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / ((row[i] as number) || 1));
}

/** Fits the weights to `samples` (their `y` defined) with `d` features; the means and scales standardise them. */
export function fitLogistic(samples: readonly LabelledSample[], d: number): { mean: number[]; scale: number[]; weights: number[] } {
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  let wsum = 0;
  for (const s of samples) {
    wsum += s.w;
    for (let k = 0; k < d; k += 1) mean[k] = (mean[k] as number) + s.w * (s.x[k] as number);
  }
  for (let k = 0; k < d; k += 1) mean[k] = (mean[k] as number) / wsum;
  const variance = new Array<number>(d).fill(0);
  for (const s of samples) for (let k = 0; k < d; k += 1) variance[k] = (variance[k] as number) + s.w * ((s.x[k] as number) - (mean[k] as number)) ** 2;
  for (let k = 0; k < d; k += 1) scale[k] = Math.sqrt((variance[k] as number) / wsum) || 1;
  // The bias stays a constant 1.
  mean[0] = 0;
  scale[0] = 1;
  const z = samples.map((s) => Float64Array.from(s.x, (v, k) => (v - (mean[k] as number)) / (scale[k] as number)));
  // Weights are scaled so that the total weight is the number of samples.
  const norm = samples.length / wsum;
  let beta = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    samples.forEach((s, i) => {
      const x = z[i] as Float64Array;
      let eta = 0;
      for (let k = 0; k < d; k += 1) eta += (beta[k] as number) * (x[k] as number);
      const p = 1 / (1 + Math.exp(-eta));
      const w = s.w * norm;
      const r = w * ((s.y as number) - p);
      const v = w * Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k < d; k += 1) {
        g[k] = (g[k] as number) + r * (x[k] as number);
        const hk = h[k] as number[];
        const vk = v * (x[k] as number);
        for (let l = k; l < d; l += 1) hk[l] = (hk[l] as number) + vk * (x[l] as number);
      }
    });
    for (let k = 0; k < d; k += 1) {
      for (let l = 0; l < k; l += 1) (h[k] as number[])[l] = (h[l] as number[])[k] as number;
      if (k > 0) {
        (h[k] as number[])[k] = ((h[k] as number[])[k] as number) + L2;
        g[k] = (g[k] as number) - L2 * (beta[k] as number);
      }
    }
    const step = solve(h, g);
    beta = beta.map((b, k) => b + (step[k] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { mean, scale, weights: beta };
}

/** Six significant digits: what the model files hold. */
export function round(value: number): number {
  return Number(value.toPrecision(6));
}

/** FNV-1a of a site name: its cross-validation fold is this modulo the number of folds. */
export function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
