import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Pack, RECORD_HEAD } from '../../src/cache/pack.js';

/*
 * A rebuild hands the pack the heads it served as one map (src/cache/pack.ts `keepAt`) instead of
 * a `hint` and a `keep` per record. Whatever else the build does to the pack (reads by place,
 * records stored, a record rejected, a damaged place, a compaction), the pack must read and keep
 * exactly what the per-record calls would have: the same payloads read, the same file left.
 */

const root = mkdtempSync(path.join(tmpdir(), 'fw-pack-kept-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const key = (n: number): string => `${n}`.padStart(64, 'b');
/** Payloads of ~1.5 MB in all per 24 records: past a few dead ones the pack compacts (COMPACT_MIN_BYTES is 4 MB). */
const payload = (n: number, size: number): Buffer => Buffer.alloc(size, `record ${n} `);

type Op = { kind: 'read'; n: number } | { kind: 'store'; n: number } | { kind: 'reject'; n: number };

/** A pack file of records 0..count-1 (some stored twice: dead bytes), and each record's place. */
function makePack(file: string, count: number, sizes: readonly number[], twice: readonly number[]): Map<string, { offset: number; length: number }> {
  const pack = Pack.lazy(file);
  for (let n = 0; n < count; n++) pack.setBytes(key(n), payload(n, sizes[n % sizes.length] as number));
  for (const n of twice) if (n < count) pack.setBytes(key(n), payload(n + 1000, sizes[n % sizes.length] as number));
  pack.save();
  const places = new Map<string, { offset: number; length: number }>();
  for (let n = 0; n < count; n++) {
    const at = pack.location(key(n));
    if (at) places.set(key(n), { ...at });
  }
  return places;
}

function run(file: string, served: Map<string, { offset: number; length: number }>, ops: readonly Op[], byMap: boolean): string[] {
  const pack = Pack.lazy(file);
  const seen: string[] = [];
  const hints = new Map<string, { offset: number; length: number }>();
  for (const op of ops) {
    const k = key(op.kind === 'store' ? op.n + 500 : op.n);
    if (op.kind === 'read') {
      const place = served.get(k);
      if (place) {
        pack.hint(k, place);
        hints.set(k, place);
      }
      seen.push(pack.getBytes(k)?.toString('latin1', 0, 24) ?? '-');
    } else if (op.kind === 'store') pack.setBytes(k, payload(op.n + 500, 300_000));
    else pack.reject(k);
  }
  if (byMap) pack.keepAt(served);
  else
    for (const [k, place] of served) {
      pack.hint(k, place);
      pack.keep(k);
    }
  pack.save();
  for (let n = 0; n < 40; n++) seen.push(pack.readOwn(key(n + 500))?.toString('latin1', 0, 24) ?? '-');
  seen.push(String(pack.corrupt), String(pack.rewritten));
  return seen;
}

describe('Pack.keepAt', () => {
  it('reads, keeps and compacts exactly as a hint and a keep per record', () => {
    let round = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 24 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('read' as const), n: fc.integer({ min: 0, max: 23 }) }),
            fc.record({ kind: fc.constant('store' as const), n: fc.integer({ min: 0, max: 39 }) }),
            fc.record({ kind: fc.constant('reject' as const), n: fc.integer({ min: 0, max: 23 }) }),
          ),
          { maxLength: 8 },
        ),
        fc.option(fc.integer({ min: 0, max: 23 })),
        (count, sizes, twice, servedOnes, ops, damaged) => {
          const dir = path.join(root, `r${round++}`);
          mkdirSync(dir);
          const a = path.join(dir, 'a.pack');
          const b = path.join(dir, 'b.pack');
          const places = (() => {
            const p = path.join(dir, 'made.pack');
            const made = makePack(p, count, sizes, twice);
            // A place whose record is not there as said (cut short): a hinted read fails and the pack is read whole.
            if (damaged !== null && made.has(key(damaged))) {
              const bytes = readFileSync(p);
              const at = (made.get(key(damaged)) as { offset: number }).offset + RECORD_HEAD;
              bytes[at] = (bytes[at] as number) ^ 0xff;
              writeFileSync(p, bytes);
            }
            copyFileSync(p, a);
            copyFileSync(p, b);
            return made;
          })();
          const served = new Map([...places].filter(([k]) => servedOnes.some((n) => key(n) === k)));
          const byCalls = run(a, served, ops, false);
          const byMap = run(b, served, ops, true);
          expect(byMap).toEqual(byCalls);
          expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 60 },
    );
  });
});
