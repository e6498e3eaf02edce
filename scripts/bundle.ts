/**
 * `npm run compile`: lib/ as it is published.
 *
 * 1. tsc writes the type declarations (lib/**\/*.d.ts, the library's typed API) and checks types.
 * 2. esbuild bundles src/ and the runtime dependencies into a few ES modules, with code splitting,
 *    so that a process loads a handful of files instead of ~300 (module resolution and loading
 *    was ~0.2 s of a 50-article build). Entries:
 *      lib/index.js                 the library (package.json "exports")
 *      lib/cli/main.js              the CLI for --version, --help and init (bin/feedwright.js)
 *      lib/pipeline/parse-worker.js the parse pool's worker (its own entry: a worker loads only
 *                                   what parsing needs)
 *      lib/pipeline/parse-pool.js   the pool, for tools and the packed-tarball test
 *    Code shared by entries, and every `await import(...)` of src/ (the lazy parts: readers,
 *    feed writers, validators, explain, watch, ...), become chunks in lib/chunks/: what a command
 *    does not use is still never loaded.
 *
 * `import.meta.url` keeps its meaning: each module of src/ sees the URL its own compiled file
 * would have (lib/<same path>.js), whichever output file its code lands in, so relative paths
 * such as `../package.json` (src/version.ts) or `../../assets/feed.xsl` (src/feeds/stylesheet.ts)
 * and createRequire(import.meta.url) resolve exactly as before. CommonJS dependencies inside the
 * bundle get a `require` (for Node's built-in modules) from a banner.
 *
 * 3. esbuild bundles the CLI once more as one CommonJS script (whitespace left out), lib/cli/main.cjs, whose first line
 *    is `// feedwright-cli <hash of the rest>`: bin/feedwright.js runs build, check and explain
 *    from it through a V8 code cache (ES modules get none on Node 20; see bin/feedwright.js).
 *    And the parse worker likewise, lib/pipeline/parse-worker.cjs (what parsing loads, ~1.5 MB):
 *    src/pipeline/parse-pool.ts starts each worker from it through the same kind of cache.
 *    The CLI's text and HTML readers (with linkedom, Readability, the lexicons) are a second script,
 *    lib/cli/extract.cjs, that the CLI script runs on first use with the modules both use passed
 *    in, never copied (EXTRACT_SCRIPT): a Markdown build reads and compiles 1.4 MB, not 2.2.
 *
 *   npx tsx scripts/bundle.ts            what `npm run compile` runs
 *   npx tsx scripts/bundle.ts --meta     also print what each output holds (sizes by input)
 *
 * test/cli/bundle.test.ts calls bundle() into a temporary package folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

export const ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  'cli/main': 'src/cli/main.ts',
  'pipeline/parse-worker': 'src/pipeline/parse-worker.ts',
  'pipeline/parse-pool': 'src/pipeline/parse-pool.ts',
};

/** The CLI as one CommonJS script, beside the ES module entries (bin/feedwright.js). */
export const CLI_SCRIPT = 'cli/main.cjs';

/**
 * Each CommonJS script is written as one function expression after its first line (the hash),
 * the one bin/code-cache.cjs would otherwise wrap the script's text in: V8 compiles the source
 * string it is given, and a wrapper joined at run time made it copy the whole script (1.4 MB,
 * ~340 page faults and ~1.5 ms for the CLI script) into a flat string first.
 */
export const SCRIPT_HEAD = '(function (exports, require, module, __filename, __dirname) {';
export const SCRIPT_TAIL = '\n})';
/** The parse worker as one CommonJS script (src/pipeline/parse-pool.ts starts it with a code cache). */
export const WORKER_SCRIPT = 'pipeline/parse-worker.cjs';

/**
 * The text and HTML readers (src/sources/read.ts imports them on first use), as a second CommonJS
 * script beside the CLI's: a Markdown build never loads them, so the CLI script it reads and
 * compiles holds neither them nor linkedom, Readability, cssom, the lexicons... (2.2 -> ~1.3 MB).
 */
export const EXTRACT_SCRIPT = 'cli/extract.cjs';
/** The modules of src/ that EXTRACT_SCRIPT holds, with whatever they import that the CLI script does not. */
export const SPLIT_MODULES = ['src/extract/text/index.ts', 'src/extract/html/index.ts'];

