/**
 * Dates at the edges of what feeds can carry: year 0 is refused (date-fns writes it as 0001, so it
 * was published as another year), and years 1-99 are read as written by `check` (Date.UTC takes
 * 0-99 as 1900-1999, which made every such pubDate a false weekday mismatch).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { formatRfc822, formatRfc3339 } from '../../src/meta/format.js';
import { parseRfc822, parseRfc3339 } from '../../src/validate/text.js';
import { codes, find, makeSite, run, type Site, titlesEverywhere } from './helpers.js';

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

/** The instant of `iso` with its year as written (Date.parse reads years 0-99 as written too). */
const at = (iso: string): Date => new Date(Date.parse(iso));

describe('year 0 and years 1-99', () => {
  it('date: 0000-06-15 is an error naming the file and line (META_DATE_OUT_OF_RANGE); the article is left out, the others are built', async () => {
    const s = makeSite({ 'zero.md': '---\ntitle: Year zero\ndate: 0000-06-15\n---\nBody.\n' });
    sites.push(s);
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    const d = find(r, 'META_DATE_OUT_OF_RANGE');
    expect(d).toMatchObject({ severity: 'error', file: 'articles/zero.md', line: 3 });
    expect(d?.message).toContain('0000-06-15');
    expect(titlesEverywhere(s.out)).toEqual(['Good one', 'Good two']);
    // Never published as another year.
    expect(feedsText(s.out)).not.toContain('0001');
  });

  it('date: 0050-06-15 is published as 0050 (a warning, as any implausible year), with no false weekday warning', async () => {
    const s = makeSite({ 'fifty.md': '---\ntitle: Year fifty\ndate: 0050-06-15\n---\nBody.\n' });
    sites.push(s);
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.OK);
    expect(codes(r)).toContain('META_DATE_IMPLAUSIBLE');
    expect(codes(r).filter((c) => c.includes('WEEKDAY'))).toEqual([]);
    const c = await run(s.dir, ['check', 'dist']);
    expect(c.report.diagnostics ?? []).toEqual([]);
    expect(feedsText(s.out)).toContain('Wed, 15 Jun 0050 00:00:00 GMT');
  });

  it('parseRfc822 and parseRfc3339 read years 1-99 as written', () => {
    for (const iso of ['0001-01-01T00:00:00Z', '0050-06-15T12:34:56Z', '0099-12-31T23:59:59Z', '0004-02-29T00:00:00Z']) {
      const date = at(iso);
      expect(date.getUTCFullYear()).toBe(Number(iso.slice(0, 4)));
      const rfc822 = parseRfc822(formatRfc822(date));
      expect(rfc822, formatRfc822(date)).toMatchObject({ ok: true, time: date.getTime() });
      if (rfc822.ok) expect(rfc822.actualWeekday).toBe(rfc822.weekday);
      expect(parseRfc3339(formatRfc3339(date), true)).toBe(date.getTime());
    }
    // Two-digit years keep RFC 822's meaning (50-99: 1900s; 00-49: 2000s).
    expect(parseRfc822('Thu, 15 Jun 50 00:00:00 GMT')).toMatchObject({ ok: true, time: Date.UTC(1950, 5, 15) });
  });
});

/** The three feeds' text. */
function feedsText(out: string): string {
  return ['rss.xml', 'atom.xml', 'feed.json'].map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n');
}
