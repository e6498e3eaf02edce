import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOutput } from '../../src/cli/output.js';
import { watch } from '../../src/cli/watch.js';
import { article, makeSite, run } from './helpers.js';

/*
 * What a first-time user meets on the CLI's everyday paths: a mistyped option, `--quiet` with
 * errors, a dry run's summary, and `explain` on a path that is not an article file.
 */

describe('a mistyped option', () => {
  it('names the nearest option of the command (exit 2), as a mistyped command does', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    const r = await run(['build', '--dryrun'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option "--dryrun". Did you mean "--dry-run"?');
    expect(r.stderr).toContain('Run `feedwright build --help` for the options.');
    const e = await run(['explain', '--verbos', 'articles/a.md'], { cwd: dir });
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('Did you mean "--verbose"?');
  });

  it('an option like no other is reported as Node words it, with no guess', async () => {
    const r = await run(['build', '--zzzzzzzz'], { cwd: makeSite({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--zzzzzzzz'");
    expect(r.stderr).not.toContain('Did you mean');
  });
});

describe('--quiet ("Print only errors")', () => {
  it('prints each error with its file and line, and no warning or change summary', async () => {
    const dir = makeSite({ 'bad.md': '---\ntitle: Bad\ndate: 31/31/2024\n---\nBody.\n', 'no-date.txt': 'A title line\n\nSome text of the article.\n' });
    const r = await run(['build', '--quiet'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/articles\/bad\.md:3 error META_DATE_UNPARSEABLE/);
    expect(r.stderr).not.toMatch(/ warning [A-Z_]+ /);
    expect(r.stderr).not.toContain('new, ');
  });
});

describe('build --watch --quiet', () => {
  it('prints each error of a build, as a build without --watch does, and no warning or change summary', async () => {
    const dir = makeSite({ 'bad.md': '---\ntitle: Bad\ndate: 31/31/2024\n---\nBody.\n', 'no-date.txt': 'A title line\n\nSome text of the article.\n' });
    const log: string[] = [];
    const sink = { write: (s: string) => log.push(s) };
    const controller = new AbortController();
    const out = makeOutput({ cwd: dir, env: {}, stdout: sink, stderr: sink }, []);
    // Stopped once the first build is done: what it printed is what a watch session's builds print.
    await watch({ cwd: dir }, out, { quiet: true }, { signal: controller.signal, onBuilt: () => controller.abort() });
    const text = log.join('');
    expect(text).toMatch(/articles\/bad\.md:3 error META_DATE_UNPARSEABLE/);
    expect(text).not.toMatch(/ warning [A-Z_]+ /);
    expect(text).not.toContain('new, ');
  });
});

describe('a dry run', () => {
  it('says it wrote nothing, rather than "0 files written, 0 unchanged"', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    const r = await run(['build', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 article to publish');
    expect(r.stderr).toContain('dry run: no file written');
    expect(r.stderr).not.toContain('0 files written');
  });
});

describe('explain on a path that is not an article file', () => {
  it('says what it is (missing, a broken link, a folder, a named pipe), with the hint, and shows no empty body', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'Alpha', day: 1 }) });
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'articles', 'broken.md'));
    mkdirSync(path.join(dir, 'articles', 'folder.md'));
    let fifo = true;
    try {
      execFileSync('mkfifo', [path.join(dir, 'articles', 'pipe.md')]);
    } catch {
      fifo = false; // no mkfifo here: the other three are still checked
    }
    const r = await run(['explain', 'articles/missing.md', 'articles/broken.md', 'articles/folder.md', ...(fifo ? ['articles/pipe.md'] : [])], { cwd: dir });
    expect(r.code).toBe(1);
    const block = (name: string): string => r.stdout.split('\n\n').find((b) => b.startsWith(`== articles/${name}`)) ?? '';
    expect(block('missing.md')).toContain('SOURCE_UNREADABLE: The file does not exist.');
    expect(block('missing.md')).toContain('hint: Pass the path of an article file.');
    expect(block('broken.md')).toContain('The symbolic link is broken');
    expect(block('folder.md')).toContain('This is a folder, not a file.');
    if (fifo) expect(block('pipe.md')).toContain('SOURCE_SPECIAL_FILE: This is a named pipe (FIFO)');
    expect(r.stdout).not.toContain('dropped (0)');
    expect(r.stdout).not.toContain('kept body');
  });

  it('an article that was read but failed keeps its body and prints the hint of its error', async () => {
    const dir = makeSite({ 'bad.md': '---\ntitle: Bad\ndate: 31/31/2024\n---\nThe body.\n' });
    const r = await run(['explain', 'articles/bad.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('kept body:');
    expect(r.stdout).toContain('The body.');
    expect(r.stdout).toMatch(/error META_DATE_UNPARSEABLE \(line 3\): .*\n {4}hint: /);
  });
});
