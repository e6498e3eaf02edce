import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

describe('Next.js: the whole content folder as the articles, one folder per section', () => {
  it("links each section's posts at the section's own route (content/projects/x.mdx at app/projects/[slug]: /projects/x), not under /content/", async () => {
    const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\n---\n\nSome text of the post, long enough to be an article.\n`;
    const cwd = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { next: '^14.0.0' } }),
        'app/projects/[slug]/page.tsx': "import { allProjects } from 'contentlayer/generated';\nexport default function Page() { return null; }\n",
        'app/notes/[slug]/page.tsx': "import { allNotes } from 'contentlayer/generated';\nexport default function Page() { return null; }\n",
        'content/projects/first-tool.mdx': post('First tool'),
        'content/notes/a-note.mdx': post('A note'),
        'feedwright.config.json': JSON.stringify({ title: 'Site', link: 'https://site.example/', author: 'Sam Example', articles: 'content', git: false }),
      },
      'feedwright-next-sections-',
    );
    const b = await run(['build'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    const items = (JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url).sort();
    expect(items).toEqual(['https://site.example/notes/a-note', 'https://site.example/projects/first-tool']);
  });
});
