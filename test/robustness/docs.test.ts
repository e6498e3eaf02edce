/** docs/errors.md lists every code users can meet, so `grep CODE docs/errors.md` always answers. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS } from '../../src/diagnostics.js';
import { EXIT, FATAL_CODES } from '../../src/errors.js';

const doc = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/errors.md'), 'utf8');

describe('docs/errors.md', () => {
  it.each(Object.entries(DIAGNOSTICS))('documents diagnostic %s with its severity', (code, info) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\``));
    expect(row, code).toBeDefined();
    expect(row).toContain(`| ${info.severity} |`);
  });
  it.each(Object.entries(FATAL_CODES))('documents fatal error %s with its exit code', (code, info) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\``));
    expect(row, code).toBeDefined();
    expect(row).toContain(`| ${info.exit} |`);
  });
  it('documents every exit code', () => {
    for (const code of Object.values(EXIT)) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});

/** GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped, spaces as `-`. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe('links between the README and docs/', () => {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    // Links written as examples, in code blocks and code spans (`![x](y.png)`), are not links.
    const text = readFileSync(path.join(root, page), 'utf8')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/``.+?``|`[^`\n]*`/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target === undefined || /^[a-z]+:/i.test(target)) continue;
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const resolved = file === '' ? path.join(root, page) : path.join(root, path.dirname(page), file);
      if (!existsSync(resolved)) {
        broken.push(target);
        continue;
      }
      if (anchor === undefined || !resolved.endsWith('.md')) continue;
      const headings = readFileSync(resolved, 'utf8')
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => anchorOf(l.replace(/^#+ /, '')));
      if (!headings.includes(anchor)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });
});
