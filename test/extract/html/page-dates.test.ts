import { describe, expect, it } from 'vitest';
import { statedOffset } from '../../../src/extract/dates.js';
import { extractHtml } from '../../../src/extract/html/index.js';
import { urlDate } from '../../../src/extract/html/page-dates.js';
import { foundDates } from '../../../src/sources/read.js';
import { probeClock } from '../../../src/meta/clock-probe.js';
import { article, jsonLd, page, paragraphs } from './helpers.js';

const opts = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') };

/** The calendar day a found date states (its instant at the offset it was stated with). */
function day(date: Date | undefined): string | undefined {
  if (!date) return undefined;
  return new Date(date.getTime() + (statedOffset(date) ?? 0) * 60_000).toISOString().slice(0, 10);
}

function withHeader(header: string, extra = ''): string {
  return `<header><h1>Council approves river works</h1>${header}</header>${article(paragraphs(4))}${extra}`;
}

describe('HTML dates chosen among scored candidates', () => {
  it('reads an itemprop date from its text when it has no datetime or content attribute (microdata, issue 12)', () => {
    const filler = Array.from({ length: 150 }, (_, k) => `<span>${k}</span>`).join('');
    const html = page({ body: `<div class="post-header">${filler}<span class="publishdate" itemprop="datePublished"> May 19, 2020 </span><span>Jun 2, 2021</span></div>${article(paragraphs(4))}` });
    expect(day(extractHtml(html, opts).found.published?.value)).toBe('2020-05-19');
  });

  it('takes a date shown under the headline when the markup states none, its label in a sibling element', () => {
    const { found } = extractHtml(page({ body: withHeader('<p class="meta"><span>Datum:</span>26. Januar 2022</p>') }), opts);
    expect(day(found.published?.value)).toBe('2022-01-26');
    expect(found.published?.from).toBe('date-line');
  });

  it('never takes a comment date or a teaser list date for the article', () => {
    const comments = '<div id="comments"><div class="comment-meta">24. August 2019 um 03:36 Uhr</div><p>Schöner Beitrag!</p></div>';
    const teasers = '<div class="related-teasers"><span class="date">01. Juli 2020</span><a href="/x">Andere Geschichte</a></div>';
    const onlyThose = extractHtml(page({ body: withHeader('', comments + teasers) }), opts);
    expect(onlyThose.found.published).toBeUndefined();
    const stated = extractHtml(page({ body: withHeader('<p>Veröffentlicht am 16.08.2019</p>', comments + teasers) }), opts);
    expect(day(stated.found.published?.value)).toBe('2019-08-16');
  });

  it('counts a date that JSON-LD and a meta tag both state once: the day shown, which the update date states, wins', () => {
    const html = page({
      head: `${jsonLd({ '@type': 'NewsArticle', headline: 'Council approves river works', datePublished: '2019-06-17', dateModified: '2020-06-04T16:41:46Z' })}<meta property="article:published_time" content="2019-06-17">`,
      body: withHeader('<p class="date">4. Juni 2020</p>'),
    });
    expect(day(extractHtml(html, opts).found.published?.value)).toBe('2020-06-04');
  });

  it('does not take a date shown far from the headline that no markup states, when the page shows another day too', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/a${i}">Story ${i}</a></li>`).join('');
    const far = extractHtml(page({ body: withHeader('', `<ul class="links">${links}</ul><div class="box"><span class="stamp">23.02.2020</span></div><div class="box"><span class="stamp">14.02.2020</span></div>`) }), opts);
    expect(far.found.published).toBeUndefined();
    const near = extractHtml(page({ body: withHeader('<div class="box"><span class="stamp">23.02.2020</span></div>', `<ul class="links">${links}</ul>`) }), opts);
    expect(day(near.found.published?.value)).toBe('2020-02-23');
  });

  // Issue 14 (r20-extract): "Erschienen am: 01.11.2023" under a long teaser list.
  it('takes a date shown far from the headline when its own text labels it as the publication date', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/a${i}">Story ${i}</a></li>`).join('');
    const labelled = extractHtml(page({ body: withHeader('', `<ul class="links">${links}</ul><div class="box"><span class="stamp">Erschienen am: 23.02.2020</span></div><div class="box"><span class="stamp">14.02.2020</span></div>`) }), opts);
    expect(day(labelled.found.published?.value)).toBe('2020-02-23');
    // Beyond the reach of the shown dates, beside another day, a label does not help.
    const more = Array.from({ length: 90 }, (_, i) => `<li><a href="/a${i}">Story ${i}</a></li>`).join('');
    const beyond = extractHtml(page({ body: withHeader('', `<ul class="links">${more}</ul><div class="box"><span class="stamp">Erschienen am: 23.02.2020</span></div><div class="box"><span class="stamp">14.02.2020</span></div>`) }), opts);
    expect(beyond.found.published).toBeUndefined();
  });

  it('shows the day the page shows when its markup wrote the same instant in UTC (time shown)', () => {
    const html = page({
      head: jsonLd({ '@type': 'NewsArticle', headline: 'Council approves river works', datePublished: '2023-11-09T05:30:59Z' }),
      body: withHeader('<div class="time">PUBLISHED: November 8, 2023 at 11:30 p.m.</div>'),
    });
    const { found } = extractHtml(html, opts);
    expect(found.published?.value.toISOString()).toBe('2023-11-09T05:30:59.000Z');
    expect(statedOffset(found.published?.value as Date)).toBe(-360);
    expect(day(found.published?.value)).toBe('2023-11-08');
  });

  it('shows the day of the URL when the markup wrote a local midnight in UTC, and nothing shifts without it', () => {
    const html = page({ head: '<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">', body: withHeader('') });
    const withUrl = extractHtml(html, { ...opts, url: 'https://blog.example/2019/01/01/ins-neue-jahr/' });
    expect(day(withUrl.found.published?.value)).toBe('2019-01-01');
    expect(withUrl.found.published?.value.toISOString()).toBe('2018-12-31T23:11:59.000Z');
    const without = extractHtml(html, opts);
    expect(day(without.found.published?.value)).toBe('2018-12-31');
  });

  it('takes the markup date the page shows when its publication and modification dates differ', () => {
    const head = jsonLd({ '@type': 'Article', headline: 'Council approves river works', datePublished: '2021-11-22T18:42:22+01:00', dateModified: '2023-01-01T10:00:00+01:00' });
    const shown = extractHtml(page({ head, body: withHeader('<time>1. Januar 2023</time>') }), opts);
    expect(day(shown.found.published?.value)).toBe('2023-01-01');
    const notShown = extractHtml(page({ head, body: withHeader('') }), opts);
    expect(day(notShown.found.published?.value)).toBe('2021-11-22');
    // A shown date labelled as an update leaves the publication date alone.
    const updated = extractHtml(page({ head, body: withHeader('<p>Aktualisiert am 1. Januar 2023</p>') }), opts);
    expect(day(updated.found.published?.value)).toBe('2021-11-22');
  });

  it('lets a shown date beat a generic <meta name=date>, not article:published_time', () => {
    const body = withHeader('<div class="news-single-timedata">05.02.2020 - Redaktion: Eberhard Fuhr</div>');
    const generic = extractHtml(page({ head: '<meta name="date" content="2020-02-12">', body }), opts);
    expect(day(generic.found.published?.value)).toBe('2020-02-05');
    const specific = extractHtml(page({ head: '<meta property="article:published_time" content="2020-02-12T10:00:00+01:00">', body }), opts);
    expect(day(specific.found.published?.value)).toBe('2020-02-12');
  });

  it('reads a URL date path only with a day', () => {
    expect(urlDate('https://x.example/2021/03/05/slug')).toEqual({ year: 2021, month: 3, day: 5 });
    expect(urlDate('https://x.example/2021/03/slug')).toBeUndefined();
    expect(urlDate('not a url')).toBeUndefined();
  });
});

