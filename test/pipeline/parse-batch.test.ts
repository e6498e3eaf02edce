/**
 * A parse worker's batch (src/pipeline/parse-batch.ts), run on the test's thread: one reply per
 * batch, its lists in job order, the records of the jobs with a key moved in one buffer,
 * the items spooled where the reply says.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { articleContext } from '../../src/pipeline/article.js';
import { runBatch, type WorkerRun } from '../../src/pipeline/parse-batch.js';
import type { BatchMessage, ParseSetup } from '../../src/pipeline/parse-pool.js';
import { SpoolWriter } from '../../src/pipeline/spool.js';
import { loadReaders } from '../../src/sources/read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fw-parse-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runBatch', () => {
  it('answers a batch with its entries, records and spooled items in job order', async () => {
    await loadReaders(['markdown']);
    const config = resolveConfig({ title: 'Batches', link: 'https://site.example/', git: false, timezone: 'UTC' });
    const now = new Date('2026-01-01T00:00:00Z');
    const setup: ParseSetup = { config, template: [], nowMs: now.getTime(), spool: dir, encode: true };
    const ctx = articleContext(config, new Set(), new Map(), now);
    const spool = new SpoolWriter(dir, 'test.items');
    ctx.items = spool;
    const run: WorkerRun = { ctx, setup, spool };
    for (let batch = 0; batch < 3; batch++) {
      const jobs: BatchMessage['jobs'] = [];
      for (let j = 0; j < 4; j++) {
        const n = batch * 4 + j;
        // The last job of each batch has no key: no record is made for it, its entry is sent as it is.
        const text = `---\ntitle: Post ${n}\ndate: 2025-01-02\nauthor: Jane Doe\ntags: [news]\n---\nA body ${n}.\n`;
        const file = { kind: 'markdown' as const, abs: `/nowhere/a-${n}.md`, relPath: `a-${n}.md`, displayPath: `articles/a-${n}.md`, size: text.length, mtimeMs: now.getTime() };
        jobs.push({ index: n, file, text, git: undefined, key: j === 3 ? undefined : `key-${n}` });
      }
      const { reply, transfer } = runBatch({ batch, jobs }, run);
      if ('ready' in reply) throw new Error('not a batch reply');
      expect(reply.batch).toBe(batch);
      expect(transfer).toHaveLength(1);
      expect(reply.entries.map((e) => e?.status ?? 'in its record')).toEqual(['in its record', 'in its record', 'in its record', 'ok']);
      expect(reply.encoded?.map((e) => e !== undefined)).toEqual([true, true, true, false]);
      for (const e of reply.encoded ?? []) if (e) expect(e.record.buffer).toBe(transfer[0]);
      expect(reply.spooled?.map((s) => s?.at.length)).toEqual([12, 12, 12, 12]);
      expect(reply.reads).toBeUndefined();
    }
    // Every spooled item is where the reply said, as rendered.
    const file = readFileSync(path.join(dir, 'test.items'));
    expect(file.length).toBeGreaterThan(0);
  });
});
