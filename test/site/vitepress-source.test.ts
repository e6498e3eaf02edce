import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A VitePress site whose source folder is one the project's scripts name (`vitepress build source`,
 * anonymised from a theme's demo blog): init asked to be run in source/, where it then read the
 * whole folder as the articles and wrote "out": "dist" inside it, and the first build failed
 * OUTPUT_OVERLAPS_ARTICLES. Now the site is this folder's, its pages read from source/.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const PAGE = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\n---\n\nSome text of the page, long enough to be an article.\n`;

describe('a VitePress source folder named by the scripts', () => {
  it('init in the project root reads it and links its pages; the build runs', async () => {
    const dir = makeTree(
      {
        'package.json': JSON.stringify({
          scripts: { dev: 'pnpm run theme:build && vitepress dev source', build: 'vitepress build source' },
          devDependencies: { vitepress: '^1.6.4' },
        }),
        'source/.vitepress/config.ts': "export default { title: 'Demo blog', sitemap: { hostname: 'https://demo.example' } }\n",
        'source/guide/first.md': PAGE('First'),
        'source/guide/second.md': PAGE('Second'),
      },
      'fw-vitepress-source-',
    );
    dirs.push(dir);
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).not.toContain('Nothing was written here');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: 'Demo blog', link: 'https://demo.example/' });
    expect(String(config.articles)).toMatch(/^source(\/guide)?$/);
    const b = await run(['build'], { cwd: dir });
    expect(b.code).toBe(0);
    const items = (JSON.parse(readFileSync(path.join(dir, String(config.out), 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url).sort();
    expect(items).toEqual(['https://demo.example/guide/first.html', 'https://demo.example/guide/second.html']);
  });
});
