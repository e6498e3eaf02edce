/**
 * The output folder under attack and under bad luck: a full disk, a crash in the middle of the
 * renames, links inside the output folder, an output folder that overlaps the articles, and an
 * output folder that holds a site's own files. Each case holds one promise of docs/errors.md and
 * docs/ARCHITECTURE.md (Output), and fails without the code that keeps it.
 */
import fs, { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Pack } from '../../src/cache/pack.js';
import { EXIT } from '../../src/errors.js';
import { JOURNAL_NAME, journalTestHooks } from '../../src/output/journal.js';
import { makeSite, readFeeds, run, runText, type Site } from './helpers.js';

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

function site(files: Record<string, string> = {}, config: Record<string, unknown> = {}): Site {
  const s = makeSite(files, { config: { title: 'Integrity', link: 'https://example.com/', git: false, cache: '.cache', feeds: { tags: true }, ...config } });
  sites.push(s);
  return s;
}

/** Every file under `dir` (dotfiles too, the lock excepted) -> its bytes as text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const abs = path.join(dir, rel);
    if (lstatSync(abs).isFile() && !rel.endsWith('.feedwright.lock')) out[rel] = readFileSync(abs, 'utf8');
  }
  return out;
}

function temps(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
}

const post = (title: string, tag: string, day: number): string => `---\ntitle: ${title}\ndate: 2024-02-${String(day).padStart(2, '0')}\ntags: [${tag}]\n---\nThe body of ${title}, with some words.\n`;

describe('a full disk', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  for (const code of ['ENOSPC', 'EDQUOT'] as const) {
    it(`${code} while writing is OUTPUT_UNWRITABLE (exit 2): the old feeds stay, no temporary file is left, the cache pack is not cut short`, async () => {
      const s = site({ 'a.md': post('Alpha', 'one', 1) });
      expect((await run(s.dir)).code).toBe(EXIT.OK);
      const before = tree(s.out);
      const packFile = path.join(s.dir, '.cache', 'articles.pack');
      const packBefore = readFileSync(packFile);
      expect(Pack.open(packFile).corrupt).toBe(0);

      // New articles: the cache appends records, and every feed is written again.
      writeFileSync(path.join(s.articles, 'b.md'), post('Beta', 'two', 2));
      writeFileSync(path.join(s.articles, 'c.md'), post('Gamma', 'one', 3));
      const fail = (): NodeJS.ErrnoException => Object.assign(new Error(`${code}: no space left on device, write`), { code, errno: code === 'ENOSPC' ? -28 : -122, syscall: 'write' });
      // The disk is full while the cache appends its records: the append is cut short (a write
      // writes what fits) and the next write fails. (Small writes, the lock's, go through.)
      let pack: 'armed' | 'cut' | 'done' = 'armed';
      const realWriteSync = fs.writeSync;
      const writeSync = (fd: number, buf: Buffer, offset?: number, length?: number): number => {
        const from = offset ?? 0;
        const size = length ?? buf.length - from;
        if (pack === 'cut') {
          pack = 'done';
          throw fail();
        }
        if (pack === 'armed' && size > 200) {
          pack = 'cut';
          return realWriteSync(fd, buf, from, Math.floor(size / 2));
        }
        return realWriteSync(fd, buf, from, size);
      };
      vi.spyOn(fs, 'writeSync').mockImplementation(writeSync as typeof fs.writeSync);
      syncBuiltinESMExports();
      const probe = await open(path.join(s.dir, 'probe'), 'w');
      const proto = Object.getPrototypeOf(probe) as FileHandle;
      await probe.close();
      const realWrite = proto.write as (this: FileHandle, buf: Buffer, offset: number, length: number, position?: number) => Promise<{ bytesWritten: number; buffer: Buffer }>;
      let budget = 6000;
      vi.spyOn(proto, 'write').mockImplementation(async function (this: FileHandle, buf: Buffer, offset = 0, length = buf.length - offset, position?: number) {
        if (budget <= 0) throw fail();
        const take = Math.min(length, budget);
        budget -= take;
        return realWrite.call(this, buf, offset, take, position);
      } as unknown as FileHandle['write']);

      const r = await run(s.dir);
      expect(r.report.error?.code, r.stderr).toBe('OUTPUT_UNWRITABLE');
      expect(r.report.error?.message).toContain(code);
      expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
      expect(budget).toBeLessThanOrEqual(0);
      expect(pack).toBe('done');
      // The old feeds, byte for byte, and nothing else.
      expect(tree(s.out)).toEqual(before);
      expect(temps(s.dir)).toEqual([]);
      // The cache pack ends with a whole record: the half-written append was cut back.
      expect(Pack.open(packFile).corrupt).toBe(0);
      expect(readFileSync(packFile).subarray(0, packBefore.length).equals(packBefore)).toBe(true);

      vi.restoreAllMocks();
      syncBuiltinESMExports();
      const again = await run(s.dir);
      expect(again.code).toBe(EXIT.OK);
      expect(readFeeds(s.out).json.titles.sort()).toEqual(['Alpha', 'Beta', 'Gamma', 'Good one', 'Good two']);
    });
  }
});

describe('all feeds replaced together: the commit journal', () => {
  afterEach(() => {
    delete journalTestHooks.afterRename;
  });

  it('a build that dies after some of its renames is finished by the next run, before anything else', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1) });
    expect((await run(s.dir)).code).toBe(EXIT.OK);
    // A new tag (a new folder of three feeds) and a changed main feed.
    writeFileSync(path.join(s.articles, 'b.md'), post('Beta', 'two', 2));
    journalTestHooks.afterRename = (done) => {
      if (done === 2) throw Object.assign(new Error('killed'), { code: 'SIMULATED_CRASH' });
    };
    const killed = await runText(s.dir);
    expect(killed.stderr).toContain('Error: killed');
    delete journalTestHooks.afterRename;
    // The crash left a mix: some files new, some old, the rest waiting under the journal.
    expect(existsSync(path.join(s.out, JOURNAL_NAME))).toBe(true);
    expect(temps(s.out).length).toBeGreaterThan(0);

    // The next run refuses to build (a foreign file is in the way), but it first finishes the set.
    writeFileSync(path.join(s.articles, 'c.md'), post('Gamma', 'three', 3));
    mkdirSync(path.join(s.out, 'tags', 'three'));
    writeFileSync(path.join(s.out, 'tags', 'three', 'rss.xml'), 'not a feedwright feed');
    const refused = await run(s.dir);
    expect(refused.report.error?.code).toBe('OUTPUT_NOT_OWNED');
    expect(existsSync(path.join(s.out, JOURNAL_NAME))).toBe(false);
    expect(temps(s.out)).toEqual([]);
    // Every feed of every folder is there, and all of one build (the one that was interrupted).
    for (const dir of ['', 'tags/one', 'tags/two']) {
      const feeds = readFeeds(path.join(s.out, dir));
      expect(feeds.atom.titles.sort(), dir).toEqual(feeds.rss.titles.sort());
      expect(feeds.json.titles.sort(), dir).toEqual(feeds.rss.titles.sort());
    }
    expect(readFeeds(s.out).rss.titles.sort()).toEqual(['Alpha', 'Beta', 'Good one', 'Good two']);
  });

  it('a tag removed by a build that dies before its deletions loses all three feeds at the next run, not some', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1), 'b.md': post('Beta', 'two', 2) });
    expect((await run(s.dir)).code).toBe(EXIT.OK);
    rmSync(path.join(s.articles, 'b.md'));
    // Killed after the last rename, before the stale feeds of tag "two" are deleted.
    journalTestHooks.afterRename = (done, total) => {
      if (done === total) throw new Error('killed');
    };
    expect((await runText(s.dir)).stderr).toContain('Error: killed');
    delete journalTestHooks.afterRename;
    expect(readdirSync(path.join(s.out, 'tags', 'two')).sort()).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
    // The next run stops early (a foreign file is in its way), but first finishes the deletions.
    writeFileSync(path.join(s.articles, 'c.md'), post('Gamma', 'three', 3));
    mkdirSync(path.join(s.out, 'tags', 'three'));
    writeFileSync(path.join(s.out, 'tags', 'three', 'atom.xml'), 'not a feedwright feed');
    expect((await run(s.dir)).report.error?.code).toBe('OUTPUT_NOT_OWNED');
    expect(existsSync(path.join(s.out, 'tags', 'two', 'rss.xml'))).toBe(false);
    expect(readdirSync(path.join(s.out, 'tags', 'two'))).toEqual([]);
    expect(readFeeds(s.out).rss.titles.sort()).toEqual(['Alpha', 'Good one', 'Good two']);
  });
});

describe('links and overlaps', () => {
  it('a tags/ folder that is a link to a folder outside is refused (OUTPUT_SYMLINK, exit 2): nothing is written or deleted there', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1), 'b.md': post('Beta', 'two', 2) });
    expect((await run(s.dir)).code).toBe(EXIT.OK);
    // Outside the output folder: a folder that looks like a stale tag feed set, and one that does not.
    const outside = path.join(s.dir, 'outside');
    mkdirSync(path.join(outside, 'victim'), { recursive: true });
    for (const f of ['rss.xml', 'atom.xml', 'feed.json']) writeFileSync(path.join(outside, 'victim', f), 'precious');
    const before = tree(outside);
    rmSync(path.join(s.out, 'tags'), { recursive: true });
    symlinkSync(outside, path.join(s.out, 'tags'));
    const r = await run(s.dir);
    expect(r.report.error?.code).toBe('OUTPUT_SYMLINK');
    expect(r.report.error?.message).toMatch(/^dist\/tags is a symbolic link \(to .*outside\); feedwright does not write or delete through links inside the output folder\.$/);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
    expect(tree(outside)).toEqual(before);
  });

  it('an archive/ page folder that is a link is refused too, even when no archive is planned', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1) });
    const outside = path.join(s.dir, 'elsewhere');
    mkdirSync(path.join(outside, '7'), { recursive: true });
    writeFileSync(path.join(outside, '7', 'rss.xml'), 'keep me');
    mkdirSync(s.out, { recursive: true });
    symlinkSync(outside, path.join(s.out, 'archive'));
    const r = await run(s.dir);
    expect(r.report.error?.code).toBe('OUTPUT_SYMLINK');
    expect(readFileSync(path.join(outside, '7', 'rss.xml'), 'utf8')).toBe('keep me');
  });

  it('any other link inside the output folder is not followed when leftover temporary files are cleaned up', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1) });
    const outside = path.join(s.dir, 'outside');
    mkdirSync(outside);
    // Named like a temporary file feedwright leaves when killed, but outside the output folder.
    writeFileSync(path.join(outside, '.photo.jpg.123-abc.tmp'), 'precious');
    mkdirSync(s.out);
    symlinkSync(outside, path.join(s.out, 'uploads'));
    expect((await run(s.dir)).code).toBe(EXIT.OK);
    expect(readFileSync(path.join(outside, '.photo.jpg.123-abc.tmp'), 'utf8')).toBe('precious');
  });

  for (const [what, out] of [
    ['is the articles folder', 'articles'],
    ['is inside the articles folder', 'articles/feeds'],
    ['holds the articles folder', '.'],
  ] as const) {
    it(`an output folder that ${what} is refused (OUTPUT_OVERLAPS_ARTICLES, exit 2)`, async () => {
      const s = site({ 'a.md': post('Alpha', 'one', 1) });
      const before = tree(s.articles);
      const r = await run(s.dir, ['build', '--out', out]);
      expect(r.report.error?.code).toBe('OUTPUT_OVERLAPS_ARTICLES');
      expect(r.report.error?.message).toContain(what);
      expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
      expect(tree(s.articles)).toEqual(before);
      expect(existsSync(path.join(s.dir, 'rss.xml'))).toBe(false);
    });
  }

  it('the overlap is judged by real path: an output folder reached through a link into the articles is refused', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1) });
    symlinkSync(s.articles, path.join(s.dir, 'public'));
    const r = await run(s.dir, ['build', '--out', 'public/feeds']);
    expect(r.report.error?.code).toBe('OUTPUT_OVERLAPS_ARTICLES');
  });
});

describe('files feedwright did not write', () => {
  it("a site's own index.html in the output folder is not replaced without --force; the message names it and says what to do", async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1) }, { index: true });
    mkdirSync(s.out, { recursive: true });
    writeFileSync(path.join(s.out, 'index.html'), '<!doctype html><title>My site</title>');
    writeFileSync(path.join(s.out, 'style.css'), 'body{}');
    const r = await runText(s.dir);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
    expect(r.stderr).toContain('error OUTPUT_NOT_OWNED dist/index.html exists in the output folder but was not written by feedwright; it is not replaced.');
    expect(r.stderr).toMatch(/hint: Pass --force to let feedwright replace it, or a different --out/);
    expect(readFileSync(path.join(s.out, 'index.html'), 'utf8')).toBe('<!doctype html><title>My site</title>');
    expect(existsSync(path.join(s.out, 'rss.xml'))).toBe(false);
    expect(temps(s.out)).toEqual([]);

    const forced = await run(s.dir, ['build', '--force']);
    expect(forced.code).toBe(EXIT.OK);
    expect(readFileSync(path.join(s.out, 'index.html'), 'utf8')).not.toContain('My site');
    // The site's other files are never touched.
    expect(readFileSync(path.join(s.out, 'style.css'), 'utf8')).toBe('body{}');
    // From then on the file is feedwright's: the next build needs no --force.
    writeFileSync(path.join(s.articles, 'b.md'), post('Beta', 'two', 2));
    expect((await run(s.dir)).code).toBe(EXIT.OK);
  });

  it('feed-named files feedwright did not write, in a folder where stale tag feeds would be, are not deleted', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1), 'b.md': post('Beta', 'two', 2) });
    expect((await run(s.dir)).code).toBe(EXIT.OK);
    // The user keeps a feed of their own under tags/; then the tag "two" goes away.
    mkdirSync(path.join(s.out, 'tags', 'mine'));
    writeFileSync(path.join(s.out, 'tags', 'mine', 'rss.xml'), 'mine');
    rmSync(path.join(s.articles, 'b.md'));
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.OK);
    expect((r.report as { removed?: string[] }).removed).toEqual(['tags/two/rss.xml', 'tags/two/atom.xml', 'tags/two/feed.json']);
    expect(readFileSync(path.join(s.out, 'tags', 'mine', 'rss.xml'), 'utf8')).toBe('mine');
  });

  it('an output folder written before manifests existed is adopted without --force', async () => {
    const s = site({ 'a.md': post('Alpha', 'one', 1) }, { index: true });
    expect((await run(s.dir)).code).toBe(EXIT.OK);
    rmSync(path.join(s.out, '.feedwright-manifest.json'));
    writeFileSync(path.join(s.articles, 'b.md'), post('Beta', 'two', 2));
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.OK);
    expect(statSync(path.join(s.out, '.feedwright-manifest.json')).isFile()).toBe(true);
  });
});
