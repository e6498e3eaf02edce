/**
 * Shrunk counterexamples from the round-trip property (roundtrip.test.ts), kept as plain tests.
 * Each one first failed the property; the comment says what it taught.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/validate/index.js';
import { buildProject, makeProject } from '../helpers/project.js';

async function buildOne(frontMatter: Record<string, unknown>, body: string) {
  const p = makeProject({ 'post-0.md': `---\n${stringify({ date: '2024-01-01T10:00:00Z', slug: 'post-0', ...frontMatter })}---\n\n${body}\n` });
  const result = await buildProject(p.dir);
  const out = Object.fromEntries(['rss.xml', 'atom.xml', 'feed.json'].map((f) => [f, readFileSync(path.join(p.dir, 'dist', f), 'utf8')]));
  for (const [name, text] of Object.entries(out)) expect(checkFeed(name, text).filter((d) => d.severity === 'error'), name).toEqual([]);
  return { result, json: JSON.parse(out['feed.json'] ?? '') as { items: { title: string; authors: { name: string }[] }[] } };
}

describe('round-trip regressions', () => {
  it('a lone low surrogate before "]]>" in an author name is removed, the rest kept', async () => {
    // YAML writes the lone surrogate as an escape, so it reaches feedwright, which must drop it.
    const { json } = await buildOne({ title: ']]>', author: { name: '\udE00]]>' } }, ']]>');
    expect(json.items[0]?.title).toBe(']]>');
    expect(json.items[0]?.authors).toEqual([{ name: ']]>' }]);
  });

  it('an author string with "<" is read as the "Name <email>" shorthand', async () => {
    // "]]><" is a name followed by the start of an email part: the name is "]]>".
    const { json } = await buildOne({ title: '!', author: ']]><' }, ']]>');
    expect(json.items[0]?.authors).toEqual([{ name: ']]>' }]);
  });
});
