import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, resolvePaths } from '../../src/build.js';
import { readFrames } from '../../src/cache/frames.js';
import { articleKeys, ownArticle } from '../../src/cache/heads.js';
import type { Article } from '../../src/model.js';
import { buildAt, expectSameAsUncached, makeProject, NOW, reference, sampleArticles, sleep, snapshot, writeArticle } from './helpers.js';

/*
 * The cache's heads (src/cache/heads.ts): a rebuild serves unchanged articles from one small file
 * and reads no record of the pack for them; their bodies are read by offset only when an item
 * must be rendered. Counted, not timed.
 */

function articles(): Record<string, string> {
  const { 'recent.txt': _recent, ...rest } = sampleArticles();
  return rest;
}

const cacheDir = (dir: string): string => path.join(dir, '.cache', 'feedwright');
const headsFile = (dir: string): string => path.join(cacheDir(dir), readdirSync(cacheDir(dir)).find((n) => n.startsWith('heads-')) ?? 'missing');

describe('cache heads', () => {
  it('a one-change rebuild decodes no entry of the unchanged articles and renders only the changed items', async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    await sleep(2100);
    writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t'));
    const result = await buildAt(dir);
    expect(result.work.upToDate).toBe(false);
    expect(result.work.parsed).toBe(1);
    expect(result.work.decoded).toBe(0);
    // one.md is in the main feed and in its tag and author feeds: none here (config), so three items.
    expect(result.work.rendered).toBe(3);
    const ref = await reference(dir);
    expect(snapshot(dir)).toEqual(ref.files);
    // The articles on request: the heads' articles read their bodies then, equal to a build without a cache.
    expect(JSON.stringify(await result.articles())).toBe(JSON.stringify(await ref.result.articles()));
  });

  it('without the heads file every unchanged entry is decoded from the pack, with the same bytes', async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    rmSync(headsFile(dir));
    writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t'));
    const result = await buildAt(dir);
    expect(result.work.decoded).toBe(5);
    await expectSameAsUncached(dir);
  });

  it('a pack rewritten under the heads (same file, other bytes) is noticed: the build decodes or parses again, same bytes', async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    // Damage every record's payload in place: same inode, same size, so the heads' offsets look valid.
    const pack = path.join(cacheDir(dir), 'articles.pack');
    const size = statSync(pack).size;
    const fd = openSync(pack, 'r+');
    for (let at = 200; at < size; at += 97) writeSync(fd, Buffer.from('X'), 0, 1, at);
    closeSync(fd);
    // No previous output to copy from: every item is rendered, so every body is asked for.
    rmSync(path.join(dir, 'dist'), { recursive: true });
    await expectSameAsUncached(dir);
  });

  it("a pack compacted by another build, whatever its inode, is not read at the heads' offsets", async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    const pack = path.join(cacheDir(dir), 'articles.pack');
    const bytes = readFileSync(pack);
    // The same records in reverse order, the same size, and (file systems reuse inodes) maybe the
    // same inode: the heads' offsets all point into other records.
    const records: Buffer[] = [];
    for (let at = 8; at < bytes.length; ) {
      const end = at + 40 + bytes.readUInt32LE(at);
      records.push(bytes.subarray(at, end));
      at = end;
    }
    rmSync(pack);
    writeFileSync(pack, Buffer.concat([bytes.subarray(0, 8), ...records.reverse()]));
    expect(statSync(pack).size).toBe(bytes.length);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    const result = await buildAt(dir);
    expect(result.work.parsed).toBe(0);
    await expectSameAsUncached(dir);
  });

  it('the heads file is ASCII however the articles are written, and serves the same articles', async () => {
    const dir = makeProject({ ...articles(), 'accent.md': '---\ntitle: Café für Zoë 🎉\ndate: 2024-03-04\nauthor: Tomás Ruiz\ntags: [naïve]\n---\nÉté, 東京.\n' });
    await buildAt(dir);
    const bytes = readFileSync(headsFile(dir));
    expect(bytes.some((b) => b > 0x7f)).toBe(false);
    // And its cold parts (src/cache/heads.ts `ColdFile`), which hold the author and the tags.
    const cold = readFileSync(path.join(path.dirname(headsFile(dir)), `cold-${path.basename(headsFile(dir))}`));
    expect(cold.toString('latin1')).toContain('Tom\\u00e1s Ruiz');
    expect(cold.some((b) => b > 0x7f)).toBe(false);
    writeArticle(dir, 'accent.md', '---\ntitle: Café für Zoë 🎉\ndate: 2024-03-04\nauthor: Tomás Ruiz\ntags: [naïve, ünï]\n---\nÉté, 東京!\n');
    const result = await buildAt(dir);
    expect(result.work.decoded).toBe(0);
    // The appended frame too.
    expect(readFileSync(headsFile(dir)).some((b) => b > 0x7f)).toBe(false);
    writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t'));
    const again = await buildAt(dir);
    expect(again.work.decoded).toBe(0);
    const ref = await reference(dir);
    expect(snapshot(dir)).toEqual(ref.files);
    expect(JSON.stringify(await again.articles())).toBe(JSON.stringify(await ref.result.articles()));
  });

  it('a heads file of the previous format (6, the cold parts in the heads file) is not read: every entry is decoded from the pack', async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    const file = headsFile(dir);
    // Same bytes and CRCs, the format's number put back to 6 in every frame's header.
    writeFileSync(file, readFileSync(file, 'latin1').replaceAll('feedwright-heads-7 ', 'feedwright-heads-6 '), 'latin1');
    writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t'));
    const result = await buildAt(dir);
    expect(result.work.decoded).toBe(5);
    await expectSameAsUncached(dir);
  });

  it('articles served from the heads share their accessors on one prototype (no closures per article), read their bodies, and are handed out as plain copies', async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t'));
    // The articles as the build holds them (a load; `result.articles()` gives copies).
    const loaded = await loadArticles(resolvePaths({ cwd: dir, now: NOW }), NOW);
    expect(loaded.work.decoded).toBe(0);
    const served = loaded.articles.filter((a) => a.relPath !== 'one.md' && a.relPath.endsWith('.md'));
    expect(served.length).toBeGreaterThan(1);
    const protos = new Set(served.map((a) => Object.getPrototypeOf(a)));
    expect(protos.size).toBe(1);
    const proto = [...protos][0] as object;
    for (const k of ['contentHtml', 'contentText', 'dropped', 'summary', 'tags', 'authors']) {
      expect(Object.getOwnPropertyDescriptor(proto, k)?.get, k).toBeTypeOf('function');
      expect(Object.hasOwn(served[0] as object, k), k).toBe(false);
    }
    const ref = await reference(dir);
    const refArticles = await ref.result.articles();
    const byPath = new Map(refArticles.map((a) => [a.relPath, a]));
    for (const a of served) {
      // Every field in the stored order (`articleKeys`) and value; a copy has them all as its own.
      const want = byPath.get(a.relPath) as Article;
      expect(articleKeys(a)).toEqual(Object.keys(want));
      const copy = ownArticle(a);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(want));
      expect(JSON.stringify(ownArticle(a, { title: { value: 'T', from: 'derived' } }))).toBe(JSON.stringify({ ...want, title: { value: 'T', from: 'derived' } }));
      // A value set on one article is its own.
      a.contentHtml = 'set';
      expect(a.contentHtml).toBe('set');
      a.summary = { value: 'own', from: 'derived' };
      expect(a.summary.value).toBe('own');
    }
    expect(served.every((a) => a.contentHtml === 'set')).toBe(true);
    // The build's `result.articles()`: plain objects, every field enumerable, equal to an uncached build's.
    const result = await buildAt(dir);
    const handed = await result.articles();
    expect(handed.every((a) => Object.getPrototypeOf(a) === Object.prototype)).toBe(true);
    expect(JSON.stringify(handed)).toBe(JSON.stringify(refArticles));
    expect(JSON.stringify(handed.map((a) => ({ ...a })))).toBe(JSON.stringify(refArticles));
  });

  it('an unchanged article served from the heads whose derived id is made unique (a file of the same name in another folder) keeps every field', async () => {
    const post = (title: string, date: string): string => `---\ntitle: ${title}\ndate: ${date}\nauthor: Ann\ntags: [x, y]\nsummary: About ${title}.\n---\nBody of ${title}.\n`;
    // Same file name and date (one derived id), links by section (two links): the later one's id is made unique.
    const dir = makeProject({ 'a/post.md': post('A', '2024-03-01'), 'b/post.md': post('B', '2024-03-01'), 'other.md': post('Other', '2024-01-01') });
    const configFile = path.join(dir, 'feedwright.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), permalinks: { a: '/a/:slug/', b: '/b/:slug/' } }));
    await buildAt(dir);
    writeArticle(dir, 'other.md', post('Other edited', '2024-01-01'));
    const result = await expectSameAsUncached(dir);
    // The copy reads the body of the article it copies (one record decoded), as a spread did.
    expect(result.work.parsed).toBe(1);
    expect(result.work.decoded).toBe(1);
    const ref = await reference(dir);
    const handed = await result.articles();
    // The copy made with the unique id has the cold fields (summary, tags, authors, slug, paths) of the served article.
    expect(handed.map((a) => a.id.value)).toEqual((await ref.result.articles()).map((a) => a.id.value));
    expect(new Set(handed.map((a) => a.id.value)).size).toBe(3);
    expect(JSON.stringify(handed)).toBe(JSON.stringify(await ref.result.articles()));
  });

  it("a rebuild that copies the unchanged items does not read their heads' cold parts (authors, tags, summary, ...) from the cold file", async () => {
    const dir = makeProject(articles());
    await buildAt(dir);
    // The cold parts of the Markdown articles overwritten in the cold file (not page.txt and
    // page.html: they share a derived id, and the duplicate check reads their slugs). A part read
    // would fail its CRC: the build would start again without heads and decode every entry.
    const file = headsFile(dir);
    const cold = path.join(path.dirname(file), `cold-${path.basename(file)}`);
    const format = readFileSync(file, 'latin1').slice(0, readFileSync(file, 'latin1').indexOf(' frames ') + ' frames'.length);
    const lines = (readFrames(file, format)?.bodies.join('\n') ?? '').split('\n').filter((line) => /^[0-9a-f]{64} /.test(line));
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.every((line) => !line.includes('\t'))).toBe(true);
    const bytes = readFileSync(cold);
    let damaged = 0;
    for (const line of lines) {
      if (!/"relPath":"[^"]*\.md"/.test(line)) continue;
      const [at, length] = (line.split(' ')[3] as string).split(',').map(Number) as [number, number];
      bytes.fill(0x78, at, at + length);
      damaged++;
    }
    expect(damaged).toBe(4);
    writeFileSync(cold, bytes);
    writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t'));
    const result = await buildAt(dir);
    expect(result.work.decoded).toBe(0);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it("a cold part that is not as its head says (the cold file changed) is not used: the build starts again without heads", async () => {
    const dir = makeProject({ ...articles(), 'index.md': '---\ntitle: Home\n---\nHome.\n' });
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')), feeds: { tags: true, authors: true } }));
    await buildAt(dir);
    const file = headsFile(dir);
    const cold = path.join(path.dirname(file), `cold-${path.basename(file)}`);
    // Same size and inode, every part's bytes changed: each read fails its CRC.
    const bytes = readFileSync(cold);
    const header = bytes.indexOf(10) + 1;
    for (let i = header; i < bytes.length; i++) if (bytes[i] === 0x22) bytes[i] = 0x27;
    const fd = openSync(cold, 'r+');
    writeSync(fd, bytes, 0, bytes.length, 0);
    closeSync(fd);
    writeArticle(dir, 'two.md', readFileSync(path.join(dir, 'articles', 'two.md'), 'utf8').replace('Second', 'Se2ond'));
    const result = await buildAt(dir);
    // Tag and author feeds read every cold part: the first read failed, and every entry was decoded from the pack.
    expect(result.work.decoded).toBeGreaterThan(0);
    const ref = await reference(dir);
    expect(snapshot(dir)).toEqual(ref.files);
    expect(JSON.stringify(await result.articles())).toBe(JSON.stringify(await ref.result.articles()));
  });

  it('with tag and author feeds the cold parts are read, and the rebuild equals a build without a cache', async () => {
    const dir = makeProject(articles());
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')), feeds: { tags: true, authors: true } }));
    await buildAt(dir);
    writeArticle(dir, 'two.md', readFileSync(path.join(dir, 'articles', 'two.md'), 'utf8').replace('Second', 'Se2ond'));
    const result = await buildAt(dir);
    expect(result.work.decoded).toBe(0);
    const ref = await reference(dir);
    expect(snapshot(dir)).toEqual(ref.files);
    expect(JSON.stringify(await result.articles())).toBe(JSON.stringify(await ref.result.articles()));
  });
});
