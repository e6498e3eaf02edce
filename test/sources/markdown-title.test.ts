import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/sources/markdown.js';

/*
 * A Markdown article's title line: a first `# Heading`, or, without a title in the front matter,
 * a first heading of any level that no other heading of the text outranks (notes folders open
 * each file with "## Name" over "###" sections).
 */
describe('the opening heading as the title', () => {
  it('"## xftp" over ### sections is the title, and leaves the body', () => {
    const r = readMarkdown('## xftp\n### [Licence keys](https://x.example/)\n\nText.\n', 1);
    expect(r.found.title).toEqual({ value: 'xftp', from: 'title-line', line: 1 });
    expect(r.bodyHtml).not.toContain('<h2>');
  });

  it('not when another heading is of the same level or higher: it opens a section', () => {
    expect(readMarkdown('## Intro\n\nText.\n\n## Setup\n\nMore.\n', 1).found.title).toBeUndefined();
    expect(readMarkdown('### Intro\n\nText.\n\n# Later\n', 1).found.title).toBeUndefined();
  });

  it('not when the front matter names the title; a first # heading always is the title line', () => {
    const titled = readMarkdown('## Setup\n\nText.\n', 1, { frontMatter: { title: 'The real title' } });
    expect([titled.found.title, titled.bodyHtml]).toEqual([undefined, '<h2>Setup</h2>\n<p>Text.</p>']);
    expect(readMarkdown('# Name\n\nText.\n', 1, { frontMatter: { title: 'T' } }).found.title?.value).toBe('Name');
  });

  it('after blocks that show nothing (a comment, VitePress\'s <script setup>, a <style>), the # heading is still the title line', () => {
    const commented = readMarkdown('<!-- generated, do not edit -->\n# Release notes\n\nText.\n', 5);
    expect(commented.found.title).toEqual({ value: 'Release notes', from: 'title-line', line: 6 });
    const script = readMarkdown('<script setup>\nimport Chart from "./Chart.vue"\n</script>\n\n<style>\n.x { color: red }\n</style>\n\n# Benchmarks\n\nText.\n', 1);
    expect(script.found.title).toEqual({ value: 'Benchmarks', from: 'title-line', line: 9 });
    expect(script.bodyHtml).not.toContain('Benchmarks');
  });

  it('not after a block that shows something: an HTML block with text, or a comment followed by text in its block', () => {
    expect(readMarkdown('<div>Intro</div>\n\n# Later\n\nText.\n', 1).found.title).toBeUndefined();
    expect(readMarkdown('<!-- a --> shown -->\n\n# Later\n\nText.\n', 1).found.title).toBeUndefined();
  });
});

describe('the first # heading wherever it stands, on a site whose generator titles pages so (VitePress, MkDocs)', () => {
  const site = { templates: { engine: 'none' as const, titleFromFirstHeading: true } };
  const page = '![build](https://ci.example/badge.svg)\n\nA lead paragraph.\n\n# Release notes\n\nText.\n\n# Appendix\n';

  it('the first level-1 heading after visible blocks is the title, and leaves the body', () => {
    const r = readMarkdown(page, 3, site);
    expect(r.found.title).toEqual({ value: 'Release notes', from: 'title-line', line: 7 });
    expect(r.bodyHtml).toContain('A lead paragraph.');
    expect(r.bodyHtml).not.toContain('Release notes');
    expect(r.bodyHtml).toContain('<h1>Appendix</h1>');
  });

  it('not on other sites, not with a front-matter title, and not a heading inside a block quote or list', () => {
    expect(readMarkdown(page, 1).found.title).toBeUndefined();
    const titled = readMarkdown(page, 1, { ...site, frontMatter: { title: 'Given' } });
    expect([titled.found.title, titled.bodyHtml.includes('<h1>Release notes</h1>')]).toEqual([undefined, true]);
    expect(readMarkdown('Intro.\n\n> # Quoted\n\n- # Listed\n', 1, site).found.title).toBeUndefined();
  });

  it('an opening heading of another level that outranks the rest is still the title, as on any site', () => {
    expect(readMarkdown('## Notes\n\n### One\n', 1, site).found.title?.value).toBe('Notes');
  });
});
