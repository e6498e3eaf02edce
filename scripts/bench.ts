/**
 * feedwright benchmark: builds seeded corpora (scripts/corpus.ts) and times the CLI in fresh
 * processes, side by side with the time to merely read the files (`cat`) and, when installed,
 * Hugo on the same corpus (one RSS feed with every page's full .Content).
 *
 *   npx tsx scripts/bench.ts                         50, 1k and 10k articles, 3 runs each
 *   npx tsx scripts/bench.ts --sizes 1k --runs 5     a quick run
 *   npx tsx scripts/bench.ts --sizes 100k --runs 1   the opt-in big one
 *   options: --kind markdown|mixed|both (default both)  --no-hugo  --no-watch  --keep  --json FILE
 *
 * Measured per size (medians over the runs; the machine may be busy, so compare the ratios,
 * which are measured in the same run):
 *   read floor   `cat` of every article file (page cache warm, as for every build below)
 *   full         cold CLI process, empty cache, no previous output
 *   no change    cold CLI process, warm cache, nothing changed (no file may be rewritten)
 *   one change   cold CLI process, warm cache, one article edited
 *   watch        `build --watch`: from saving one article to all three feeds replaced (and the
 *                watching process's CPU for that rebuild, from /proc)
 *   hugo         `hugo` on the same Markdown (one full-content RSS feed), when installed
 * plus CPU time (user+sys) and peak RSS of each child from /usr/bin/time, and, first, start-up:
 * `feedwright --version` and `--help` against `node -e 0` (at least 10 interleaved runs).
 * Requires a compiled lib/ (`npm run compile`).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CorpusKind, corpusFile, parseSize, writeCorpus } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'feedwright.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Sample {
  wall: number;
  cpu?: number;
  rssMiB?: number;
  ok: boolean;
}

interface Row {
  kind: CorpusKind;
  size: number;
  metric: string;
  samples: Sample[];
  note?: string;
}

const args = process.argv.slice(2);
// An option it does not know (`--help`, a typo) shows the usage instead of starting a long run.
const KNOWN_OPTIONS = ['sizes', 'runs', 'kind', 'no-hugo', 'no-watch', 'keep', 'json'];
const unknownOption = args.find((a) => a.startsWith('--') && !KNOWN_OPTIONS.includes(a.slice(2)));
if (unknownOption) {
  const usage = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]?.replace(/^\/\*\*\n?| ?\* ?/gm, '') ?? '';
  process.stdout.write(usage);
  process.exit(unknownOption === '--help' ? 0 : 2);
}
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const sizes = option('sizes', '50,1k,10k').split(',').map(parseSize);
const runs = Number(option('runs', '3'));
const kinds: CorpusKind[] = option('kind', 'both') === 'both' ? ['markdown', 'mixed'] : [option('kind', 'markdown') as CorpusKind];
const work = path.join(tmpdir(), 'feedwright-bench');
const hugo = !flag('no-hugo') && spawnSync('hugo', ['version']).status === 0 ? String(spawnSync('hugo', ['version']).stdout).trim() : undefined;

/** Run a command, timing it; with /usr/bin/time also CPU and peak RSS of the child. */
function timed(cmd: string, argv: string[], cwd: string): Sample {
  const started = performance.now();
  if (TIME) {
    const r = spawnSync(TIME, ['-f', '@@time %e %U %S %M', cmd, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = (performance.now() - started) / 1000;
    const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    if (r.status !== 0 && r.status !== 1) process.stderr.write(`  ${cmd} failed (${r.status}): ${(r.stderr ?? '').slice(-400)}\n`);
    return m ? { wall, cpu: Number(m[2]) + Number(m[3]), rssMiB: Number(m[4]) / 1024, ok: r.status === 0 || r.status === 1 } : { wall, ok: false };
  }
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { wall: (performance.now() - started) / 1000, ok: r.status === 0 || r.status === 1 };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(abs));
    else out.push(abs);
  }
  return out.sort();
}

function readFloor(dir: string): Sample {
  // `cat` of every file, in batches (argument lists have a length limit), output discarded.
  const files = listFiles(path.join(dir, 'articles'));
  const started = performance.now();
  let cpu = 0;
  for (let i = 0; i < files.length; i += 2000) {
    const s = timed('sh', ['-c', 'cat "$@" > /dev/null', 'cat', ...files.slice(i, i + 2000)], dir);
    cpu += s.cpu ?? 0;
  }
  return { wall: (performance.now() - started) / 1000, cpu, ok: true };
}

const feedwright = (dir: string): Sample => timed(process.execPath, [CLI, 'build', '--quiet'], dir);

function resetBuild(dir: string): void {
  rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
}

