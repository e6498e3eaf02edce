/**
 * Where the extractors get a page's publication date wrong, on both development sets, page by
 * page, to classify failures before changing a rule (issue 12):
 *
 *   npx tsx scripts/date-failures.ts [text|html] [all] [PAGE-ID...]
 *
 * For each text (default) or HTML page with a truth date whose date is missing (MISS) or another
 * day (WRONG), or each page named by its id: the truth day, ours with its line (text), and the
 * page's dates. Text input: the lines that state a full date (the first 60 non-empty lines and
 * the lines around ours), `>` marking ours. HTML input: the date candidates that
 * src/extract/html/page-dates.ts chose among (markup; shown near the headline, with their
 * distance `@n` in elements, `marked` when the template marks them as a date, and their text;
 * the URL's date path). `*` marks those on the truth day. With `all`, right pages are listed too
 * (OK). The totals go to stderr. Set 1 dates are its pages' markup dates (scripts/data/set1-meta.json), set 2 the
 * annotated ones; a set 1 date on another day than its markup's but at the same moment (the text
 * states "10:31 pm CST" where the markup wrote 04:31 UTC the next day) counts as right, as in
 * bench:extract (`sameMoment`), and is listed as MOMENT with `all`. In-process, clock fixed at 2026-12-01 like bench:extract, zone UTC; the
 * published date as src/sources/read.ts `foundDates` gives it (an update date when nothing states
 * a publication date); counts agree with bench:extract's to within a page.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTextDate, isRelativeDate, statedOffset } from '../src/extract/dates.js';
import { parseDocument } from '../src/extract/html/dom.js';
import { extractHtml } from '../src/extract/html/index.js';
import { extractMetadata } from '../src/extract/html/metadata.js';
import type { PageDate } from '../src/extract/html/page-dates.js';
import { extractText } from '../src/extract/text/index.js';
import { SET1_DIR, SET2_DIR, SET2_IDS } from './text-eval.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kind = process.argv[2] === 'html' ? 'html' : 'text';
const all = process.argv.includes('all');
/** Page ids given on the command line: only those pages, listed whatever their status. */
const only = new Set(process.argv.slice(2).filter((a) => /^[0-9a-f]{8,}$/.test(a)));
if (process.argv.includes('--help')) {
  console.log('npx tsx scripts/date-failures.ts [text|html] [all] [PAGE-ID...]  (see the header of this file)');
  process.exit(0);
}
const now = new Date('2026-12-01T00:00:00Z');

const set1 = JSON.parse(readFileSync(join(ROOT, 'scripts/data/set1-meta.json'), 'utf8')) as Record<string, { date?: string; at?: string }>;
const set2 = JSON.parse(readFileSync(join(SET2_DIR, 'truth.json'), 'utf8')) as Record<string, { date?: string }>;
const set2Ids = readFileSync(SET2_IDS, 'utf8').split(/\s+/).filter(Boolean);

function dayOf(value: Date | undefined, offset?: number): string {
  if (!value) return '';
  return new Date(value.getTime() + (offset ?? statedOffset(value) ?? 0) * 60_000).toISOString().slice(0, 10);
}
/** bench:extract's `sameMoment`: both state a time of day, within an hour of each other. */
function sameMoment(value: Date | undefined, at: string | undefined): boolean {
  if (!value || !at) return false;
  const wall = new Date(value.getTime() + (statedOffset(value) ?? 0) * 60_000).toISOString();
  return !wall.endsWith('T00:00:00.000Z') && Math.abs(value.getTime() - Date.parse(at)) <= 3_600_000;
}
function truthDay(d: string | undefined): string {
  const m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec((d ?? '').trim());
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : '';
}

/** One candidate as `day source kind precision @distance instant offset [marked] «text»`, `*` marking the truth's day. */
function showCandidate(c: PageDate, gold: string): string {
  const d = dayOf(c.value, c.offset);
  const at = c.distance === undefined ? '' : ` @${c.distance}`;
  return `  ${d === gold ? '*' : ' '} ${d} ${c.source} ${c.kind} ${c.precision}${at} ${c.value.toISOString()} ${c.offset >= 0 ? '+' : ''}${c.offset}min${c.marked ? ' marked' : ''}${c.text ? ` «${c.text}»` : ''}`;
}

