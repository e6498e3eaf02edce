import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/extract/html/dom.js';
import { extractHtml } from '../../../src/extract/html/index.js';
import { extractMetadata } from '../../../src/extract/html/metadata.js';
import { article, jsonLd, page, paragraphs } from './helpers.js';

const BODY = article(paragraphs(4));
/** The article with its authors' names shown on the page (JSON-LD naming someone the page never shows is no author). */
const shownBody = (...names: string[]): string => article([`<p class="byline">${names.join(', ')}</p>`, ...paragraphs(4)]);
const opts = { timezone: 'UTC' };

describe('extractHtml metadata: JSON-LD', () => {
  it('reads a NewsArticle: headline, author object, dates, keywords, image, description', () => {
    const html = page({
      head: jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Council approves river works',
        author: { '@type': 'Person', name: 'Ada Lovelace', url: 'https://example.org/ada' },
        datePublished: '2024-03-05T10:20:00+01:00',
        dateModified: '2024-03-06T08:00:00Z',
        keywords: 'rivers, council,  works ',
        image: { '@type': 'ImageObject', url: 'https://example.org/river.jpg' },
        description: 'The council met and agreed.',
      }),
      body: shownBody('Ada Lovelace'),
    });
    const { found } = extractHtml(html, opts);
    expect(found.title).toEqual({ value: 'Council approves river works', from: 'json-ld' });
    expect(found.authors).toEqual({ value: [{ name: 'Ada Lovelace', url: 'https://example.org/ada' }], from: 'json-ld' });
    expect(found.published?.value.toISOString()).toBe('2024-03-05T09:20:00.000Z');
    expect(found.published?.from).toBe('json-ld');
    expect(found.updated?.value.toISOString()).toBe('2024-03-06T08:00:00.000Z');
    expect(found.tags).toEqual({ value: ['rivers', 'council', 'works'], from: 'json-ld' });
    expect(found.image).toEqual({ value: 'https://example.org/river.jpg', from: 'json-ld' });
    expect(found.summary).toEqual({ value: 'The council met and agreed.', from: 'json-ld' });
  });

  it('finds the article inside @graph and resolves an author given by @id', () => {
    const html = page({
      head: jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://example.org/#site', name: 'Example Site' },
          { '@type': 'WebPage', '@id': 'https://example.org/a#page', name: 'Page name | Example Site' },
          {
            '@type': 'BlogPosting',
            headline: 'Graph headline',
            author: { '@id': 'https://example.org/#grace' },
            datePublished: '2023-11-01T12:00:00Z',
          },
          { '@type': 'Person', '@id': 'https://example.org/#grace', name: 'Grace Hopper' },
        ],
      }),
      body: shownBody('Grace Hopper'),
    });
    const { found } = extractHtml(html, opts);
    expect(found.title?.value).toBe('Graph headline');
    expect(found.authors?.value).toEqual([{ name: 'Grace Hopper' }]);
    expect(found.published?.value.toISOString()).toBe('2023-11-01T12:00:00.000Z');
  });

  it('accepts a top-level array, an author array mixing strings and objects, and keyword arrays', () => {
    const html = page({
      head: jsonLd([
        { '@type': 'Organization', name: 'Example Org' },
        {
          '@type': ['Article', 'NewsArticle'],
          headline: 'Array headline',
          author: ['Alan Turing', { name: 'Katherine Johnson' }, { '@type': 'Person' }, 'Alan Turing'],
          keywords: ['space', 'maths'],
          image: ['https://example.org/1.jpg', 'https://example.org/2.jpg'],
        },
      ]),
      body: shownBody('Alan Turing', 'Katherine Johnson'),
    });
    const { found } = extractHtml(html, opts);
    expect(found.title?.value).toBe('Array headline');
    expect(found.authors?.value).toEqual([{ name: 'Alan Turing' }, { name: 'Katherine Johnson' }]);
    expect(found.tags?.value).toEqual(['space', 'maths']);
    expect(found.image?.value).toBe('https://example.org/1.jpg');
  });

  it('ignores an invalid JSON-LD block, reports it, and still reads the valid one', () => {
    const html = page({
      head: `<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "broken", }</script>${jsonLd({
        '@type': 'Article',
        headline: 'Valid headline',
      })}`,
      body: BODY,
    });
    const result = extractHtml(html, opts);
    expect(result.found.title?.value).toBe('Valid headline');
    expect(result.dropped.some((d) => d.rule === 'json-ld-invalid')).toBe(true);
  });

  it('decodes HTML character references left in JSON-LD strings and cleans author names', () => {
    const html = page({
      head: jsonLd({ '@type': 'BlogPosting', headline: '&#8216;The Medium&#8217; &amp; more', author: 'By Jo Park | Example News' }),
      body: shownBody('Jo Park'),
    });
    const { found } = extractHtml(html, opts);
    expect(found.title?.value).toBe('‘The Medium’ & more');
    expect(found.authors?.value).toEqual([{ name: 'Jo Park' }]);
  });

  it('ignores placeholder dates and falls back to the next source', () => {
    const html = page({
      head: `${jsonLd({ '@type': 'NewsArticle', headline: 'H', datePublished: '1901-01-01T00:00:00Z' })}<meta property="article:published_time" content="2019-11-19T10:00:00Z">`,
      body: BODY,
    });
    expect(extractHtml(html, opts).found.published).toEqual({ value: new Date('2019-11-19T10:00:00Z'), from: 'meta-tag' });
  });

  it('prefers JSON-LD over meta tags over <title>', () => {
    const html = page({
      head: `<title>Title tag | Site</title><meta property="og:title" content="OG title">${jsonLd({
        '@type': 'Article',
        headline: 'LD headline',
      })}`,
      body: BODY,
    });
    expect(extractHtml(html, opts).found.title).toEqual({ value: 'LD headline', from: 'json-ld' });
  });
});

