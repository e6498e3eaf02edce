import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { makeProject, NOW, sampleArticles } from './helpers.js';

/*
 * A cold build composes its feeds without holding what only loading needed: the listing (a
 * SourceFile per source) and the cache's state (a stamp per source) are let go once the articles
 * are loaded (docs/BENCHMARKS.md, r7-mem). Checked with weak references and a full collection
 * just before the output record is written, after every feed was composed.
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const listings: WeakRef<object>[] = [];
const states: WeakRef<object>[] = [];
const alive: { listing: number; state: number }[] = [];

vi.mock('../../src/pipeline/inputs.js', async (original) => {
  const mod = await original<typeof import('../../src/pipeline/inputs.js')>();
  return {
    ...mod,
    readInputs: async (...args: Parameters<typeof mod.readInputs>) => {
      const inputs = await mod.readInputs(...args);
      listings.push(new WeakRef(inputs.listed.files[0] as object), new WeakRef(inputs.listed));
      return inputs;
    },
  };
});

vi.mock('../../src/cache/state.js', async (original) => {
  const mod = await original<typeof import('../../src/cache/state.js')>();
  return {
    ...mod,
    writeState: (file: string, state: Parameters<typeof mod.writeState>[1]) => {
      states.push(new WeakRef(state), new WeakRef(Object.values(state.files)[0] as object));
      mod.writeState(file, state);
    },
  };
});

vi.mock('../../src/cache/outputs.js', async (original) => {
  const mod = await original<typeof import('../../src/cache/outputs.js')>();
  return {
    ...mod,
    writeOutputRecord: async (...args: Parameters<typeof mod.writeOutputRecord>) => {
      // A later task than the one that made the references (weak references hold their target until the task ends).
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      alive.push({ listing: listings.filter((r) => r.deref() !== undefined).length, state: states.filter((r) => r.deref() !== undefined).length });
      return mod.writeOutputRecord(...args);
    },
  };
});

describe('what a build lets go before composing', () => {
  it('the listing and the cache state are collectable by the time the output record is written', async () => {
    const { build } = await import('../../src/build.js');
    const dir = makeProject(sampleArticles());
    await build({ cwd: dir, now: NOW });
    expect(listings.length).toBeGreaterThan(0);
    expect(states.length).toBeGreaterThan(0);
    expect(alive).toEqual([{ listing: 0, state: 0 }]);
  });
});
