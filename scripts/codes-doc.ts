/**
 * Writes the code tables of docs/errors.md and docs/validation-rules.md from the one table of
 * codes, src/codes.ts. Each table sits between two markers,
 *
 *   <!-- codes:fatal -->                the fatal errors (docs/errors.md)
 *   <!-- codes:diagnostic:<section> --> one section of diagnostics (docs/errors.md)
 *   <!-- codes:rule:<section> -->      one section of validator rules (docs/validation-rules.md)
 *   ...
 *   <!-- /codes -->
 *
 * and everything outside the markers is prose written by hand. test/codes.test.ts regenerates
 * both pages and fails when the committed ones differ: run `npm run docs:codes`.
 *
 *   npm run docs:codes            rewrite the tables in place
 *   npm run docs:codes -- --check exit 1 (and name the pages) when a table is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES, type CodeEntry, codesOf, DIAGNOSTIC_SECTIONS, RULE_SECTIONS } from '../src/codes.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_DOCS = [path.join(root, 'docs', 'errors.md'), path.join(root, 'docs', 'validation-rules.md')] as const;

const REGION = /^<!-- codes:([a-z:-]+) -->\n[\s\S]*?^<!-- \/codes -->$/gm;

/** A table cell: one line, pipes escaped (the doc texts are Markdown already). */
function cell(text: string): string {
  if (/\n/.test(text)) throw new Error(`A table cell must be one line: ${JSON.stringify(text)}`);
  return text.replace(/\|/g, '\\|');
}

/** Plain text (a rule's spec and summary) as Markdown: `<` and `&` would otherwise be read as HTML. */
function plain(text: string): string {
  return cell(text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
}

/** The Markdown table of one region, e.g. `fatal`, `diagnostic:files` or `rule:xml`. */
export function renderRegion(region: string): string {
  const [kind, section] = region.split(':');
  if (kind === 'fatal' && section === undefined) {
    const rows = codesOf('fatal').map(([code, e]) => `| \`${code}\` | ${e.exit} | ${cell(e.doc)} | ${cell(e.todo)} |`);
    return ['| Code | Exit | Meaning | What to do |', '|------|-----:|---------|------------|', ...rows].join('\n');
  }
  if (kind === 'diagnostic' && section !== undefined && section in DIAGNOSTIC_SECTIONS) {
    const rows = codesOf('diagnostic')
      .filter(([, e]) => e.section === section)
      .map(([code, e]) => `| \`${code}\` | ${e.severity} | ${cell(e.doc)} | ${cell(e.todo)} |`);
    return ['| Code | Severity | Meaning | What to do |', '|------|----------|---------|------------|', ...rows].join('\n');
  }
  if (kind === 'rule' && section !== undefined && section in RULE_SECTIONS) {
    const rows = codesOf('rule')
      .filter(([, e]) => e.section === section)
      .map(([code, e]) => `| \`${code}\` | ${e.severity} | ${plain(e.spec)} | ${plain(e.summary)} |`);
    return ['| code | severity | source | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
  }
  throw new Error(`Unknown code region "${region}" (fatal, diagnostic:<section>, rule:<section>).`);
}

/** The region that documents an entry of the table. */
function regionOf(entry: CodeEntry): string {
  return entry.kind === 'fatal' ? 'fatal' : `${entry.kind}:${entry.section}`;
}

/**
 * `text` (a page) with every region's table generated again. Throws when a region of the table
 * has no place on any of `pages`, or when a page has a code row outside its regions whose code
 * the table does not know (a hand-written row for a code that does not exist).
 */
export function regenerate(text: string): string {
  const out = text.replace(REGION, (_, region: string) => `<!-- codes:${region} -->\n\n${renderRegion(region)}\n\n<!-- /codes -->`);
  const outside = out.replace(REGION, '');
  for (const m of outside.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)) {
    if (!((m[1] as string) in CODES)) throw new Error(`A table row documents ${m[1]}, which src/codes.ts does not have.`);
  }
  return out;
}

/** The regions the pages must hold, one per kind and section in use. */
export function requiredRegions(): Set<string> {
  return new Set(Object.values(CODES).map((e: CodeEntry) => regionOf(e)));
}

/** Each page as it should be, and the regions found on all of them together. */
export function generateCodeDocs(): { pages: Array<{ file: string; current: string; expected: string }>; regions: Set<string> } {
  const regions = new Set<string>();
  const pages = CODE_DOCS.map((file) => {
    const current = readFileSync(file, 'utf8');
    for (const m of current.matchAll(REGION)) regions.add(m[1] as string);
    return { file, current, expected: regenerate(current) };
  });
  const missing = [...requiredRegions()].filter((r) => !regions.has(r));
  if (missing.length > 0) throw new Error(`No <!-- codes:… --> region documents ${missing.join(', ')}: add one to ${CODE_DOCS.map((f) => path.relative(root, f)).join(' or ')}.`);
  return { pages, regions };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = generateCodeDocs().pages.filter((p) => p.current !== p.expected);
  for (const p of stale) {
    if (check) console.error(`${path.relative(root, p.file)} is stale: run npm run docs:codes`);
    else writeFileSync(p.file, p.expected);
  }
  if (!check) console.log(stale.length === 0 ? 'Code tables up to date.' : `Rewrote ${stale.map((p) => path.relative(root, p.file)).join(', ')}.`);
  process.exitCode = check && stale.length > 0 ? 1 : 0;
}
