/**
 * Dates as the source states them (issue 12): the feeds write a found date at the offset it was
 * written at, so they show the calendar day the page shows; a page that states only an update date
 * was published then.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRfc822, formatRfc3339 } from '../../src/meta/format.js';
import { buildProject, makeProject } from '../helpers/project.js';

const BODY = '<p>The council voted on Tuesday to close the old bridge for repairs that will take most of the year, and the ferry will run again.</p><p>Residents said the closure would lengthen their commute, but most agreed that the repairs were overdue after years of delay.</p>';
const page = (head: string): string => `<!doctype html><html lang="en"><head><title>Bridge closes</title>${head}</head><body><article><h1>Bridge closes</h1>${BODY}</article></body></html>`;

describe('formatting at an offset', () => {
  const instant = new Date('2024-03-04T23:30:00Z');
  it('writes the wall clock and the offset, or UTC without one', () => {
    expect(formatRfc3339(instant, 60)).toBe('2024-03-05T00:30:00+01:00');
    expect(formatRfc3339(instant, -330)).toBe('2024-03-04T18:00:00-05:30');
    expect(formatRfc3339(instant)).toBe('2024-03-04T23:30:00Z');
    expect(formatRfc3339(instant, 0)).toBe('2024-03-04T23:30:00Z');
    expect(formatRfc822(instant, 60)).toBe('Tue, 05 Mar 2024 00:30:00 +0100');
    expect(formatRfc822(instant, -300)).toBe('Mon, 04 Mar 2024 18:30:00 -0500');
    expect(formatRfc822(instant)).toBe('Mon, 04 Mar 2024 23:30:00 GMT');
  });

  it("an offset no time zone uses (a source's +20:00, a typo for +02:00) is written in UTC, the same instant: Atom's grammar allows ±14:00", () => {
    expect(formatRfc3339(instant, 20 * 60)).toBe('2024-03-04T23:30:00Z');
    expect(formatRfc822(instant, -15 * 60)).toBe('Mon, 04 Mar 2024 23:30:00 GMT');
    expect(formatRfc3339(instant, 14 * 60)).toBe('2024-03-05T13:30:00+14:00');
  });
});

describe('in a build', () => {
  it('shows the day the page states, in every feed, from a fresh and from a cached build', async () => {
    const { dir, out } = makeProject(
      { 'bridge.html': page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge closes","datePublished":"2024-03-05T00:30:00+01:00"}</script>') },
      { cache: '.cache', future: 'include' },
    );
    for (const run of [1, 2]) {
      const result = await buildProject(dir);
      expect((await result.articles())[0]?.published.value.toISOString(), `run ${run}`).toBe('2024-03-04T23:30:00.000Z');
      const json = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'));
      expect(json.items[0].date_published, `run ${run}`).toBe('2024-03-05T00:30:00+01:00');
      expect(readFileSync(path.join(out, 'atom.xml'), 'utf8')).toContain('<published>2024-03-05T00:30:00+01:00</published>');
      expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toContain('<pubDate>Tue, 05 Mar 2024 00:30:00 +0100</pubDate>');
    }
  });

  it('publishes a page that states only a modified date at that date, not at its mtime', async () => {
    const { dir } = makeProject({ 'bridge.html': page('<meta property="article:modified_time" content="2023-06-07T10:00:00Z">') }, { future: 'include' });
    const result = await buildProject(dir);
    const a = (await result.articles())[0];
    expect(a?.published.value.toISOString()).toBe('2023-06-07T10:00:00.000Z');
    expect(a?.published.from).toBe('meta-tag');
    expect(result.diagnostics.map((d) => d.code)).not.toContain('META_DATE_FROM_MTIME');
  });

  it('writes a front matter date at the offset it was written at, or the zone it was read in, so the feeds show the day the author wrote', async () => {
    const { dir, out } = makeProject(
      {
        'plain-day.md': '---\ntitle: Plain day\ndate: 2024-03-05\n---\nBody.\n',
        'with-offset.md': '---\ntitle: With offset\ndate: 2024-03-07T08:00:00+09:00\nupdated: 2024-03-08 07:00:00 -0500\n---\nBody.\n',
        'in-utc.md': '---\ntitle: In UTC\ndate: 2024-03-06T01:00:00Z\n---\nBody.\n',
        'named-zone.md': '---\ntitle: Named zone\ndate: Wed, 06 Mar 2024 10:00:00 GMT\n---\nBody.\n',
      },
      { timezone: 'Asia/Tokyo', future: 'include', cache: '.cache' },
    );
    await buildProject(dir);
    // The second build reads the articles from the cache: the offsets must survive it.
    rmSync(out, { recursive: true, force: true });
    await buildProject(dir);
    const items = (JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as { items: { title: string; date_published: string; date_modified: string }[] }).items;
    const byTitle = Object.fromEntries(items.map((i) => [i.title, [i.date_published, i.date_modified]]));
    expect(byTitle['Plain day']?.[0]).toBe('2024-03-05T00:00:00+09:00');
    expect(byTitle['With offset']).toEqual(['2024-03-07T08:00:00+09:00', '2024-03-08T07:00:00-05:00']);
    expect(byTitle['In UTC']?.[0]).toBe('2024-03-06T01:00:00Z');
    expect(byTitle['Named zone']?.[0]).toBe('2024-03-06T10:00:00Z');
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toContain('<pubDate>Tue, 05 Mar 2024 00:00:00 +0900</pubDate>');
  });
});