describe('HTML dates: the page language, the article box, update classes', () => {
  it("reads a shown slashed date as the page's language writes it", () => {
    const body = withHeader('<span class="wgt-date">Brasília 03/05/2022 21:44</span>');
    expect(day(extractHtml(page({ lang: 'pt-BR', body }), opts).found.published?.value)).toBe('2022-05-03');
    expect(day(extractHtml(page({ lang: 'en-GB', body }), opts).found.published?.value)).toBe('2022-05-03');
    expect(day(extractHtml(page({ lang: 'en-US', body }), opts).found.published?.value)).toBe('2022-03-05');
  });

  it('takes the URL date path as the publication day when nothing else states one', () => {
    const head = '<link rel="canonical" href="https://example.org/2014/05/18/council-approves-river-works/">';
    const { found } = extractHtml(page({ head, body: withHeader('') }), opts);
    expect(day(found.published?.value)).toBe('2014-05-18');
    const dated = extractHtml(page({ head, body: withHeader('<p class="meta">26. Januar 2022</p>') }), opts).found;
    expect(day(dated.published?.value)).toBe('2022-01-26');
  });

  it('takes the language of an XHTML page from xml:lang', () => {
    const body = withHeader('<span class="wgt-date">The Guardian 02/10/2020 Anna Fazackerley</span>');
    const xhtml = page({ body }).replace('<html>', '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB">');
    expect(day(extractHtml(xhtml, opts).found.published?.value)).toBe('2020-10-02');
  });

  it('reads the slashed dates of markup in the same way', () => {
    const head = '<meta property="article:published_time" content="10/05/2022 05:22 pm">';
    expect(day(extractHtml(page({ lang: 'es', head, body: withHeader('') }), opts).found.published?.value)).toBe('2022-05-10');
  });

  it('keeps the dates of a box that holds the headline, whatever its class says', () => {
    const body = `<div class="content-area sidebar"><h1>Council approves river works</h1><div class="entry-meta"><time datetime="2020-04-09T07:59:57+02:00">Do 9 Apr 2020</time></div>${article(paragraphs(4))}</div>`;
    expect(day(extractHtml(page({ body }), opts).found.published?.value)).toBe('2020-04-09');
  });

  it('takes a shown date classed "updated" for the update date, not the publication date', () => {
    const body = `<div class="entry-meta">Veröffentlicht am <time class="entry-date published">10. Februar 2019</time> <time class="updated">9. Februar 2019</time></div><h1>Council approves river works</h1>${article(paragraphs(4))}`;
    expect(day(extractHtml(page({ body }), opts).found.published?.value)).toBe('2019-02-10');
  });
});

