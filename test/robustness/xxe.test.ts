/**
 * Parsing never fetches anything and never expands external entities. Articles point external
 * entities, images, stylesheets, iframes and JSON-LD contexts at a local HTTP server that counts
 * requests, and at a secret file; the build must make no request and leak no byte of the file.
 */

import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { checkFeed } from '../../src/validate/index.js';
import { makeSite, readFeeds, run, type Site } from './helpers.js';

let server: Server;
let requests: string[] = [];
let base = '';
const sites: Site[] = [];
const SECRET = 'TOP-SECRET-7f3a9c';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('<!ENTITY leak "LEAKED-FROM-SERVER">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const s of sites.splice(0)) s.remove();
});

describe('no fetching, no external entities', () => {
  it('HTML, Markdown and text articles with DOCTYPE entities and remote resources cause no request and no file read', async () => {
    requests = [];
    const s2 = makeSite({});
    sites.push(s2);
    const secret = path.join(s2.dir, 'secret.txt');
    writeFileSync(secret, SECRET);
    const doctype = `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY remote SYSTEM "${base}/entity"><!ENTITY % pe SYSTEM "${base}/pe"> %pe;]>`;
    const remote = [
      `<img src="${base}/img.png" srcset="${base}/img2.png 2x">`,
      `<link rel="stylesheet" href="${base}/style.css">`,
      `<script src="${base}/script.js"></script>`,
      `<iframe src="${base}/frame"></iframe>`,
      `<video poster="${base}/poster.png"><source src="${base}/v.mp4"></video>`,
      `<object data="${base}/object"></object>`,
      `<svg><image href="${base}/svg.png"/></svg>`,
      `<div style="background: url(${base}/bg.png)">x</div>`,
    ].join('\n');
    const files = {
      'page.html': `${doctype}<html><head><title>XXE page &xxe; &remote;</title><base href="${base}/"><link rel="canonical" href="${base}/canonical"><script type="application/ld+json">{"@context":"${base}/context","@type":"NewsArticle","headline":"JSON-LD","image":"${base}/ld.png"}</script></head><body><article><h1>XXE page</h1><p>The entity: &xxe; and &remote;.</p>${remote}<p>The council met on Tuesday to discuss the budget for the coming year and agreed on most items.</p></article></body></html>`,
      'post.md': `---\ntitle: XXE markdown\ndate: 2024-01-05\nimage: ${base}/cover.png\n---\n${doctype}\n\nThe entity: &xxe;\n\n![remote](${base}/md.png)\n\n${remote}\n`,
      'note.txt': `---\ntitle: XXE text\ndate: 2024-01-06\n---\n${doctype}\n\nThe entity: &xxe; and ${base}/link\n`,
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(s2.articles, name), content);
    const r2 = await run(s2.dir);
    expect([EXIT.OK, EXIT.CONTENT_ERRORS]).toContain(r2.code);
    // Give any stray asynchronous fetch a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);
    const feeds = readFeeds(s2.out);
    for (const raw of [feeds.raw.rss, feeds.raw.atom, feeds.raw.json]) {
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain('LEAKED-FROM-SERVER');
    }
    // In XML the declarations only survive escaped (as text); in JSON Feed, plain-text fields may
    // quote them as text, but no content_html holds markup declarations.
    expect(feeds.raw.rss.replace(/^<\?xml[^>]*\?>/, '')).not.toMatch(/<!DOCTYPE x|<!ENTITY/);
    expect(feeds.raw.atom.replace(/^<\?xml[^>]*\?>/, '')).not.toMatch(/<!DOCTYPE x|<!ENTITY/);
    for (const html of feeds.json.html) expect(html).not.toMatch(/<!DOCTYPE|<!ENTITY/);
    expect(feeds.json.titles).toEqual(expect.arrayContaining(['XXE markdown', 'XXE text']));
  });

  it('the feed validator does not expand entities or fetch a DTD (feedwright check on a hostile feed)', async () => {
    requests = [];
    const s = makeSite({}, { good: false });
    sites.push(s);
    const secret = path.join(s.dir, 'secret.txt');
    writeFileSync(secret, SECRET);
    const feed = `<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "${base}/rss.dtd" [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY remote SYSTEM "${base}/e">]>\n<rss version="2.0"><channel><title>&xxe;&remote;</title><link>https://example.com/</link><description>d</description></channel></rss>\n`;
    const diagnostics = checkFeed('hostile.xml', feed);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
    writeFileSync(path.join(s.dir, 'hostile.xml'), feed);
    const r = await run(s.dir, ['check', 'hostile.xml']);
    expect(r.stdout).not.toContain(SECRET);
    expect(requests).toEqual([]);
  });
});
