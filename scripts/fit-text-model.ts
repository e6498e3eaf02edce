/**
 * Fit the plain-text body model (src/extract/text/model.ts) on both development sets and write
 * assets/text-body-model.json:
 *
 *   npm run fit:text                 # refit and rewrite the checked-in weights (byte for byte)
 *   npx tsx scripts/fit-text-model.ts --cv      # also 5-fold cross-validation figures
 *   npx tsx scripts/fit-text-model.ts --check   # fit, compare with the checked-in file, write nothing
 *   ... --cv-full-grid                          # CV rerunning the threshold grid in each fold
 *
 * Labels, per unit (a line or joined paragraph of the page, as extractText builds them):
 *   set 1 (../shared/extraction-dev): positive when at least half of its word 4-grams are in the
 *     page's truth/<id>.txt (units of 1-3 words: when they equal a whole line of the truth);
 *   set 2 (../data/traf-dev): positive when it holds a `with` snippet, negative when it holds a
 *     `without` snippet; other units carry no label (nothing says what they are).
 * Each page weighs the same within its set and the two sets weigh the same; within a page a unit
 * weighs sqrt(1 + min(words, 100)).
 *
 * The model is an L2-regularised logistic regression on standardised features, fitted by
 * Newton's method (IRLS) from zero weights: no randomness, the same bytes every run. Then the
 * region threshold, the weight of negative scores, the model's weight against the rules, the
 * in-body drop threshold, the probability a subheading's prose needs there, the weak tail's drop
 * threshold and the probability a subheading's prose needs in the weak tail are chosen on a small grid by the mean of the
 * two sets' end metrics (set 1 word 4-gram F1, set 2 snippet F) on the training pages.
 *
 * Cross-validation: 5 folds, pages of one site (URL host; set 1 pages are one site each) always in
 * the same fold (fold = FNV-1a hash of the site key mod 5); each fold is scored with weights fitted
 * on the other four, and the held-out bodies of all folds are scored together. The grid's seven
 * thresholds are kept from the fit on all pages unless --cv-full-grid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textUnitFeatures } from '../src/extract/text/index.js';
import { FEATURE_NAMES } from '../src/extract/text/features.js';
import type { TextModel } from '../src/extract/text/model.js';
import { fitLogistic, fnv, round, set1Labels, set2Labels } from './fit-common.js';
import { bodyOf, loadSet1, loadSet2, type Page, REFERENCE_DATE, type SetScores, scorePages } from './text-eval.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL_FILE = resolve(ROOT, 'assets/text-body-model.json');
const FOLDS = 5;
const WORD_CAP = 120;
const THRESHOLDS = [-1, 0];
const NEGATIVE_SCALES = [0.5, 1];
const MODEL_WEIGHTS = [0.25, 0.5, 1];
const DROP_BELOW = [0.1, 0.2, 0.3];
/** A line below dropBelow heads a section only over prose with at least this probability (0.5 unless a value earns its place). */
const HEADING_BELOW = [0.6, 0.7];
/** The weak tail of the body starts after its last prose line with at least this probability. */
const TAIL_FROM = 0.9;
const TAIL_BELOW = [0.5, 0.7];
/** In the weak tail, the probability a subheading's next prose line needs (0.5, as elsewhere in the body, unless a value earns its place). */
const TAIL_HEADING_BELOW = [0.6, 0.7];

interface Sample {
  x: Float64Array;
  y: number;
  w: number;
}

interface PageData {
  page: Page;
  samples: Sample[];
  language: string;
}

function pageData(page: Page, setSize: number): PageData {
  const options = { timezone: 'UTC', referenceDate: REFERENCE_DATE, ...(page.template ? { template: page.template } : {}) };
  const { units, features, language } = textUnitFeatures(page.text, options);
  const texts = units.map((unit) => unit.text);
  const labels = page.set === 1 ? set1Labels(texts, page.truth ?? '') : set2Labels(texts, page);
  const samples: Sample[] = [];
  units.forEach((unit, i) => {
    const y = labels[i];
    if (y === undefined) return;
    samples.push({ x: features[i] as Float64Array, y, w: Math.sqrt(1 + Math.min(unit.words, 100)) });
  });
  const total = samples.reduce((sum, s) => sum + s.w, 0);
  for (const s of samples) s.w = s.w / total / setSize;
  return { page, samples, language };
}

