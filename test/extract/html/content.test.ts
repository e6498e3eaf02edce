import { afterEach, describe, expect, it, vi } from 'vitest';
import { proseWords, restoreBodyByClone } from '../../../src/extract/html/content.js';
import { parseDocument } from '../../../src/extract/html/dom.js';
import { extractHtml } from '../../../src/extract/html/index.js';
import { article, page, paragraphs } from './helpers.js';

const opts = { timezone: 'UTC' };

function bodyOf(text: string): string[] {
  return text.split('\n\n');
}

describe('extractHtml content: boilerplate removed, body kept', () => {
  it('keeps every body paragraph, separated by a blank line', () => {
    const paras = paragraphs(5);
    const { contentText } = extractHtml(page({ body: article(paras) }), opts);
    expect(bodyOf(contentText)).toEqual(paras);
  });

  it('keeps a section heading that repeats the title when prose comes before it (the headline itself sat in a header that is gone)', () => {
    const paras = paragraphs(4);
    const body = `<article><div class="story"><p>${paras[0]}</p><p>${paras[1]}</p>
      <h2>Warning of Tesla and a Golf from China</h2><p>${paras[2]}</p><p>${paras[3]}</p></div></article>`;
    const { contentText } = extractHtml(page({ head: '<title>Chief warns of Tesla and a Golf from China</title>', body }), opts);
    expect(bodyOf(contentText)).toEqual([paras[0], paras[1], 'Warning of Tesla and a Golf from China', paras[2], paras[3]]);
  });

  it('removes a share bar, a related-stories list and a newsletter box inside the article', () => {
    const paras = paragraphs(6);
    const body = `<article><div class="article-body">
      <div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Tweet this story</a><a href="#">Email a friend</a></div>
      ${paras
        .slice(0, 3)
        .map((p) => `<p>${p}</p>`)
        .join('')}
      <div class="newsletter-signup"><h3>Get our morning briefing</h3><p>Sign up for the daily newsletter and never miss a story from our reporters.</p><input type="email"><button>Sign up</button></div>
      ${paras
        .slice(3)
        .map((p) => `<p>${p}</p>`)
        .join('')}
      <section class="related-stories"><h2>Related stories</h2><ul><li><a href="/a">Bridge reopens after a decade of delays and cost overruns</a></li><li><a href="/b">Mayor announces new flood defences for the old town</a></li></ul></section>
    </div></article>`;
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual(paras);
    const rules = new Set(result.dropped.map((d) => d.rule));
    expect(rules).toContain('share-bar');
    expect(rules).toContain('newsletter');
    expect(rules).toContain('related');
  });

  it('removes share bars and view counters written in other languages, keeps a bare number', () => {
    const paras = paragraphs(3);
    const body = `<article><p>Compartir en Facebook Compartir en Twitter</p><p>${paras[0]}</p><p>Partager sur Facebook</p><p>${paras[1]}</p><p>1,234 views</p><p>${paras[2]}</p><p>2025</p></article>`;
    // The rules alone: a bare number after the last paragraph is the body model's to judge (block-model.test.ts).
    const result = extractHtml(page({ body }), { ...opts, bodyModel: { model: null } });
    expect(bodyOf(result.contentText)).toEqual([...paras, '2025']);
    expect(result.dropped.map((d) => d.rule)).toEqual(expect.arrayContaining(['share-bar', 'view-counter']));
  });

  it('removes page navigation, asides, footers and forms', () => {
    const paras = paragraphs(4);
    const body = `<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
      ${article(paras)}
      <aside><h3>Most read</h3><p>Something else entirely that people clicked on yesterday afternoon.</p></aside>
      <footer><p>© 2024 Example News. All rights reserved.</p></footer>`;
    expect(bodyOf(extractHtml(page({ body }), opts).contentText)).toEqual(paras);
  });

  it('drops bylines, date lines, captions, credits and "Advertisement" labels between paragraphs', () => {
    const paras = paragraphs(4);
    const body = `<article><div class="article-body">
      <h1>Council approves river works</h1>
      <p>By Jane Doe and John Roe</p>
      <p>Updated 10:48 AM EST, Tue November 19, 2019</p>
      <p>${paras[0]}</p>
      <div class="photo"><img src="/a.jpg" alt=""><p>The river at dawn, seen from the old bridge.</p></div>
      <p>${paras[1]}</p>
      <p>Advertisement</p>
      <p>${paras[2]}</p>
      <p>Engineers inspect the embankment (Image: GETTY)</p>
      <p>${paras[3]}</p>
    </div></article>`;
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual(paras);
    const rules = new Set(result.dropped.map((d) => d.rule));
    for (const rule of ['headline', 'byline', 'date-line', 'caption', 'boilerplate-phrase']) expect(rules).toContain(rule);
  });

  it('drops byline lines led by any lexicon language\'s byline words ("Autor:", "Auteur :", "Text:")', () => {
    const paras = paragraphs(3);
    for (const byline of ['Autor: Die Redaktion', 'Auteur : Kossivi Tiassou', 'Text: Ursula Eggers', 'Publicado por Alberto González']) {
      const body = `<article><div class="article-body"><p>${paras[0]}</p><p>${paras[1]}</p><p>${byline}</p><p>${paras[2]}</p></div></article>`;
      const result = extractHtml(page({ body }), opts);
      expect(bodyOf(result.contentText), byline).toEqual(paras);
      expect(result.dropped.find((d) => d.text === byline)?.rule, byline).toBe('byline');
    }
  });

  it('drops runs of link-only lines but keeps a single link line inside the text', () => {
    const paras = paragraphs(4);
    const body = `<article><div class="article-body">
      <p>${paras[0]}</p>
      <p><a href="/deal">Get it on Amazon for $39.99</a></p>
      <p>${paras[1]}</p>
      <p>${paras[2]}</p>
      <div><a href="/x">Bridge reopens after a decade of delays</a></div>
      <div><a href="/y">Mayor announces new flood defences</a></div>
      <div><a href="/z">Old town square to be pedestrianised</a></div>
      <p>${paras[3]}</p>
    </div></article>`;
    const text = extractHtml(page({ body }), opts).contentText;
    expect(text).toContain('Get it on Amazon for $39.99');
    expect(text).not.toContain('Bridge reopens');
    expect(text).not.toContain('Mayor announces');
  });

  it('keeps an embedded post (a quoted tweet) inside a "social" wrapper', () => {
    const paras = paragraphs(4);
    const body = `<article><div class="article-body">
      <p>${paras[0]}</p><p>${paras[1]}</p>
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and the state spent half a million dollars on it</p>— Someone (@someone) <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote></div>
      <p>${paras[2]}</p><p>${paras[3]}</p>
    </div></article>`;
    expect(extractHtml(page({ body }), opts).contentText).toContain('Yes this is real and the state spent half a million dollars on it');
  });

  it('keeps repeated sentence-case lines that are structure (a recipe), drops repeated capitalised labels', () => {
    const paras = paragraphs(3);
    const body = `<article><div class="article-body">
      <p>${paras[0]}</p><p><em>Eat 60 minutes before your workout</em></p><p>GET THE APP NOW!</p>
      <p>${paras[1]}</p><p><em>Eat 60 minutes before your workout</em></p><p>GET THE APP NOW!</p>
      <p>${paras[2]}</p>
    </div></article>`;
    const text = extractHtml(page({ body }), opts).contentText;
    expect(text.match(/Eat 60 minutes/g)).toHaveLength(2);
    expect(text).not.toContain('GET THE APP');
  });

  it('keeps words of a sentence whose inline elements have classes like "author" or "date"', () => {
    const paras = paragraphs(4);
    const sentence = 'The report by <span class="author">Dr Ines Alves</span>, dated <time class="date">3 May</time>, tagged the <a class="tag" href="/t">harbour</a> as at risk.';
    const body = `<article><div class="article-body"><p>${paras[0]}</p><p>${sentence}</p>${paras
      .slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></article>`;
    expect(extractHtml(page({ body }), opts).contentText).toContain('The report by Dr Ines Alves, dated 3 May, tagged the harbour as at risk.');
  });

  it('removes scripts, styles and hidden elements from contentHtml', () => {
    const paras = paragraphs(4);
    const body = `<article><div class="article-body"><p>${paras[0]}</p><script>alert(1)</script><style>p{}</style>
      <p hidden>Hidden text that no reader sees in the page.</p><p style="display:none">Also hidden from every reader of the page.</p>
      ${paras
        .slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('')}</div></article>`;
    const result = extractHtml(page({ body }), opts);
    expect(result.contentHtml).not.toMatch(/<script|<style|alert\(1\)/);
    expect(result.contentText).not.toContain('Hidden text');
    expect(result.contentText).not.toContain('Also hidden');
    expect(bodyOf(result.contentText)).toEqual(paras);
  });

  it('reports paragraphs Readability left out under the rule "readability"', () => {
    const paras = paragraphs(6);
    const stray = 'A stray paragraph in a far corner of the page, about something else altogether, with enough words to count.';
    const body = `${article(paras)}<div class="x"><div><div><p>${stray}</p></div></div></div>`;
    const result = extractHtml(page({ body }), opts);
    expect(result.contentText).not.toContain('stray paragraph');
    expect(result.dropped).toContainEqual({ text: stray, rule: 'readability' });
  });
});