describe('extractHtml metadata: meta tags', () => {
  it('falls back to Open Graph and article:* tags', () => {
    const html = page({
      head: [
        '<meta property="og:title" content="OG headline">',
        '<meta property="article:published_time" content="2022-07-01T09:00:00-04:00">',
        '<meta property="article:modified_time" content="2022-07-02T09:00:00Z">',
        '<meta property="article:author" content="Mary Somerville">',
        '<meta property="article:tag" content="science">',
        '<meta property="article:tag" content="history">',
        '<meta property="og:description" content="OG description.">',
        '<meta property="og:image" content="/img/lead.jpg">',
      ].join(''),
      body: BODY,
    });
    const { found } = extractHtml(html, { timezone: 'UTC', url: 'https://example.org/news/a.html' });
    expect(found.title).toEqual({ value: 'OG headline', from: 'meta-tag' });
    expect(found.published?.value.toISOString()).toBe('2022-07-01T13:00:00.000Z');
    expect(found.updated?.value.toISOString()).toBe('2022-07-02T09:00:00.000Z');
    expect(found.authors).toEqual({ value: [{ name: 'Mary Somerville' }], from: 'meta-tag' });
    expect(found.tags).toEqual({ value: ['science', 'history'], from: 'meta-tag' });
    expect(found.summary).toEqual({ value: 'OG description.', from: 'meta-tag' });
    expect(found.image).toEqual({ value: 'https://example.org/img/lead.jpg', from: 'meta-tag' });
  });

  it('reads name=author (several authors), name=keywords and name=description', () => {
    const html = page({
      head: '<meta name="author" content="By Ann Smith and Bob Jones"><meta name="keywords" content="a, b, a"><meta name="description" content="Plain description.">',
      body: BODY,
    });
    const { found } = extractHtml(html, opts);
    expect(found.authors?.value).toEqual([{ name: 'Ann Smith' }, { name: 'Bob Jones' }]);
    expect(found.tags?.value).toEqual(['a', 'b']);
    expect(found.summary?.value).toBe('Plain description.');
  });

  it('does not take an article:author profile URL for a name', () => {
    const html = page({ head: '<meta property="article:author" content="https://facebook.com/someone">', body: BODY });
    expect(extractHtml(html, opts).found.authors).toBeUndefined();
  });
});

