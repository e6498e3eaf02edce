/**
 * The set-1-only benchmarks, run as modes of the one entry point (scripts/bench-extract.ts):
 *
 *   npm run bench:extract -- --mode set1-text [--dev DIR] [--out DIR] [--csv FILE] [--ids FILE] [--runs N] [--titles FILE] [--no-meta]
 *   npm run bench:extract -- --mode set1-html [--dev DIR] [--baseline] [--keep] [--csv FILE] [--only ID] [--repeat N]
 *
 * set1-text runs extractText on every `text/*.txt` of set 1 (with the folder's site template from
 * findTemplateLines), writes the kept paragraphs as predictions, scores them with the set's
 * score.py and prints precision / recall / F1 and the per-page median and p95 time (each page's
 * fastest of N runs, wall and CPU). It also measures the metadata read from the text against the
 * page's own metadata: the HTML version of each page (`html/<id>.html`) carries the headline,
 * authors and publication date in og:title / JSON-LD / <h1> / meta tags, read here with the HTML
 * source's metadata reader. Printed: title accuracy (normalised exact match, and match once a
 * trailing " | Site" / " - Site" is taken off either side), and how often the text's byline author
 * and date agree with the page's. `--no-meta` skips this (it parses every HTML page). `--titles
 * FILE` writes each page's titles.
 *
 * set1-html runs `extractHtml` on every `html/*.html` of the set, writes each `contentText` to a
 * temporary folder, scores it with the set's `score.py` (word 4-gram F1) and prints precision,
 * recall, F1 and the median / p95 time per page (wall clock, and CPU time of this process, which
 * a busy machine disturbs less). `--baseline` also scores plain Readability on linkedom in the
 * same run, for a side-by-side comparison. `--keep` keeps the prediction folders and prints their
 * paths. `--repeat N` runs every page N times per system and keeps the fastest run (use it on a
 * busy machine).
 *
 * The folder of set 1 is found as the other tools find it (scripts/text-eval.ts `SET1_DIR`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseDocument } from '../src/extract/html/dom.js';
import { extractHtml } from '../src/extract/html/index.js';
import { extractMetadata } from '../src/extract/html/metadata.js';
import { extractText, findTemplateLines, type TextExtraction } from '../src/extract/text/index.js';
import type { FoundMetadata } from '../src/model.js';
import { SET1_DIR } from './text-eval.js';

/** The value at quantile `q` of sorted numbers (nearest rank); NaN for none. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

// ---------------------------------------------------------------- set1-text

interface TextArgs {
  dev: string;
  out: string | undefined;
  csv: string | undefined;
  ids: string | undefined;
  runs: number;
  meta: boolean;
  titles: string | undefined;
}

function parseTextArgs(argv: readonly string[]): TextArgs {
  const args: TextArgs = { dev: SET1_DIR, out: undefined, csv: undefined, ids: undefined, runs: 3, meta: true, titles: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--no-meta') {
      args.meta = false;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`Option ${flag} needs a value.`);
    if (flag === '--dev') args.dev = resolve(value);
    else if (flag === '--out') args.out = resolve(value);
    else if (flag === '--csv') args.csv = resolve(value);
    else if (flag === '--ids') args.ids = resolve(value);
    else if (flag === '--titles') args.titles = resolve(value);
    else if (flag === '--runs') args.runs = Math.max(1, Number.parseInt(value, 10) || 1);
    else throw new Error(`Unknown option ${flag}; use --dev DIR, --out DIR, --csv FILE, --ids FILE, --runs N, --titles FILE or --no-meta.`);
    i += 1;
  }
  return args;
}

/** `--mode set1-text`: the plain-text boilerplate remover on set 1, and its metadata against the pages' markup. */
export function benchSet1Text(argv: readonly string[]): void {
  const args = parseTextArgs(argv);
  const textDir = join(args.dev, 'text');
  if (!existsSync(textDir)) {
    process.stderr.write(`No development set at ${args.dev} (expected a text/ folder); pass --dev DIR.\n`);
    process.exit(2);
  }
  const names = readdirSync(textDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const texts = names.map((name) => readFileSync(join(textDir, name), 'utf8'));
  const template = findTemplateLines(texts);
  const out = args.out ?? mkdtempSync(join(tmpdir(), 'bench-extract-text-'));
  mkdirSync(out, { recursive: true });

  // Warm up chrono and the regular expressions so the first page does not carry the start-up cost.
  for (const text of texts.slice(0, 3)) extractText(text, { timezone: 'UTC', template });

  const times: number[] = [];
  // CPU time too: on a busy machine wall time measures the neighbours as much as the code.
  const cpuTimes: number[] = [];
  const extractions: TextExtraction[] = [];
  names.forEach((name, index) => {
    const text = texts[index] ?? '';
    // Each page runs `runs` times and its fastest run counts: the slower ones measured interruptions.
    let extraction = extractText(text, { timezone: 'UTC', template });
    let best = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    for (let run = 0; run < args.runs; run += 1) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      extraction = extractText(text, { timezone: 'UTC', template });
      const cpu = process.cpuUsage(cpuStarted);
      best = Math.min(best, performance.now() - started);
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    }
    extractions.push(extraction);
    times.push(best);
    cpuTimes.push(bestCpu);
    writeFileSync(join(out, name), `${extraction.paragraphs.map((p) => p.text).join('\n\n')}\n`);
  });
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);

  const scoreArgs = [join(args.dev, 'score.py'), out];
  if (args.csv) scoreArgs.push('--csv', args.csv);
  if (args.ids) scoreArgs.push('--ids', args.ids);
  const score = execFileSync('python3', scoreArgs, { encoding: 'utf8' });
  process.stdout.write(score);
  process.stdout.write(
    `pages=${names.length} template-lines=${template.size} median=${percentile(times, 0.5).toFixed(2)}ms p95=${percentile(times, 0.95).toFixed(2)}ms max=${percentile(times, 1).toFixed(2)}ms (cpu median=${percentile(cpuTimes, 0.5).toFixed(2)}ms p95=${percentile(cpuTimes, 0.95).toFixed(2)}ms)\npredictions in ${out}\n`,
  );
  if (args.meta) {
    const ids = args.ids ? readIds(args.ids) : undefined;
    const pages = names.map((name, index) => ({ id: name.replace(/\.txt$/, ''), extraction: extractions[index] as TextExtraction }));
    process.stdout.write(`${metadataReport(args.dev, ids ? pages.filter((page) => ids.has(page.id)) : pages, args.titles)}\n`);
  }
}

