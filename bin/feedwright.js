#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in lib/ (built by `npm run compile` = scripts/bundle.ts, run on
// install by `prepare`).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// Node >= 22.1 keeps V8's compiled code of the ES modules on disk (in the OS temp folder) between
// runs. A no-op on Node 20, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const argv = process.argv.slice(2);
const io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };

/**
 * The commands that parse (build, check, explain) load ~2 MB of code. Node 20 compiles ES modules
 * afresh in every process (with the module loading, ~0.1 s of CPU of a 50-article build), so these commands run the CLI
 * bundled as one CommonJS script (lib/cli/main.cjs), compiled here with a V8 code cache: V8's
 * bytecode of every function the first runs compiled, kept in the OS temp folder and keyed by the
 * Node version, the script's hash (its first line) and the command (a cache written by `check`
 * would hold none of a build's functions).
 *
 * The cache is written twice. The first run of a script writes `<key>.1.bin`, holding what that
 * run compiled; a first run that did little (a build with nothing to render, one that failed) or
 * whose cache came out short would otherwise slow every later run, which compiles the rest
 * afresh each time. The second run loads it, compiles what it lacked, and writes `<key>.bin`, the
 * union of both (~10 ms once); every later run only reads. A cache V8 rejects (other V8 flags)
 * is compiled afresh and starts again at the first stage. Writing is best effort (a read-only
 * temp folder only costs the speed). --version, --help and init load the small ES module entry
 * instead: deserialising the whole cache would cost them more than it saves.
 * NODE_DISABLE_COMPILE_CACHE=1 turns the cache off.
 */
function compile(file) {
  // The script is ASCII (scripts/bundle.ts escapes the rest): latin1 reads it exactly, as a one-byte string.
  const source = readFileSync(file, 'latin1');
  const key = /^\/\/ feedwright-cli ([0-9a-f]+)\n/.exec(source)?.[1];
  const base =
    key !== undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined
      ? path.join(tmpdir(), 'feedwright-compile-cache', `${process.version}-${process.arch}-${key}-${argv[0]}`)
      : undefined;
  let cachedData;
  let loaded; // the file the cache came from
  if (base !== undefined) {
    for (const candidate of [`${base}.bin`, `${base}.1.bin`]) {
      try {
        cachedData = readFileSync(candidate);
        loaded = candidate;
        break;
      } catch {
        // Not written yet: the next stage, or compiled afresh and written after the run.
      }
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  let write;
  if (base !== undefined) {
    if (cachedData === undefined || script.cachedDataRejected) write = { to: `${base}.1.bin`, drop: loaded };
    else if (loaded === `${base}.1.bin`) write = { to: `${base}.bin`, drop: loaded };
  }
  return { script, write };
}

async function runScript() {
  const file = fileURLToPath(new URL('../lib/cli/main.cjs', import.meta.url));
  const { script, write } = compile(file);
  const cjs = { exports: {} };
  script.runInThisContext()(cjs.exports, module.createRequire(file), cjs, file, path.dirname(file));
  process.exitCode = await cjs.exports.main(argv, io);
  if (write !== undefined) {
    try {
      mkdirSync(path.dirname(write.to), { recursive: true });
      const temp = `${write.to}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, write.to);
      if (write.drop !== undefined && write.drop !== write.to) rmSync(write.drop, { force: true });
    } catch {
      // Best effort: without a cache the next run compiles afresh, as this one did.
    }
  }
}

const PARSES = new Set(['build', 'check', 'explain']);
if (PARSES.has(argv[0]) && !argv.includes('--help') && !argv.includes('-h')) await runScript();
else {
  const { main } = await import('../lib/cli/main.js');
  process.exitCode = await main(argv, io);
}
