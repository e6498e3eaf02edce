/**
 * Hostile content: the HTML that reaches the feeds is sanitised. Known XSS vectors go through every
 * source kind (Markdown raw HTML, scraped text, HTML pages); the built feeds are parsed back and the
 * content of every item is checked for anything executable.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sanitizeContent } from '../../src/clean/sanitize.js';
import { EXIT } from '../../src/errors.js';
import { BASE_CONFIG, type Files, findAll, makeSite, readFeeds, run, type Site } from './helpers.js';
import { all, executableParts, htmlTextContent, kid, kids, parseXml, safeUrl, type XNode } from './reader.js';
import { XSS_VECTORS } from './xss-vectors.js';

describe('the checker itself', () => {
  it('flags each kind of payload it looks for', () => {
    expect(executableParts('<p onclick="x()">a</p>')).toContain('p[onclick]');
    expect(executableParts('<a href="jav&#x09;ascript:alert(1)">a</a>')).toContain('a[href]=javascript:');
    expect(executableParts('<img srcset="a.png 1x, javascript:x 2x">')).toContain('img[srcset]=javascript:');
    expect(executableParts('<svg><script>x</script></svg>')).toEqual(expect.arrayContaining(['<svg>', '<script>']));
    expect(executableParts('<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>')).toEqual([]);
    expect(executableParts('<img src="data:image/png;base64,AAAA">')).toEqual([]);
    expect(executableParts('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toContain('img[src]=data:');
    expect(executableParts('<img src="data:text/html,x">')).toContain('img[src]=data:');
  });
});

describe('sanitizeContent on known vectors', () => {
  const base = 'https://example.com/posts/x/';
  it.each(XSS_VECTORS.map((v, i) => [i, v] as const))('vector %i leaves nothing executable: %s', (_i, vector) => {
    const out = sanitizeContent(`<p>before</p>${vector}<p>after</p>`, { baseUrl: base });
    expect(executableParts(out)).toEqual([]);
    // Sanitising is idempotent: a second pass changes nothing (no mutation on re-parse).
    expect(sanitizeContent(out, { baseUrl: base })).toBe(out);
  });

  it('keeps harmless markup and makes relative URLs absolute', () => {
    const out = sanitizeContent('<p><a href="../y/">y</a> <img src="i.png" alt="i"> <code class="language-ts">x</code></p>', { baseUrl: base });
    expect(out).toContain('href="https://example.com/posts/y/"');
    expect(out).toContain('src="https://example.com/posts/x/i.png"');
    expect(out).toContain('class="language-ts"');
  });

  it('iframes only when configured, and never with a javascript: source', () => {
    const html = '<iframe src="https://video.example/embed/1"></iframe><iframe src="javascript:alert(1)"></iframe>';
    expect(sanitizeContent(html, { baseUrl: base })).not.toContain('<iframe');
    const allowed = sanitizeContent(html, { baseUrl: base, allowIframes: true });
    expect(allowed).toContain('<iframe src="https://video.example/embed/1"');
    expect(allowed).not.toContain('javascript');
  });
});

/** Paragraph text around each vector, long enough that HTML extraction treats it as the article. */
const PROSE = 'The council met on Tuesday to discuss the budget for the coming year, and the members agreed on most of the items after a long debate about the parks.';

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

/** Prose that differs per article, so the text cleaner does not take it for the site template. */
function prose(i: number, n: number): string {
  const words = PROSE.split(' ');
  const k = (i * 7 + n * 3) % words.length;
  return `${[...words.slice(k), ...words.slice(0, k)].join(' ').replace(/\.$/, '')} (note ${i}-${n}).`;
}

function articlesFor(kind: 'md' | 'txt' | 'html'): Files {
  const files: Files = {};
  XSS_VECTORS.forEach((vector, i) => {
    const PROSE = prose(i, 0);
    const PROSE2 = prose(i, 1);
    const title = `Vector ${i}`;
    const date = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
    if (kind === 'md') files[`v${i}.md`] = `---\ntitle: ${title}\ndate: ${date}\n---\n${PROSE}\n\n${vector}\n\n${PROSE2}\n`;
    if (kind === 'txt') files[`v${i}.txt`] = `---\ntitle: ${title}\ndate: ${date}\n---\n${PROSE}\n\n${vector}\n\n${PROSE2}\n`;
    if (kind === 'html') {
      files[`v${i}.html`] =
        `<!DOCTYPE html><html><head><title>${title}</title><meta property="article:published_time" content="${date}"></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1><p>${PROSE}</p>${vector}<p>${PROSE2} ${PROSE}</p><p>${PROSE2}</p></article></body></html>`;
    }
  });
  return files;
}

