import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The src/ folder. */
export const SRC = path.resolve(import.meta.dirname, '../../src');

/** Every .ts file under src/, as a path relative to src/ with forward slashes. */
export function sourceFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/**
 * The module specifiers a file imports: static imports and re-exports (types too, since a type
 * import is a dependency of the design even when erased) and dynamic `import()`.
 */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  // Comments may name modules in prose: strip them first (no specifier contains these sequences).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/g)) out.push(m[1] as string);
  for (const m of code.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) out.push(m[1] as string);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] as string);
  return out;
}

/** The src/-relative .ts files a file imports (relative specifiers only; packages and node: are left out). */
export function localImports(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return specifiers(text)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)).replace(/\.js$/, '.ts'));
}

/** Every file reachable from `start` by imports, `start` included. */
export function reachable(start: string, graph: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    for (const g of graph.get(f) ?? []) {
      if (seen.has(g)) continue;
      seen.add(g);
      todo.push(g);
    }
  }
  return seen;
}
