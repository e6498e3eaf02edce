/**
 * The extraction benchmark over both development sets, in one table (issue 12).
 *
 *   npm run bench:extract -- [--set1 DIR] [--set2 DIR] [--runs N] [--kinds text,html] [--json FILE]
 *                           [--dump DIR] [--check] [--write-set1-meta]
 *   npm run bench:extract -- --mode set1-text | --mode set1-html [...]   (set 1 alone; scripts/bench-set1.ts)
 *
 * It is the one entry point of the extraction benchmarks: `--mode set1-text` and `--mode set1-html`
 * are the older set-1-only benchmarks (the text remover with its metadata against the pages'
 * markup; the HTML extractor beside plain Readability with --baseline), and the in-process
 * metrics are scripts/text-eval.ts's (which the model fit uses too). score.mjs's own report of a
 * run: `node ../shared/extraction-dev/trafilatura/score.mjs DIR/set2-html.json --truth
 * ../data/traf-dev/truth.json` on a `--dump DIR`.
 *
 * Set 1: the 91 pages of ../shared/extraction-dev (env FEEDWRIGHT_EXTRACTION_DEV), body scored with
 * its score.py (word 4-gram F1; one python3 run per input kind). Its titles, authors and dates are
 * scored against scripts/data/set1-meta.json, the pages' own markup metadata (og:title, JSON-LD,
 * meta tags) frozen once with --write-set1-meta; for HTML input that reference is what the HTML
 * reader itself reads, so those columns are left out ("–") for set 1 HTML.
 * Set 2: the 495 pages of trafilatura's corpus prepared at ../data/traf-dev (env
 * FEEDWRIGHT_TRAF_DEV; see ../shared/extraction-dev/trafilatura/README.md to prepare it), scored
 * with score.mjs's metrics reimplemented here (`--check` runs score.mjs on the same output and
 * fails unless every count agrees). Its rows are also split by language (the page's <html lang>,
 * else a stopword guess).
 *
 * Every page goes through `explainInput`, what `feedwright explain --json` runs, in this process:
 * decoded as a build decodes it, no site template (an empty articles folder), git off, future
 * dates included, the clock fixed (--now, default 2026-12-01) so that runs compare. Time per page
 * = decoding + reading + resolving + rendering and validating its items (explain runs the build's
 * article pipeline), CPU time of the fastest of --runs runs; the table shows the median, and beside
 * it the extractor's own time (decoding + `readDocument`: boilerplate, title, byline, dates; what
 * issue 12's per-page time goals are about), measured in the same runs. --dump DIR writes each set's explain JSON (score.mjs reads set 2's).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../src/config/load.js';
import type { ExplainContext, Explanation } from '../src/explain.js';
import { explainInput, loadExplainReaders } from '../src/explain-input.js';
import { parseDocument } from '../src/extract/html/dom.js';
import { LEXICONS } from '../src/extract/lexicon/index.js';
import { extractMetadata } from '../src/extract/html/metadata.js';
import { unlistedFile } from '../src/pipeline/inputs.js';
import { readDocument } from '../src/sources/read.js';
import { makeReadContext } from '../src/sources/read-context.js';
import { decodeSource } from '../src/sources/files.js';
// score.mjs's snippet metric, written once (scripts/text-eval.ts) for this table and the model fit.
import { nameSet, normText, SET1_DIR, SET2_DIR, set2Counts, setEq } from './text-eval.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SET1_META = join(repoRoot, 'scripts/data/set1-meta.json');

type Kind = 'text' | 'html';

interface Args {
  set1: string | undefined;
  set2: string | undefined;
  runs: number;
  kinds: Kind[];
  json: string | undefined;
  dump: string | undefined;
  check: boolean;
  writeSet1Meta: boolean;
  now: Date;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    set1: existsSync(SET1_DIR) ? SET1_DIR : undefined,
    set2: existsSync(SET2_DIR) ? SET2_DIR : undefined,
    runs: 1,
    kinds: ['text', 'html'],
    json: undefined,
    dump: undefined,
    check: false,
    writeSet1Meta: false,
    now: new Date('2026-12-01T00:00:00Z'),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--check') {
      args.check = true;
      continue;
    }
    if (flag === '--write-set1-meta') {
      args.writeSet1Meta = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`Option ${flag} needs a value.`);
    i += 1;
    if (flag === '--set1') args.set1 = resolve(value);
    else if (flag === '--set2') args.set2 = resolve(value);
    else if (flag === '--runs') args.runs = Math.max(1, Number.parseInt(value, 10) || 1);
    else if (flag === '--kinds') args.kinds = value.split(',').filter((k): k is Kind => k === 'text' || k === 'html');
    else if (flag === '--json') args.json = resolve(value);
    else if (flag === '--dump') args.dump = resolve(value);
    else if (flag === '--now') args.now = new Date(value);
    else throw new Error(`Unknown option ${flag}; see the header of scripts/bench-extract.ts.`);
  }
  return args;
}

// ---------------------------------------------------------------- running the pages

interface PageRun {
  id: string;
  explanation: Explanation;
  cpuMs: number;
  /** CPU time of decoding and reading alone (the extractor: boilerplate, title, byline, dates), fastest run. */
  extractMs: number;
}