/** The HTML page's date candidates (markup, shown, URL) as src/extract/html/page-dates.ts scores them. */
function listHtmlCandidates(source: string, gold: string): void {
  const parsed = parseDocument(source);
  if (!parsed.ok) return;
  const { markup, visible, url } = extractMetadata(parsed.document, { timezone: 'UTC', referenceDate: now }).dateCandidates;
  for (const c of markup) console.log(showCandidate(c, gold));
  for (const c of visible) console.log(showCandidate(c, gold));
  if (url) console.log(`    url ${url.year}-${url.month}-${url.day}`);
}

const tally = { n: 0, ok: 0, wrong: 0 };
const sets: [string, readonly string[], Record<string, { date?: string; at?: string }>, string][] = [
  ['1', kind === 'text' ? Object.keys(set1) : [], set1, join(SET1_DIR, kind)],
  ['2', set2Ids, set2, join(SET2_DIR, kind)],
];
for (const [set, ids, truths, dir] of sets) {
  for (const id of ids) {
    if (only.size > 0 && !only.has(id)) continue;
    const gold = truthDay(truths[id]?.date);
    if (!gold) continue;
    let source: string;
    try {
      source = readFileSync(join(dir, `${id}.${kind === 'text' ? 'txt' : 'html'}`), 'utf8');
    } catch {
      continue;
    }
    let ours: Date | undefined;
    let line: number | undefined;
    let where = '';
    if (kind === 'text') {
      const x = extractText(source, { timezone: 'UTC', referenceDate: now });
      where = ` title L${x.title?.line ?? '-'} body L${x.paragraphs[0]?.line ?? '-'}-L${x.paragraphs.at(-1)?.line ?? '-'}`;
      const chosen = x.published ?? (x.updated && !isRelativeDate(x.updated.value) ? x.updated : undefined);
      ours = chosen?.value;
      line = chosen?.line;
    } else {
      const x = extractHtml(source, { timezone: 'UTC', referenceDate: now });
      const chosen = x.found.published ?? (x.found.updated && !isRelativeDate(x.found.updated.value) ? x.found.updated : undefined);
      ours = chosen?.value;
    }
    const day = dayOf(ours);
    tally.n += 1;
    const status = day === gold ? 'OK' : day && sameMoment(ours, truths[id]?.at) ? 'MOMENT' : day ? 'WRONG' : 'MISS';
    if (status === 'OK' || status === 'MOMENT') tally.ok += 1;
    if (status === 'WRONG') tally.wrong += 1;
    if ((status === 'OK' || status === 'MOMENT') && !all && only.size === 0) continue;
    console.log(`${status} ${set}:${id} truth ${gold} ours ${day || '-'}${line ? ` L${line}` : ''}${where}`);
    if (kind !== 'text') {
      listHtmlCandidates(source, gold);
      continue;
    }
    const lines = source.split('\n');
    let shown = 0;
    for (let i = 0; i < lines.length; i += 1) {
      const text = (lines[i] as string).trim().slice(0, 200);
      if (!text) continue;
      shown += 1;
      const near = line !== undefined && Math.abs(i + 1 - line) <= 3;
      const m = findTextDate(text, 'UTC');
      if (!m) continue;
      const d = dayOf(m.value);
      if (shown > 60 && !near && d !== gold) continue;
      console.log(`  ${i + 1 === line ? '>' : ' '}${d === gold ? '*' : ' '} ${i + 1}: ${text.slice(0, 110)}`);
    }
  }
}
console.error(`${kind}: ${tally.ok}/${tally.n} right (${((100 * tally.ok) / tally.n).toFixed(1)} %), ${tally.wrong} wrong (${((100 * tally.wrong) / tally.n).toFixed(1)} %)`);
