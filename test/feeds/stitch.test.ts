import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, STITCH_LIMITS } from '../../src/build.js';
import { rssWriter } from '../../src/feeds/rss.js';
import { type StitchJob, type StitchResult, Stitcher, stitchThread } from '../../src/feeds/stitch.js';
import { type RenderedFile, syncFiles } from '../../src/output/write.js';
import { makeProject, NOW, snapshot, writeArticle } from '../perf/helpers.js';

/*
 * A cold build's feeds, every item of them spooled by the pipeline, are written from the spool on
 * a thread of their own (src/feeds/stitch.ts) while the main thread does their slots, digest and
 * validation: the same bytes as composing them on the main thread, which stays the path for
 * anything else and for a stitcher that cannot do its part.
 */

/** Articles with tags and authors, so that a build has several feed sets (and folders to make). */
function articles(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    out[`p${String(i).padStart(3, '0')}.md`] =
      `---\ntitle: Post ${i} "quoted" & <b>\ndate: 2024-${month}-${day}T${String(i % 24).padStart(2, '0')}:00:00Z\nauthor: ${i % 3 === 0 ? 'Ann' : 'Bo'}\ntags: [t${i % 4}, all]\n---\nBody of post ${i}, with é, 😀 and a [link](/x/${i}).\n\nA second paragraph.\n`;
  }
  return out;
}

function project(n: number, cache: string | false = '.cache/feedwright'): string {
  const dir = makeProject(articles(n), cache);
  const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, feeds: { tags: true, authors: true }, index: true, stylesheet: true }, null, 2));
  return dir;
}

