import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/sources/markdown.js';
import type { MathSyntax } from '../../src/sources/math.js';
import { siteArticleHtml } from '../helpers/project.js';

const REMARK: MathSyntax = { inlineDollar: true, brackets: false };
const KRAMDOWN: MathSyntax = { inlineDollar: false, brackets: false };
const render = (body: string, math?: MathSyntax, extra: { mdx?: boolean; direct?: boolean } = {}) =>
  readMarkdown(body, 1, { templates: { engine: 'none', ...(math ? { math } : {}) }, ...extra }).bodyHtml;

describe('TeX math the site renders is kept as written', () => {
  it('inline and display math: no emphasis, no escapes taken, delimiters kept', () => {
    const body = 'Let $a_1 + b_1 = c_1$ hold.\n\n$$\n\\mathbf{Y} = \\left[ y_1 \\\\ y_n \\right]\n$$\n';
    expect(render(body, REMARK)).toBe('<p>Let $a_1 + b_1 = c_1$ hold.</p>\n<p>$$\n\\mathbf{Y} = \\left[ y_1 \\\\ y_n \\right]\n$$</p>');
    // Without the site's math, marked reads the TeX as Markdown (what this guards against).
    expect(render(body)).toContain('y_1 \\ y_n');
  });

  it('both renderers agree (the direct one and marked + sanitiser); footnotes keep math too', () => {
    // (marked's own HTML is sanitised later, which trims it.)
    const body = 'A $x^{2} < y$ & $$z_1$$ here.\n';
    expect(render(body, REMARK, { direct: true })).toBe(render(body, REMARK, { direct: false }).trim());
    const notes = render('See $a*b*c$.[^1]\n\n[^1]: A note with $n_1*$.\n', REMARK);
    expect([notes.includes('See $a*b*c$.'), notes.includes('A note with $n_1*$.')]).toEqual([true, true]);
    expect(render('A $x^{2} < y$ & more.\n', REMARK)).toBe('<p>A $x^{2} &lt; y$ &amp; more.</p>');
  });

  it('math far into a long paragraph, wherever it falls against the look-ahead window', () => {
    for (let pad = 480; pad < 560; pad++) {
      const html = render(`${'a'.repeat(pad)} $x_1*y_1*$ end.\n`, REMARK);
      expect(html).toContain(' $x_1*y_1*$ end.');
    }
  });

  it('prices and code are no math; kramdown reads only $$', () => {
    expect(render('It costs $5 and $10 now, or $ 3 $.\n', REMARK)).toBe('<p>It costs $5 and $10 now, or $ 3 $.</p>');
    expect(render('Code `$a_1$` stays code.\n', REMARK)).toBe('<p>Code <code>$a_1$</code> stays code.</p>');
    expect(render('Kramdown: $$a_1*b*$$ but $c*d*$.\n', KRAMDOWN)).toBe('<p>Kramdown: $$a_1*b*$$ but $c<em>d</em>$.</p>');
  });

  it('MDX: braces inside math are TeX, not expressions', () => {
    const r = readMarkdown('The estimator $\\hat{\\beta}$ and {props.x}.\n', 1, { mdx: true, templates: { engine: 'none', math: REMARK } });
    expect(r.bodyHtml).toBe('<p>The estimator $\\hat{\\beta}$ and .</p>');
    expect(r.diagnostics?.map((d) => d.message)).toEqual(['An MDX {expression} cannot be evaluated outside the site and was removed (line 1).']);
  });
});

describe('which sites render math', () => {
  const post = '---\ntitle: T\ndate: 2024-01-01\n---\n\nLet $a_1 + b_1$ and $$x_1 *y_1* z$$ hold.\n';

  it('Next.js with remark-math: $ and $$; without it: Markdown', async () => {
    const next = (deps: string) => ({ 'package.json': `{"dependencies":{"next":"14.0.0"${deps}}}`, 'posts/a.md': post });
    expect(await siteArticleHtml(next(',"remark-math":"6.0.0"'), 'posts')).toBe('<p>Let $a_1 + b_1$ and $$x_1 *y_1* z$$ hold.</p>');
    expect(await siteArticleHtml(next(''), 'posts')).toContain('<em>');
  });

  it("Jekyll (kramdown): $$ only; Hugo: what the passthrough extension's delimiters name", async () => {
    expect(await siteArticleHtml({ '_config.yml': 'url: https://j.example\n', '_posts/2024-01-01-a.md': post }, '_posts')).toBe('<p>Let $a_1 + b_1$ and $$x_1 *y_1* z$$ hold.</p>');
    const hugo =
      'baseURL = "https://h.example/"\n[markup.goldmark.extensions.passthrough]\nenable = true\n[markup.goldmark.extensions.passthrough.delimiters]\nblock = [["$$", "$$"]]\ninline = [["$", "$"]]\n';
    expect(await siteArticleHtml({ 'hugo.toml': hugo, 'content/posts/a.md': post }, 'content/posts')).toBe('<p>Let $a_1 + b_1$ and $$x_1 *y_1* z$$ hold.</p>');
    expect(await siteArticleHtml({ 'hugo.toml': 'baseURL = "https://h.example/"\n', 'content/posts/a.md': post }, 'content/posts')).toContain('<em>');
  });
});
