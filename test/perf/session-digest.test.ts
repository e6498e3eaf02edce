import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build, createBuildSession } from '../../src/build.js';
import * as inputs from '../../src/pipeline/inputs.js';
import { buildAt, makeProject, NOW, sleep, writeArticle } from './helpers.js';

vi.mock('../../src/pipeline/inputs.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/pipeline/inputs.js')>();
  return { ...real, inputsDigest: vi.fn(real.inputsDigest) };
});

/*
 * The digest of a build's inputs (src/pipeline/inputs.ts `inputsDigest`) is what the next build's
 * no-change path compares with. A one-off build takes it before it composes the feeds (it then lets
 * the listing go); a watch session's build, which holds its listing anyway, once the feeds are in
 * place: a save does not wait for it. The summary it leaves is the same either way.
 */
describe('the inputs digest of a watch session build', () => {
  const post = (i: number, extra = ''): string => `---\ntitle: Post ${i}\ndate: 2024-01-0${i}T08:00:00Z\n---\nBody of post ${i}.${extra}\n`;

  it('is taken after the new feeds are in place, and the next build still finds nothing changed', async () => {
    const dir = makeProject({ 'p1.md': post(1), 'p2.md': post(2) });
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    writeArticle(dir, 'p2.md', post(2, ' Edited.'));
    await sleep(2100); // the edited source's ctime is now: its stamp proves its text only 2 s later
    const digest = vi.mocked(inputs.inputsDigest);
    const feedHeldEdit: boolean[] = [];
    digest.mockClear();
    digest.mockImplementation(async (...args) => {
      feedHeldEdit.push(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8').includes('Edited.'));
      return (await vi.importActual<typeof import('../../src/pipeline/inputs.js')>('../../src/pipeline/inputs.js')).inputsDigest(...args);
    });
    const saved = await build({ cwd: dir, now: NOW, session });
    expect(saved.work.upToDate).toBe(false);
    expect(feedHeldEdit).toEqual([true]);
    await sleep(100);
    // The summary the session's build left is the one a one-off build would: nothing to do.
    expect((await buildAt(dir)).work.upToDate).toBe(true);
  });
});
