/**
 * Checks src/sources/markdown-fast.ts against marked on real Markdown: every .md/.markdown/.mdx
 * file under the folders given (front matter cut), whole and paragraph by paragraph; wherever
 * fastLex answers, its tokens must equal marked's lexer's (the same fields, as JSON).
 *
 *   npx tsx scripts/fastlex-check.ts DIR...      prints { files, accepted, mismatched }, exit 1 on a mismatch
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Marked } from 'marked';
import { fastLex } from '../src/sources/markdown-fast.js';
const marked = new Marked({ gfm: true, async: false });
let files = 0;
let accepted = 0;
let mismatched = 0;
const walk = (dir: string): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(md|markdown|mdx)$/i.test(e.name) && statSync(p).size < 2e6) {
      files++;
      const text = readFileSync(p, 'utf8').replace(/\r\n?/g, '\n');
      const body = text.replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, '');
      for (const md of [body, ...body.split(/\n{2,}/)]) {
        const fast = fastLex(md);
        if (!fast) continue;
        accepted++;
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(marked.lexer(md))))) {
          mismatched++;
          if (mismatched <= 5) console.log('MISMATCH', p, JSON.stringify(md.slice(0, 200)));
        }
      }
    }
  }
};
for (const d of process.argv.slice(2)) walk(d);
console.log({ files, accepted, mismatched });
if (mismatched > 0) process.exitCode = 1;