describe.each(['md', 'txt', 'html'] as const)('XSS vectors through %s sources, end to end', (kind) => {
  it('the built feeds hold no executable payload, in any item, in any format', async () => {
    const s = makeSite(articlesFor(kind), { config: { ...BASE_CONFIG, limit: 0 } });
    sites.push(s);
    const r = await run(s.dir);
    expect([EXIT.OK, EXIT.CONTENT_ERRORS]).toContain(r.code);
    const feeds = readFeeds(s.out);
    const problems: string[] = [];
    for (const format of ['rss', 'atom', 'json'] as const) {
      feeds[format].html.forEach((html, i) => {
        for (const p of executableParts(html)) problems.push(`${format} "${feeds[format].titles[i]}": ${p}`);
      });
    }
    expect(problems).toEqual([]);
    // The checker saw the content (a parse that lost it would pass vacuously).
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect(feeds[format].html.filter((h) => h.includes('(note ')).length, format).toBeGreaterThan(XSS_VECTORS.length / 2);
    }
    // Every vector article is in the feeds (or named in an error): the test is not vacuous.
    const published = new Set(feeds.json.titles);
    const named = new Set((r.report.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.file));
    const missing = XSS_VECTORS.map((_, i) => i).filter((i) => !published.has(`Vector ${i}`) && !named.has(`articles/v${i}.${kind}`));
    expect(missing).toEqual([]);
    expect(published.size).toBeGreaterThan(XSS_VECTORS.length / 2);
  });
});

describe('nothing but the report on stdout', () => {
  it('an invalid srcset (which the srcset parser would log) leaves `build --json` output valid JSON', async () => {
    const s = makeSite({ 'srcset.md': '---\ntitle: Srcset\ndate: 2024-01-01\n---\n<img src="a.png" srcset="a.png 1x 2x, b.png -3q, c.png 2x, - - - - 1x">\n' });
    sites.push(s);
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const r = await run(s.dir);
    // The CLI's stdout is process.stdout: a library printing there would corrupt the JSON report.
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    log.mockRestore();
    warn.mockRestore();
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(readFeeds(s.out).json.html.join('')).toContain('srcset="https://example.com/c.png 2x"');
  });
});

describe('hostile front matter values', () => {
  it('javascript: links are refused, javascript: images left out (the post kept); markup in titles stays text', async () => {
    const s = makeSite({
      'link.md': '---\ntitle: Link\ndate: 2024-01-01\nlink: "javascript:alert(1)"\n---\nBody.\n',
      'image.md': '---\ntitle: Image\ndate: 2024-01-01\nimage: "javascript:alert(1)"\n---\nBody.\n',
      'title.md': '---\ntitle: "<img src=x onerror=alert(1)> Title"\ndate: 2024-01-01\nsummary: "<script>alert(1)</script>"\n---\nBody.\n',
    });
    sites.push(s);
    const r = await run(s.dir);
    expect(findAll(r, 'META_LINK_INVALID').map((d) => d.file)).toContain('articles/link.md');
    expect(findAll(r, 'FM_VALUE_IGNORED').map((d) => d.file)).toContain('articles/image.md');
    const feeds = readFeeds(s.out);
    // Titles are text: the XML escapes them, so no reader sees an element in <title> or in JSON "title".
    expect(feeds.raw.rss).not.toMatch(/<img src=x/);
    expect(feeds.raw.atom).not.toMatch(/<img src=x/);
    expect(feeds.raw.rss).not.toMatch(/<script>/);
    expect(feeds.raw.atom).not.toContain('javascript:');
    expect(feeds.raw.rss).not.toContain('javascript:');
    expect(feeds.raw.json).not.toContain('javascript:');
  });
});

