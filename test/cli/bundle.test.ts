/**
 * The bundled lib/ (scripts/bundle.ts, what `npm run compile` writes): bundled into a temporary
 * package folder (package.json, assets/, bin/ and lib/ side by side, as installed), then run.
 * It must behave as the TypeScript sources do: same bytes for the same site, assets and the
 * version found from inside chunks, the parse worker found and working, the library importable;
 * and `--version`/`--help` must load none of the parsers.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, LAZY_CALLABLE_DEPENDENCIES, LAZY_DEPENDENCIES, SCRIPT_HEAD, SCRIPT_TAIL } from '../../scripts/bundle.js';
import { TEST_MTIME } from '../helpers/project.js';
import { run } from './helpers.js';

const exec = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');

async function node(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, args, { cwd, env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

/** The repository's sample site (Markdown, text and HTML articles), with fixed file times. */
function sampleSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-site-'));
  cpSync(path.join(REPO, 'articles'), path.join(dir, 'articles'), { recursive: true });
  for (const f of readdirSync(path.join(dir, 'articles'))) utimesSync(path.join(dir, 'articles', f), TEST_MTIME, TEST_MTIME);
  const config = JSON.parse(readFileSync(path.join(REPO, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, git: false, cache: false }));
  return dir;
}

function outputs(dir: string): Record<string, string> {
  const out = path.join(dir, 'dist');
  return Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
}

/** Every input (source or dependency file) in the outputs that `entry` loads statically. */
function staticInputs(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (out: string): void => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
}