function readIds(file: string): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const id = line.replace(/#.*/, '').trim();
    if (id) ids.add(id);
  }
  return ids;
}

/** The page's own metadata, from its HTML version (JSON-LD, meta tags, <h1>, <time>). */
function htmlMetadata(dev: string, id: string): FoundMetadata | undefined {
  const file = join(dev, 'html', `${id}.html`);
  if (!existsSync(file)) return undefined;
  const parsed = parseDocument(readFileSync(file, 'utf8'));
  if (!parsed.ok) return undefined;
  return extractMetadata(parsed.document, { timezone: 'UTC' }).found;
}

/** Compare case-, accent-, quote- and punctuation-blind: letters and digits, single spaces. */
function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A trailing site name behind a separator: "Headline | Site", "Headline - Site". */
const SITE_SUFFIX = /\s+(?:[|–—-]|::)\s+[^|–—-]{1,40}$/u;

function titleMatch(page: string, text: string): 'exact' | 'site' | 'no' {
  const a = normaliseTitle(page);
  const b = normaliseTitle(text);
  if (a === b) return 'exact';
  const a2 = normaliseTitle(page.replace(SITE_SUFFIX, ''));
  const b2 = normaliseTitle(text.replace(SITE_SUFFIX, ''));
  if (a2 === b || a === b2 || a2 === b2) return 'site';
  return 'no';
}

function personKey(name: string): string {
  return normaliseTitle(name);
}

/**
 * Same person when one normalised name holds the other as whole words: pages' metadata often
 * keeps the role or outlet ("TOM KRISHER, AP Auto Writer", "Jill Disis, CNN Business").
 */
function sameAuthor(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${part}/${whole} (${((100 * part) / whole).toFixed(0)}%)`;
}

function metadataReport(dev: string, pages: readonly { id: string; extraction: TextExtraction }[], titlesFile: string | undefined): string {
  let titled = 0;
  let exact = 0;
  let site = 0;
  let authorPages = 0;
  let authorFound = 0;
  let authorAgree = 0;
  let datePages = 0;
  let dateFound = 0;
  let dateSameDay = 0;
  let dateWithinDay = 0;
  const rows: string[] = ['id\tmatch\tpage title\ttext title'];
  for (const { id, extraction } of pages) {
    const found = htmlMetadata(dev, id);
    if (!found) continue;
    if (found.title) {
      titled += 1;
      const match = extraction.title ? titleMatch(found.title.value, extraction.title.value) : 'no';
      if (match === 'exact') exact += 1;
      if (match !== 'no') site += 1;
      rows.push(`${id}\t${match}\t${found.title.value}\t${extraction.title?.value ?? ''}`);
    }
    if (found.authors && found.authors.value.length > 0) {
      authorPages += 1;
      if (extraction.authors) {
        authorFound += 1;
        const want = found.authors.value.map((person) => personKey(person.name));
        if (extraction.authors.value.some((person) => want.some((name) => sameAuthor(name, personKey(person.name))))) authorAgree += 1;
      }
    }
    if (found.published) {
      datePages += 1;
      if (extraction.published) {
        dateFound += 1;
        const page = found.published.value;
        const text = extraction.published.value;
        if (page.toISOString().slice(0, 10) === text.toISOString().slice(0, 10)) dateSameDay += 1;
        // Dates without a zone are read in UTC; the page's may carry an offset.
        if (Math.abs(page.getTime() - text.getTime()) <= 86_400_000) dateWithinDay += 1;
      }
    }
  }
  if (titlesFile) writeFileSync(titlesFile, `${rows.join('\n')}\n`);
  return [
    `title accuracy (vs the page's og:title/JSON-LD/h1): exact ${percent(exact, titled)}, without site name ${percent(site, titled)}`,
    `authors: page has ${authorPages}, text found ${percent(authorFound, authorPages)}, agree (one name holds the other) ${percent(authorAgree, authorPages)}`,
    `published: page has ${datePages}, text found ${percent(dateFound, datePages)}, same UTC day ${percent(dateSameDay, datePages)}, within 24 h ${percent(dateWithinDay, datePages)}`,
  ].join('\n');
}

