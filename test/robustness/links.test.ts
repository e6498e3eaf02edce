/**
 * The articles folder as an attacker (or an unlucky checkout) leaves it: symbolic links to files and
 * folders outside it (/etc/passwd, /proc/self/status, a sibling folder) are reported and never read
 * unless the config opts in ("followExternalLinks": true); a FIFO is reported, and the build does
 * not wait on it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { BASE_CONFIG, findAll, makeSite, readFeeds, run, type Site, titlesEverywhere } from './helpers.js';

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

/** A site whose articles folder links out: to system files, and to a folder beside it. */
function linkingSite(config: Record<string, unknown> = BASE_CONFIG): Site {
  const s = makeSite({}, { config });
  sites.push(s);
  const outside = path.join(s.dir, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'shared.md'), '---\ntitle: Shared from outside\ndate: 2024-02-01\n---\nA body that lives outside the articles folder.\n');
  symlinkSync('/etc/passwd', path.join(s.articles, 'passwd.txt'));
  symlinkSync('/proc/self/status', path.join(s.articles, 'status.txt'));
  symlinkSync('/etc', path.join(s.articles, 'etc'));
  symlinkSync('../outside', path.join(s.articles, 'shared'));
  return s;
}

describe('symbolic links out of the articles folder', () => {
  it('are reported one by one (SOURCE_LINK_OUTSIDE, error, naming the link) and not read; the other articles are built, exit 1', async () => {
    const s = linkingSite();
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expect(findAll(r, 'SOURCE_LINK_OUTSIDE').map((d) => d.file)).toEqual(['articles/etc', 'articles/passwd.txt', 'articles/shared', 'articles/status.txt']);
    expect(titlesEverywhere(s.out)).toEqual(['Good one', 'Good two']);
    const all = Object.values(readFeeds(s.out).raw).join('\n');
    expect(all).not.toMatch(/root:x:0:0|VmRSS|Shared from outside/);
  });

  it('are read when the config opts in ("followExternalLinks": true)', async () => {
    const s = linkingSite({ ...BASE_CONFIG, followExternalLinks: true });
    // Only the sibling folder: system files are not articles anyone means to publish.
    for (const name of ['passwd.txt', 'status.txt', 'etc']) execFileSync('rm', [path.join(s.articles, name)]);
    const r = await run(s.dir);
    expect(findAll(r, 'SOURCE_LINK_OUTSIDE')).toEqual([]);
    expect(r.code).toBe(EXIT.OK);
    expect(titlesEverywhere(s.out)).toContain('Shared from outside');
  });
});

describe.skipIf(process.platform === 'win32')('a FIFO in the articles folder', () => {
  it('is reported (SOURCE_SPECIAL_FILE, warning) and the build neither waits on it nor fails', async () => {
    const s = makeSite({});
    sites.push(s);
    execFileSync('mkfifo', [path.join(s.articles, 'pipe.md')]);
    const r = await run(s.dir);
    expect(findAll(r, 'SOURCE_SPECIAL_FILE').map((d) => [d.file, d.severity])).toEqual([['articles/pipe.md', 'warning']]);
    expect(r.code).toBe(EXIT.OK);
    expect(titlesEverywhere(s.out)).toEqual(['Good one', 'Good two']);
  });
});
