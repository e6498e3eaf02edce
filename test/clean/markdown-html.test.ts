/**
 * Issue 14: Markdown rendered straight to sanitised HTML (src/clean/markdown-html.ts). The direct
 * path must publish exactly what the old path (marked's HTML sanitised whole) published, and what
 * it publishes must be a fixed point of the sanitiser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directStats, finishDirectHtml, MAX_FRAGMENT_BLOCKS, replaceUrlTags } from '../../src/clean/markdown-html.js';
import { sanitizeContent } from '../../src/clean/sanitize.js';
import { readMarkdown } from '../../src/sources/markdown.js';
import { stripIllegalXmlChars } from '../../src/util/text.js';
import { executableParts } from '../robustness/reader.js';
import { XSS_VECTORS } from '../robustness/xss-vectors.js';
import { BASE, directPath, oldPath } from './markdown-direct.js';

/** Markdown pieces that stress the renderer: raw HTML (block and inline), odd schemes, references. */
const HTML_BITS = [
  '<b>bold</b>',
  '<span title="t">x',
  '</span>',
  '<div class="note">',
  '</div>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">j</a>',
  '<a href="/rel" rel="nofollow">r</a>',
  '<!-- c -->',
  '<br>',
  '<script>alert(1)</script>',
  '<iframe src="https://v.example/e"></iframe>',
  '<img srcset="a.png 1x, b.png 2x">',
  '<p>para</p>',
  '<li>item</li>',
  '<details><summary>s</summary>d</details>',
  '<!--more-->',
  '<video controls><source src="/v.mp4" type="video/mp4"><track src="/t.vtt" kind="captions"></video>',
  '<source src="/a.webm"></source>',
  '<table><colgroup><col><col></colgroup><tr><td>c</td></tr></table>',
  '<a href="/outer">o <a href="/inner">i</a> o</a>',
];
const URLS = [
  'https://a.example/x?y=1&z=2',
  '/root/path',
  'rel/path',
  '#frag',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<b>x</b>',
  'data:image/png;base64,AAAA',
  'data:image/svg+xml,<svg>',
  'vbscript:x',
  'mailto:a@b.example',
  'tel:+1',
  'ftp://f.example/',
  '//proto.example/rel',
  'a b',
  '',
  '&#106;avascript:x',
  'http://x.example/%zz',
  'foo:bar',
];
const WORDS = ['word', 'Ünïcödé', '&copy;', '&amp;', '&', '<', '>', '"q"', "'s'", '&#1;', '&#x41;', '&notanentity;', '\\*', '*em*', '**strong**', '~~del~~', '`code & <x>`', 'x\u0001y', 'https://bare.example/link', '<https://auto.example>', '<Self::Item>', '[^1]'];

const inline = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...HTML_BITS),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...URLS), fc.constantFrom('', ' "title"', ' "t&amp;t"', ` 'say "hi" <b>'`)).map(([t, u, ti]) => `[${t}](<${u}>${ti})`),
  fc.tuple(fc.constantFrom('alt', '', 'a*b*', '&lt;', 'a "quoted" <alt>'), fc.constantFrom(...URLS)).map(([a, u]) => `![${a}](<${u}>)`),
  fc.string({ maxLength: 8 }),
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((a) => a.join(' '));
const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  line.map((l) => `## ${l}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l, i) => `${i + 3}. ${l}`).join('\n')),
  line.map((l) => `- [x] ${l}\n- [ ] task`),
  line.map((l) => `> ${l}`),
  fc.tuple(fc.constantFrom('', 'ts', 'c++', 'x"y', 'a&amp;b'), line).map(([lang, l]) => `\`\`\`${lang}\n${l}\n\`\`\``),
  line.map((l) => `| a | b |\n| :-: | -- |\n| ${l.replace(/\|/g, '')} | 2 |`),
  fc.constantFrom(...HTML_BITS),
  line.map((l) => `[^1]: ${l}`),
  fc.constant('***'),
);
const markdown = fc.array(block, { minLength: 1, maxLength: 8 }).map((bs) => bs.join('\n\n'));

