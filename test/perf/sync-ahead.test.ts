import { describe, expect, it } from 'vitest';
import { SyncAhead } from '../../src/output/write.js';

/*
 * A feed file is flushed to disk while it is still being written (src/output/write.ts
 * `SyncAhead`), so that the sync before the commit has little left to do.
 */
describe('SyncAhead: flushing a file while it is written', () => {
  it('starts one datasync per `every` bytes written, and settle waits for all of them', async () => {
    const finished: number[] = [];
    let started = 0;
    const handle = {
      datasync: (): Promise<void> => {
        const n = ++started;
        return new Promise((resolve) =>
          setTimeout(() => {
            finished.push(n);
            resolve();
          }, 5),
        );
      },
    };
    const ahead = new SyncAhead(handle, 10);
    for (let i = 0; i < 5; i++) ahead.wrote(6);
    // 6, 12 (one started), 6, 12 (another), 6.
    expect(started).toBe(2);
    expect(finished).toEqual([]);
    await ahead.settle();
    expect(finished.sort()).toEqual([1, 2]);
  });

  it('a datasync that fails (a full disk) fails settle, and no rejection is left unhandled', async () => {
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const ahead = new SyncAhead({ datasync: () => Promise.reject(full) }, 1);
    ahead.wrote(1);
    ahead.wrote(1);
    await expect(ahead.settle()).rejects.toBe(full);
  });

  it('nothing written, nothing started', async () => {
    let started = 0;
    const ahead = new SyncAhead({
      datasync: async () => {
        started++;
      },
    });
    ahead.wrote(1000);
    await ahead.settle();
    expect(started).toBe(0);
  });
});