describe('extractHtml content: region classes of the second dev set (issue 12)', () => {
  it('keeps a wrapper around the main landmark whatever its class says', () => {
    const paras = paragraphs(4);
    const other = `<div class="legal">${paragraphs(12, 'licence').map((p) => `<p>${p}</p>`).join('')}</div>`;
    const body = `<div id="left-navigation_page-wrapper"><main>${paras.map((p) => `<p>${p}</p>`).join('')}</main></div>${other}`;
    expect(extractHtml(page({ body }), opts).contentText).toContain(paras[2]);
  });

  it("keeps the lead paragraph of the article's <header> under its headline, not the header's date, byline, caption or a site header's tagline", () => {
    const paras = paragraphs(4);
    const lead = 'Vor der zweiten Tarifrunde mahnt die Gewerkschaft zur Eile. Die Beschäftigten warten seit Monaten auf ein Angebot der Länder';
    const caption = 'The mayor, pictured at the opening of the bridge in 2018, when she was still a councillor. She backs the works.';
    const site = '<header class="site"><a href="/">Daily River</a><p>News from the valley, every day</p></header>';
    const header = `<header><h1>Council approves river works</h1><p class="lead">${lead}</p><figure><img src="a.jpg"><figcaption><p>${caption}</p></figcaption></figure><span class="date">29.04.2020</span></header>`;
    const result = extractHtml(page({ body: `${site}<article>${header}<div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('')}</div></article>` }), opts);
    expect(bodyOf(result.contentText)).toEqual([lead, ...paras]);
  });

  it("keeps a section heading whose id is a table of contents' anchor (\"nav_...\"), still drops a box whose id says nav", () => {
    const paras = paragraphs(4);
    const body = `<article><h1>Council approves river works</h1><div class="article-body">${paras.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}<h3 id="nav_only_the_foil_stays__1" class="subheading">Only the foil stays behind</h3>${paras.slice(2).map((p) => `<p>${p}</p>`).join('')}</div><div id="nav-footer"><p>Home about contact</p></div></article>`;
    const result = extractHtml(page({ body }), { ...opts, bodyModel: { model: null } });
    expect(bodyOf(result.contentText)).toEqual([...paras.slice(0, 2), 'Only the foil stays behind', ...paras.slice(2)]);
    expect(result.dropped).toContainEqual({ text: 'Home about contact', rule: 'navigation' });
  });

  it("keeps the text of a gallery's slides (a figure with its own heading and paragraphs in its figcaption), drops a photo's caption", () => {
    const paras = paragraphs(2);
    const slide = (n: number, p: string) => `<figure class="flat-slide"><div class="slide-header"><h2><a href="/g/${n}">${n}. Costume number ${n}</a></h2></div><img src="/${n}.jpg" alt=""><figcaption class="flat-slide-caption"><p>${p}</p></figcaption></figure>`;
    const slides = [slide(1, 'What you need: a bowler hat, a set of false lashes and an all-white outfit, and you are the antihero.'), slide(2, 'What you need: a long plait down your back and a purple dress, and you can still pull off the princess.')];
    const photo = '<figure><img src="/p.jpg" alt=""><figcaption><p>The river at dawn, seen from the old bridge. Photo: Jane Doe</p></figcaption></figure>';
    const body = `<article><h1>Costumes to make at home</h1><div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('')}${photo}${slides.join('')}</div></article>`;
    const text = extractHtml(page({ body }), { ...opts, bodyModel: { model: null } }).contentText;
    expect(text).toContain('What you need: a bowler hat, a set of false lashes');
    expect(text).toContain('What you need: a long plait down your back');
    expect(text).not.toContain('The river at dawn');
  });

  it('puts back the lead Readability left out in a box of its own before the body (class says intro/subtitle), not another box there', () => {
    const paras = paragraphs(20);
    const lead = 'Die Digitalisierung der Arbeitswelt werde Millionen Arbeitsplätze kosten, auch in Deutschland, sagen die Forscher.';
    const other = 'Unsere Redaktion empfiehlt Ihnen heute auch die besten Geschichten aus der Region, jeden Morgen neu.';
    const body = `<article><div class="kopf"><h1>Council approves river works</h1><div class="unter"><p class="subtitle">${lead}</p></div><div class="note"><p>${other}</p></div></div><div class="articlemain"><div class="text">${paras.map((p) => `<p>${p}</p>`).join('')}</div></div></article>`;
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual([lead, ...paras]);
    expect(result.dropped).toContainEqual({ text: other, rule: 'readability' });
  });

  it('keeps a standfirst classed "teaser" right under the headline, not a teaser of another story further down', () => {
    const paras = paragraphs(4);
    const lead = 'Heute längst vergessen, war der Holzhandel mit den Niederlanden einst ein wichtiger Teil der Forstwirtschaft.';
    const other = 'Die nächste Geschichte erzählt von einem Sägewerk im Schwarzwald, das seit hundert Jahren besteht.';
    const body = `<article><h1>Council approves river works</h1><p class="article-teaser">${lead}</p><div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('')}</div><h2>Mehr Geschichten</h2><p class="article-teaser">${other}</p></article>`;
    const result = extractHtml(page({ body }), { ...opts, bodyModel: { model: null } });
    expect(bodyOf(result.contentText)).toEqual([lead, ...paras]);
  });

  it("drops the text cleaner's chrome lines Readability kept: related headings, read-more promos, paging words, comment prompts", () => {
    const paras = paragraphs(5);
    const chrome = ['Mehr zum Thema', 'Lesen Sie auch: Die Wahl in Bayern', 'Weiter', '- Anzeige -', 'Leave a reply'];
    const body = article([...paras.slice(0, 3), ...chrome, ...paras.slice(3)]);
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual(paras);
  });

  it('drops short headings that end the article (their box is gone), keeps a sentence in a heading tag and headings followed by text', () => {
    const paras = paragraphs(4);
    const body = `<article><div class="article-body"><h2>How the works are staged</h2>${paras.map((p) => `<p>${p}</p>`).join('')}<h3>Aus derselben Kolumne:</h3><h4>Empfehlungen aus dem Shop</h4></div></article>`;
    const result = extractHtml(page({ body }), { ...opts, bodyModel: { model: null } });
    expect(bodyOf(result.contentText)).toEqual(['How the works are staged', ...paras]);
    expect(result.dropped.filter((d) => d.rule === 'trailing-heading').map((d) => d.text)).toEqual(['Aus derselben Kolumne:', 'Empfehlungen aus dem Shop']);
    const sentence = `<article><div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('')}<h4>The council will meet again in spring.</h4></div></article>`;
    expect(bodyOf(extractHtml(page({ body: sentence }), { ...opts, bodyModel: { model: null } }).contentText)).toEqual([...paras, 'The council will meet again in spring.']);
  });

  it('reads the article from a second <body> after an empty first one (two templates glued together)', () => {
    const paras = paragraphs(4);
    const html = `<!DOCTYPE html><html><head><title>T</title></head><body></body><div class="x"></div><body><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(bodyOf(extractHtml(html, opts).contentText)).toEqual(paras);
  });

  it('extracts again with light pre-cleaning when the full one leaves almost nothing (generated class names, an article in an <aside>)', () => {
    const paras = paragraphs(4, 'harbour');
    // CSS-in-JS class names that happen to contain "tag"; each paragraph alone is a small share of the page.
    const generated = `<article>${paras.map((p) => `<p class="tagStyle_z4kq-o_O-style_1tcx">${p}</p>`).join('')}</article>`;
    const wrapped = `<aside class="nfy-pa"><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article></aside>`;
    // Menus and footers (removed either way) keep the aside under the share of the page that makes it a layout wrapper.
    const chrome = (tag: string, topic: string): string => `<${tag}>${paragraphs(2, topic).join(' ')}</${tag}>`;
    for (const body of [generated, wrapped]) {
      const result = extractHtml(page({ body: `${chrome('nav', 'menu')}${chrome('nav', 'site')}${body}${chrome('footer', 'licence')}${chrome('footer', 'imprint')}` }), opts);
      expect(bodyOf(result.contentText)).toEqual(paras);
      expect(result.dropped.map((d) => d.rule)).toContain('light-preclean');
    }
  });

  it('reads a post served only inside <noscript> when the page gives too little otherwise', () => {
    const paras = paragraphs(3, 'harbour');
    const body = `<div class="post-body"><noscript>${paras.map((p) => `<p>${p}</p>`).join('')}</noscript></div><noscript><img src="pixel.gif"></noscript>`;
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual(paras);
    expect(result.dropped.map((d) => d.rule)).toContain('light-preclean');
  });

  it('keeps the full pre-cleaning when the light one finds too little to be an article', () => {
    const note = 'The office is closed on Monday for the holiday; we are back on Tuesday morning.';
    const result = extractHtml(page({ body: `<article><p>${note}</p></article><aside><p>Opening hours: Tuesday to Friday, nine to five.</p></aside>` }), opts);
    expect(result.contentText).toBe(note);
    expect(result.dropped.map((d) => d.rule)).not.toContain('light-preclean');
  });

  it('counts what Readability keeps in prose words: a long table of names beside the article does not pass for it', () => {
    const paras = paragraphs(5, 'harbour');
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Seat ${i} North, East</td><td>Member Name${i}, Sir Someone</td><td>member${i}.mp@parliament.uk</td></tr>`).join('');
    const body = `<div class="article-text"><div>${paras.map((p) => `<p class="mol-para">${p}</p>`).join('')}</div><div><table>${rows}</table></div></div>`;
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual(paras);
    expect(result.dropped.map((d) => d.rule)).toContain('fallback');
  });

  it('proseWords counts the words of sentence paragraphs only', () => {
    expect(proseWords('Seat 1 North, East\n\nMember Name1, Sir Someone')).toBe(0);
    expect(proseWords('The council met on a wet morning and agreed.\n\nShort label')).toBe(9);
  });

  it('removes a hover card (an image, a name, a few links) but not a <span> wrapping the article with a photo and links', () => {
    const paras = paragraphs(4, 'harbour');
    const card = '<span class="x"><span><img src="a.jpg"><a href="/p/1">Jane Doe</a> <a href="/p/1/more">More by Jane</a></span></span>';
    const linked = paras.map((p, i) => `<p>${p} <a href="/n/${i}">Source ${i}</a></p>`);
    // A long footer (removed either way) keeps the wrapper under the share of the page that makes it a layout wrapper.
    const footer = `<footer>${paragraphs(12, 'licence').join(' ')}</footer>`;
    const body = `<div class="sect">${card}<span class="body"><div><img src="b.jpg"><article>${linked.join('')}</article></div></span></div>${footer}`;
    const result = extractHtml(page({ body }), opts);
    expect(result.contentText).toContain(paras[0]);
    expect(result.contentText).toContain(paras[3]);
    expect(result.dropped).toContainEqual({ text: 'Jane Doe More by Jane', rule: 'hover-card' });
  });

  it('asks the density extractor when Readability keeps a box and leaves out most of the prose', () => {
    const paras = paragraphs(6, 'harbour');
    const bio = 'Jane Doe, born 1983, has been an editor here since 2015, mostly as layouter, graphic designer, and proofreader; she studied German, art history, and German as a foreign language, and writes about maps, numbers, charts, and the sea.';
    const body = `<div class="scroll-area">${paras.map((p) => `<p>${p}</p>`).join('')}</div><div class="text">${[bio, bio.replace('Jane', 'June'), bio.replace('Jane', 'Jill')].map((p) => `<p>${p}</p>`).join('')}</div>`;
    const result = extractHtml(page({ body }), opts);
    expect(bodyOf(result.contentText)).toEqual(paras);
    expect(result.dropped.map((d) => d.rule)).toContain('fallback');
  });
});