/**
 * Every field of every format, and the companion files, decoded the way a reader decodes each:
 * XML parsed strictly (saxes); the fields that carry HTML (RSS <description> and
 * <content:encoded>, Atom type="html", JSON Feed content_html) then parsed as HTML; the fields that
 * are text (RSS title, dc:creator, category per the RSS Best Practices Profile; Atom type="text";
 * JSON Feed strings) must hold the same text in every format. Each vector goes into the title, the
 * author, a tag, and the summary by each source a summary can come from (front matter, derived from
 * a Markdown body, derived from scraped text, an HTML page's meta description), and the config's
 * feed title, description and author carry vectors too.
 */
describe('XSS vectors in every field of every format and companion file', () => {
  const SUMMARY_SOURCES = ['front-matter', 'markdown', 'text', 'html'] as const;
  /** Vectors that are plain strings, so they fit the feed-level config fields. */
  const MIX = `${XSS_VECTORS[6]} & ${XSS_VECTORS[0]} ${XSS_VECTORS[17]}`;
  const htmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  function articles(): Files {
    const files: Files = {};
    XSS_VECTORS.forEach((vector, i) => {
      SUMMARY_SOURCES.forEach((source, k) => {
        const title = `V${i}${source[0]} ${vector}`;
        const date = new Date(Date.UTC(2024, 0, 1, k, i)).toISOString();
        // JSON strings are YAML 1.2 double-quoted scalars: any vector is quoted safely.
        const fm = [`title: ${JSON.stringify(title)}`, `date: ${date}`, `author: { name: ${JSON.stringify(`A${i} ${vector}`)} }`, `tags: [${JSON.stringify(`t${i} ${vector}`)}]`];
        const body = `${prose(i, k)}\n\nThis page mentions \`\` ${vector} \`\` as code.\n\n${prose(i, k + 1)}\n`;
        if (source === 'front-matter') files[`v${i}-fm.md`] = `---\n${fm.join('\n')}\nsummary: ${JSON.stringify(`Says ${vector} in its summary.`)}\n---\n${body}`;
        if (source === 'markdown') files[`v${i}-md.md`] = `---\n${fm.join('\n')}\n---\nIt mentions \`\` ${vector} \`\` in its first paragraph. ${prose(i, k)}\n\n${body}`;
        if (source === 'text') files[`v${i}-txt.txt`] = `---\n${fm.join('\n')}\n---\nIt mentions ${vector} in its first paragraph. ${prose(i, k)}\n\n${prose(i, k + 2)}\n`;
        if (source === 'html') {
          files[`v${i}-html.html`] =
            `<!DOCTYPE html><html><head><title>${htmlEscape(title)}</title><meta name="description" content="${htmlEscape(`Page says ${vector} in its description.`)}"><meta name="author" content="${htmlEscape(`A${i} ${vector}`)}"><meta property="article:published_time" content="${date}"><meta property="article:tag" content="${htmlEscape(`t${i} ${vector}`)}"></head><body><article><h1>${htmlEscape(title)}</h1><p>${prose(i, k)}</p><p>It mentions ${htmlEscape(vector)} in the text.</p><p>${prose(i, k + 1)} ${prose(i, k + 2)}</p></article></body></html>`;
        }
      });
    });
    return files;
  }

  interface JsonItem {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html?: string;
    content_text?: string;
    image?: string;
    authors: { name: string; url?: string }[];
    author?: { name: string; url?: string };
    tags?: string[];
  }
  interface JsonFeed {
    title: string;
    description?: string;
    home_page_url: string;
    feed_url: string;
    authors: { name: string; url?: string }[];
    items: JsonItem[];
  }

  let site: Site;
  let json: JsonFeed;
  let byId: Map<string, JsonItem>;
  const read = (name: string): string => readFileSync(path.join(site.out, name), 'utf8');

  it('builds, and every vector article is published or named in an error', { timeout: 300_000 }, async () => {
    site = makeSite(articles(), {
      good: false,
      config: { ...BASE_CONFIG, limit: 0, title: `Feed ${MIX}`, description: `About ${MIX}`, author: { name: `Owner ${MIX}` }, feeds: { tags: true, authors: true } },
    });
    sites.push(site);
    const r = await run(site.dir);
    expect([EXIT.OK, EXIT.CONTENT_ERRORS]).toContain(r.code);
    json = JSON.parse(read('feed.json')) as JsonFeed;
    byId = new Map(json.items.map((item) => [item.id, item]));
    const named = new Set<string>();
    for (const d of r.report.diagnostics ?? []) if (d.severity === 'error' && d.file) named.add(d.file);
    const published = new Set(json.items.map((item) => item.title.split(' ')[0]));
    const missing: string[] = [];
    XSS_VECTORS.forEach((_, i) => {
      for (const [source, file] of [
        ['f', `v${i}-fm.md`],
        ['m', `v${i}-md.md`],
        ['t', `v${i}-txt.txt`],
        ['h', `v${i}-html.html`],
      ] as const) {
        if (!published.has(`V${i}${source}`) && !named.has(`articles/${file}`)) missing.push(file);
      }
    });
    expect(missing).toEqual([]);
    // Not vacuous: nearly every article is published, and the vectors reached the text fields.
    expect(json.items.length).toBeGreaterThan(XSS_VECTORS.length * 3.5);
    expect(json.items.filter((item) => item.title.includes('<')).length).toBeGreaterThan(XSS_VECTORS.length * 3);
    expect(json.items.filter((item) => item.summary.includes('<')).length).toBeGreaterThan(XSS_VECTORS.length * 3);
  });

  /** JSON Feed is the reference: its strings are unambiguous text (JSON Feed 1.1: title, summary, tags, names). */
  function jsonTextOf(item: JsonItem) {
    return { title: item.title, summary: item.summary, author: item.authors.map((a) => a.name), tags: item.tags ?? [] };
  }

  it('RSS: text fields decode to the same text as JSON Feed; description and content:encoded are safe HTML; links are http(s)', () => {
    const rss = parseXml(read('rss.xml'));
    const channel = all(rss, 'channel')[0] as XNode;
    const problems: string[] = [];
    // Channel: title is text, description is HTML (entity-encoded), link a URL.
    expect(kid(channel, 'title')?.text).toBe(json.title);
    const channelDescription = kid(channel, 'description')?.text ?? '';
    problems.push(...executableParts(channelDescription).map((p) => `channel description: ${p}`));
    expect(htmlTextContent(channelDescription)).toBe(json.description);
    const items = kids(channel, 'item');
    expect(items.length).toBe(json.items.length);
    for (const item of items) {
      const guid = kid(item, 'guid')?.text ?? '';
      const ref = byId.get(guid);
      if (!ref) {
        problems.push(`no JSON item for guid ${guid}`);
        continue;
      }
      const want = jsonTextOf(ref);
      const at = want.title.split(' ')[0];
      if (kid(item, 'title')?.text !== want.title) problems.push(`${at} title differs: ${JSON.stringify(kid(item, 'title')?.text)}`);
      // One <dc:creator> holds every name; each name must be in it as text.
      const creator = kid(item, 'dc:creator')?.text ?? '';
      if (want.author.length === 0 || want.author.some((name) => !creator.includes(name))) problems.push(`${at} dc:creator differs: ${JSON.stringify(creator)}`);
      const categories = kids(item, 'category').map((c) => c.text);
      if (JSON.stringify(categories) !== JSON.stringify(want.tags)) problems.push(`${at} categories differ: ${JSON.stringify(categories)}`);
      for (const url of [kid(item, 'link')?.text ?? '', ...(kid(item, 'guid')?.attrs.isPermaLink === 'true' ? [guid] : [])]) {
        if (!safeUrl(url)) problems.push(`${at} link ${url}`);
      }
      // A reader decodes <description> as HTML: no element may come out of a summary, which is text.
      const description = kid(item, 'description')?.text ?? '';
      for (const p of executableParts(description)) problems.push(`${at} description: ${p}`);
      if (htmlTextContent(description) !== want.summary)
        problems.push(`${at} description text differs: ${JSON.stringify(htmlTextContent(description))} vs ${JSON.stringify(want.summary)}`);
      const content = kid(item, 'content:encoded')?.text;
      if (content !== undefined) {
        for (const p of executableParts(content)) problems.push(`${at} content:encoded: ${p}`);
        if (content !== ref.content_html) problems.push(`${at} content:encoded differs from content_html`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Atom: titles and summaries show the JSON Feed text (type="text", or type="html" escaped when the text names an element); content type="html" is safe; URLs are http(s)', () => {
    const atom = parseXml(read('atom.xml'));
    const problems: string[] = [];
    // A text construct as a reader shows it: type="text" as it is; type="html" (a text that names
    // an element, escaped) holding no tag, read as HTML.
    const shownText = (el: XNode | undefined): string | undefined => {
      if (el?.attrs.type === 'html') return el.text.includes('<') ? `markup: ${el.text}` : htmlTextContent(el.text);
      return el?.attrs.type === 'text' ? el.text : `type=${el?.attrs.type}`;
    };
    expect(shownText(kid(atom, 'title'))).toBe(json.title);
    expect(shownText(kid(atom, 'subtitle'))).toBe(json.description);
    expect(kid(kid(atom, 'author') as XNode, 'name')?.text).toBe(json.authors[0]?.name);
    for (const link of kids(atom, 'link')) if (!safeUrl(link.attrs.href ?? '')) problems.push(`feed link ${link.attrs.href}`);
    const entries = kids(atom, 'entry');
    expect(entries.length).toBe(json.items.length);
    for (const entry of entries) {
      const ref = byId.get(kid(entry, 'id')?.text ?? '');
      if (!ref) {
        problems.push(`no JSON item for ${kid(entry, 'id')?.text}`);
        continue;
      }
      const want = jsonTextOf(ref);
      const at = want.title.split(' ')[0];
      for (const [name, text] of [
        ['title', want.title],
        ['summary', want.summary],
      ] as const) {
        const el = kid(entry, name);
        // RFC 4287 3.1.1: type="text" content is shown as text, never parsed as markup. A text that
        // names an element goes out as type="html" holding it escaped: no tag at all, and read as
        // HTML it is the same text.
        const type = el?.attrs.type;
        if (type !== 'text' && type !== 'html') problems.push(`${at} ${name} type=${type}`);
        if (type === 'html' && el?.text.includes('<')) problems.push(`${at} ${name} holds markup: ${JSON.stringify(el?.text)}`);
        const shown = type === 'html' ? htmlTextContent(el?.text ?? '') : el?.text;
        if (shown !== text) problems.push(`${at} ${name} differs: ${JSON.stringify(el?.text)}`);
      }
      const names = kids(entry, 'author').map((a) => kid(a, 'name')?.text);
      if (JSON.stringify(names) !== JSON.stringify(want.author)) problems.push(`${at} author names differ: ${JSON.stringify(names)}`);
      for (const a of kids(entry, 'author')) {
        const uri = kid(a, 'uri')?.text;
        if (uri !== undefined && !safeUrl(uri)) problems.push(`${at} author uri ${uri}`);
      }
      const terms = kids(entry, 'category').map((c) => c.attrs.term);
      if (JSON.stringify(terms) !== JSON.stringify(want.tags)) problems.push(`${at} category terms differ: ${JSON.stringify(terms)}`);
      for (const link of kids(entry, 'link')) if (!safeUrl(link.attrs.href ?? '')) problems.push(`${at} link ${link.attrs.href}`);
      const content = kid(entry, 'content');
      if (content) {
        if (content.attrs.type !== 'html') problems.push(`${at} content type=${content.attrs.type}`);
        for (const p of executableParts(content.text)) problems.push(`${at} content: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('JSON Feed: content_html is safe, every URL is http(s), and the text fields hold the vectors as text', () => {
    const problems: string[] = [];
    for (const url of [json.home_page_url, json.feed_url]) if (!safeUrl(url)) problems.push(`feed url ${url}`);
    for (const item of json.items) {
      const at = item.title.split(' ')[0];
      for (const p of executableParts(item.content_html ?? '')) problems.push(`${at} content_html: ${p}`);
      // content_text, title, summary, tags and names are plain strings: a reader shows them as text.
      for (const [field, value] of [
        ['title', item.title],
        ['summary', item.summary],
        ['content_text', item.content_text ?? ''],
        ...item.authors.map((a) => ['authors.name', a.name] as const),
        ...(item.tags ?? []).map((t) => ['tags', t] as const),
      ] as const) {
        if (typeof value !== 'string') problems.push(`${at} ${field} is not a string`);
      }
      for (const url of [item.url, item.image, ...item.authors.map((a) => a.url)]) if (url !== undefined && !safeUrl(url)) problems.push(`${at} url ${url}`);
    }
    expect(problems).toEqual([]);
  });

  /** A whole page may have its own <style>, <meta>, <title>, <link rel=alternate> and document elements. */
  const PAGE_ELEMENTS = new Set(['html', 'head', 'body', 'title', 'meta', 'style', 'link']);

  it('index.html: nothing executable; the titles it lists are the JSON Feed titles, as text', () => {
    const html = read('index.html');
    expect(executableParts(html, { allow: PAGE_ELEMENTS })).toEqual([]);
    // The page's own elements, and only those, are the ones allowed.
    expect((html.match(/<style>/g) ?? []).length).toBe(1);
    const listed = [...html.matchAll(/<li><a href="[^"]*">(.*?)<\/a> <span class="meta">/g)].map((m) => htmlTextContent(m[1] ?? ''));
    expect(listed.length).toBe(20);
    const titles = new Set(json.items.map((item) => item.title));
    expect(listed.filter((t) => !titles.has(t))).toEqual([]);
    expect(htmlTextContent(/<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? '')).toBe(json.title);
  });

  it('feeds.opml: outline text is the feed titles as text, and every URL is http(s)', () => {
    const opml = parseXml(read('feeds.opml'));
    const outlines = all(opml, 'outline');
    const problems: string[] = [];
    for (const o of outlines) {
      for (const url of [o.attrs.xmlUrl, o.attrs.htmlUrl]) if (url !== undefined && !safeUrl(url)) problems.push(`url ${url}`);
      if (o.attrs.text !== o.attrs.title) problems.push(`text and title differ: ${o.attrs.text}`);
    }
    expect(problems).toEqual([]);
    // The tag and author feeds are named after the vectors: their names arrive as text.
    const texts = new Set(outlines.map((o) => o.attrs.text));
    const tagged = json.items.flatMap((item) => item.tags ?? []).filter((t) => t.includes('<'));
    expect(tagged.length).toBeGreaterThan(XSS_VECTORS.length);
    expect([...texts].filter((t) => t?.includes('onerror=alert(1)')).length).toBeGreaterThan(2);
  });

  const XSLTPROC = spawnSync('xsltproc', ['--version']).status === 0;
  if (!XSLTPROC) console.warn('xss.test.ts: the feed.xsl view is not tested: xsltproc is not installed (apt-get install xsltproc; CI installs it)');

  it.skipIf(!XSLTPROC)('the feed.xsl view (libxslt, the XSLT engine of Chromium): nothing executable; summaries and titles show as the JSON Feed text', () => {
    for (const feed of ['rss.xml', 'atom.xml']) {
      const page = execFileSync('xsltproc', [path.join(site.out, 'feed.xsl'), path.join(site.out, feed)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(executableParts(page, { allow: PAGE_ELEMENTS }), feed).toEqual([]);
      const articles = [...page.matchAll(/<article class="item">([\s\S]*?)<\/article>/g)].map((m) => m[1] ?? '');
      expect(articles.length, feed).toBe(json.items.length);
      const shown = articles.map((a) => ({
        title: htmlTextContent(/<h2><a [^>]*>([\s\S]*?)<\/a><\/h2>/.exec(a)?.[1] ?? ''),
        summary: htmlTextContent(/<p class="summary">([\s\S]*?)<\/p>/.exec(a)?.[1] ?? '').trim(),
      }));
      const want = json.items.map((item) => ({ title: item.title, summary: item.summary.trim() }));
      expect(shown, feed).toEqual(want);
      expect(htmlTextContent(/<p class="description">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? ''), feed).toBe(json.description);
    }
  });
});
