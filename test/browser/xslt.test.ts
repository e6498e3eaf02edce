/**
 * The browser view of the feeds, in a real browser: Chromium applies feed.xsl to rss.xml and
 * atom.xml served over HTTP from 127.0.0.1, and the rendered page must show the items' titles and
 * authors and the address to subscribe with. Skipped (with the reason) only when no Chromium is
 * installed; CI (.ci/run) installs Debian's `chromium`.
 *
 * SCREENSHOT=1 npx vitest run test/browser also rewrites docs/screenshot-rss.png from the sample
 * articles (Chromium's XSLT deprecation banner hidden, as it would cover the page).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/load.js';
import { article, makeSite } from '../cli/helpers.js';
import { CHROMIUM, chromium, removeProfiles, serve, visibleText } from './chromium.js';

const REPO = path.resolve(import.meta.dirname, '../..');

const SKIP_REASON = 'Chromium is not installed (apt-get install chromium, or set CHROMIUM=/path/to/chrome); the XSLT browser view is not tested';
if (!CHROMIUM) console.warn(`test/browser/xslt.test.ts skipped: ${SKIP_REASON}`);

describe.skipIf(!CHROMIUM)('feeds in a browser (XSLT)', () => {
  let site: { base: string; server: Server };
  let dir: string;

  beforeAll(async () => {
    dir = makeSite(
      {
        'one.md': article({
          title: 'Council approves the budget',
          day: 1,
          author: ['Jane Doe', 'Sam Whitaker'],
          tags: ['city'],
          summary: 'Money for libraries & parks <not markup>.',
        }),
        'two.md': article({ title: 'River cleanup draws 300 volunteers', day: 2, author: 'María González', tags: ['city', 'environment'] }),
        'three.md': article({ title: 'Café de olla, step by step', day: 3, author: 'Li Wei' }),
      },
      { title: 'The Test Gazette', description: 'Local news & <notes> for testing.', feeds: { tags: true }, archive: true, limit: 2 },
    );
    await build({ cwd: dir, now: new Date('2026-01-01T00:00:00Z') });
    site = await serve(path.join(dir, 'dist'));
  });

  afterAll(async () => {
    await new Promise((resolve) => site?.server.close(resolve));
    removeProfiles();
  });

  for (const file of ['rss.xml', 'atom.xml']) {
    it(`${file} renders as a page with the items, their authors and the address to subscribe`, async () => {
      const dom = await chromium(['--dump-dom', `${site.base}${file}`]);
      expect(dom).toContain('<html');
      const text = visibleText(dom);
      expect(text).toContain('The Test Gazette');
      // The channel's description is plain text in RSS and Atom alike, shown as written.
      expect(text).toContain('Local news & <notes> for testing.');
      expect(text).toContain('This is a web feed');
      expect(text).toContain(`https://example.com/${file}`);
      expect(text).toContain('Café de olla, step by step');
      expect(text).toContain('Li Wei');
      expect(text).toContain('Older articles');
      expect(text).not.toContain('River cleanup'); // on the archive page (limit 2)
    });
  }

  it('archive pages in a sub-folder find the stylesheet and show their items and authors', async () => {
    for (const file of ['archive/1/rss.xml', 'archive/1/atom.xml']) {
      const text = visibleText(await chromium(['--dump-dom', `${site.base}${file}`]));
      expect(text).toContain('archive page');
      expect(text).toContain('Council approves the budget');
      expect(text).toMatch(/Jane Doe(,| and) Sam Whitaker/);
      expect(text).toContain('River cleanup draws 300 volunteers');
      expect(text).toContain('María González');
    }
  });

  it('shows summaries as text, never as markup', async () => {
    const dom = await chromium(['--dump-dom', `${site.base}archive/1/rss.xml`]);
    expect(visibleText(dom)).toContain('Money for libraries & parks <not markup>.');
    expect(dom).not.toContain('<not');
  });

  it('tag feeds two folders down render too', async () => {
    const text = visibleText(await chromium(['--dump-dom', `${site.base}tags/city/atom.xml`]));
    expect(text).toContain('The Test Gazette — city');
    expect(text).toContain('River cleanup draws 300 volunteers');
  });

  // Defined only on request, so a normal run (and CI) has no skipped test.
  if (process.env.SCREENSHOT === '1')
    it('writes docs/screenshot-rss.png from the sample articles', async () => {
      const out = mkdtempSync(path.join(tmpdir(), 'feedwright-shot-'));
      const repoConfig = JSON.parse(readFileSync(path.join(REPO, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
      await build({ cwd: REPO, out, config: resolveConfig({ ...repoConfig, git: false, cache: false, out }), now: new Date('2026-01-01T00:00:00Z') });
      const shot = await serve(out);
      try {
        await chromium([
          '--disable-features=GenerateXSLTWarningBanner',
          '--hide-scrollbars',
          '--window-size=1000,1100',
          `--screenshot=${path.join(REPO, 'docs/screenshot-rss.png')}`,
          `${shot.base}rss.xml`,
        ]);
      } finally {
        await new Promise((resolve) => shot.server.close(resolve));
      }
      expect(existsSync(path.join(REPO, 'docs/screenshot-rss.png'))).toBe(true);
    });
});

if (!CHROMIUM) {
  describe('feeds in a browser (XSLT)', () => {
    it.skip(SKIP_REASON, () => {});
  });
}
