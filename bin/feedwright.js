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
const io = {
  cwd: process.cwd(),
  env: process.env,
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
};

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
    // Done: every file is written and closed, and what was printed went out already (writes to
    // stdout and stderr are synchronous on POSIX, whatever they are: a file, a pipe, a terminal;
    // on Windows a pipe's are not). process.exit() leaves out the teardown of a normal exit: the
    // heap freed page by page, the platform's background tasks waited for (~20-30 ms of CPU of a
    // 50-article build, more of a 10k one; docs/BENCHMARKS.md, r23-start).
    if (process.platform !== 'win32') process.exit(code);
    return code;
  }
  const { main } = await import('../lib/cli/main.js');
  return main(argv, io);
}

launch().then((code) => {
  process.exitCode = code;
});
