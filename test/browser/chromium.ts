/**
 * Headless Chromium for the browser tests: find it, run it with a fresh profile, serve a folder
 * on 127.0.0.1 as a static host would, and read the text a person sees.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].filter((c): c is string => !!c);
  for (const name of candidates) {
    if (path.isAbsolute(name) && existsSync(name)) return name;
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

export const CHROMIUM = findChromium();

const TYPES: Record<string, string> = { '.xml': 'application/xml', '.xsl': 'text/xsl', '.json': 'application/feed+json', '.html': 'text/html', '.opml': 'text/x-opml' };

/** Serve `root` on 127.0.0.1 with the content types a static host uses. */
export async function serve(root: string): Promise<{ base: string; server: Server }> {
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

/** Run headless Chromium with a fresh profile; returns its stdout (the DOM with --dump-dom). */
export async function chromium(args: readonly string[]): Promise<string> {
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

/** Remove the profiles made by `chromium` (call in afterAll). */
export function removeProfiles(): void {
  for (const p of profiles.splice(0)) rmSync(p, { recursive: true, force: true });
}

/** The text a person sees: the rendered DOM without tags, style and the browser's own banner. */
export function visibleText(dom: string): string {
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
