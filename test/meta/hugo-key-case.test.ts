import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * Hugo lower-cases front matter keys before reading them, so `Title`, `Tags` and `Description`
 * are its title, tags and summary (older Hugo themes and blog exports write them so). Elsewhere a
 * key's case is kept: Jekyll and Eleventy read `Tags` as another key.
 */
const POST = '+++\nTitle = "Capital keys"\nDate = "2024-03-05T10:00:00+09:00"\nTags = ["sql"]\nDescription = "What the post is about."\n+++\n\nThe body.\n';

describe('front matter key case', () => {
  it('Hugo: capitalised keys are read as Hugo reads them, without FM_UNKNOWN_KEY, with the line they are written on', async () => {
    const cwd = makeTree({ 'hugo.toml': 'baseURL = "https://blog.example/"\ntitle = "The Blog"\n', 'content/posts/first.md': POST }, 'feedwright-keycase-');
    const r = await run(['build', '--articles', 'content/posts', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('FM_UNKNOWN_KEY');
    const feed = JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; tags?: string[]; summary?: string }[] };
    expect(feed.items.find((i) => i.title === 'Capital keys')).toMatchObject({ tags: ['sql'], summary: 'What the post is about.' });
    const explained = await run(['explain', 'content/posts/first.md', '--no-color'], { cwd });
    expect(explained.stdout).toMatch(/title\s+Capital keys\s+\[front-matter line 2\]/);
    expect(explained.stdout).toMatch(/published\s+2024-03-05T10:00:00\+09:00\s+\[front-matter line 3\]/);
  });

  it('Jekyll: a capitalised key is another key (FM_UNKNOWN_KEY)', async () => {
    const cwd = makeTree({ '_config.yml': 'title: T\nurl: https://blog.example\n', '_posts/2024-03-05-first.md': '---\ntitle: Lower\nTags: [sql]\n---\n\nThe body.\n' }, 'feedwright-keycase-');
    const r = await run(['build', '--articles', '_posts', '--no-color'], { cwd });
    expect(r.stderr).toContain('Unknown front matter key "Tags"');
  });
});