describe("issue 12's precision rules, on whole pages", () => {
  it('never makes a date of a day without a year or a time alone, when the page has no full date', () => {
    const { found } = extractHtml(page({ body: withHeader('<p class="date">5. März</p><p class="time">14:32</p>') }), opts);
    expect(found.published).toBeUndefined();
  });

  it('never lets a month alone beat a full date, nor become the 1st', () => {
    const head = '<meta property="article:published_time" content="2018-04-17T09:00:00+02:00">';
    const { found } = extractHtml(page({ head, body: withHeader('<p class="date">April 2018</p>') }), opts);
    expect(day(found.published?.value)).toBe('2018-04-17');
    const alone = extractHtml(page({ body: withHeader('<p class="date">April 2018</p>') }), opts);
    expect(alone.found.published).toBeUndefined();
  });

  it('never infers a date after the reference (a "today" time still to come)', () => {
    const early = { ...opts, referenceDate: new Date('2026-12-01T10:00:00Z') };
    const { found } = extractHtml(page({ body: withHeader('<p class="date">Heute, 14:32</p>') }), early);
    expect(found.published).toBeUndefined();
  });

  it('gives a year-less day shown under the headline the year of a full date elsewhere on the page', () => {
    // Only a modification date in the markup: the shown "5. März" is the publication day, in its year.
    const head = jsonLd({ '@type': 'Article', headline: 'Council approves river works', dateModified: '2023-06-07T10:00:00+02:00' });
    const { found } = extractHtml(page({ head, body: withHeader('<p class="date">5. März</p>') }), opts);
    expect(day(found.published?.value)).toBe('2023-03-05');
    // From the URL's date path alone, too; "31 Dec" with 2 January is the year before.
    const url = extractHtml(page({ body: withHeader('<p class="date">Dec 31</p>') }), { ...opts, url: 'https://example.org/2024/01/02/river-works/' });
    expect(day(url.found.published?.value)).toBe('2023-12-31');
  });

  it('never resolves a year-less day to a date after the reference', () => {
    const head = jsonLd({ '@type': 'Article', headline: 'Council approves river works', dateModified: '2026-11-30T10:00:00Z' });
    const body = withHeader('<p class="date">30 November</p>');
    const late = extractHtml(page({ head, body }), { ...opts, referenceDate: new Date('2026-11-29T00:00:00Z') });
    expect(day(late.found.published?.value)).not.toBe('2026-11-30');
    expect(late.found.published?.from).not.toBe('date-line');
  });

  it('adds a time shown alone to a full date of the same day, and makes no date of it otherwise', () => {
    const head = '<meta property="article:published_time" content="2023-06-07">';
    const { found } = extractHtml(page({ head, body: withHeader('<p class="time">14:32 Uhr</p>') }), { ...opts, timezone: 'Europe/Berlin' });
    expect(found.published?.value.toISOString()).toBe('2023-06-07T12:32:00.000Z');
    // A full date with a time keeps its own.
    const timed = '<meta property="article:published_time" content="2023-06-07T09:15:00+02:00">';
    const kept = extractHtml(page({ head: timed, body: withHeader('<p class="time">14:32 Uhr</p>') }), { ...opts, timezone: 'Europe/Berlin' });
    expect(kept.found.published?.value.toISOString()).toBe('2023-06-07T07:15:00.000Z');
  });

  it('publishes a page that states only a modification date at that date', () => {
    const head = jsonLd({ '@type': 'Article', headline: 'Council approves river works', dateModified: '2023-06-07T10:00:00+02:00' });
    const found = foundDates(extractHtml(page({ head, body: withHeader('') }), opts).found);
    expect(found.published?.value.toISOString()).toBe('2023-06-07T08:00:00.000Z');
    expect(found.published?.offset).toBe(120);
  });

  it('takes the page’s one shown date far from the headline, and none when the page shows two days or the date is far off', () => {
    const filler = Array.from({ length: 80 }, (_, k) => `<div><span>Menu entry ${k}</span></div>`).join('');
    const lone = extractHtml(page({ body: withHeader('', `${filler}<div class="info">Letzte Änderung: 14.01.2022 um 09:25</div>`) }), opts);
    expect(day(lone.found.published?.value)).toBe('2022-01-14');
    const two = extractHtml(page({ body: withHeader('', `${filler}<div class="info">Letzte Änderung: 14.01.2022 um 09:25</div><p>Stand: 20.01.2022</p>`) }), opts);
    expect(two.found.published).toBeUndefined();
    const farFiller = Array.from({ length: 450 }, (_, k) => `<div><span>Menu entry ${k}</span></div>`).join('');
    const far = extractHtml(page({ body: withHeader('', `${farFiller}<div>This page was last modified on 4 November 2020, at 19:23.</div>`) }), opts);
    expect(far.found.published).toBeUndefined();
  });

  it('reads a dateline that opens the headline or the story’s first paragraph', () => {
    const inHeadline = extractHtml(page({ body: `<h1>23.01.2022 - Wierer jubelt beim Abschluss</h1>${article(paragraphs(4))}` }), opts);
    expect(day(inHeadline.found.published?.value)).toBe('2022-01-23');
    const [first = '', ...rest] = paragraphs(4);
    const inLead = extractHtml(page({ body: `<header><h1>Council approves river works</h1></header>${article([`01.02.2022 „${first}`, ...rest])}` }), opts);
    expect(day(inLead.found.published?.value)).toBe('2022-02-01');
    const event = extractHtml(page({ body: `<header><h1>Council approves river works</h1></header>${article([`On 1 February 2022 ${first}`, ...rest])}` }), opts);
    expect(event.found.published).toBeUndefined();
  });

  it('reads a UTC instant at exactly 20:00-23:00 as the next day stored as a midnight east of UTC, and nothing else', () => {
    const at = (content: string) => foundDates(extractHtml(page({ head: `<meta property="article:published_time" content="${content}">`, body: withHeader('') }), opts).found).published;
    const midnight = at('2022-11-06T23:00:00.000Z');
    expect(midnight?.value.toISOString()).toBe('2022-11-06T23:00:00.000Z');
    expect(midnight?.offset).toBe(60);
    expect(day(midnight?.value)).toBe('2022-11-07');
    expect(day(at('2020-06-30T22:00+00:00')?.value)).toBe('2020-07-01');
    // A clock's instant (seconds), an afternoon hour, or a time written without a zone: the day it states.
    expect(day(at('2022-11-06T23:00:05Z')?.value)).toBe('2022-11-06');
    expect(day(at('2022-11-06T13:00:00Z')?.value)).toBe('2022-11-06');
    expect(day(at('2022-11-06T23:00:00')?.value)).toBe('2022-11-06');
  });

  it("reads a <time>'s text that renders its stored midnight in UTC as the stored day", () => {
    const head = '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">';
    const body = withHeader('<div>Tipps von <address>Marie Jaster</address> <time class="Article__date" datetime="2022-11-06T23:00:00.000Z">6.11.22</time></div>');
    expect(day(extractHtml(page({ head, body }), opts).found.published?.value)).toBe('2022-11-07');
    // Without markup the <time> alone states the same.
    expect(day(extractHtml(page({ body }), opts).found.published?.value)).toBe('2022-11-07');
  });

  it('keeps the offset the markup states, so a local midnight stays on its day', () => {
    const head = '<meta property="article:published_time" content="2024-03-05T00:30:00+01:00">';
    const found = foundDates(extractHtml(page({ head, body: withHeader('') }), opts).found);
    expect(found.published?.value.toISOString()).toBe('2024-03-04T23:30:00.000Z');
    expect(found.published?.offset).toBe(60);
    expect(day(found.published?.value)).toBe('2024-03-05');
  });
});

