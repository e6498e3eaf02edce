import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { astroSchemaDefaultAuthor } from '../../src/site/astro-collections.js';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * An Astro blog whose config names no author, while its collection schema gives every post one
 * (`author: z.string().default("…")`), which its pages show: `init` left the placeholder author.
 * Anonymised shape.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const schema = (author: string) => `import { glob } from "astro/loaders";\nimport { z } from "astro/zod";\nimport { defineCollection } from "astro:content";\n\nconst posts = defineCollection({\n  loader: glob({ pattern: "**/[^_]*.{md,mdx}", base: "./src/content/posts" }),\n  schema: z.object({\n    title: z.string(),\n    pubDate: z.date(),\n    ${author}\n    tags: z.optional(z.array(z.string())),\n  }),\n});\n\nexport const collections = { posts };\n`;

describe("an Astro collection schema's default author", () => {
  it('is the author init writes when the site names none', async () => {
    const dir = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
        'astro.config.mjs': 'import { defineConfig } from "astro/config";\nexport default defineConfig({ site: "https://blog.example" });\n',
        'src/content.config.ts': schema('author: z.string().trim().default("Kim Example"),'),
        'src/content/posts/first.md': '---\ntitle: First\npubDate: 2024-01-02\n---\n\nThe text of the first post, long enough to be an article.\n',
      },
      'fw-astro-schema-author-',
    );
    dirs.push(dir);
    const r = await run(['init'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as { author: unknown };
    expect(config.author).toBe('Kim Example');
  });

  it('is none when schemas give different defaults, or the author is no string', () => {
    const two = { file: 'x', text: `${schema("author: z.string().default('A Example'),")}\n${schema('author: z.string().default("B Example"),')}` };
    expect(astroSchemaDefaultAuthor(two)).toBeUndefined();
    expect(astroSchemaDefaultAuthor({ file: 'x', text: schema('author: reference("authors").default("kim"),') })).toBeUndefined();
    expect(astroSchemaDefaultAuthor({ file: 'x', text: schema("author: z.string().optional().default('Kim Example'),") })).toBe('Kim Example');
  });
});
