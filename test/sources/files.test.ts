import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSources, MAX_SOURCE_BYTES, readSource, readSourceSync, type SourceFile } from '../../src/sources/files.js';
import { makeTree } from '../helpers/project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = makeTree(files, 'fw-list-');
  dirs.push(dir);
  return dir;
}

/** What paths.display does (src/pipeline/paths.ts). */
const relativeTo =
  (cwd: string) =>
  (abs: string): string => {
    const r = path.relative(cwd, abs);
    return r === '' ? '.' : r.startsWith('..') ? abs : r.split(path.sep).join('/');
  };

describe('listSources', () => {
  it('lists nested files in order, with relative and display paths and their stats', async () => {
    const dir = tree({ 'articles/b.md': 'b', 'articles/a/z.md': 'z', 'articles/a/y.txt': 'y', 'articles/.hidden.md': 'h', 'articles/c.html': 'c' });
    const root = path.join(dir, 'articles');
    const { files, diagnostics } = await listSources(root, relativeTo(dir));
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => [f.relPath, f.displayPath, f.kind])).toEqual([
      ['a/y.txt', 'articles/a/y.txt', 'text'],
      ['a/z.md', 'articles/a/z.md', 'markdown'],
      ['b.md', 'articles/b.md', 'markdown'],
      ['c.html', 'articles/c.html', 'html'],
    ]);
    for (const f of files) {
      const s = statSync(f.abs);
      expect(f.abs).toBe(path.join(root, ...f.relPath.split('/')));
      expect([f.size, f.mtimeMs, f.ctimeMs, f.ino]).toEqual([s.size, s.mtimeMs, s.ctimeMs, s.ino]);
    }
  });

  it("reads Quarto's .qmd as Markdown, unless its Markdown rendering (x.md, Quarto's hugo-md or gfm output) is beside it", async () => {
    const dir = tree({ 'articles/a/index.qmd': 'a', 'articles/b/index.qmd': 'b', 'articles/b/index.md': 'b', 'articles/c.QMD': 'c' });
    const { files, diagnostics } = await listSources(path.join(dir, 'articles'), relativeTo(dir));
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => [f.relPath, f.kind])).toEqual([
      ['a/index.qmd', 'markdown'],
      ['b/index.md', 'markdown'],
      ['c.QMD', 'markdown'],
    ]);
  });

  it('gives the display path of the display function, also one that is not compositional', async () => {
    const dir = tree({ 'articles/one.md': '1', 'articles/two.md': '2', 'articles/sub/three.md': '3' });
    const root = path.join(dir, 'articles');
    const odd = (abs: string): string => `<${path.basename(abs)}>`;
    const { files } = await listSources(root, odd);
    expect(files.map((f) => f.displayPath)).toEqual(['<one.md>', '<three.md>', '<two.md>']);
    // The articles folder itself as the working directory: its files display as bare names.
    const own = await listSources(root, relativeTo(root));
    expect(own.files.map((f) => f.displayPath)).toEqual(['one.md', 'sub/three.md', 'two.md']);
    // Outside the working directory: absolute paths.
    const outside = await listSources(root, relativeTo(path.join(dir, 'elsewhere')));
    expect(outside.files.map((f) => f.displayPath)).toEqual(files.map((f) => f.abs));
  });

  it('follows links to files and folders (stats of the target), reports broken links and loops', async () => {
    const dir = tree({ 'articles/real.md': 'a longer body', 'elsewhere/linked/inner.md': 'inner' });
    const root = path.join(dir, 'articles');
    symlinkSync(path.join(root, 'real.md'), path.join(root, 'alias.md'));
    symlinkSync(path.join(dir, 'elsewhere', 'linked'), path.join(root, 'folder'));
    symlinkSync(path.join(dir, 'missing.md'), path.join(root, 'broken.md'));
    symlinkSync(root, path.join(root, 'loop'));
    const { files, diagnostics } = await listSources(root, relativeTo(dir), { followExternalLinks: true });
    expect(files.map((f) => f.relPath)).toEqual(['alias.md', 'folder/inner.md', 'real.md']);
    const alias = files[0];
    expect(alias?.size).toBe(statSync(path.join(root, 'real.md')).size);
    expect(alias?.ino).toBe(statSync(path.join(root, 'real.md')).ino);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['SOURCE_UNREADABLE', 'articles/broken.md'],
      ['SOURCE_SYMLINK_LOOP', 'articles/loop'],
    ]);
  });

  it('by default reports links whose real path is outside the folder (files, folders, links via links) and does not list them', async () => {
    const dir = tree({ 'articles/real.md': 'a body', 'articles/sub/in.md': 'in', 'articles/other/two.md': 'two', 'elsewhere/out.md': 'out', 'elsewhere/linked/inner.md': 'inner' });
    const root = path.join(dir, 'articles');
    symlinkSync(path.join(dir, 'elsewhere', 'out.md'), path.join(root, 'out.md'));
    symlinkSync(path.join(dir, 'elsewhere', 'linked'), path.join(root, 'folder'));
    symlinkSync('/etc/passwd', path.join(root, 'passwd.md'));
    symlinkSync('/etc', path.join(root, 'etc'));
    // A relative link that climbs out, and a link to an inside link that points out.
    symlinkSync('../../elsewhere/out.md', path.join(root, 'sub', 'climb.md'));
    symlinkSync('out.md', path.join(root, 'via.md'));
    // Links that stay inside are followed as before.
    symlinkSync('sub/in.md', path.join(root, 'inside.md'));
    symlinkSync('other', path.join(root, 'also-other'));
    const { files, diagnostics } = await listSources(root, relativeTo(dir));
    expect(files.map((f) => f.relPath)).toEqual(['also-other/two.md', 'inside.md', 'other/two.md', 'real.md', 'sub/in.md']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ['SOURCE_LINK_OUTSIDE', 'error', 'articles/etc'],
      ['SOURCE_LINK_OUTSIDE', 'error', 'articles/folder'],
      ['SOURCE_LINK_OUTSIDE', 'error', 'articles/out.md'],
      ['SOURCE_LINK_OUTSIDE', 'error', 'articles/passwd.md'],
      ['SOURCE_LINK_OUTSIDE', 'error', 'articles/sub/climb.md'],
      ['SOURCE_LINK_OUTSIDE', 'error', 'articles/via.md'],
    ]);
  });

  it.skipIf(process.platform === 'win32')('reports a FIFO and a socket (never opened, so nothing waits for a writer)', async () => {
    const dir = tree({ 'articles/real.md': 'a body' });
    const root = path.join(dir, 'articles');
    execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, 'socket.txt'), resolve));
    try {
      symlinkSync('pipe.md', path.join(root, 'to-pipe.md'));
      const { files, diagnostics } = await listSources(root, relativeTo(dir));
      expect(files.map((f) => f.relPath)).toEqual(['real.md']);
      expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
        ['SOURCE_SPECIAL_FILE', 'warning', 'articles/pipe.md'],
        ['SOURCE_SPECIAL_FILE', 'warning', 'articles/socket.txt'],
        ['SOURCE_SPECIAL_FILE', 'warning', 'articles/to-pipe.md'],
      ]);
      expect(diagnostics[0]?.message).toContain('FIFO');
      expect(diagnostics[1]?.message).toContain('socket');
    } finally {
      server.close();
    }
  });
});

