import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rssWriter } from '../../src/feeds/rss.js';
import type { Article } from '../../src/model.js';
import { resolveConfig } from '../../src/config/load.js';
import { articleContext, runArticle } from '../../src/pipeline/article.js';
import { ItemSpool, SpoolWriter, spoolRun } from '../../src/pipeline/spool.js';
import { loadReaders } from '../../src/sources/read.js';
import { buildAt, makeProject, sampleArticles, snapshot } from '../perf/helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A cold build of the sample articles with `tmp` as the system's temporary folder: its files, and how often an RSS item was rendered. */
async function coldBuild(tmp: string): Promise<{ files: Record<string, string>; renders: number; published: number }> {
  // Without a cache folder, the spool goes to the system's temporary folder.
  const dir = makeProject(sampleArticles(), false);
  vi.stubEnv('TMPDIR', tmp);
  const item = vi.spyOn(rssWriter, 'item');
  const result = await buildAt(dir);
  const renders = item.mock.calls.length;
  item.mockRestore();
  vi.unstubAllEnvs();
  return { files: snapshot(dir), renders, published: result.counts.published };
}

describe('items spooled by the pipeline', () => {
  it('are written into the feeds as rendered while parsing: each item rendered once, the same bytes', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'feedwright-spool-test-'));
    const spooled = await coldBuild(tmp);
    expect(spooled.published).toBeGreaterThan(4);
    // The build's spool folder is gone with it.
    expect(readdirSync(tmp)).toEqual([]);
    // No spool (its folder cannot be made): every published item is rendered again while composing, to the same bytes.
    const none = await coldBuild(path.join(tmp, 'missing'));
    expect(none.files).toEqual(spooled.files);
    // With the spool, only the pipeline renders (once per article, to check it), composing none again.
    expect(spooled.renders).toBe(none.renders - none.published);
    expect(spooled.renders).toBeGreaterThanOrEqual(spooled.published);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('goes in the cache folder, and removes the spool folders of builds that were killed', async () => {
    const dir = makeProject(sampleArticles());
    const cache = path.join(dir, '.cache', 'feedwright');
    mkdirSync(path.join(cache, '.items-999999999-dead'), { recursive: true });
    writeFileSync(path.join(cache, '.items-999999999-dead', 'main-1.items'), 'x');
    mkdirSync(path.join(cache, `.items-${process.pid}-alive`));
    vi.stubEnv('TMPDIR', path.join(dir, 'no-such-folder'));
    const item = vi.spyOn(rssWriter, 'item');
    const result = await buildAt(dir);
    // Spooled (in the cache folder: the temporary folder does not exist), so rendered once per article.
    expect(item.mock.calls.length).toBeLessThan(2 * result.counts.published);
    expect(readdirSync(cache).filter((n) => n.startsWith('.items-'))).toEqual([`.items-${process.pid}-alive`]);
  });

  it('gives back what was written, and nothing from a spool file that is gone', () => {
    const spool = ItemSpool.create() as ItemSpool;
    const writer = new SpoolWriter(spool.dir, 'one.items');
    const first = writer.add([Buffer.from('<item>a</item>'), Buffer.from('{"id":"a",\n"x":1}')]);
    const second = writer.add([Buffer.from('<item>é</item>'), Buffer.from('{}')]);
    writer.flush();
    const a = {} as Article;
    const b = {} as Article;
    spool.set(a, first as NonNullable<typeof first>, ['h1', 'h2']);
    spool.set(b, second as NonNullable<typeof second>, ['h3', 'h4']);
    expect(spool.item(a, 1)?.read()?.toString()).toBe('{"id":"a",\n"x":1}');
    expect(spool.item(a, 1)).toMatchObject({ hash: 'h2', bytes: 17, lines: 1 });
    expect(spool.item(b, 0)?.read()?.toString()).toBe('<item>é</item>');
    expect(spool.item(b, 0)?.bytes).toBe(Buffer.byteLength('<item>é</item>'));
    // An article the pipeline did not spool, and an index past its items.
    expect(spool.item({} as Article, 0)).toBeUndefined();
    expect(spool.item(a, 2)).toBeUndefined();

    const other = new SpoolWriter(spool.dir, 'two.items');
    const gone = other.add([Buffer.from('x')]);
    other.flush();
    const c = {} as Article;
    spool.set(c, gone as NonNullable<typeof gone>, ['h5']);
    rmSync(path.join(spool.dir, 'two.items'));
    expect(spool.item(c, 0)?.read()).toBeUndefined();
    spool.dispose();
    expect(() => readdirSync(spool.dir)).toThrow();
  });

  it('appends items as text, encoded into its buffer: the bytes, places, line feeds and CRCs of Buffer.from, items past the buffer too', () => {
    const spool = ItemSpool.create() as ItemSpool;
    const texts = ['<item>a</item>', '{"id":"é",\n"x":"😀"}\n', `lone \uD800 and \uDC00 surrogates`, `${'α\n'.repeat(300_000)}end`, '', 'x'.repeat(700_000), '<item>z</item>'];
    const appended = new SpoolWriter(spool.dir, 'text.items');
    const added = new SpoolWriter(spool.dir, 'bytes.items');
    const a = {} as Article;
    const b = {} as Article;
    const atText: number[] = [];
    for (const t of texts) {
      const one = appended.append(t);
      expect(one?.bytes.equals(Buffer.from(t))).toBe(true);
      atText.push(...(one?.at ?? []));
    }
    const atBytes = added.add(texts.map((t) => Buffer.from(t)));
    appended.flush();
    added.flush();
    expect(atText).toEqual(atBytes?.at);
    const hashes = texts.map((_, i) => `h${i}`);
    spool.set(a, { spool: 'text.items', at: atText }, hashes);
    spool.set(b, atBytes as NonNullable<typeof atBytes>, hashes);
    for (const [i, t] of texts.entries()) {
      expect(spool.item(a, i)?.read()?.toString()).toBe(Buffer.from(t).toString());
      expect(spool.item(b, i)?.read()?.equals(Buffer.from(t))).toBe(true);
    }
    spool.dispose();
  });

  it('takes the items the pipeline renders straight from a context that spools them, as it would their Buffers', async () => {
    await loadReaders(['markdown']);
    const config = resolveConfig({ title: 'Spool', link: 'https://site.example/', git: false, timezone: 'UTC' });
    const now = new Date('2026-01-01T00:00:00Z');
    const text = '---\ntitle: Crème brûlée 😀\ndate: 2025-01-02\n---\nA body with *emphasis*,\nlines and é.\n';
    const file = { kind: 'markdown' as const, abs: '/nowhere/a.md', relPath: 'a.md', displayPath: 'articles/a.md', size: text.length, mtimeMs: now.getTime() };
    const spool = ItemSpool.create() as ItemSpool;
    const plain = runArticle(file, text, articleContext(config, new Set(), new Map(), now));
    const writer = new SpoolWriter(spool.dir, 'ctx.items');
    const ctx = articleContext(config, new Set(), new Map(), now);
    ctx.items = writer;
    const direct = runArticle(file, text, ctx);
    expect(direct.entry).toEqual(plain.entry);
    expect(direct.rendered).toBeUndefined();
    expect(plain.rendered?.length).toBe(3);
    const at = spoolRun(writer, direct);
    writer.flush();
    expect(at?.at).toEqual(direct.spooled);
    spool.set(direct.article as Article, at as NonNullable<typeof at>, ['h1', 'h2', 'h3']);
    for (const [i, bytes] of (plain.rendered ?? []).entries()) expect(spool.item(direct.article as Article, i)?.read()?.equals(bytes)).toBe(true);
    spool.dispose();
  });
});