describe('extractHtml: metadata from the byline and date lines of the article', () => {
  it('reads the author and date of a plain "By ..." paragraph when the page names neither elsewhere', () => {
    const html = page({ body: `<article><h1>Port Strike Ends</h1><p>By Victor Lee, March 9, 2025</p>${paragraphs(2).map((p) => `<p>${p}</p>`).join('')}</article>` });
    const { found, contentText } = extractHtml(html, opts);
    expect(found.authors).toEqual({ value: [{ name: 'Victor Lee' }], from: 'byline' });
    expect(found.published).toEqual({ value: new Date('2025-03-09T00:00:00Z'), from: 'date-line' });
    expect(contentText).not.toContain('Victor Lee');
  });

  it('reads a <time> without datetime, never overrides the page metadata date, and prefers the visible byline to a hidden meta role', () => {
    const body = `<article><h1>Ferry Service Resumes</h1><p>By Paul Grant</p><p><time>March 6, 2025</time></p>${paragraphs(2).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const plain = extractHtml(page({ body }), opts).found;
    expect(plain.authors?.value).toEqual([{ name: 'Paul Grant' }]);
    expect(plain.published?.value).toEqual(new Date('2025-03-06T00:00:00Z'));
    const withMeta = extractHtml(page({ head: '<meta property="article:published_time" content="2025-03-05T08:00:00Z"><meta name="author" content="Desk Editor">', body }), opts).found;
    expect(withMeta.published).toEqual({ value: new Date('2025-03-05T08:00:00Z'), from: 'meta-tag' });
    // "Desk Editor" is named nowhere on the page and is a role; the article's own byline wins.
    expect(withMeta.authors).toEqual({ value: [{ name: 'Paul Grant' }], from: 'byline' });
  });

  it("keeps a date labelled as an event's or a deadline in the body, while the article's dateline goes", () => {
    const paras = paragraphs(3);
    const body = `<article><h1>Whisky-Abende im Winter</h1><p>Veröffentlicht am 27. November 2019</p><p>${paras[0]}</p>
      <p>Termin: 29.02.2020, 19 Uhr</p><p>${paras[1]}</p><p>Einsendeschluss: 03.11.2019 (Poststempel)</p><p>${paras[2]}</p></article>`;
    const { contentText, dropped } = extractHtml(page({ body }), opts);
    expect(contentText).toContain('Termin: 29.02.2020, 19 Uhr');
    expect(contentText).toContain('Einsendeschluss: 03.11.2019 (Poststempel)');
    expect(dropped.filter((d) => d.rule === 'date-line').map((d) => d.text)).toEqual(['Veröffentlicht am 27. November 2019']);
  });

  it('takes a line of numbers for a date only when they can be a day and a month: a phone number or a version stays', () => {
    const paras = paragraphs(3);
    const body = `<article><p>27.11.2019</p><p>${paras[0]}</p><p>+81 158-23-2012</p><p>${paras[1]}</p><p>0.0.0-20191127</p><p>${paras[2]}</p></article>`;
    const { contentText, dropped } = extractHtml(page({ body }), opts);
    expect(contentText).toContain('+81 158-23-2012');
    expect(contentText).toContain('0.0.0-20191127');
    expect(dropped.filter((d) => d.rule === 'date-line').map((d) => d.text)).toEqual(['27.11.2019']);
  });

  // Issue 14 (r18-extract): the text reader read these names; the HTML reader dropped the line with them.
  it('reads the author a date line names beside its date ("11.12.2019 - Amelie Loevenich"), not a longer rest', () => {
    const story = (line: string): string => page({ body: `<article><h1>Neue Radwege im Norden</h1><p>${line}</p>${paragraphs(2).map((p) => `<p>${p}</p>`).join('')}</article>` });
    const dashed = extractHtml(story('11.12.2019 - Lena Albrecht'), opts).found;
    expect(dashed.authors).toEqual({ value: [{ name: 'Lena Albrecht' }], from: 'byline' });
    expect(dashed.published?.value).toEqual(new Date('2019-12-11T00:00:00Z'));
    expect(extractHtml(story('04.02.2022 | 13:10 Uhr | Lena Albrecht'), opts).found.authors?.value).toEqual([{ name: 'Lena Albrecht' }]);
    // A place or a section beside the date is no author; neither are two segments.
    expect(extractHtml(story('11.12.2019 - Hamburg'), opts).found.authors).toBeUndefined();
    expect(extractHtml(story('11.12.2019 | Lena Albrecht | Verkehr'), opts).found.authors).toBeUndefined();
  });

  it('reads the date of an element classed as a date line, which pre-cleaning removes', () => {
    const body = `<div class="story"><p class="dateline">June 1, 2024</p>${paragraphs(2).map((p) => `<p>${p}</p>`).join('')}</div>`;
    expect(extractHtml(page({ body }), opts).found.published).toEqual({ value: new Date('2024-06-01T00:00:00Z'), from: 'date-line' });
  });
});

describe('extractHtml content: odd input', () => {
  it('returns an empty result for an empty document', () => {
    for (const html of ['', '   ', '<html><body></body></html>']) {
      expect(extractHtml(html, opts)).toEqual({ contentHtml: '', contentText: '', found: {}, dropped: [] });
    }
  });

  it('survives malformed HTML (unclosed and stray tags, bad nesting)', () => {
    const html = '<html><body><div><p>First unclosed paragraph with <b>bold <i>and italic</p></div></span></b><p>Second</i> one <<>> end';
    const result = extractHtml(html, opts);
    expect(result.contentText).toContain('First unclosed paragraph with bold and italic');
    expect(result.contentText).toContain('Second one');
  });

  it('drops HTML comments from contentHtml (fast-check counterexample)', () => {
    const result = extractHtml('&amp;<!--<script type="application/ld+json">{"@type":"Article","headline":-->!', opts);
    expect(result.contentHtml).not.toContain('<!--');
    expect(result.contentText).toBe('&!');
  });

  it('accepts a fragment without <html> or <body>', () => {
    const result = extractHtml('<title>Fragment title</title><p>Just a paragraph.</p>', opts);
    expect(result.contentText).toBe('Just a paragraph.');
    expect(result.found.title?.value).toBe('Fragment title');
  });

  it('does not overflow the stack on 10,000 levels of nesting, and says why it used the fallback', () => {
    const depth = 10_000;
    const text = 'Deep inside, a paragraph with enough words to be taken for the body of the page.';
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}</body></html>`;
    const result = extractHtml(html, opts);
    expect(result.contentText).toBe(text);
    expect(result.dropped.map((d) => d.rule)).toContain('too-deep');
  });

  it('does not overflow on 10,000 unclosed inline elements either', () => {
    const result = extractHtml(`${'<span>'.repeat(10_000)}inline text at the bottom`, opts);
    expect(result.contentText).toBe('inline text at the bottom');
  });

  it('never fetches: no network call for images, stylesheets, iframes or scripts with src', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const html = page({
      head: '<link rel="stylesheet" href="https://example.org/s.css"><script src="https://example.org/a.js"></script>',
      body: `<img src="https://example.org/x.jpg"><iframe src="https://example.org/frame"></iframe>${article(paragraphs(3))}`,
    });
    extractHtml(html, opts);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });
});

