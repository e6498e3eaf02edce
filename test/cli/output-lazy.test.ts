/**
 * src/cli/output.ts decides colour on first use: a build that prints nothing (`--quiet`, no
 * errors) never reads stderr's isTTY, which in the launcher makes the process's stderr stream
 * (docs/BENCHMARKS.md, r23-start).
 */
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { type Io, makeOutput, printBuildSummary } from '../../src/cli/output.js';
import type { Diagnostic } from '../../src/model.js';
import { main } from '../../src/cli/main.js';
import { article, makeSite } from './helpers.js';

/** An Io whose streams count how often anything reads them (as the launcher's getters make them). */
function countingIo(tty: boolean): Io & { reads: () => number; err: () => string } {
  let reads = 0;
  let err = '';
  const stream = (write: (s: string) => void) => ({
    write: (s: string) => {
      write(s);
      return true;
    },
    get isTTY() {
      reads++;
      return tty;
    },
  });
  return {
    cwd: '/',
    env: {},
    stdout: stream(() => undefined),
    stderr: stream((s) => {
      err += s;
    }),
    reads: () => reads,
    err: () => err,
  };
}

const result = (diagnostics: Diagnostic[]): BuildResult =>
  ({
    diagnostics,
    files: [{ name: 'rss.xml', status: 'written' }],
    counts: { published: 2, drafts: 0, held: 0, sections: 0, failed: 0 },
    removedFiles: [],
  }) as unknown as BuildResult;

describe('makeOutput: colour decided on first use', () => {
  it('reads no stream when nothing is painted nor printed', () => {
    const io = countingIo(true);
    makeOutput(io, []);
    expect(io.reads()).toBe(0);
  });

  it('a quiet summary without errors touches no stream; one with errors is printed, coloured on a TTY', () => {
    const io = countingIo(true);
    const out = makeOutput(io, []);
    printBuildSummary(out, result([]), 0.1, true);
    expect(io.reads()).toBe(0);
    expect(io.err()).toBe('');
    const error: Diagnostic = { code: 'X', severity: 'error', message: 'bad', file: 'a.md' } as Diagnostic;
    printBuildSummary(out, result([error]), 0.1, true);
    expect(io.err()).toContain('\u001b[31m✗\u001b[39m 2 articles published, 1 error');
  });

  it('decides once, from the stream, the environment and the flags', () => {
    const io = countingIo(true);
    const out = makeOutput(io, []);
    expect(out.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(out.bold(out.dim('y'))).toBe('\u001b[1m\u001b[2my\u001b[22m\u001b[1m\u001b[22m');
    expect(out.green('z') + out.yellow('w')).toBe('\u001b[32mz\u001b[39m\u001b[33mw\u001b[39m');
    expect(io.reads()).toBe(1);
    expect(makeOutput(countingIo(false), []).red('x')).toBe('x');
    expect(makeOutput(countingIo(true), ['--no-color']).red('x')).toBe('x');
    expect(makeOutput(countingIo(false), ['--color']).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(makeOutput({ ...countingIo(true), env: { NO_COLOR: '1' } }, []).red('x')).toBe('x');
  });

  it('isTTY follows stderr', () => {
    expect(makeOutput(countingIo(true), []).isTTY).toBe(true);
    expect(makeOutput(countingIo(false), []).isTTY).toBe(false);
  });

  it('a quiet build that succeeds reads no stream at all (through the CLI entry)', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) });
    const io = countingIo(true);
    expect(await main(['build', '--quiet'], { ...io, cwd: dir })).toBe(0);
    expect(io.err()).toBe('');
    expect(io.reads()).toBe(0);
    // Not quiet, on a TTY: read, and coloured.
    const loud = countingIo(true);
    expect(await main(['build'], { ...loud, cwd: dir })).toBe(0);
    expect(loud.reads()).toBeGreaterThan(0);
    expect(loud.err()).toContain('\u001b[32m✓\u001b[39m');
  });
});