/** Stands for `import.meta.url` of a src/ module until the output file it lands in is known. */
const MARK = /(["'])@@feedwright-url:([^"'@]+)@@\1/g;

/** Each src/ module's `import.meta.url` becomes a mark naming its compiled path (feeds/stylesheet.js). */
const metaUrl: Plugin = {
  name: 'feedwright-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(SRC + path.sep)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const compiled = path.relative(SRC, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(`@@feedwright-url:${compiled}@@`)), loader: 'ts' };
    });
  },
};

/**
 * htmlparser2: src/, sanitize-html and linkedom use its Parser alone. Every import or require of
 * the package is given a module that exports the ES build's Parser and nothing else: its index
 * also evaluated domutils, dom-serializer and their own older copy of `entities` (decoding its
 * tables) at start-up, ~10 ms of CPU a build never used, and sanitize-html (CommonJS) required
 * the CommonJS build besides (the same package twice, two copies of `entities`, ~250 KB). And
 * sanitize-html requires postcss at load, for style attributes, which our allowlist never keeps
 * (src/clean/sanitize.ts): postcss is required on first use instead, from node_modules (left out
 * of the bundle: ~200 KB of code, with source-map-js, that every process parsed and none ran).
 */
const dedupe: Plugin = {
  name: 'feedwright-dependencies',
  setup(b) {
    b.onResolve({ filter: /^htmlparser2$/ }, async (args) => {
      if (args.pluginData === 'esm') return undefined;
      const esm = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: 'esm' });
      if (esm.errors.length > 0) return undefined;
      return { path: 'htmlparser2', namespace: 'feedwright-parser', pluginData: path.join(path.dirname(esm.path), 'Parser.js') };
    });
    b.onResolve({ filter: /^postcss$/ }, (args) => {
      if (args.kind !== 'require-call' || !/[\\/]sanitize-html[\\/]/.test(args.importer)) return undefined;
      return { path: 'postcss', namespace: 'feedwright-lazy', pluginData: args.resolveDir };
    });
    // Resolved from sanitize-html's own folder at run time (its postcss, hoisted or not); not bundled.
    b.onLoad({ filter: /.*/, namespace: 'feedwright-lazy' }, (args) => ({
      contents: `let real; module.exports = { parse: (...a) => { real ??= require('node:module').createRequire(require.resolve('sanitize-html'))('postcss/lib/postcss'); return real.parse(...a); } };`,
      resolveDir: args.pluginData as string,
      loader: 'js',
    }));
    // The Parser is required on first use, as LAZY_DEPENDENCIES are: a Markdown build reads its
    // render with src/clean/html-text.ts's own scanner (directHtmlTexts) and never runs the parser,
    // and evaluating it decoded `entities`' tables (~10 ms of CPU, docs/BENCHMARKS.md r11-start).
    b.onLoad({ filter: /.*/, namespace: 'feedwright-parser' }, (args) => ({
      contents: `let real;\nObject.defineProperty(exports, 'Parser', { enumerable: true, get: () => (real ??= require(${JSON.stringify(args.pluginData as string)})).Parser });\n`,
      resolveDir: path.dirname(args.pluginData as string),
      loader: 'js',
    }));
  },
};

/**
 * Dependencies evaluated on first use instead of at start-up: every import of one gets a small
 * CommonJS module whose exports are getters that require the real, bundled module the first time
 * one is read. `yaml` reads front matter only when src/sources/front-matter.ts's own reader gives
 * up (lists of maps, anchors, block scalars; ~3.8 ms of CPU to evaluate), and date-fns's `parse`
 * reads only dates that are not ISO 8601 (src/extract/dates.ts; ~4 ms, its 36 parser classes):
 * a 50-article build of plain front matter with ISO dates needs neither. `picocolors`: its module
 * reads `process.stdout` at load (to test isTTY), which makes the stream (node:net and a socket on
 * a pipe) even in a build that prints nothing; src/cli/output.ts makes its colours on first use.
 * Only named imports are used of them (a default import would get the getters' object).
 */
export const LAZY_DEPENDENCIES = ['yaml', 'date-fns/parse', 'picocolors'];

