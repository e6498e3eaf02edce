/**
 * Benchmark of the plain-text boilerplate remover on the extraction development set.
 *
 *   npx tsx scripts/bench-extract-text.ts [--dev DIR] [--out DIR] [--csv FILE] [--ids FILE] [--runs N]
 *
 * Runs extractText on every `text/*.txt` of the set (with the folder's site template from
 * findTemplateLines), writes the kept paragraphs as predictions, scores them with the set's
 * score.py and prints precision / recall / F1 and the per-page median and p95 time (each page's
 * fastest of N runs, wall and CPU).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText, findTemplateLines } from '../src/clean/text/index.js';

interface Args {
  dev: string;
  out: string | undefined;
  csv: string | undefined;
  ids: string | undefined;
  runs: number;
}

function parseArgs(argv: readonly string[]): Args {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const args: Args = { dev: resolve(repoRoot, '../shared/extraction-dev'), out: undefined, csv: undefined, ids: undefined, runs: 3 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`Option ${flag} needs a value.`);
    if (flag === '--dev') args.dev = resolve(value);
    else if (flag === '--out') args.out = resolve(value);
    else if (flag === '--csv') args.csv = resolve(value);
    else if (flag === '--ids') args.ids = resolve(value);
    else if (flag === '--runs') args.runs = Math.max(1, Number.parseInt(value, 10) || 1);
    else throw new Error(`Unknown option ${flag}; use --dev DIR, --out DIR, --csv FILE, --ids FILE or --runs N.`);
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
}

main();