describe('readSource', () => {
  it.skipIf(process.platform === 'win32')('a file replaced by a FIFO after it was listed is reported at once, not waited on', { timeout: 10_000 }, async () => {
    const dir = tree({ 'articles/post.md': '---\ntitle: x\n---\nBody.\n' });
    const abs = path.join(dir, 'articles', 'post.md');
    const [file] = (await listSources(path.join(dir, 'articles'), relativeTo(dir))).files;
    expect(file).toBeDefined();
    rmSync(abs);
    execFileSync('mkfifo', [abs]);
    const result = await readSource(file as SourceFile);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic).toMatchObject({ code: 'SOURCE_SPECIAL_FILE', file: 'articles/post.md' });
  });
});

describe('readSourceSync (what a build reads with)', () => {
  it('answers at once, not with a promise, and as readSource does for text, gone, grown and special files', async () => {
    const dir = tree({ 'articles/a.md': '---\ntitle: A\n---\nBody \u00e9.\n', 'articles/b.txt': 'caf\xe9 plain text\n', 'articles/c.md': 'x', 'articles/d.md': 'y' });
    const files = (await listSources(path.join(dir, 'articles'), relativeTo(dir))).files;
    const byName = (name: string): SourceFile => files.find((f) => f.relPath.endsWith(name)) as SourceFile;
    rmSync(byName('c.md').abs);
    writeFileSync(byName('d.md').abs, Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61));
    const results = files.map((f) => readSourceSync(f));
    expect(results.some((r) => r instanceof Promise)).toBe(false);
    for (const [i, f] of files.entries()) expect(results[i]).toEqual(await readSource(f));
    expect(results.map((r) => (r.ok ? r.text : r.diagnostic.code))).toEqual([
      '---\ntitle: A\n---\nBody \u00e9.\n',
      'caf\xe9 plain text\n',
      'SOURCE_UNREADABLE',
      'SOURCE_TOO_LARGE',
    ]);
  });

  it('reads a file as listed, grown, shrunk, with NUL bytes or replaced by a folder as before, each text its own (one read buffer per thread)', async () => {
    const dir = tree({ 'articles/a.md': 'Alpha body.\n', 'articles/b.md': 'Beta.\n', 'articles/c.md': 'Gamma, to shrink.\n', 'articles/d.md': 'Delta\0 with a NUL.\n', 'articles/e.md': 'Epsilon.\n' });
    const files = (await listSources(path.join(dir, 'articles'), relativeTo(dir))).files;
    const byName = (name: string): SourceFile => files.find((f) => f.relPath.endsWith(name)) as SourceFile;
    writeFileSync(byName('b.md').abs, 'Beta, grown since it was listed.\n');
    writeFileSync(byName('c.md').abs, 'Gamma.\n');
    rmSync(byName('e.md').abs);
    mkdirSync(byName('e.md').abs);
    const results = files.map((f) => readSourceSync(f));
    expect(results.map((r) => (r.ok ? r.text : r.diagnostic.code))).toEqual(['Alpha body.\n', 'Beta, grown since it was listed.\n', 'Gamma.\n', 'Delta with a NUL.\n', 'SOURCE_SPECIAL_FILE']);
    expect(results[3]?.ok && results[3].note?.code).toBe('SOURCE_NUL_REMOVED');
  });

  it.skipIf(process.platform === 'win32')('reports a FIFO put where a listed file was, without waiting for a writer', async () => {
    const dir = tree({ 'articles/post.md': 'Body.\n' });
    const [file] = (await listSources(path.join(dir, 'articles'), relativeTo(dir))).files;
    rmSync((file as SourceFile).abs);
    execFileSync('mkfifo', [(file as SourceFile).abs]);
    const result = readSourceSync(file as SourceFile);
    expect(result.ok ? 'read' : result.diagnostic.code).toBe('SOURCE_SPECIAL_FILE');
  });
});
