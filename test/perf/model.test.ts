/**
 * The invariant behind every fast path of a rebuild (the article cache, the inputs' fingerprint,
 * items copied from the previous output, files not rewritten): after any sequence of changes to
 * the articles, a rebuild gives exactly the bytes, diagnostics and counts of a build without a
 * cache. fast-check picks the changes; each step waits out the 2 s window in which output files
 * are not yet trusted, so the fastest paths run too. (A touched-only undated article once kept its
 * old date here: the fingerprint ignored the mtime.)
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAt, CONFIG, expectSameAsUncached, makeProject, sleep, writeArticle } from './helpers.js';

type Change =
  | { kind: 'edit'; slot: number; words: string }
  | { kind: 'redate'; slot: number; day: number }
  | { kind: 'touch'; slot: number; hours: number }
  | { kind: 'retag'; slot: number; tags: string[] }
  | { kind: 'add'; dated: boolean; day: number }
  | { kind: 'remove'; slot: number }
  | { kind: 'rename'; slot: number }
  | { kind: 'nothing' };

interface Post {
  name: string;
  title: string;
  day: number | undefined;
  tags: string[];
  body: string;
}

const isoDay = (day: number): string => `2025-03-${String(day).padStart(2, '0')}`;

/** The same post as Markdown with front matter, as scraped text with site chrome, or as an HTML page. */
function render(p: Post): string {
  if (p.name.endsWith('.txt')) {
    const dateline = p.day === undefined ? '' : ` - March ${p.day}, 2025`;
    return `Home | News | Sport\n\n${p.title}\n\nBy Cy Dale${dateline}\n\n${p.body} The council met again on Tuesday evening to discuss it.\n\nShare this article\n\nTags: ${p.tags.join(', ')}\n`;
  }
  if (p.name.endsWith('.html')) {
    const date = p.day === undefined ? '' : `<meta property="article:published_time" content="${isoDay(p.day)}T09:00:00Z">`;
    const tags = p.tags.map((t) => `<meta property="article:tag" content="${t}">`).join('');
    return `<!doctype html><html lang="en"><head><title>${p.title}</title>${date}${tags}<meta name="author" content="Di Eve"></head><body><nav><a href="/">Home</a></nav><article><h1>${p.title}</h1><p>${p.body} Volunteers said they would come back in the spring.</p></article></body></html>\n`;
  }
  const date = p.day === undefined ? '' : `date: ${isoDay(p.day)}T09:00:00Z\n`;
  return `---\ntitle: ${p.title}\n${date}tags: [${p.tags.join(', ')}]\nauthor: ${p.day === undefined ? 'Bo' : 'Ann'}\n---\n${p.body}\n`;
}

const TAGS = ['river', 'budget', 'parks'];
/** Touches and no-change steps are weighted up: they are what the fastest paths must not get wrong. */
const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), slot: fc.nat(), words: fc.constantFrom('More news followed.', 'A new line was added.', 'Fixed a typo and a link.') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redate' as const), slot: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('touch' as const), slot: fc.nat(), hours: fc.integer({ min: 1, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retag' as const), slot: fc.nat(), tags: fc.subarray(TAGS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), dated: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), slot: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), slot: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'nothing' as const }) },
);

/** Apply a change to the folder and to the model of it. */
function apply(dir: string, posts: Post[], c: Change, serial: number): void {
  const at = (slot: number): Post | undefined => posts[slot % Math.max(posts.length, 1)];
  const write = (p: Post, mtime?: Date) => writeArticle(dir, p.name, render(p), mtime);
  switch (c.kind) {
    case 'nothing':
      return;
    case 'add': {
      const p: Post = { name: `new-${serial}.md`, title: `New ${serial}`, day: c.dated ? c.day : undefined, tags: ['river'], body: `Added in step ${serial}.` };
      posts.push(p);
      write(p);
      return;
    }
  }
  // Half the touches go to an undated article, the one whose date is its file time.
  const undated = posts.filter((q) => q.day === undefined);
  const p = c.kind === 'touch' && c.slot % 2 === 0 && undated.length > 0 ? undated[(c.slot / 2) % undated.length] : at(c.slot);
  if (!p) return;
  let mtime: Date | undefined;
  switch (c.kind) {
    case 'edit':
      p.body = `${p.body} ${c.words}`;
      break;
    case 'redate':
      p.day = c.day;
      break;
    case 'touch':
      // Content unchanged; only the file time moves (the date of an undated article).
      mtime = new Date(Date.UTC(2025, 5, 1) + c.hours * 3_600_000);
      break;
    case 'retag':
      p.tags = c.tags;
      break;
    case 'remove':
      posts.splice(posts.indexOf(p), 1);
      rmSync(path.join(dir, 'articles', p.name));
      return;
    case 'rename': {
      const to = `renamed-${serial}${path.extname(p.name)}`;
      renameSync(path.join(dir, 'articles', p.name), path.join(dir, 'articles', to));
      p.name = to;
      return;
    }
  }
  write(p, mtime);
}

describe('rebuilds after random changes', () => {
  it('always give the bytes, diagnostics and counts of a build without a cache', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const posts: Post[] = [
          { name: 'a.md', title: 'Alpha', day: 3, tags: ['river', 'parks'], body: 'First post.' },
          { name: 'b.md', title: 'Beta', day: undefined, tags: ['budget'], body: 'Dated by its file time.' },
          { name: 'c.md', title: 'Gamma', day: 10, tags: [], body: 'Third post.' },
          { name: 'd.txt', title: 'Delta Bridge Reopens', day: 12, tags: ['river'], body: 'The old bridge reopened to traffic on Monday after two years of repairs.' },
          { name: 'e.txt', title: 'Epsilon Market Moves', day: 14, tags: ['budget'], body: 'The weekly market will move to the square next month, the council said.' },
          { name: 'f.html', title: 'Zeta River Cleanup', day: 16, tags: ['river', 'parks'], body: 'Volunteers pulled two tons of rubbish from the river on Saturday.' },
        ];
        const dir = makeProject(Object.fromEntries(posts.map((p) => [p.name, render(p)])));
        // Tag and author feeds, and archive pages of 2 items: an article is in several files.
        writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...CONFIG, cache: '.cache/feedwright', limit: 2, archive: true, feeds: { tags: true, authors: true } }));
        await expectSameAsUncached(dir);
        // Every kind of article made it into the feeds, with its date where it has one.
        const built = await buildAt(dir);
        expect((await built.articles()).map((a) => `${a.title.value} ${a.published.value.toISOString().slice(0, 10)}`).sort()).toEqual(
          posts.map((p) => `${p.title} ${p.day === undefined ? '2025-06-01' : isoDay(p.day)}`).sort(),
        );
        for (const [serial, c] of changes.entries()) {
          await sleep(2100); // the outputs are now old enough to be trusted by their stamps
          apply(dir, posts, c, serial);
          await expectSameAsUncached(dir);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      // Each step sleeps 2 s, so a failure is reported as found, without shrinking.
      { numRuns: 8, seed: 1128, endOnFailure: true },
    );
  });
});