/** A cold build of `n` articles with the stitcher on (or off): its files, its summaries and what the stitcher was asked. */
async function coldBuild(
  n: number,
  stitch: boolean,
): Promise<{ dir: string; files: Record<string, string>; jobs: StitchJob[]; renders: number; rendered: number; copied: number; diagnostics: string[] }> {
  const dir = project(n);
  STITCH_LIMITS.minParsed = stitch ? 1 : Number.POSITIVE_INFINITY;
  const asked = vi.spyOn(Stitcher.prototype, 'stitch');
  const item = vi.spyOn(rssWriter, 'item');
  const result = await build({ cwd: dir, now: NOW });
  const jobs = asked.mock.calls.map(([job]) => job);
  const renders = item.mock.calls.length;
  asked.mockRestore();
  item.mockRestore();
  const feeds = result.files.filter((f) => f.items);
  const diagnostics = result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line ?? ''}:${d.column ?? ''} ${d.message}`);
  return { dir, files: snapshot(dir), jobs, renders, rendered: result.work.rendered, copied: feeds.reduce((s, f) => s + (f.items?.copied ?? 0), 0), diagnostics };
}

const limit = STITCH_LIMITS.minParsed;
afterEach(() => {
  STITCH_LIMITS.minParsed = limit;
  vi.restoreAllMocks();
});

describe('feeds written from the spool on a thread of their own', () => {
  it('are the bytes composing them on the main thread gives, every feed set, each item rendered once', async () => {
    const off = await coldBuild(40, false);
    const on = await coldBuild(40, true);
    expect(off.jobs).toEqual([]);
    // Main, two authors, five tags: three formats each, flushed to disk as they are written (a one-off build).
    expect(on.jobs.length).toBe(3 * 8);
    expect(on.jobs.every((j) => j.sync)).toBe(true);
    expect(on.files).toEqual(off.files);
    expect(on.diagnostics).toEqual(off.diagnostics);
    expect(Object.keys(on.files).some((f) => f.startsWith('tags/t3/'))).toBe(true);
    // Every item from the spool: the pipeline's render (to check it) is the only one.
    expect(on.renders).toBe(off.renders);
    expect(on.rendered).toBe(off.rendered);
    expect(on.copied).toBe(0);
    // The build's spool folder is gone with it, and no temporary file is left.
    expect(readdirSync(path.join(on.dir, '.cache', 'feedwright')).filter((n) => n.startsWith('.items-'))).toEqual([]);
    expect(readdirSync(path.join(on.dir, 'dist'), { recursive: true }).filter((n) => String(n).endsWith('.tmp'))).toEqual([]);
  });

  it('leave a rebuild as it was: one edited article, the rest copied from the feeds the stitcher wrote', async () => {
    const on = await coldBuild(30, true);
    writeArticle(on.dir, 'p007.md', '---\ntitle: Post 7 edited\ndate: 2024-08-08T07:00:00Z\nauthor: Bo\ntags: [t3, all]\n---\nEdited.\n', new Date());
    const again = await build({ cwd: on.dir, now: NOW });
    expect(again.work.parsed).toBe(1);
    const feeds = again.files.filter((f) => f.items);
    expect(feeds.reduce((s, f) => s + (f.items?.copied ?? 0), 0)).toBeGreaterThan(0);
    // The same as a cold build of the edited articles without the stitcher.
    const copy = project(0, false);
    fs.cpSync(path.join(on.dir, 'articles'), path.join(copy, 'articles'), { recursive: true, preserveTimestamps: true });
    STITCH_LIMITS.minParsed = Number.POSITIVE_INFINITY;
    await build({ cwd: copy, now: NOW });
    expect(snapshot(on.dir)).toEqual(snapshot(copy));
  });

  it('are composed on the main thread when the stitcher cannot read the spool or is gone', async () => {
    const off = await coldBuild(20, false);
    // A spool file cut short (its item is rendered on the main thread instead), or a worker that died.
    for (const answer of [{ short: true }, 'closed'] as const) {
      const dir = project(20);
      STITCH_LIMITS.minParsed = 1;
      const real = Stitcher.prototype.stitch;
      let asked = 0;
      vi.spyOn(Stitcher.prototype, 'stitch').mockImplementation(function (this: Stitcher, job: StitchJob): Promise<StitchResult> {
        asked++;
        if (answer === 'closed') this.close();
        else if (asked === 2) return Promise.resolve(answer);
        return real.call(this, job);
      });
      await build({ cwd: dir, now: NOW });
      vi.restoreAllMocks();
      expect(asked).toBeGreaterThan(2);
      expect(snapshot(dir)).toEqual(off.files);
      expect(readdirSync(path.join(dir, 'dist'), { recursive: true }).filter((n) => String(n).endsWith('.tmp'))).toEqual([]);
    }
  });

  it('a write fault on its thread fails the build as OUTPUT_UNWRITABLE, the old feeds kept, no temporary file left', async () => {
    const dir = project(20);
    STITCH_LIMITS.minParsed = Number.POSITIVE_INFINITY;
    await build({ cwd: dir, now: NOW });
    const before = snapshot(dir);
    // A cold build again (the cache gone), every article edited.
    rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
    for (const [name, text] of Object.entries(articles(20))) writeArticle(dir, name, text.replace('A second paragraph.', 'Another.'), new Date());
    STITCH_LIMITS.minParsed = 1;
    vi.spyOn(Stitcher.prototype, 'stitch').mockResolvedValue({ error: { message: 'ENOSPC: no space left on device, write', code: 'ENOSPC', syscall: 'write' } });
    await expect(build({ cwd: dir, now: NOW })).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(path.join(dir, 'dist'), { recursive: true }).filter((n) => String(n).endsWith('.tmp'))).toEqual([]);
  });
});

/** A port that runs `stitchThread` in this thread: each message's reply. */
function inProcess(files: typeof fs = fs, earlySync?: number): { send: (m: unknown) => Promise<{ ids: number[]; results: StitchResult[] }> } {
  let handler: ((m: unknown) => void) | undefined;
  const replies: ((m: { ids: number[]; results: StitchResult[] }) => void)[] = [];
  const port = {
    on: (_: string, h: (m: unknown) => void) => {
      handler = h;
    },
    postMessage: (m: { ids: number[]; results: StitchResult[] }) => replies.shift()?.(m),
  };
  stitchThread(port as never, files, earlySync);
  return {
    send: (m) =>
      new Promise((resolve) => {
        replies.push(resolve);
        handler?.(m);
      }),
  };
}

describe('stitchThread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'feedwright-stitch-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Two spool files of items `a<i>`/`b<i>`/`c<i>` one after the other per article, articles alternating between the files. */
  function spool(n: number): { files: string[]; at: Map<string, [number, number, number]> } {
    const files = [path.join(dir, 's0'), path.join(dir, 's1')];
    const parts: Buffer[][] = [[], []];
    const size = [0, 0];
    const at = new Map<string, [number, number, number]>();
    for (let i = 0; i < n; i++) {
      const f = i % 2;
      for (const k of ['a', 'b', 'c']) {
        // Items of all sizes, one bigger than the thread's 1 MiB buffer.
        const text = Buffer.from(`<${k}${i}>${'é'.repeat(i === 5 && k === 'b' ? 700_000 : (i * 37) % 50)}</${k}${i}>`);
        at.set(`${k}${i}`, [f, size[f] as number, text.length]);
        (parts[f] as Buffer[]).push(text);
        size[f] = (size[f] as number) + text.length;
      }
    }
    writeFileSync(files[0] as string, Buffer.concat(parts[0] as Buffer[]));
    writeFileSync(files[1] as string, Buffer.concat(parts[1] as Buffer[]));
    return { files, at };
  }

  function job(name: string, items: string[], s: ReturnType<typeof spool>, sep = ',\n'): StitchJob {
    const ranges = new Float64Array(3 * items.length);
    for (const [i, id] of items.entries()) ranges.set(s.at.get(id) as [number, number, number], 3 * i);
    return { tmp: path.join(dir, 'out', name), dir: path.join(dir, 'out'), head: `<head ${name} ü>`, sep, tail: '</tail>', files: s.files, ranges, sync: false };
  }

  it('writes each job of a group as head, items joined by the separator, tail; items read together where adjacent', async () => {
    const s = spool(12);
    // Newest first, as a feed: the three formats of one set, a feed of some of the articles, and one of none.
    const order = [11, 3, 7, 0, 5, 1, 10, 2, 9, 4, 8, 6];
    const jobs = [
      job('rss', order.map((i) => `a${i}`), s, ''),
      job('atom', order.map((i) => `b${i}`), s, ''),
      job('json', order.map((i) => `c${i}`), s),
      job('tag', [5, 2, 8].map((i) => `a${i}`), s, '\n'),
      job('none', [], s),
    ];
    const expected = jobs.map((j) => {
      const spoolBytes = s.files.map((f) => readFileSync(f));
      const items: Buffer[] = [];
      for (let i = 0; i < j.ranges.length / 3; i++) {
        const [f, o, l] = [j.ranges[3 * i], j.ranges[3 * i + 1], j.ranges[3 * i + 2]] as [number, number, number];
        items.push((spoolBytes[f] as Buffer).subarray(o, o + l));
      }
      return Buffer.concat([Buffer.from(j.head), ...items.flatMap((b, i) => (i > 0 ? [Buffer.from(j.sep), b] : [b])), Buffer.from(j.tail)]);
    });
    let reads = 0;
    const readSync = (...args: Parameters<typeof fs.readSync>): number => {
      reads++;
      return fs.readSync(...args);
    };
    const counted = { ...fs, readSync } as typeof fs;
    const reply = await inProcess(counted).send({ ids: [1, 2, 3, 4, 5], jobs });
    expect(reply.ids).toEqual([1, 2, 3, 4, 5]);
    for (const [k, j] of jobs.entries()) {
      expect(reply.results[k]).toMatchObject({ bytes: (expected[k] as Buffer).length });
      expect((reply.results[k] as { mtimeMs: number }).mtimeMs).toBe(fs.statSync(j.tmp).mtimeMs);
      expect(readFileSync(j.tmp).equals(expected[k] as Buffer)).toBe(true);
    }
    // One read per article for the three formats (plus the tag feed's three), not one per item.
    expect(reads).toBe(12 + 3);
  });

  it('syncFiles leaves a file flushed as it was written alone', async () => {
    const written = path.join(dir, 'written.tmp');
    writeFileSync(written, 'x');
    const gone = path.join(dir, 'gone.tmp');
    const file = (tmp: string, synced: boolean): RenderedFile => ({ name: path.basename(tmp), tmp, sha256: '', bytes: 1, unchanged: false, ...(synced ? { synced } : {}) });
    // Opened to be flushed only when not flushed already (a file not there cannot be opened).
    await expect(syncFiles([file(written, false), file(gone, true)])).resolves.toBeUndefined();
    await expect(syncFiles([file(gone, false)])).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('flushes the files of jobs that ask for it to disk, after the whole group is written', async () => {
    const s = spool(3);
    const events: string[] = [];
    const traced = {
      ...fs,
      writeSync: (...args: Parameters<typeof fs.writeSync>) => {
        events.push('write');
        return (fs.writeSync as (...a: unknown[]) => number)(...args);
      },
      fsync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
        events.push('sync');
        fs.fsync(fd, callback);
      },
    } as typeof fs;
    const jobs = [
      { ...job('a', ['a0', 'a1', 'a2'], s), sync: true },
      { ...job('b', ['b0', 'b1', 'b2'], s), sync: false },
      { ...job('c', ['c0', 'c1', 'c2'], s), sync: true },
    ];
    const reply = await inProcess(traced).send({ ids: [1, 2, 3], jobs });
    expect(reply.results.every((r) => 'mtimeMs' in r)).toBe(true);
    expect(events).toEqual(['write', 'write', 'write', 'sync', 'sync']);
  });

  it('flushes a file that asks for it on the way too, every so many bytes written, and answers once every flush is done', async () => {
    // b5 is ~1.4 MB, past the thread's 1 MiB buffer: the file is written in several writes.
    const s = spool(8);
    const events: string[] = [];
    const traced = {
      ...fs,
      writeSync: (...args: Parameters<typeof fs.writeSync>) => {
        events.push(`write ${args[0]}`);
        return (fs.writeSync as (...a: unknown[]) => number)(...args);
      },
      fdatasync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
        events.push(`datasync ${fd}`);
        // A slow disk: the reply must wait for this flush too, not only for the last one.
        fs.fdatasync(fd, (error) => setTimeout(() => {
          events.push(`datasync done ${fd}`);
          callback(error);
        }, 30));
      },
      fsync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
        events.push(`sync ${fd}`);
        fs.fsync(fd, callback);
      },
      closeSync: (fd: number) => {
        events.push(`close ${fd}`);
        fs.closeSync(fd);
      },
    } as typeof fs;
    const order = [7, 5, 3, 1, 6, 4, 2, 0];
    const jobs = [{ ...job('big', order.map((i) => `b${i}`), s), sync: true }, { ...job('small', order.map((i) => `a${i}`), s), sync: false }];
    const alone = await inProcess().send({ ids: [1, 2], jobs: jobs.map((j) => ({ ...j, tmp: `${j.tmp}.alone`, ranges: j.ranges.slice() })) });
    const reply = await inProcess(traced, 1).send({ ids: [1, 2], jobs });
    expect(reply.results).toEqual(alone.results.map((r) => ({ ...r, mtimeMs: expect.any(Number) })));
    for (const j of jobs) expect(readFileSync(j.tmp).equals(readFileSync(`${j.tmp}.alone`))).toBe(true);
    // The big file's fd: the one flushed at the end.
    const fd = (events.find((e) => e.startsWith('sync ')) as string).slice(5);
    const writes = events.flatMap((e, i) => (e === `write ${fd}` ? [i] : []));
    const early = events.flatMap((e, i) => (e === `datasync ${fd}` ? [i] : []));
    expect(writes.length).toBeGreaterThan(1);
    // A flush after each write of the big file but its last; none of the small file (it asks for none).
    expect(early.length).toBe(writes.length - 1);
    expect(early.every((i) => i > (writes[0] as number) && i < (writes.at(-1) as number))).toBe(true);
    expect(events.some((e) => e.startsWith('datasync ') && e !== `datasync ${fd}` && !e.startsWith('datasync done'))).toBe(false);
    // Closed only once every flush, the early ones included, is done.
    const closed = events.indexOf(`close ${fd}`);
    expect(events.lastIndexOf(`datasync done ${fd}`)).toBeLessThan(closed);
    expect(events.indexOf(`sync ${fd}`)).toBeGreaterThan(writes.at(-1) as number);
  });

  it('fails the group when a flush on the way fails, as when the last one does: its temporary files removed', async () => {
    const s = spool(8);
    const failing = {
      ...fs,
      fdatasync: (_fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
        setImmediate(() => callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO', syscall: 'fdatasync' })));
      },
    } as typeof fs;
    const jobs = [{ ...job('big', ['b5', 'b4', 'b3'], s), sync: true }, { ...job('small', ['a5', 'a4'], s), sync: false }];
    const reply = await inProcess(failing, 1024).send({ ids: [1, 2], jobs });
    expect(reply.results).toEqual([
      { error: { message: 'EIO: i/o error, fdatasync', code: 'EIO', path: undefined, syscall: 'fdatasync' } },
      { error: { message: 'EIO: i/o error, fdatasync', code: 'EIO', path: undefined, syscall: 'fdatasync' } },
    ]);
    expect(existsSync(path.join(dir, 'out', 'big'))).toBe(false);
    expect(existsSync(path.join(dir, 'out', 'small'))).toBe(false);
  });

  it('fails a group whole when a range cannot be read, or a file cannot be written: its temporary files removed', async () => {
    const s = spool(4);
    const thread = inProcess();
    // Past the end of a spool file.
    const cut = job('b', ['b1', 'b2'], s);
    cut.ranges[4] = 1e6;
    expect((await thread.send({ ids: [1, 2], jobs: [job('a', ['a0', 'a1'], s), cut] })).results).toEqual([{ short: true }, { short: true }]);
    expect(existsSync(path.join(dir, 'out', 'a'))).toBe(false);
    expect(existsSync(path.join(dir, 'out', 'b'))).toBe(false);
    // A spool file gone.
    const gone = { ...job('c', ['c0'], s), files: [path.join(dir, 'missing'), path.join(dir, 'missing')] };
    expect((await thread.send({ ids: [3], jobs: [gone] })).results).toEqual([{ short: true }]);
    // The folder is a file: the error as the system gave it.
    writeFileSync(path.join(dir, 'file'), 'x');
    const bad = { ...job('d', ['a0'], s), dir: path.join(dir, 'file'), tmp: path.join(dir, 'file', 'd') };
    const [result] = (await thread.send({ ids: [4], jobs: [job('e', ['a0'], s), bad] })).results as unknown as [{ error: { code: string } }];
    expect(result.error.code).toMatch(/^E(EXIST|NOTDIR)$/);
    expect(existsSync(path.join(dir, 'out', 'e'))).toBe(false);
    // And removes a folder when asked.
    await thread.send({ ids: [5], remove: path.join(dir, 'out') });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('starts whatever node options the process was given: a V8 option made its worker refuse to start', async () => {
    const s = spool(2);
    const given = process.execArgv;
    // `node --max-old-space-size=4096 bin/feedwright.js build`, `node --trace-gc ...`, `node --input-type=module -e ...`.
    process.execArgv = [...given, '--max-old-space-size=4096', '--trace-gc', '--input-type=module'];
    let stitcher: Stitcher;
    try {
      stitcher = new Stitcher();
    } finally {
      process.execArgv = given;
    }
    const result = await stitcher.stitch(job('v8', ['a1', 'a0'], s, ''));
    stitcher.close();
    expect(result).toMatchObject({ bytes: readFileSync(path.join(dir, 'out', 'v8')).length });
    expect(readFileSync(path.join(dir, 'out', 'v8'), 'utf8')).toBe(`<head v8 ü><a1>${'é'.repeat(37)}</a1><a0></a0></tail>`);
  });

  it('runs on a worker thread: the jobs asked for together go as one group, and a closed stitcher answers short', async () => {
    const s = spool(6);
    const stitcher = new Stitcher();
    const jobs = [job('x', ['a5', 'a1'], s, ''), job('y', ['b5', 'b1'], s, '')];
    const results = await Promise.all(jobs.map((j) => stitcher.stitch(j)));
    for (const [k, j] of jobs.entries()) expect(results[k]).toMatchObject({ bytes: readFileSync(j.tmp).length });
    expect(readFileSync(path.join(dir, 'out', 'x'), 'utf8')).toBe(`<head x ü><a5>${'é'.repeat(35)}</a5><a1>${'é'.repeat(37)}</a1></tail>`);
    await stitcher.remove(path.join(dir, 'out'));
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    stitcher.close();
    expect(await stitcher.stitch(job('z', ['a0'], s))).toEqual({ short: true });
  });
});
