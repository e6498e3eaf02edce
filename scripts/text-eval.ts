/**
 * In-process evaluation of the plain-text extractor on both development sets, shared by
 * scripts/fit-text-model.ts (which needs it per cross-validation fold) and usable alone:
 *
 *   npx tsx scripts/text-eval.ts [--wrapped DIR | --wrapped2 DIR | --only2 DIR] [--per-page FILE]
 *
 * Set 1 (../shared/extraction-dev): word 4-gram F1 exactly as its score.py computes it (per-page
 * precision and recall averaged over pages, F1 of the two means), with the folder's site template
 * as `bench:extract -- --mode set1-text` builds it. Set 2 (../data/traf-dev, the 495 pages of
 * dev-ids.txt): trafilatura's snippet metric exactly as score.mjs computes it over the body that
 * `explain --json` prints (paragraphs joined by a blank line), each page alone (no template).
 * `--wrapped DIR` scores set 1 from DIR/<id>.txt instead of text/ (w3m or lynx dumps);
 * `--wrapped2 DIR` scores the pages of set 2 that have a DIR/<id>.txt from it, and `--only2 DIR`
 * scores the same pages from their unwrapped text (the baseline for that sample).
 * `--losses` also prints where set 2's snippets went: each `with` snippet missing from the body
 * counted under the rule of the dropped block that holds it (its first 40 characters when no block
 * holds all of it, 'split' when none), each `without` snippet kept counted as 'kept', and the
 * pages losing most.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText, findTemplateLines, type TextExtractOptions } from '../src/extract/text/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The first of `relative` found in the checkout's parent folders (main sits beside them, worktrees one level deeper). */
function findUp(relative: string): string {
  let dir = ROOT;
  for (let i = 0; i < 4; i += 1) {
    const candidate = resolve(dir, '..', relative);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(ROOT, '..', relative);
}
/**
 * The two development sets, found the same way by every evaluation script: the environment
 * (FEEDWRIGHT_EXTRACTION_DEV / FEEDWRIGHT_TRAF_DEV, or the older FEEDWRIGHT_DEV_SET1 / _SET2),
 * else the shared folders above the checkout.
 */
export const SET1_DIR = process.env.FEEDWRIGHT_EXTRACTION_DEV ?? process.env.FEEDWRIGHT_DEV_SET1 ?? findUp('shared/extraction-dev');
export const SET2_DIR = process.env.FEEDWRIGHT_TRAF_DEV ?? process.env.FEEDWRIGHT_DEV_SET2 ?? findUp('data/traf-dev');
export const SET2_IDS = join(SET1_DIR, 'trafilatura/dev-ids.txt');

export interface Page {
  set: 1 | 2;
  id: string;
  /** Site key for cross-validation folds: URL host (set 2) or the page id (set 1: one page per site). */
  site: string;
  text: string;
  /** Set 1: the true body. */
  truth?: string;
  /** Set 2: snippets that must / must not be in the body. */
  with?: string[];
  without?: string[];
  template?: ReadonlySet<string>;
}

function pyList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  // truth.json keeps trafilatura's Python list literal as a string in a few versions; parse both.
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // fall through to the Python literal reader
  }
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) out.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  return out;
}

export function loadSet1(textDir = join(SET1_DIR, 'text')): Page[] {
  const ids = listIds(join(SET1_DIR, 'truth'));
  const texts = ids.map((id) => (existsSync(join(textDir, `${id}.txt`)) ? readFileSync(join(textDir, `${id}.txt`), 'utf8') : ''));
  const template = findTemplateLines(texts);
  return ids.map((id, i) => ({ set: 1, id, site: `s1:${id}`, text: texts[i] ?? '', truth: readFileSync(join(SET1_DIR, 'truth', `${id}.txt`), 'utf8'), template }));
}

/** Page ids in score.py's order (its sorted glob). */
function listIds(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -4))
    .sort();
}

/** Set 2, or (with `textDir`) the pages of set 2 that have a rendering <id>.txt in `textDir`. */
export function loadSet2(textDir?: string): Page[] {
  const truth = JSON.parse(readFileSync(join(SET2_DIR, 'truth.json'), 'utf8')) as Record<string, { url?: string; with?: unknown; without?: unknown }>;
  const ids = readFileSync(SET2_IDS, 'utf8')
    .split(/\s+/)
    .filter((id) => id && (!textDir || existsSync(join(textDir, `${id}.txt`))));
  return ids.map((id) => {
    const t = truth[id] ?? {};
    let host = id;
    try {
      host = new URL(t.url ?? '').hostname.replace(/^www\./, '');
    } catch {
      // no URL: the page is its own site
    }
    return { set: 2, id, site: `s2:${host}`, text: readFileSync(join(textDir ?? join(SET2_DIR, 'text'), `${id}.txt`), 'utf8'), with: pyList(t.with), without: pyList(t.without) };
  });
}

