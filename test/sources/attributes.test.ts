import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removeAttributeLists } from '../../src/sources/attributes.js';
import { readMarkdown } from '../../src/sources/markdown.js';
import { countNewlines } from '../../src/util/text.js';
import { siteArticleHtml } from '../helpers/project.js';

const ALL = { headings: true, blocks: true, spans: true };
const NONE = { headings: false, blocks: false, spans: false };

describe('attribute lists the site renderer reads are not published as text', () => {
  it('heading ids and classes, ATX and setext', () => {
    expect(removeAttributeLists('## Setup {#setup}\n\n### Notes {.small #n}\n\nTitle {#t}\n=====\n', ALL)).toBe('## Setup\n\n### Notes\n\nTitle\n=====\n');
  });

  it("block lists: Goldmark's {.box} and kramdown's {: .note} lines; kramdown's {:toc} list goes whole", () => {
    expect(removeAttributeLists('A note.\n{.box}\n\nB.\n{: .note #b}\n\n* TOC\n{:toc}\n\nText.\n', ALL)).toBe('A note.\n\n\nB.\n\n\n\n\n\nText.\n');
  });

  it("span lists after an image, a link or emphasis (kramdown's IAL, markdown-it-attrs)", () => {
    expect(removeAttributeLists('![d](/a.png){: width="512" }, [x](/y){.button} and *em*{:.k}', ALL)).toBe('![d](/a.png), [x](/y) and *em*');
  });

  it('code keeps its attribute lists; so does text that is not one', () => {
    const text = '```\n## Setup {#setup}\n{.box}\n```\n\nUse `{: .note}` here; {not a list} and a {#each} block.\n';
    expect(removeAttributeLists(text, ALL)).toBe(text);
  });

  it('only the syntaxes the site reads: Goldmark without block attributes keeps {.box}', () => {
    expect(removeAttributeLists('## A {#a}\n\nB.\n{.box}\n', { headings: true, blocks: false, spans: false })).toBe('## A\n\nB.\n{.box}\n');
    expect(removeAttributeLists('## A {#a}\n', NONE)).toBe('## A {#a}\n');
  });

  it('keeps the line count (diagnostics name lines after the lists), on any text', () => {
    const piece = fc.constantFrom('## A {#a}', '{.box}', '{: .x}', '* TOC', '{:toc}', '![i](x){: w="1"}', '```', 'text', '', '`{#a}`', '{', '}', '{#', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('\n');
        expect(countNewlines(removeAttributeLists(text, ALL))).toBe(countNewlines(text));
      }),
    );
  });

  it('rendered: no attribute list reaches the HTML', () => {
    const r = readMarkdown('## Setup {#setup}\n\nSome text.\n{.box}\n', 1, { frontMatter: { title: 'T' }, templates: { engine: 'none', attributes: ALL } });
    expect(r.bodyHtml).toBe('<h2>Setup</h2>\n<p>Some text.</p>');
  });
});

