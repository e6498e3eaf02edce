import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * Eleventy data files written as code (`blog/blog.11tydata.js`) are never run. A post whose title
 * such a file computes (eleventyComputed) has none here: the error says which file may hold it.
 */
describe('a title computed by a data file written as code', () => {
  it('META_TITLE_MISSING names the code data file above the post; a post elsewhere gets the plain hint', async () => {
    const cwd = makeTree(
      {
        'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
        '_data/metadata.json': JSON.stringify({ title: 'Films', url: 'https://films.example/' }),
        'content/blog/blog.11tydata.js': 'export default { eleventyComputed: { title: (data) => data.films[data.filmSlug].title } };\n',
        'content/blog/2025/review.md': '---\nfilmSlug: the-odyssey\ndate: 2025-07-29\n---\n\nA fine film.\n',
        'content/notes/note.md': '---\ndate: 2025-07-29\n---\n\nA note.\n',
      },
      'feedwright-codedata-',
    );
    const r = await run(['build', '--articles', 'content', '--no-color'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/blog/2025/review.md:1 error META_TITLE_MISSING');
    expect(r.stderr).toContain('hint: Add "title: ..." to the front matter. content/blog/blog.11tydata.js may compute the title (eleventyComputed), but feedwright does not run code.');
    expect(r.stderr).toMatch(/content\/notes\/note\.md:1 error META_TITLE_MISSING[^\n]*\n\s+hint: Add "title: \.\.\." to the front matter \(or a first line/);
  });
});

describe("an eleventyComputed of the docs' forms is read as data", () => {
  it('a title from the file name (data.title || data.page.fileSlug, or filePathStem.split("/").pop()) and computed strings (a permalink template) apply; other code stays code', async () => {
    const cwd = makeTree(
      {
        'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
        '_data/metadata.json': JSON.stringify({ title: 'Notes', url: 'https://notes.example/' }),
        'src/blog/blog.11tydata.js': "module.exports = {\n  tags: ['post'],\n  eleventyComputed: {\n    title: data => data.title || data.page.filePathStem.split('/').pop(),\n    layout: \"core/post.njk\",\n    permalink: \"blog/p/{{ title | slugify }}/index.html\"\n  }\n};\n",
        'src/blog/on discovery.md': '---\ndate: 2023-11-15\n---\n\nKnow thyself.\n',
        'src/blog/titled.md': '---\ntitle: A Given Title\ndate: 2023-11-16\n---\n\nText.\n',
        'src/blog/essays/essays.11tydata.js': 'export default { eleventyComputed: { title: (data) => { return data.title ?? data.page.fileSlug; } } };\n',
        'src/blog/essays/2024-01-02-why-write.md': '---\ndate: 2024-01-02\n---\n\nBecause.\n',
        'src/books/books.11tydata.js': 'export default { eleventyComputed: { title: (data) => data.books[data.page.fileSlug].title } };\n',
        'src/books/dune.md': '---\ndate: 2024-01-03\n---\n\nSand.\n',
      },
      'feedwright-computed-',
    );
    const r = await run(['build', '--articles', 'src', '--no-color'], { cwd });
    expect(r.stderr).toContain('src/books/dune.md:1 error META_TITLE_MISSING');
    expect(r.stderr).toContain('src/books/books.11tydata.js warning SITE_DATA_CODE');
    expect(r.stderr).not.toContain('src/blog/blog.11tydata.js warning SITE_DATA_CODE');
    const items = (JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; url: string }[] }).items;
    expect(items.map((i) => [i.title, i.url]).sort()).toEqual([
      ['A Given Title', 'https://notes.example/blog/p/a-given-title/'],
      ['on discovery', 'https://notes.example/blog/p/on-discovery/'],
      ['why-write', 'https://notes.example/blog/p/why-write/'],
    ]);
  });
});