describe('HTML dates: the headline they are placed against', () => {
  it('finds the chosen headline with soft hyphens in it, not a heading far before it', () => {
    const filler = Array.from({ length: 130 }, (_, i) => `<span>Menu ${i}</span>`).join('');
    const body = `<h1>Bundesamt für Dinge</h1>${filler}<h1>Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum</h1><p><time>1. Januar 2023</time></p>${article(paragraphs(4))}`;
    const head = `<meta property="og:title" content="Messengerdienste sind kein rechtsfreier Raum">${jsonLd({ '@type': 'Article', datePublished: '2021-11-22T18:42:22+01:00', dateModified: '2023-01-01T10:00:00+01:00' })}`;
    // The date shown under the headline agrees with the modification date: that day wins.
    expect(day(extractHtml(page({ head, body }), opts).found.published?.value)).toBe('2023-01-01');
  });
});

describe('HTML dates and the clock', () => {
  it('a relative date shown beside a markup date does not make the page depend on the clock', () => {
    const head = '<meta property="article:published_time" content="2022-01-28T08:20:11+00:00">';
    const html = page({ head, body: withHeader('<div class="herald-date">Erstellt: vor 4 Stunden</div>') });
    const probe = probeClock(new Date('2025-01-01T00:00:00Z'), () => extractHtml(html, opts));
    expect(day(probe.result.found.published?.value)).toBe('2022-01-28');
    expect(probe.clockDependent).toBe(false);
  });
});

