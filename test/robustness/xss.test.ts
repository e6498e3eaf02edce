/**
 * Hostile content: the HTML that reaches the feeds is sanitised. Known XSS vectors go through every
 * source kind (Markdown raw HTML, scraped text, HTML pages); the built feeds are parsed back and the
 * content of every item is checked for anything executable.
 */

import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sanitizeContent } from '../../src/clean/sanitize.js';
import { EXIT } from '../../src/errors.js';
import { BASE_CONFIG, type Files, findAll, makeSite, readFeeds, run, type Site } from './helpers.js';
import { XSS_VECTORS } from './xss-vectors.js';

/** Elements that must never appear in feed content (iframes only when configured). */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'frame',
  'frameset',
  'noscript',
  'template',
  'title',
  'body',
  'html',
  'head',
  'marquee',
  'x',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'cite', 'action', 'formaction', 'data', 'background', 'xlink:href', 'codebase', 'dynsrc', 'lowsrc', 'ping']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** The scheme a browser would see: entities are already decoded; it drops controls and whitespace. */
function schemeOf(url: string): string | undefined {
  // Browsers strip exactly these (controls, spaces, separators) before reading a scheme.
  const stripped = url.replace(/[\u0000-\u0020\u007f-\u009f\u2028\u2029\u00a0\ufeff]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(stripped);
  return m?.[1]?.toLowerCase();
}

/** Every reason `html` could execute something in a feed reader; empty when it is safe. */
function executableParts(html: string): string[] {
  const problems: string[] = [];
  // A raw tag opener for a forbidden element, whatever a tolerant parser makes of it.
  const raw = /<\s*\/?\s*(script|style|iframe|object|embed|base|meta|form|svg|math|link)\b/gi;
  for (const m of html.matchAll(raw)) problems.push(`raw <${m[1]}>`);
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const el = node as Element;
        const name = el.name.toLowerCase();
        if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`<${name}>`);
        for (const [attr, value] of Object.entries(el.attribs)) {
          const a = attr.toLowerCase();
          if (a.startsWith('on')) problems.push(`${name}[${a}]`);
          if (a === 'style' || a === 'srcdoc' || a === 'formaction' || a === 'action') problems.push(`${name}[${a}]`);
          if (!URL_ATTRIBUTES.has(a)) continue;
          const candidates = a === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
          for (const url of candidates) {
            const scheme = schemeOf(url);
            if (scheme === undefined || SAFE_SCHEMES.has(scheme)) continue;
            if (scheme === 'data' && name === 'img' && a === 'src' && /^data:image\//i.test(url.trim())) continue;
            problems.push(`${name}[${a}]=${scheme}:`);
          }
        }
        walk(el.children);
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return problems;
}

describe('the checker itself', () => {
  it('flags each kind of payload it looks for', () => {
    expect(executableParts('<p onclick="x()">a</p>')).toContain('p[onclick]');
    expect(executableParts('<a href="jav&#x09;ascript:alert(1)">a</a>')).toContain('a[href]=javascript:');
    expect(executableParts('<img srcset="a.png 1x, javascript:x 2x">')).toContain('img[srcset]=javascript:');
    expect(executableParts('<svg><script>x</script></svg>')).toEqual(expect.arrayContaining(['<svg>', '<script>']));
    expect(executableParts('<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>')).toEqual([]);
    expect(executableParts('<img src="data:image/png;base64,AAAA">')).toEqual([]);
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
  it('javascript: links and images are refused; markup in titles stays text', async () => {
    const s = makeSite({
      'link.md': '---\ntitle: Link\ndate: 2024-01-01\nlink: "javascript:alert(1)"\n---\nBody.\n',
      'image.md': '---\ntitle: Image\ndate: 2024-01-01\nimage: "javascript:alert(1)"\n---\nBody.\n',
      'title.md': '---\ntitle: "<img src=x onerror=alert(1)> Title"\ndate: 2024-01-01\nsummary: "<script>alert(1)</script>"\n---\nBody.\n',
    });
    sites.push(s);
    const r = await run(s.dir);
    expect(findAll(r, 'META_LINK_INVALID').map((d) => d.file)).toContain('articles/link.md');
    expect(findAll(r, 'FM_BAD_VALUE').map((d) => d.file)).toContain('articles/image.md');
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
