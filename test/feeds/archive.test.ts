import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/feeds/sets.js';
import type { Article } from '../../src/model.js';
import { article, buildSite, makeSite, readFeed, readOut, writeArticles } from './helpers.js';

const SITE = 'https://example.com/';
const FORMATS = [
  ['rss', 'rss.xml'],
  ['atom', 'atom.xml'],
  ['json', 'feed.json'],
] as const;

function articles(n: number, from = 0): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = from; i < from + n; i++) out[`a${String(i).padStart(3, '0')}.md`] = article({ title: `Article ${i}`, day: i });
  return out;
}

/** Follow prev-archive from the current feed to the oldest page, reading each document from dist/. */
function followArchives(dir: string, format: 'rss' | 'atom' | 'json', file: string): { documents: ReturnType<typeof readFeed>[]; names: string[] } {
  const documents = [];
  const names = [];
  let name: string | undefined = file;
  while (name !== undefined) {
    const feed = readFeed(format, readOut(dir, name));
    documents.push(feed);
    names.push(name);
    const prev: string | undefined = feed.links['prev-archive'];
    expect(names.length).toBeLessThan(100);
    name = prev === undefined ? undefined : prev.slice(SITE.length);
  }
  return { documents, names };
}

describe('paginate', () => {
  const fake = (n: number): Article[] => Array.from({ length: n }, (_, i) => ({ id: { value: `id${n - 1 - i}` } }) as unknown as Article);
  const ids = (list: Article[]): string[] => list.map((a) => a.id.value);

  it('cuts full pages from the oldest article; the newest partial page is the current feed', () => {
    const { current, pages } = paginate(fake(7), 3, true);
    expect(ids(current)).toEqual(['id6']);
    expect(pages.map(ids)).toEqual([
      ['id2', 'id1', 'id0'],
      ['id5', 'id4', 'id3'],
    ]);
  });

  it('keeps a full current feed when the count is a multiple of the limit', () => {
    const { current, pages } = paginate(fake(6), 3, true);
    expect(ids(current)).toEqual(['id5', 'id4', 'id3']);
    expect(pages).toHaveLength(1);
  });

  it('makes no pages without archive, with limit 0, or with few articles', () => {
    expect(paginate(fake(7), 3, false)).toEqual({ current: fake(7).slice(0, 3), pages: [] });
    expect(paginate(fake(7), 0, true).pages).toEqual([]);
    expect(paginate(fake(3), 3, true).pages).toEqual([]);
  });
});

describe('RFC 5005 archived feeds', () => {
  for (const [format, file] of FORMATS) {
    it(`${format}: following prev-archive from the current feed recovers every item exactly once`, async () => {
      const dir = makeSite(articles(11), { archive: true, limit: 3 });
      const result = await buildSite(dir);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const { documents, names } = followArchives(dir, format, file);
      expect(names).toEqual([file, `archive/3/${file}`, `archive/2/${file}`, `archive/1/${file}`]);
      const ids = documents.flatMap((d) => d.ids);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(11);
      const titles = documents.flatMap((d) => d.titles);
      expect(titles).toEqual(Array.from({ length: 11 }, (_, i) => `Article ${10 - i}`));
    });
  }

  it('marks archive pages with fh:archive and links them to the current feed and each other', async () => {
    const dir = makeSite(articles(7), { archive: true, limit: 3 });
    await buildSite(dir);
    for (const [format, file] of FORMATS) {
      const current = readFeed(format, readOut(dir, file));
      const page1 = readFeed(format, readOut(dir, `archive/1/${file}`));
      const page2 = readFeed(format, readOut(dir, `archive/2/${file}`));
      expect(current.archive).toBe(false);
      expect(current.links['prev-archive']).toBe(`${SITE}archive/2/${file}`);
      if (format === 'json') continue; // JSON Feed has next_url only (towards older items).
      expect(page1.archive && page2.archive).toBe(true);
      expect(page1.links).toMatchObject({ self: `${SITE}archive/1/${file}`, current: `${SITE}${file}`, 'next-archive': `${SITE}archive/2/${file}` });
      expect(page1.links['prev-archive']).toBeUndefined();
      expect(page2.links).toMatchObject({ current: `${SITE}${file}`, 'prev-archive': `${SITE}archive/1/${file}` });
      expect(page2.links['next-archive']).toBeUndefined();
    }
    expect(readOut(dir, 'archive/1/rss.xml')).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(readOut(dir, 'rss.xml')).not.toContain('xmlns:fh');
  });

  it('gives archive pages the current feed’s atom:id', async () => {
    const dir = makeSite(articles(4), { archive: true, limit: 2 });
    await buildSite(dir);
    expect(readOut(dir, 'archive/1/atom.xml')).toContain(`<id>${SITE}atom.xml</id>`);
  });

  it('does not rewrite archive pages when new articles arrive, until a new page is cut', async () => {
    const dir = makeSite(articles(7), { archive: true, limit: 3 });
    await buildSite(dir);
    const status = (r: Awaited<ReturnType<typeof buildSite>>, name: string): string | undefined => r.files.find((f) => f.name === name)?.status;

    writeArticles(dir, articles(1, 7)); // 8 articles: pages 1-2 full, current 2
    let r = await buildSite(dir);
    for (const [, file] of FORMATS) {
      expect(status(r, `archive/1/${file}`)).toBe('unchanged');
      expect(status(r, `archive/2/${file}`)).toBe('unchanged');
      expect(status(r, file)).toBe('written');
    }

    writeArticles(dir, articles(2, 8)); // 10 articles: page 3 is cut; page 2 gains its next-archive link
    r = await buildSite(dir);
    expect(status(r, 'archive/1/rss.xml')).toBe('unchanged');
    expect(status(r, 'archive/2/rss.xml')).toBe('written');
    expect(status(r, 'archive/3/rss.xml')).toBe('written');
    expect(status(r, 'archive/2/feed.json')).toBe('unchanged');
  });

  it('removes archive pages that are no longer generated', async () => {
    const dir = makeSite(articles(7), { archive: true, limit: 3 });
    await buildSite(dir);
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ title: 'Test site', link: SITE, git: false, cache: false, archive: true, limit: 5 }));
    const r = await buildSite(dir);
    expect(r.removedFiles.sort()).toEqual(['archive/2/atom.xml', 'archive/2/feed.json', 'archive/2/rss.xml']);
  });
});
