import pc from 'picocolors';
import type { BuildResult } from '../build.js';
import { formatDiagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';

/** What the CLI talks to; tests pass fakes. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export interface Output {
  stdout(s: string): void;
  stderr(s: string): void;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  isTTY: boolean;
}

/** Colour only on a TTY, never with NO_COLOR (https://no-color.org), forced by --color. */
export function makeOutput(io: Io, argv: readonly string[]): Output {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const color = !argv.includes('--no-color') && (argv.includes('--color') || (!noColor && io.stderr.isTTY === true));
  const c = pc.createColors(color);
  return {
    stdout: (s) => void io.stdout.write(s),
    stderr: (s) => void io.stderr.write(s),
    red: c.red,
    yellow: c.yellow,
    green: c.green,
    dim: c.dim,
    bold: c.bold,
    isTTY: io.stderr.isTTY === true,
  };
}

/** Diagnostics grouped by file, errors first within a file, to stderr. */
export function printDiagnostics(out: Output, diagnostics: readonly Diagnostic[]): void {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.file ?? '';
    const list = byFile.get(key) ?? [];
    list.push(d);
    byFile.set(key, list);
  }
  for (const [, list] of byFile) {
    for (const d of list) {
      const text = formatDiagnostic(d);
      const colour = d.severity === 'error' ? out.red : d.severity === 'warning' ? out.yellow : out.dim;
      out.stderr(`${text.replace(` ${d.severity} `, ` ${colour(d.severity)} `)}\n`);
    }
  }
}

export function printBuildSummary(out: Output, result: BuildResult, seconds: number, quiet: boolean): void {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const written = result.files.filter((f) => f.status === 'written').length;
  const unchanged = result.files.filter((f) => f.status === 'unchanged').length;
  const c = result.counts;
  const extra = [c.drafts ? `${c.drafts} draft${c.drafts === 1 ? '' : 's'}` : '', c.held ? `${c.held} held (future)` : '', c.failed ? `${c.failed} failed` : ''].filter(Boolean).join(', ');
  const mark = errors > 0 ? out.red('✗') : out.green('✓');
  const line = `${mark} ${c.published} article${c.published === 1 ? '' : 's'} published${extra ? ` (${extra})` : ''}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${written} file${written === 1 ? '' : 's'} written, ${unchanged} unchanged; ${seconds.toFixed(2)} s\n`;
  if (!quiet || errors > 0) out.stderr(line);
}