describe('extractHtml metadata: markup', () => {
  it('takes the canonical link (resolved against the page URL) and <html lang>', () => {
    const html = page({ head: '<link rel="canonical" href="/news/river-works">', body: BODY, lang: 'en-GB' });
    const { found } = extractHtml(html, { timezone: 'UTC', url: 'https://example.org/amp/river' });
    expect(found.link).toEqual({ value: 'https://example.org/news/river-works', from: 'html' });
    expect(found.lang).toEqual({ value: 'en-GB', from: 'html' });
  });

  it('reads <time datetime>, rel=author and a byline element when there is no JSON-LD or meta', () => {
    const html = page({
      body: `<article><h1>Headline</h1><div class="byline">By <a rel="author" href="/people/rosalind">Rosalind Franklin</a></div>
        <time datetime="2021-04-25">April 25, 2021</time>${article(paragraphs(3))}</article>`,
    });
    const { found } = extractHtml(html, { timezone: 'UTC', url: 'https://example.org/a' });
    expect(found.authors).toEqual({ value: [{ name: 'Rosalind Franklin', url: 'https://example.org/people/rosalind' }], from: 'html' });
    expect(found.published).toEqual({ value: new Date('2021-04-25T00:00:00Z'), from: 'html' });
  });

  it('reads an author from a byline element (class author) with provenance byline', () => {
    const html = page({ body: `<p class="author-name">By Chien-Shiung Wu</p>${article(paragraphs(3))}` });
    expect(extractHtml(html, opts).found.authors).toEqual({ value: [{ name: 'Chien-Shiung Wu' }], from: 'byline' });
  });

  it('reads no names from an author box bio classed like a byline: two sentences of prose', () => {
    const bio = (text: string) => page({ body: article(['<h1>Rents rise</h1>', ...paragraphs(4), `<p class="author-bio">${text}</p>`]) });
    expect(extractHtml(bio('Alles über Gärten, Balkone und Kräuter-Beete. Dazu gibt es viele Tipps und Tricks für zu Hause.'), opts).found.authors).toBeUndefined();
    expect(extractHtml(bio('Writes about rivers, canals and old harbours. She also edits the weekend maps page.'), opts).found.authors).toBeUndefined();
    // Names with initials, a short line: still bylines.
    expect(extractHtml(bio('J. R. Smith, A. B. Jones'), opts).found.authors?.value).toEqual([{ name: 'J. R. Smith' }, { name: 'A. B. Jones' }]);
    expect(extractHtml(bio('Jane Doe and John Roe'), opts).found.authors?.value).toEqual([{ name: 'Jane Doe' }, { name: 'John Roe' }]);
  });

  it('strips a trailing site name from <title> when nothing better is there', () => {
    for (const [title, expected] of [
      ['River works approved after long debate | The Daily Example', 'River works approved after long debate'],
      ['River works approved after long debate - Example News', 'River works approved after long debate'],
      ['Example News: River works approved after long debate', 'Example News: River works approved after long debate'],
      ['Short title', 'Short title'],
    ] as const) {
      const { found } = extractHtml(page({ head: `<title>${title}</title>`, body: BODY }), opts);
      expect(found.title).toEqual({ value: expected, from: 'html' });
    }
  });

  it.each([
    ['Ann Smith, Bob Jones, and Cy Dale', ['Ann Smith', 'Bob Jones', 'Cy Dale']],
    ['By: Ann Smith', ['Ann Smith']],
    ['Da Silva Santos', ['Da Silva Santos']],
    ['Von Ann Smith und Bob Jones', ['Ann Smith', 'Bob Jones']],
  ])('splits and cleans a meta author by the text byline grammar: %j (issue 12)', (content, names) => {
    const html = page({ head: `<meta name="author" content="${content}">`, body: BODY });
    expect(extractHtml(html, opts).found.authors?.value).toEqual(names.map((name) => ({ name })));
  });

  it('does not take a comment form label or a credential for an author', () => {
    const html = page({
      head: '<meta name="author" content="Ilana Muhlstein, MS, RDN">',
      body: `${article(paragraphs(3))}<form id="commentform"><p class="comment-form-author"><label for="author">Name *</label><input id="author"></p></form>`,
    });
    expect(extractHtml(html, opts).found.authors?.value).toEqual([{ name: 'Ilana Muhlstein' }]);
    const labelOnly = page({ body: `${article(paragraphs(3))}<form><p class="comment-form-author"><label for="author">Nama (wajib)</label></p></form>` });
    expect(extractHtml(labelOnly, opts).found.authors).toBeUndefined();
  });

  it('strips the site name from og:title only when it is exactly og:site_name', () => {
    const html = page({
      head: '<meta property="og:title" content="Bike review | MoreBikes"><meta property="og:site_name" content="MoreBikes">',
      body: BODY,
    });
    expect(extractHtml(html, opts).found.title).toEqual({ value: 'Bike review', from: 'meta-tag' });
  });

  it('keeps the soft hyphens of the headline it takes, and compares titles without them', () => {
    const headline = 'Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum';
    const shown = extractHtml(page({ body: `<h1>${headline}</h1>${BODY}` }), opts).found.title;
    expect(shown).toEqual({ value: headline, from: 'html' });
    // og:title states the same words without them: it stays, with its provenance.
    const og = extractHtml(page({ head: '<meta property="og:title" content="Messengerdienste sind kein rechtsfreier Raum">', body: `<h1>${headline}</h1>${BODY}` }), opts).found.title;
    expect(og).toEqual({ value: 'Messengerdienste sind kein rechtsfreier Raum', from: 'meta-tag' });
  });

  it('strips the og:site_name exactly when it is known', () => {
    const html = page({ head: '<title>Works - Example News</title><meta property="og:site_name" content="Example News">', body: BODY });
    expect(extractHtml(html, opts).found.title?.value).toBe('Works');
  });
});

