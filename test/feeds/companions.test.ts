import { parseHTML } from 'linkedom';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { feedStylesheet } from '../../src/feeds/stylesheet.js';
import { article, buildSite, makeSite, parseXml, readOut } from './helpers.js';

/** Strict, namespace-aware XML parse: throws on anything not well-formed. */
function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const NASTY = `Tom & "Jerry" <script>alert(1)</script> ]]> \u0001`;

describe('feeds.opml', () => {
  it('is well-formed OPML 2.0 listing every feed but archive pages, escaped', async () => {
    const dir = makeSite(
      {
        'a.md': article({ title: 'A', day: 1, tags: [NASTY], author: 'Ann' }),
        'b.md': article({ title: 'B', day: 2, author: 'Ann' }),
        'c.md': article({ title: 'C', day: 3, author: 'Ann' }),
      },
      { title: NASTY, feeds: { tags: true, authors: true }, archive: true, limit: 2 },
    );
    const result = await buildSite(dir);
    const opml = readOut(dir, 'feeds.opml');
    assertWellFormed(opml);
    const doc = parseXml(opml) as {
      opml: { '@version': string; head: { title: string }; body: { outline: { '@text': string; outline: { '@xmlUrl': string; '@type': string }[] }[] } };
    };
    expect(doc.opml['@version']).toBe('2.0');
    const groups = doc.opml.body.outline;
    expect(groups).toHaveLength(3); // site, one tag, one author
    const urls = groups.flatMap((g) => g.outline.map((o) => o['@xmlUrl']));
    const expected = result.feeds.filter((f) => f.kind !== 'archive').map((f) => f.url);
    expect(urls).toEqual(expected);
    expect(groups.flatMap((g) => g.outline.map((o) => o['@type']))).toEqual(expected.map(() => 'rss'));
    expect(opml).not.toContain('<script>');
  });
});

describe('index.html', () => {
  it('has autodiscovery links for the site feed, a readable page, and escapes everything', async () => {
    const dir = makeSite({ 'a.md': article({ title: NASTY, day: 1, author: NASTY, tags: ['x'] }) }, { title: NASTY, description: NASTY, feeds: { tags: true } });
    await buildSite(dir);
    const html = readOut(dir, 'index.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain('<script>');
    const { document } = parseHTML(html);
    const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(alternates).toEqual([
      ['application/rss+xml', 'rss.xml'],
      ['application/atom+xml', 'atom.xml'],
      ['application/feed+json', 'feed.json'],
    ]);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const clean = NASTY.replace('\u0001', '');
    expect(document.querySelector('h1')?.textContent).toBe(clean);
    expect(document.querySelector('ol.items a')?.textContent).toBe(clean.trim()); // article titles are trimmed
    expect(document.body.textContent).toContain('https://example.com/rss.xml');
    expect([...document.querySelectorAll('ul.sets a')].map((a) => a.getAttribute('href'))).toEqual(['tags/x/rss.xml', 'tags/x/atom.xml', 'tags/x/feed.json']);
  });

  it('is not written with "index": false; nor the stylesheet with "stylesheet": false', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) }, { index: false, stylesheet: false });
    const result = await buildSite(dir);
    expect(result.files.map((f) => f.name).sort()).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
    expect(readOut(dir, 'rss.xml')).not.toContain('xml-stylesheet');
  });
});

describe('feed.xsl', () => {
  it('is a well-formed XSLT 1.0 stylesheet that handles RSS and Atom', () => {
    const xsl = feedStylesheet();
    assertWellFormed(xsl);
    expect(xsl).toContain('<xsl:stylesheet version="1.0"');
    expect(xsl).toContain('match="channel"');
    expect(xsl).toContain('match="atom:feed"');
    // Firefox ignores disable-output-escaping: summaries must be shown as text.
    expect(xsl).not.toMatch(/disable-output-escaping="yes"/);
  });

  it('is written to the output folder and referenced from RSS and Atom, not JSON', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) });
    await buildSite(dir);
    expect(readOut(dir, 'feed.xsl')).toBe(feedStylesheet());
    expect(readOut(dir, 'rss.xml')).toContain('<?xml-stylesheet type="text/xsl" href="feed.xsl"?>');
    expect(readOut(dir, 'atom.xml')).toContain('<?xml-stylesheet type="text/xsl" href="feed.xsl"?>');
  });
});

describe('index.html with archives', () => {
  it('lists the newest articles from all pages, not only the current feed', async () => {
    const articles: Record<string, string> = {};
    for (let i = 0; i < 5; i++) articles[`a${i}.md`] = article({ title: `Article ${i}`, day: i });
    const dir = makeSite(articles, { archive: true, limit: 2 });
    await buildSite(dir);
    const { document } = parseHTML(readOut(dir, 'index.html'));
    expect([...document.querySelectorAll('ol.items a')].map((a) => a.textContent)).toEqual(['Article 4', 'Article 3', 'Article 2', 'Article 1', 'Article 0']);
  });
});
