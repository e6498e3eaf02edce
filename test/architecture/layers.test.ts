/**
 * The direction of dependencies between folders of src/ (docs/ARCHITECTURE.md, "Layers"), read
 * from the import statements themselves (type imports and dynamic import() included):
 * - the article pipeline lives in pipeline/ and uses cache/ for storage; cache/ never reaches
 *   pipeline/, directly or through other modules, so the two cannot form a cycle, and it does not
 *   reach the readers or the resolver either (parsing an article is not storage);
 * - validate/ checks rendered feeds and depends on nothing above it: only its own files, util/,
 *   the model and the table of codes (codes.ts, diagnostics.ts, errors.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports, reachable, SRC, sourceFiles, specifiers } from './imports.js';

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, localImports(f)]));

/** `from -> to` for every file in `from` that reaches a file `to` matches, by the first such path. */
function reaching(from: (f: string) => boolean, to: (f: string) => boolean): string[] {
  return files.filter(from).flatMap((f) => [...reachable(f, graph)].filter(to).map((g) => `${f} -> ${g}`));
}

describe('import graph of src/', () => {
  it('is read from real import statements, and every relative import names a file of src/', () => {
    expect(specifiers("import type { A } from './a.js';\nexport { b } from \"../b.js\";\nconst c = await import('./c.js');\nimport './d.js';\n// import { e } from './e.js'\n")).toEqual(['./a.js', '../b.js', './d.js', './c.js']);
    expect(graph.get('pipeline/parse-pool.ts')).toContain('pipeline/article.ts'); // a dynamic import
    expect(graph.get('cache/outputs.ts')).toContain('feeds/compose.ts'); // a type import
    const unresolved = [...graph].flatMap(([f, gs]) => gs.filter((g) => !graph.has(g)).map((g) => `${f} -> ${g}`));
    expect(unresolved).toEqual([]);
  });

  it('cache/ never reaches pipeline/ (no cycle between them) nor the readers and the resolver', () => {
    expect(files.some((f) => f.startsWith('cache/'))).toBe(true);
    expect(reaching((f) => f.startsWith('cache/'), (g) => g.startsWith('pipeline/'))).toEqual([]);
    // extract/patterns.ts is the RE2 compiler of user patterns that config validation uses (cache/ reaches it through
    // the config's type), not a reader.
    const reader = (g: string) => g.startsWith('sources/read') || g === 'meta/resolve.ts' || (g.startsWith('extract/') && g !== 'extract/patterns.ts');
    expect(reaching((f) => f.startsWith('cache/'), reader)).toEqual([]);
  });

  it('the article pipeline is in pipeline/, and build, the workers and explain use it', () => {
    expect(graph.get('pipeline/parse-pool.ts')).toContain('pipeline/article.ts');
    expect(graph.get('pipeline/parse-worker.ts')).toContain('pipeline/article.ts');
    expect(graph.get('pipeline/load.ts')).toContain('pipeline/parse-pool.ts');
    expect(graph.get('explain-input.ts')).toContain('pipeline/article.ts');
    // Nothing else reads and resolves an article on its own (explain once did, in a copy of it).
    const calls = files.filter((f) => !f.startsWith('sources/') && !f.startsWith('meta/') && /\b(readDocument|resolveArticle)\(/.test(readFileSync(path.join(SRC, f), 'utf8')));
    expect(calls).toEqual(['pipeline/article.ts']);
  });

  it('validate/ depends on nothing above it', () => {
    const below = (g: string): boolean => g.startsWith('validate/') || g.startsWith('util/') || ['model.ts', 'codes.ts', 'diagnostics.ts', 'errors.ts'].includes(g);
    expect(files.some((f) => f.startsWith('validate/'))).toBe(true);
    expect(reaching((f) => f.startsWith('validate/'), (g) => !below(g))).toEqual([]);
  });
});
