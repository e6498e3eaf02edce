import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDateValue } from '../../src/meta/dates.js';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A front matter date written time first (anonymised from a VitePress blog whose theme reads
 * `date: 23:24 2023/3/22` with JavaScript's `new Date(…)`): 148 of its 153 posts failed
 * META_DATE_UNPARSEABLE.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a date written time first', () => {
  it('is the same date and time as written date first', async () => {
    const post = (date: string) => `---\ntitle: T ${date}\ndate: ${date}\n---\nText of the post.\n`;
    const dir = makeTree({ 'posts/a.md': post('23:24 2023/3/22'), 'posts/b.md': post('9:05 2023/3/9'), 'posts/c.md': post('2023/3/22 23:24') }, 'fw-time-first-');
    dirs.push(dir);
    const r = await run(['build', '--articles', 'posts'], { cwd: dir });
    expect(r.stderr).not.toContain('META_DATE_UNPARSEABLE');
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; date_published: string }[] };
    const byTitle = Object.fromEntries(feed.items.map((i) => [i.title, i.date_published]));
    expect(byTitle['T 23:24 2023/3/22']).toBe(byTitle['T 2023/3/22 23:24']);
    expect(byTitle['T 23:24 2023/3/22']).toMatch(/^2023-03-22T23:24:00/);
    expect(byTitle['T 9:05 2023/3/9']).toMatch(/^2023-03-09T09:05:00/);
  });

  it('is read by the one front matter date reader, so an update date may be written so too', () => {
    expect(parseDateValue('23:24 2023/3/22', 'UTC')?.toISOString()).toBe('2023-03-22T23:24:00.000Z');
    expect(parseDateValue('23:24 2023/3/22', 'UTC')?.getTime()).toBe(parseDateValue('2023/3/22 23:24', 'UTC')?.getTime());
    expect(parseDateValue('23:24 tomorrow', 'UTC')).toBeUndefined();
  });
});

describe("schema.org's date keys", () => {
  it('datePublished or dateCreated is the publication date, dateModified the update (after the usual keys)', async () => {
    const dir = makeTree(
      {
        'posts/a.md': '---\ntitle: A\ndateCreated: 2019-02-03\ndateModified: 2019-05-06\n---\nText of the post.\n',
        'posts/b.md': '---\ntitle: B\ndatePublished: 2020-01-02\n---\nText of the post.\n',
        'posts/c.md': '---\ntitle: C\ndate: 2021-01-02\ndateCreated: 2019-01-01\n---\nText of the post.\n',
      },
      'fw-schema-dates-',
    );
    dirs.push(dir);
    const r = await run(['build', '--articles', 'posts'], { cwd: dir });
    expect(r.stderr).not.toContain('FM_UNKNOWN_KEY');
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; date_published: string; date_modified: string }[] };
    const by = Object.fromEntries(feed.items.map((i) => [i.title, i]));
    expect(by.A?.date_published).toMatch(/^2019-02-03/);
    expect(by.A?.date_modified).toMatch(/^2019-05-06/);
    expect(by.B?.date_published).toMatch(/^2020-01-02/);
    expect(by.C?.date_published).toMatch(/^2021-01-02/);
  });
});
