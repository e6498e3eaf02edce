import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, createBuildSession, loadArticles, resolvePaths } from '../../src/build.js';
import type { ArticleEntry } from '../../src/cache/articles.js';
import { ListingMemo, readInputs } from '../../src/pipeline/inputs.js';
import { makeProject, NOW, reference, snapshot, writeArticle } from './helpers.js';

/*
 * A watch session keeps its listing (src/pipeline/inputs.ts ListingMemo): the watcher names the
 * files that changed and only those are statted again. Whatever it is told, each build must make
 * the bytes a build without any cache makes.
 */
const post = (i: number, extra = ''): string => `---\ntitle: Post ${i}\ndate: 2024-01-${String(i).padStart(2, '0')}T08:00:00Z\n---\nBody of post ${i}.${extra}\n`;

function project(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 6; i++) files[`p${i}.md`] = post(i);
  files['more/p7.md'] = post(7);
  return makeProject(files);
}

async function sessionBuild(dir: string, session: ReturnType<typeof createBuildSession>): Promise<void> {
  await build({ cwd: dir, now: NOW, session });
  expect(snapshot(dir)).toEqual((await reference(dir)).files);
}

describe('a watch session keeps its listing', () => {
  it('stats only the files the watcher names, and builds what a full build builds', async () => {
    const dir = project();
    const session = createBuildSession();
    const listing = new ListingMemo();
    session.listing = listing;
    await sessionBuild(dir, session);
    expect(listing.counts).toEqual({ whole: 1, touched: 0 });
    writeArticle(dir, 'p3.md', post(3, ' Edited.'));
    listing.touch('p3.md');
    await sessionBuild(dir, session);
    writeArticle(dir, 'more/p7.md', post(7, ' Edited in a folder.'));
    listing.touch(path.join('more', 'p7.md'));
    await sessionBuild(dir, session);
    expect(listing.counts).toEqual({ whole: 1, touched: 2 });
    expect(snapshot(dir)['feed.json']).toContain('Edited in a folder.');
  });

  it('lists the whole folder for a path it does not have, a deleted file, an unnamed change, or a file turned into a link', async () => {
    const dir = project();
    const session = createBuildSession();
    const listing = new ListingMemo();
    session.listing = listing;
    await sessionBuild(dir, session);
    // A new file (an editor's temporary file would be one too).
    writeArticle(dir, 'p8.md', post(8));
    listing.touch('p8.md');
    await sessionBuild(dir, session);
    expect(listing.counts).toEqual({ whole: 2, touched: 0 });
    // A deleted one.
    rmSync(path.join(dir, 'articles', 'p2.md'));
    listing.touch('p2.md');
    await sessionBuild(dir, session);
    expect(listing.counts).toEqual({ whole: 3, touched: 0 });
    // A change without a name (or from the config's folder).
    writeArticle(dir, 'p4.md', post(4, ' Edited.'));
    listing.invalidate();
    await sessionBuild(dir, session);
    expect(listing.counts).toEqual({ whole: 4, touched: 0 });
    // A file replaced by a link to another one.
    rmSync(path.join(dir, 'articles', 'p5.md'));
    symlinkSync(path.join(dir, 'articles', 'p6.md'), path.join(dir, 'articles', 'p5.md'));
    listing.touch('p5.md');
    await build({ cwd: dir, now: NOW, session });
    expect(listing.counts).toEqual({ whole: 5, touched: 0 });
    const listed = await readInputs(resolvePaths({ cwd: dir }));
    expect(listed.listed.all.map((f) => f.relPath)).toContain('p5.md');
  });

  it('is not used for a folder with links in it: a change behind a link is reported under the target', async () => {
    const dir = project();
    symlinkSync(path.join(dir, 'articles', 'p1.md'), path.join(dir, 'articles', 'link.md'));
    const session = createBuildSession();
    const listing = new ListingMemo();
    session.listing = listing;
    await build({ cwd: dir, now: NOW, session });
    writeArticle(dir, 'p1.md', post(1, ' Edited through the target.'));
    listing.touch('p1.md');
    await build({ cwd: dir, now: NOW, session });
    expect(listing.counts).toEqual({ whole: 2, touched: 0 });
    const inputs = await readInputs(resolvePaths({ cwd: dir }));
    const link = inputs.listed.all.find((f) => f.relPath === 'link.md');
    const target = inputs.listed.all.find((f) => f.relPath === 'p1.md');
    expect(link?.size).toBe(target?.size);
  });
});

describe('a watch session carries its cache keys', () => {
  it('hashes the key of the changed source only, and again every key when the config changes', async () => {
    const dir = project();
    const memo = new Map<string, ArticleEntry>();
    const paths = (): ReturnType<typeof resolvePaths> => resolvePaths({ cwd: dir });
    const first = await loadArticles(paths(), NOW, undefined, memo);
    expect(first.work.keyed).toBe(7);
    writeArticle(dir, 'p2.md', post(2, ' Edited.'));
    const second = await loadArticles(paths(), NOW, undefined, memo);
    expect(second.work).toMatchObject({ keyed: 1, parsed: 1 });
    // Render keys of unchanged articles are the ones of the last build; the edited one's is new.
    const byPath = (l: typeof first): Map<string, string | undefined> => new Map(l.articles.map((a) => [a.relPath, l.renderKeys.get(a)]));
    const [before, after] = [byPath(first), byPath(second)];
    for (const p of ['p1.md', 'p3.md', 'more/p7.md']) expect(after.get(p)).toBe(before.get(p));
    expect(after.get('p2.md')).not.toBe(before.get('p2.md'));
    expect(second.fingerprint).toBe((await loadArticles(paths(), NOW)).fingerprint);
    // Another config: every key is made again, and the results are a full build's.
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    const configFile = path.join(dir, 'feedwright.config.json');
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), author: { name: 'Someone Else' } }));
    const third = await loadArticles(paths(), NOW, undefined, memo);
    expect(third.work.keyed).toBe(7);
    await sessionBuild(dir, session);
    expect(snapshot(dir)['feed.json']).toContain('Someone Else');
  });
});
