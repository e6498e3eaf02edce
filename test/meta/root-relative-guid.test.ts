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
