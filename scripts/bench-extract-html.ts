/**
 * Benchmark of the HTML main-content extractor against the extraction development set.
 *
 *   npx tsx scripts/bench-extract-html.ts [--dev DIR] [--baseline] [--keep] [--csv FILE] [--only ID] [--repeat N]
 *
 * Runs `extractHtml` on every `html/*.html` of the set, writes each `contentText` to a temporary
 * folder, scores it with the set's `score.py` (word 4-gram F1) and prints precision, recall, F1 and
 * the median / p95 time per page (wall clock, and CPU time of this process, which a busy machine
 * disturbs less). `--baseline` also scores plain Readability on linkedom in the same
 * run, for a side-by-side comparison. `--keep` keeps the prediction folders and prints their paths.
 * `--repeat N` runs every page N times per system and keeps the fastest run (use it on a busy machine).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/extract/html/index.js';

interface Args {
  dev: string;
  baseline: boolean;
  keep: boolean;
  csv?: string;
  only?: string;
  /** Runs per page and system; the fastest run counts (the least disturbed by other load). */
  repeat: number;
}

function parseArgs(argv: string[]): Args {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const args: Args = { dev: resolve(repoRoot, '../shared/extraction-dev'), baseline: false, keep: false, repeat: 1 };
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

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

interface System {
  label: string;
  run: (html: string) => string;
}

/** Score one system's predictions and print its line. */
function report(system: System, texts: Map<string, string>, times: number[], cpu: number[], args: Args): void {
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

function main(): void {
  const args = parseArgs(process.argv.slice(2));
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

main();
