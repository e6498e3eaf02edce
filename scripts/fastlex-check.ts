/**
 * Checks src/sources/markdown-fast.ts against marked on real Markdown: every .md/.markdown/.mdx
 * file under the folders given (front matter cut), whole and paragraph by paragraph; wherever
 * fastLex answers, its tokens must equal marked's lexer's (the same fields, as JSON).
 *
 *   npx tsx scripts/fastlex-check.ts DIR...
 *
 * prints, per folder given and in all, the files, how many of them fastLex reads whole (`whole`:
 * the bodies that skip marked in a build) and the share, then { files, whole, accepted,
 * mismatched } (`accepted`: bodies and paragraphs answered and compared); exit 1 on a mismatch.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Marked } from 'marked';
import { fastLex } from '../src/sources/markdown-fast.js';
const marked = new Marked({ gfm: true, async: false });
let files = 0;
let whole = 0;
let accepted = 0;
let mismatched = 0;
const walk = (dir: string, count: { files: number; whole: number }): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, count);
    else if (/\.(md|markdown|mdx)$/i.test(e.name) && statSync(p).size < 2e6) {
      count.files++;
      const text = readFileSync(p, 'utf8').replace(/\r\n?/g, '\n');
      const body = text.replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, '');
      for (const [k, md] of [body, ...body.split(/\n{2,}/)].entries()) {
        const fast = fastLex(md);
        if (!fast) continue;
        accepted++;
        if (k === 0) count.whole++;
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(marked.lexer(md))))) {
          mismatched++;
          if (mismatched <= 5) console.log('MISMATCH', p, JSON.stringify(md.slice(0, 200)));
        }
      }
    }
  }
};
const share = (c: { files: number; whole: number }): string => `${c.whole} of ${c.files} read whole (${c.files ? ((100 * c.whole) / c.files).toFixed(1) : '0'} %)`;
for (const d of process.argv.slice(2)) {
  const count = { files: 0, whole: 0 };
  walk(d, count);
  console.log(`${d}: ${share(count)}`);
  files += count.files;
  whole += count.whole;
}
console.log(`all: ${share({ files, whole })}`);
console.log({ files, whole, accepted, mismatched });
if (mismatched > 0) process.exitCode = 1;
