import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParseError, parse } from 'jsonc-parser';
import { isFolder, readSmallText } from '../util/fs.js';
import { asRecord } from '../util/record.js';

/**
 * Where a site's code finds the modules it imports, read as text and never run: relative paths,
 * the site's own path aliases (tsconfig.json or jsconfig.json `compilerOptions.paths`, as
 * TypeScript, Vite and Astro resolve them), bare specifiers from its `baseUrl`, and the `@/` and
 * `~/` of templates that declare none.
 */

/** Files larger than this are not a site's tsconfig: read no further (a bound on detection's work). */
const MAX_TSCONFIG_BYTES = 256 * 1024;

/** The extensions a module specifier may leave out, in the order a bundler tries them. */
const MODULE_ENDINGS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.js'];

/** The site's tsconfig.json (else jsconfig.json) `compilerOptions`; undefined without one that parses. */
function compilerOptions(root: string): Record<string, unknown> | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = path.join(root, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (text.length > MAX_TSCONFIG_BYTES) return undefined;
    const errors: ParseError[] = [];
    const json: unknown = parse(text, errors, { allowTrailingComma: true });
    return asRecord(asRecord(json)?.compilerOptions);
  }
  return undefined;
}

/**
 * The site's path aliases: each `compilerOptions.paths` pattern (`$config`, `@components/*`) with
 * its targets as absolute paths (relative to `baseUrl`, else to the config's folder). tsconfig.json
 * is JSON with comments and trailing commas; a file that does not parse gives no aliases.
 */
export function pathAliases(root: string): [pattern: string, targets: string[]][] {
  return aliasesOf(root, compilerOptions(root));
}

function aliasesOf(root: string, options: Record<string, unknown> | undefined): [pattern: string, targets: string[]][] {
  const paths = asRecord(options?.paths);
  if (!paths) return [];
  const base = baseUrlOf(root, options) ?? root;
  return Object.entries(paths).flatMap(([pattern, targets]) => (Array.isArray(targets) ? [[pattern, targets.filter((t): t is string => typeof t === 'string').map((t) => path.resolve(base, t))] as [string, string[]]] : []));
}

/** The folder `compilerOptions.baseUrl` names (absolute), from which TypeScript also resolves a bare specifier (`app/blog/source`). */
function baseUrlOf(root: string, options: Record<string, unknown> | undefined): string | undefined {
  return typeof options?.baseUrl === 'string' ? path.resolve(root, options.baseUrl) : undefined;
}

/** The candidate paths an aliased specifier stands for: `$config` exactly, or `@lib/x` through `@lib/*` (TypeScript's one-star patterns). */
function aliasTargets(aliases: readonly [string, string[]][], spec: string): string[] {
  for (const [pattern, targets] of aliases) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === spec) return targets;
      continue;
    }
    const [before, after] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (spec.length >= before.length + after.length && spec.startsWith(before) && spec.endsWith(after)) {
      const matched = spec.slice(before.length, spec.length - after.length);
      return targets.map((t) => t.replace('*', matched));
    }
  }
  return [];
}

/**
 * A module a site's code imports, as a file: a relative path; a path alias the site declares; or,
 * without one, `@/`/`~/` for the site root or its `src/`, or a bare path from its `baseUrl`.
 * Undefined for a package or a missing file.
 */
export function moduleFile(root: string, from: string, spec: string): string | undefined {
  const options = spec.startsWith('.') ? undefined : compilerOptions(root);
  const aliased = spec.startsWith('.') ? [] : aliasTargets(aliasesOf(root, options), spec);
  const base = aliased.length > 0 ? undefined : baseUrlOf(root, options);
  const bases = spec.startsWith('.')
    ? [path.resolve(path.dirname(from), spec)]
    : aliased.length > 0
      ? aliased
      : /^[@~]\//.test(spec)
        ? [path.join(root, spec.slice(2)), path.join(root, 'src', spec.slice(2))]
        : // With a baseUrl, TypeScript resolves a bare specifier from it (a package of that name is not a site file).
          base
          ? [path.join(base, spec)]
          : [];
  return bases.flatMap((b) => MODULE_ENDINGS.map((ext) => b + ext)).find((f) => /\.[cm]?[jt]sx?$/.test(f) && existsSync(f));
}

/** Bounds on following a page's imports for the folders its code reads: modules read, bytes of each. */
const FOLDER_SCAN = { modules: 12, bytes: 256 * 1024, depth: 2 };

/**
 * The site folders a page's code reads its posts from, as paths relative to the site's root: a
 * string literal naming an existing folder (`'src/contents/blog'`, `'./posts'`) or
 * `path.join(process.cwd(), 'content', 'posts')` written with literals, in the page's module or
 * in a site module it imports (two imports deep, 12 modules at most, none larger than 256 KB). Read as
 * text, never run; a Next.js route reads its posts through such a loader (`getPostBySlug` from
 * `@/lib/posts`, whose `POSTS_DIR` is `src/contents/blog`).
 */
export function foldersCodeReads(root: string, file: string): string[] {
  const folders = new Set<string>();
  const seen = new Set<string>();
  const visit = (abs: string, depth: number): void => {
    if (seen.has(abs) || seen.size >= FOLDER_SCAN.modules) return;
    seen.add(abs);
    const text = readSmallText(abs, FOLDER_SCAN.bytes);
    if (text === undefined) return;
    const written = [
      ...[...text.matchAll(/\bjoin\(\s*process\.cwd\(\)\s*,((?:\s*["'][^"'\n]+["']\s*,?)+)\s*\)/g)].map((m) => [...(m[1] as string).matchAll(/["']([^"'\n]+)["']/g)].map((s) => s[1]).join('/')),
      ...[...text.matchAll(/["'`]((?:\.\/)?[\w@-]+(?:\/[\w@.-]+)+|[\w-]+)\/?["'`]/g)].map((m) => m[1] as string),
    ];
    for (const literal of written) {
      const rel = path.normalize(literal.replace(/^\.\//, '')).replace(/\/$/, '');
      if (rel.startsWith('..') || path.isAbsolute(rel) || rel === '.' || /^(?:node_modules|public|app|pages|src)$/.test(rel)) continue;
      if (isFolder(path.join(root, rel))) folders.add(rel.split(path.sep).join('/'));
    }
    if (depth >= FOLDER_SCAN.depth) return;
    for (const m of text.matchAll(/\bfrom\s*["']([^"']+)["']/g)) {
      const target = moduleFile(root, abs, m[1] as string);
      if (target && !target.includes(`${path.sep}node_modules${path.sep}`)) visit(target, depth + 1);
    }
  };
  visit(path.join(root, file), 0);
  return [...folders].sort();
}
