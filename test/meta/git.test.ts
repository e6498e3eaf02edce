import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readGitDates } from '../../src/meta/git.js';

function git(cwd: string, args: string[], date: string): void {
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' }, stdio: 'ignore' });
}

function repo(): { dir: string; articles: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-git-'));
  const articles = path.join(dir, 'articles');
  mkdirSync(path.join(articles, 'sub'), { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  writeFileSync(path.join(articles, 'a.md'), 'one');
  writeFileSync(path.join(articles, 'sub', 'ü b.md'), 'two');
  git(dir, ['add', '-A'], '2021-01-01T00:00:00Z');
  git(dir, ['commit', '-q', '-m', 'first'], '2021-01-01T00:00:00Z');
  writeFileSync(path.join(articles, 'a.md'), 'one, edited');
  git(dir, ['commit', '-q', '-am', 'second'], '2022-06-01T12:00:00Z');
  return { dir, articles };
}

describe('readGitDates', () => {
  it('reads first and last commit dates of every file, paths relative to the articles folder', async () => {
    const { articles } = repo();
    const { dates, diagnostics } = await readGitDates(articles, 'articles');
    expect(diagnostics).toEqual([]);
    expect(dates.get('a.md')).toEqual({ first: new Date('2021-01-01T00:00:00Z'), last: new Date('2022-06-01T12:00:00Z') });
    expect(dates.get('sub/ü b.md')).toEqual({ first: new Date('2021-01-01T00:00:00Z'), last: new Date('2021-01-01T00:00:00Z') });
  });

  it('detects a shallow clone and says how to fix it', async () => {
    const { dir } = repo();
    const clone = mkdtempSync(path.join(tmpdir(), 'feedwright-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
    const { diagnostics } = await readGitDates(path.join(clone, 'articles'), 'articles');
    expect(diagnostics.map((d) => d.code)).toEqual(['GIT_SHALLOW']);
    expect(diagnostics[0]?.hint).toContain('fetch-depth: 0');
  });

  it('reports a folder outside any repository as a note, not an error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-nogit-'));
    const { dates, diagnostics } = await readGitDates(dir, 'articles');
    expect(dates.size).toBe(0);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['GIT_UNAVAILABLE', 'note']]);
  });
});

describe('a build', () => {
  it('runs git log once for the whole folder, not once per file', async () => {
    const { dir, articles } = repo();
    for (let i = 0; i < 20; i++) writeFileSync(path.join(articles, `post-${i}.md`), `---\ntitle: Post ${i}\n---\nBody.\n`);
    git(dir, ['add', '-A'], '2023-01-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'more'], '2023-01-01T00:00:00Z');
    const bin = mkdtempSync(path.join(tmpdir(), 'feedwright-fakegit-'));
    const log = path.join(bin, 'calls.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${oldPath ?? ''}`;
    try {
      const result = await build({ cwd: dir, config: (await import('../../src/config/load.js')).resolveConfig({ link: 'https://example.com/', cache: false, stylesheet: false, index: false }), now: new Date('2026-01-01T00:00:00Z') });
      expect(result.articles.find((a) => a.title.value === 'Post 3')?.published).toEqual({ value: new Date('2023-01-01T00:00:00Z'), from: 'git' });
    } finally {
      process.env.PATH = oldPath;
    }
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c === 'log')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(2);
  });
});