function makeContext(now: Date): ExplainContext {
  const config = resolveConfig({ git: false, future: 'include', timezone: 'UTC' });
  return { config, articlesDir: join(tmpdir(), 'feedwright-bench-empty-articles'), readContext: makeReadContext(config, new Set(), now), git: new Map(), now };
}

/** Decode and explain one file as `feedwright explain FILE --json` does; the fastest of `runs` CPU times. */
function runPage(file: string, id: string, ctx: ExplainContext, runs: number): PageRun {
  const bytes = readFileSync(file);
  let explanation: Explanation | undefined;
  let best = Number.POSITIVE_INFINITY;
  let bestExtract = Number.POSITIVE_INFINITY;
  const listed = unlistedFile(file, file, ctx.articlesDir);
  for (let r = 0; r < runs; r += 1) {
    const c0 = process.cpuUsage();
    const decoded = decodeSource(bytes, file, ctx.config.fallbackEncoding);
    explanation = explainInput(decoded.ok ? { source: file, abs: file, text: decoded.text, mtimeMs: 0, ...(decoded.note ? { note: decoded.note } : {}) } : { source: file, abs: file, problem: decoded.diagnostic, mtimeMs: 0 }, ctx);
    const c1 = process.cpuUsage(c0);
    best = Math.min(best, (c1.user + c1.system) / 1000);
    const e0 = process.cpuUsage();
    const again = decodeSource(bytes, file, ctx.config.fallbackEncoding);
    if (again.ok) readDocument(listed, again.text, ctx.readContext);
    const e1 = process.cpuUsage(e0);
    bestExtract = Math.min(bestExtract, (e1.user + e1.system) / 1000);
  }
  return { id, explanation: explanation as Explanation, cpuMs: best, extractMs: bestExtract };
}

// ---------------------------------------------------------------- score.mjs's metrics, in-process

const NOT_FOUND_FROM = new Set(['config-default', 'mtime', 'git', 'file-name']);
function truthDay(d: unknown): string | null {
  const m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(String(d ?? '').trim());
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : null;
}

interface Truth {
  title?: string;
  author?: string | string[];
  date?: string;
  /** The instant the truth's date was written at, with its offset (set 1: the markup's, when it states a time and an offset). */
  at?: string;
  with?: string[];
  without?: string[];
}

/** Counts over a group of pages; every rate of the table is a ratio of two of these. */
interface Tally {
  pages: number;
  /** Set 2 body: trafilatura's snippet counts, summed (micro). */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Set 1 body: score.py's F1 over the group (filled from its output). */
  f1?: number;
  titleN: number;
  titleOk: number;
  titleLenient: number;
  authorN: number;
  authorOk: number;
  noAuthorN: number;
  spurious: number;
  dateN: number;
  dateOk: number;
  dateWrong: number;
  /** Of dateOk: another calendar day than the truth's, but the same moment written in another zone (see `sameMoment`). */
  dateByInstant: number;
  /** Pages whose kept body is empty (unreadable, or everything dropped). */
  empty: number;
  ms: number[];
  extractMs: number[];
}

