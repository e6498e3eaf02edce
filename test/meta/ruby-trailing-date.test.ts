import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDateValue } from '../../src/meta/dates.js';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A Jekyll post dated `2023-01-29 18:30:22 2023 -0800` (anonymised from a Jekyll site's docs: a
 * year typed twice). Jekyll reads a date string with Ruby's Time.parse, whose Date._parse takes the
 * ISO date, the time and a zone written right after it, and leaves the rest unread: the post is
 * published at 18:30:22 in the site's zone. feedwright failed it (META_DATE_UNPARSEABLE).
 * Checked with ruby 3.1: Time.parse("2023-01-29 18:30:22 2023 -0800") is 18:30:22 local,
 * Time.parse("2023-01-29 18:30:22 -0800 2023") 02:30:22Z the next day.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("a date with what Ruby's Time.parse leaves unread after its time", () => {
  it('is the date and time Ruby reads, in the site zone unless a zone follows the time', () => {
    const iso = (s: string, zone = 'UTC') => parseDateValue(s, zone)?.toISOString();
    expect(iso('2023-01-29 18:30:22 2023 -0800')).toBe('2023-01-29T18:30:22.000Z');
    expect(iso('2023-01-29 18:30:22 2023 -0800', 'Asia/Tokyo')).toBe('2023-01-29T09:30:22.000Z');
    expect(iso('2023-01-29 18:30:22 -0800 2023')).toBe('2023-01-30T02:30:22.000Z');
    expect(iso('2023-01-29T18:30:22 2023')).toBe('2023-01-29T18:30:22.000Z');
    expect(iso('2023-01-29 18:30:22.5 -08:00 (PST)')).toBe('2023-01-30T02:30:22.500Z');
    // Ruby's zero offsets by name (Nikola writes its dates so).
    expect(iso('2015-08-08 14:12:36 UTC', 'Asia/Tokyo')).toBe('2015-08-08T14:12:36.000Z');
    expect(iso('2023-01-29 18:30:22 GMT 2023')).toBe('2023-01-29T18:30:22.000Z');
  });

  it('is bounded: words, another date or a bad date after the time are still no date', () => {
    for (const s of ['2023-01-29 18:30:22 and then 2024', '2023-01-29 18:30 to 2023-02-01 10:00', '2023-02-30 18:30:22 2023', 'soon 18:30:22 2023']) {
      expect(parseDateValue(s, 'UTC'), s).toBeUndefined();
    }
  });

  it('publishes the Jekyll post at that time, in the site zone', async () => {
    const dir = makeTree(
      {
        '_config.yml': 'title: Docs\nurl: https://docs.example.org\ntimezone: America/Los_Angeles\n',
        '_posts/2023-01-29-release.md': '---\ntitle: Release\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nText of the post.\n',
        '_posts/2023-01-20-older.md': '---\ntitle: Older\n---\nText of the post.\n',
      },
      'fw-ruby-date-',
    );
    dirs.push(dir);
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    const r = await run(['build'], { cwd: dir });
    expect(r.stderr).not.toContain('META_DATE_UNPARSEABLE');
    expect(r.code).toBe(0);
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; url: string; date_published: string }[] };
    const item = feed.items.find((i) => i.title === 'Release');
    expect(item?.date_published).toBe('2023-01-29T18:30:22-08:00');
    expect(item?.url).toBe('https://docs.example.org/2023/01/29/release.html');
  });
});
