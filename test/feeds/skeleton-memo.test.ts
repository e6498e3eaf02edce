import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSkeleton, type SkeletonCheck } from '../../src/feeds/compose-check.js';
import type { FeedWriter } from '../../src/feeds/model.js';
import { rssWriter } from '../../src/feeds/rss.js';
import { atomWriter } from '../../src/feeds/atom.js';
import { checkFeed } from '../../src/validate/index.js';
import { buildAt, expectSameAsUncached, makeProject, writeArticle } from '../perf/helpers.js';
import { feedOf } from './helpers.js';

/*
 * A feed's head and tail are checked as one document (src/feeds/compose-check.ts `checkSkeleton`),
 * and the output record keeps what was found under the digest of the label, head and tail
 * (`SkeletonCheck`): a rebuild whose skeleton is the last build's takes that result instead of
 * parsing it again, one whose skeleton changed checks it.
 */

vi.mock('../../src/validate/index.js', async (original) => {
  const actual = await original<typeof import('../../src/validate/index.js')>();
  return { ...actual, checkFeed: vi.fn(actual.checkFeed) };
});

const calls = (): string[] => vi.mocked(checkFeed).mock.calls.map(([file]) => path.basename(file));

beforeEach(() => {
  vi.mocked(checkFeed).mockClear();
});

const feed = feedOf([]);

/** A writer whose skeleton has defects in its head and in its tail (as a writer bug would put them there). */
const broken = (writer: FeedWriter): FeedWriter => ({
  ...writer,
  head: (f) => writer.head(f).replace(/<title>[^<]*<\/title>/, ''),
  tail: (f) => `${writer.tail(f).replace(/>\s*$/, '>')}<extra/>\n`,
});

describe('a skeleton checked before', () => {
  for (const [name, writer] of [
    ['rss', broken(rssWriter)],
    ['atom', broken(atomWriter)],
  ] as const) {
    it(`${name}: is not parsed again, and its diagnostics are placed as a fresh check places them`, () => {
      let kept: SkeletonCheck | undefined;
      const fresh = checkSkeleton('f', writer, feed, 7, undefined, (c) => {
        kept = c;
      });
      expect(fresh.length).toBeGreaterThan(0);
      expect(calls()).toEqual(['f']);
      for (const newlines of [0, 7, 1234]) {
        vi.mocked(checkFeed).mockClear();
        const again = checkSkeleton('f', writer, feed, newlines, kept);
        expect(calls()).toEqual([]);
        expect(again).toEqual(checkSkeleton('f', writer, feed, newlines));
      }
      // Another label, head or tail: checked anew (RSS has no feed-level updated date: the same skeleton, not parsed).
      for (const [label, f] of [
        ['g', feed],
        ['f', { ...feed, title: 'Other' }],
        ['f', { ...feed, updated: new Date('2025-01-01T00:00:00Z') }],
      ] as const) {
        vi.mocked(checkFeed).mockClear();
        expect(checkSkeleton(label, writer, f, 3, kept)).toEqual(checkSkeleton(label, writer, f, 3));
        const same = label === 'f' && writer.head(f) === writer.head(feed) && writer.tail(f) === writer.tail(feed);
        expect(calls()).toEqual(same ? [label] : [label, label]);
      }
    });
  }
});

describe('rebuilds take the recorded skeleton check', () => {
  it('a one-change rebuild checks no skeleton whose head and tail are unchanged; a new head is checked; bytes as uncached', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) files[`a${i}.md`] = `---\ntitle: Post ${i}\ndate: 2024-01-0${i}\n---\nBody ${i}.\n`;
    const dir = makeProject(files);
    await buildAt(dir);
    const feeds = calls().filter((c) => /\.(xml|json)$/.test(c));
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    // An older post edited: the heads (newest date, title) are the same.
    vi.mocked(checkFeed).mockClear();
    writeArticle(dir, 'a2.md', '---\ntitle: Post 2 edited\ndate: 2024-01-02\n---\nBody 2, edited.\n');
    await expectSameAsUncached(dir);
    // The uncached reference build checks its own skeletons; the cached rebuild none.
    expect(calls().filter((c) => /\.(xml|json)$/.test(c)).length).toBe(feeds.length);
    // The config's title changes every head: each is checked again, and the result is as uncached.
    const configFile = path.join(dir, 'feedwright.config.json');
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace('"Perf test"', '"Perf test, renamed"'));
    vi.mocked(checkFeed).mockClear();
    await expectSameAsUncached(dir);
    expect(calls().filter((c) => /\.(xml|json)$/.test(c)).length).toBe(2 * feeds.length);
    // A newer post added changes the Atom feed's updated date: that skeleton is checked again.
    writeArticle(dir, 'a9.md', '---\ntitle: Post 9\ndate: 2024-02-09\n---\nBody 9.\n');
    vi.mocked(checkFeed).mockClear();
    await expectSameAsUncached(dir);
    expect(calls().filter((c) => /\.(xml|json)$/.test(c)).length).toBeGreaterThan(feeds.length);
  });
});
