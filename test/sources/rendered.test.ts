import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRuleAbove } from '../../src/site/rendered.js';
import { listSources } from '../../src/sources/files.js';
import { makeTree } from '../helpers/project.js';

/*
 * A site generator without a preset renders only some of the files beside its posts (anonymised
 * shapes of real sites: a Quarto blog with `_content.qmd` includes, a knitr cache and data `.txt`
 * in a post's folder; a Gatsby blog with a `notes.txt` in a post's folder).
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, 'fw-rendered-');
  dirs.push(dir);
  return dir;
}

const display = (dir: string) => (abs: string) => path.relative(dir, abs).split(path.sep).join('/');

async function listed(dir: string, articles: string) {
  const { files, diagnostics } = await listSources(path.join(dir, articles), display(dir));
  return { files: files.map((f) => f.relPath), notes: diagnostics.map((d) => [d.code, d.file, d.message]) };
}

describe('the files a generator without a preset renders', () => {
  it('Quarto: no file or folder named _x, and no text or HTML file beside a post', async () => {
    const dir = tree({
      '_quarto.yml': 'project:\n  type: website\n',
      'posts/2024-02-27_intro/index.qmd': '---\ntitle: Intro\n---\nText.\n',
      'posts/2024-02-27_intro/_content.qmd': 'An included part.\n',
      'posts/2024-02-27_intro/epoch500.txt': '1700000000\n',
      'posts/2024-02-27_intro/index_cache/html/unnamed-chunk-1.html': '<p>cache</p>',
      'posts/2024-02-27_intro/notes.md': '---\ntitle: Notes\n---\nA page of its own.\n',
      'posts/_drafts/later.qmd': '---\ntitle: Later\n---\n',
      'posts/about.qmd': '---\ntitle: About\n---\n',
    });
    const { files, notes } = await listed(dir, 'posts');
    expect(files).toEqual(['2024-02-27_intro/index.qmd', '2024-02-27_intro/notes.md', 'about.qmd']);
    expect(notes).toEqual([
      ['META_NOT_A_POST', 'posts/2024-02-27_intro/_content.qmd', 'This is a file whose name starts with "_", which Quarto does not render, not a post; it is not an item.'],
      ['META_NOT_A_POST', 'posts/2024-02-27_intro/epoch500.txt', 'This is a text file, which Quarto does not make a page of, not a post; it is not an item.'],
      [
        'META_NOT_A_POST',
        'posts/2024-02-27_intro/index_cache/html/unnamed-chunk-1.html',
        'This is an HTML file, which Quarto does not make a page of, not a post; it is not an item.',
      ],
      ['META_NOT_A_POST', 'posts/_drafts', 'This is a folder whose name starts with "_", which Quarto does not render, not a post; it is not an item.'],
    ]);
  });

  it('Gatsby: a text file in a post folder below the site is no post', async () => {
    const dir = tree({
      'gatsby-config.js': 'module.exports = { siteMetadata: { title: "x" } }\n',
      'content/blog/hello/index.md': '---\ntitle: Hello\ndate: 2024-01-02\n---\nHi.\n',
      'content/blog/hello/notes.txt': 'to do: images\n',
      'content/blog/_partial.md': '---\ntitle: Partial\n---\n',
    });
    const { files, notes } = await listed(dir, 'content/blog');
    // Gatsby has no `_` rule for its content folders: `_partial.md` is a Markdown node like any other.
    expect(files).toEqual(['_partial.md', 'hello/index.md']);
    expect(notes.map((n) => n[1])).toEqual(['content/blog/hello/notes.txt']);
  });

  it('without such a generator, and inside a preset site, every source is read as before', async () => {
    const plain = tree({ 'articles/_a.md': '# A\n', 'articles/b.txt': 'B\n\nText.\n', 'articles/c.html': '<p>c</p>' });
    expect((await listed(plain, 'articles')).files).toEqual(['_a.md', 'b.txt', 'c.html']);
    expect(renderRuleAbove(path.join(plain, 'articles'))).toBeUndefined();
    // A Hugo site in a folder of a Quarto project: Hugo's rules (the pipeline's), not Quarto's.
    const nested = tree({ '_quarto.yml': 'project:\n  type: website\n', 'hugo/hugo.toml': 'baseURL = "https://x.example/"\n', 'hugo/content/posts/_a.md': '# A\n' });
    expect(renderRuleAbove(path.join(nested, 'hugo/content/posts'))).toBeUndefined();
    expect((await listed(nested, 'hugo/content/posts')).files).toEqual(['_a.md']);
  });
});

describe("Hugo's x.md beside x.<default language>.md", () => {
  const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-01-02\n---\nText.\n`;

  it('is one page, which Hugo takes from the file that names the language (hugo 0.111)', async () => {
    const dir = tree({
      'hugo.toml': 'baseURL = "https://x.example/"\n',
      'content/posts/x.md': post('Plain'),
      'content/posts/x.en.md': post('English'),
      'content/posts/b/index.md': post('Bundle'),
      'content/posts/b/index.en.md': post('Bundle en'),
      // Not the default language, and no language of the site: a page of its own (/posts/y.fr/).
      'content/posts/y.md': post('Y'),
      'content/posts/y.fr.md': post('Y fr'),
    });
    const { files, notes } = await listed(dir, 'content/posts');
    expect(files).toEqual(['b/index.en.md', 'x.en.md', 'y.fr.md', 'y.md']);
    expect(notes).toEqual([
      [
        'META_NOT_A_POST',
        'content/posts/b/index.md',
        'This is a file Hugo replaces with index.en.md beside it (one page, in the default language en), not a post; it is not an item.',
      ],
      ['META_NOT_A_POST', 'content/posts/x.md', 'This is a file Hugo replaces with x.en.md beside it (one page, in the default language en), not a post; it is not an item.'],
    ]);
  });

  it("follows the site's defaultContentLanguage, and leaves other generators' files alone", async () => {
    const fr = tree({
      'config/_default/hugo.toml': 'defaultContentLanguage = "fr"\n[languages.en]\nweight = 2\n',
      'config.toml': 'baseURL = "https://x.example/"\n',
      'content/posts/x.md': post('Français'),
      'content/posts/x.en.md': post('English'),
      'content/posts/z.md': post('Z'),
      'content/posts/z.fr.md': post('Z fr'),
    });
    expect((await listed(fr, 'content/posts')).files).toEqual(['x.en.md', 'x.md', 'z.fr.md']);
    const zola = tree({ 'config.toml': 'base_url = "https://x.example"\n', 'content/blog/x.md': post('X'), 'content/blog/x.en.md': post('X en') });
    expect((await listed(zola, 'content/blog')).files).toEqual(['x.en.md', 'x.md']);
    const jekyll = tree({ '_config.yml': 'title: x\n', '_posts/2024-01-02-x.md': post('X'), '_posts/2024-01-02-x.en.md': post('X en') });
    expect((await listed(jekyll, '_posts')).files).toEqual(['2024-01-02-x.en.md', '2024-01-02-x.md']);
  });
});
