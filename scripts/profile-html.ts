/**
 * CPU time of the HTML extractor alone (`extractHtml`) over the HTML pages of both dev sets, for
 * profiling it: `node --cpu-prof --import tsx scripts/profile-html.ts [--rounds N] [--stage NAME]`.
 *
 * Each page is decoded once, then extracted `--rounds` times (default 3, the first warms the JIT);
 * it prints the median over pages of each page's fastest CPU time (process.cpuUsage). `--stage parse`
 * times linkedom's parse alone, `--stage metadata` parse + metadata, to split the total.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/extract/html/dom.js';
import { extractHtml } from '../src/extract/html/index.js';
import { extractMetadata } from '../src/extract/html/metadata.js';
import { decodeSource } from '../src/sources/files.js';

const set1 = process.env.FEEDWRIGHT_EXTRACTION_DEV ?? '/work/shared/extraction-dev';
const set2 = process.env.FEEDWRIGHT_TRAF_DEV ?? '/work/data/traf-dev';
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const rounds = Number(opt('--rounds') ?? 3);
const stage = opt('--stage') ?? 'all';

function pages(dir: string): string[] {
  const html = join(dir, 'html');
  return readdirSync(html)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(html, f));
}

const texts: string[] = [];
for (const file of [...pages(set1), ...pages(set2)]) {
  const decoded = decodeSource(readFileSync(file), file, 'windows-1252');
  if (decoded.ok) texts.push(decoded.text);
}
const options = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') };
const best = texts.map(() => Number.POSITIVE_INFINITY);
for (let r = 0; r < rounds; r += 1) {
  texts.forEach((text, i) => {
    const c0 = process.cpuUsage();
    if (stage === 'parse') parseDocument(text);
    else if (stage === 'metadata') {
      const p = parseDocument(text);
      if (p.ok) extractMetadata(p.document, options);
    } else extractHtml(text, options);
    const c1 = process.cpuUsage(c0);
    best[i] = Math.min(best[i] as number, (c1.user + c1.system) / 1000);
  });
}
const sorted = [...best].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] as number;
const total = best.reduce((a, b) => a + b, 0);
console.log(`${stage}: ${texts.length} pages, median ${median.toFixed(2)} ms/page, total ${total.toFixed(0)} ms (fastest of ${rounds})`);
