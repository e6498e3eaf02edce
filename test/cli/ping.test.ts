import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pingHubs } from '../../src/publish/websub.js';
import { article, makeSite, run, writeArticles } from './helpers.js';

interface Received {
  method: string;
  contentType: string | undefined;
  body: URLSearchParams;
}

/** A WebSub hub on 127.0.0.1 that records what it receives and answers `status`. */
async function startHub(status = 204): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', contentType: req.headers['content-type'], body: new URLSearchParams(body) });
      res.writeHead(status).end(status >= 400 ? 'hub says no' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`, received, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('pingHubs', () => {
  it('POSTs hub.mode=publish and hub.url, form-encoded, once per hub and feed', async () => {
    const a = await startHub();
    const b = await startHub(202);
    const results = await pingHubs([a.url, b.url], ['https://example.com/rss.xml', 'https://example.com/atom.xml']);
    expect(results.every((r) => r.ok)).toBe(true);
    for (const hub of [a, b]) {
      expect(hub.received.map((r) => [r.method, r.contentType, r.body.get('hub.mode'), r.body.get('hub.url')])).toEqual([
        ['POST', 'application/x-www-form-urlencoded', 'publish', 'https://example.com/rss.xml'],
        ['POST', 'application/x-www-form-urlencoded', 'publish', 'https://example.com/atom.xml'],
      ]);
    }
  });

  it('reports a hub that refuses, with its status and answer', async () => {
    const hub = await startHub(500);
    const [result] = await pingHubs([hub.url], ['https://example.com/rss.xml']);
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(result?.error).toContain('hub says no');
  });

  it('reports a hub that cannot be reached, without throwing', async () => {
    const hub = await startHub();
    await new Promise((resolve) => hub.server.close(resolve));
    const [result] = await pingHubs([hub.url], ['https://example.com/rss.xml'], { timeoutMs: 2000 });
    expect(result?.ok).toBe(false);
    expect(result?.error).toMatch(/could not be reached/);
  });
});

describe('build --ping', () => {
  it('pings every hub for each rewritten feed, and not when nothing changed', async () => {
    const hub = await startHub();
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1, tags: ['t'] }) }, { hubs: [hub.url], feeds: { tags: true } });
    const first = await run(['build', '--ping'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('websub: pinged 1 hub for 6 feeds');
    expect(hub.received.map((r) => r.body.get('hub.url'))).toEqual([
      'https://example.com/rss.xml',
      'https://example.com/atom.xml',
      'https://example.com/feed.json',
      'https://example.com/tags/t/rss.xml',
      'https://example.com/tags/t/atom.xml',
      'https://example.com/tags/t/feed.json',
    ]);

    hub.received.length = 0;
    const again = await run(['build', '--ping'], { cwd: dir });
    expect(again.stderr).toContain('websub: no ping sent: no feed changed.');
    expect(hub.received).toEqual([]);

    writeArticles(dir, { 'b.md': article({ title: 'B', day: 2 }) });
    const json = JSON.parse((await run(['build', '--ping', '--json'], { cwd: dir })).stdout) as { ping: { results: { url: string; ok: boolean; status: number }[] } };
    expect(json.ping.results.map((r) => [r.url, r.ok, r.status])).toEqual([
      ['https://example.com/rss.xml', true, 204],
      ['https://example.com/atom.xml', true, 204],
      ['https://example.com/feed.json', true, 204],
    ]);
  });

  it('warns about a failing hub but keeps exit code 0: the feeds were written', async () => {
    const hub = await startHub(503);
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) }, { hubs: [hub.url] });
    const r = await run(['build', '--ping'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning WEBSUB_PING_FAILED');
    expect(r.stderr).toContain('3 failed');
  });

  it('says why nothing was sent when the config has no hubs', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) });
    expect((await run(['build', '--ping'], { cwd: dir })).stderr).toContain('websub: no ping sent: the config names no "hubs".');
  });

  it('never pings without --ping', async () => {
    const hub = await startHub();
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) }, { hubs: [hub.url] });
    await run(['build'], { cwd: dir });
    expect(hub.received).toEqual([]);
  });
});
