/**
 * Where the plain-text extractor gets a page's title or authors wrong, on both development sets,
 * page by page, to classify failures before changing a rule (issue 12):
 *
 *   npx tsx scripts/text-meta-failures.ts [title|author|sum]
 *
 * `title`: each page whose title is not right by score.mjs's lenient test ("one contains the
 * other"), with our line, the body's first line, and the lines that hold the true title (and their
 * distance from the body start). `author`: each set-2 page whose authors are not the annotated ones
 * (MISS) or that names nobody but gets an author (SPUR), with the lines that contain the true name.
 * The totals go to stderr. Titles of set 1 are compared with scripts/data/set1-meta.json (the pages'
 * own og:title / JSON-LD headline), as bench:extract does. In-process `extractText`, each page
 * alone (no site template), clock fixed at 2026-12-01 like bench:extract; the counts agree with
 * bench:extract's table to within a page (it reads through `explainInput`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/extract/text/index.js';
import { nameSet, normText as norm, SET1_DIR, SET2_DIR, SET2_IDS } from './text-eval.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'sum';
/** `--context`: also print the page's lines from our title (or the body start) to the true title's nearest copy. */
const context = process.argv.includes('--context');

/** The page's non-empty lines from `a` to `b` (1-based, inclusive), numbered; at most 16 of them. */
function excerpt(lines: readonly string[], a: number, b: number): string {
  const out: string[] = [];
  for (let n = Math.max(1, a); n <= Math.min(lines.length, b) && out.length < 16; n += 1) {
    const l = lines[n - 1]?.trim() ?? '';
    if (l) out.push(`    ${String(n).padStart(5)}| ${l.slice(0, 110)}`);
  }
  return out.join('\n');
}

interface Truth {
  title?: string;
  author?: string | string[];
}

const set1 = JSON.parse(readFileSync(join(ROOT, 'scripts/data/set1-meta.json'), 'utf8')) as Record<string, Truth>;
const set2 = JSON.parse(readFileSync(join(SET2_DIR, 'truth.json'), 'utf8')) as Record<string, Truth>;
const set2Ids = readFileSync(SET2_IDS, 'utf8')
  .split('\n')
  .map((s) => s.trim())
  .filter(Boolean);
const options = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') };
const tally = new Map<string, [number, number]>();
const count = (key: string, ok: boolean): void => {
  const t = tally.get(key) ?? [0, 0];
  tally.set(key, [t[0] + (ok ? 1 : 0), t[1] + 1]);
};

const sets: [string, readonly string[], Record<string, Truth>, string][] = [
  ['1', Object.keys(set1), set1, join(SET1_DIR, 'text')],
  ['2', set2Ids, set2, join(SET2_DIR, 'text')],
];
for (const [set, ids, truths, dir] of sets) {
  for (const id of ids) {
    const truth = truths[id];
    if (!truth) continue;
    let text: string;
    try {
      text = readFileSync(join(dir, `${id}.txt`), 'utf8');
    } catch {
      continue;
    }
    const x = extractText(text, options);
    const lines = text.split('\n');
    const body = x.paragraphs[0]?.line ?? -1;
    const linesWith = (test: (line: string) => boolean): number[] => lines.flatMap((l, i) => (l.trim() && test(l) ? [i + 1] : []));
    if (truth.title?.trim()) {
      const ours = x.title?.value ?? '';
      const ok = ours !== '' && (norm(ours).includes(norm(truth.title)) || norm(truth.title).includes(norm(ours)));
      count(`title, set ${set}`, ok);
      if (!ok && mode === 'title') {
        const hits = linesWith((l) => norm(l) === norm(truth.title));
        console.log(`${set}:${id} ours L${x.title?.line ?? '-'} body L${body} truth L${hits.join(',')} (from body ${hits.map((h) => h - body).join(',')})`);
        console.log(`  ours : ${ours.slice(0, 120)}\n  truth: ${truth.title}`);
        if (context) {
          const at = x.title?.line ?? body;
          const near = hits.length > 0 ? hits.reduce((a, b) => (Math.abs(b - at) < Math.abs(a - at) ? b : a)) : at;
          console.log(excerpt(lines, Math.min(at, near) - 2, Math.max(at, near, body) + 2));
        }
      }
    }
    if (set !== '2') continue;
    const gold = Array.isArray(truth.author) ? truth.author : truth.author ? [truth.author] : [];
    const ours = (x.authors?.value ?? []).map((p) => p.name);
    if (gold.join('').trim()) {
      const found = nameSet(ours);
      const want = nameSet(gold);
      const ok = found.size > 0 && found.size === want.size && [...found].every((n) => want.has(n));
      count('authors right, set 2', ok);
      if (!ok && mode === 'author') {
        const hits = linesWith((l) => gold.some((g) => g.trim() !== '' && norm(l).includes(norm(g))));
        console.log(`MISS ${id} ours L${x.authors?.line ?? '-'} ${JSON.stringify(ours)} truth ${JSON.stringify(gold)} title L${x.title?.line ?? '-'} body L${body}`);
        for (const h of hits.slice(0, 6)) console.log(`   ${h}: ${lines[h - 1]?.trim().slice(0, 100)}`);
      }
    } else if (truth.author === '') {
      count('spurious authors, set 2 (lower is better)', ours.length > 0);
      if (ours.length > 0 && mode === 'author') console.log(`SPUR ${id} ${JSON.stringify(ours)} L${x.authors?.line}: ${lines[(x.authors?.line ?? 1) - 1]?.slice(0, 120)}`);
    }
  }
}
for (const [key, [ok, n]] of tally) console.error(`${key}: ${ok}/${n} = ${((100 * ok) / n).toFixed(1)}%`);
