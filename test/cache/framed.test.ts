import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFramed, writeFramed } from '../../src/cache/framed.js';

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
});