/**
 * CommonJS dependencies whose export is a function, evaluated on first call: every `require` of
 * one gets a function that requires the real, bundled module and calls it (a property read
 * reads the real module's). `dayjs`: sanitize-html requires launder (for its URL check), which
 * requires dayjs at load for date helpers that sanitize-html never calls; evaluating dayjs was
 * ~4.3-4.7 ms of CPU of every build (docs/BENCHMARKS.md, r23-start), in each parse worker too.
 */
export const LAZY_CALLABLE_DEPENDENCIES = ['dayjs'];

/**
 * Modules of src/ evaluated on first use, the same way: every import of one gets the getters.
 * src/extract/dates.ts, the general date reader, evaluates the lexicons of 13 languages and their
 * patterns (~33 ms of CPU of a 50-article build, docs/BENCHMARKS.md r11-start); src/meta/dates.ts
 * needs it only for a front matter date that is not strict ISO, and the text and HTML readers
 * (themselves loaded by kind) for theirs. What every build needs of dates is src/meta/stated-dates.ts.
 */
export const LAZY_MODULES = ['src/extract/dates.ts'];

/**
 * The module that stands for a LAZY_CALLABLE_DEPENDENCIES module (`real`, its path): a function
 * that requires the real module on its first call (or property read) and calls it.
 */
export function lazyCallableStub(real: string): string {
  return `let real;\nconst load = () => (real ??= require(${JSON.stringify(real)}));\nmodule.exports = new Proxy(function () {}, { apply: (_t, self, args) => Reflect.apply(load(), self, args), construct: (_t, args) => Reflect.construct(load(), args), get: (_t, key) => load()[key], has: (_t, key) => key in load() });\n`;
}

