/**
 * Faults: a build killed at any point leaves the complete old or the complete new feeds; two builds
 * on one output never interleave (the second fails fast with OUTPUT_LOCKED, exit 2); a stale lock
 * from a dead process is taken over; a corrupted or truncated cache is not trusted.
 *
 * Builds run as real processes (`node --import tsx test/robustness/fixtures/cli.ts`), so a
 * SIGKILL is a real SIGKILL, and no compiled, possibly stale, lib/ is involved.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { JOURNAL_NAME } from '../../src/output/journal.js';
import { makeSite, readFeeds, run, type Site } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, 'fixtures', 'cli.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

function spawnBuild(cwd: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, CLI, 'build', '--quiet', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A corpus of `n` Markdown articles labelled with a generation, so each build's items differ. */
function writeGeneration(articles: string, generation: number, n: number): void {
  const paragraph = 'Some paragraph text about the council budget and the parks, repeated to give the renderer work. ';
  for (let i = 0; i < n; i++) {
    writeFileSync(
      path.join(articles, `a${String(i).padStart(4, '0')}.md`),
      `---\ntitle: Gen ${generation} article ${i}\ndate: 2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z\nid: urn:fw:${generation}:${i}\n---\n${paragraph.repeat(30)}\n\n## Part two\n\n${paragraph.repeat(10)}\n`,
    );
  }
}

/** The item ids of each feed; throws if any of the three is missing or does not parse. */
function feedIds(out: string): { rss: string[]; atom: string[]; json: string[] } {
  const f = readFeeds(out);
  return { rss: [...f.rss.ids].sort(), atom: [...f.atom.ids].sort(), json: [...f.json.ids].sort() };
}

function generationOf(ids: string[]): Set<string> {
  return new Set(ids.map((id) => id.split(':')[2] ?? '?'));
}

const N = 120;
const CONFIG = { title: 'Faults', link: 'https://example.com/', git: false, limit: 0, cache: false };

describe('a build killed with SIGKILL at random points', () => {
  it('always leaves the complete old or the complete new feeds, all three from the same build', { timeout: 300_000 }, async () => {
    const s = makeSite({}, { good: false, config: CONFIG });
    sites.push(s);
    writeGeneration(s.articles, 0, N);
    const first = await finished(spawnBuild(s.dir));
    expect(first.code, first.stderr).toBe(EXIT.OK);
    const started = Date.now();
    await finished(spawnBuild(s.dir, ['--out', 'timing']));
    const buildMs = Date.now() - started;

    let generation = 0;
    let sawOld = 0;
    let sawNew = 0;
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.05, max: 1.1, noNaN: true }), async (fraction) => {
        generation++;
        writeGeneration(s.articles, generation, N);
        const child = spawnBuild(s.dir);
        const done = finished(child);
        await sleep(fraction * buildMs);
        child.kill('SIGKILL');
        await done;
        if (existsSync(path.join(s.out, JOURNAL_NAME))) {
          // Killed between the first and the last rename of its commit (src/output/journal.ts):
          // each file is whole, old or new, and the next run finishes the commit before anything
          // else; here that run is the next build, which must leave one generation.
          for (const feed of Object.values(feedIds(s.out))) expect(feed).toHaveLength(N);
          const r = await finished(spawnBuild(s.dir));
          expect(r.code, r.stderr).toBe(EXIT.OK);
        }
        const ids = feedIds(s.out);
        // All three feeds hold the same items (no mix of two builds) ...
        expect(ids.atom).toEqual(ids.rss);
        expect(ids.json).toEqual(ids.rss);
        // ... from one generation: the previous complete build, or this one.
        const gens = generationOf(ids.rss);
        expect(gens.size).toBe(1);
        expect(ids.rss).toHaveLength(N);
        const g = Number([...gens][0]);
        expect([generation - 1, generation]).toContain(g);
        if (g === generation) sawNew++;
        else {
          sawOld++;
          // Put dist/ back in step with the corpus for the next round (and take over the dead lock).
          const r = await finished(spawnBuild(s.dir));
          expect(r.code, r.stderr).toBe(EXIT.OK);
          expect(generationOf(feedIds(s.out).rss)).toEqual(new Set([String(generation)]));
        }
      }),
      { numRuns: 5, seed: 42, endOnFailure: true },
    );
    // Every kill was judged (a kill inside the commit is judged after the next run finished it).
    expect(sawOld + sawNew).toBe(5);
    const leftovers = readdirSync(s.out).filter((f) => f.endsWith('.tmp'));
    // Temporary files of killed builds are removed by the next build.
    const after = await finished(spawnBuild(s.dir));
    expect(after.code, after.stderr).toBe(EXIT.OK);
    expect(readdirSync(s.out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(leftovers.every((f) => f.startsWith('.'))).toBe(true);
  });
});

