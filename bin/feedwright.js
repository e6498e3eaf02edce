#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in lib/ (built by `npm run compile` = scripts/bundle.ts, run on
// install by `prepare`).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * bytecode of every function the first run compiled, kept in the OS temp folder and keyed by the
 * Node version, the script's hash (its first line) and the command (a cache written by `check`
 * would hold none of a build's functions). A cache V8 rejects (other flags) or cannot
 * read is compiled afresh and written again; writing is best effort (a read-only temp folder only
 * costs the speed). --version, --help and init load the small ES module entry instead: deserialising
 * the whole cache would cost them more than it saves. NODE_DISABLE_COMPILE_CACHE=1 turns the cache off.
 */
function compile(file) {
  // The script is ASCII (scripts/bundle.ts escapes the rest): latin1 reads it exactly, as a one-byte string.
  const source = readFileSync(file, 'latin1');
  const key = /^\/\/ feedwright-cli ([0-9a-f]+)\n/.exec(source)?.[1];
  const cacheFile = key !== undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined ? path.join(tmpdir(), 'feedwright-compile-cache', `${process.version}-${process.arch}-${key}-${argv[0]}.bin`) : undefined;
  let cachedData;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet (first run of this script with this Node): compiled afresh, written after the run.
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  return { script, cacheFile: cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected) ? cacheFile : undefined };
}

async function runScript() {
  const file = fileURLToPath(new URL('../lib/cli/main.cjs', import.meta.url));
  const { script, cacheFile } = compile(file);
  const cjs = { exports: {} };
  script.runInThisContext()(cjs.exports, module.createRequire(file), cjs, file, path.dirname(file));
  process.exitCode = await cjs.exports.main(argv, io);
  if (cacheFile !== undefined) {
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
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
