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
