import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { corpusFile } from '../../scripts/corpus.js';
import type { ArticleEntry } from '../../src/cache/articles.js';
import { type EncodedEntry, IDLE_MAIN_MISSES, type JobRead, MIN_MISSES, mainParsesBeside, type ParseJob, WORKER_LIMITS, type ParseSetup, parseJobs, startParsePool, UNREAD, workerCount } from '../../src/pipeline/parse-pool.js';
import { articleKey, hashText } from '../../src/cache/key.js';
import { availableParallelism } from 'node:os';
import { encodeEntry } from '../../src/cache/articles.js';
import { frameRecord, RECORD_HEAD } from '../../src/cache/pack.js';
import { compareDiagnostics } from '../../src/diagnostics.js';
import { LOAD_LIMITS, loadArticles } from '../../src/pipeline/load.js';
import { resolvePaths } from '../../src/pipeline/paths.js';
import type { Diagnostic } from '../../src/model.js';
import { readSourceSync, type SourceFile } from '../../src/sources/files.js';
import { articleContext, loadReaders, runArticleSafely } from '../../src/pipeline/article.js';
import { testConfig } from '../helpers/project.js';
import { buildAt, diagnosticsText, makeProject, MTIME, NOW, sampleArticles, snapshot } from '../perf/helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Sample articles of every kind, a mixed corpus, and articles that make diagnostics and duplicates. */
function corpus(count: number): Record<string, string> {
  const files: Record<string, string> = { ...sampleArticles() };
  for (let i = 0; i < count; i++) {
    const f = corpusFile(i, 'mixed');
    files[f.rel] = f.text;
  }
  files['bad-date.md'] = '---\ntitle: Bad\ndate: not a date\n---\nBody.\n';
  files['draft.md'] = '---\ntitle: Draft\ndraft: true\n---\nNot yet.\n';
  files['future.md'] = '---\ntitle: Later\ndate: 2030-01-01\n---\nHeld back.\n';
  files['dup-a.md'] = '---\ntitle: Dup\nid: https://example.com/same\ndate: 2024-01-01\n---\nA.\n';
  files['dup-b.md'] = '---\ntitle: Dup\nid: https://example.com/same\ndate: 2024-01-02\n---\nB.\n';
  files['not-utf8.txt'] = '\u0000\u0001binary';
  return files;
}

/** Build a copy of `dir` with FEEDWRIGHT_WORKERS set; its output files and diagnostics. */
async function buildWith(dir: string, workers: string) {
  const copy = mkdtempSync(path.join(tmpdir(), 'feedwright-pool-'));
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  rmSync(path.join(copy, '.cache'), { recursive: true, force: true });
  vi.stubEnv('FEEDWRIGHT_WORKERS', workers);
  const result = await buildAt(copy);
  vi.unstubAllEnvs();
  return { files: snapshot(copy), diagnostics: diagnosticsText(result), counts: result.counts };
}