describe('extractHtml content: clean = false', () => {
  it('keeps the whole body (navigation included), minus scripts and styles', () => {
    const paras = paragraphs(2);
    const html = page({ body: `<nav><a href="/">Home</a></nav>${article(paras)}<script>x()</script><footer>Footer text</footer>` });
    const result = extractHtml(html, { timezone: 'UTC', clean: false });
    expect(bodyOf(result.contentText)).toEqual(['Home', ...paras, 'Footer text']);
    expect(result.contentHtml).toContain('<nav>');
    expect(result.contentHtml).not.toContain('<script');
  });
});

describe('restoreBodyByClone (how Readability\'s retries get the page back)', () => {
  it('restores the tree as it was read when the same HTML is assigned back, and parses any other HTML', () => {
    const parsed = parseDocument('<html><body><div class="a"><p>Fish &amp; chips &lt;3</p><p>Two</p></div><!-- c --></body></html>');
    const body = parsed.ok ? parsed.document.body : null;
    if (!body) throw new Error('parse failed');
    const before = body.innerHTML;
    restoreBodyByClone(body);
    const saved = body.innerHTML;
    // Readability only assigns the string back: it is a placeholder, not the page serialised.
    expect(saved).not.toBe(before);
    body.querySelector('p')?.remove();
    body.appendChild(parsed.ok ? parsed.document.createTextNode('added later') : body);
    body.innerHTML = saved;
    expect(body.querySelector('p')?.textContent).toBe('Fish & chips <3');
    // A second restore gets a fresh copy, untouched by what was done to the first one.
    body.querySelector('p')?.remove();
    body.innerHTML = saved;
    delete (body as { innerHTML?: string }).innerHTML;
    expect(body.innerHTML).toBe(before);
    restoreBodyByClone(body);
    body.innerHTML = '<p>Other</p>';
    expect(body.textContent).toBe('Other');
  });
});
