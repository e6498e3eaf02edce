import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A Quarto blog whose posts name no author: Quarto gives each the `author` of the posts folder's
 * `_metadata.yml` (directory metadata) or of `_quarto.yml` (project metadata). Anonymised from a
 * Quarto blog (`posts/_metadata.yml`: `author: "…"`), where init wrote the placeholder "Your Name".
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function initAuthor(files: Record<string, string>, says?: string): Promise<unknown> {
  const dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, 'fw-quarto-author-');
  dirs.push(dir);
  const r = await run(['init'], { cwd: dir });
  expect(r.code).toBe(0);
  if (says) expect(r.stderr).toContain(says);
  return (JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as { author: unknown }).author;
}

const post = '---\ntitle: "A post"\ndate: 2023-07-03\n---\n\nText of the post.\n';

describe("a Quarto blog's author", () => {
  it("is the posts folder's _metadata.yml author, else _quarto.yml's, when it names one person", async () => {
    const quarto = 'project:\n  type: website\nwebsite:\n  title: "Notes"\n  site-url: "https://notes.example.org"\n';
    expect(await initAuthor({ '_quarto.yml': quarto, 'posts/_metadata.yml': 'freeze: auto\nauthor: "Ann Example"\n', 'posts/2023-07-03-a/index.qmd': post }, 'author "Ann Example" (from posts/_metadata.yml)')).toEqual({ name: 'Ann Example' });
    expect(await initAuthor({ '_quarto.yml': `${quarto}author:\n  - name: Ann Example\n`, 'posts/2023-07-03-a/index.qmd': post })).toEqual({ name: 'Ann Example' });
    expect(await initAuthor({ '_quarto.yml': quarto, 'posts/_metadata.yml': 'author: [Ann Example, Sam Example]\n', 'posts/2023-07-03-a/index.qmd': post })).not.toEqual({ name: 'Ann Example' });
  });
});
