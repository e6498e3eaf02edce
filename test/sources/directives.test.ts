import { describe, expect, it } from 'vitest';
import { githubAlerts, renderDirectives } from '../../src/sources/directives.js';
import { readMarkdown } from '../../src/sources/markdown.js';
import { siteArticleHtml } from '../helpers/project.js';

const render = (body: string, directives: boolean) => readMarkdown(body, 1, { file: 'a.md', templates: { engine: 'none', directives } });

describe('generic directives (remark-directive, markdown-it-container) where the site reads them', () => {
  it('a container is a block quote with its title (label, else name); nested ones close in order', () => {
    const r = render(':::note\nTake *care*.\n:::\n\n::::tip[Do this]{.x}\nOuter.\n:::warning\nInner.\n:::\n::::\n', true);
    expect(r.bodyHtml).toBe(
      '<blockquote><p><strong>Note</strong></p>\n<p>Take <em>care</em>.</p>\n</blockquote><blockquote><p><strong>Do this</strong></p>\n<p>Outer.</p>\n<blockquote><p><strong>Warning</strong></p>\n<p>Inner.</p>\n</blockquote></blockquote>',
    );
  });

  it('a leaf directive is named in the removal warning (its label stays); a text directive keeps its text; code keeps them', () => {
    const r = render('Intro.\n\n::github{repo="a/b"}\n\n::youtube[A talk]{id="x"}\n\nSee :abbr[HTML]{title="HyperText"} here.\n\n```\n:::note\n```\n', true);
    expect(r.bodyHtml).toContain('<p>A talk</p>');
    expect(r.bodyHtml).toContain('<p>See HTML here.</p>');
    expect(r.bodyHtml).toContain('<pre><code>:::note\n</code></pre>');
    expect(r.bodyHtml).not.toContain('::github');
    expect(r.diagnostics?.map((d) => [d.code, d.line, d.message])).toEqual([
      ['CONTENT_TEMPLATE_REMOVED', 3, 'Template code that cannot be rendered was removed from the body: ::github (line 3), ::youtube (line 5).'],
    ]);
  });

  it('without the site reading them, the text stays as written; lines are kept either way', () => {
    expect(render(':::note\nA.\n:::\n', false).bodyHtml).toBe('<p>:::note\nA.\n:::</p>');
    // A box before a leaf does not move the leaf's line; a box left open is closed at the end.
    const r = renderDirectives(':::note[x]\nA.\n:::\n\n::leaf\n:::open\nB.\n', 10, 'a.md');
    expect(r.diagnostics.map((d) => d.line)).toEqual([14]);
    expect(r.text.match(/<\/?blockquote>/g)).toEqual(['<blockquote>', '</blockquote>', '<blockquote>', '</blockquote>']);
  });

  it("GitHub alerts: the marker becomes the quote's bold title, on any site; code and later quote lines keep theirs", () => {
    expect(githubAlerts('> [!NOTE]\n> Read this.\n\n> [!tip] Custom title\n> x\n\n`> [!NOTE]`\n')).toBe('> **Note**\n> Read this.\n\n> **Custom title**\n> x\n\n`> [!NOTE]`\n');
    expect(githubAlerts('> A quote\n> [!NOTE]\n')).toBe('> A quote\n> [!NOTE]\n');
    expect(render('> [!WARNING]\n> Hot.\n', false).bodyHtml).toBe('<blockquote>\n<p><strong>Warning</strong>\nHot.</p>\n</blockquote>');
  });

  it('detected from the site: Next.js with remark-directive, as Astro', async () => {
    const files = {
      'package.json': '{"dependencies":{"next":"14.0.0","remark-directive":"3.0.0"}}',
      'posts/a.md': '---\ntitle: T\ndate: 2024-01-01\n---\n\n:::tip\nA tip.\n:::\n',
    };
    expect(await siteArticleHtml(files, 'posts')).toBe('<blockquote><p><strong>Tip</strong></p>\n<p>A tip.</p>\n</blockquote>');
  });

  it('detected from the site: Astro whose own plugin reads them with mdast-util-directive', async () => {
    const files = {
      'package.json': '{"dependencies":{"astro":"5.0.0","mdast-util-directive":"3.0.0"}}',
      'src/content/post/a.md': '---\ntitle: T\npublishDate: 2024-01-01\n---\n\n:::note\nA note.\n:::\n',
    };
    expect(await siteArticleHtml(files, 'src/content/post')).toBe('<blockquote><p><strong>Note</strong></p>\n<p>A note.</p>\n</blockquote>');
  });

  it('detected from the site: Astro with remark-directive', async () => {
    const files = {
      'package.json': '{"dependencies":{"astro":"5.0.0","remark-directive":"3.0.0"}}',
      'src/content/posts/a.md': '---\ntitle: T\npublished: 2024-01-01\n---\n\n:::tip\nA tip.\n:::\n',
    };
    expect(await siteArticleHtml(files, 'src/content/posts')).toBe('<blockquote><p><strong>Tip</strong></p>\n<p>A tip.</p>\n</blockquote>');
  });
});