describe('direct Markdown rendering', () => {
  it('publishes exactly what the old path published, and the sanitiser changes nothing in it', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const direct = directPath(md);
        expect(direct.html).toBe(oldPath(md));
        expect(executableParts(direct.html)).toEqual([]);
        // The text and the summary (cut at <!--more-->) are what they were, once the feeds have
        // removed the characters XML forbids (the direct path removes raw ones earlier).
        const [a, b] = [readMarkdown(md, 1), readMarkdown(md, 1, { direct: false })];
        const texts = (r: typeof a) => [r.bodyText, r.summaryText ?? r.bodyText].map(stripIllegalXmlChars);
        if (!/&#0*1;/.test(md)) expect(texts(a)).toEqual(texts(b));
        // Idempotence of what the direct path wrote, bar characters the sanitiser decodes into ones it
        // would strip (&#1;). (A fallback is the old sanitiser's output, which is not always a fixed
        // point: it re-nests an <li> written inside an <li> on a second pass.)
        if (direct.direct && !/&#0*1;/.test(md)) expect(sanitizeContent(direct.html, { baseUrl: BASE })).toBe(direct.html);
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it('takes the direct path for plain Markdown and for raw HTML spanning a few blocks, and falls back, counted, beyond', () => {
    expect(readMarkdown('Some *text* and [a link](x.html).\n\n- one\n- two', 1).direct).toBe(true);
    // An element opened in one block and closed a few blocks later is one sanitised span.
    const wrapped = 'Intro.\n\n<div class="note">\n\n**Inside** the div\n\n</div>\n\nAfter.';
    expect(readMarkdown(wrapped, 1).direct).toBe(true);
    expect(directPath(wrapped).html).toBe(oldPath(wrapped));
    expect(directPath(wrapped).html).toBe('<p>Intro.</p>\n<div><p><strong>Inside</strong> the div</p>\n</div><p>After.</p>');
    // Left open for more than MAX_FRAGMENT_BLOCKS blocks, or closed without being opened: the old path.
    const before = directStats.fallbacks;
    const long = `<div>\n\n${Array.from({ length: MAX_FRAGMENT_BLOCKS + 1 }, (_, i) => `Para ${i}.`).join('\n\n')}\n\n</div>`;
    expect(readMarkdown(long, 1).direct).toBeUndefined();
    expect(readMarkdown('Text\n\n</div>\n\nMore', 1).direct).toBeUndefined();
    expect(directStats.fallbacks).toBe(before + 2);
    expect(directPath(long).html).toBe(oldPath(long));
  });

  it('re-sanitises less than about twice the body when looking for where raw HTML closes', () => {
    const para = `${'word '.repeat(2000)}\n\n`;
    for (const closeAfter of [3, 9, 15, 40]) {
      const md = `<div>\n\n${para.repeat(closeAfter)}</div>\n\n${para}`;
      const before = directStats.sanitizedChars;
      readMarkdown(md, 1);
      expect(directStats.sanitizedChars - before).toBeLessThan(2.2 * md.length);
    }
  });

  it('falls back when raw HTML nests deeper than the sanitiser flattens (its diagnostic comes from the old path)', () => {
    const md = `Text\n\n${'<div>'.repeat(300)}x${'</div>'.repeat(300)}\n\nMore`;
    expect(readMarkdown(md, 1).direct).toBeUndefined();
    expect(directPath(md).html).toBe(oldPath(md));
    const shallow = `Text\n\n${'<div>'.repeat(20)}x${'</div>'.repeat(20)}\n\nMore`;
    expect(readMarkdown(shallow, 1).direct).toBe(true);
    expect(directPath(shallow).html).toBe(oldPath(shallow));
  });

  it('keeps the <!--more--> divider for the summary and out of the body', () => {
    const md = 'Teaser *here*.\n\n<!--more-->\n\nThe rest.';
    const r = readMarkdown(md, 1);
    expect(r.direct).toBe(true);
    expect(r.summaryText).toBe('Teaser here.');
    expect(r.bodyHtml).toBe('<p>Teaser <em>here</em>.</p>\n<p>The rest.</p>');
    expect(directPath(md).html).toBe(oldPath(md));
  });

  it('sends raw HTML through the sanitiser and checks URL schemes once they are absolute', () => {
    const r = readMarkdown('A <b onclick="x()">b</b> [j](javascript:alert(1)) [r](../y/) ![i](data:image/svg+xml,x)\n\n<script>alert(1)</script>', 1);
    expect(r.direct).toBe(true);
    const out = finishDirectHtml(r.bodyHtml, { baseUrl: BASE }).html;
    expect(out).toBe('<p>A <b>b</b> <a>j</a> <a href="https://example.com/posts/y/" rel="noopener noreferrer">r</a> <img alt="i" /></p>');
  });

  it.each(XSS_VECTORS.map((v, i) => [i, v] as const))('XSS vector %i in Markdown: same as the old path, nothing executable', (_i, vector) => {
    for (const md of [`before\n\n${vector}\n\nafter`, `inline ${vector} text`]) {
      const direct = directPath(md);
      expect(executableParts(direct.html)).toEqual([]);
      expect(direct.html).toBe(oldPath(md));
    }
  });

  it('renders the golden and sample Markdown articles byte-identically to the old path', () => {
    const files = ['articles/2024-03-11-feedwright-0-1.md', 'articles/cafe-de-olla.md', 'articles/upcoming-election-guide.md', 'articles/why-stable-ids-matter.md'];
    for (const f of files) {
      const md = readFileSync(path.join(import.meta.dirname, '../..', f), 'utf8');
      expect(directPath(md).direct).toBe(true);
      expect(directPath(md).html).toBe(oldPath(md));
    }
  });
});

describe('replaceUrlTags', () => {
  it('replaces what a global search for the URL tags replaces', () => {
    const URL_TAG = /<(a|img|audio|video|source|track|blockquote|q|del|ins)((?: [a-z-]+(?:="[^"]*")?)*)( \/)?>/g;
    const pieces = ['<a href="/x">', '</a>', '<img src="y" alt="" />', '<b>', '<', '>', 'text', ' ', '<blockquote>', '<q cite="c">', '<ins>', '<del>', '<a', '<abbr>', '<audio controls>', '<source src="s" />', '<video poster="p">', '<track src="t">', '<a  href="x">', '<a href="x', '"', '<img', ' />', '<strong>', '<i>', '<d>', '<<a>', 'é'];
    const mark = (whole: string, tag: string, attrs: string, close: string | undefined): string => `[${tag}|${attrs}|${close ?? '-'}|${whole.length}]`;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const html = parts.join('');
        expect(replaceUrlTags(html, mark)).toBe(html.replace(URL_TAG, mark));
      }),
      { numRuns: 3000 },
    );
  });
});