const emptyTally = (): Tally => ({ pages: 0, tp: 0, fp: 0, fn: 0, tn: 0, titleN: 0, titleOk: 0, titleLenient: 0, authorN: 0, authorOk: 0, noAuthorN: 0, spurious: 0, dateN: 0, dateOk: 0, dateWrong: 0, dateByInstant: 0, empty: 0, ms: [], extractMs: [] });

function addPage(t: Tally, truth: Truth, run: PageRun, scoreMeta: boolean): void {
  const e = run.explanation;
  const from = (field: string): string | undefined => e.provenance[field]?.from;
  t.pages += 1;
  t.ms.push(run.cpuMs);
  t.extractMs.push(run.extractMs);
  if (!(e.contentText ?? '').trim()) t.empty += 1;
  if (truth.with && truth.without) {
    const c = set2Counts(truth, e.contentText ?? '');
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
    t.tn += c.tn;
  }
  if (!scoreMeta) return;
  const predTitle = e.title && !NOT_FOUND_FROM.has(from('title') ?? '') ? e.title : '';
  if (truth.title?.trim()) {
    t.titleN += 1;
    if (predTitle && normText(predTitle) === normText(truth.title)) t.titleOk += 1;
    if (predTitle && (normText(predTitle).includes(normText(truth.title)) || normText(truth.title).includes(normText(predTitle)))) t.titleLenient += 1;
  }
  const authors = from('authors') === 'config-default' ? [] : e.authors.map((p) => p?.name ?? '').filter(Boolean);
  const gold = Array.isArray(truth.author) ? truth.author : truth.author ? [truth.author] : [];
  if (gold.length && gold.join('').trim()) {
    t.authorN += 1;
    const ps = nameSet(authors);
    if (ps.size > 0 && setEq(ps, nameSet(gold))) t.authorOk += 1;
  } else if (truth.author === '') {
    t.noAuthorN += 1;
    if (authors.length) t.spurious += 1;
  }
  const pubFrom = from('published') ?? '';
  const predDay = e.published && !NOT_FOUND_FROM.has(pubFrom) ? String(e.published).slice(0, 10) : '';
  const goldDay = truthDay(truth.date);
  if (goldDay) {
    t.dateN += 1;
    if (predDay === goldDay) t.dateOk += 1;
    else if (predDay && sameMoment(String(e.published), truth.at)) {
      t.dateOk += 1;
      t.dateByInstant += 1;
    } else if (predDay) t.dateWrong += 1;
  }
}

/**
 * Whether a predicted date and the truth's instant are the same moment written in two zones: the
 * page's text states "Nov 19, 2019, 10:31 pm CST" (the day it shows, which the feed keeps, issue
 * 12) where its markup wrote "2019-11-20T04:31:13+00:00". Only when both state a time of day (a
 * prediction at midnight is a day, not a moment) and they lie within an hour of each other (the
 * text's time is to the minute, and some pages' markup is the update a few minutes later).
 */
const SAME_MOMENT_MS = 60 * 60_000;
function sameMoment(pred: string, at: string | undefined): boolean {
  if (!at || /T00:00(?::00)?(?:\.0+)?(?:Z|[+-]\d\d:?\d\d)?$/.test(pred) || !/T\d\d:\d\d/.test(pred)) return false;
  const a = Date.parse(pred);
  const b = Date.parse(at);
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= SAME_MOMENT_MS;
}

function merge(a: Tally, b: Tally): Tally {
  const out = emptyTally();
  for (const key of Object.keys(out) as (keyof Tally)[]) {
    if (key === 'ms' || key === 'extractMs') out[key] = [...a[key], ...b[key]];
    else if (key !== 'f1') (out[key] as number) = (a[key] as number) + (b[key] as number);
  }
  return out;
}

