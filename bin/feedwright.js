#!/usr/bin/env node
'use strict';
// Thin launcher: the bundled CLI lives in lib/ (built by `npm run compile` = scripts/bundle.ts, run on
// install by `prepare`). CommonJS (bin/package.json), not an ES module: Node then never starts its
// ES module loader for a build (~10 ms of CPU per process).

// Node >= 22.1 keeps V8's compiled code of the modules on disk (in the OS temp folder) between
// runs. A no-op on Node 20, and NODE_DISABLE_COMPILE_CACHE=1 turns it off.
require('node:module').enableCompileCache?.();

const argv = process.argv.slice(2);
// The streams are made on first use: a build that prints nothing to stdout (--quiet) never makes
// it (process.stdout on a pipe loads net and makes a socket, ~1.5 ms of CPU at start).
// Which of them the command made: only those can hold output not yet written (see below).
const made = { stdout: false, stderr: false };
const io = {
  cwd: process.cwd(),
  env: process.env,
  get stdout() {
    made.stdout = true;
    return process.stdout;
  },
  get stderr() {
    made.stderr = true;
    return process.stderr;
  },
};

/**
 * Whether printed output is still queued: writes to a pipe are asynchronous on POSIX (Node, "A note
 * on process I/O"), so `build --json | jq` may still hold what the reader has not taken yet, which
 * process.exit() would drop. Files and terminals are written at once.
 */
function outputPending() {
  return (made.stdout && process.stdout.writableLength > 0) || (made.stderr && process.stderr.writableLength > 0);
}

async function launch() {
  const first = argv[0];
  if (first === '--version' || first === '-v' || first === 'version') {
    // What src/cli/main.ts prints, without loading it (test/cli/bundle.test.ts compares both).
    const { version } = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'package.json'), 'utf8'));
    process.stdout.write(`feedwright ${version}\n`);
    return 0;
  }
  // The commands that parse (build, check, explain) load ~2 MB of code: they run the CLI bundled as
  // one CommonJS script, lib/cli/main.cjs, through a V8 code cache per command (bin/code-cache.cjs).
  // --help and init load the small ES module entry instead: deserialising the whole cache would
  // cost them more than it saves.
  if ((first === 'build' || first === 'check' || first === 'explain') && !argv.includes('--help') && !argv.includes('-h')) {
    const codeCache = require('./code-cache.cjs');
    const { exports } = codeCache.runCached(require('node:path').join(__dirname, '..', 'lib', 'cli', 'main.cjs'), first);
    const code = await exports.main(argv, io);
    // The CLI script's cache, and that of lib/cli/extract.cjs when the build loaded it.
    codeCache.saveAll();
    // Done: every file is written and closed. When what was printed has gone out too (on Windows a
    // pipe's writes may still be in flight: not there), process.exit() leaves out the teardown of a
    // normal exit: the heap freed page by page, the platform's background tasks waited for (~20-30
    // ms of CPU of a 50-article build, more of a 10k one; docs/BENCHMARKS.md, r23-start). Output
    // still queued for a pipe makes it a normal exit, which writes it all first.
    if (process.platform !== 'win32' && !outputPending()) process.exit(code);
    return code;
  }
  const { main } = await import('../lib/cli/main.js');
  return main(argv, io);
}

launch().then((code) => {
  process.exitCode = code;
});