/** Edit one article: append a paragraph, different on every call. */
let edits = 0;
function editOne(dir: string, kind: CorpusKind, size: number): void {
  const f = corpusFile(Math.floor(size / 2), kind);
  const abs = path.join(dir, 'articles', f.rel);
  edits++;
  appendFileSync(abs, `\nEdited paragraph number ${edits} for the benchmark.\n`);
}

const outputStamp = (dir: string): string =>
  ['rss.xml', 'atom.xml', 'feed.json']
    .map((n) => {
      try {
        const s = statSync(path.join(dir, 'dist', n));
        return `${s.ino}:${s.mtimeMs}`;
      } catch {
        return '-';
      }
    })
    .join(',');

/** Save → all three feeds replaced, in a running `build --watch`. */
async function watchLatency(dir: string, kind: CorpusKind, size: number, n: number): Promise<Sample[]> {
  const child = spawn(process.execPath, [CLI, 'build', '--watch', '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.resume();
  const samples: Sample[] = [];
  try {
    await waitFor(() => stderr.includes('watching'), 600_000);
    await sleep(300);
    for (let i = 0; i < n; i++) {
      const before = outputStamp(dir).split(',');
      const cpuBefore = processCpu(child.pid);
      const started = performance.now();
      editOne(dir, kind, size);
      const ok = await waitFor(
        () =>
          outputStamp(dir)
            .split(',')
            .every((s, k) => s !== before[k]),
        300_000,
        2,
      );
      const wall = (performance.now() - started) / 1000;
      await sleep(500);
      // CPU of the watching process for this save (the rebuild has finished by now): wall time
      // on a shared machine follows the load, CPU much less.
      const cpuAfter = processCpu(child.pid);
      samples.push({ wall, ok, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpu: cpuAfter - cpuBefore } : {}) });
    }
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
  return samples;
}

/** User + system CPU seconds of a running process, from /proc (Linux); undefined elsewhere. */
function processCpu(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number, pollMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (check()) return true;
    await sleep(pollMs);
  }
  return false;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An RSS 2.0 template for Hugo that puts every page's rendered .Content in the item, as feedwright does. */
const HUGO_FULL_CONTENT_RSS = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>bench</description>
{{ range .Site.RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><guid>{{ .Permalink }}</guid>
<description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>
`;

function hugoSite(dir: string): string {
  const site = path.join(dir, 'hugo-site');
  mkdirSync(site, { recursive: true });
  writeFileSync(
    path.join(site, 'config.toml'),
    [
      'baseURL = "https://gazette.example.com/"',
      `contentDir = ${JSON.stringify(path.join(dir, 'articles'))}`,
      'disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404", "section"]',
      '[outputs]',
      'home = ["RSS"]',
      'page = []',
      '[services.rss]',
      'limit = -1',
      '',
    ].join('\n'),
  );
  // Hugo's default RSS template carries only .Summary; feedwright's feeds carry every article's full
  // content, so Hugo is given a template with .Content to do the same work (issue 14).
  mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(site, 'layouts', '_default', 'rss.xml'), HUGO_FULL_CONTENT_RSS);
  return site;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Start-up: the CLI's cheapest commands against a bare Node process, interleaved. */
const startRows: { metric: string; samples: Sample[] }[] = [];
function startUp(): void {
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['feedwright --version', [CLI, '--version']],
    ['feedwright --help', [CLI, '--help']],
  ];
  const samples = commands.map((): Sample[] => []);
  for (let i = 0; i < Math.max(runs, 10); i++) for (const [k, [, argv]] of commands.entries()) samples[k]?.push(timed(process.execPath, argv, ROOT));
  for (const [k, [metric]] of commands.entries()) {
    startRows.push({ metric, samples: samples[k] ?? [] });
    const m = summary({ kind: 'markdown', size: 0, metric, samples: samples[k] ?? [] });
    process.stderr.write(`  start-up ${metric}: ${m.wall} s wall, ${m.cpu} s cpu\n`);
  }
}

const rows: Row[] = [];
function add(kind: CorpusKind, size: number, metric: string, samples: Sample[], note?: string): void {
  rows.push({ kind, size, metric, samples, ...(note ? { note } : {}) });
  const m = summary(rows[rows.length - 1] as Row);
  process.stderr.write(`  ${kind} ${label(size)} ${metric}: ${m.wall} s wall, ${m.cpu} s cpu, ${m.rss} MiB${samples.some((s) => !s.ok) ? ' (FAILED runs)' : ''}\n`);
}

function summary(r: Row): { wall: string; cpu: string; rss: string } {
  const cpu = r.samples.map((s) => s.cpu).filter((x): x is number => x !== undefined);
  const rss = r.samples.map((s) => s.rssMiB).filter((x): x is number => x !== undefined);
  return {
    wall: median(r.samples.map((s) => s.wall)).toFixed(2),
    cpu: cpu.length ? median(cpu).toFixed(2) : '–',
    rss: rss.length ? Math.max(...rss).toFixed(0) : '–',
  };
}

const label = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: run `npm run compile` first');
  process.stderr.write(
    `feedwright bench: sizes ${sizes.map(label).join(', ')}, ${runs} runs, kinds ${kinds.join(', ')}${hugo ? `, ${hugo.split(' ')[1] ?? 'hugo'}` : ', no hugo'}\n`,
  );
  startUp();
  for (const kind of kinds) {
    for (const size of sizes) {
      const dir = path.join(work, `${kind}-${size}`);
      process.stderr.write(`${kind} ${label(size)}: writing corpus in ${dir}\n`);
      writeCorpus({ count: size, kind, dir });
      readFloor(dir); // warm the page cache, as it is for every tool measured after it
      const floor: Sample[] = [];
      const full: Sample[] = [];
      const noChange: Sample[] = [];
      const oneChange: Sample[] = [];
      const hugoRuns: Sample[] = [];
      const rewritten: number[] = [];
      for (let i = 0; i < runs; i++) {
        floor.push(readFloor(dir));
        resetBuild(dir);
        full.push(feedwright(dir));
        // Let the racy-timestamp window (2 s) pass, as between a build and a human's next save.
        await sleep(2200);
        const before = outputStamp(dir);
        noChange.push(feedwright(dir));
        rewritten.push(outputStamp(dir) === before ? 0 : 1);
        editOne(dir, kind, size);
        oneChange.push(feedwright(dir));
        if (hugo && kind === 'markdown') {
          const site = hugoSite(dir);
          rmSync(path.join(site, 'out'), { recursive: true, force: true });
          hugoRuns.push(timed('hugo', ['--quiet', '-s', site, '-d', path.join(site, 'out')], dir));
        }
      }
      add(kind, size, 'read floor (cat)', floor);
      add(kind, size, 'full build', full);
      add(kind, size, 'no-change rebuild', noChange, rewritten.some((x) => x) ? 'FILES REWRITTEN' : 'no file rewritten');
      add(kind, size, 'one-change rebuild', oneChange);
      if (!flag('no-watch') && size <= 10_000) add(kind, size, 'watch: save → feeds', await watchLatency(dir, kind, size, runs));
      if (hugoRuns.length) add(kind, size, 'hugo (full-content RSS)', hugoRuns);
      if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
    }
  }
  const report = table();
  process.stdout.write(report);
  const jsonOut = option('json', '');
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ machine: machine(), date: new Date().toISOString(), rows }, null, 2));
}

function machine(): string {
  const mem = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    load = '?';
  }
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  })();
  return `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mem} RAM, Node ${process.version}, load average ${load} (at the end), feedwright ${commit}`;
}

function table(): string {
  const lines = [`Machine: ${machine()}`, `Date: ${new Date().toISOString()}`, `Runs per cell: ${runs} (medians; peak RSS is the maximum)`, ''];
  lines.push('| corpus | articles | measure | wall (s) | × read floor | CPU (s) | peak RSS (MiB) | note |', '|---|---:|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const s = summary(r);
    const floor = rows.find((x) => x.kind === r.kind && x.size === r.size && x.metric.startsWith('read floor'));
    const ratio = floor && r !== floor ? (Number(s.wall) / median(floor.samples.map((x) => x.wall))).toFixed(1) : '';
    const h = rows.find((x) => x.kind === r.kind && x.size === r.size && x.metric.startsWith('hugo'));
    const hugoCpu = h ? summary(h).cpu : '–';
    const vsHugo =
      h && r.metric === 'full build'
        ? ` ${(Number(s.wall) / median(h.samples.map((x) => x.wall))).toFixed(2)}× Hugo${s.cpu !== '–' && hugoCpu !== '–' ? ` (CPU ${(Number(s.cpu) / Number(hugoCpu)).toFixed(2)}×)` : ''}`
        : '';
    const failed = r.samples.some((x) => !x.ok) ? ' FAILED runs' : '';
    lines.push(`| ${r.kind} | ${label(r.size)} | ${r.metric} | ${s.wall} | ${ratio} | ${s.cpu} | ${s.rss} | ${(r.note ?? '') + vsHugo + failed} |`);
  }
  if (startRows.length) {
    const bare = startRows[0] as { samples: Sample[] };
    lines.push('', '| start-up | wall (s) | × node -e 0 | CPU (s) |', '|---|---:|---:|---:|');
    for (const r of startRows) {
      const s = summary({ kind: 'markdown', size: 0, metric: r.metric, samples: r.samples });
      const ratio = r === bare ? '' : (Number(s.wall) / median(bare.samples.map((x) => x.wall))).toFixed(2);
      lines.push(`| ${r.metric} | ${s.wall} | ${ratio} | ${s.cpu} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

await main();