// ---------------------------------------------------------------- set 1

interface Set1Meta {
  title?: string;
  authors?: string[];
  /** The calendar day the page's markup states, YYYY-MM-DD. */
  date?: string;
  /** The markup's date and time as it wrote them, when it states a time and an offset (RFC 3339). */
  at?: string;
}

/** The page's markup metadata, and the calendar day as its markup writes it (not converted to UTC). */
function pageMeta(html: string): Set1Meta {
  const parsed = parseDocument(html);
  if (!parsed.ok) return {};
  const found = extractMetadata(parsed.document, { timezone: 'UTC' }).found;
  const meta: Set1Meta = {};
  if (found.title) meta.title = found.title.value;
  if (found.authors?.value.length) meta.authors = found.authors.value.map((p) => p.name);
  if (found.published) {
    const instant = found.published.value.getTime();
    const stated = [...html.matchAll(/\b(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?/g)].find((m) => Date.parse(m[0].replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) === instant);
    meta.date = stated?.[1] ?? found.published.value.toISOString().slice(0, 10);
    const at = stated?.[0].replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
    if (at && /(?:Z|[+-]\d\d:\d\d)$/.test(at)) meta.at = at;
  }
  return meta;
}

function set1Ids(dev: string): string[] {
  return readdirSync(join(dev, 'truth'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

function runSet1(dev: string, kind: Kind, ctx: ExplainContext, args: Args): { runs: PageRun[]; tally: Tally } {
  const ids = set1Ids(dev);
  const meta = JSON.parse(readFileSync(SET1_META, 'utf8')) as Record<string, Set1Meta>;
  const runs = ids.map((id) => runPage(join(dev, kind, `${id}.${kind === 'text' ? 'txt' : 'html'}`), id, ctx, args.runs));
  const out = mkdtempSync(join(tmpdir(), `bench-extract-set1-${kind}-`));
  for (const run of runs) writeFileSync(join(out, `${run.id}.txt`), run.explanation.contentText ?? '');
  const score = execFileSync('python3', [join(dev, 'score.py'), out, '--label', kind], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  const f1 = /F1=([\d.]+)/.exec(score)?.[1];
  const tally = emptyTally();
  for (const run of runs) {
    const m = meta[run.id] ?? {};
    // No author column: the markup's authors are too often outlets, roles or site names
    // ("TOM KRISHER, AP Auto Writer", "CNN Business") to be a reference, and its naming nobody
    // does not mean the page does.
    const truth: Truth = { ...(m.title ? { title: m.title } : {}), ...(m.date ? { date: m.date } : {}), ...(m.at ? { at: m.at } : {}) };
    addPage(tally, truth, run, kind === 'text');
  }
  tally.f1 = f1 === undefined ? Number.NaN : Number(f1);
  return { runs, tally };
}

// ---------------------------------------------------------------- set 2

/**
 * The stopwords the table's language guess counts: the first ten of each lexicon language's, in
 * this order (a tie goes to the earlier language).
 */
const STOPWORDS: Record<string, readonly string[]> = Object.fromEntries(
  ['de', 'en', 'fr', 'es', 'pl', 'it', 'pt', 'nl'].map((code) => [code, LEXICONS.find((l) => l.code === code)?.stopwords.slice(0, 10) ?? []]),
);

/** The page's language: <html lang>, else the language whose stopwords its text uses most. */
function pageLanguage(htmlBytes: Buffer, text: string): string {
  const head = htmlBytes.subarray(0, 8192).toString('latin1');
  const lang = /<html\b[^>]*?\blang\s*=\s*["']?([a-zA-Z]{2,3})\b/i.exec(head)?.[1];
  if (lang) return lang.toLowerCase();
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = '?';
  let bestScore = 0;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    const score = list.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

const LANGUAGE_ROWS = ['de', 'en', 'es', 'fr'];

function runSet2(dev: string, kind: Kind, ctx: ExplainContext, args: Args, languages: Map<string, string>): { runs: PageRun[]; tally: Tally; byLanguage: Map<string, Tally> } {
  const truth = JSON.parse(readFileSync(join(dev, 'truth.json'), 'utf8')) as Record<string, Truth>;
  const ids = Object.keys(truth).sort();
  const runs = ids.map((id) => runPage(join(dev, kind, `${id}.${kind === 'text' ? 'txt' : 'html'}`), id, ctx, args.runs));
  const tally = emptyTally();
  const byLanguage = new Map<string, Tally>();
  for (const run of runs) {
    const t = truth[run.id] as Truth;
    addPage(tally, t, run, true);
    const language = languages.get(run.id) ?? '?';
    const row = LANGUAGE_ROWS.includes(language) ? language : 'other';
    if (!byLanguage.has(row)) byLanguage.set(row, emptyTally());
    addPage(byLanguage.get(row) as Tally, t, run, true);
  }
  return { runs, tally, byLanguage };
}

/** Run score.mjs on the same output and require the same counts (the in-process metric is a copy of it). */
function checkAgainstScoreMjs(set1: string, dev: string, runs: readonly PageRun[], tally: Tally, kind: Kind): void {
  const scorer = join(set1, 'trafilatura/score.mjs');
  const folder = mkdtempSync(join(tmpdir(), 'bench-extract-check-'));
  const pred = join(folder, 'pred.json');
  const summary = join(folder, 'summary.json');
  writeFileSync(pred, JSON.stringify(runs.map((r) => ({ ...r.explanation, source: `${r.id}.${kind}` }))));
  execFileSync('node', [scorer, pred, '--truth', join(dev, 'truth.json'), '--json', summary], { encoding: 'utf8' });
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  rmSync(folder, { recursive: true, force: true });
  const pairs: [string, number, number][] = [
    ['tp', s.tp, tally.tp],
    ['fp', s.fp, tally.fp],
    ['fn', s.fn, tally.fn],
    ['tn', s.tn, tally.tn],
    ['title n', s.title.n, tally.titleN],
    ['title ok', s.title.ok, tally.titleOk],
    ['title lenient', s.title.lenient, tally.titleLenient],
    ['author n', s.author.n, tally.authorN],
    ['author ok', s.author.ok, tally.authorOk],
    ['no-author pages', s.author.noAuthorPages, tally.noAuthorN],
    ['spurious', s.author.spurious, tally.spurious],
    ['date n', s.date.n, tally.dateN],
    ['date ok', s.date.ok, tally.dateOk],
    ['date wrong', s.date.wrong, tally.dateWrong],
  ];
  const bad = pairs.filter(([, a, b]) => a !== b);
  if (bad.length) throw new Error(`set 2 ${kind}: counts differ from score.mjs: ${bad.map(([n, a, b]) => `${n} ${a} vs ${b}`).join(', ')}`);
  process.stdout.write(`check: set 2 ${kind}: all ${pairs.length} counts agree with score.mjs\n`);
}

// ---------------------------------------------------------------- the table

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
const snippetF = (t: Tally): number => (2 * t.tp + t.fp + t.fn ? (2 * t.tp) / (2 * t.tp + t.fp + t.fn) : 0);

interface Row {
  label: string;
  kind: Kind;
  tally: Tally;
  body: string;
  meta: boolean;
}

function formatRow(r: Row): string[] {
  const t = r.tally;
  const m = r.meta;
  return [
    r.label,
    r.kind,
    String(t.pages),
    r.body,
    String(t.empty),
    m ? `${pct(t.titleOk, t.titleN)} / ${pct(t.titleLenient, t.titleN)}` : '–',
    m ? pct(t.authorOk, t.authorN) : '–',
    m ? pct(t.spurious, t.noAuthorN) : '–',
    m ? pct(t.dateOk, t.dateN) : '–',
    m ? pct(t.dateWrong, t.dateN) : '–',
    median(t.extractMs).toFixed(2),
    median(t.ms).toFixed(2),
  ];
}

function printTable(rows: readonly Row[]): string {
  const head = ['set', 'input', 'pages', 'body', 'empty body', 'title exact / lenient', 'author right', 'spurious author', 'date same day', 'wrong date', 'median cpu ms/page: extract', 'whole article'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${formatRow(r).join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const modeAt = argv.indexOf('--mode');
  if (modeAt >= 0) {
    const mode = argv[modeAt + 1];
    const rest = argv.filter((_, i) => i !== modeAt && i !== modeAt + 1);
    // Loaded only for these modes (it brings Readability and linkedom for --baseline).
    const set1 = await import('./bench-set1.js');
    if (mode === 'set1-text') set1.benchSet1Text(rest);
    else if (mode === 'set1-html') set1.benchSet1Html(rest);
    else throw new Error(`Unknown mode ${mode}: use --mode set1-text or --mode set1-html.`);
    return;
  }
  const args = parseArgs(argv);
  if (args.writeSet1Meta) {
    if (!args.set1) throw new Error('no set 1 found; pass --set1 DIR');
    const out: Record<string, Set1Meta> = {};
    for (const id of set1Ids(args.set1)) out[id] = pageMeta(readFileSync(join(args.set1, 'html', `${id}.html`), 'utf8'));
    mkdirSync(dirname(SET1_META), { recursive: true });
    writeFileSync(SET1_META, `${JSON.stringify(out, null, 1)}\n`);
    process.stdout.write(`wrote ${SET1_META}\n`);
    return;
  }
  if (!args.set1 || !existsSync(join(args.set1, 'score.py'))) {
    process.stderr.write('Set 1 not found: pass --set1 DIR or set FEEDWRIGHT_EXTRACTION_DEV to the extraction-dev folder (shared/extraction-dev).\n');
    process.exit(2);
  }
  if (!args.set2 || !existsSync(join(args.set2, 'truth.json'))) {
    process.stderr.write(
      'Set 2 not found: pass --set2 DIR or set FEEDWRIGHT_TRAF_DEV. Prepare it with\n' +
        '  fetch github:adbar/trafilatura   (a bare git dir of the public repository)\n' +
        '  shared/extraction-dev/trafilatura/prepare.sh <that git dir> data/traf-dev\n',
    );
    process.exit(2);
  }
  const ctx = makeContext(args.now);
  await loadExplainReaders(args.kinds);
  // Warm-up: module loading and JIT are not any page's cost.
  for (const kind of args.kinds) runSet1Warm(args.set1, kind, ctx);

  const languages = new Map<string, string>();
  const truth2 = JSON.parse(readFileSync(join(args.set2, 'truth.json'), 'utf8')) as Record<string, Truth>;
  for (const id of Object.keys(truth2)) {
    const bytes = readFileSync(join(args.set2, 'html', `${id}.html`));
    languages.set(id, pageLanguage(bytes, readFileSync(join(args.set2, 'text', `${id}.txt`), 'latin1')));
  }

  const rows: Row[] = [];
  const summary: Record<string, unknown> = {};
  let byInstant = 0;
  for (const kind of args.kinds) {
    const s1 = runSet1(args.set1, kind, ctx, args);
    byInstant += s1.tally.dateByInstant;
    const s2 = runSet2(args.set2, kind, ctx, args, languages);
    if (args.check) checkAgainstScoreMjs(args.set1, args.set2, s2.runs, s2.tally, kind);
    if (args.dump) {
      mkdirSync(args.dump, { recursive: true });
      writeFileSync(join(args.dump, `set1-${kind}.json`), JSON.stringify(s1.runs.map((r) => ({ ...r.explanation, source: `${r.id}.${kind}`, ms: r.cpuMs }))));
      writeFileSync(join(args.dump, `set2-${kind}.json`), JSON.stringify(s2.runs.map((r) => ({ ...r.explanation, source: `${r.id}.${kind}`, ms: r.cpuMs }))));
    }
    rows.push({ label: 'set 1 (91, F1)', kind, tally: s1.tally, body: (s1.tally.f1 ?? Number.NaN).toFixed(3), meta: kind === 'text' });
    rows.push({ label: 'set 2 (495, F)', kind, tally: s2.tally, body: snippetF(s2.tally).toFixed(3), meta: true });
    for (const language of [...LANGUAGE_ROWS, 'other']) {
      const t = s2.byLanguage.get(language);
      if (t) rows.push({ label: `  set 2 ${language}`, kind, tally: t, body: snippetF(t).toFixed(3), meta: true });
    }
    // Both sets: body = the two sets' figures weighted by pages; metadata counts pooled (set 1 HTML has no reference).
    const both = kind === 'text' ? merge(s1.tally, s2.tally) : { ...merge(emptyTally(), s2.tally), pages: s1.tally.pages + s2.tally.pages, ms: [...s1.tally.ms, ...s2.tally.ms], extractMs: [...s1.tally.extractMs, ...s2.tally.extractMs] };
    const bodyBoth = ((s1.tally.f1 ?? 0) * s1.tally.pages + snippetF(s2.tally) * s2.tally.pages) / (s1.tally.pages + s2.tally.pages);
    rows.push({ label: 'both sets', kind, tally: both, body: bodyBoth.toFixed(3), meta: true });
    summary[kind] = {
      set1: { f1: s1.tally.f1, ...s1.tally, ms: median(s1.tally.ms), extractMs: median(s1.tally.extractMs) },
      set2: { f: snippetF(s2.tally), ...s2.tally, ms: median(s2.tally.ms), extractMs: median(s2.tally.extractMs) },
      both: { body: bodyBoth },
    };
  }
  const table = printTable(rows);
  process.stdout.write(table);
  process.stdout.write(
    'body: set 1 word 4-gram F1 (score.py), set 2 snippet F (trafilatura, micro), both = page-weighted mean of the two.\n' +
      'set 1 title/date: against the pages\' markup metadata (scripts/data/set1-meta.json); not scored for HTML input, which reads that markup itself; set 1 authors not scored (the markup\'s are outlets and roles too often).\n' +
      `set 1 text dates on another day than the markup's but at the same moment (within an hour; "10:31 pm CST" for 04:31 UTC the next day), counted right: ${byInstant}.\n` +
      `languages of set 2: ${[...new Set(languages.values())].map((l) => `${l} ${[...languages.values()].filter((x) => x === l).length}`).join(', ')}\n`,
  );
  if (args.kinds.includes('html')) process.stdout.write(htmlModelFit());
  if (args.json) writeFileSync(args.json, `${JSON.stringify(summary, null, 1)}\n`);
}

/** The HTML body model's fit as scripts/fit-html-model.ts recorded it: model off, in-sample, 5-fold cross-validated. */
function htmlModelFit(): string {
  type Figures = { set1F1: number; set2F: number };
  const file = join(repoRoot, 'assets/html-body-model.json');
  if (!existsSync(file)) return '';
  const fit = (JSON.parse(readFileSync(file, 'utf8')) as { fit?: { modelOff: Figures; inSample: Figures; crossValidated: Figures } }).fit;
  if (!fit) return '';
  const f = (x: Figures): string => `set 1 ${x.set1F1.toFixed(3)} / set 2 ${x.set2F.toFixed(3)}`;
  return `HTML body model (assets/html-body-model.json, npm run fit:html): model off ${f(fit.modelOff)}, in-sample ${f(fit.inSample)}, 5-fold CV by site ${f(fit.crossValidated)}.\n`;
}

function runSet1Warm(dev: string, kind: Kind, ctx: ExplainContext): void {
  for (const id of set1Ids(dev).slice(0, 5)) runPage(join(dev, kind, `${id}.${kind === 'text' ? 'txt' : 'html'}`), id, ctx, 1);
}

await main();
