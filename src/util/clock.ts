/**
 * Milliseconds from an arbitrary start, as `performance.now()` counts them, without `performance`:
 * its first read loads perf_hooks and its modules, ~3 ms of CPU at every start of the CLI
 * (docs/BENCHMARKS.md, r20-cold and r21-cold), for a clock that a build reads only to pace its
 * yields and time itself.
 */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
