import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * Posts a WordPress exporter wrote for Jekyll (anonymised from a Jekyll blog of 466 posts):
 * `id: 1613` (the post number) and `guid: /?p=1613`, the WordPress guid with the site's address
 * left out. The guid is the item's id (the old feed's), but a root-relative one failed the post
 * (META_ID_INVALID): 182 posts of that blog.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a guid written from the site root', () => {
  it("is the address on the site the feed's link gives it; other relative ids still fail", async () => {
    const post = (id: string, guid: string, title: string) => `---\nid: ${id}\ntitle: ${title}\ndate: 2018-03-13T10:12:01+01:00\nguid: ${guid}\n---\nText of the post.\n`;
    const dir = makeTree(
      {
        '_config.yml': 'title: Blog\nurl: "https://blog.example.org"\npermalink: /:year/:month/:day/:title/\n',
        '_posts/2018-03-13-gdpr.md': post('1613', '/?p=1613', 'GDPR'),
        '_posts/2018-03-14-other.md': post('1614', 'p1614', 'Other'),
      },
      'fw-guid-root-',
    );
    dirs.push(dir);
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    const r = await run(['build'], { cwd: dir });
    const errors = r.stderr.split('\n').filter((l) => l.includes('META_ID_INVALID'));
    expect(errors.length).toBe(1);
    expect(errors.every((l) => l.includes('2018-03-14-other.md'))).toBe(true);
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { id: string; title: string; url: string }[] };
    expect(feed.items.map((i) => [i.title, i.id, i.url])).toEqual([['GDPR', 'https://blog.example.org/?p=1613', 'https://blog.example.org/2018/03/13/gdpr/']]);
  });
});

describe('an id that is a bare UUID', () => {
  it('is its urn:uuid: URN (RFC 4122), not a failed post', async () => {
    // Anonymised from a Hexo blog whose post template writes `id: <uuid>` (126 of its 736 posts failed META_ID_INVALID).
    const dir = makeTree(
      {
        '_config.yml': 'title: Blog\nurl: https://blog.example.org\npermalink: :year/:month/:day/:title/\nnew_post_name: :title.md\n',
        'package.json': JSON.stringify({ name: 'blog', dependencies: { hexo: '^7.0.0' } }),
        'source/_posts/a.md': '---\ntitle: A\nid: 218C8A93-6a25-449d-9d0e-8362aa59418b\ndate: 2024-03-01 10:00:00\n---\nText of the post.\n',
        'source/_posts/b.md': '---\ntitle: B\nid: 218c8a93-6a25-449d-9d0e\ndate: 2024-03-02 10:00:00\n---\nText of the post.\n',
      },
      'fw-uuid-id-',
    );
    dirs.push(dir);
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    const r = await run(['build'], { cwd: dir });
    const errors = r.stderr.split('\n').filter((l) => l.includes('META_ID_INVALID'));
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain('b.md');
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { id: string; title: string }[] };
    expect(feed.items.map((i) => [i.title, i.id])).toEqual([['A', 'urn:uuid:218c8a93-6a25-449d-9d0e-8362aa59418b']]);
  });
});
