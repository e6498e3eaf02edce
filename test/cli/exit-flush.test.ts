import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, makeSite } from './helpers.js';

/*
 * The launcher ends a build with process.exit() to skip a normal exit's teardown. Writes to a pipe
 * are asynchronous on POSIX (Node's "A note on process I/O"): what the reader has not taken yet is
 * still queued, and process.exit() would drop it. `build --json | jq` in a CI job is such a pipe;
 * its reader here waits before reading, so the JSON (over 64 KB, a pipe's buffer) is still queued
 * when the build ends, and must arrive whole.
 */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/feedwright.js');

describe('bin/feedwright.js: the output of a build reaches a slow pipe whole', () => {
  it('prints all of a large --json report to a reader that waits before reading', async () => {
    const articles: Record<string, string> = {};
    for (let i = 0; i < 900; i++) {
      articles[`post-${i}.md`] = article({ title: `Post ${i} ${'with a long title '.repeat(8)}`, day: i, body: `Body ${i}.` }).replace('---\n\n', `unknown_key_a: 1\nunknown_key_b: 2\n---\n\n`);
    }
    const dir = makeSite(articles, { limit: 2000 });
    const child = spawn(process.execPath, [BIN, 'build', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(128 * 1024);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(code).toBe(0);
  }, 60_000);
});