describe('which syntaxes a site reads, from its generator', () => {
  const post = '---\ntitle: T\ndate: 2024-01-01\n---\n\n## Setup {#setup}\n\nSome text.\n{.box}\n';

  it('Hugo: heading attributes by default, block attributes only when parser.attribute.block is on', async () => {
    expect(await siteArticleHtml({ 'hugo.toml': 'baseURL = "https://h.example/"\n', 'content/posts/a.md': post }, 'content/posts')).toBe(
      '<h2>Setup</h2>\n<p>Some text.\n{.box}</p>',
    );
    const on = 'baseURL = "https://h.example/"\n[markup.goldmark.parser.attribute]\nblock = true\n';
    expect(await siteArticleHtml({ 'hugo.toml': on, 'content/posts/a.md': post }, 'content/posts')).toBe('<h2>Setup</h2>\n<p>Some text.</p>');
  });

  it("Jekyll with kramdown (its default) reads them; another Markdown engine and Astro's do not", async () => {
    expect(await siteArticleHtml({ '_config.yml': 'url: https://j.example\n', '_posts/2024-01-01-a.md': post }, '_posts')).toBe('<h2>Setup</h2>\n<p>Some text.</p>');
    const gfm = await siteArticleHtml({ '_config.yml': 'url: https://j.example\nmarkdown: CommonMarkGhPages\n', '_posts/2024-01-01-a.md': post }, '_posts');
    expect(gfm).toContain('{#setup}');
    const astro = await siteArticleHtml({ 'package.json': '{"dependencies":{"astro":"4.0.0"}}', 'src/content/blog/a.md': post }, 'src/content/blog');
    expect(astro).toContain('{#setup}');
  });

  it('kramdown\'s markdown="1": a wrapper element\'s content is read as Markdown, the wrapper goes; other elements, code and other renderers keep theirs', async () => {
    const KRAMDOWN = { ...ALL, markdownInHtml: true };
    const text = 'Before.\n\n<div markdown="1" style="display: inline-block;">\n[![](/p.png){: .align-left}](https://p.example) Support *me*.\n<div markdown=\'1\'>\nInner **bold**.\n</div>\n</div>\n\n<details markdown="1">\n*kept as HTML*\n</details>\n\n```\n<div markdown="1">\n```\n';
    const out = removeAttributeLists(text, KRAMDOWN);
    expect(out).toBe('Before.\n\n\n[![](/p.png)](https://p.example) Support *me*.\n\nInner **bold**.\n\n\n\n<details markdown="1">\n*kept as HTML*\n</details>\n\n```\n<div markdown="1">\n```\n');
    // Without the setting (marked, Goldmark) nothing changes; a start tag without its end stays.
    expect(removeAttributeLists(text, ALL)).toBe(text.replace('{: .align-left}', ''));
    expect(removeAttributeLists('<div markdown="1">\n*a*\n', KRAMDOWN)).toBe('<div markdown="1">\n*a*\n');
    const html = await siteArticleHtml({ '_config.yml': 'url: https://j.example\n', '_posts/2024-01-01-a.md': `---\ntitle: A\n---\n\n${text}` }, '_posts');
    expect(html).toContain('<p><a href="https://p.example/" rel="noopener noreferrer"><img src="https://j.example/p.png" alt="" /></a> Support <em>me</em>.</p>\n<p>Inner <strong>bold</strong>.</p>');
  });

  it('markdown="1" unwrapping keeps the line count, and its pass stays linear on unclosed and mismatched tags', () => {
    const KRAMDOWN = { ...ALL, markdownInHtml: true };
    const piece = fc.constantFrom('<div markdown="1">', '</div>', '<span\nmarkdown="1">', '</span>', '<section markdown=block>', '</section>', 'text', '', '```');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('\n');
        expect(countNewlines(removeAttributeLists(text, KRAMDOWN))).toBe(countNewlines(text));
      }),
    );
    const nasty = `${'<div markdown="1">'.repeat(50_000)}${'</span>'.repeat(50_000)}`;
    const started = process.cpuUsage();
    expect(removeAttributeLists(nasty, KRAMDOWN)).toBe(nasty);
    // Linear: well under a second of CPU on 100,000 tags (a quadratic pass would take minutes).
    expect(process.cpuUsage(started).user).toBeLessThan(5_000_000);
  });

  it('Eleventy: only with markdown-it-attrs', async () => {
    const with11ty = (deps: string) => ({ 'package.json': `{"devDependencies":{"@11ty/eleventy":"3.0.0"${deps}}}`, 'posts/a.md': post });
    expect(await siteArticleHtml(with11ty(', "markdown-it-attrs": "4.1.0"'), 'posts')).toBe('<h2>Setup</h2>\n<p>Some text.</p>');
    expect(await siteArticleHtml(with11ty(''), 'posts')).toContain('{.box}');
  });
});
