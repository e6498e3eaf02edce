import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkXmlStream } from '../../src/validate/stream.js';

function file(content: string): string {
  const p = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-stream-')), 'feed.xml');
  writeFileSync(p, content);
  return p;
}

describe('checkXmlStream (feeds too large for one string)', () => {
  const items = '<item><title>x &amp; y</title></item>\n'.repeat(50_000);
  it('accepts a well-formed document read in chunks', async () => {
    expect(await checkXmlStream(file(`<rss version="2.0"><channel>${items}</channel></rss>`), 'rss.xml')).toEqual([]);
  });
  it('reports an illegal character, an undeclared prefix and a broken tag with their line', async () => {
    const bad = await checkXmlStream(file(`<rss>\n${items}<a>\u0001</a>\n<content:encoded>x</content:encoded>\n</rss>`), 'rss.xml');
    expect(bad.map((d) => d.code)).toContain('XML_NOT_WELL_FORMED');
    expect(bad[0]).toMatchObject({ file: 'rss.xml', line: 50_002 });
    expect((await checkXmlStream(file('<rss><channel></rss>'), 'rss.xml')).length).toBeGreaterThan(0);
  });
});
