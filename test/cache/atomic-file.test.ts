import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicFile, readFrames, writeFramesSteps } from '../../src/cache/frames.js';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('AtomicFile', () => {
  it('leaves the old file whole until commit, then replaces it; the id is the renamed file', () => {
    const dir = folder();
    const file = path.join(dir, 'side.json');
    writeFileSync(file, 'old');
    const out = AtomicFile.create(file);
    out.append(Buffer.from('new '));
    out.append(Buffer.from('bytes'));
    expect(out.at).toBe(9);
    expect(readFileSync(file, 'utf8')).toBe('old');
    const ino = out.ino;
    const id = out.commit();
    out.abandon();
    expect(readFileSync(file, 'utf8')).toBe('new bytes');
    const s = statSync(file);
    expect(id).toEqual({ ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });
    expect(id.ino).toBe(ino);
    expect(readdirSync(dir)).toEqual(['side.json']);
  });

  it('abandoned: the temporary file is removed and the old file kept', () => {
    const dir = folder();
    const file = path.join(dir, 'side.json');
    writeFileSync(file, 'old');
    const a = AtomicFile.create(file);
    const b = AtomicFile.create(file);
    a.append(Buffer.from('a'));
    expect(readdirSync(dir)).toHaveLength(3);
    a.abandon();
    b.abandon();
    expect(readdirSync(dir)).toEqual(['side.json']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('writeFramesSteps left unfinished leaves no temporary file, finished writes one readable frame', () => {
    const dir = folder();
    const file = path.join(dir, 'frames.json');
    const steps = writeFramesSteps(file, 'fmt-1', ['a', 'b', 'c']);
    steps.next();
    expect(readdirSync(dir)).toHaveLength(1);
    steps.return(undefined as never);
    expect(readdirSync(dir)).toEqual([]);
    const done = writeFramesSteps(file, 'fmt-1', ['a', 'b', 'c']);
    let step = done.next();
    while (!step.done) step = done.next();
    expect(readFrames(file, 'fmt-1')?.bodies).toEqual(['abc']);
    expect(readdirSync(dir)).toEqual(['frames.json']);
  });
});
