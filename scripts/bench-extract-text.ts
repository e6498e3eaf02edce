/**
 * Benchmark of the plain-text boilerplate remover on the extraction development set.
 *
 *   npx tsx scripts/bench-extract-text.ts [--dev DIR] [--out DIR] [--csv FILE] [--ids FILE] [--runs N]
 *
 * Runs extractText on every `text/*.txt` of the set (with the folder's site template from
 * findTemplateLines), writes the kept paragraphs as predictions, scores them with the set's
 * score.py and prints precision / recall / F1 and the per-page median and p95 time (each page's
 * fastest of N runs, wall and CPU).
 *
 * It also measures the metadata read from the text against the page's own metadata: the HTML
 * version of each page (`html/<id>.html`) carries the headline, authors and publication date in
 * og:title / JSON-LD / <h1> / meta tags, read here with the HTML source's metadata reader. Printed:
 * title accuracy (normalised exact match, and match once a trailing " | Site" / " - Site" is taken
 * off either side), and how often the text's byline author and date agree with the page's.
 * `--no-meta` skips this (it parses every HTML page). `--titles FILE` writes each page's titles.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText, findTemplateLines, type TextExtraction } from '../src/extract/text/index.js';
import type { FoundMetadata } from '../src/model.js';
import { parseDocument } from '../src/extract/html/dom.js';
import { extractMetadata } from '../src/extract/html/metadata.js';

interface Args {
  dev: string;
  out: string | undefined;
  csv: string | undefined;
  ids: string | undefined;
  runs: number;
  meta: boolean;
  titles: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const args: Args = { dev: resolve(repoRoot, '../shared/extraction-dev'), out: undefined, csv: undefined, ids: undefined, runs: 3, meta: true, titles: undefined };
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

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
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

main();
