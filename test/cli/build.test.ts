import { existsSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, makeSite, run, writeArticles } from './helpers.js';

interface BuildJson {
  ok: boolean;
  counts: { sources: number; published: number; drafts: number; held: number; failed: number };
  changes: { previous: boolean; added: Ref[]; updated: Ref[]; removed: Ref[] };
  written: number;
  unchanged: number;
  removed: string[];
  files: { name: string; status: string; bytes: number }[];
  feeds: { kind: string; name: string; format: string; file: string; url: string; title: string; items: number }[];
  diagnostics: { code: string; severity: string; message: string; file?: string }[];
  seconds: number;
}
interface Ref {
  id: string;
  title: string;
  url: string;
}

const json = (stdout: string): BuildJson => JSON.parse(stdout) as BuildJson;
const titles = (refs: readonly Ref[]): string[] => refs.map((r) => r.title);

describe('build --json', () => {
  it('prints one JSON object with the documented keys on stdout, and nothing on stderr', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }), 'b.md': article({ title: 'Beta', day: 2 }) });
    const r = await run(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(['ok', 'counts', 'changes', 'written', 'unchanged', 'removed', 'files', 'feeds', 'diagnostics', 'seconds']);
    expect(out.ok).toBe(true);
    expect(out.counts).toMatchObject({ sources: 2, published: 2, failed: 0 });
    expect(out.written).toBe(out.files.length);
    expect(out.files.map((f) => f.name).sort()).toEqual(['atom.xml', 'feed.html', 'feed.json', 'feed.xsl', 'feeds.opml', 'index.html', 'rss.xml']);
    expect(out.feeds.map((f) => [f.kind, f.format, f.url])).toEqual([
      ['main', 'rss', 'https://example.com/rss.xml'],
      ['main', 'atom', 'https://example.com/atom.xml'],
      ['main', 'json', 'https://example.com/feed.json'],
    ]);
    expect(out.changes).toMatchObject({ previous: false, updated: [], removed: [] });
    expect(titles(out.changes.added)).toEqual(['Beta', 'Alpha']);
    expect(typeof out.seconds).toBe('number');
  });

  it('reports content errors in diagnostics, with ok false and exit code 1', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }), 'bad.md': '---\ntitle: Bad\ndate: 31/31/2024\n---\nBody.\n' });
    const r = await run(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'META_DATE_UNPARSEABLE', file: 'articles/bad.md' });
  });

  it('reports a config error as JSON with exit code 2', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) }, { limit: -1 });
    const r = await run(['build', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
  });
});

describe('change summary', () => {
  it('lists new, updated and removed items against the previous output', async () => {
    const dir = makeSite({
      'a.md': article({ title: 'Alpha', day: 1 }),
      'b.md': article({ title: 'Beta', day: 2 }),
      'c.md': article({ title: 'Gamma', day: 3 }),
    });
    await run(['build'], { cwd: dir });

    rmSync(path.join(dir, 'articles', 'a.md'));
    writeArticles(dir, { 'b.md': article({ title: 'Beta', day: 2, updatedDay: 10 }), 'd.md': article({ title: 'Delta', day: 4 }), 'e.md': article({ title: 'Epsilon', day: 5 }) });
    const r = await run(['build', '--json'], { cwd: dir });
    const out = json(r.stdout);
    expect(out.changes.previous).toBe(true);
    expect(titles(out.changes.added)).toEqual(['Epsilon', 'Delta']);
    expect(titles(out.changes.updated)).toEqual(['Beta']);
    expect(titles(out.changes.removed)).toEqual(['Alpha']);
    expect(out.changes.added[0]?.url).toBe('https://example.com/e');
  });

  it('prints a CI-friendly block: counts, then one line per item', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    await run(['build'], { cwd: dir });
    writeArticles(dir, { 'a.md': article({ title: 'Alpha, revised', day: 1 }), 'b.md': article({ title: 'Beta', day: 2 }) });
    const r = await run(['build'], { cwd: dir });
    expect(r.stderr).toContain('1 new, 1 updated, 0 removed\n  + Beta https://example.com/b\n  ~ Alpha, revised https://example.com/a\n');
  });

  it('reports nothing changed when the articles did not change, and rewrites no file', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    await run(['build'], { cwd: dir });
    const before = readFileSync(path.join(dir, 'dist', 'rss.xml'), 'utf8');
    const out = json((await run(['build', '--json'], { cwd: dir })).stdout);
    expect(out.changes).toEqual({ previous: true, added: [], updated: [], removed: [] });
    expect(out.written).toBe(0);
    expect(readFileSync(path.join(dir, 'dist', 'rss.xml'), 'utf8')).toBe(before);
  });

  it('says when there is no previous feed to compare with', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    expect((await run(['build'], { cwd: dir })).stderr).toContain('1 new, 0 updated, 0 removed (no previous feed to compare with)');
  });

  it('a dry run compares too, but writes nothing', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    await run(['build'], { cwd: dir });
    writeArticles(dir, { 'b.md': article({ title: 'Beta', day: 2 }) });
    const out = json((await run(['build', '--dry-run', '--json'], { cwd: dir })).stdout);
    expect(titles(out.changes.added)).toEqual(['Beta']);
    expect(out.files).toEqual([]);
    expect(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')).not.toContain('Beta');
  });

  it('a dry run keeps the parse cache (not an output file): the build after it parses no article again', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }), 'b.md': article({ title: 'Beta', day: 2 }) }, { cache: '.cache' });
    // Written a minute ago: not within the racy window, where a cached entry is not trusted (test/cache/racy.test.ts).
    const past = new Date(Date.now() - 60_000);
    for (const f of ['a.md', 'b.md']) utimesSync(path.join(dir, 'articles', f), past, past);
    const { build } = await import('../../src/build.js');
    const dry = await build({ cwd: dir, dryRun: true });
    expect(dry.work.parsed).toBe(2);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    const real = await build({ cwd: dir });
    expect(real.work.parsed).toBe(0);
    expect(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')).toContain('Beta');
  });
});

describe('--quiet', () => {
  it('prints nothing for a clean build', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    const r = await run(['build', '--quiet'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toBe('');
  });

  it('still prints the summary line when there are errors', async () => {
    const dir = makeSite({ 'bad.md': '---\ntitle: Bad\ndate: 31/31/2024\n---\nBody.\n' });
    const r = await run(['build', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 error');
  });
});

describe('progress callback', () => {
  it('build() reports (done, total) while parsing, never printing itself', async () => {
    const { build } = await import('../../src/build.js');
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }), 'b.md': article({ title: 'B', day: 2 }), 'c.md': article({ title: 'C', day: 3 }) });
    const calls: [number, number][] = [];
    await build({ cwd: dir, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every(([, total]) => total === 3)).toBe(true);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((x, y) => x - y));
  });
});
