import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { run } from './helpers.js';

/**
 * Golden help texts: test/cli/help/<topic>.txt hold the exact output, reviewed like code.
 * UPDATE_GOLDEN=1 npx vitest run test/cli/help.test.ts rewrites them after an intended change.
 */
const GOLDEN = path.join(import.meta.dirname, 'help');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, `${name}.txt`);
  if (UPDATE) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('--help', () => {
  it('feedwright --help prints the main help on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    golden('main', r.stdout);
  });

  for (const command of ['build', 'check', 'explain', 'init']) {
    it(`feedwright ${command} --help matches its golden text`, async () => {
      const r = await run([command, '--help']);
      expect(r.code).toBe(0);
      golden(command, r.stdout);
    });

    it(`feedwright help ${command} prints the same text as ${command} --help`, async () => {
      expect((await run(['help', command])).stdout).toBe((await run([command, '-h'])).stdout);
    });
  }

  it('help lines fit in 100 columns', async () => {
    for (const argv of [['--help'], ['build', '--help'], ['check', '--help'], ['explain', '--help'], ['init', '--help']]) {
      for (const line of (await run(argv)).stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: feedwright <command>');
  });

  it('an unknown command or help topic is a usage error', async () => {
    expect((await run(['bild'])).code).toBe(2);
    expect((await run(['help', 'bild'])).code).toBe(2);
  });

  it('an unknown option names the command and points at its help', async () => {
    const r = await run(['build', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('feedwright build --help');
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`feedwright ${VERSION}\n`);
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
