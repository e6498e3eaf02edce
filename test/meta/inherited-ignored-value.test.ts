import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A Jekyll theme's `defaults` give every post `image: { facebook: …, twitter: … }`, a shape no feed
 * reads (anonymised from a Jekyll site of 1,005 posts): each post without an image of its own got an
 * FM_VALUE_IGNORED warning naming its file, which holds no `image` key. The value a post only
 * inherits is left out without a word; a post's own value of that shape still warns.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('an optional value of an unread shape', () => {
  it("warns where the post writes it, not where the site's defaults give it", async () => {
    const dir = makeTree(
      {
        '_config.yml': 'title: Site\nurl: https://site.example.org\ndefaults:\n  - scope:\n      path: _posts\n      type: posts\n    values:\n      image:\n        facebook: /images/logo.png\n        twitter: /images/logo.png\n',
        '_posts/2024-01-02-plain.md': '---\ntitle: Plain\n---\nText of the post.\n',
        '_posts/2024-01-03-own.md': '---\ntitle: Own\nimage:\n  facebook: /images/own.png\n---\nText of the post.\n',
        '_posts/2024-01-04-path.md': '---\ntitle: Path\nimage:\n  path: /images/cover.png\n---\nText of the post.\n',
      },
      'fw-inherited-value-',
    );
    dirs.push(dir);
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    const r = await run(['build'], { cwd: dir });
    expect(r.code).toBe(0);
    const warned = r.stderr.split('\n').filter((l) => l.includes('FM_VALUE_IGNORED'));
    expect(warned.length).toBe(1);
    expect(warned[0]).toContain('2024-01-03-own.md');
  });
});
