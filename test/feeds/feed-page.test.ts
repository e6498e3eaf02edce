import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { article, buildSite, makeSite, readOut } from './helpers.js';

const NASTY = `Tom & "Jerry" <script>alert(1)</script> ]]> \u0001`;

describe('feed.html (the main feed as a static page)', () => {
  it('lists every item of the main feed with its authors, tags and summary as text, escaping everything, without scripts', async () => {
    const dir = makeSite(
      {
        'a.md': article({ title: NASTY, day: 1, author: NASTY, tags: [NASTY], summary: NASTY }),
        'b.md': article({ title: 'Second', day: 2, author: 'Ann' }),
        'c.md': article({ title: 'Third', day: 3 }),
      },
      { title: NASTY, description: NASTY, archive: true, limit: 2 },
    );
    await buildSite(dir);
    const html = readOut(dir, 'feed.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain('<script>');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const clean = NASTY.replace('\u0001', '');
    expect(document.querySelector('h1')?.textContent).toBe(clean);
    // Newest first, from the archive pages too (limit 2 leaves the current feed one article).
    expect([...document.querySelectorAll('article h2 a')].map((a) => a.textContent)).toEqual(['Third', 'Second', clean.trim()]);
    expect([...document.querySelectorAll('article h2 a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com/c', 'https://example.com/b', 'https://example.com/a']);
    expect(document.querySelector('article .meta')?.textContent).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect([...document.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute('href'))).toEqual(['rss.xml', 'atom.xml', 'feed.json']);
    expect(document.body.textContent).toContain('https://example.com/atom.xml');
  });

  it('shows the authors, tags and the summary, and index.html links to it', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'T', day: 1, author: ['Ana', 'Bo'], tags: ['x', 'y'], summary: 'S <b>not bold.' }) });
    await buildSite(dir);
    const { document } = parseHTML(readOut(dir, 'feed.html'));
    expect(document.querySelector('.author')?.textContent).toBe('Ana and Bo');
    expect([...document.querySelectorAll('.tag')].map((t) => t.textContent)).toEqual(['x', 'y']);
    // A tag left open is no formatting (a paired one becomes its text, meta/resolve.ts): the page escapes it.
    expect(document.querySelector('.summary')?.textContent).toBe('S <b>not bold.');
    expect(parseHTML(readOut(dir, 'index.html')).document.querySelector('a[href="feed.html"]')).not.toBeNull();
  });
});