describe('extractHtml metadata: dates and time zones', () => {
  it('reads a date without offset as wall-clock time in the configured zone', () => {
    const html = page({ head: '<meta property="article:published_time" content="2024-01-15T12:00:00">', body: BODY });
    expect(extractHtml(html, { timezone: 'America/New_York' }).found.published?.value.toISOString()).toBe('2024-01-15T17:00:00.000Z');
    expect(extractHtml(html, { timezone: 'Asia/Tokyo' }).found.published?.value.toISOString()).toBe('2024-01-15T03:00:00.000Z');
  });

  it('keeps an explicit offset whatever the configured zone', () => {
    const html = page({ head: '<meta property="article:published_time" content="2024-01-15T12:00:00+0200">', body: BODY });
    expect(extractHtml(html, { timezone: 'America/New_York' }).found.published?.value.toISOString()).toBe('2024-01-15T10:00:00.000Z');
  });

  it('reads a human-written date with chrono, in the configured zone', () => {
    const html = page({ head: '<meta name="date" content="March 5, 2021 at 3:30 pm">', body: BODY });
    const found = extractHtml(html, { timezone: 'Europe/Paris', referenceDate: new Date('2024-06-01T00:00:00Z') }).found;
    expect(found.published?.value.toISOString()).toBe('2021-03-05T14:30:00.000Z');
  });

  it('leaves the date unset when the text is not a date', () => {
    const html = page({ head: '<meta property="article:published_time" content="soon">', body: BODY });
    expect(extractHtml(html, opts).found.published).toBeUndefined();
  });
});

describe('extractHtml metadata: the title among scored candidates', () => {
  it('takes the <h1> the other titles agree with, not the logo heading or the SEO og:title', () => {
    const html = page({
      head: '<title>Harbour bridge to close for repairs | Example News</title><meta property="og:title" content="Harbour bridge closing: all you need to know"><meta property="og:site_name" content="Example News">',
      body: `<header><h1 class="site-logo"><a href="/">Example News</a></h1></header>${article([`<h1>Harbour bridge to close for repairs</h1>`, ...paragraphs(4)])}`,
    });
    expect(extractHtml(html, opts).found.title).toEqual({ value: 'Harbour bridge to close for repairs', from: 'html' });
  });

  it('strips the site name from a <title> by comparing with og:site_name when no heading agrees', () => {
    const html = page({
      head: '<title>Example News » Blog Archive » Harbour bridge to close</title><meta property="og:site_name" content="Example News">',
      body: BODY,
    });
    expect(extractHtml(html, opts).found.title?.value).toBe('Harbour bridge to close');
  });
});

describe('extractHtml metadata: authors among scored candidates', () => {
  it('does not take a JSON-LD Organization or an organisation-shaped meta author for a person', () => {
    const html = page({
      head: `${jsonLd({ '@type': 'NewsArticle', headline: 'Rents rise', author: { '@type': 'Organization', name: 'Example Media' } })}<meta name="author" content="Example Media GmbH">`,
      body: BODY,
    });
    expect(extractHtml(html, opts).found.authors).toBeUndefined();
  });

  it("takes the article's byline over a teaser box's, and cleans role prefixes and link words", () => {
    const body = `<aside class="newsletter"><p class="byline">By Tom Teaser</p></aside>${article(['<h1>Rents rise</h1>', '<p class="author">Redakteurin: Jane Doe Twitter</p>', ...paragraphs(4)])}`;
    expect(extractHtml(page({ body }), opts).found.authors).toEqual({ value: [{ name: 'Jane Doe' }], from: 'byline' });
  });

  it('reads a byline written as text ("Von <a>Name</a>") and prefers it to a hidden structured name it disagrees with', () => {
    const body = article(['<h1>Rents rise</h1>', '<p>Von <a href="/autor/jd">Jana Dorn</a></p>', ...paragraphs(4)]);
    const html = page({ head: '<meta name="author" content="Webteam Example">', body });
    expect(extractHtml(html, opts).found.authors).toEqual({ value: [{ name: 'Jana Dorn' }], from: 'byline' });
  });

  it('keeps the people of a meta author list and drops the outlet ("Jane Doe, CNN")', () => {
    const html = page({ head: '<meta name="author" content="Rob Picheta, CNN">', body: article(['<h1>Rents rise</h1>', '<p>Rob Picheta reports.</p>', ...paragraphs(4)]) });
    expect(extractHtml(html, opts).found.authors?.value).toEqual([{ name: 'Rob Picheta' }]);
  });
});

