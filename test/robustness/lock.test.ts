/**
 * The output lock is never held twice (src/output/lock.ts): many processes contend for it while
 * some of them die holding it, so stale locks keep appearing and are taken over concurrently.
 * Each holder owns an exclusively created marker file while it holds the lock; a second holder at
 * the same time would find the marker and count an overlap.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_NAME } from '../../src/output/lock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONTENDER = path.join(here, 'fixtures', 'lock-contender.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'fw-lock-'));
  dirs.push(d);
  return d;
}

interface Report {
  held: number;
  busy: number;
  overlaps: number;
  crashed?: boolean;
}

function contender(args: string[]): Promise<{ code: number | null; report: Report | undefined; stderr: string }> {
  const child = spawn(process.execPath, ['--import', TSX, CONTENDER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, report: stdout.trim() ? (JSON.parse(stdout.trim()) as Report) : undefined, stderr })));
}

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

describe('the output lock', () => {
  it('is held by exactly one process at any time, while stale locks are taken over concurrently', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    // A stale lock (its process is gone) is there from the start.
    writeFileSync(path.join(out, LOCK_NAME), `${deadPid()}\n`);
    const marker = path.join(dir, 'holding');
    const go = path.join(dir, 'go');
    // Ten contenders: seven die holding the lock after a hold or a few, leaving it stale each time
    // while the others keep trying; three hold it twelve times each and release it.
    const crashAfter = [1, 1, 1, 2, 2, 3, 4, 0, 0, 0];
    const runs = crashAfter.map((n) => contender([out, marker, go, '12', String(n)]));
    await new Promise((r) => setTimeout(r, 1500));
    writeFileSync(go, '');
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const reports = results.map((r) => r.report as Report);
    // Stale locks were met and taken over (not only waited out) ...
    expect(reports.filter((r) => r.crashed)).toHaveLength(7);
    expect(reports.map((r) => r.held)).toEqual(crashAfter.map((n) => n || 12));
    // ... and no two processes ever held the lock together.
    expect(reports.map((r) => r.overlaps)).toEqual(crashAfter.map(() => 0));
    // No temporary lock files or claims are left behind (at most a lock of a contender that died last).
    expect(readdirSync(out).filter((n) => n !== LOCK_NAME)).toEqual([]);
  });

  it('a lock file that exists but is still empty is a build starting, not a stale lock', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, LOCK_NAME), '');
    await expect(acquireLock(out, 'out')).rejects.toMatchObject({ code: 'OUTPUT_LOCKED', message: 'Another feedwright build is writing to out.' });
  });

  it('release() does not delete a lock another build now holds', async () => {
    const out = tempDir();
    const release = await acquireLock(out, 'out');
    // Someone deleted our lock by hand and another build took it.
    rmSync(path.join(out, LOCK_NAME));
    const other = await acquireLock(out, 'out');
    release();
    expect(readdirSync(out)).toContain(LOCK_NAME);
    await expect(acquireLock(out, 'out')).rejects.toMatchObject({ code: 'OUTPUT_LOCKED' });
    other();
    expect(readdirSync(out)).not.toContain(LOCK_NAME);
  });

  it('two builds in one process are told apart: the second is refused while the first holds the lock', async () => {
    const out = tempDir();
    const release = await acquireLock(out, 'out');
    await expect(acquireLock(out, 'out')).rejects.toMatchObject({ code: 'OUTPUT_LOCKED', message: `Another feedwright build (pid ${process.pid}) is writing to out.` });
    release();
    const again = await acquireLock(out, 'out');
    again();
  });
});
