'use strict';
// Runs one of the bundled CommonJS scripts (lib/cli/main.cjs, lib/pipeline/parse-worker.cjs) with a
// V8 code cache. Used by the launcher (bin/feedwright.js) and by the parse pool's worker loader
// (src/pipeline/parse-pool.ts); plain CommonJS so that both load it with a bare require().
//
// Node 20 compiles ES modules afresh in every process (module loading and compiling was ~0.1 s
// of CPU of a 50-article build), so the commands that parse run the CLI bundled as one script,
// compiled here with V8's bytecode of every function the earlier runs compiled. The cache lives
// in the OS temp folder, keyed by the Node version, the arch, the script's hash (its first line,
// `// feedwright-cli <hash>`, written by scripts/bundle.ts: V8 itself checks only the source's
// length) and a tag (the command, or 'worker': a cache written by `check` would hold none of a
// build's functions).
//
// The cache is written twice. The first run of a script writes `<key>.1.bin`, holding what that
// run compiled; a first run that did little (a build with nothing to render, one that failed)
// would otherwise leave a short cache for good, and every later run would compile the rest afresh.
// The second run loads it, compiles what it lacked, and writes `<key>.bin`, the union of both;
// every later run only reads. A cache V8 rejects (other V8 flags, a damaged file) is compiled
// afresh and starts again at the first stage. Writing is best effort: a read-only temp folder
// only costs the speed. NODE_DISABLE_COMPILE_CACHE=1 turns the cache off.
//
// A script may load a second one on first use (lib/cli/main.cjs loads lib/cli/extract.cjs, the text
// and HTML readers, when a text or HTML article appears; scripts/bundle.ts): it runs it here too,
// giving `options.modules`, the modules the two share. The second script requires them as
// `feedwright-core:<key>` and gets the first script's own instances, never a copy of its own.

const { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/** The folder of the caches, below the OS temp folder. */
const CACHE_FOLDER = 'feedwright-compile-cache';

/** The tag of the first script this thread ran (the command): a script it loads later is cached per command too. */
let firstTag;
/** The `save` of every script this thread ran, for saveAll(). */
const saves = [];

/** The function a script is compiled as (as Node's loader wraps a CommonJS module). */
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

/**
 * The source to compile: the script as read when it comes wrapped already (scripts/bundle.ts writes
 * its scripts so after their first line), else wrapped here. A wrapper joined to the text gives V8 a
 * cons string that it flattens, a copy of the whole script, before compiling.
 */
function wrapped(source) {
  return source.startsWith(HEAD, source.indexOf('\n') + 1) && source.endsWith(TAIL) ? source : `${HEAD}${source}${TAIL}`;
}

/** Read all of `file` into `buffer` when it fits (else into a new one): the bytes read, as a view of the buffer used. */
function readInto(file, buffer) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const into = buffer !== undefined && buffer.length >= size ? buffer : Buffer.allocUnsafeSlow(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, into, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return into.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** The hash on a bundled script's first line, or undefined (then there is no cache). */
function scriptKey(source) {
  return /^\/\/ feedwright-cli ([0-9a-f]+)\n/.exec(source)?.[1];
}

/**
 * Compile and run `file` as a CommonJS module, through the code cache named by `tag`.
 * Returns the module's exports and `save()`, which writes the cache if this run is one that
 * should (the first of a script, or the second, or one whose cache was rejected): call it once
 * the functions worth caching have run. It never throws and writes at most once.
 * `options.env` and `options.tmpdir` stand for process.env and os.tmpdir() (tests);
 * `options.modules` maps the keys of modules the script requires as `feedwright-core:<key>` to
 * functions that return them (a script that another one loads; see above).
 */
function runCached(file, tag, options = {}) {
  const env = options.env ?? process.env;
  firstTag ??= tag;
  // The script is ASCII (scripts/bundle.ts escapes the rest): latin1 reads it exactly, as a one-byte string.
  const bytes = readInto(file);
  const source = bytes.toString('latin1');
  const key = scriptKey(source);
  const base =
    key !== undefined && env.NODE_DISABLE_COMPILE_CACHE === undefined
      ? path.join(options.tmpdir ?? os.tmpdir(), CACHE_FOLDER, `${process.version}-${process.arch}-${key}-${tag}`)
      : undefined;
  let cachedData;
  let loaded; // the file the cache came from
  if (base !== undefined) {
    for (const candidate of [`${base}.bin`, `${base}.1.bin`]) {
      // Into the script's buffer, free once its text is a string: on this project's machine a page
      // of memory touched for the first time costs ~13 µs (a page fault), and a buffer of its own
      // for the cache (~1.3 MB) was ~330 more of them (docs/BENCHMARKS.md, r23-start).
      try {
        cachedData = readInto(candidate, bytes);
        loaded = candidate;
        break;
      } catch {
        // Not written yet: the next stage, or compiled afresh and written after the run.
      }
    }
  }
  const script = new vm.Script(wrapped(source), { filename: file, cachedData });
  let to;
  if (base !== undefined) {
    if (cachedData === undefined || script.cachedDataRejected) to = `${base}.1.bin`;
    else if (loaded === `${base}.1.bin`) to = `${base}.bin`;
  }
  const save = () => {
    if (to === undefined) return;
    const target = to;
    to = undefined;
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      // Unique per thread (workers of one process may save at once); `wx` refuses a clash.
      const temp = `${target}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, script.createCachedData(), { flag: 'wx' });
      renameSync(temp, target);
      if (loaded !== undefined && loaded !== target) rmSync(loaded, { force: true });
    } catch {
      // Best effort: without a cache the next run compiles afresh, as this one did.
    }
  };
  saves.push(save);
  const cjs = { exports: {} };
  script.runInThisContext()(cjs.exports, scriptRequire(file, options.modules), cjs, file, path.dirname(file));
  return { exports: cjs.exports, save };
}

/** The script's `require`: Node's, relative to the script, and the shared modules as `feedwright-core:<key>`. */
function scriptRequire(file, modules) {
  const base = createRequire(file);
  if (modules === undefined) return base;
  const prefix = 'feedwright-core:';
  const req = (id) => {
    if (!id.startsWith(prefix)) return base(id);
    const get = modules[id.slice(prefix.length)];
    if (get === undefined) throw new Error(`${file}: no shared module ${id}`);
    return get();
  };
  return Object.assign(req, { resolve: base.resolve, cache: base.cache });
}

/** The tag of the first script run in this thread, or undefined. */
function firstRunTag() {
  return firstTag;
}

/** save() of every script run in this thread (the CLI script and what it loaded): call once the build has run. */
function saveAll() {
  for (const save of saves) save();
}

module.exports = { CACHE_FOLDER, firstRunTag, runCached, saveAll, scriptKey };