describe('extractHtml metadata: author classes of the second dev set (issue 12)', () => {
  const authorsOf = (body: string, head = ''): unknown => extractHtml(page({ head, body }), opts).found.authors?.value;

  it("does not take the site's own name that only structured data states as the author", () => {
    const head = `<meta property="og:site_name" content="Example Insider">${jsonLd({ '@type': 'Article', headline: 'Rents rise', author: { '@type': 'Person', name: 'Example Insider' } })}`;
    const body = `<div class="logo">Example Insider</div>${article(['<h1>Rents rise</h1>', ...paragraphs(4)])}`;
    expect(authorsOf(body, head)).toBeUndefined();
  });

  it('does not read layout and taxonomy classes ("has-sidebar", "category-newsletter") as a teaser box', () => {
    const body = `<div class="has-sidebar content-sidebar-wrap"><article class="post category-no-newsletter-rss"><h1>Rents rise</h1><div class="entry-author">von Kathrin</div></article></div>`;
    const parsed = parseDocument(page({ body }));
    if (!parsed.ok) throw new Error('the test page does not parse');
    expect(extractMetadata(parsed.document, opts).found.authors?.value).toEqual([{ name: 'Kathrin' }]);
  });

  it('reads a byline whose lead is a label element ("<strong>Autor:</strong> <a>Name</a><br>", "<span>By</span><span>Name</span>")', () => {
    const strong = article(['<h1>Rents rise</h1>', ...paragraphs(4), '<p><strong>Autor:</strong> <a href="/profil/2">Klaus Friedrich</a><br><strong>Tags:</strong> <a href="/t">Wald</a></p>']);
    expect(authorsOf(strong)).toEqual([{ name: 'Klaus Friedrich' }]);
    const spans = article(['<h1>Rents rise</h1>', '<div class="x1"><span class="a9">By</span><span><a href="/team/jr">J.R. Stone</a></span></div>', ...paragraphs(4)]);
    expect(authorsOf(spans)).toEqual([{ name: 'J.R. Stone' }]);
    const block = article(['<h1>Rents rise</h1>', '<div class="wrap"><div class="f"><p class="label"><strong>By</strong></p></div><div class="f"><p>Tina Bates</p></div></div>', ...paragraphs(4)]);
    expect(authorsOf(block)).toEqual([{ name: 'Tina Bates' }]);
  });

  it('counts comments and blank lines as no children of a short byline element', () => {
    const body = article(['<h1>Rents rise</h1>', '<div class="wrote">\n By&nbsp;<a href="/reporters/jc">Jose de la Cruz</a>\n<!-- a -->\n<!-- b -->\n<!-- c -->\n<!-- d -->\n</div>', ...paragraphs(4)]);
    expect(authorsOf(body)).toEqual([{ name: 'Jose de la Cruz' }]);
  });

  it('reads the first line of an author box that goes on with other blocks', () => {
    const body = article(['<h1>Rents rise</h1>', `<div class="author"><a href="/autoren/gq/">Georg Quaas</a>, 21. Jan. 2015 <div class="rating">${'Eine realistische Interpretation des Multiplikators, 3.17 von 5 Sternen, 12 Stimmen. '.repeat(3)}</div></div>`, ...paragraphs(4)]);
    expect(authorsOf(body)).toEqual([{ name: 'Georg Quaas' }]);
  });

  it('prefers a byline that names more of the same people, or the same person in full, to structured data', () => {
    const head = jsonLd({ '@type': 'Article', headline: 'Rents rise', author: { '@type': 'Person', name: 'Rudolf Fischer' } });
    const body = article(['<h1>Rents rise</h1>', '<span class="author">von Rudolf Fischer, Simon Kohler</span>', ...paragraphs(4)]);
    expect(authorsOf(body, head)).toEqual([{ name: 'Rudolf Fischer' }, { name: 'Simon Kohler' }]);
  });

  it('takes no breadcrumb step nested in an author bar, nor the weekday a date classed like the byline leaves, for a name (r24)', () => {
    const crumbs = '<ul class="crumbs" itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/hyundai"><span itemprop="name">Hyundai</span></a></li></ul>';
    const bar = `<div class="article-author vcard"><time class="article-author-date published" datetime="2021-11-04T02:00:00+01:00">Donnerstag, 4. November 2021</time><div class="article-author-text">von <address class="article-author-name author"><a class="url fn n" href="/team">kberger</a></address></div>${crumbs}</div>`;
    expect(authorsOf(article(['<h1>Rents rise</h1>', bar, ...paragraphs(4)]))).toEqual([{ name: 'kberger' }]);
    // The author's own microdata name is still read.
    const own = '<div class="byline"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Karla Berger</span></span>, Reporterin</div>';
    expect(authorsOf(article(['<h1>Rents rise</h1>', own, ...paragraphs(4)]))).toEqual([{ name: 'Karla Berger' }]);
  });

  it('completes a first name in structured data with the surname a byline in the article\'s sidebar gives (r24)', () => {
    const head = jsonLd({ '@type': 'Article', headline: 'Rents rise', author: { '@type': 'Person', name: 'Todd' } });
    const sidebar = '<aside class="article-sidebar"><div class="f"><p class="label"><strong>By</strong></p></div><div class="f"><p class="full-name">Todd Bates</p></div></aside>';
    expect(authorsOf(article(['<h1>Rents rise</h1>', sidebar, ...paragraphs(4)]), head)).toEqual([{ name: 'Todd Bates' }]);
    // Another person in the sidebar (a teaser's author) is no completion.
    const other = sidebar.replace('Todd Bates', 'Tina Marsh');
    expect(authorsOf(article(['<h1>Rents rise</h1>', other, ...paragraphs(4)]), head)).toEqual([{ name: 'Todd' }]);
  });

  it('reads a lower-case user name in an element of its own after the lead words, and one with an underscore', () => {
    const body = article(['<h1>Rents rise</h1>', ...paragraphs(4), '<div class="submitted">Gespeichert von <span class="username">rasos</span> am 24. Juli 2017 - 18:55</div>']);
    expect(authorsOf(body)).toEqual([{ name: 'rasos' }]);
    const rel = article(['<h1>Rents rise</h1>', '<div class="meta">26 Mai, 2008 | <a href="/author/the_pain" rel="author">ThE_PaiN</a></div>', ...paragraphs(4)]);
    expect((authorsOf(rel) as { name: string }[]).map((p) => p.name)).toEqual(['ThE_PaiN']);
  });

  it('reads "Posted on <date> by <name>" in an element classed author', () => {
    const body = article(['<h1>Rents rise</h1>', '<div class="page-meta--author">Posted on September 21, 2020 by Adi Tzlil</div>', ...paragraphs(4)]);
    const parsed = parseDocument(page({ body }));
    if (!parsed.ok) throw new Error('the test page does not parse');
    expect(extractMetadata(parsed.document, opts).found.authors?.value).toEqual([{ name: 'Adi Tzlil' }]);
  });

  it('keeps one name of a profile box that glues the role to it and repeats it after "More by"', () => {
    const body = article(['<h1>Rents rise</h1>', '<a rel="author" href="/a/lr">Logan C. RitchieStaff Writer</a> <a rel="author" href="/a/lr">More by Logan C. Ritchie</a>', ...paragraphs(4)]);
    expect((authorsOf(body) as { name: string }[]).map((p) => p.name)).toEqual(['Logan C. Ritchie']);
  });
});