describe('two builds on one output', () => {
  it('a build finding the lock held by a live process fails fast with OUTPUT_LOCKED (exit 2), touching nothing', async () => {
    const s = makeSite({}, { config: CONFIG });
    sites.push(s);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      mkdirSync(s.out, { recursive: true });
      writeFileSync(path.join(s.out, 'rss.xml'), 'old');
      writeFileSync(path.join(s.out, '.feedwright.lock'), String(holder.pid));
      const b = await run(s.dir);
      expect(b.report.error?.code).toBe('OUTPUT_LOCKED');
      expect(b.report.error?.message).toBe(`Another feedwright build (pid ${holder.pid}) is writing to dist.`);
      expect(b.report.error?.hint).toMatch(/Wait for it to finish\. If no build is running, delete dist\/\.feedwright\.lock/);
      expect(b.code).toBe(EXIT.USAGE_OR_CONFIG);
      expect(readFileSync(path.join(s.out, 'rss.xml'), 'utf8')).toBe('old');
      expect(readFileSync(path.join(s.out, '.feedwright.lock'), 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('two builds started together never interleave: each succeeds or gets OUTPUT_LOCKED, and dist/ is one build', { timeout: 120_000 }, async () => {
    const s = makeSite({}, { good: false, config: CONFIG });
    sites.push(s);
    writeGeneration(s.articles, 1, N);
    for (let round = 0; round < 3; round++) {
      const [ra, rb] = await Promise.all([finished(spawnBuild(s.dir)), finished(spawnBuild(s.dir))]);
      for (const r of [ra, rb]) {
        expect([EXIT.OK, EXIT.USAGE_OR_CONFIG], r.stderr).toContain(r.code);
        if (r.code === EXIT.USAGE_OR_CONFIG) expect(r.stderr).toMatch(/OUTPUT_LOCKED/);
      }
      expect([ra.code, rb.code]).toContain(EXIT.OK);
      const ids = feedIds(s.out);
      expect(ids.atom).toEqual(ids.rss);
      expect(ids.json).toEqual(ids.rss);
      expect(ids.rss).toHaveLength(N);
      expect(existsSync(path.join(s.out, '.feedwright.lock'))).toBe(false);
    }
  });

  it('a stale lock left by a dead process is taken over', async () => {
    const s = makeSite({}, { config: CONFIG });
    sites.push(s);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    mkdirSync(s.out, { recursive: true });
    writeFileSync(path.join(s.out, '.feedwright.lock'), String(dead.pid));
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.OK);
    expect(existsSync(path.join(s.out, '.feedwright.lock'))).toBe(false);
    expect(readFeeds(s.out).json.titles.sort()).toEqual(['Good one', 'Good two']);
  });

  it('a lock file with garbage in it is taken over', async () => {
    const s = makeSite({}, { config: CONFIG });
    sites.push(s);
    mkdirSync(s.out, { recursive: true });
    writeFileSync(path.join(s.out, '.feedwright.lock'), 'not a pid\n');
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.OK);
  });
});

/** Every regular file under `dir`. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

// Never skipped: the cache is a feature the README promises, so its absence is a failure here
// (each case asserts the first build wrote cache files before corrupting them).
describe('a corrupted or truncated cache', () => {
  for (const [name, corrupt] of [
    ['truncated to half', (buf: Buffer) => buf.subarray(0, Math.floor(buf.length / 2))],
    ['emptied', () => Buffer.alloc(0)],
    ['overwritten with random bytes', (buf: Buffer) => Buffer.from(buf.map((_, i) => (i * 7919 + 13) % 256))],
    [
      'with one byte flipped in the middle',
      (buf: Buffer) => {
        const b = Buffer.from(buf);
        const i = Math.floor(b.length / 2);
        b[i] = (b[i] ?? 0) ^ 0xff;
        return b;
      },
    ],
  ] as const) {
    it(`is not trusted when ${name}: the next build gives the same feeds, exit 0`, async () => {
      const s = makeSite({ 'three.md': '---\ntitle: Three\ndate: 2024-01-04\n---\nBody three.\n' }, { config: { ...CONFIG, cache: '.cache' } });
      sites.push(s);
      const first = await run(s.dir);
      expect(first.code).toBe(EXIT.OK);
      const before = readFeeds(s.out).raw;
      const cacheFiles = filesUnder(path.join(s.dir, '.cache'));
      expect(cacheFiles.length).toBeGreaterThan(0);
      for (const f of cacheFiles) writeFileSync(f, corrupt(readFileSync(f)));
      const second = await run(s.dir);
      expect(second.code, JSON.stringify(second.report)).toBe(EXIT.OK);
      const after = readFeeds(s.out).raw;
      expect(after.json).toBe(before.json);
      expect(after.rss).toBe(before.rss);
      expect(after.atom).toBe(before.atom);
    });
  }
});
