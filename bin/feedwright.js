#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in lib/ (built by `npm run compile`, run on install by `prepare`).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