describe('parsing cache misses on worker threads', () => {
  it('gives byte-identical output with 0, 1 and 2 workers', async () => {
    const dir = makeProject(corpus(240));
    const serial = await buildWith(dir, '0');
    expect(serial.counts.published).toBeGreaterThan(200);
    expect(serial.diagnostics.length).toBeGreaterThan(3);
    for (const workers of ['1', '2']) {
      const parallel = await buildWith(dir, workers);
      expect(parallel.files).toEqual(serial.files);
      expect(parallel.diagnostics).toEqual(serial.diagnostics);
      expect(parallel.counts).toEqual(serial.counts);
    }
  });

  it('gives the same output on a rebuild with a few misses parsed by a worker', async () => {
    const dir = makeProject(corpus(20));
    vi.stubEnv('FEEDWRIGHT_WORKERS', '1');
    const first = await buildAt(dir);
    writeFileSync(path.join(dir, 'articles', 'one.md'), '---\ntitle: One again\ndate: 2024-01-02\n---\nEdited.\n');
    utimesSync(path.join(dir, 'articles', 'one.md'), MTIME, MTIME);
    const second = await buildAt(dir);
    vi.unstubAllEnvs();
    const serial = await buildWith(dir, '0');
    expect(snapshot(dir)).toEqual(serial.files);
    expect(diagnosticsText(second)).toEqual(serial.diagnostics);
    expect(first.counts.sources).toBe(second.counts.sources);
  });

  it('reports progress in order while workers parse', async () => {
    const { build } = await import('../../src/build.js');
    const dir = makeProject(corpus(30));
    vi.stubEnv('FEEDWRIGHT_WORKERS', '2');
    const calls: [number, number][] = [];
    await build({ cwd: dir, now: NOW, onProgress: (done, total) => calls.push([done, total]) });
    const total = calls[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(30);
    expect(calls.map(([d]) => d)).toEqual([...Array(total).keys()]);
    expect(calls.every(([, t]) => t === total)).toBe(true);
  });
});

describe('workerCount', () => {
  it('stays serial below the threshold, is forced by FEEDWRIGHT_WORKERS, ignores nonsense', () => {
    expect(workerCount(1, {})).toBe(0);
    expect(workerCount(MIN_MISSES - 1, {})).toBe(0);
    expect(workerCount(100_000, {})).toBeGreaterThanOrEqual(0);
    expect(workerCount(100_000, { FEEDWRIGHT_WORKERS: '0' })).toBe(0);
    expect(workerCount(1, { FEEDWRIGHT_WORKERS: '3' })).toBe(3);
    expect(workerCount(1, { FEEDWRIGHT_WORKERS: ' 2 ' })).toBe(2);
    expect(workerCount(1, { FEEDWRIGHT_WORKERS: 'lots' })).toBe(0);
    expect(workerCount(1, { FEEDWRIGHT_WORKERS: '-1' })).toBe(0);
  });

  it('gives every core a worker, the main thread only handing out work, from IDLE_MAIN_MISSES misses once every other core has one', () => {
    expect(workerCount(IDLE_MAIN_MISSES - 1, {}, 2)).toBe(1);
    expect(workerCount(IDLE_MAIN_MISSES, {}, 2)).toBe(2);
    expect(workerCount(100_000, {}, 2)).toBe(2);
    expect(workerCount(100_000, {}, 1)).toBe(0);
    expect(workerCount(10_000, {}, 8)).toBe(5);
    expect(workerCount(14_000, {}, 8)).toBe(8);
    expect(workerCount(100_000, { FEEDWRIGHT_WORKERS: '1' }, 2)).toBe(1);
    expect(mainParsesBeside(1, 2)).toBe(true);
    expect(mainParsesBeside(2, 2)).toBe(false);
    expect(mainParsesBeside(5, 8)).toBe(true);
  });
});

/** Jobs (and what the main thread alone makes of them) for parseJobs. */
function jobs(): { setup: ParseSetup; jobs: ParseJob[]; serial: ArticleEntry[] } {
  const config = testConfig();
  const setup: ParseSetup = { config, template: ['Home | News'], nowMs: NOW.getTime() };
  const list: ParseJob[] = Object.entries({ ...sampleArticles(), ...corpus(20) }).map(([rel, text]) => {
    const kind = rel.endsWith('.md') ? 'markdown' : rel.endsWith('.txt') ? 'text' : 'html';
    const file: SourceFile = { kind, abs: `/nowhere/${rel}`, relPath: rel, displayPath: `articles/${rel}`, size: text.length, mtimeMs: MTIME.getTime() };
    return { file, text, git: rel === 'undated.md' ? { first: new Date('2023-01-01T00:00:00Z'), last: new Date('2023-02-01T00:00:00Z') } : undefined };
  });
  // A bug on one article (its text is not a string): an ARTICLE_INTERNAL_ERROR, wherever it runs.
  list.push({ file: { ...(list[0] as ParseJob).file, relPath: 'broken.md', displayPath: 'articles/broken.md' }, text: 42 as unknown as string, git: undefined });
  const now = new Date(setup.nowMs);
  const serial = list.map((j) => runArticleSafely(j.file, j.text as string, articleContext(config, new Set(setup.template), j.git ? new Map([[j.file.relPath, j.git]]) : new Map(), now)).entry);
  return { setup, jobs: list, serial };
}

const fixture = (name: string): URL => new URL(`./fixtures/${name}`, import.meta.url);

describe('parseJobs', () => {
  it('returns entries that survive structured clone: plain objects, arrays and Dates only', () => {
    const { serial } = jobs();
    const check = (v: unknown, at: string): void => {
      if (v === null || typeof v !== 'object') {
        expect(typeof v, at).not.toBe('function');
        return;
      }
      const proto = Object.getPrototypeOf(v);
      expect([Object.prototype, Array.prototype, Date.prototype, null], at).toContain(proto);
      for (const [k, x] of Object.entries(v)) check(x, `${at}.${k}`);
    };
    for (const [i, e] of serial.entries()) check(e, `entry ${i}`);
    expect(structuredClone(serial)).toEqual(serial);
    expect(serial.some((e) => e.status === 'ok' && e.article?.published.value instanceof Date)).toBe(true);
    expect(serial.at(-1)?.diagnostics[0]?.code).toBe('ARTICLE_INTERNAL_ERROR');
  });

  it('gives the main thread result for every job, exceptions included, with 2 workers', async () => {
    const { setup, jobs: list, serial } = jobs();
    const done: number[] = [];
    const entries = await parseJobs(list, setup, { workers: 2, mainParses: false, onDone: (n) => done.push(n) });
    expect(entries).toEqual(serial);
    expect(done).toEqual(list.map((_, i) => i + 1));
    // With the main thread parsing too, whoever is first.
    expect(await parseJobs(list, setup, { workers: 1 })).toEqual(serial);
  });

  it('answers in order while a worker loads the text and HTML readers for a batch that needs them, batches queued behind it', async () => {
    // The worker loads those readers on the first batch holding such an article (parse-worker.ts):
    // Markdown first, then the text and HTML articles, then Markdown again, all sent to one worker.
    const { setup, jobs: list, serial } = jobs();
    const isMarkdown = (j: ParseJob) => j.file.kind === 'markdown';
    const markdown = list.flatMap((j, i) => (isMarkdown(j) ? [i] : []));
    const order = [...markdown.slice(0, 8), ...list.flatMap((j, i) => (isMarkdown(j) ? [] : [i])), ...markdown.slice(8)];
    expect(order.length).toBe(list.length);
    expect(order.length - markdown.length).toBeGreaterThan(5);
    const entries = await parseJobs(
      order.map((i) => list[i] as ParseJob),
      setup,
      { workers: 1, mainParses: false },
    );
    expect(entries).toEqual(order.map((i) => serial[i]));
  });

  it('parses everything on the main thread when a worker dies (exit or uncaught exception)', async () => {
    const { setup, jobs: list, serial } = jobs();
    expect(await parseJobs(list, setup, { workers: 2, script: fixture('crash-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, setup, { workers: 2, mainParses: false, script: fixture('crash-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, { ...setup, how: 'throw' } as ParseSetup, { workers: 1, mainParses: false, script: fixture('crash-worker.mjs') })).toEqual(serial);
  });

  it('does not wait for a worker that never gets ready, fails at start or whose script is missing', async () => {
    const { setup, jobs: list, serial } = jobs();
    // A worker on every core: the main thread only hands out work, but parses until one is ready.
    expect(mainParsesBeside(availableParallelism())).toBe(false);
    expect(await parseJobs(list, setup, { workers: availableParallelism(), script: fixture('never-ready-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, setup, { workers: 1, script: fixture('never-ready-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, setup, { workers: 1, script: fixture('missing-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, setup, { workers: 2, mainParses: false, script: fixture('missing-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, setup, { workers: 2, mainParses: false, script: fixture('fail-at-start-worker.mjs') })).toEqual(serial);
    expect(await parseJobs(list, setup, { workers: 1, script: fixture('fail-at-start-worker.mjs') })).toEqual(serial);
  });

  it('has the thread that parses a job read its source (ParseJob.read) and send back its hash, key and decoding note; an unreadable or changed one is not parsed', async () => {
    await loadReaders(['markdown', 'text', 'html']);
    const { setup, jobs: list } = jobs();
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-read-'));
    const keyBase = { head: 'format\0version\0config', template: 'template' };
    const withBase = { ...setup, keyBase };
    const onDisk: ParseJob[] = list.slice(0, -1).map((j, n) => {
      const abs = path.join(dir, `f${n}${path.extname(j.file.relPath)}`);
      writeFileSync(abs, j.text as string);
      return { file: { ...j.file, abs }, git: j.git, read: {} };
    });
    // A Latin-1 text (read with a SOURCE_NOT_UTF8 note), a file gone, and one changed since it was hashed.
    const latin = path.join(dir, 'latin.txt');
    writeFileSync(latin, Buffer.from('Caf\xe9 au lait\n\nA d\xe9j\xe0 vu of a text long enough to be one.\n', 'latin1'));
    const base = (list[0] as ParseJob).file;
    onDisk.push({ file: { ...base, kind: 'text', abs: latin, relPath: 'latin.txt', displayPath: 'articles/latin.txt' }, git: undefined, read: {} });
    onDisk.push({ file: { ...base, abs: path.join(dir, 'gone.md') }, git: undefined, read: {} });
    onDisk.push({ file: (onDisk[0] as ParseJob).file, git: undefined, read: { hash: hashText('another text') } });
    const now = new Date(setup.nowMs);
    const expected = onDisk.map((j): { entry: ArticleEntry; read: JobRead } => {
      const result = readSourceSync(j.file);
      if (!result.ok || (j.read?.hash !== undefined && hashText(result.text) !== j.read.hash)) return { entry: UNREAD, read: null };
      const hash = hashText(result.text);
      const entry = runArticleSafely(j.file, result.text, articleContext(setup.config, new Set(setup.template), j.git ? new Map([[j.file.relPath, j.git]]) : new Map(), now)).entry;
      return { entry, read: { hash, key: articleKey(keyBase, j.file, hash, j.git), ...(result.note ? { note: result.note } : {}) } };
    });
    expect(expected.filter((e) => e.read === null).length).toBe(2);
    expect(expected.filter((e) => e.read?.note?.code === 'SOURCE_NOT_UTF8').length).toBe(1);
    try {
      // On a worker only, then on the main thread alone.
      for (const workers of [1, 0]) {
        const reads = new Map<number, JobRead | undefined>();
        const entries = await parseJobs(onDisk, withBase, {
          workers,
          mainParses: workers === 0,
          onEntry: (i, entry, _, __, read) => {
            reads.set(i, read);
            return entry;
          },
        });
        expect(entries).toEqual(expected.map((e) => e.entry));
        expect(onDisk.map((_, i) => reads.get(i))).toEqual(expected.map((e) => e.read));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a worker encode the cache record of each entry to store, and send the entry only as the head of the record (ParseSetup.encode)', async () => {
    await loadReaders(['markdown', 'text', 'html']);
    const { setup, jobs: list, serial } = jobs();
    const note = { code: 'SOURCE_NOT_UTF8', severity: 'warning', message: 'read as windows-1252', file: 'articles/one.md' } as Diagnostic;
    const keyed = list.map((j, i) => ({ ...j, key: `${i}`.padStart(64, '0'), ...(j.file.relPath === 'one.md' ? { note } : {}) }));
    const got = new Map<number, { entry: ArticleEntry; encoded: EncodedEntry | undefined }>();
    await parseJobs(keyed, { ...setup, encode: true }, { workers: 1, mainParses: false, onEntry: (i, entry, _, encoded) => {
        got.set(i, { entry, encoded });
        return entry;
      },
    });
    let records = 0;
    let withDropped = 0;
    for (const [i, expected] of serial.entries()) {
      const { entry, encoded } = got.get(i) as { entry: ArticleEntry; encoded: EncodedEntry | undefined };
      // What ArticleCache.set stores: cacheable entries that are not held back as future.
      if (!expected.cacheable || expected.status === 'future') {
        expect(encoded).toBeUndefined();
        expect(entry).toEqual(expected);
        continue;
      }
      records++;
      const whole = keyed[i]?.note ? { ...expected, diagnostics: [note, ...expected.diagnostics].sort(compareDiagnostics) } : expected;
      // The record is what the main thread would have encoded, decoding note included, framed for
      // the pack under the job's key; the entry comes without its body.
      const record = Buffer.from(encoded?.record ?? []);
      expect(record.subarray(RECORD_HEAD)).toEqual(encodeEntry(whole));
      expect(record).toEqual(frameRecord(keyed[i]?.key as string, Buffer.concat([Buffer.alloc(RECORD_HEAD), encodeEntry(whole)])));
      expect(encoded?.split).toBe(whole.article !== undefined);
      // The entry is not sent beside its record: it is the record's head (its body left out, the rest as parsed).
      if (whole.article) expect(entry).toEqual({ ...whole, article: { ...whole.article, contentHtml: '', contentText: '' } });
      else expect(entry).toEqual(whole);
      if (whole.article?.dropped.length) withDropped++;
    }
    expect(records).toBeGreaterThan(20);
    expect(withDropped).toBeGreaterThan(0);
  });

  it('builds the same bytes when workers encode the records (bodies not kept), and a rebuild reads them back', async () => {
    const dir = makeProject(corpus(60));
    const serial = await buildWith(dir, '0');
    LOAD_LIMITS.bodyBudget = 0;
    try {
      const copy = mkdtempSync(path.join(tmpdir(), 'feedwright-pool-'));
      cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
      vi.stubEnv('FEEDWRIGHT_WORKERS', '1');
      const first = await buildAt(copy);
      expect(snapshot(copy)).toEqual(serial.files);
      expect(diagnosticsText(first)).toEqual(serial.diagnostics);
      // Every stored entry comes back from the records the worker encoded: nothing parsed again.
      rmSync(path.join(copy, 'dist'), { recursive: true });
      const again = await buildAt(copy);
      // (but the article dated relative to the clock and the one held back as future, never stored)
      expect(again.work.parsed).toBe(2);
      expect(snapshot(copy)).toEqual(serial.files);
      expect(diagnosticsText(again)).toEqual(serial.diagnostics);
    } finally {
      LOAD_LIMITS.bodyBudget = 16 * 1024 * 1024;
    }
  });

  it('stores the records a worker encoded for sources read when their jobs were handed out under their keys', async () => {
    const serial = await buildWith(makeProject(corpus(60)), '0');
    LOAD_LIMITS.bodyBudget = 0;
    try {
      // A cold build without a pack: its Markdown and HTML are read, hashed and keyed at hand-out
      // (src/pipeline/load.ts `Source.late`), after the job object was made; the worker frames each
      // record under the job's key, which the main thread checks (src/cache/pack.ts `setFramed`).
      const dir = makeProject(corpus(60));
      vi.stubEnv('FEEDWRIGHT_WORKERS', '1');
      const loaded = await loadArticles(resolvePaths({ cwd: dir, now: NOW }), NOW);
      loaded.spool?.dispose();
      expect(loaded.work.readAtHandout).toBeGreaterThan(20);
      const next = await buildAt(dir);
      // (but the article dated relative to the clock and the one held back as future, never stored)
      expect(next.work.parsed).toBe(2);
      expect(snapshot(dir)).toEqual(serial.files);
      expect(diagnosticsText(next)).toEqual(serial.diagnostics);
    } finally {
      LOAD_LIMITS.bodyBudget = 16 * 1024 * 1024;
    }
  });

  it('takes over workers started before the build read its sources (startParsePool), ready or dead meanwhile', async () => {
    const { setup, jobs: list, serial } = jobs();
    // limits-worker answers with its resource limits: every entry from it means the pool's worker
    // parsed them all (with no pool, the call would start the real parser and get real entries).
    const pool = startParsePool(MIN_MISSES, { workers: 1, script: fixture('limits-worker.mjs') });
    expect(pool).toBeDefined();
    // Ready long before it is taken over: the 'ready' said to nobody is not lost (else this waits forever).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const entries = await parseJobs(list, setup, { workers: 1, mainParses: false, pool });
    expect(new Set(entries.map((e) => e.mtimeSec))).toEqual(new Set([WORKER_LIMITS.maxYoungGenerationSizeMb]));
    // A worker that failed before it was taken over: no uncaught error, the main thread parses.
    const failing = startParsePool(MIN_MISSES, { workers: 1, script: fixture('fail-at-start-worker.mjs') });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await parseJobs(list, setup, { workers: 1, mainParses: false, pool: failing })).toEqual(serial);
    // Fewer workers wanted than started: the others are closed, the work is the same.
    const two = startParsePool(MIN_MISSES, { workers: 2 });
    expect(await parseJobs(list, setup, { workers: 1, pool: two })).toEqual(serial);
    expect(two?.take(1)).toEqual([]);
    // Below the threshold nothing starts.
    expect(startParsePool(MIN_MISSES - 1)).toBeUndefined();
  });

  it("starts its workers when node runs with V8's or the process's own options (--max-old-space-size, --single-threaded-gc), which a worker refuses", () => {
    // Such options hold for every isolate of the process; given to a worker, they made it fail to
    // start, and the build parsed on the main thread alone. Kept: the options a worker takes.
    const run = spawnSync(process.execPath, ['--max-old-space-size=1000', '--single-threaded-gc', '--no-warnings', '--import', 'tsx', fileURLToPath(fixture('pool-under-flags.ts'))], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { execArgv: string[]; mtimeSec: unknown[] });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.execArgv).toContain('--single-threaded-gc');
      // Every entry from the worker (the fixture's worker writes its young generation's size there).
      expect(line.mtimeSec).toEqual([WORKER_LIMITS.maxYoungGenerationSizeMb]);
    }
  });

  it("starts its workers with a smaller young generation than V8's default for a worker, 48 MiB (WORKER_LIMITS)", async () => {
    const { setup, jobs: list } = jobs();
    const entries = await parseJobs(list, setup, { workers: 1, mainParses: false, script: fixture('limits-worker.mjs') });
    expect(WORKER_LIMITS.maxYoungGenerationSizeMb).toBeLessThan(48);
    expect(WORKER_LIMITS.maxYoungGenerationSizeMb).toBeGreaterThanOrEqual(8);
    expect(new Set(entries.map((e) => e.mtimeSec))).toEqual(new Set([WORKER_LIMITS.maxYoungGenerationSizeMb]));
  });
});
