import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { writeFramed } from '../../src/cache/framed.js';
import { readGitDates } from '../../src/meta/git.js';
import { CODE_ID } from '../../src/version.js';

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

/** A git on PATH that logs each call's subcommand to `log` and runs the real one; `logs()` counts the `git log` runs so far; `restore` puts PATH back. */
function countGitCalls(): { log: string; logs: () => number; restore: () => void } {
  const bin = mkdtempSync(path.join(tmpdir(), 'feedwright-fakegit-'));
  const log = path.join(bin, 'calls.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  const oldPath = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${oldPath ?? ''}`;
  return {
    log,
    logs: () => readFileSync(log, 'utf8').split('\n').filter((c) => c === 'log').length,
    restore: () => {
      process.env.PATH = oldPath;
    },
  };
}

describe('readGitDates', () => {
  it('reads first and last commit dates of every file, paths relative to the articles folder', async () => {
    const { articles } = repo();
    const { dates, diagnostics } = await readGitDates(articles, 'articles');
    expect(diagnostics).toEqual([]);
    expect(dates.get('a.md')).toEqual({ first: new Date('2021-01-01T00:00:00Z'), last: new Date('2022-06-01T12:00:00Z') });
    expect(dates.get('sub/ü b.md')).toEqual({ first: new Date('2021-01-01T00:00:00Z'), last: new Date('2021-01-01T00:00:00Z') });
  });

  it('dates article files only: images and PDFs beside them are not counted', async () => {
    const { dir, articles } = repo();
    writeFileSync(path.join(articles, 'photo.jpg'), 'jpeg');
    writeFileSync(path.join(articles, 'sub', 'race.pdf'), 'pdf');
    git(dir, ['add', '-A'], '2023-01-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'media'], '2023-01-01T00:00:00Z');
    const { dates } = await readGitDates(articles, 'articles');
    expect([...dates.keys()].sort()).toEqual(['a.md', 'sub/ü b.md']);
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
    const { log, restore } = countGitCalls();
    try {
      const result = await build({ cwd: dir, config: (await import('../../src/config/load.js')).resolveConfig({ link: 'https://example.com/', cache: false, stylesheet: false, index: false }), now: new Date('2026-01-01T00:00:00Z') });
      expect((await result.articles()).find((a) => a.title.value === 'Post 3')?.published).toEqual({ value: new Date('2023-01-01T00:00:00Z'), from: 'git' });
    } finally {
      restore();
    }
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c === 'log')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(2);
  });
});

describe('the history read at a commit is kept (a memo in the cache folder)', () => {
  it('a second read at the same HEAD runs no git log; a new commit is read again', async () => {
    const { dir, articles } = repo();
    const memo = path.join(dir, '.cache', 'git.json');
    const { logs, restore } = countGitCalls();
    try {
      const first = await readGitDates(articles, 'articles', memo);
      const again = await readGitDates(articles, 'articles', memo);
      expect(logs()).toBe(1);
      expect(again).toEqual(first);
      expect(again.dates.get('a.md')).toEqual({ first: new Date('2021-01-01T00:00:00Z'), last: new Date('2022-06-01T12:00:00Z') });
      writeFileSync(path.join(articles, 'a.md'), 'one, edited twice');
      git(dir, ['commit', '-q', '-am', 'third'], '2023-03-01T00:00:00Z');
      const moved = await readGitDates(articles, 'articles', memo);
      expect(logs()).toBe(2);
      expect(moved.dates.get('a.md')?.last).toEqual(new Date('2023-03-01T00:00:00Z'));
    } finally {
      restore();
    }
  });

  it('a memo written by other code (another build id) is not reused, even at the same HEAD', async () => {
    const { articles, dir } = repo();
    const memo = path.join(dir, '.cache', 'git.json');
    const { logs, restore } = countGitCalls();
    try {
      await readGitDates(articles, 'articles', memo);
      const written = readFileSync(memo, 'utf8');
      const header = written.slice(0, written.indexOf('\n'));
      expect(header).toContain(CODE_ID);
      // The same history, framed as another copy of feedwright would have written it.
      const format = header.slice(0, header.lastIndexOf(' ')).replace(CODE_ID, `${CODE_ID}-other`);
      writeFramed(memo, format, written.slice(written.indexOf('\n') + 1));
      await readGitDates(articles, 'articles', memo);
      expect(logs()).toBe(2);
      await readGitDates(articles, 'articles', memo);
      expect(logs()).toBe(2);
    } finally {
      restore();
    }
  });

  it('a repository without a commit is still a note, which says so rather than quoting git', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-nocommit-'));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    const { dates, diagnostics } = await readGitDates(dir, 'articles', path.join(dir, 'memo.json'));
    expect(dates.size).toBe(0);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['GIT_UNAVAILABLE', 'note']]);
    // A new site's `git init`: git's "fatal: ambiguous argument 'HEAD'" is no news to its user.
    expect(diagnostics[0]?.message).toBe('git history is not available (the repository has no commit yet); dates fall back to the file modification time.');
  });
});