/** Solve A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function objective(scores: SetScores): number {
  return (scores.set1.f + scores.set2.f) / 2;
}

function fitModel(data: readonly PageData[], log: (line: string) => void, grid?: TextModel): TextModel {
  const fitted = fitLogistic(data.flatMap((d) => d.samples), FEATURE_NAMES.length);
  const base: TextModel = {
    features: [...FEATURE_NAMES],
    mean: fitted.mean.map(round),
    scale: fitted.scale.map(round),
    weights: fitted.weights.map(round),
    threshold: 0,
    negativeScale: 1,
    modelWeight: 0,
    wordCap: WORD_CAP,
    dropBelow: 0,
    headingBelow: 0.5,
    tailFrom: TAIL_FROM,
    tailBelow: 0,
    tailHeadingBelow: 0.5,
  };
  if (grid) return { ...base, threshold: grid.threshold, negativeScale: grid.negativeScale, modelWeight: grid.modelWeight, dropBelow: grid.dropBelow, headingBelow: grid.headingBelow, tailBelow: grid.tailBelow, tailHeadingBelow: grid.tailHeadingBelow };
  const pages = data.map((d) => d.page);
  const evaluate = (model: TextModel): number => objective(scorePages(pages, (page) => bodyOf(page, { model })));
  // modelWeight 0 (the phrase rules alone) is the first candidate: the model must earn its weight.
  let best = { model: base, score: evaluate(base) };
  log(`  rules alone: ${best.score.toFixed(4)}`);
  for (const modelWeight of MODEL_WEIGHTS) {
    for (const negativeScale of NEGATIVE_SCALES) {
      for (const threshold of THRESHOLDS) {
        const model = { ...base, threshold, negativeScale, modelWeight };
        const score = evaluate(model);
        log(`  modelWeight ${modelWeight} threshold ${threshold} negativeScale ${negativeScale}: ${score.toFixed(4)}`);
        if (score > best.score + 1e-9) best = { model, score };
      }
    }
  }
  // One threshold at a time on the best model so far; a value is kept only when it raises the score.
  const tryEach = (key: 'dropBelow' | 'headingBelow' | 'tailBelow' | 'tailHeadingBelow', values: readonly number[]): void => {
    for (const value of values) {
      const model = { ...best.model, [key]: value };
      const score = evaluate(model);
      log(`  ${key} ${value}: ${score.toFixed(4)}`);
      if (score > best.score + 1e-9) best = { model, score };
    }
  };
  tryEach('dropBelow', DROP_BELOW);
  if (best.model.dropBelow > 0) tryEach('headingBelow', HEADING_BELOW);
  // tailBelow 0 (no weak-tail drops) stays unless a value earns its place.
  tryEach('tailBelow', TAIL_BELOW);
  // Only with the weak tail on: a subheading there needs surer prose under it.
  if (best.model.tailBelow > 0) tryEach('tailHeadingBelow', TAIL_HEADING_BELOW);
  return best.model;
}

function serialise(model: TextModel): string {
  const lines = [
    '{',
    `  "comment": "Body model of the plain-text extractor (src/extract/text/model.ts). Written by scripts/fit-text-model.ts (npm run fit:text); do not edit by hand.",`,
    `  "features": ${JSON.stringify(model.features)},`,
    `  "mean": ${JSON.stringify(model.mean)},`,
    `  "scale": ${JSON.stringify(model.scale)},`,
    `  "weights": ${JSON.stringify(model.weights)},`,
    `  "threshold": ${model.threshold},`,
    `  "negativeScale": ${model.negativeScale},`,
    `  "modelWeight": ${model.modelWeight},`,
    `  "wordCap": ${model.wordCap},`,
    `  "dropBelow": ${model.dropBelow},`,
    `  "headingBelow": ${model.headingBelow},`,
    `  "tailFrom": ${model.tailFrom},`,
    `  "tailBelow": ${model.tailBelow},`,
    `  "tailHeadingBelow": ${model.tailHeadingBelow}`,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

function fmt(scores: SetScores): string {
  return `set1 F1 ${scores.set1.f.toFixed(3)} (P ${scores.set1.p.toFixed(3)} R ${scores.set1.r.toFixed(3)})  set2 F ${scores.set2.f.toFixed(3)} (P ${scores.set2.p.toFixed(3)} R ${scores.set2.r.toFixed(3)})`;
}

function perLanguage(data: readonly PageData[], bodies: Map<string, string>): string {
  const byLanguage = new Map<string, Page[]>();
  for (const d of data) {
    if (d.page.set !== 2) continue;
    const key = d.language || '?';
    byLanguage.set(key, [...(byLanguage.get(key) ?? []), d.page]);
  }
  const rows = [...byLanguage].sort((a, b) => b[1].length - a[1].length);
  return rows.map(([language, pages]) => `${language}:${pages.length} ${scorePages(pages, (page) => bodies.get(page.id) ?? '').set2.f.toFixed(3)}`).join('  ');
}

function main(): void {
  const argv = process.argv.slice(2);
  const cv = argv.includes('--cv');
  const check = argv.includes('--check');
  const quiet = !argv.includes('--verbose');
  // By default a fold refits the weights and keeps the grid's thresholds chosen on all pages
  // (seven numbers); --cv-full-grid reruns the grid in every fold (five times slower).
  const cvFullGrid = argv.includes('--cv-full-grid');
  const log = (line: string): void => {
    if (!quiet) process.stderr.write(`${line}\n`);
  };
  const set1 = loadSet1();
  const set2 = loadSet2();
  const data = [...set1.map((page) => pageData(page, set1.length)), ...set2.map((page) => pageData(page, set2.length))];
  process.stderr.write(`${data.length} pages, ${data.reduce((n, d) => n + d.samples.length, 0)} labelled units\n`);
  const model = fitModel(data, log);
  const text = serialise(model);
  if (check) {
    const same = readFileSync(MODEL_FILE, 'utf8') === text;
    process.stdout.write(same ? `${MODEL_FILE} is what the fit gives.\n` : `${MODEL_FILE} differs from what the fit gives; run npm run fit:text.\n`);
    if (!same) process.exitCode = 1;
  } else {
    writeFileSync(MODEL_FILE, text);
    process.stdout.write(`wrote ${MODEL_FILE} (threshold ${model.threshold}, negativeScale ${model.negativeScale}, modelWeight ${model.modelWeight}, dropBelow ${model.dropBelow}, headingBelow ${model.headingBelow}, tailBelow ${model.tailBelow}, tailHeadingBelow ${model.tailHeadingBelow})\n`);
  }
  const all = data.map((d) => d.page);
  const inSampleBodies = new Map(all.map((page) => [page.id, bodyOf(page, { model })]));
  process.stdout.write(`in-sample: ${fmt(scorePages(all, (page) => inSampleBodies.get(page.id) ?? ''))}\n`);
  process.stdout.write(`  set 2 per guessed language: ${perLanguage(data, inSampleBodies)}\n`);
  if (!cv) return;
  const heldOut = new Map<string, string>();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const train = data.filter((d) => fnv(d.page.site) % FOLDS !== fold);
    const test = data.filter((d) => fnv(d.page.site) % FOLDS === fold);
    const foldModel = fitModel(train, log, cvFullGrid ? undefined : model);
    for (const d of test) heldOut.set(d.page.id, bodyOf(d.page, { model: foldModel }));
    process.stderr.write(`fold ${fold}: ${train.length} training pages, ${test.length} held out, threshold ${foldModel.threshold}\n`);
  }
  process.stdout.write(`5-fold CV: ${fmt(scorePages(all, (page) => heldOut.get(page.id) ?? ''))}\n`);
  process.stdout.write(`  set 2 per guessed language: ${perLanguage(data, heldOut)}\n`);
}

main();
