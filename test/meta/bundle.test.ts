/** Page bundles: relative URLs in `trip/index.md` resolve against the bundle's own URL (issue 13, item 8). */
import { describe, expect, it } from 'vitest';
import { bodyBaseUrl, isBundleIndex } from '../../src/meta/bundle.js';
import { buildProject, makeProject, readOut } from '../helpers/project.js';

describe('bodyBaseUrl', () => {
  it('treats a bundle\'s link as a directory, with or without a trailing slash or .html', () => {
    expect(bodyBaseUrl('https://site.example/trip', 'trip/index.md')).toBe('https://site.example/trip/');
    expect(bodyBaseUrl('https://site.example/trip/', 'trip/index.md')).toBe('https://site.example/trip/');
    expect(bodyBaseUrl('https://site.example/trip.html', 'trip/index.mdx')).toBe('https://site.example/trip/');
    expect(bodyBaseUrl('https://site.example/trip/index.html', 'trip/index.md')).toBe('https://site.example/trip/');
  });

  it('leaves other articles\' links as they are (a browser on the page resolves the same way)', () => {
    expect(bodyBaseUrl('https://site.example/post', 'post.md')).toBe('https://site.example/post');
    expect(bodyBaseUrl('https://site.example/index', 'index.md')).toBe('https://site.example/index');
    expect(isBundleIndex('a/indexes.md')).toBe(false);
  });
});

describe('a build with a page bundle', () => {
  it('links the bundle\'s images under the bundle\'s URL, not the site root', async () => {
    const { dir } = makeProject({
      'trip/index.md': '---\ntitle: Trip\ndate: 2025-01-02\n---\n![Lake](photo.jpg) and [the map](./maps/map.pdf), [home](/about/).\n',
      'note.md': '---\ntitle: Note\ndate: 2025-01-01\n---\n![x](img/x.png)\n',
    });
    await buildProject(dir);
    const json = JSON.parse(readOut(dir, 'feed.json')) as { items: Array<{ title: string; url: string; content_html: string }> };
    const trip = json.items.find((i) => i.title === 'Trip');
    expect(trip?.content_html).toContain(`src="${trip?.url.replace(/\/?$/, '/')}photo.jpg"`);
    expect(trip?.content_html).toContain('src="https://example.com/trip/photo.jpg"');
    expect(trip?.content_html).toContain('href="https://example.com/trip/maps/map.pdf"');
    expect(trip?.content_html).toContain('href="https://example.com/about/"');
    expect(json.items.find((i) => i.title === 'Note')?.content_html).toContain('src="https://example.com/img/x.png"');
  });
});
