#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in lib/ (built by `npm run compile` = scripts/bundle.ts, run on
// install by `prepare`).
import module from 'node:module';

// Node >= 22.1 keeps V8's compiled code of the CLI and its dependencies on disk (in the OS temp
// folder) between runs: start-up then skips compiling ~150 modules. A no-op on older Node, and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const { main } = await import('../lib/cli/main.js');

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
