import { describe, expect, it } from 'vitest';
import { feedSlug, stylesheetHref } from '../../src/feeds/sets.js';
import { checkFeed } from '../../src/validate/index.js';
import { article, buildSite, makeSite, readFeed, readOut } from './helpers.js';

const SITE = 'https://example.com/';

describe('feedSlug', () => {
  it('lowercases, joins words with "-" and drops accents from Latin letters', () => {
    expect(feedSlug('City Council')).toBe('city-council');
    expect(feedSlug('Café & Bar')).toBe('cafe-bar');
    expect(feedSlug('María González')).toBe('maria-gonzalez');
  });

  it('keeps letters of other scripts', () => {
    expect(feedSlug('日本語 ニュース')).toBe('日本語-ニュース');
  });

  it('gives names without letters or digits a hash, never an empty or dot folder', () => {
    expect(feedSlug('+++')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(feedSlug('..')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(feedSlug('+++')).not.toBe(feedSlug('***'));
  });
});

describe('stylesheetHref', () => {
  it('climbs one folder per level, so the stylesheet stays same-origin', () => {
    expect(stylesheetHref('')).toBe('feed.xsl');
    expect(stylesheetHref('tags/x/')).toBe('../../feed.xsl');
  });
});

describe('per-tag and per-author feeds', () => {
  const site = (): string =>
    makeSite(
      {
        'a.md': article({ title: 'Alpha', day: 1, author: 'Ana Ruiz', tags: ['News', 'Café'] }),
        'b.md': article({ title: 'Beta', day: 2, author: 'Tom Becker', tags: ['news'] }),
        'c.md': article({ title: 'Gamma', day: 3, author: 'Ana Ruiz', tags: ['C'] }),
        'd.md': article({ title: 'Delta', day: 4, author: 'Ana Ruiz', tags: ['C++'] }),
      },
      { title: 'Site', feeds: { tags: true, authors: true } },
    );

  it('writes each tag and author feed in all three formats, valid, with its own self link and title', async () => {
    const dir = site();
    const result = await buildSite(dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [format, file] of [
      ['rss', 'rss.xml'],
      ['atom', 'atom.xml'],
      ['json', 'feed.json'],
    ] as const) {
      const content = readOut(dir, `tags/news/${file}`);
      expect(checkFeed(file, content).filter((d) => d.severity === 'error')).toEqual([]);
      const feed = readFeed(format, content);
      expect(feed.title).toBe('Site — news'); // the newest article's spelling
      expect(feed.links.self).toBe(`${SITE}tags/news/${file}`);
      expect(feed.titles).toEqual(['Beta', 'Alpha']);
      const author = readFeed(format, readOut(dir, `authors/ana-ruiz/${file}`));
      expect(author.title).toBe('Site — Ana Ruiz');
      expect(author.titles).toEqual(['Delta', 'Gamma', 'Alpha']);
    }
  });

  it('merges tags that differ only in case, named by the newest spelling', async () => {
    const dir = site();
    const result = await buildSite(dir);
    const tags = result.feeds.filter((f) => f.kind === 'tag' && f.format === 'rss');
    expect(tags.map((t) => [t.name, t.file])).toEqual([
      ['C', 'tags/c/rss.xml'],
      ['C++', expect.stringMatching(/^tags\/c-[0-9a-f]{8}\/rss\.xml$/)],
      ['Café', 'tags/cafe/rss.xml'],
      ['news', 'tags/news/rss.xml'],
    ]);
  });

  it('references the stylesheet with a path that works from the sub-folder', async () => {
    const dir = site();
    await buildSite(dir);
    expect(readFeed('rss', readOut(dir, 'tags/news/rss.xml')).stylesheet).toBe('../../feed.xsl');
    expect(readFeed('atom', readOut(dir, 'atom.xml')).stylesheet).toBe('feed.xsl');
  });

  it('applies the limit to each tag feed', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 5; i++) many[`p${i}.md`] = article({ title: `P${i}`, day: i, tags: ['t'] });
    const dir = makeSite(many, { feeds: { tags: true }, limit: 2 });
    await buildSite(dir);
    expect(readFeed('json', readOut(dir, 'tags/t/feed.json')).titles).toEqual(['P4', 'P3']);
  });

  it('writes no tag or author feeds unless the config asks', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1, tags: ['x'] }) });
    const result = await buildSite(dir);
    expect(result.feeds.map((f) => f.kind)).toEqual(['main', 'main', 'main']);
  });

  it('removes the feeds of a tag that no longer has articles', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1, tags: ['x'] }), 'b.md': article({ title: 'Beta', day: 2, tags: ['y'] }) }, { feeds: { tags: true } });
    await buildSite(dir);
    const { rmSync, existsSync } = await import('node:fs');
    const path = await import('node:path');
    rmSync(path.join(dir, 'articles', 'b.md'));
    const result = await buildSite(dir);
    expect(result.removedFiles.sort()).toEqual(['tags/y/atom.xml', 'tags/y/feed.json', 'tags/y/rss.xml']);
    expect(existsSync(path.join(dir, 'dist', 'tags', 'y'))).toBe(false);
  });

  it('announces WebSub hubs in every non-archive feed', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1, tags: ['x'] }) }, { feeds: { tags: true }, hubs: ['https://hub.example.net/'] });
    await buildSite(dir);
    expect(readFeed('rss', readOut(dir, 'tags/x/rss.xml')).links.hub).toBe('https://hub.example.net/');
    expect(readFeed('atom', readOut(dir, 'atom.xml')).links.hub).toBe('https://hub.example.net/');
    expect(JSON.parse(readOut(dir, 'feed.json')).hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.net/' }]);
  });
});
