/**
 * How far the text title finder (findTitle in src/extract/text/headline.ts) is from what its
 * candidates allow, on both development sets, and whether fitted weights would order its
 * candidates better than the hand weights (`TITLE`) do (issue 12):
 *
 *   npx tsx scripts/title-ranking.ts
 *
 * Per set, each page with a true title is one of: `ok` (our title is right by bench:extract's
 * lenient test), `wrong-but-candidate` (a candidate `findTitle` weighed holds the true title, but
 * another won: the order is at fault), `not-candidate` (a line of the page is the true title, word
 * Jaccard >= 0.6, but `findTitle` never weighed it: the window, the filters or the body start are
 * at fault) and `absent` (no line of the page is the title).
 *
 * Then the order alone: the `findTitle` calls whose candidates hold both the true title (word
 * Jaccard >= 0.6 or equal) and other lines, and how many of them the hand weights win, against a
 * conditional logit (softmax over a call's candidates of w . z, z the standardised features
 * TITLE_FEATURE_NAMES; L2 1; Newton's method from zero: deterministic) fitted in-sample and in
 * 5-fold cross-validation, pages of one site in one fold (fold = FNV-1a of the site key mod 5; set
 * 1 pages are one site each, set 2 sites are URL hosts). Each call weighs the same within its set
 * and the two sets weigh the same. No weights are written: when the fitted order does not beat
 * the hand weights out of sample, they stay.
 *
 * `--weights`: also print the in-sample fitted weights (per standardised feature), to see which
 * cues the fitted order leans on.
 *
 * `--pages`: also print each page whose title is wrong, with its class, the body start, the lines
 * that hold the true title, and the candidates of each `findTitle` call (best five by hand score,
 * and the true title's own candidate with its non-zero features), to see why it lost.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TITLE_FEATURE_NAMES } from '../src/extract/text/headline.js';
import { extractText, type TitleTrace } from '../src/extract/text/index.js';
import { titleSimilarity } from '../src/extract/title.js';
import { fnv, solve } from './fit-common.js';
import { normText, SET1_DIR, SET2_DIR, SET2_IDS } from './text-eval.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDS = 5;
/** A line whose words overlap the true title's this much (Jaccard) is the headline. */
const SAME_TITLE = 0.6;
/** L2 penalty of the fit (on standardised features). */
const L2 = 1;
/** Same clock as bench:extract. */
const OPTIONS = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') };
const PAGES = process.argv.includes('--pages');

interface TitlePage {
  set: 1 | 2;
  id: string;
  site: string;
  text: string;
  title: string;
}

/** One `findTitle` call with both the true title and other lines among its candidates. */
interface Call {
  page: TitlePage;
  x: Float64Array[];
  /** 1 for the candidates that are the true title. */
  y: number[];
  /** The index (in `x`) of the candidate the hand weights chose; -1 when findTitle chose a line outside them (an article header elsewhere, a bare name, a one-word headline). */
  hand: number;
}

function loadPages(): TitlePage[] {
  const pages: TitlePage[] = [];
  const set1 = JSON.parse(readFileSync(join(ROOT, 'scripts/data/set1-meta.json'), 'utf8')) as Record<string, { title?: string }>;
  for (const id of Object.keys(set1).sort()) {
    const title = set1[id]?.title?.trim();
    if (title) pages.push({ set: 1, id, site: `s1:${id}`, text: readFileSync(join(SET1_DIR, 'text', `${id}.txt`), 'utf8'), title });
  }
  const set2 = JSON.parse(readFileSync(join(SET2_DIR, 'truth.json'), 'utf8')) as Record<string, { title?: string; url?: string }>;
  for (const id of readFileSync(SET2_IDS, 'utf8').split(/\s+/).filter(Boolean)) {
    const title = set2[id]?.title?.trim();
    if (!title) continue;
    let host = id;
    try {
      host = new URL(set2[id]?.url ?? '').hostname.replace(/^www\./, '');
    } catch {
      // no URL: the page is its own site
    }
    pages.push({ set: 2, id, site: `s2:${host}`, text: readFileSync(join(SET2_DIR, 'text', `${id}.txt`), 'utf8'), title });
  }
  return pages;
}