const lazy: Plugin = {
  name: 'feedwright-lazy-dependencies',
  setup(b) {
    const filter = new RegExp(`^(?:${LAZY_DEPENDENCIES.map((d) => d.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, async (args) => {
      if (args.pluginData === 'lazy-real') return undefined;
      // The module an import statement gets (date-fns's ES build, not its .cjs copy), by its path.
      const real = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy-real' });
      if (real.errors.length > 0) return undefined;
      return { path: args.path, namespace: 'feedwright-lazy-dependency', pluginData: real.path };
    });
    const callable = new RegExp(`^(?:${LAZY_CALLABLE_DEPENDENCIES.map((d) => d.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: callable }, async (args) => {
      if (args.pluginData === 'lazy-real') return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy-real' });
      if (real.errors.length > 0) return undefined;
      return { path: args.path, namespace: 'feedwright-lazy-callable', pluginData: real.path };
    });
    b.onLoad({ filter: /.*/, namespace: 'feedwright-lazy-callable' }, (args) => ({
      contents: lazyCallableStub(args.pluginData as string),
      resolveDir: path.dirname(args.pluginData as string),
      loader: 'js',
    }));
    const modules = new Set(LAZY_MODULES.map((m) => path.join(ROOT, m)));
    const moduleFilter = new RegExp(`/(?:${LAZY_MODULES.map((m) => path.basename(m, '.ts').replace(/[.]/g, '\\$&')).join('|')})\\.js$`);
    b.onResolve({ filter: moduleFilter }, async (args) => {
      if (args.pluginData === 'lazy-real' || args.kind !== 'import-statement') return undefined;
      const real = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy-real' });
      if (real.errors.length > 0 || !modules.has(real.path)) return undefined;
      return { path: path.relative(ROOT, real.path).split(path.sep).join('/'), namespace: 'feedwright-lazy-dependency', pluginData: real.path };
    });
    b.onLoad({ filter: /.*/, namespace: 'feedwright-lazy-dependency' }, async (args) => {
      const real = args.pluginData as string;
      const names = Object.keys((await import(pathToFileURL(real).href)) as object).filter((n) => n !== 'default');
      return {
        contents: `let real;\nconst load = () => (real ??= require(${JSON.stringify(real)}));\nfor (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });\n`,
        resolveDir: path.dirname(real),
        loader: 'js',
      };
    });
  },
};

/** How the CLI script resolves a module it shares with EXTRACT_SCRIPT (its metafile key). */
interface SharedModule {
  path: string;
  namespace: string;
  pluginData?: unknown;
}

const relKey = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

/**
 * In the CLI script: every `import()` of a SPLIT_MODULES module gets that module from
 * EXTRACT_SCRIPT, through a registry (`feedwright-shared`) that runs the script once, on first use,
 * with bin/code-cache.cjs (its own code cache, per command), and hands it the modules in `shared`
 * as the CLI script's own instances (required on demand, so none is evaluated earlier than before).
 */
function splitReaders(shared: Map<string, SharedModule>): Plugin {
  const split = new Set(SPLIT_MODULES.map((m) => path.join(ROOT, m)));
  return {
    name: 'feedwright-split-readers',
    setup(b) {
      b.onResolve({ filter: /\/index\.js$/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'split-real') return undefined;
        const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'split-real' });
        if (real.errors.length > 0 || !split.has(real.path)) return undefined;
        return { path: relKey(real.path), namespace: 'feedwright-split' };
      });
      b.onLoad({ filter: /.*/, namespace: 'feedwright-split' }, (args) => ({
        contents: `module.exports = require('feedwright-shared').load(${JSON.stringify(args.path)});\n`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      b.onResolve({ filter: /^feedwright-shared$/ }, () => ({ path: 'registry', namespace: 'feedwright-shared' }));
      b.onResolve({ filter: /^feedwright-shared:/ }, (args) => {
        const module = shared.get(args.path.slice('feedwright-shared:'.length));
        if (module === undefined) throw new Error(`no shared module ${args.path}`);
        return { path: module.path, namespace: module.namespace, pluginData: module.pluginData };
      });
      // The launcher's cache runner, beside lib/ in the package (not bundled: bin/feedwright.js has the same instance).
      b.onResolve({ filter: /^feedwright-code-cache$/ }, () => ({ path: '../../bin/code-cache.cjs', external: true }));
      b.onLoad({ filter: /.*/, namespace: 'feedwright-shared' }, () => {
        // A file by its absolute path, resolved as every import of it is (see shareWithCli); a
        // plugin's module (a stub) by its key.
        const specifier = (k: string, m: SharedModule): string => (m.namespace === 'file' ? m.path : `feedwright-shared:${k}`);
        const modules = [...shared.entries()]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([k, m]) => `  ${JSON.stringify(k)}: () => require(${JSON.stringify(specifier(k, m))}),`)
          .join('\n');
        return {
          contents: `const modules = {\n${modules}\n};
let script;
exports.load = (entry) => {
  if (script === undefined) {
    const codeCache = require('feedwright-code-cache');
    const file = require('node:path').join(__dirname, ${JSON.stringify(path.basename(EXTRACT_SCRIPT))});
    script = codeCache.runCached(file, \`\${codeCache.firstRunTag() ?? 'cli'}-extract\`, { modules }).exports;
  }
  return script.entries[entry]();
};
`,
          resolveDir: ROOT,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * In EXTRACT_SCRIPT: its entry requires each SPLIT_MODULES module on demand; every import that
 * resolves to a module the CLI script holds (`inCli`, its metafile's inputs) becomes
 * `require('feedwright-core:<key>')` instead of a copy (two copies of a module would be two states:
 * the stated-offset map of src/meta/stated-dates.ts, classes that instanceof tells apart), and is
 * recorded in `shared` for the CLI script's registry.
 */
function shareWithCli(inCli: ReadonlySet<string>, shared: Map<string, SharedModule>): Plugin {
  return {
    name: 'feedwright-share-with-cli',
    setup(b) {
      b.onResolve({ filter: /^feedwright-extract$/ }, () => ({ path: 'entry', namespace: 'feedwright-extract' }));
      b.onLoad({ filter: /.*/, namespace: 'feedwright-extract' }, () => ({
        contents: `export const entries = {\n${SPLIT_MODULES.map((m) => `  ${JSON.stringify(m)}: () => require(${JSON.stringify(path.join(ROOT, m))}),`).join('\n')}\n};\n`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      b.onResolve({ filter: /.*/ }, async (args) => {
        // Only an import as written (other plugins' own look-ups carry their pluginData).
        if (args.pluginData !== undefined || args.kind === 'entry-point' || args.namespace === 'feedwright-extract') return undefined;
        const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'share-real' });
        if (real.errors.length > 0 || real.external) return undefined;
        const key = real.namespace === 'file' ? relKey(real.path) : `${real.namespace}:${real.path}`;
        // Not shared: resolved again as usual (a path a plugin returns loses its package's "type":
        // the module would be compiled without "use strict").
        if (!inCli.has(key)) return undefined;
        shared.set(key, { path: real.path, namespace: real.namespace, pluginData: real.pluginData });
        return { path: `feedwright-core:${key}`, external: true };
      });
    },
  };
}

function declarations(lib: string): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', lib], { stdio: 'inherit' });
}

/**
 * Bundle src/ into `lib` (a folder one level below the package root, beside package.json and
 * assets/, as lib/ is). Returns esbuild's metafile: which inputs each output holds, and what
 * each output imports.
 */
export async function bundle(lib: string): Promise<Metafile> {
  const common = {
    absWorkingDir: ROOT,
    outdir: lib,
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    // No keepNames: it wraps every function defined inside another in a `__name()` call that runs
    // each time the outer one does (2.6 % of a parse worker's CPU, 1.7 % of the main thread's, in
    // a 10k build's profile). Without minifying, esbuild renames only what collides across modules
    // (`parse2`), so stack traces still name functions; no code reads a function's `.name`.
    keepNames: false,
    // jsonc-parser's "main" is a UMD build whose factory requires its own files at run time, which
    // a bundle cannot hold ("Cannot find module './impl/format'"); its ES module build bundles. Of
    // that, only its parser (src/site/module-paths.ts imports `parse` alone, the same function as
    // main.js's): main.js also evaluates the formatter's string-intern tables at load, ~3.5 ms of
    // CPU of every build (docs/BENCHMARKS.md, r22-cold).
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/impl/parser.js' },
    plugins: [metaUrl, dedupe, lazy],
    metafile: true as const,
    write: false as const,
    logLevel: 'warning',
  } satisfies BuildOptions;
  const result = await build({
    ...common,
    entryPoints: ENTRIES,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: "import { createRequire as __feedwrightRequire } from 'node:module';\nconst require = __feedwrightRequire(import.meta.url);" },
  });
  // The CLI once more, as one CommonJS script (lib/cli/main.cjs) that bin/feedwright.js compiles
  // with a V8 code cache for the commands that parse (build, check, explain); see there. Its text
  // and HTML readers are a second script, lib/cli/extract.cjs (see splitReaders): built after a
  // first pass of the CLI script says which modules that one holds, the CLI script then once more
  // with the registry of the modules the readers share with it.
  const cjs = {
    ...common,
    format: 'cjs' as const,
    outExtension: { '.js': '.cjs' },
    // Without a code cache (a first run, a fresh CI runner) V8 parses the whole script: 2.4 -> 1.8 MB
    // without the whitespace took a 50-article first run 505 -> 469 ms of CPU (10 interleaved
    // runs each, docs/BENCHMARKS.md). Names stay, so stack traces still name functions.
    minifyWhitespace: true,
    // bin/feedwright.js (and the parse worker's loader) run these scripts in a vm.Script, which has
    // no loader for `import()`: every dynamic import (of a built-in or an external package) becomes a require.
    supported: { 'dynamic-import': false },
    // The postcss stub's require.resolve('sanitize-html') runs from lib/cli/, as intended; the
    // registry's require(id) is the script's own require (bin/code-cache.cjs).
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
    banner: { js: "const __feedwrightUrl = require('node:url').pathToFileURL(__filename).href;" },
  } satisfies BuildOptions;
  const cliEntry = { [CLI_SCRIPT.replace(/\.cjs$/, '')]: 'src/cli/main.ts' };
  const shared = new Map<string, SharedModule>();
  const first = await build({ ...cjs, entryPoints: cliEntry, write: false, plugins: [splitReaders(shared), ...common.plugins] });
  const inCli = new Set(Object.keys(first.metafile.inputs));
  const readers = await build({
    ...cjs,
    entryPoints: { [EXTRACT_SCRIPT.replace(/\.cjs$/, '')]: 'feedwright-extract' },
    // Not `lazy`: the readers evaluate the date reader anyway, and its real module is the CLI script's.
    plugins: [shareWithCli(inCli, shared), metaUrl, dedupe],
  });
  const cli = await build({ ...cjs, entryPoints: cliEntry, plugins: [splitReaders(shared), ...common.plugins] });
  const inFinal = new Set(Object.keys(cli.metafile.inputs));
  for (const key of shared.keys()) if (!inFinal.has(key)) throw new Error(`${EXTRACT_SCRIPT}: shares ${key}, which ${CLI_SCRIPT} does not hold`);
  // A module in both scripts would be two modules at run time (two states): never.
  const copied = Object.keys(readers.metafile.inputs).filter((k) => inFinal.has(k));
  if (copied.length > 0) throw new Error(`${EXTRACT_SCRIPT}: holds a copy of ${copied.join(', ')}, which ${CLI_SCRIPT} holds`);
  const worker = await build({ ...cjs, entryPoints: { [WORKER_SCRIPT.replace(/\.cjs$/, '')]: 'src/pipeline/parse-worker.ts' } });
  const scriptFiles = [...cli.outputFiles, ...readers.outputFiles, ...worker.outputFiles];
  const written = new Map<string, string>();
  for (const file of [...result.outputFiles, ...scriptFiles]) {
    const dir = path.dirname(file.path);
    const cjs = file.path.endsWith('.cjs');
    let text = file.text.replace(MARK, (_m, _q, compiled: string) => {
      let rel = path.relative(dir, path.join(lib, compiled)).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `new URL(${JSON.stringify(rel)}, ${cjs ? '__feedwrightUrl' : 'import.meta.url'}).href`;
    });
    if (text.includes('@@feedwright-url:')) throw new Error(`${file.path}: an import.meta.url mark was left in the output`);
    // The script's first line names its bytes: the launcher's code cache is keyed by it (V8 itself
    // checks only the source's length, not its text).
    if (cjs) text = asciiOnly(file.path, text);
    // Written inside the function bin/code-cache.cjs compiles a script as (SCRIPT_HEAD), so that it
    // compiles the text as read rather than a copy joined to the wrapper (see there).
    if (cjs) text = `${SCRIPT_HEAD}${text}${SCRIPT_TAIL}`;
    if (cjs) text = `// feedwright-cli ${createHash('sha256').update(text).digest('hex').slice(0, 32)}\n${text}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(file.path, text);
    written.set(path.relative(lib, file.path).split(path.sep).join('/'), text);
  }
  writeFileSync(path.join(lib, BUILD_ID_FILE), `${buildId(written)}\n`);
  return result.metafile;
}

/**
 * lib/build-id names the code in lib/: a hash of every file bundle() wrote (path and text), which
 * src/version.ts reads into CODE_ID. The caches are keyed by it, so results made by other code
 * (a git checkout of another commit with the same package version, a local edit) are never reused.
 */
export const BUILD_ID_FILE = 'build-id';

export function buildId(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) hash.update(`${name}\0${files.get(name)}\0`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The script with every non-ASCII code unit written as a `\uXXXX` escape (esbuild leaves them in
 * regular expression literals and comments, such as the lexicons' phrases). An ASCII script is a
 * one-byte string in V8, half the memory of a two-byte one for as long as the process runs, and
 * the launcher reads it as latin1, a plain copy. The escape means the same code unit in a string,
 * a template's cooked text and a regular expression (with or without the u flag, where two
 * escaped surrogates are one code point); it would not after a backslash, so that is refused.
 */
export function asciiOnly(file: string, text: string): string {
  const escaped = /\\[^\x00-\x7f]/.exec(text);
  if (escaped) throw new Error(`${file}: a non-ASCII character after a backslash at offset ${escaped.index}`);
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function printMeta(metafile: Metafile): void {
  for (const [out, meta] of Object.entries(metafile.outputs)) {
    const inputs = Object.entries(meta.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    process.stdout.write(`${out} ${(meta.bytes / 1024).toFixed(0)} KiB${meta.entryPoint ? ` (entry ${meta.entryPoint})` : ''}\n`);
    for (const [input, v] of inputs.slice(0, 8)) process.stdout.write(`    ${(v.bytesInOutput / 1024).toFixed(1).padStart(7)} KiB ${input}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lib = path.join(ROOT, 'lib');
  rmSync(lib, { recursive: true, force: true });
  declarations(lib);
  const metafile = await bundle(lib);
  if (process.argv.includes('--meta')) printMeta(metafile);
}