// ---- set 1: score.py's metric
const WORD = /[\p{L}\p{N}_]+/gu;
function shingles(text: string): Map<string, number> {
  const toks = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  if (toks.length < 4) {
    out.set(toks.join('\u0001'), 1);
    return out;
  }
  for (let i = 0; i + 4 <= toks.length; i += 1) {
    const key = `${toks[i]}\u0001${toks[i + 1]}\u0001${toks[i + 2]}\u0001${toks[i + 3]}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export function set1Counts(truth: string, pred: string): [number, number, number] {
  const t = shingles(truth);
  const p = shingles(pred);
  let matched = 0;
  let extra = 0;
  let missed = 0;
  for (const [k, n] of p) {
    const m = Math.min(n, t.get(k) ?? 0);
    matched += m;
    extra += n - m;
  }
  for (const [k, n] of t) missed += Math.max(0, n - (p.get(k) ?? 0));
  const total = matched + extra + missed;
  return total === 0 ? [0, 0, 0] : [matched / total, extra / total, missed / total];
}

export function set1Aggregate(rows: readonly [number, number, number][]): { p: number; r: number; f: number } {
  const precs: number[] = [];
  const recs: number[] = [];
  for (const [m, e, x] of rows) {
    if (m + e > 0) precs.push(e === 0 && x === 0 ? 1 : m === 0 && e === 0 ? 0 : m / (m + e));
    if (m + x > 0) recs.push(e === 0 && x === 0 ? 1 : m === 0 && x === 0 ? 0 : m / (m + x));
  }
  const p = precs.length ? precs.reduce((a, b) => a + b, 0) / precs.length : 0;
  const r = recs.length ? recs.reduce((a, b) => a + b, 0) / recs.length : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

// ---- set 2: score.mjs's snippet metric
export const PY_WS_RUN = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
export const pyNorm = (s: string): string => s.replace(PY_WS_RUN, ' ').replace(/^ /, '').replace(/ $/, '');

/** score.mjs's normalisation of titles and names (NFC, one kind of quote, Python's whitespace), and its author sets. */
const QUOTES: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
];
export function normText(s: unknown): string {
  let t = String(s ?? '').normalize('NFC');
  for (const [re, to] of QUOTES) t = t.replace(re, to);
  return t.replace(PY_WS_RUN, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}
const NAME_SPLIT = /\s*(?:[;,&]|\s(?:and|und|y|et)\s)\s*/i;
export function nameSet(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of names) {
    for (let n of normText(raw).split(NAME_SPLIT)) {
      n = n
        .replace(/^(?:by|von|par|por|di|de|door)\s+/, '')
        .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
        .trim();
      if (n) out.add(n);
    }
  }
  return out;
}
export const setEq = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** score.mjs's counts for one page: `with` snippets found (tp) and missed (fn), `without` snippets found (fp) and absent (tn). */
export function set2Counts(page: Pick<Page, 'with' | 'without'>, body: string): { tp: number; fp: number; fn: number; tn: number } {
  const r = pyNorm(body);
  let tp = 0;
  let fp = 0;
  for (const w of page.with ?? []) if (r.includes(pyNorm(w))) tp += 1;
  for (const w of page.without ?? []) if (r.includes(pyNorm(w))) fp += 1;
  return { tp, fp, fn: (page.with?.length ?? 0) - tp, tn: (page.without?.length ?? 0) - fp };
}

export function set2Aggregate(rows: readonly { tp: number; fp: number; fn: number }[]): { p: number; r: number; f: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of rows) {
    tp += row.tp;
    fp += row.fp;
    fn += row.fn;
  }
  return { p: tp / (tp + fp || 1), r: tp / (tp + fn || 1), f: (2 * tp) / (2 * tp + fp + fn || 1) };
}

export const REFERENCE_DATE = new Date('2026-06-01T00:00:00Z');

/** The body as `explain --json` prints it for a text page. */
export function bodyOf(page: Page, extra: Partial<TextExtractOptions> = {}): string {
  const options: TextExtractOptions = { timezone: 'UTC', referenceDate: REFERENCE_DATE, ...extra };
  if (page.template) options.template = page.template;
  return extractText(page.text, options)
    .paragraphs.map((p) => p.text)
    .join('\n\n');
}

export interface SetScores {
  set1: { p: number; r: number; f: number };
  set2: { p: number; r: number; f: number };
  perPage: Map<string, number>;
}

/** Score `pages` (either set or both) with the bodies `body(page)` gives. */
export function scorePages(pages: readonly Page[], body: (page: Page) => string): SetScores {
  const rows1: [number, number, number][] = [];
  const rows2: { tp: number; fp: number; fn: number; tn: number }[] = [];
  const perPage = new Map<string, number>();
  for (const page of pages) {
    const text = body(page);
    if (page.set === 1) {
      const row = set1Counts(page.truth ?? '', text);
      rows1.push(row);
      perPage.set(page.id, set1Aggregate([row]).f);
    } else {
      const row = set2Counts(page, text);
      rows2.push(row);
      perPage.set(page.id, set2Aggregate([row]).f);
    }
  }
  return { set1: set1Aggregate(rows1), set2: set2Aggregate(rows2), perPage };
}

/** Where the `with` snippets of set 2 that are missing from the body went (see --losses). */
export function lossBreakdown(pages: readonly Page[]): { byRule: Map<string, number>; byPage: [string, number, string[]][] } {
  const byRule = new Map<string, number>();
  const byPage: [string, number, string[]][] = [];
  for (const page of pages) {
    if (page.set !== 2) continue;
    const options: TextExtractOptions = { timezone: 'UTC', referenceDate: REFERENCE_DATE };
    const result = extractText(page.text, options);
    const body = pyNorm(result.paragraphs.map((p) => p.text).join('\n\n'));
    const dropped = result.dropped.map((d) => ({ rule: d.rule, text: pyNorm(d.text) }));
    const rules: string[] = [];
    for (const w of page.with ?? []) {
      const snippet = pyNorm(w);
      if (body.includes(snippet)) continue;
      const head = snippet.slice(0, 40);
      const rule = dropped.find((d) => d.text.includes(snippet))?.rule ?? dropped.find((d) => d.text.includes(head))?.rule ?? (body.includes(head) ? 'split-body' : 'split');
      rules.push(rule);
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    }
    for (const w of page.without ?? []) {
      if (!body.includes(pyNorm(w))) continue;
      rules.push('kept');
      byRule.set('kept', (byRule.get('kept') ?? 0) + 1);
    }
    if (rules.length > 0) byPage.push([page.id, rules.length, rules]);
  }
  byPage.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { byRule, byPage };
}

function main(): void {
  const argv = process.argv.slice(2);
  const wrapped = argv.includes('--wrapped') ? argv[argv.indexOf('--wrapped') + 1] : undefined;
  const perPageFile = argv.includes('--per-page') ? argv[argv.indexOf('--per-page') + 1] : undefined;
  const wrapped2 = argv.includes('--wrapped2') ? argv[argv.indexOf('--wrapped2') + 1] : undefined;
  const only2 = argv.includes('--only2') ? argv[argv.indexOf('--only2') + 1] : undefined;
  let pages: Page[];
  if (wrapped) pages = loadSet1(resolve(wrapped));
  else if (wrapped2) pages = loadSet2(resolve(wrapped2));
  // The same pages as a --wrapped2 folder, from the unwrapped text: the baseline for it.
  else if (only2) pages = loadSet2().filter((page) => existsSync(join(resolve(only2), `${page.id}.txt`)));
  else pages = [...loadSet1(), ...loadSet2()];
  const scores = scorePages(pages, (page) => bodyOf(page));
  const fmt = (s: { p: number; r: number; f: number }): string => `F=${s.f.toFixed(4)} P=${s.p.toFixed(4)} R=${s.r.toFixed(4)}`;
  const count2 = pages.filter((page) => page.set === 2).length;
  if (!wrapped2 && !only2) process.stdout.write(`set 1 (word 4-gram): ${fmt(scores.set1)}\n`);
  if (!wrapped) process.stdout.write(`set 2 (snippets):    ${fmt(scores.set2)}${count2 < 495 ? ` (${count2} pages)` : ''}\n`);
  if (argv.includes('--losses')) {
    const { byRule, byPage } = lossBreakdown(pages);
    process.stdout.write(`set 2 losses by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join(', ')}\n`);
    for (const [id, n, rules] of byPage.slice(0, 60)) process.stdout.write(`  ${id}\t${n}\t${rules.join(' ')}\n`);
  }
  if (perPageFile) writeFileSync(perPageFile, [...scores.perPage].map(([id, f]) => `${id}\t${f.toFixed(4)}`).join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
