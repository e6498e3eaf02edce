import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendFrame, readFrames, writeFrames } from '../../src/cache/frames.js';

/*
 * A frame appended in parts (the output record's published items: their keys, a line feed and
 * their lines, megabytes at 10k articles) is written without joining them: it must read back as
 * the parts joined, with its CRC, as a frame appended whole does.
 */
describe('appendFrame with a body in parts', () => {
  it('reads back as the parts joined, after the frames before it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-frames-'));
    const file = path.join(dir, 'f.json');
    const id = writeFrames(file, 'fmt-1', ['{"a":', '1}']);
    const big = 'é'.repeat(300_000);
    const next = appendFrame(file, 'fmt-1', ['keys', '\n', big, '', 'end'], id);
    expect(next).toBeDefined();
    expect(readFrames(file, 'fmt-1')?.bodies).toEqual(['{"a":1}', `keys\n${big}end`]);
    // And one appended whole after it.
    expect(appendFrame(file, 'fmt-1', 'last', next as NonNullable<typeof next>)).toBeDefined();
    expect(readFrames(file, 'fmt-1')?.bodies).toEqual(['{"a":1}', `keys\n${big}end`, 'last']);
    rmSync(dir, { recursive: true, force: true });
  });
});
