import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain.js';
import { buildProject, makeProject, readOut, TEST_NOW } from '../helpers/project.js';

const HUGO = "baseURL = 'https://example.org/'\ncontentDir = 'articles'\n[permalinks]\n  posts = '/:year/:slug/'\n";

/** A project whose folder is a Hugo site: hugo.toml beside articles/ (the articles folder is its content). */
function hugoProject(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const p = makeProject(files, config);
  writeFileSync(path.join(p.dir, 'hugo.toml'), HUGO);
  return p;
}

function items(dir: string): { id: string; url: string; title: string }[] {
  return (JSON.parse(readOut(dir, 'feed.json')) as { items: { id: string; url: string; title: string }[] }).items;
}

describe('collisions are a matter of links', () => {
  it('two posts with the same file name in different folders are two items; the later one gets an id from its link, the first keeps its old id', async () => {
    const { dir } = makeProject(
      { 'a.md': '---\ntitle: Top\ndate: 2024-01-01\n---\nOne.\n', 'inside/a.md': '---\ntitle: Inside\ndate: 2024-01-01\n---\nTwo.\n' },
      { permalinks: '/:path/' },
    );
    const r = await buildProject(dir);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const got = items(dir).map((i) => [i.title, i.url, i.id]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['Top', 'https://example.com/a/', 'tag:example.com,2024-01-01:a'],
        ['Inside', 'https://example.com/inside/a/', 'tag:example.com,2024-01-01:inside-a'],
      ]),
    );
  });

  it("a Hugo url without a dot is a folder, linked with the trailing slash Hugo gives it; one with a dot is a file", async () => {
    const { dir } = hugoProject({
      'posts/a.md': '---\ntitle: A\ndate: 2024-01-01\nURL: "2024/01/01/notes/a"\n---\nOne.\n',
      'posts/b.md': '---\ntitle: B\ndate: 2024-01-02\nurl: /b.html\n---\nTwo.\n',
      'posts/c.md': '---\ntitle: C\ndate: 2024-01-03\nurl: /c/\n---\nThree.\n',
    });
    await buildProject(dir);
    expect(items(dir).map((i) => [i.title, i.url])).toEqual([
      ['C', 'https://example.org/c/'],
      ['B', 'https://example.org/b.html'],
      ['A', 'https://example.org/2024/01/01/notes/a/'],
    ]);
  });

  it('a true collision (the same link) names both files', async () => {
    const { dir } = hugoProject({ 'posts/one.md': '---\ntitle: Same\ndate: 2024-01-01\n---\nOne.\n', 'posts/two.md': '---\ntitle: Same\ndate: 2024-01-02\n---\nTwo.\n' });
    const r = await buildProject(dir);
    const dup = r.diagnostics.filter((d) => d.code === 'META_DUPLICATE_LINK');
    expect(dup.map((d) => [d.file, d.message])).toEqual([
      ['articles/posts/one.md', expect.stringContaining('articles/posts/two.md')],
      ['articles/posts/two.md', expect.stringContaining('https://example.org/2024/same/')],
    ]);
    expect(items(dir).map((i) => i.title)).toEqual(['Same']);
  });

  it('without a generator or pattern the old rule stands: same slug, same link, META_DUPLICATE_SLUG', async () => {
    const { dir } = makeProject({ 'a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nOne.\n', 'inside/a.md': '---\ntitle: B\ndate: 2024-02-01\n---\nTwo.\n' });
    const r = await buildProject(dir);
    expect(r.diagnostics.filter((d) => d.code === 'META_DUPLICATE_SLUG')).toHaveLength(2);
  });

  it('"ids": "link" makes the item link the id', async () => {
    const { dir } = hugoProject({ 'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n' }, { ids: 'link' });
    await buildProject(dir);
    expect(items(dir).map((i) => [i.id, i.url])).toEqual([['https://example.org/2024/one/', 'https://example.org/2024/one/']]);
  });
});

describe('unknown keys', () => {
  it('are reported once per key for the build, at the first file, with the number of files', async () => {
    const files: Record<string, string> = {};
    for (const n of [1, 2, 3]) files[`p${n}.md`] = `---\ntitle: P${n}\ndate: 2024-01-0${n}\nthemeColour: red\n---\nBody.\n`;
    const { dir } = makeProject(files);
    const r = await buildProject(dir);
    const unknown = r.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY');
    expect(unknown.map((d) => [d.file, d.line, d.message])).toEqual([['articles/p1.md', 4, 'Unknown front matter key "themeColour" is ignored (in 3 files; this is the first).']]);
  });
});

describe('explain', () => {
  it('names the preset and the pattern that made the link', async () => {
    const { dir } = hugoProject({ 'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n' });
    const [e] = await explain([path.join(dir, 'articles/posts/one.md')], { cwd: dir, now: TEST_NOW });
    expect([e?.link, e?.provenance.link]).toEqual(['https://example.org/2024/one/', { from: 'derived', rule: 'hugo (hugo.toml): hugo permalinks.posts /:year/:slug/' }]);
  });
});

