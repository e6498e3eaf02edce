import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * The listing takes the site the build detected (src/pipeline/inputs.ts, siteListing) instead of
 * looking again from the articles folder up: a preset's site is read by its preset's rules even
 * when another generator's config (a project's docs: `mkdocs.yml`) or a file named like a Hugo
 * config (`config.json`) sits in its root. Anonymised shapes; before, a Hugo site with a
 * `mkdocs.yml` beside its `hugo.toml` lost its `.html` pages (MkDocs renders Markdown only), and an
 * Eleventy site with a `config.json` lost `note.md` beside `note.en.md` ("Hugo publishes the other").
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, 'fw-site-listing-');
  dirs.push(dir);
  return dir;
}

async function built(dir: string): Promise<{ urls: string[]; stderr: string }> {
  expect((await run(['init'], { cwd: dir })).code).toBe(0);
  const r = await run(['build'], { cwd: dir });
  const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] };
  return { urls: feed.items.map((i) => i.url).sort(), stderr: r.stderr };
}

describe("the listing reads the detected site's rules", () => {
  it("a Hugo site with a mkdocs.yml of the project's docs keeps its HTML pages", async () => {
    const dir = tree({
      'hugo.toml': 'baseURL = "https://site.example.org/"\ntitle = "Site"\n',
      'mkdocs.yml': 'site_name: Project docs\ndocs_dir: docs\n',
      'docs/index.md': '# Docs\n',
      'content/posts/first.md': '---\ntitle: First\ndate: 2024-01-02\n---\nText of the post.\n',
      'content/posts/second.html': '---\ntitle: Second\ndate: 2024-01-03\n---\n<p>Text of the post.</p>\n',
    });
    const { urls, stderr } = await built(dir);
    expect(stderr).not.toContain('MkDocs');
    expect(urls).toEqual(['https://site.example.org/posts/first/', 'https://site.example.org/posts/second/']);
  });

  it('an Eleventy site with a config.json keeps both of x.md and x.en.md', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'site', devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
      'config.json': JSON.stringify({ theme: 'light' }),
      '_data/metadata.json': JSON.stringify({ title: 'Site', url: 'https://site.example.org/' }),
      'posts/note.md': '---\ntitle: Note\ndate: 2024-01-02\n---\nText of the post.\n',
      'posts/note.en.md': '---\ntitle: Note in English\ndate: 2024-01-03\n---\nText of the post.\n',
    });
    const { urls, stderr } = await built(dir);
    expect(stderr).not.toContain('Hugo');
    expect(urls).toEqual(['https://site.example.org/posts/note.en/', 'https://site.example.org/posts/note/']);
  });
});
