import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A multilingual Hugo site whose posts are kept by date in folders, five levels below its content
 * folder (`content/ja/entry/2014/02/28/233025.md`, as a blog imported from Hatena Blog keeps them):
 * `init` counted 2 Markdown files (the about pages), and took the author and the language from those
 * alone, while the build read every post. Anonymised shape.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('init on posts kept by date in deep folders', () => {
  it('counts and samples the posts at every level the build reads', async () => {
    const post = (n: number) => `---\ntitle: "記事 ${n}"\ndate: 2014-02-${10 + n}T23:30:25+09:00\n---\nこれは日本語で書かれた記事の本文です。クラウド技術について書いています。\n`;
    const files: Record<string, string> = {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'config.yaml': "baseURL: 'https://blog.example.jp'\ntitle: 'Example Lab'\ndefaultContentLanguage: ja\nlanguages:\n  ja:\n    contentDir: content/ja/\n  en:\n    contentDir: content/en/\n",
      'content/ja/about.md': '---\ntitle: About\nauthor: Lab\n---\nAbout this blog.\n',
      'content/en/about.en.md': '---\ntitle: About\nauthor: Lab\n---\nAbout this blog.\n',
    };
    for (let n = 1; n <= 6; n++) files[`content/ja/entry/2014/02/${10 + n}/2330${n}.md`] = post(n);
    const dir = makeTree(files, 'fw-init-deep-');
    dirs.push(dir);
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(8 Markdown files)');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as { language: string; author: { name: string } };
    expect(config.language).toBe('ja');
    // Most posts name no author: the author is not the about pages' "Lab" as if every post named it.
    expect(r.stderr).not.toContain('name their own authors');
  });
});
