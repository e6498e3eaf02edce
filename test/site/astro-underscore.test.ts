import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * An Astro blog with legacy content collections (`defineCollection({ schema })`, no loader) keeps a
 * post template beside its posts (`src/content/posts/_template.mdx`, empty title): Astro leaves
 * `_`-named files out of the collection, but the build published it (and failed it: no title).
 * Anonymised shape.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('Astro legacy collections: files and folders named _x', () => {
  it('are no posts (a note says why), the others are', async () => {
    const dir = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { astro: '^4.8.0' } }),
        'astro.config.mjs': 'import { defineConfig } from "astro/config";\nexport default defineConfig({ site: "https://blog.example" });\n',
        'src/content/config.ts': 'import { defineCollection, z } from "astro:content";\nconst posts = defineCollection({ schema: z.object({ title: z.string(), date: z.date() }) });\nexport const collections = { posts };\n',
        'src/pages/posts/[slug].astro': '---\nimport { getCollection } from "astro:content";\nexport async function getStaticPaths() { return (await getCollection("posts")).map((p) => ({ params: { slug: p.slug } })); }\n---\n',
        'src/content/posts/first.mdx': '---\ntitle: First\ndate: 2024-05-01\n---\n\nThe text of the first post, long enough to be an article.\n',
        'src/content/posts/_template.mdx': '---\ntitle:\ndate:\n---\n\n',
        'src/content/posts/_drafts/later.mdx': '---\ntitle: Later\ndate: 2024-06-01\n---\n\nA post not written yet, kept out of the collection.\n',
        'feedwright.config.json': JSON.stringify({ title: 'Blog', link: 'https://blog.example/', author: 'Sam Example', articles: 'src/content/posts', site: '.', git: false }),
      },
      'fw-astro-underscore-',
    );
    dirs.push(dir);
    const b = await run(['build'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/_template\.mdx note META_NOT_A_POST/);
    const items = (JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url);
    expect(items).toEqual(['https://blog.example/posts/first/']);
  });
});
