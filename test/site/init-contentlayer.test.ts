import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A Next.js blog whose posts Contentlayer reads from a folder named in another language
 * (`makeSource({ contentDirPath: 'articulos' })`), served by `app/articulos/[slug]/page.tsx`:
 * `init` looked only in the folders blogs usually keep posts in, found none, and wrote a sample
 * article instead. Anonymised shape.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("init on a Next.js site whose Contentlayer config names the posts' folder", () => {
  it('takes contentDirPath as the articles folder, and the build links them at the route that serves it', async () => {
    const post = (n: number) => `---\ntitle: Entrada ${n}\ndate: 2023-05-0${n}\n---\n\nEl texto de la entrada, bastante largo para ser un artículo.\n`;
    const dir = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { next: '^13.4.0', contentlayer: '^0.3.0', 'next-contentlayer': '^0.3.0' } }),
        'next.config.js': "const { withContentlayer } = require('next-contentlayer');\nmodule.exports = withContentlayer({ output: 'export' });\n",
        'contentlayer.config.ts':
          "import { defineDocumentType, makeSource } from 'contentlayer/source-files';\nexport const Post = defineDocumentType(() => ({ name: 'Article', filePathPattern: `**/*.mdx`, contentType: 'mdx' }));\nexport default makeSource({\n  // where the posts are\n  contentDirPath: './articulos/',\n  documentTypes: [Post],\n});\n",
        'app/articulos/[slug]/page.tsx': "import { allArticles } from 'contentlayer/generated';\nexport default function Page() { return null; }\n",
        'articulos/primera.mdx': post(1),
        'articulos/segunda.mdx': post(2),
      },
      'fw-init-contentlayer-',
    );
    dirs.push(dir);
    const r = await run(['init'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('its posts are in articulos/ (2 Markdown files)');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.articles).toBe('articulos');
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, link: 'https://blog.example/', author: 'Ana Example', git: false }));
    const b = await run(['build'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    const items = (JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url);
    expect(items).toEqual(['https://blog.example/articulos/segunda', 'https://blog.example/articulos/primera']);
  });
});
