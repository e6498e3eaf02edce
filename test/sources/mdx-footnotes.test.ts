/** MDX files and GFM footnotes (issue 13, item 7). */
import { describe, expect, it } from 'vitest';
import { SOURCE_EXTENSIONS } from '../../src/sources/files.js';
import { readMarkdown } from '../../src/sources/markdown.js';
import { readDocument } from '../../src/sources/read.js';

const ctx = { timezone: 'UTC', template: new Set<string>(), dropPatterns: [], keepPatterns: [], now: new Date('2026-01-01T00:00:00Z') };

describe('.mdx', () => {
  it('is read as Markdown', () => {
    expect(SOURCE_EXTENSIONS['.mdx']).toBe('markdown');
  });

  it('drops imports, exports, components and expressions; keeps plain Markdown and code; one warning per component', () => {
    const text = [
      '---',
      'title: MDX post',
      '---',
      "import Chart from '../components/Chart'",
      "import { Tabs } from 'ui'",
      'export const meta = {',
      '  a: 1,',
      '}',
      '',
      'Intro with **bold** and {props.count} items.{/* a comment */}',
      '',
      '<Tabs type="warn" title={"Don\'t"}>',
      'Inside *kept*.',
      '</Tabs>',
      '',
      '<Chart data={[1, 2]} onClick={() => a > b} />',
      '',
      '<Chart />',
      '',
      '```jsx',
      '<Keep prop={1} />',
      '```',
      '',
      'A <span>html</span> tag.',
    ].join('\n');
    const r = readDocument({ kind: 'markdown', relPath: 'p.mdx', displayPath: 'articles/p.mdx' }, text, ctx);
    if (!r.ok) throw new Error('not read');
    const html = r.doc.bodyHtml;
    expect(html).not.toMatch(/import|export|Tabs|Chart|props\.count|comment/);
    expect(html).toContain('Intro with <strong>bold</strong> and  items.');
    expect(html).toContain('Inside <em>kept</em>.');
    expect(html).toContain('&lt;Keep prop={1} /&gt;');
    expect(html).toContain('<span>html</span>');
    const removed = r.diagnostics.filter((d) => d.code === 'CONTENT_MDX_REMOVED');
    expect(removed.map((d) => [d.file, d.line, d.message.slice(0, 35)])).toEqual([
      ['articles/p.mdx', 12, 'The MDX component <Tabs> cannot be '],
      ['articles/p.mdx', 16, 'The MDX component <Chart> (2 times)'],
      ['articles/p.mdx', 10, 'An MDX {expression} cannot be evalu'],
    ]);
  });

  it("a link's destination and title are no expression: their braces stay, as MDX reads them; braces after the link are an expression again", () => {
    const text = 'See the [Runs API](https://api.example/jobs~1{id}/get "All {runs}") and [list](<https://x.example/a b/{n}>), then {props.count}.\n';
    const r = readDocument({ kind: 'markdown', relPath: 'p.mdx', displayPath: 'articles/p.mdx' }, text, ctx);
    if (!r.ok) throw new Error('not read');
    expect(r.doc.bodyHtml).toContain('href="https://api.example/jobs~1%7Bid%7D/get"');
    expect(r.doc.bodyHtml).toContain('href="https://x.example/a%20b/%7Bn%7D"');
    expect(r.doc.bodyHtml).toContain('title="All {runs}"');
    expect(r.doc.bodyHtml).not.toContain('props');
    expect(r.diagnostics.filter((d) => d.code === 'CONTENT_MDX_REMOVED').map((d) => d.line)).toEqual([1]);
  });

  it('a callout box (<AlertBox>, <Aside>, <Callout>…) whose tags pair is a block quote with its title, without a warning', () => {
    const text = ['<AlertBox level="warning" title={"Don\'t"}>', 'Inside *kept*.', '</AlertBox>', '', '<Aside type="tip">A tip.</Aside>', '', '<Note>', 'never closed'].join('\n');
    const r = readDocument({ kind: 'markdown', relPath: 'p.mdx', displayPath: 'articles/p.mdx' }, text, ctx);
    if (!r.ok) throw new Error('not read');
    expect(r.doc.bodyHtml.replace(/\n/g, '')).toBe("<blockquote><p><strong>Don't</strong></p><p>Inside <em>kept</em>.</p></blockquote><blockquote><p><strong>Tip</strong></p><p>A tip.</p></blockquote><p>never closed</p>");
    expect(r.diagnostics.filter((d) => d.code === 'CONTENT_MDX_REMOVED').map((d) => [d.line, d.message.slice(0, 30)])).toEqual([[7, 'The MDX component <Note> canno']]);
  });

  it('an HTML tag takes a string-literal attribute value as written and loses an attribute whose value is another expression (not a dangling "src=")', () => {
    const text = [
      'Calendar:',
      '',
      '<img',
      '    src={"https://img.example/cal.jpg?format=jpg&name=medium"}',
      '    alt={\'The "big" calendar\'}',
      '    width="408"',
      '    style={{ border: 0 }}',
      '/>',
      '',
      '<a href={url} title={\'x\'}>link</a>',
    ].join('\n');
    const r = readDocument({ kind: 'markdown', relPath: 'p.mdx', displayPath: 'articles/p.mdx' }, text, ctx);
    if (!r.ok) throw new Error('not read');
    const html = r.doc.bodyHtml.replace(/\s+/g, ' ');
    expect(html).toContain('<img src="https://img.example/cal.jpg?format=jpg&amp;name=medium" alt="The &quot;big&quot; calendar" width="408" />');
    expect(html).toContain('<a title="x">link</a>');
    expect(html).not.toMatch(/&lt;img|src=\s|style|\{/);
    const removed = r.diagnostics.filter((d) => d.code === 'CONTENT_MDX_REMOVED');
    expect(removed.map((d) => [d.line, d.message])).toEqual([[7, expect.stringContaining('2 MDX {expressions}')]]);
    expect(removed[0]?.message).toContain('line 7, 10');
  });

  it('leaves a .md file\'s braces and capitalised tags alone', () => {
    const r = readDocument({ kind: 'markdown', relPath: 'p.md', displayPath: 'articles/p.md' }, 'A {b} <Xy> c', ctx);
    expect(r.ok && r.doc.bodyHtml).toBe('<p>A {b} <Xy> c</p>\n');
  });
});

describe('GFM footnotes', () => {
  it('renders references and the notes list', () => {
    const r = readMarkdown('Claim[^1] and another[^note].\n\n[^1]: First *note*.\n[^note]: Second.\n', 1);
    expect(r.bodyHtml).not.toContain('[^');
    expect(r.bodyHtml).toContain('<sup><a href="#footnote-1"');
    expect(r.bodyHtml).toContain('First <em>note</em>.');
    expect(r.bodyHtml).toMatch(/<section>[\s\S]*<ol>[\s\S]*Second\./);
    expect(r.summaryText ?? r.bodyText).toMatch(/^Claim1 and another2\./);
  });

  it('keeps per-document numbering and leaves a body without notes as before', () => {
    const a = readMarkdown('A[^x].\n\n[^x]: X.', 1).bodyHtml;
    const b = readMarkdown('B[^y].\n\n[^y]: Y.', 1).bodyHtml;
    expect(a).toMatch(/href="#footnote-x"[^>]*>1<\/a>/);
    expect(b).toMatch(/href="#footnote-y"[^>]*>1<\/a>/);
    expect(readMarkdown('No [^z] definition.', 1).bodyHtml).toBe('<p>No [^z] definition.</p>');
  });

  it('reads a title line holding a footnote reference (it threw a TypeError)', () => {
    const r = readMarkdown('# Title [^1]\n\nText[^1].\n\n[^1]: N.', 1);
    expect(r.found.title?.value).toBe('Title [^1]');
    expect(r.bodyHtml).toContain('Text<sup>');
  });

  it('takes a leading heading as the title with footnotes present', () => {
    const r = readMarkdown('# Title\n\nText[^1].\n\n[^1]: N.', 1);
    expect(r.found.title?.value).toBe('Title');
    expect(r.bodyHtml).not.toContain('<h1>');
  });
});

describe('.mdx on hostile input', () => {
  it('stays linear on unclosed comments, strings, tags and many components', () => {
    for (const unit of ['{/*', '<A/>\n', '{x}\n', '<A b="', '{"a\n', '<A {', '`{', '<a {', '<img src={x} ', '<a\nb={"c"}\n']) {
      const start = process.cpuUsage();
      const r = readDocument({ kind: 'markdown', relPath: 'p.mdx', displayPath: 'p.mdx' }, unit.repeat(40_000), ctx);
      const used = process.cpuUsage(start);
      expect(r.ok, unit).toBe(true);
      // Quadratic scans take tens of seconds here; linear ones a few hundred ms at most.
      expect((used.user + used.system) / 1000, unit).toBeLessThan(3_000);
    }
  });
});
