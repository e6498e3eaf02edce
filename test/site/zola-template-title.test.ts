import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A Zola site whose name is written only in its base template (anonymised from a Zola blog:
 * config.toml without `title`, content/_index.md without one, templates/base.html with
 * `<title>{% block title %}Notes by …{% endblock title %}</title>`): init asked for a title, and a
 * build without a config was "My site". The literal title is the site's; template code is not.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function initTitle(base: string): Promise<string> {
  const dir = makeTree(
    {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'config.toml': 'base_url = "https://notes.example.org"\ncompile_sass = false\n',
      'templates/base.html': `<!doctype html>\n<html>\n<head>\n  <title>${base}</title>\n</head>\n<body>{% block content %}{% endblock content %}</body>\n</html>\n`,
      'content/notes/_index.md': '+++\ntitle = "Notes"\n+++\n',
      'content/notes/2024-01-02-first.md': '+++\ntitle = "First"\n+++\nText of the post.\n',
    },
    'fw-zola-title-',
  );
  dirs.push(dir);
  expect((await run(['init'], { cwd: dir })).code).toBe(0);
  return (JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as { title: string }).title;
}

describe("a Zola site's name in its base template", () => {
  it('is the title when the config and the root section name none and it is literal', async () => {
    expect(await initTitle('{% block title %}Notes by Ann &amp; Sam{% endblock title %}')).toBe('Notes by Ann & Sam');
    expect(await initTitle('Ann’s notes')).toBe('Ann’s notes');
    expect(await initTitle('{% block title %}{{ config.title }}{% endblock title %}')).toBe('My site');
  });
});
