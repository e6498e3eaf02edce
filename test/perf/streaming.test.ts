import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ArticleEntry, decodeEntry, encodeEntry, openArticleCache } from '../../src/cache/articles.js';
import { headOf } from '../../src/cache/heads.js';
import { Pack } from '../../src/cache/pack.js';
import { LOAD_LIMITS } from '../../src/pipeline/load.js';
import { parseJobs } from '../../src/pipeline/parse-pool.js';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { buildAt, expectSameAsUncached, makeProject, NOW, sampleArticles } from './helpers.js';

/*
 * A cold build streams (docs/ARCHITECTURE.md, memory): each parse result is stored as it comes and
 * kept without its body, which is read back from the pack by offset when a writer asks for it;
 * texts past a budget are read again when parsed; the heads file is written in chunks. Output
 * must stay byte for byte what it was.
 */

const temp = (): string => mkdtempSync(path.join(tmpdir(), 'feedwright-stream-'));
const key = (n: number): string => n.toString(16).padStart(64, '0');

describe('Pack.readOwn: records this process stored, by offset', () => {
  it('reads a record while pending, after it is appended, and after a compaction moved it', () => {
    const dir = temp();
    const file = path.join(dir, 'p.pack');
    const pack = Pack.lazy(file);
    pack.setBytes(key(1), Buffer.from('one'));
    expect(pack.readOwn(key(1))?.toString()).toBe('one');
    // Enough dead bytes to compact on save: a second pack writes 5 MB nobody uses afterwards.
    const other = Pack.lazy(file);
    other.setBytes(key(9), Buffer.alloc(5 << 20, 1));
    other.save();
    pack.setBytes(key(2), Buffer.from('two'));
    pack.save();
    expect(pack.rewritten).toBe(true);
    expect(readFileSync(file).length).toBeLessThan(1 << 20);
    expect(pack.readOwn(key(1))?.toString()).toBe('one');
    expect(pack.readOwn(key(2))?.toString()).toBe('two');
    expect(pack.readOwn(key(9))).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends pending records by count as well as by size (one writev each), and reads every one back', () => {
    const dir = temp();
    const file = path.join(dir, 'p.pack');
    const pack = Pack.lazy(file);
    // 2500 small records (~100 KB, far below the 8 MiB size threshold): appended in batches of 1000 as they come.
    for (let i = 0; i < 2500; i++) pack.setBytes(key(i), Buffer.from(`record ${i} `.repeat(1 + (i % 5))));
    const size = readFileSync(file).length;
    expect(size).toBeGreaterThan(2000 * 40);
    pack.save();
    for (const i of [0, 999, 1000, 1999, 2000, 2499]) expect(pack.readOwn(key(i))?.toString()).toBe(`record ${i} `.repeat(1 + (i % 5)));
    const again = Pack.open(file);
    expect(again.corrupt).toBe(0);
    for (let i = 0; i < 2500; i += 97) expect(again.getBytes(key(i))?.toString()).toBe(`record ${i} `.repeat(1 + (i % 5)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a record not where it was put (the file replaced by another build) reads as undefined, not as other bytes', () => {
    const dir = temp();
    const file = path.join(dir, 'p.pack');
    const pack = Pack.lazy(file);
    pack.setBytes(key(1), Buffer.from('one'));
    pack.save();
    const replaced = Pack.lazy(`${file}.new`);
    replaced.setBytes(key(2), Buffer.from('two'));
    replaced.save();
    writeFileSync(file, readFileSync(`${file}.new`));
    expect(pack.readOwn(key(1))).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the article cache keeps stored bodies in the pack only', () => {
  it('set() returns the entry with its body read from the record: same keys, same values, no body held', async () => {
    const dir = makeProject(sampleArticles());
    const first = await buildAt(dir);
    const [article] = await first.articles();
    expect(article).toBeDefined();
    const entry: ArticleEntry = { status: 'ok', article: { ...(article as NonNullable<typeof article>) }, diagnostics: [], mtimeSec: null, cacheable: true };
    rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
    const cache = openArticleCache(resolvePaths({ cwd: dir }), NOW);
    const kept = cache.set('ab'.repeat(32), entry);
    const a = kept.article as NonNullable<ArticleEntry['article']>;
    // Accessors, not strings held by the object.
    expect(Object.getOwnPropertyDescriptor(a, 'contentHtml')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(a, 'contentText')?.get).toBeTypeOf('function');
    expect(Object.keys(a)).toEqual(Object.keys(entry.article as object));
    expect(JSON.stringify(a)).toBe(JSON.stringify(entry.article));
    // Not the parser's objects: values decoded from the record, which hold no slice of the source text.
    expect(a.title).not.toBe(entry.article?.title);
    expect(a.title).toEqual(entry.article?.title);
    expect(a.published.value.getTime()).toBe(entry.article?.published.value.getTime());
    // The head written to the heads file leaves the body out, and reads none of it.
    const reads = vi.spyOn(Pack.prototype, 'readOwn');
    const head = headOf(kept) as { article: Record<string, unknown> };
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect([head.article.contentHtml, head.article.contentText, head.article.dropped]).toEqual([0, 0, 0]);
    cache.save();
    // From the file now, by offset.
    expect(a.contentHtml).toBe(entry.article?.contentHtml);
    expect(a.contentText).toBe(entry.article?.contentText);
    expect(a.dropped).toEqual(entry.article?.dropped);
    expect(decodeEntry(encodeEntry(kept))?.article?.contentHtml).toBe(entry.article?.contentHtml);
  });

  it('kept articles are compact: fast properties, one hidden class for all, provenance strings shared', { timeout: 600_000 }, async () => {
    const dir = makeProject(sampleArticles());
    const [article] = await (await buildAt(dir)).articles();
    const base = article as NonNullable<typeof article>;
    rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
    const cache = openArticleCache(resolvePaths({ cwd: dir }), NOW);
    const entry = (id: string): ArticleEntry => ({ status: 'ok', article: { ...base, id: { value: id, from: 'front-matter' } }, diagnostics: [], mtimeSec: null, cacheable: true });
    const a = cache.set('ab'.repeat(32), entry('urn:a')).article as NonNullable<ArticleEntry['article']>;
    const b = cache.set('cd'.repeat(32), entry('urn:b')).article as NonNullable<ArticleEntry['article']>;
    // V8's own checks of an object's layout (a dictionary-mode article costs ~840 bytes more).
    setFlagsFromString('--allow-natives-syntax');
    const fast = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    expect(fast(a)).toBe(true);
    expect(sameMap(a, b)).toBe(true);
    // Its provenance-carrying fields are made as literals, not kept as decoded (room for four fields, two used).
    expect(sameMap(a.id, { value: 'x', from: 'y' })).toBe(true);
    expect(sameMap(a.id, b.id)).toBe(true);
    expect(Object.keys(a)).toEqual(Object.keys(base));
    expect(a.id.value).toBe('urn:a');
    expect(b.id.value).toBe('urn:b');
    // Decoded separately, yet one string: the same instance (%StringIsInternalized cannot tell copies apart).
    const sameString = new Function('a', 'b', 'return %ReferenceEqual(a, b)') as (a: unknown, b: unknown) => boolean;
    expect(sameString(a.id.from, b.id.from)).toBe(true);
    expect(sameString(a.title.from, b.title.from)).toBe(true);
  });

  it('a cold build past the body budget keeps the bodies of its articles out of memory, and builds the same feeds', async () => {
    LOAD_LIMITS.bodyBudget = 0;
    try {
      // Markdown with dates: every entry is cacheable (a relative date or an mtime-dated article is not stored).
      const dir = makeProject({ 'a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nA *body*.\n', 'b/c.md': '---\ntitle: C\ndate: 2024-01-03\n---\nC.\n' });
      const result = await buildAt(dir);
      const articles = await result.articles();
      expect(articles.length).toBeGreaterThan(0);
      for (const a of articles) expect(Object.getOwnPropertyDescriptor(a, 'contentHtml')?.get).toBeTypeOf('function');
      expect(Object.getOwnPropertyDescriptor(articles[0], 'contentHtml')?.set).toBeTypeOf('function');
      rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
      rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
      await expectSameAsUncached(dir);
    } finally {
      LOAD_LIMITS.bodyBudget = 16 * 1024 * 1024;
    }
  });

  it('a cold build within the body budget holds each body (the writers read no record back), and builds the same feeds', async () => {
    const dir = makeProject({ 'a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nA *body*.\n', 'b/c.md': '---\ntitle: C\ndate: 2024-01-03\n---\nC.\n' });
    const reads = vi.spyOn(Pack.prototype, 'readOwn');
    try {
      const result = await buildAt(dir);
      // The feeds are written: no body was read back from the pack for them.
      expect(reads).not.toHaveBeenCalled();
      const articles = await result.articles();
      expect(articles.map((a) => a.contentHtml).sort()).toEqual(['<p>A <em>body</em>.</p>', '<p>C.</p>']);
    } finally {
      reads.mockRestore();
    }
    rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
    rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
    await expectSameAsUncached(dir);
  });
});

describe('texts past the budget are read again when parsed', () => {
  afterEach(() => {
    LOAD_LIMITS.textBudget = 48 * 1024 * 1024;
  });

  it('with no budget at all, a cold build and a one-change rebuild give the same bytes as without a cache', async () => {
    LOAD_LIMITS.textBudget = 0;
    const dir = makeProject(sampleArticles());
    await expectSameAsUncached(dir);
    writeFileSync(path.join(dir, 'articles', 'one.md'), '---\ntitle: One again\ndate: 2024-01-02\n---\nChanged body.\n');
    await expectSameAsUncached(dir);
  });
});

describe('parse pool: onEntry', () => {
  it('keeps what onEntry returns for each job, by index', async () => {
    const dir = makeProject({ 'a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nA.\n', 'b.md': '---\ntitle: B\ndate: 2024-01-02\n---\nB.\n' });
    const paths = resolvePaths({ cwd: dir });
    const files = ['a.md', 'b.md'].map((n) => {
      const abs = path.join(dir, 'articles', n);
      return { abs, relPath: n, displayPath: `articles/${n}`, kind: 'markdown' as const, size: 1, mtimeMs: 0 };
    });
    const seen: number[] = [];
    const out = await parseJobs(
      files.map((file) => ({ file, text: readFileSync(file.abs, 'utf8'), git: undefined })),
      { config: paths.loaded.config, template: [], nowMs: NOW.getTime() },
      {
        workers: 0,
        onEntry: (i, entry) => {
          seen.push(i);
          return { ...entry, diagnostics: [], mtimeSec: i };
        },
      },
    );
    expect(seen).toEqual([0, 1]);
    expect(out.map((e) => e.mtimeSec)).toEqual([0, 1]);
  });
});
