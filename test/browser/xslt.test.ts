/**
 * The browser view of the feeds, in a real browser: Chromium applies feed.xsl to rss.xml and
 * atom.xml served over HTTP from 127.0.0.1, and the rendered page must show the items' titles and
 * authors and the address to subscribe with. Skipped (with the reason) only when no Chromium is
 * installed; CI (.ci/run) installs Debian's `chromium`.
 *
 * SCREENSHOT=1 npx vitest run test/browser also rewrites docs/screenshot-rss.png from the sample
 * articles (Chromium's XSLT deprecation banner hidden, as it would cover the page).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/load.js';
import { article, makeSite } from '../cli/helpers.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].filter((c): c is string => !!c);
  for (const name of candidates) {
    if (path.isAbsolute(name) && existsSync(name)) return name;
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

const CHROMIUM = findChromium();
const SKIP_REASON = 'Chromium is not installed (apt-get install chromium, or set CHROMIUM=/path/to/chrome); the XSLT browser view is not tested';
if (!CHROMIUM) console.warn(`test/browser/xslt.test.ts skipped: ${SKIP_REASON}`);

const TYPES: Record<string, string> = { '.xml': 'application/xml', '.xsl': 'text/xsl', '.json': 'application/feed+json', '.html': 'text/html', '.opml': 'text/x-opml' };

/** Serve `root` on 127.0.0.1 with the content types a static host uses. */
async function serve(root: string): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel || 'index.html');
    if (!file.startsWith(root + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${TYPES[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8` }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const profiles: string[] = [];

async function chromium(args: readonly string[]): Promise<string> {
  const profile = mkdtempSync(path.join(tmpdir(), 'feedwright-chromium-'));
  profiles.push(profile);
  const { stdout } = await run(
    CHROMIUM as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
  );
  return stdout;
}

/** The text a person sees: the rendered DOM without tags, style and the browser's own banner. */
function visibleText(dom: string): string {
  return dom
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<xslt-warning-banner[\s\S]*?<\/xslt-warning-banner>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

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
      { title: 'The Test Gazette', description: 'Local news for testing.', feeds: { tags: true }, archive: true, limit: 2 },
    );
    await build({ cwd: dir, now: new Date('2026-01-01T00:00:00Z') });
    site = await serve(path.join(dir, 'dist'));
  });

  afterAll(async () => {
    await new Promise((resolve) => site?.server.close(resolve));
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  });

  for (const file of ['rss.xml', 'atom.xml']) {
    it(`${file} renders as a page with the items, their authors and the address to subscribe`, async () => {
      const dom = await chromium(['--dump-dom', `${site.base}${file}`]);
      expect(dom).toContain('<html');
      const text = visibleText(dom);
      expect(text).toContain('The Test Gazette');
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