describe("Hugo's permalink patterns", () => {
  it('the whole expanded path is made a URL path as Hugo makes it: the pattern\'s own capitals, spaces and stray characters too (hugo list all: /misc/a-b/x/, /blog/2023-x//)', async () => {
    const p = makeProject({ 'blog/x.md': '---\ntitle: X\ndate: 2023-10-01\n---\nOne.\n', 'misc/x.md': '---\ntitle: X\ndate: 2023-10-02\n---\nTwo.\n' });
    writeFileSync(path.join(p.dir, 'hugo.toml'), "baseURL = 'https://example.org/'\ncontentDir = 'articles'\n[permalinks]\n  blog = '/blog/:year-:filename/`'\n  misc = '/Misc/A b!/:filename/'\n");
    await buildProject(p.dir);
    expect(items(p.dir).map((i) => i.url)).toEqual(['https://example.org/misc/a-b/x/', 'https://example.org/blog/2023-x//']);
  });
});

describe('--verify-links', () => {
  it('passes when every item link is a page in the output folder (x/ is x/index.html)', async () => {
    const { dir } = hugoProject({ 'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n' });
    mkdirSync(path.join(dir, 'public/2024/one'), { recursive: true });
    writeFileSync(path.join(dir, 'public/2024/one/index.html'), '<p>one</p>');
    const r = await buildProject(dir, { verifyLinks: true });
    expect(r.diagnostics.filter((d) => d.code === 'LINK_NOT_BUILT')).toEqual([]);
  });

  it('names the article file and the URL of a link the site did not build', async () => {
    const { dir } = hugoProject({ 'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n', 'posts/two.md': '---\ntitle: Two\ndate: 2024-01-02\n---\nTwo.\n' });
    mkdirSync(path.join(dir, 'site-out/2024/one'), { recursive: true });
    writeFileSync(path.join(dir, 'site-out/2024/one/index.html'), '<p>one</p>');
    const r = await buildProject(dir, { verifyLinks: 'site-out' });
    const missing = r.diagnostics.filter((d) => d.code === 'LINK_NOT_BUILT');
    expect(missing.map((d) => [d.severity, d.file, d.message])).toEqual([['error', 'articles/posts/two.md', expect.stringContaining('https://example.org/2024/two/ does not resolve to a page in site-out')]]);
  });

  it('without a generator and without a folder, says what to pass', async () => {
    const { dir } = makeProject({ 'a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nOne.\n' });
    await expect(buildProject(dir, { verifyLinks: true })).rejects.toThrow(/no site generator was found/);
  });
});

describe('the command line', () => {
  it('--verify-links alone uses the preset\'s output folder, --verify-links DIR a given one; a missing page exits 1 naming file and URL', async () => {
    const { run } = await import('../cli/helpers.js');
    const { dir } = hugoProject({ 'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n' });
    mkdirSync(path.join(dir, 'public/2024/one'), { recursive: true });
    writeFileSync(path.join(dir, 'public/2024/one/index.html'), 'one');
    expect((await run(['build', '--verify-links', '--quiet'], { cwd: dir })).code).toBe(0);
    mkdirSync(path.join(dir, 'empty'));
    const bad = await run(['build', '--verify-links', 'empty'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/articles\/posts\/one\.md.*LINK_NOT_BUILT.*https:\/\/example\.org\/2024\/one\//)]);
  });

  it('--site names the site root when the articles folder is not inside it', async () => {
    const { run } = await import('../cli/helpers.js');
    const { dir } = makeProject({ 'posts/one.md': '---\ntitle: One\ndate: 2024-01-01\n---\nOne.\n' });
    mkdirSync(path.join(dir, '..', `${path.basename(dir)}-site`), { recursive: true });
    const site = path.join(dir, '..', `${path.basename(dir)}-site`);
    writeFileSync(path.join(site, 'hugo.toml'), "baseURL = 'https://site.example/'\n");
    const r = await run(['build', '--site', site, '--json'], { cwd: dir });
    expect((JSON.parse(readOut(dir, 'feed.json')) as { items: { url: string }[] }).items.map((i) => i.url)).toEqual(['https://site.example/articles/posts/one/']);
    expect(r.code).toBe(0);
  });
});

describe('without a generator', () => {
  it('a page path in front matter (permalink, url, path) is the link, against itemBase', async () => {
    const { dir } = makeProject({
      'a.md': '---\ntitle: A\ndate: 2024-01-01\npermalink: /2024/a-post/\n---\nOne.\n',
      'b.md': '---\ntitle: B\ndate: 2024-01-02\nurl: "notes/b.html"\n---\nTwo.\n',
    });
    await buildProject(dir);
    expect(items(dir).map((i) => [i.title, i.url])).toEqual([
      ['B', 'https://example.com/notes/b.html'],
      ['A', 'https://example.com/2024/a-post/'],
    ]);
  });
});
