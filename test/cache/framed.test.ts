import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFramed, textOf, writeFramed } from '../../src/cache/framed.js';
import { appendFrame, readFrames, writeFrames } from '../../src/cache/frames.js';

describe('framed cache files', () => {
  const body = '{"title":"Café — 😀 \u2028 end"}\nsecond line';

  it('round-trips a non-ASCII body, framed with the CRC-32 of its UTF-8 bytes (the format files already on disk use)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fw-framed-')), 'x', 'f.json');
    writeFramed(file, 'fmt-1 0.1.0', body);
    expect(readFileSync(file, 'utf8')).toBe(`fmt-1 0.1.0 ${crc32(Buffer.from(body, 'utf8'))}\n${body}`);
    expect(readFramed(file, 'fmt-1 0.1.0')).toBe(body);
  });

  it('reads an altered byte, another format or a truncated file as nothing', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fw-framed-')), 'f.json');
    writeFramed(file, 'fmt-1', body);
    const bytes = readFileSync(file);
    expect(readFramed(file, 'fmt-2')).toBeUndefined();
    const altered = Buffer.from(bytes);
    altered[altered.length - 1] = 0x21;
    writeFileSync(file, altered);
    expect(readFramed(file, 'fmt-1')).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    expect(readFramed(file, 'fmt-1')).toBeUndefined();
    writeFileSync(file, 'no newline at all');
    expect(readFramed(file, 'fmt-1')).toBeUndefined();
  });

  it('reads each frame as the UTF-8 text written, ASCII or not (an ASCII body is read as Latin-1, the same string)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fw-frames-')), 'f.json');
    const ascii = `${'{"k":"plain \\u00e9 ascii"}\n'.repeat(2000)}end`;
    const id = writeFrames(file, 'fmt-1', [ascii.slice(0, 5000), ascii.slice(5000)]);
    const next = appendFrame(file, 'fmt-1', body, id);
    expect(next).toBeDefined();
    expect(appendFrame(file, 'fmt-1', 'ascii again', next as NonNullable<typeof next>)).toBeDefined();
    expect(readFrames(file, 'fmt-1')?.bodies).toEqual([ascii, body, 'ascii again']);
    // Every byte value: what is not ASCII is UTF-8, never Latin-1.
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(textOf(all)).toBe(all.toString('utf8'));
    expect(textOf(Buffer.from(body))).toBe(body);
    expect(textOf(all.subarray(0, 128))).toBe(all.subarray(0, 128).toString('utf8'));
    expect(textOf(Buffer.alloc(0))).toBe('');
  });
});
