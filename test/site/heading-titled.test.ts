import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A site whose generator titles a page by its front matter title, else its first `# heading`
 * (VitePress, MkDocs, Nuxt Content), with a page that has neither (anonymised from a VitePress
 * blog whose notes open with text): MkDocs and Nuxt Content title it by its file name, VitePress's
 * sidebars too (its <title> is then the site's name). Such a page failed META_TITLE_MISSING.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function titles(files: Record<string, string>, articles: string): Promise<{ titles: string[]; stderr: string; code: number }> {
  const dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, 'fw-heading-titled-');
  dirs.push(dir);
  const r = await run(['build', '--articles', articles], { cwd: dir });
  const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { title: string }[] };
  return { titles: feed.items.map((i) => i.title).sort(), stderr: r.stderr, code: r.code };
}

const pages = {
  'no-heading.md': '---\ndate: 2024-01-02\n---\nA note that opens with text, long enough to be a body.\n\n## A section\n\nMore.\n',
  'titled.md': '---\ndate: 2024-01-03\n---\nA lead.\n\n# The heading\n\nText.\n',
  'given.md': '---\ntitle: Given title\ndate: 2024-01-04\n---\nText.\n',
};

describe('a page with no title and no # heading, on a site that titles pages by their first heading', () => {
  it('VitePress: titled by its file name, published', async () => {
    const files = Object.fromEntries(Object.entries(pages).map(([k, v]) => [`docs/posts/${k}`, v]));
    const r = await titles({ 'docs/.vitepress/config.js': 'export default { title: "Site" }\n', ...files }, 'docs/posts');
    expect(r.stderr).not.toContain('META_TITLE_MISSING');
    expect(r.titles).toEqual(['Given title', 'No heading', 'The heading']);
    expect(r.code).toBe(0);
  });

  it('MkDocs: the same', async () => {
    const files = Object.fromEntries(Object.entries(pages).map(([k, v]) => [`docs/${k}`, v]));
    const r = await titles({ 'mkdocs.yml': 'site_name: Notes\n', ...files }, 'docs');
    expect(r.titles).toEqual(['Given title', 'No heading', 'The heading']);
  });

  it('elsewhere, or with an empty title key, the page still has no title (META_TITLE_MISSING)', async () => {
    const plain = await titles(Object.fromEntries(Object.entries(pages).map(([k, v]) => [`notes/${k}`, v])), 'notes');
    expect(plain.stderr).toContain('notes/no-heading.md:1 error META_TITLE_MISSING');
    const empty = await titles(
      { 'mkdocs.yml': 'site_name: Notes\n', 'docs/empty.md': '---\ntitle:\ndate: 2024-01-02\n---\nText of a page.\n', 'docs/given.md': pages['given.md'] },
      'docs',
    );
    expect(empty.stderr).toContain('META_TITLE_MISSING');
  });
});