describe('HTML dates: where a shown date counts (r8)', () => {
  const longHead = (n: number): string => Array.from({ length: n }, (_, k) => `<span>Menu ${k}</span>`).join('');

  it('reads a date in the main column of a layout with a sidebar, and restates a UTC instant at the day shown', () => {
    const head = `${jsonLd({ '@type': 'NewsArticle', datePublished: '2022-05-04T00:25:56.152Z' })}`;
    const body = `<main><div class="lay"><h1>Council approves river works</h1></div><div class="lay-sidebar"><div class="sidebar__main"><span class="mod-date"><time>3 de mayo de 2022</time></span>${article(paragraphs(4))}</div><div class="sidebar__aside">Ads</div></div></main>`;
    expect(day(extractHtml(page({ head, body }), opts).found.published?.value)).toBe('2022-05-03');
  });

  it('reads the date of an aside inside the article that holds the headline, not of an aside outside it', () => {
    const inside = `<article><h1>Council approves river works</h1><aside><ul class="meta"><li>Wissen</li><li class="date">26.02.2020</li></ul></aside>${paragraphs(4).map((p) => `<p>${p}</p>`).join('')}</article>`;
    expect(day(extractHtml(page({ body: inside }), opts).found.published?.value)).toBe('2020-02-26');
    const outside = `<article><h1>Council approves river works</h1>${paragraphs(4).map((p) => `<p>${p}</p>`).join('')}</article><aside><p class="date">26.02.2020</p></aside><aside><p class="date">14.01.2020</p></aside>`;
    expect(extractHtml(page({ body: outside }), opts).found.published).toBeUndefined();
  });

  it('reads a date standing alone between separators in a meta line, placed against an <h2> that is the title', () => {
    const body = `${longHead(140)}<h2 class="post_name">Council approves river works</h2><div class="post_meta"><span class="dot">⋅</span> November 22, 2011 <span class="dot">⋅</span> <a href="/email">Email this post</a> <span class="dot">⋅</span> <a href="/print">Diese Seite ausdrucken</a> <span class="dot">⋅</span> <a href="#comments">Kommentieren</a></div>${article(paragraphs(4))}`;
    const html = page({ head: '<title>Council approves river works</title>', body });
    expect(day(extractHtml(html, opts).found.published?.value)).toBe('2011-11-22');
  });

  it('does not take a forum member\'s registration date for the page\'s', () => {
    const body = withHeader('<div class="profile"><span>Registriert: 18.09.2008, 05:56</span></div><div class="post-meta"><span>Beitrag von r23 » 21.01.2009, 05:42</span></div>');
    expect(day(extractHtml(page({ body }), opts).found.published?.value)).toBe('2009-01-21');
  });

  it('prefers a date the template marks as a date, just before the headline, to a release date in the body\'s fact box', () => {
    const share = Array.from({ length: 6 }, (_, k) => `<span>Teilen ${k}</span>`).join('');
    const body = `<div class="date-outer"><h2 class="date-header"><span>Samstag, 9. September 2017</span></h2><div class="post"><div class="share">${share}</div><h1>Council approves river works</h1><div class="post-body"><div><b>Verlag:</b> Heyne</div><div><b>ISBN:</b> 9783453580565</div><div><b>Seiten:</b> 448</div><div><b>Format:</b> Broschur</div><div><b>Preis:</b> 12,99</div><div><b>Erscheinungsdatum:</b> 14.08.2017</div>${paragraphs(4).map((p) => `<p>${p}</p>`).join('')}</div></div></div>`;
    const html = page({ head: '<title>Council approves river works</title>', body });
    expect(day(extractHtml(html, opts).found.published?.value)).toBe('2017-09-09');
  });

  it('never places the article against a teaser heading inside a link that repeats the title', () => {
    const teasers = Array.from({ length: 3 }, (_, k) => `<div class="slide"><a href="/c${k}"><h3>${k === 1 ? 'Kolumne: River works' : `Kolumne ${k}`}</h3><div class="date">${20 + k}. September 2023</div></a></div>`).join('');
    const body = `<div class="page-header"><h2>Kolumne: River works - about the council's plans</h2></div><p><span class="text_datum">31. Oktober 2023.</span> ${paragraphs(1)[0]}</p>${article(paragraphs(3))}${'<p>filler</p>'.repeat(30)}<div class="more">${teasers}</div>`;
    const html = page({ head: '<title>Kolumne: River works</title>', body });
    expect(day(extractHtml(html, opts).found.published?.value)).toBe('2023-10-31');
  });

  it('reads a dotted day ("26.02.2020") as a day, not a time: a UTC instant is restated at a whole-hour offset', () => {
    const head = '<meta property="article:published_time" content="2020-02-25T23:30:00Z">';
    const found = foundDates(extractHtml(page({ head, body: withHeader('<p class="date">26.02.2020</p>') }), opts).found);
    expect(day(found.published?.value)).toBe('2020-02-26');
    expect(found.published?.offset).toBe(60);
  });

  it('shows the day the page prints by the headline when the markup instant (with its own offset) falls on the day before', () => {
    const head = '<meta property="article:published_time" content="2019-12-09T19:00:49+01:00">';
    const url = 'https://example.org/2019/12/09/council-approves-river-works/';
    const printed = extractHtml(page({ head, body: withHeader('<span class="date">10.12.19</span>') }), { ...opts, url }).found;
    expect(day(printed.published?.value)).toBe('2019-12-10');
    // Two days apart, the printed date is another thing's day: the markup and the URL agree.
    const apart = extractHtml(page({ head, body: withHeader('<span class="date">11.12.19</span>') }), { ...opts, url }).found;
    expect(day(apart.published?.value)).toBe('2019-12-09');
  });
});
