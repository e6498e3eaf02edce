import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

describe('Next.js: a README in the posts folder a loader reads', () => {
  it('is no post when it has no front matter title or date (notes on the folder); a README with its own title and date is one', async () => {
    const post = '---\ntitle: First\ndate: 2024-03-05\n---\n\nSome text of the post, long enough to be an article.\n';
    const cwd = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }),
        'app/blog/[slug]/page.tsx': "import { getPost } from '@/lib/blog';\nexport default function Page() { return null; }\n",
        'content/blog/first.mdx': post,
        'content/blog/README.md': '# Blog Posts\n\nWrite each post as an .mdx file in this folder, with front matter.\n',
        'feedwright.config.json': JSON.stringify({ title: 'Blog', link: 'https://blog.example/', author: 'Sam Example', articles: 'content/blog', git: false }),
      },
      'feedwright-next-readme-',
    );
    const b = await run(['build'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/content\/blog\/README\.md note META_NOT_A_POST .*README/);
    const items = (JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url);
    expect(items).toEqual(['https://blog.example/blog/first']);
  });
});