// ---------------------------------------------------------------- set1-html

interface HtmlArgs {
  dev: string;
  baseline: boolean;
  keep: boolean;
  csv?: string;
  only?: string;
  /** Runs per page and system; the fastest run counts (the least disturbed by other load). */
  repeat: number;
}

function parseHtmlArgs(argv: readonly string[]): HtmlArgs {
  const args: HtmlArgs = { dev: SET1_DIR, baseline: false, keep: false, repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dev') args.dev = resolve(next());
    else if (a === '--baseline') args.baseline = true;
    else if (a === '--keep') args.keep = true;
    else if (a === '--csv') args.csv = resolve(next());
    else if (a === '--only') args.only = next();
    else if (a === '--repeat') args.repeat = Math.max(1, Number.parseInt(next(), 10) || 1);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface System {
  label: string;
  run: (html: string) => string;
}

/** Score one system's predictions and print its line. */
function report(system: System, texts: Map<string, string>, times: number[], cpu: number[], args: HtmlArgs): void {
  const out = mkdtempSync(join(tmpdir(), `bench-extract-html-${system.label}-`));
  for (const [id, text] of texts) writeFileSync(join(out, `${id}.txt`), text);
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  const scoreArgs = [join(args.dev, 'score.py'), out, '--label', system.label];
  if (args.csv) scoreArgs.push('--csv', system.label === 'feedwright' ? args.csv : `${args.csv}.${system.label}.csv`);
  if (args.only) {
    const ids = join(out, `ids-${system.label}.list`);
    writeFileSync(ids, `${args.only}\n`);
    scoreArgs.push('--ids', ids);
  }
  const score = execFileSync('python3', scoreArgs, { encoding: 'utf8' }).trim();
  console.log(score);
  console.log(
    `${system.label}: ms/page median=${percentile(sorted, 0.5).toFixed(1)} p95=${percentile(sorted, 0.95).toFixed(1)} max=${(sorted[sorted.length - 1] ?? 0).toFixed(1)}` +
      ` | cpu ms/page median=${percentile(cpuSorted, 0.5).toFixed(1)} p95=${percentile(cpuSorted, 0.95).toFixed(1)}`,
  );
  if (args.keep) console.log(`${system.label}: predictions in ${out}`);
  else rmSync(out, { recursive: true, force: true });
}

/** `--mode set1-html`: the HTML extractor on set 1 (`--baseline`: and plain Readability on linkedom, page by page in turn). */
export function benchSet1Html(argv: readonly string[]): void {
  const args = parseHtmlArgs(argv);
  const htmlDir = join(args.dev, 'html');
  const ids = readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .filter((id) => args.only === undefined || id === args.only)
    .sort();
  const pages = ids.map((id) => ({ id, html: readFileSync(join(htmlDir, `${id}.html`), 'utf8') }));
  const systems: System[] = [
    {
      label: 'feedwright',
      run: (html) => extractHtml(html, { timezone: 'UTC', referenceDate: new Date(0) }).contentText,
    },
  ];
  if (args.baseline) {
    systems.push({
      label: 'baseline-readability',
      run: (html) => {
        const { document } = parseHTML(html);
        return new Readability(document as never).parse()?.textContent ?? '';
      },
    });
  }
  // Warm up the JIT on a few pages so the first system measured is not penalised.
  for (const page of pages.slice(0, 5)) for (const s of systems) s.run(page.html);
  // Systems take turns page by page (in alternating order), so that machine load and garbage
  // collection fall on all of them alike.
  const texts = systems.map(() => new Map<string, string>());
  const times = systems.map((): number[] => []);
  const cpu = systems.map((): number[] => []);
  pages.forEach((page, p) => {
    for (let k = 0; k < systems.length; k++) {
      const i = p % 2 === 0 ? k : systems.length - 1 - k;
      const system = systems[i];
      if (!system) continue;
      let text = '';
      let wall = Number.POSITIVE_INFINITY;
      let cpuMs = Number.POSITIVE_INFINITY;
      for (let r = 0; r < args.repeat; r++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        text = system.run(page.html);
        const c1 = process.cpuUsage(c0);
        wall = Math.min(wall, performance.now() - t0);
        cpuMs = Math.min(cpuMs, (c1.user + c1.system) / 1000);
      }
      times[i]?.push(wall);
      cpu[i]?.push(cpuMs);
      texts[i]?.set(page.id, text);
    }
  });
  systems.forEach((system, i) => {
    report(system, texts[i] ?? new Map(), times[i] ?? [], cpu[i] ?? [], args);
  });
}