describe('readGitDates follows renames (issue 13)', () => {
  function newRepo(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-git-mv-'));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    return dir;
  }
  function write(dir: string, rel: string, text: string): void {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const post = (n: number) => `---\ntitle: Post number ${n}\n---\n${'A paragraph of the post, long enough to be recognised after a move. '.repeat(4)}${n}\n`;

  it('a post moved into the articles folder, and edited a little, keeps its first commit date', async () => {
    const dir = newRepo();
    write(dir, '_posts/2019-05-01-hello.md', post(1));
    write(dir, '_posts/other.md', post(2));
    git(dir, ['add', '-A'], '2019-05-01T10:00:00Z');
    git(dir, ['commit', '-q', '-m', 'first'], '2019-05-01T10:00:00Z');
    write(dir, '_posts/2019-05-01-hello.md', `${post(1)}An edit.\n`);
    git(dir, ['commit', '-q', '-am', 'edit'], '2020-02-02T10:00:00Z');
    // The site moves to a new generator: the folder moves, and a front matter line changes.
    mkdirSync(path.join(dir, 'content'), { recursive: true });
    git(dir, ['mv', '_posts', 'content/posts'], '2024-03-03T10:00:00Z');
    write(dir, 'content/posts/2019-05-01-hello.md', `${post(1).replace('title:', 'draft: false\ntitle:')}An edit.\n`);
    git(dir, ['commit', '-q', '-am', 'move to the new generator'], '2024-03-03T10:00:00Z');
    const { dates, diagnostics } = await readGitDates(path.join(dir, 'content/posts'), 'content/posts');
    expect(diagnostics).toEqual([]);
    expect(dates.get('2019-05-01-hello.md')).toEqual({ first: new Date('2019-05-01T10:00:00Z'), last: new Date('2024-03-03T10:00:00Z') });
    expect(dates.get('other.md')).toEqual({ first: new Date('2019-05-01T10:00:00Z'), last: new Date('2024-03-03T10:00:00Z') });
  });

  it('follows a chain of renames within the folder, and a build publishes the first date', async () => {
    const dir = newRepo();
    write(dir, 'articles/a.md', post(1));
    git(dir, ['add', '-A'], '2018-01-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'a'], '2018-01-01T00:00:00Z');
    git(dir, ['mv', 'articles/a.md', 'articles/b.md'], '2019-01-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'a to b'], '2019-01-01T00:00:00Z');
    mkdirSync(path.join(dir, 'articles/trip'), { recursive: true });
    git(dir, ['mv', 'articles/b.md', 'articles/trip/index.md'], '2020-01-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'b to a bundle'], '2020-01-01T00:00:00Z');
    const { dates } = await readGitDates(path.join(dir, 'articles'), 'articles');
    expect(dates.get('trip/index.md')).toEqual({ first: new Date('2018-01-01T00:00:00Z'), last: new Date('2020-01-01T00:00:00Z') });
    const { resolveConfig } = await import('../../src/config/load.js');
    const result = await build({ cwd: dir, config: resolveConfig({ link: 'https://example.com/', cache: false, stylesheet: false, index: false }), now: new Date('2026-01-01T00:00:00Z') });
    expect((await result.articles()).map((a) => [a.title.value, a.published.value.toISOString(), a.published.from])).toEqual([['Post number 1', '2018-01-01T00:00:00.000Z', 'git']]);
  });

  it('warns when many articles begin in one commit that git cannot follow (an import or a copy)', async () => {
    const dir = newRepo();
    write(dir, 'keep.md', 'x');
    git(dir, ['add', '-A'], '2015-01-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'start'], '2015-01-01T00:00:00Z');
    for (let i = 0; i < 12; i++) write(dir, `posts/p${i}.md`, post(i));
    git(dir, ['add', '-A'], '2024-06-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'import the old blog'], '2024-06-01T00:00:00Z');
    const { dates, diagnostics } = await readGitDates(path.join(dir, 'posts'), 'posts');
    expect(dates.size).toBe(12);
    expect(diagnostics.map((d) => d.code)).toEqual(['GIT_DATES_UNCERTAIN']);
    expect(diagnostics[0]?.message).toContain('12 of 12 articles first appear in one commit on 2024-06-01');
  });

  it('counts only the articles there now: posts imported in one commit and deleted since neither raise the warning nor swell its numbers', async () => {
    const dir = newRepo();
    for (let i = 0; i < 12; i++) write(dir, `posts/p${i}.md`, post(i));
    git(dir, ['add', '-A'], '2024-01-11T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'import'], '2024-01-11T00:00:00Z');
    git(dir, ['rm', '-q', ...Array.from({ length: 10 }, (_, i) => `posts/p${i}.md`)], '2024-02-01T00:00:00Z');
    for (let i = 20; i < 24; i++) write(dir, `posts/p${i}.md`, post(i));
    git(dir, ['add', '-A'], '2024-02-01T00:00:00Z');
    git(dir, ['commit', '-q', '-m', 'a new start'], '2024-02-01T00:00:00Z');
    const { diagnostics } = await readGitDates(path.join(dir, 'posts'), 'posts');
    // History names 16 posts, 12 of them from one commit; of the 6 there now, 2 are from it.
    expect(diagnostics.map((d) => d.code)).toEqual([]);
  });

  it("a build keeps that warning only while git dates some of those articles: when each is dated in front matter, it would only alarm", async () => {
    const { resolveConfig } = await import('../../src/config/load.js');
    const codes = async (dir: string) => {
      const result = await build({ cwd: dir, config: resolveConfig({ link: 'https://example.com/', cache: false, stylesheet: false, index: false }), now: new Date('2026-01-01T00:00:00Z') });
      return result.diagnostics.map((d) => d.code).filter((c) => c.startsWith('GIT_'));
    };
    const imported = (dated: boolean) => {
      const dir = newRepo();
      write(dir, 'keep.md', 'x');
      git(dir, ['add', '-A'], '2015-01-01T00:00:00Z');
      git(dir, ['commit', '-q', '-m', 'start'], '2015-01-01T00:00:00Z');
      for (let i = 0; i < 12; i++) write(dir, `articles/p${i}.md`, dated ? `---\ntitle: Post ${i}\ndate: 2012-03-${String(i + 1).padStart(2, '0')}\n---\n\nBody ${i}.\n` : post(i));
      git(dir, ['add', '-A'], '2024-06-01T00:00:00Z');
      git(dir, ['commit', '-q', '-m', 'import the old blog'], '2024-06-01T00:00:00Z');
      return dir;
    };
    expect(await codes(imported(false))).toEqual(['GIT_DATES_UNCERTAIN']);
    expect(await codes(imported(true))).toEqual([]);
  });

  it('a commit that changes many articles at once (a mass edit) is not their update: each keeps its last other commit', async () => {
    const dir = newRepo();
    for (let i = 0; i < 12; i++) {
      write(dir, `posts/p${i}.md`, post(i));
      const day = `2020-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`;
      git(dir, ['add', '-A'], day);
      git(dir, ['commit', '-q', '-m', `p${i}`], day);
    }
    write(dir, 'posts/p3.md', `${post(3)}\nEdited.\n`);
    git(dir, ['commit', '-qam', 'edit p3'], '2021-05-05T00:00:00Z');
    for (let i = 0; i < 12; i++) write(dir, `posts/p${i}.md`, `${post(i)}\nFooter.\n`);
    git(dir, ['commit', '-qam', 'rewrite every front matter'], '2023-03-08T00:00:00Z');
    const { dates, diagnostics } = await readGitDates(path.join(dir, 'posts'), 'posts');
    expect(dates.get('p0.md')).toEqual({ first: new Date('2020-01-01T00:00:00Z'), last: new Date('2020-01-01T00:00:00Z') });
    expect(dates.get('p3.md')).toEqual({ first: new Date('2020-01-04T00:00:00Z'), last: new Date('2021-05-05T00:00:00Z') });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['GIT_BULK_EDIT', 'note']]);
    expect(diagnostics[0]?.message).toContain('One commit on 2023-03-08 changed 12 of 12 articles at once');
  });

  it('does not warn for a few posts added together', async () => {
    const { articles } = repo();
    const { diagnostics } = await readGitDates(articles, 'articles');
    expect(diagnostics).toEqual([]);
  });
});
