import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * Quarto's include shortcode (anonymised from a course blog whose every post is an `index.qmd` of
 * front matter and `{{< include _content.qmd >}}`): the included file's text is the post's body,
 * as Quarto renders it; before, the include was removed and each post was empty (a blank summary
 * in the Atom feed, the W3C validator's "summary should not be blank").
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const site = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '_quarto.yml': 'project:\n  type: website\nwebsite:\n  title: Aulas\n  site-url: https://aulas.example/\n',
  '_shared/footer.qmd': 'Shared footer text.\n',
  'posts/01_intro/index.qmd': '---\ntitle: Introdução\ndate: 2026-04-27\n---\n{{< include _content.qmd >}}',
  'posts/01_intro/_content.qmd': '# Introdução\n\nO curso começa com {{ placeholders }} escritos assim.\n\n{{< include _more.qmd >}}\n\n{{< include /_shared/footer.qmd >}}\n',
  'posts/01_intro/_more.qmd': '---\nfrom: nested\n---\nUm parágrafo incluído de outro arquivo.\n',
  'posts/02_code/index.qmd': '---\ntitle: Código\ndate: 2026-05-04\n---\nTexto.\n\n```markdown\n{{< include _content.qmd >}}\n```\n\n{{< include _missing.qmd >}}\n',
  'posts/02_code/_content.qmd': 'NOT INCLUDED\n',
};

type Item = { title: string; content_html: string; summary: string };

async function build(dir: string): Promise<{ items: Item[]; stderr: string }> {
  const r = await run(['build', '--articles', 'posts'], { cwd: dir });
  const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: Item[] };
  return { items: feed.items, stderr: r.stderr };
}

describe("Quarto's {{< include >}}", () => {
  it("stands for the named file's text (nested, and from the project's root with /), outside code", async () => {
    const dir = makeTree(site, 'fw-quarto-include-');
    dirs.push(dir);
    const { items, stderr } = await build(dir);
    const intro = items.find((i) => i.title === 'Introdução') as Item;
    expect(intro.content_html).toContain('O curso começa com {{ placeholders }} escritos assim.');
    expect(intro.content_html).toContain('Um parágrafo incluído de outro arquivo.');
    expect(intro.content_html).not.toContain('from: nested');
    expect(intro.content_html).toContain('Shared footer text.');
    expect(intro.summary).not.toBe('');
    const code = items.find((i) => i.title === 'Código') as Item;
    expect(code.content_html).toContain('{{&lt; include _content.qmd &gt;}}');
    expect(code.content_html).not.toContain('NOT INCLUDED');
    // A file that is not there: removed, and said.
    expect(stderr).toMatch(/posts\/02_code\/index\.qmd:\d+ warning CONTENT_TEMPLATE_REMOVED[^\n]*\{\{< include >\}\}/);
    expect(items).toHaveLength(2);
  });

  it('a change to an included file rebuilds the post that includes it', async () => {
    const dir = makeTree(site, 'fw-quarto-include-');
    dirs.push(dir);
    await build(dir);
    writeFileSync(path.join(dir, 'posts/01_intro/_more.qmd'), 'Um parágrafo novo.\n');
    const { items } = await build(dir);
    expect((items.find((i) => i.title === 'Introdução') as Item).content_html).toContain('Um parágrafo novo.');
  });
});
