/**
 * The package as users get it: `npm pack` the repository (its `prepare` script compiles lib/),
 * install the tarball into an empty project, and run `npx feedwright init && npx feedwright build`
 * there. Catches what in-repo tests cannot: a file missing from `files`, a dependency listed only
 * in devDependencies, a broken bin launcher, the assets not found from lib/.
 * Needs the npm registry (to install the dependencies); nothing else from the network.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/validate/index.js';

const exec = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const TIMEOUT = 300_000;

async function sh(command: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd,
      timeout: TIMEOUT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

describe('the packed tarball', { timeout: TIMEOUT * 2 }, () => {
  let project: string;

  beforeAll(async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'feedwright-pack-'));
    const packed = await sh(NPM, ['pack', '--json', '--pack-destination', tmp], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    // npm pack prints the prepare script's output before the JSON.
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(tmp, info[0]?.filename ?? '');
    const files = (info[0]?.files ?? []).map((f) => f.path);
    expect(files).toContain('bin/feedwright.js');
    // The launcher is CommonJS (bin/package.json) and runs the CLI through bin/code-cache.cjs.
    expect(files).toContain('bin/package.json');
    expect(files).toContain('bin/code-cache.cjs');
    expect(files).toContain('lib/cli/main.cjs');
    // The text and HTML readers, a second script the CLI script loads on first use (scripts/bundle.ts).
    expect(files).toContain('lib/cli/extract.cjs');
    expect(files).toContain('lib/pipeline/parse-worker.cjs');
    expect(files).toContain('lib/index.js');
    expect(files).toContain('lib/index.d.ts');
    // The bundle's entries (scripts/bundle.ts); the rest of lib/ is chunks and declarations.
    expect(files).toContain('lib/cli/main.js');
    expect(files).toContain('lib/pipeline/parse-worker.js');
    expect(files).toContain('assets/feed.xsl');
    expect(files).toContain('assets/config.schema.json');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('dist/'))).toEqual([]);

    project = path.join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'feedwright-pack-test', private: true, type: 'module' }));
    const installed = await sh(NPM, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], project);
    expect(installed.code, installed.stderr).toBe(0);
  }, TIMEOUT * 2);

  it('`npx feedwright init && npx feedwright build` writes feeds that validate', async () => {
    const init = await sh(NPX, ['feedwright', 'init'], project);
    expect(init.code, init.stderr).toBe(0);
    const build = await sh(NPX, ['feedwright', 'build'], project);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/✓ 1 article published, 0 errors/);
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const content = readFileSync(path.join(project, 'dist', file), 'utf8');
      expect(
        checkFeed(file, content).filter((d) => d.severity === 'error'),
        file,
      ).toEqual([]);
    }
    for (const file of ['feed.xsl', 'feeds.opml', 'index.html']) expect(existsSync(path.join(project, 'dist', file)), file).toBe(true);
    const check = await sh(NPX, ['feedwright', 'check', 'dist'], project);
    expect(check.code, check.stderr).toBe(0);
  });

  it('the config written by init finds its JSON schema in the installed package', () => {
    const config = JSON.parse(readFileSync(path.join(project, 'feedwright.config.json'), 'utf8')) as { $schema: string };
    expect(existsSync(path.join(project, config.$schema))).toBe(true);
  });

  it('--version and --help work from the installed bin', async () => {
    const version = await sh(NPX, ['feedwright', '--version'], project);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`feedwright ${pkg.version}\n`);
    expect((await sh(NPX, ['feedwright', 'build', '--help'], project)).stdout).toContain('Usage: feedwright build');
  });

  it('parses on a worker thread from the installed lib/ (the bundled parse-worker.js), with the same entries', async () => {
    const pool = pathToFileURL(path.join(project, 'node_modules/feedwright/lib/pipeline/parse-pool.js')).href;
    const config = pathToFileURL(path.join(project, 'node_modules/feedwright/lib/index.js')).href;
    const script = `
      const { parseJobs } = await import(${JSON.stringify(pool)});
      const { resolveConfig } = await import(${JSON.stringify(config)});
      const setup = { config: resolveConfig({ title: 'T', link: 'https://example.com/', git: false }), template: [], nowMs: Date.parse('2026-01-01') };
      const jobs = [1, 2, 3].map((i) => ({ file: { kind: 'markdown', abs: '/x/' + i + '.md', relPath: i + '.md', displayPath: 'articles/' + i + '.md', size: 40, mtimeMs: 0 }, text: '---\\ntitle: T' + i + '\\ndate: 2024-01-0' + i + '\\n---\\nBody *' + i + '*.\\n', git: undefined }));
      const onWorkers = await parseJobs(jobs, setup, { workers: 1, mainParses: false });
      const onMain = await parseJobs(jobs, setup, { workers: 0 });
      console.log(JSON.stringify({ same: JSON.stringify(onWorkers) === JSON.stringify(onMain), statuses: onWorkers.map((e) => e.status) }));
    `;
    const r = await sh(process.execPath, ['--input-type=module', '-e', script], project);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ same: true, statuses: ['ok', 'ok', 'ok'] });
  });

  it('exports the typed library API', async () => {
    const script = "import('feedwright').then((m) => console.log(JSON.stringify(Object.keys(m).sort())))";
    const r = await sh(process.execPath, ['-e', script], project);
    expect(r.code, r.stderr).toBe(0);
    const names = JSON.parse(r.stdout) as string[];
    for (const name of ['build', 'check', 'checkFeed', 'explain', 'defineConfig', 'loadConfig', 'resolveConfig', 'FeedwrightError', 'pingHubs'])
      expect(names, name).toContain(name);
    expect(readFileSync(path.join(project, 'node_modules/feedwright/lib/index.d.ts'), 'utf8')).toContain('export');
  });
});