describe('the bundled lib/', { timeout: 240_000 }, () => {
  let pkg: string;
  let meta: Metafile;
  let cliOutput: string;

  beforeAll(async () => {
    pkg = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-'));
    for (const f of ['package.json', 'assets', 'bin']) cpSync(path.join(REPO, f), path.join(pkg, f), { recursive: true });
    symlinkSync(realpathSync(path.join(REPO, 'node_modules')), path.join(pkg, 'node_modules'), 'dir');
    meta = await bundle(path.join(pkg, 'lib'));
    const key = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.entryPoint === 'src/cli/main.ts');
    if (key === undefined) throw new Error('no output for src/cli/main.ts');
    cliOutput = key;
  }, 240_000);

  it('--version prints the version of the package.json beside lib/', async () => {
    const r = await node([path.join(pkg, 'bin/feedwright.js'), '--version'], pkg);
    expect(r.code, r.stderr).toBe(0);
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout).toBe(`feedwright ${version}\n`);
    // The launcher answers --version itself; the CLI's own answer is the same.
    const script = `import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/cli/main.js')).href)}).then(async (m) => { process.exitCode = await m.main(['--version'], { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }); })`;
    const cli = await node(['-e', script], pkg);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toBe(r.stdout);
  });

  it('builds the sample site (Markdown, text, HTML) to the same bytes as the sources do', async () => {
    const bundled = sampleSite();
    const r = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], bundled);
    expect(r.code, r.stderr).toBe(0);
    const sources = sampleSite();
    expect((await run(['build', '--quiet'], { cwd: sources })).code).toBe(0);
    const got = outputs(bundled);
    // feed.xsl is read from assets/ by a module inside a chunk: the asset URLs survived bundling.
    expect(Object.keys(got)).toEqual(expect.arrayContaining(['atom.xml', 'feed.json', 'feed.xsl', 'rss.xml']));
    expect(got).toEqual(outputs(sources));
  });

  it("holds jsonc-parser's parser alone: not its formatter, whose tables main.js evaluated at every start", () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.some((i) => i.endsWith('jsonc-parser/lib/esm/impl/parser.js'))).toBe(true);
    expect(inputs.filter((i) => /jsonc-parser[\\/]lib[\\/]esm[\\/](main|impl[\\/](format|edit|string-intern))\.js$/.test(i))).toEqual([]);
  });

  it("init reads a site's tsconfig path aliases through the bundled jsonc-parser (its ES build; the UMD main cannot be bundled)", async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-alias-'));
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'tsconfig.json': '{\n  // JSON with comments\n  "compilerOptions": { "paths": { "$config": ["./site.config.ts"] } },\n}\n',
      'site.config.ts': "export default { title: 'Aliased Notes', description: 'Through $config.' };\n",
      'astro.config.mjs': "export default defineConfig({ site: 'https://alias.example' });\n",
      'src/pages/rss.xml.js': "import config from '$config';\nexport const GET = () => rss({ title: config.title, description: config.description, items: [] });\n",
      'src/content/blog/first.md': '---\ntitle: First\npubDate: 2024-03-05\n---\n\nText.\n',
    };
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(site, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const r = await node([path.join(pkg, 'bin/feedwright.js'), 'init'], site);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(site, 'feedwright.config.json'), 'utf8'))).toMatchObject({ title: 'Aliased Notes', description: 'Through $config.' });
  });

  it('yaml and date-fns/parse are evaluated on first use, and work through their stubs: front matter the simple reader leaves to yaml, a date that is not ISO', async () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    for (const dependency of LAZY_DEPENDENCIES) expect(inputs, dependency).toContain(`feedwright-lazy-dependency:${dependency}`);
    const article = ['---', 'title: Lazy loading', 'date: March 5, 2024', 'summary: |', '  A block scalar,', '  which only the yaml library reads.', '---', '', 'The body.', ''].join('\n');
    const bundled = sampleSite();
    writeFileSync(path.join(bundled, 'articles', 'lazy-loading.md'), article);
    utimesSync(path.join(bundled, 'articles', 'lazy-loading.md'), TEST_MTIME, TEST_MTIME);
    const r = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], bundled);
    expect(r.code, r.stderr).toBe(0);
    const sources = sampleSite();
    writeFileSync(path.join(sources, 'articles', 'lazy-loading.md'), article);
    utimesSync(path.join(sources, 'articles', 'lazy-loading.md'), TEST_MTIME, TEST_MTIME);
    expect((await run(['build', '--quiet'], { cwd: sources })).code).toBe(0);
    const got = outputs(bundled);
    expect(got['rss.xml']).toContain('<pubDate>Tue, 05 Mar 2024');
    expect(got['rss.xml']).toContain('which only the yaml library reads.');
    expect(got).toEqual(outputs(sources));
  });

  it('dayjs (which sanitize-html requires through launder) is only ever required through its lazy stub', () => {
    for (const dependency of LAZY_CALLABLE_DEPENDENCIES) {
      const stub = `feedwright-lazy-callable:${dependency}`;
      const importers = Object.entries(meta.inputs).filter(([, input]) => input.imports.some((i) => i.path === stub));
      expect(importers.map(([k]) => k).some((k) => /[\\/]launder[\\/]/.test(k)), dependency).toBe(true);
      // Nothing else requires the real module: only the stub does.
      const real = Object.entries(meta.inputs).filter(([k, input]) => k !== stub && input.imports.some((i) => new RegExp(`[\\\\/]${dependency}[\\\\/]`).test(i.path)));
      expect(real.map(([k]) => k), dependency).toEqual([]);
    }
  });

  it('build runs the CommonJS script with a V8 code cache keyed by its hash, and the cached run writes the same bytes', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-tmp-'));
    const site = sampleSite();
    const first = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], site, { TMPDIR: temp });
    expect(first.code, first.stderr).toBe(0);
    const key = /^\/\/ feedwright-cli ([0-9a-f]{32})\n/.exec(readFileSync(path.join(pkg, 'lib/cli/main.cjs'), 'utf8'))?.[1];
    expect(key).toBeDefined();
    // Each script is written inside the function bin/code-cache.cjs compiles it as: compiled as read.
    for (const script of ['lib/cli/main.cjs', 'lib/cli/extract.cjs', 'lib/pipeline/parse-worker.cjs']) {
      const text = readFileSync(path.join(pkg, script), 'latin1');
      expect(text.slice(text.indexOf('\n') + 1, text.indexOf('\n') + 1 + SCRIPT_HEAD.length), script).toBe(SCRIPT_HEAD);
      expect(text.endsWith(SCRIPT_TAIL), script).toBe(true);
    }
    const cacheDir = path.join(temp, 'feedwright-compile-cache');
    const name = `${process.version}-${process.arch}-${key}-build`;
    // The sample site has text and HTML articles: their readers' script has its own cache, per command.
    const extractKey = /^\/\/ feedwright-cli ([0-9a-f]{32})\n/.exec(readFileSync(path.join(pkg, 'lib/cli/extract.cjs'), 'utf8'))?.[1];
    expect(extractKey).toBeDefined();
    const extractName = `${process.version}-${process.arch}-${extractKey}-build-extract`;
    expect(readdirSync(cacheDir).sort()).toEqual([`${name}.1.bin`, `${extractName}.1.bin`].sort());
    const firstOut = outputs(site);
    const again = sampleSite();
    const second = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], again, { TMPDIR: temp });
    expect(second.code, second.stderr).toBe(0);
    expect(outputs(again)).toEqual(firstOut);
    // The second run confirmed the cache; later runs only read it.
    expect(readdirSync(cacheDir).sort()).toEqual([`${name}.bin`, `${extractName}.bin`].sort());
    const confirmed = statSync(path.join(cacheDir, `${name}.bin`)).mtimeMs;
    const third = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], sampleSite(), { TMPDIR: temp });
    expect(third.code, third.stderr).toBe(0);
    expect(statSync(path.join(cacheDir, `${name}.bin`)).mtimeMs).toBe(confirmed);
    // Turned off, nothing is read or written.
    const off = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-tmp-'));
    const fourth = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], sampleSite(), { TMPDIR: off, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(fourth.code, fourth.stderr).toBe(0);
    expect(readdirSync(off)).toEqual([]);
  });

  it('a first run that compiled little (a config error) does not leave its short cache for good: the next run adds what it compiled', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-tmp-'));
    const broken = sampleSite();
    writeFileSync(path.join(broken, 'feedwright.config.json'), '{ "title": ');
    const failed = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], broken, { TMPDIR: temp });
    expect(failed.code).toBe(2);
    const cacheDir = path.join(temp, 'feedwright-compile-cache');
    const [short] = readdirSync(cacheDir);
    expect(short).toMatch(/-build\.1\.bin$/);
    const shortSize = statSync(path.join(cacheDir, short as string)).size;
    const built = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], sampleSite(), { TMPDIR: temp });
    expect(built.code, built.stderr).toBe(0);
    // (The sample site's text and HTML articles also wrote the readers' script's first cache.)
    const [whole] = readdirSync(cacheDir).filter((f) => !f.includes('-extract'));
    expect(whole).toBe((short as string).replace(/\.1\.bin$/, '.bin'));
    // The build's parsers, writers and validators are in it now, not only the config loader.
    expect(statSync(path.join(cacheDir, whole as string)).size).toBeGreaterThan(shortSize * 1.5);
  });

  it('reads git dates through the CommonJS script: no import() is left for its vm.Script to fail on', async () => {
    // A dynamic import inside a vm.Script throws "A dynamic import callback was not specified"; the
    // git reader once did one, and every build through bin/ lost its git dates to file times.
    expect(readFileSync(path.join(pkg, 'lib/cli/main.cjs'), 'utf8')).not.toMatch(/\bimport\(["'`]/);
    expect(readFileSync(path.join(pkg, 'lib/pipeline/parse-worker.cjs'), 'utf8')).not.toMatch(/\bimport\(["'`]/);
    expect(readFileSync(path.join(pkg, 'lib/cli/extract.cjs'), 'utf8')).not.toMatch(/\bimport\(["'`]/);
    const site = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-git-'));
    cpSync(path.join(REPO, 'articles'), path.join(site, 'articles'), { recursive: true });
    writeFileSync(path.join(site, 'articles', 'undated.md'), '---\ntitle: Dated by its first commit\n---\nA post whose front matter gives no date.\n');
    const config = JSON.parse(readFileSync(path.join(REPO, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(site, 'feedwright.config.json'), JSON.stringify({ ...config, git: true, cache: false }));
    const when = '2021-03-04T05:06:07Z';
    const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'first']]) await exec('git', args, { cwd: site, env });
    const r = await node([path.join(pkg, 'bin/feedwright.js'), 'build'], site);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('GIT_UNAVAILABLE');
    const feed = JSON.parse(readFileSync(path.join(site, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; date_published: string }[] };
    expect(feed.items.find((i) => i.title === 'Dated by its first commit')?.date_published).toBe('2021-03-04T05:06:07Z');
  });

  it('parses on a worker thread started from the bundled worker entry, with the same entries', async () => {
    const script = `
      const { parseJobs } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/pipeline/parse-pool.js')).href)});
      const { resolveConfig } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/index.js')).href)});
      const setup = { config: resolveConfig({ title: 'T', link: 'https://example.com/', git: false }), template: [], nowMs: Date.parse('2026-01-01') };
      const text = 'How the river was cleaned\\n\\nPosted March 11, 2021 by Ann Lee\\n\\nA first paragraph of a text article, long enough to be kept as the body of it.\\n';
      const jobs = [1, 2, 3].map((i) => ({ file: { kind: i === 3 ? 'text' : 'markdown', abs: '/x/' + i, relPath: i + (i === 3 ? '.txt' : '.md'), displayPath: 'articles/' + i, size: 40, mtimeMs: 0 }, text: i === 3 ? text : '---\\ntitle: T' + i + '\\ndate: 2024-01-0' + i + '\\n---\\nBody *' + i + '*.\\n', git: undefined }));
      const onWorkers = await parseJobs(jobs, setup, { workers: 1, mainParses: false });
      const onMain = await parseJobs(jobs, setup, { workers: 0 });
      console.log(JSON.stringify({ same: JSON.stringify(onWorkers) === JSON.stringify(onMain), statuses: onWorkers.map((e) => e.status) }));
    `;
    const r = await node(['--input-type=module', '-e', script], pkg);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ same: true, statuses: ['ok', 'ok', 'ok'] });
  });

  it('a parse worker runs lib/pipeline/parse-worker.cjs with its own code cache, written once it has parsed a few batches', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-tmp-'));
    const script = `
      const { parseJobs } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/pipeline/parse-pool.js')).href)});
      const { resolveConfig } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/index.js')).href)});
      const setup = { config: resolveConfig({ title: 'T', link: 'https://example.com/', git: false }), template: [], nowMs: Date.parse('2026-01-01') };
      const jobs = Array.from({ length: 40 }, (_, i) => ({ file: { kind: 'markdown', abs: '/x/' + i, relPath: i + '.md', displayPath: 'articles/' + i, size: 40, mtimeMs: 0 }, text: '---\\ntitle: T' + i + '\\n---\\nBody *' + i + '*.\\n', git: undefined }));
      const entries = await parseJobs(jobs, setup, { workers: 1, mainParses: false });
      console.log(JSON.stringify(entries.map((e) => e.status === 'ok' && e.article.title.value)));
    `;
    const titles = Array.from({ length: 40 }, (_, i) => `T${i}`);
    const first = await node(['--input-type=module', '-e', script], pkg, { TMPDIR: temp });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual(titles);
    const key = /^\/\/ feedwright-cli ([0-9a-f]{32})\n/.exec(readFileSync(path.join(pkg, 'lib/pipeline/parse-worker.cjs'), 'utf8'))?.[1];
    const name = `${process.version}-${process.arch}-${key}-worker`;
    expect(readdirSync(path.join(temp, 'feedwright-compile-cache'))).toEqual([`${name}.1.bin`]);
    const second = await node(['--input-type=module', '-e', script], pkg, { TMPDIR: temp });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(titles);
    expect(readdirSync(path.join(temp, 'feedwright-compile-cache'))).toEqual([`${name}.bin`]);
  });

  it('a build without git and below the parse pool threshold loads neither node:child_process nor node:worker_threads', async () => {
    const site = sampleSite();
    const script = `
      const { build } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/index.js')).href)});
      await build({ cwd: ${JSON.stringify(site)} });
      const loaded = process.moduleLoadList.filter((m) => m === 'NativeModule child_process' || m === 'NativeModule worker_threads');
      console.log(JSON.stringify({ loaded }));
    `;
    const r = await node(['--input-type=module', '-e', script], pkg);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(outputs(site))).toContain('rss.xml');
    expect(JSON.parse(r.stdout)).toEqual({ loaded: [] });
  });

  it('build ends with process.exit (no teardown of a normal exit) with its exit code, and what it printed all out', async () => {
    // 'beforeExit' is emitted when the event loop empties, never after process.exit(); 'exit' is.
    const probe = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-probe-')), 'exit-probe.cjs');
    writeFileSync(probe, "process.on('beforeExit', () => process.stderr.write('beforeExit\\n')); process.on('exit', (c) => process.stderr.write('exit ' + c + '\\n'));\n");
    const site = sampleSite();
    writeFileSync(path.join(site, 'articles', 'broken.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
    const failed = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build'], site);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('broken.md');
    expect(failed.stderr).toMatch(/✗ \d+ articles? published.*1 error/);
    expect(failed.stderr.endsWith('exit 1\n')).toBe(true);
    expect(failed.stderr).not.toContain('beforeExit');
    // A large --json answer through a pipe arrives whole.
    rmSync(path.join(site, 'articles', 'broken.md'));
    const json = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build', '--json'], site);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { ok: boolean }).ok).toBe(true);
    expect(json.stderr).toBe('exit 0\n');
  });

  it('exports the library API from lib/index.js', async () => {
    const script = `import(${JSON.stringify(pathToFileURL(path.join(pkg, 'lib/index.js')).href)}).then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`;
    const r = await node(['-e', script], pkg);
    expect(r.code, r.stderr).toBe(0);
    const names = JSON.parse(r.stdout) as string[];
    for (const name of ['build', 'check', 'checkFeed', 'explain', 'defineConfig', 'loadConfig', 'resolveConfig', 'FeedwrightError', 'pingHubs']) expect(names, name).toContain(name);
  });

  it('--version and --help load no parser, validator or feed writer (they stay behind dynamic imports)', () => {
    const loaded = staticInputs(meta, cliOutput);
    expect(loaded.some((i) => i.endsWith('src/cli/main.ts'))).toBe(true);
    for (const heavy of ['/marked/', '/yaml/', '/saxes/', '/linkedom/', '/sanitize-html/', '/htmlparser2/', '/ajv', '/re2js/', 'src/build.ts', 'src/feeds/', 'src/validate/', 'src/extract/'])
      expect(
        loaded.filter((i) => i.includes(heavy)),
        heavy,
      ).toEqual([]);
  });

  it('a build of plain Markdown never loads the text and HTML readers (lib/cli/extract.cjs); text and HTML articles load them once, sharing the CLI script\'s modules', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-tmp-'));
    const cacheDir = path.join(temp, 'feedwright-compile-cache');
    const markdown = sampleSite();
    for (const f of readdirSync(path.join(markdown, 'articles'))) if (!f.endsWith('.md')) rmSync(path.join(markdown, 'articles', f));
    const md = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], markdown, { TMPDIR: temp });
    expect(md.code, md.stderr).toBe(0);
    expect(readdirSync(path.join(markdown, 'dist'))).toContain('rss.xml');
    // Only the CLI script ran through a code cache: the readers' script was never compiled.
    expect(readdirSync(cacheDir).filter((f) => f.includes('-extract'))).toEqual([]);
    // The CLI script holds none of the readers' code: linkedom, Readability, the text model.
    const cli = readFileSync(path.join(pkg, 'lib/cli/main.cjs'), 'latin1');
    const extract = readFileSync(path.join(pkg, 'lib/cli/extract.cjs'), 'latin1');
    // (Their declarations as esbuild writes them, a number added where a name collides.)
    for (const declared of [/\bfunction Readability\d*\(/, /\bHTMLDocument\d*=class\b/, /\bfunction extractText\d*\(/]) {
      expect(declared.test(cli), String(declared)).toBe(false);
      expect(declared.test(extract), String(declared)).toBe(true);
    }
    // With text and HTML articles the readers load, and the site builds to the bytes the sources give
    // (the test above): the date reader they use is the CLI script's own instance, not a copy (it
    // records the offsets dates state in src/meta/stated-dates.ts, which the resolver reads).
    const mixed = sampleSite();
    const all = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], mixed, { TMPDIR: temp });
    expect(all.code, all.stderr).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.includes('-build-extract'))).toHaveLength(1);
    expect(extract).toContain('"feedwright-core:src/extract/dates.ts"');
  });

  it('a build of plain Markdown never evaluates htmlparser2 (its entity tables stay undecoded); HTML articles do, through the lazy stub', async () => {
    // htmlparser2's entities decode their tables with atob() when the Parser's module is evaluated;
    // nothing else in a build calls atob. The probe counts its calls in the CLI process.
    const probe = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-probe-')), 'atob-probe.cjs');
    writeFileSync(probe, "let n = 0; const real = globalThis.atob; globalThis.atob = (s) => { n++; return real(s); }; process.on('exit', () => process.stderr.write('atob calls: ' + n + '\\n'));\n");
    // Markdown without raw HTML (the sample site's own Markdown has some: sanitize-html parses it).
    const markdown = sampleSite();
    for (const f of readdirSync(path.join(markdown, 'articles'))) rmSync(path.join(markdown, 'articles', f));
    for (const n of [1, 2, 3]) {
      const text = ['---', `title: Plain post ${n}`, `date: 2024-03-0${n}T10:00:00Z`, '---', '', `Some *Markdown* with a [link](https://example.com/${n}) & an ampersand.`, '', '- a list', '- of items', ''];
      writeFileSync(path.join(markdown, 'articles', `plain-${n}.md`), text.join('\n'));
    }
    const md = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], markdown);
    expect(md.code, md.stderr).toBe(0);
    expect(readdirSync(path.join(markdown, 'dist'))).toContain('rss.xml');
    expect(md.stderr).toContain('atob calls: 0\n');
    const mixed = sampleSite();
    const all = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], mixed);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toMatch(/atob calls: [1-9]/);
  });

  it('a build of Markdown with ISO dates never evaluates the general date reader and its lexicons; a written date or an HTML article does', async () => {
    // src/extract/dates.ts builds its today/yesterday pattern from the lexicons at evaluation, with
    // `new RegExp` over every language's words (German "gestern" among them); nothing else in a
    // build builds a pattern holding that word. The probe counts such patterns in the CLI process.
    const probe = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-bundle-probe-')), 'lexicon-probe.cjs');
    writeFileSync(
      probe,
      "let n = 0; const Real = globalThis.RegExp; const count = (a) => { if (String(a[0]).includes('gestern')) n++; };\n" +
        'globalThis.RegExp = new Proxy(Real, { construct(t, a, nt) { count(a); return Reflect.construct(t, a, nt === globalThis.RegExp ? t : nt); }, apply(t, self, a) { count(a); return Reflect.apply(t, self, a); } });\n' +
        "process.on('exit', () => process.stderr.write('lexicon patterns: ' + n + '\\n'));\n",
    );
    const site = sampleSite();
    for (const f of readdirSync(path.join(site, 'articles'))) rmSync(path.join(site, 'articles', f));
    // The sample site's zone (America/Mexico_City): wall clocks are read in it without the reader too.
    const post = (n: number, date: string): void => writeFileSync(path.join(site, 'articles', `post-${n}.md`), ['---', `title: Post ${n}`, `date: ${date}`, '---', '', `Some *Markdown*, post ${n}.`, ''].join('\n'));
    post(1, '2024-03-01');
    post(2, '2024-03-02T10:00:00Z');
    post(3, '2024-03-03T10:00:00+09:00');
    const iso = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], site);
    expect(iso.code, iso.stderr).toBe(0);
    expect(readdirSync(path.join(site, 'dist'))).toContain('feed.json');
    expect(iso.stderr).toContain('lexicon patterns: 0\n');
    // A date the strict ISO reading leaves to the general reader loads it, and is read by it.
    post(4, 'March 4, 2024');
    rmSync(path.join(site, 'dist'), { recursive: true, force: true });
    const written = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], site);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/lexicon patterns: [1-9]/);
    const feed = JSON.parse(readFileSync(path.join(site, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; date_published: string }[] };
    expect(feed.items.find((i) => i.title === 'Post 4')?.date_published).toBe('2024-03-04T00:00:00-06:00');
    expect(feed.items.find((i) => i.title === 'Post 1')?.date_published).toBe('2024-03-01T00:00:00-06:00');
    // The sample site, with text and HTML articles, reads their dates with it.
    const all = await node(['-r', probe, path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], sampleSite());
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toMatch(/lexicon patterns: [1-9]/);
  });

  it('the JSON Feed schema validator runs from the CLI script (its code cache), not through Node\'s module loader', async () => {
    const site = sampleSite();
    const built = await node([path.join(pkg, 'bin/feedwright.js'), 'build', '--quiet'], site);
    expect(built.code, built.stderr).toBe(0);
    const feed = JSON.parse(readFileSync(path.join(site, 'dist', 'feed.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(site, 'bad.json'), JSON.stringify({ ...feed, title: 5 }));
    // NODE_DEBUG=module logs every file Node's CommonJS loader loads.
    const r = await node([path.join(pkg, 'bin/feedwright.js'), 'check', 'bad.json'], site, { NODE_DEBUG: 'module' });
    // The schema was checked (the precompiled validator found the number) ...
    expect(r.stdout + r.stderr).toContain('JSON_SCHEMA_VIOLATION');
    // ... by the copy bundled into lib/cli/main.cjs: the asset file was never loaded on its own.
    expect(r.stderr).toContain('MODULE');
    expect(r.stderr).not.toContain('jsonfeed-validator.cjs');
    expect(r.stderr).not.toContain('ajv-formats');
  });

  it('holds one copy of htmlparser2: sanitize-html, which requires it, gets the ES build src/ imports', () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter((i) => i.includes('/htmlparser2/dist/esm/')).length).toBeGreaterThan(0);
    expect(inputs.filter((i) => i.includes('/htmlparser2/dist/commonjs/'))).toEqual([]);
  });

  it('a build loads no code it never runs: htmlparser2 as its Parser alone, no postcss, re2js or Intl formats at import', () => {
    const build = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.entryPoint === 'src/build.ts');
    const article = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.entryPoint === 'src/pipeline/article.ts');
    if (build === undefined || article === undefined) throw new Error('no output for src/build.ts or src/pipeline/article.ts');
    const loaded = [...staticInputs(meta, build), ...staticInputs(meta, article)];
    expect(loaded.some((i) => i.includes('/htmlparser2/dist/esm/Parser.js'))).toBe(true);
    // htmlparser2's index evaluated domutils, dom-serializer and a second `entities` at import;
    // postcss (style attributes, never kept) and re2js (user patterns) are required on first use
    // from node_modules; @date-fns/utc's index builds three Intl.DateTimeFormats at import (~14 ms).
    for (const unused of ['/htmlparser2/dist/esm/index.js', '/domutils/', '/dom-serializer/', '/postcss/', '/source-map-js/', '/re2js/', '@date-fns/utc/date/index.js'])
      expect(
        loaded.filter((i) => i.includes(unused)),
        unused,
      ).toEqual([]);
  });
});
