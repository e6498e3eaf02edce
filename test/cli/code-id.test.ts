/**
 * The caches are keyed by the code that made them (src/version.ts CODE_ID: the version and
 * lib/build-id, the hash scripts/bundle.ts writes of the files it bundled), not by the package
 * version alone. Two copies of the compiled package build one site, with one cache: a copy whose
 * build id differs (other code under the same version, as a git checkout of another commit is)
 * parses every article again; a copy with the same build id reuses the cache.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_MTIME } from '../helpers/project.js';
import { article, makeSite } from './helpers.js';

const exec = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');

/** A copy of the compiled package (as installed) whose lib/build-id says `id`. */
function packageCopy(id: string): string {
  const pkg = mkdtempSync(path.join(tmpdir(), 'feedwright-code-id-'));
  for (const f of ['package.json', 'assets', 'bin', 'lib']) cpSync(path.join(REPO, f), path.join(pkg, f), { recursive: true });
  symlinkSync(realpathSync(path.join(REPO, 'node_modules')), path.join(pkg, 'node_modules'), 'dir');
  writeFileSync(path.join(pkg, 'lib', 'build-id'), `${id}\n`);
  return pkg;
}

interface Work {
  upToDate: boolean;
  parsed: number;
  decoded: number;
}

/** Builds `site` with the library of `pkg`, in a process of its own, and returns its work counts. */
async function buildWith(pkg: string, site: string): Promise<Work> {
  const script = `import(${JSON.stringify(path.join(pkg, 'lib', 'index.js'))}).then(async ({ build }) => { const r = await build({ cwd: ${JSON.stringify(site)} }); process.stdout.write(JSON.stringify(r.work)); });`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: site });
  return JSON.parse(stdout) as Work;
}

describe('cache keyed by the code that made it', { timeout: 120_000 }, () => {
  let id: string;
  beforeAll(() => {
    const file = path.join(REPO, 'lib', 'build-id');
    if (!existsSync(file)) throw new Error('lib/build-id is missing: run `npm run compile` (npm install runs it) before the tests');
    id = readFileSync(file, 'utf8').trim();
  });

  it('npm run compile writes a build id', () => {
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reuses a cache made by the same code and never one made by other code of the same version', async () => {
    const articles = Object.fromEntries([1, 2, 3].map((n) => [`post-${n}.md`, article({ title: `Post ${n}`, day: n })]));
    const site = makeSite(articles, { cache: '.cache/feedwright' });
    // Old stamps, so that no build doubts them (the racy window) and reuse shows as a no-change build.
    for (const name of Object.keys(articles)) utimesSync(path.join(site, 'articles', name), TEST_MTIME, TEST_MTIME);
    const same = packageCopy(id);
    const sameElsewhere = packageCopy(id);
    const other = packageCopy('0'.repeat(32));

    expect(await buildWith(same, site)).toMatchObject({ parsed: 3 });
    // Another installation of the same code reads its results from the cache.
    expect(await buildWith(sameElsewhere, site)).toMatchObject({ parsed: 0 });
    // Other code, same package.json version: nothing made by the first code is used.
    expect(await buildWith(other, site)).toMatchObject({ upToDate: false, parsed: 3 });
    expect(await buildWith(other, site)).toMatchObject({ parsed: 0 });
  });
});
