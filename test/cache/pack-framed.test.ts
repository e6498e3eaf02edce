import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameRecord, Pack, RECORD_HEAD } from '../../src/cache/pack.js';

/*
 * Records framed before they reach the pack (src/cache/pack.ts `setFramed`: a parse worker frames
 * the records it encodes): stored as given, read back as any other, and refused when framed for
 * another key.
 */

const key = (n: number): string => `${n}`.padStart(64, 'a');
const framed = (k: string, payload: string): Buffer => frameRecord(k, Buffer.concat([Buffer.alloc(RECORD_HEAD), Buffer.from(payload)]));

describe('framed pack records', () => {
  it('are appended as given and read back, by this process and by the next, as records stored by setBytes', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fw-pack-')), 'articles.pack');
    const pack = Pack.lazy(file);
    pack.setFramed(key(1), framed(key(1), 'first payload'));
    pack.setBytes(key(2), Buffer.from('second payload'));
    expect(pack.readOwn(key(1))?.toString()).toBe('first payload');
    pack.save();
    expect(pack.readOwn(key(1))?.toString()).toBe('first payload');
    expect(pack.readOwn(key(2))?.toString()).toBe('second payload');
    const again = Pack.open(file);
    expect(again.getBytes(key(1))?.toString()).toBe('first payload');
    expect(again.getBytes(key(2))?.toString()).toBe('second payload');
    expect(again.corrupt).toBe(0);
  });

  it('refuses a record framed for another key, or cut short', () => {
    const pack = Pack.lazy(path.join(mkdtempSync(path.join(tmpdir(), 'fw-pack-')), 'articles.pack'));
    expect(() => pack.setFramed(key(1), framed(key(2), 'payload'))).toThrow(/another key/);
    expect(() => pack.setFramed(key(1), framed(key(1), 'payload').subarray(0, RECORD_HEAD + 3))).toThrow(/another key/);
    expect(pack.readOwn(key(1))).toBeUndefined();
  });
});
