/**
 * The clock probe decides which text and HTML articles are cached: one whose dates are read
 * relative to the build time must not be. It replaced reading the whole article twice, so the
 * property here is the old rule's soundness: whenever the probe says "does not depend on the clock",
 * reading the article against a reference a year earlier gives exactly the same document.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeClock } from '../../src/meta/clock-probe.js';
import { loadReaders, type ReadContext, readDocument } from '../../src/sources/read.js';
import type { SourceKind } from '../../src/model.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const EARLIER = new Date(NOW.getTime() - 400 * 86_400_000 - 7 * 3_600_000);
const ctx = (now: Date): ReadContext => ({ timezone: 'Europe/Berlin', template: new Set(), dropPatterns: [], keepPatterns: [], now });

function read(kind: SourceKind, text: string, now = NOW) {
  return readDocument({ kind, relPath: `a.${kind === 'html' ? 'html' : 'txt'}`, displayPath: `articles/a.${kind}` }, text, ctx(now));
}

function probed(kind: SourceKind, text: string): boolean {
  return probeClock(EARLIER, () => read(kind, text)).clockDependent;
}

const BODY = 'The council met on a wet morning and agreed, after a long debate, that the bridge works would go ahead in stages.';
const textArticle = (dateLine: string) => `A Story About the Bridge\n\nBy Sam Roe - ${dateLine}\n\n${BODY}\n\n${BODY.replace('council', 'committee')}\n`;
const htmlArticle = (head: string, dateText: string) =>
  `<!DOCTYPE html><html><head><title>A Story</title>${head}</head><body><article><h1>A Story</h1><p class="dateline">${dateText}</p><p>${BODY}</p><p>${BODY.replace('council', 'committee')}</p></article></body></html>`;

beforeAll(async () => {
  await loadReaders(['text', 'html']);
});

describe('the clock probe', () => {
  it('marks text articles dated relative to the clock, and only those', () => {
    for (const line of ['2 hours ago', 'yesterday', 'vor 3 Tagen']) expect(probed('text', textArticle(line)), line).toBe(true);
    // A day without a year and a time alone are no date at all (issue 12), so they do not depend on the clock either.
    for (const line of ['March 5, 2021', '2021-03-05 09:30', '5 March 2021', 'March 5', 'Monday 9:30']) expect(probed('text', textArticle(line)), line).toBe(false);
  });

  it('marks HTML pages whose dates are relative, and only those; a date without a year is no date', () => {
    expect(probed('html', htmlArticle('<meta property="article:published_time" content="2 days ago">', 'x'))).toBe(true);
    expect(probed('html', htmlArticle('<meta property="article:published_time" content="March 5 10:00">', 'x'))).toBe(false);
    expect(probed('html', htmlArticle('<meta property="article:published_time" content="2021-03-05T10:00:00Z">', 'x'))).toBe(false);
    expect(probed('html', htmlArticle('<meta property="article:published_time" content="March 5, 2021 10:00">', 'x'))).toBe(false);
  });

  it('is closed after the read, so date reads outside a build are not counted', () => {
    probeClock(EARLIER, () => read('text', textArticle('2 hours ago')));
    expect(probeClock(EARLIER, () => read('text', textArticle('March 5, 2021'))).clockDependent).toBe(false);
  });

  it('whenever it says "not clock-dependent", a read against another clock gives the same document', () => {
    const dateText = fc.constantFrom(
      '2 hours ago',
      'yesterday',
      'today',
      'March 5',
      '5 March',
      'Monday',
      'last Friday',
      '3 days ago',
      'March 5, 2021',
      '2021-03-05',
      '05/03/2021',
      'Updated 10:30',
      'hace 2 días',
      'il y a 3 heures',
      'vor 2 Tagen',
      '12. März',
      '12. März 2021',
      'ontem',
      '',
    );
    const arbitraryText = fc.tuple(fc.array(dateText, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([dates, byline]) => {
      const lines = dates.map((d, i) => (byline && i === 0 ? `By Sam Roe - ${d}` : `${d}`));
      return { kind: 'text' as const, text: `A Story About the Bridge\n\n${lines.join('\n\n')}\n\n${BODY}\n\n${BODY.replace('council', 'committee')}\n` };
    });
    const arbitraryHtml = fc.tuple(dateText, dateText, dateText).map(([meta, time, line]) => ({
      kind: 'html' as const,
      text: htmlArticle(`<meta property="article:published_time" content="${meta}"><meta name="date" content="${line}">`, `<time datetime="${time}">${line}</time>`),
    }));
    fc.assert(
      fc.property(fc.oneof(arbitraryText, arbitraryHtml), ({ kind, text }) => {
        if (probed(kind, text)) return;
        expect(read(kind, text, EARLIER)).toEqual(read(kind, text));
      }),
      { numRuns: 150, seed: 28 },
    );
  });
});