describe('extractMetadata: names that are not the article\'s byline (issue 12, spurious authors)', () => {
  const authorsOf = (body: string, head = ''): string[] | undefined => {
    const parsed = parseDocument(page({ head, body }));
    if (!parsed.ok) throw new Error('the test page does not parse');
    return extractMetadata(parsed.document, opts).found.authors?.value.map((p) => p.name);
  };
  const story = (...lines: string[]): string => article(['<h1>Rents rise</h1>', ...lines, ...paragraphs(3)]);

  it('does not read a byline from a box hidden by markup (hidden attribute, display:none, a hiding class)', () => {
    expect(authorsOf(story('<div class="hidden"><span class="author">Jana Dorn</span></div>'))).toBeUndefined();
    expect(authorsOf(story('<p hidden>Von Jana Dorn</p>'))).toBeUndefined();
    expect(authorsOf(story('<a rel="author" href="/u/1" style="display:none;">Jana Dorn</a>'))).toBeUndefined();
    // Responsive and print utilities hide on some screens only.
    expect(authorsOf(story('<div class="hidden-print"><span class="author">Jana Dorn</span></div>'))).toEqual(['Jana Dorn']);
  });

  // Issue 14 (r20-extract): the byline's element opens with the separator after the date beside it.
  it('reads a byline element that opens with a separator after the date before it', () => {
    expect(authorsOf(story('<div class="news-meta">05.02.2020 <span>-&nbsp;Redaktion: Jana Dorn (Pressesprecherin)</span></div>'))).toEqual(['Jana Dorn']);
  });

  it('does not read a photo credit or a caption as the byline', () => {
    expect(authorsOf(story('<div class="gallery__actions"><p class="photo-author">por Lena Kraus</p></div>'))).toBeUndefined();
    expect(authorsOf(story('<figure><img src="a.jpg" alt=""><figcaption>By Lena Kraus</figcaption></figure>'))).toBeUndefined();
    // A credits box of the article names its author.
    expect(authorsOf(story('<section class="c-article__credits"><span class="c-article-card__author">Ursula Egger</span></section>'))).toEqual(['Ursula Egger']);
  });

  it('does not take a consent box classed "authorization" for an author box', () => {
    const consent = '<div class="authorization-checkbox"><label class="authorization-checkbox__desc">Pour Télécharger Ce Son</label></div>';
    expect(authorsOf(story(consent))).toBeUndefined();
  });

  it("takes the article's byline over a carousel's or a recommendation list's", () => {
    const carousel = '<section id="recommande" class="selected-podcasts"><article class="podcast-card"><p class="podcast-card__author">Olivier Marin</p></article></section>';
    expect(authorsOf(`${carousel}${story('<p class="byline">Kristen Falk</p>')}`)).toEqual(['Kristen Falk']);
    const slider = '<div class="swiper-container"><p class="author">Anna Blum</p></div>';
    expect(authorsOf(`${slider}${story('<p class="byline">Kristen Falk</p>')}`)).toEqual(['Kristen Falk']);
  });

  it("does not take a publication's name (an article, then the site's or an outlet's name) for an author", () => {
    const head = `<meta property="og:site_name" content="Die Tagespresse">${jsonLd({ '@type': 'Article', headline: 'Rents rise', author: { '@type': 'Person', name: 'Die Tagespresse' } })}`;
    expect(authorsOf(story('<span class="author">Die Tagespresse</span>'), head)).toBeUndefined();
    expect(authorsOf(story('<p class="author">The Planetary Press</p>'))).toBeUndefined();
    // A name that only starts like one ("Le Corbusier") is a person's.
    expect(authorsOf(story('<p class="author">Le Corbusier</p>'))).toEqual(['Le Corbusier']);
  });

  it("does not take the site's name that two structured fields state and no byline shows", () => {
    const head = `<meta property="og:site_name" content="Ostland Direkt"><meta name="author" content="Ostland Direkt">${jsonLd({ '@type': 'NewsArticle', headline: 'Rents rise', author: { '@type': 'Person', name: 'Ostland Direkt' } })}`;
    expect(authorsOf(`<div class="logo">Ostland Direkt</div>${story()}`, head)).toBeUndefined();
    // Shown as the byline, the site's name is the author (a personal blog named after its author).
    expect(authorsOf(`<div class="logo">Ostland Direkt</div>${story('<span class="author vcard">Ostland Direkt</span>')}`, head)).toEqual(['Ostland Direkt']);
  });

  it('does not take a structured name the page shows only in its footer (the site owner), but keeps one it never shows', () => {
    const footer = '<footer><p>Copyright © 2020 by Paul Sieben - Alle Rechte vorbehalten</p></footer>';
    expect(authorsOf(`${story()}${footer}`, '<meta name="author" content="Paul Sieben">')).toBeUndefined();
    const both = `<meta name="author" content="Paul Sieben">${jsonLd({ '@type': 'Article', headline: 'Rents rise', author: 'Paul Sieben' })}`;
    expect(authorsOf(`${story()}${footer}`, both)).toBeUndefined();
    expect(authorsOf(story(), '<meta name="author" content="Paul Sieben">')).toEqual(['Paul Sieben']);
    expect(authorsOf(`${story('<p>Text: Paul Sieben</p>')}${footer}`, '<meta name="author" content="Paul Sieben">')).toEqual(['Paul Sieben']);
  });

  it('looks a structured name up as whole words ("Jan" is not shown by "Januar")', () => {
    const head = '<meta name="author" content="Jan">';
    expect(authorsOf(story('<p>Am 3. Januar begann der Umbau.</p>'), head)).toBeUndefined();
    expect(authorsOf(story('<p>Gruß, Jan</p>'), head)).toEqual(['Jan']);
  });

  // Issue 14 (r18-extract): textContent glues one box's words to the next ("janmehr", "jan6. november").
  it('looks a structured name up in the words a reader sees, not glued to the next box or to a date after an icon', () => {
    const head = '<meta name="author" content="Jan">';
    expect(authorsOf(story('<div class="who"><div>Jan</div><div>Mehr vom Autor</div></div>'), head)).toEqual(['Jan']);
    expect(authorsOf(story('<div class="info"><span><a href="/u/3">Jan</a></span><span class="sep"><i class="icon-x"></i></span><span>6. November 2023</span></div>'), head)).toEqual(['Jan']);
  });

  // Issue 14 (r18-extract): two structured fields of one plugin (JSON-LD and meta) agreeing is no sign the page shows the name.
  it('takes the byline the page shows over a name only structured data states, however many fields state it', () => {
    const head = `<meta name="author" content="Kai Roberts">${jsonLd({ '@type': 'Article', headline: 'Rents rise', author: { '@type': 'Person', name: 'Kai Roberts' } })}`;
    expect(authorsOf(story('<p class="byline">By <a href="/staff/dana-whitfield">Dana Whitfield</a></p>'), head)).toEqual(['Dana Whitfield']);
    // Alone, the structured name is still the author (a theme that shows no byline).
    expect(authorsOf(story(), head)).toEqual(['Kai Roberts']);
  });

  // Issue 14 (r20-extract): an SEO plugin writes the account that posted the page into the JSON-LD
  // graph as a Person node the article refers to (and often into a meta tag); a theme that shows
  // no byline states no author.
  it('does not take a Person the JSON-LD graph refers to as the author when the page never shows the name', () => {
    const person = 'https://example.org/#/schema/person/3fa92d';
    const graph = jsonLd({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Article', headline: 'Rents rise', author: { '@id': person } }, { '@type': 'Person', '@id': person, name: 'Kai Roberts' }] });
    expect(authorsOf(story(), graph)).toBeUndefined();
    expect(authorsOf(story(), `<meta name="author" content="Kai Roberts">${graph}`)).toBeUndefined();
    // Hidden by markup is not shown.
    expect(authorsOf(story('<div style="display: none"><span class="fn">Kai Roberts</span></div>'), graph)).toBeUndefined();
    // Shown, the account is the author.
    expect(authorsOf(story('<p>Kai Roberts</p>'), graph)).toEqual(['Kai Roberts']);
    // An author written in the article's own JSON-LD, and a lone meta author tag, still are.
    expect(authorsOf(story(), jsonLd({ '@type': 'Article', headline: 'Rents rise', author: { '@type': 'Person', name: 'Kai Roberts' } }))).toEqual(['Kai Roberts']);
    expect(authorsOf(story(), '<meta name="author" content="Kai Roberts">')).toEqual(['Kai Roberts']);
  });
});

describe('extractHtml metadata: a meta title cut by its markup', () => {
  // Issue 14 (r20-extract): `content="… calls Biden "unfit""` ends the attribute at the quote.
  it('puts back the quoted words an unescaped double quote cut from og:title, as <title> states them', () => {
    const head = '<title>Senator calls the plan "unfit" | Example News</title><meta property="og:title" content="Senator calls the plan "unfit"" />';
    const html = page({ head, body: article(paragraphs(4)) });
    expect(extractHtml(html, opts).found.title?.value).toBe('Senator calls the plan "unfit"');
    // A meta title that is the <title> without its site name stays as it is.
    const plain = page({ head: '<title>Senator calls the plan unfit | Example News</title><meta property="og:title" content="Senator calls the plan unfit" />', body: article(paragraphs(4)) });
    expect(extractHtml(plain, opts).found.title?.value).toBe('Senator calls the plan unfit');
  });
});

describe('extractHtml metadata: headings made of parts', () => {
  it('joins the parts of a heading with a space, but not before punctuation', () => {
    const html = page({ head: '<title>Frauen im THW: Vergangenheit und Zukunft</title>', body: article(['<h1><span>Frauen im THW</span><span>: Vergangenheit und Zukunft</span></h1>', ...paragraphs(4)]) });
    expect(extractHtml(html, opts).found.title?.value).toBe('Frauen im THW: Vergangenheit und Zukunft');
  });

  const titleOf = (h1: string, title: string): string | undefined => extractHtml(page({ head: `<title>${title}</title>`, body: article([h1, ...paragraphs(4)]) }), opts).found.title?.value;

  it('leaves out a kicker marked by its class or a <small>, and the separator after it', () => {
    expect(titleOf('<h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1>', 'Interne Unterlagen im Netz: Daten von Rheinmetall gehackt')).toBe('Daten von Rheinmetall gehackt');
    expect(titleOf('<h1><span class="ts-overline">Abstandsregeln </span><span class="ts-colon">: </span><span class="ts-headline">Wie Firmen ihre Leute schützen</span></h1>', 'Abstandsregeln: Wie Firmen ihre Leute schützen')).toBe('Wie Firmen ihre Leute schützen');
    expect(titleOf('<h1 class="title"><span itemprop="headline"><small>Einheit der Woche</small><br>Lagen-Pyramide mit Gewicht</span></h1>', 'Einheit der Woche: Lagen-Pyramide mit Gewicht')).toBe('Lagen-Pyramide mit Gewicht');
    // Parts without a kicker's mark stay one headline.
    expect(titleOf('<h1><span>Leslie Clio</span> <span>Brave New Woman</span></h1>', 'Leslie Clio Brave New Woman')).toBe('Leslie Clio Brave New Woman');
  });

  it('does not take a heading only screen readers read for the headline', () => {
    const head = '<title>EU-Taxonomie: Atomkraft ist nicht nachhaltig | Umweltamt</title><meta property="og:title" content="EU-Taxonomie: Atomkraft ist nicht nachhaltig">';
    const html = page({ head, body: `<h1 class="visuallyhidden">EU-Taxonomie: Atomkraft ist nicht nachhaltig | Umweltamt</h1>${article(paragraphs(4))}` });
    expect(extractHtml(html, opts).found.title?.value).toBe('EU-Taxonomie: Atomkraft ist nicht nachhaltig');
  });

  it("drops a <title>'s section path and leading bullet when the title is all there is", () => {
    const forum = page({ head: '<title>kein App Store mehr über Mobile Daten | iPhone | Forum | MacNews.de</title>', body: `<h1><a href="/">MacNews.de</a></h1>${article(paragraphs(4))}` });
    expect(extractHtml(forum, { ...opts, url: 'https://www.macnews.de/forum/x' }).found.title?.value).toBe('kein App Store mehr über Mobile Daten');
    const bullet = page({ head: '<title>mediaarchitecture.de // &raquo; Jens Weber</title>', body: `<h1><a href="/">mediaarchitecture.de</a></h1>${article(paragraphs(4))}` });
    expect(extractHtml(bullet, { ...opts, url: 'https://mediaarchitecture.de/jw' }).found.title?.value).toBe('Jens Weber');
  });

  it('leaves out text only screen readers read and a date glued before the headline', () => {
    expect(titleOf('<h1 class="document-title"><div class="document-title__headline"><span class="visuallyhidden">Headline:</span> Energiewende und Wandel</div></h1>', 'Energiewende und Wandel - Institut')).toBe('Energiewende und Wandel');
    expect(titleOf('<h1 class="t1"><h2 class="headline">23.01.2022 - Dorothea Wierer darf noch jubeln</h2></h1>', 'Dorothea Wierer darf noch jubeln | Sport')).toBe('Dorothea Wierer darf noch jubeln');
  });
});