const sameTitle = (line: string, title: string): boolean => normText(line) === normText(title) || titleSimilarity(line, title) >= SAME_TITLE;

/** bench:extract's lenient test: one contains the other. */
function lenient(ours: string, title: string): boolean {
  const a = normText(ours);
  const b = normText(title);
  return a !== '' && (a.includes(b) || b.includes(a));
}

/** Standardised features (the bias, which a softmax cancels, is 0). */
function standardiser(calls: readonly Call[]): (x: Float64Array) => Float64Array {
  const d = TITLE_FEATURE_NAMES.length;
  const xs = calls.flatMap((c) => c.x);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let k = 1; k < d; k += 1) {
    let sum = 0;
    for (const x of xs) sum += x[k] as number;
    mean[k] = sum / xs.length;
    let variance = 0;
    for (const x of xs) variance += ((x[k] as number) - (mean[k] as number)) ** 2;
    scale[k] = Math.sqrt(variance / xs.length) || 1;
  }
  return (x) => Float64Array.from(x, (v, k) => (k === 0 ? 0 : (v - (mean[k] as number)) / (scale[k] as number)));
}

/** The conditional logit's weights (see the header), fitted on `calls`. */
function fitChoice(calls: readonly Call[], z: (x: Float64Array) => Float64Array): number[] {
  const d = TITLE_FEATURE_NAMES.length;
  const perSet = [0, 0, 0];
  for (const c of calls) perSet[c.page.set] = (perSet[c.page.set] as number) + 1;
  const zs = calls.map((c) => c.x.map(z));
  let beta = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    calls.forEach((call, ci) => {
      const w = calls.length / 2 / (perSet[call.page.set] as number);
      const rows = zs[ci] as Float64Array[];
      const eta = rows.map((x) => x.reduce((sum, v, k) => sum + v * (beta[k] as number), 0));
      const top = Math.max(...eta);
      const e = eta.map((v) => Math.exp(v - top));
      const total = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / total);
      const positives = call.y.reduce((a, b) => a + b, 0);
      const mu = new Array<number>(d).fill(0);
      rows.forEach((x, i) => {
        for (let k = 0; k < d; k += 1) mu[k] = (mu[k] as number) + (p[i] as number) * (x[k] as number);
      });
      rows.forEach((x, i) => {
        const target = (call.y[i] as number) / positives;
        const pi = p[i] as number;
        for (let k = 0; k < d; k += 1) {
          g[k] = (g[k] as number) + w * (target - pi) * (x[k] as number);
          const hk = h[k] as number[];
          for (let l = 0; l < d; l += 1) hk[l] = (hk[l] as number) + w * pi * ((x[k] as number) - (mu[k] as number)) * ((x[l] as number) - (mu[l] as number));
        }
      });
    });
    for (let k = 0; k < d; k += 1) {
      (h[k] as number[])[k] = ((h[k] as number[])[k] as number) + L2;
      g[k] = (g[k] as number) - L2 * (beta[k] as number);
    }
    const step = solve(h, g);
    beta = beta.map((b, k) => b + (step[k] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return beta;
}

/** How many calls the weights win (their top candidate is the true title; ties to the first, as findTitle). */
function wins(calls: readonly Call[], weights: readonly number[], z: (x: Float64Array) => Float64Array): number {
  let won = 0;
  for (const call of calls) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    call.x.forEach((x, i) => {
      const score = z(x).reduce((sum, v, k) => sum + v * (weights[k] as number), 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    won += call.y[best] as number;
  }
  return won;
}

/** One wrong page for `--pages`: its class, where the truth stands, and what `findTitle` weighed. */
function printPage(page: TitlePage, kind: string, ours: string, trace: TitleTrace): void {
  const x = extractText(page.text, OPTIONS);
  const lines = page.text.split('\n');
  const truthLines = lines.flatMap((l, i) => (l.trim() && sameTitle(l, page.title) ? [i + 1] : []));
  const out = [`${page.set}:${page.id} ${kind} body L${x.paragraphs[0]?.line ?? '-'} truth L${truthLines.slice(0, 5).join(',')}`, `  ours : ${ours.slice(0, 100)}`, `  truth: ${page.title.slice(0, 100)}`];
  const describe = (c: TitleTrace[number]['candidates'][number]): string => {
    const features = TITLE_FEATURE_NAMES.flatMap((name, k) => (k > 1 && c.x[k] !== 0 ? [`${name}=${Number((c.x[k] as number).toFixed(2))}`] : []));
    return `${(c.x[1] as number).toFixed(1).padStart(6)} u${c.index} ${c.text.slice(0, 60)} [${features.join(' ')}]`;
  };
  for (const call of trace) {
    out.push(`  call${call.loose ? ' (loose)' : ''}: ${call.candidates.length} candidates`);
    const sorted = [...call.candidates].sort((a, b) => (b.x[1] as number) - (a.x[1] as number));
    for (const c of sorted.slice(0, 5)) out.push(`    ${sameTitle(c.text, page.title) ? '*' : ' '}${describe(c)}`);
    for (const c of sorted.slice(5)) if (sameTitle(c.text, page.title)) out.push(`    *${describe(c)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function main(): void {
  const pages = loadPages();
  const calls: Call[] = [];
  const classes = new Map<string, number>();
  for (const page of pages) {
    const trace: TitleTrace = [];
    const ours = extractText(page.text, { ...OPTIONS, titleTrace: trace }).title?.value ?? '';
    const weighed = trace.some((call) => call.candidates.some((c) => lenient(c.text, page.title) || sameTitle(c.text, page.title)));
    const kind = lenient(ours, page.title) ? 'ok' : weighed ? 'wrong-but-candidate' : page.text.split('\n').some((line) => line.trim() && sameTitle(line, page.title)) ? 'not-candidate' : 'absent';
    classes.set(`set ${page.set} ${kind}`, (classes.get(`set ${page.set} ${kind}`) ?? 0) + 1);
    if (PAGES && kind !== 'ok') printPage(page, kind, ours, trace);
    for (const call of trace) {
      const y = call.candidates.map((c) => (sameTitle(c.text, page.title) ? 1 : 0));
      const positives = y.reduce<number>((a, b) => a + b, 0);
      if (positives === 0 || positives === y.length) continue;
      calls.push({ page, x: call.candidates.map((c) => c.x), y, hand: call.candidates.findIndex((c) => c.index === call.chosen) });
    }
  }
  for (const [kind, n] of [...classes].sort()) process.stdout.write(`${kind}: ${n}\n`);
  const handWins = calls.reduce((n, c) => n + (c.hand < 0 ? 0 : (c.y[c.hand] as number)), 0);
  process.stdout.write(`findTitle calls with the true title and other candidates: ${calls.length}\n`);
  process.stdout.write(`  won by findTitle (hand weights, TITLE, and its fallbacks): ${handWins}\n`);
  const z = standardiser(calls);
  const fitted = fitChoice(calls, z);
  process.stdout.write(`  won by the fitted order, in-sample: ${wins(calls, fitted, z)}\n`);
  if (process.argv.includes('--weights')) {
    // The in-sample weights per standardised feature: which cues the order would lean on.
    for (const [k, name] of TITLE_FEATURE_NAMES.entries()) if (k > 0) process.stdout.write(`    ${name.padEnd(24)} ${(fitted[k] as number).toFixed(2)}\n`);
  }
  let heldOut = 0;
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const train = calls.filter((c) => fnv(c.page.site) % FOLDS !== fold);
    const test = calls.filter((c) => fnv(c.page.site) % FOLDS === fold);
    const zf = standardiser(train);
    heldOut += wins(test, fitChoice(train, zf), zf);
  }
  process.stdout.write(`  won by the fitted order, 5-fold CV by site: ${heldOut}\n`);
}

main();
