/**
 * The pages a person opens (issue 13, item 11): index.html and feed.html show the latest items as
 * static HTML, opened from disk (file://, where browsers refuse a feed's XSLT and rss.xml is blank)
 * and over HTTP (where Chromium's XSLT deprecation banner covers the XSLT view). Checked in real
 * headless Chromium, with a screenshot. Skipped (with the reason) only when no Chromium is
 * installed; CI (.ci/run) installs Debian's `chromium`.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { article, makeSite } from '../cli/helpers.js';
import { CHROMIUM, chromium, removeProfiles, serve, visibleText } from './chromium.js';

const SKIP_REASON = 'Chromium is not installed (apt-get install chromium, or set CHROMIUM=/path/to/chrome); the HTML feed pages are not tested in a browser';
if (!CHROMIUM) console.warn(`test/browser/html-view.test.ts skipped: ${SKIP_REASON}`);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe.skipIf(!CHROMIUM)('the HTML pages of the feed in a browser', () => {
  let out: string;
  let site: { base: string; server: Server };

  beforeAll(async () => {
    const dir = makeSite(
      {
        'one.md': article({ title: 'Council approves the budget', day: 1, author: ['Jane Doe', 'Sam Whitaker'], tags: ['city'], summary: 'Money for libraries & parks <not markup>.' }),
        'two.md': article({ title: 'River cleanup draws 300 volunteers', day: 2, author: 'María González', tags: ['city', 'environment'] }),
        'three.md': article({ title: 'Café de olla, step by step', day: 3, author: 'Li Wei' }),
      },
      { title: 'The Test Gazette', description: 'Local news for testing.', feeds: { tags: true } },
    );
    await build({ cwd: dir, now: new Date('2026-01-01T00:00:00Z') });
    out = path.join(dir, 'dist');
    site = await serve(out);
  });

  afterAll(async () => {
    await new Promise((resolve) => site?.server.close(resolve));
    removeProfiles();
  });

  const where = (how: 'file' | 'http', file: string): string => (how === 'file' ? pathToFileURL(path.join(out, file)).href : `${site.base}${file}`);

  for (const how of ['file', 'http'] as const) {
    it(`feed.html shows every item, its authors, tags and summary, and the addresses to subscribe (${how})`, async () => {
      const dom = await chromium(['--dump-dom', where(how, 'feed.html')]);
      expect(dom).not.toContain('xslt-warning-banner');
      const text = visibleText(dom);
      expect(text).toContain('The Test Gazette');
      expect(text).toContain('This is a web feed');
      expect(text).toContain('https://example.com/rss.xml');
      expect(text).toContain('https://example.com/atom.xml');
      for (const title of ['Council approves the budget', 'River cleanup draws 300 volunteers', 'Café de olla, step by step']) expect(text).toContain(title);
      expect(text).toMatch(/Jane Doe(,| and) Sam Whitaker/);
      expect(text).toContain('María González');
      expect(text).toContain('environment');
      expect(text).toContain('Money for libraries & parks <not markup>.');
      expect(dom).not.toContain('<not');
    });

    it(`index.html lists the latest items and links to feed.html (${how})`, async () => {
      const dom = await chromium(['--dump-dom', where(how, 'index.html')]);
      const text = visibleText(dom);
      expect(text).toContain('Latest articles');
      expect(text).toContain('Café de olla, step by step');
      expect(text).toContain('Li Wei');
      expect(dom).toMatch(/href="feed\.html"/);
    });
  }

  it('renders feed.html from disk as a page a person can read (screenshot)', async () => {
    const shot = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-shot-')), 'feed-page.png');
    await chromium(['--hide-scrollbars', '--window-size=900,1000', `--screenshot=${shot}`, where('file', 'feed.html')]);
    expect(existsSync(shot)).toBe(true);
    expect(pngSize(shot)).toEqual({ width: 900, height: 1000 });
    // A blank page compresses to a few kB; text, badges and cards make it several times larger.
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });
});

if (!CHROMIUM) {
  describe('the HTML pages of the feed in a browser', () => {
    it.skip(SKIP_REASON, () => {});
  });
}
