import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/project.js';
import { loadAt } from '../helpers/site.js';

/*
 * A title a post only inherits: an Eleventy layout's front matter (`title: Project Blog`, the
 * section's name, which Eleventy's data cascade gives every post using the layout), or a folder's
 * data file. Published as every item's title, a feed reader would list forty items of one name.
 */
function eleventySite(posts: Record<string, string>): string {
  return makeTree({
    'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
    'eleventy.config.js': 'export default function (eleventyConfig) {}\n',
    '_includes/layouts/blog.njk': '---\ntitle: Project Blog\nlayout: layouts/base.njk\n---\n<h1>{{ newstitle }}</h1>\n{{ content | safe }}\n',
    '_includes/layouts/base.njk': '<html><body>{{ content | safe }}</body></html>\n',
    'blog/blog.json': JSON.stringify({ layout: 'layouts/blog.njk', tags: ['blog'], permalink: '/blog/{{ page.fileSlug }}/' }),
    ...Object.fromEntries(Object.entries(posts).map(([name, text]) => [`blog/${name}`, text])),
  });
}

describe('a title only inherited from a layout or folder data is not the post’s own', () => {
  it('the post’s own opening heading wins over the layout’s title', async () => {
    const r = await loadAt(eleventySite({ '2024-03-05-moving.md': '---\ndate: 2024-03-05\n---\n# We are moving\n\nThe body.\n' }), 'blog');
    const a = r.byPath.get('2024-03-05-moving.md');
    expect([a?.title.value, a?.title.from]).toEqual(['We are moving', 'title-line']);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('META_TITLE_INHERITED');
  });

  it('with a title-like key of its own: the file name (without its date) and a warning naming the key and the inherited title', async () => {
    const r = await loadAt(eleventySite({ '2024-03-05-moving-house.md': '---\ndate: 2024-03-05\nnewstitle: We are moving house\n---\nThe body.\n' }), 'blog');
    const a = r.byPath.get('2024-03-05-moving-house.md');
    expect([a?.title.value, a?.title.from]).toEqual(['Moving house', 'file-name']);
    const warning = r.diagnostics.find((d) => d.code === 'META_TITLE_FROM_FILE_NAME');
    expect(warning?.message).toContain('its layout or folder data give every post there "Project Blog"');
    expect(warning?.message).toContain('"newstitle" may hold it');
    // Mapped, the key is the title.
    const mapped = await loadAt(eleventySite({ '2024-03-05-moving-house.md': '---\ndate: 2024-03-05\nnewstitle: We are moving house\n---\nThe body.\n' }), 'blog', { keys: { title: ['newstitle'] } });
    expect(mapped.byPath.get('2024-03-05-moving-house.md')?.title.value).toBe('We are moving house');
  });

  it('with nothing of its own: the inherited title, with a warning, instead of leaving the post out', async () => {
    const r = await loadAt(eleventySite({ 'update.md': '---\ndate: 2024-01-02\ntags: [news]\n---\nThe body, no heading.\n' }), 'blog');
    const a = r.byPath.get('update.md');
    expect(a?.title.value).toBe('Project Blog');
    const warning = r.diagnostics.find((d) => d.code === 'META_TITLE_INHERITED');
    expect([warning?.severity, warning?.message]).toEqual(['warning', 'The title "Project Blog" is not this article\'s own: its layout or folder data give "title" to every post there.']);
  });

  it('a title in the post’s own front matter is its title, whatever the layout says', async () => {
    const r = await loadAt(eleventySite({ 'own.md': '---\ntitle: Our own title\ndate: 2024-01-02\n---\n# A heading\n\nThe body.\n' }), 'blog');
    const a = r.byPath.get('own.md');
    expect([a?.title.value, a?.title.from]).toEqual(['Our own title', 'front-matter']);
    expect(r.diagnostics.filter((d) => d.code.startsWith('META_TITLE'))).toEqual([]);
  });
});
