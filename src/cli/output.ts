import { createColors } from 'picocolors';
import type { BuildResult, ChangeSummary, ItemRef } from '../build.js';
import { formatDiagnostic, printable } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { nowMs } from '../util/clock.js';

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

/**
 * Colour only on a TTY, never with NO_COLOR (https://no-color.org), forced by --color.
 *
 * Decided on first use, as the colours are made: a build that prints nothing (`--quiet`) never
 * reads `io.stderr.isTTY`, which makes the process's stderr stream (on a pipe: node:net and a
 * socket), nor evaluates picocolors, whose module reads `process.stdout` at load (~3-4.5 ms of
 * CPU of a 50-article build together; docs/BENCHMARKS.md, r23-start). picocolors is one of the
 * bundle's lazy dependencies (scripts/bundle.ts `LAZY_DEPENDENCIES`).
 */
export function makeOutput(io: Io, argv: readonly string[]): Output {
  let colors: ReturnType<typeof createColors> | undefined;
  const paint = (): ReturnType<typeof createColors> => {
    if (colors === undefined) {
      const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
      const color = !argv.includes('--no-color') && (argv.includes('--color') || (!noColor && io.stderr.isTTY === true));
      colors = createColors(color);
    }
    return colors;
  };
  return {
    stdout: (s) => void io.stdout.write(s),
    stderr: (s) => void io.stderr.write(s),
    red: (s) => paint().red(s),
    yellow: (s) => paint().yellow(s),
    green: (s) => paint().green(s),
    dim: (s) => paint().dim(s),
    bold: (s) => paint().bold(s),
    get isTTY() {
      return io.stderr.isTTY === true;
    },
  };
}

/** Past this many diagnostics with one code, the rest are counted, not printed (`--json` lists all). */
export const REPEATS_SHOWN = 3;

/** Files named in the line that sums up a repeated warning. */
export const SAME_FILES_NAMED = 3;

/**
 * What makes two diagnostics "the same" across files: their code and message, without line
 * numbers, template tags by their names alone (`{% src 'a.jpg' %}` is `{% src %}`, as
 * `{{< figure src="b.png" >}}` is `{{< figure >}}`: the same shortcode in each post with its own
 * image), and a name repeated within the message counted once ("{{< newsletter >}} (line 49),
 * {{< newsletter >}} (line 287)" is the same as "{{< newsletter >}} (line 112)").
 */
export function sameKey(d: Diagnostic): string {
  const parts = d.message
    .replace(/ \(line \d+\)/g, '')
    .replace(/\{%-?\s*([\w-]+)[^%]*%\}/g, '{% $1 %}')
    .replace(/\{\{([<%])\s*(\/?[\w-]+)[^}]*[>%]\}\}/g, '{{$1 $2 $1}}')
    .replace(/\.$/, '')
    .split(/: |, /);
  return `${d.code}\n${[...new Set(parts)].join('\n')}`;
}

/**
 * Diagnostics to stderr, grouped by file (a blank line between files), errors first within a
 * file. A hint is printed once per code and file. Errors are always printed in full. A warning or
 * note that is the same (`sameKey`) in more than REPEATS_SHOWN files is printed once, for its
 * first file, followed by one line with the count and the next files' names (a shortcode removed
 * from every post: one warning, not forty). Past REPEATS_SHOWN other warnings or notes with the
 * same code, the others are summed up in one line. `--json` and `explain` keep every one.
 */
export function printDiagnostics(out: Output, diagnostics: readonly Diagnostic[]): void {
  const byFile = new Map<string, Diagnostic[]>();
  const same = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.file ?? '';
    const list = byFile.get(key) ?? [];
    list.push(d);
    byFile.set(key, list);
    if (d.severity === 'error' || !d.file) continue;
    const k = sameKey(d);
    const group = same.get(k) ?? [];
    group.push(d);
    same.set(k, group);
  }
  // The first of each large group stands for the group; the others are not printed.
  const standsFor = new Map<Diagnostic, Diagnostic[]>();
  const folded = new Set<Diagnostic>();
  for (const group of same.values()) {
    const files = new Set(group.map((d) => d.file));
    if (files.size <= REPEATS_SHOWN) continue;
    standsFor.set(group[0] as Diagnostic, group);
    for (const d of group.slice(1)) folded.add(d);
  }
  const shown = new Map<string, number>();
  const hidden = new Map<string, { count: number; severity: Diagnostic['severity']; files: Set<string> }>();
  let first = true;
  for (const [file, list] of byFile) {
    const hinted = new Set<string>();
    let printed = false;
    for (const d of [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])) {
      if (folded.has(d)) continue;
      const group = standsFor.get(d);
      const count = (shown.get(d.code) ?? 0) + (group ? 0 : 1);
      if (!group && d.severity !== 'error' && count > REPEATS_SHOWN) {
        const h = hidden.get(d.code) ?? { count: 0, severity: d.severity, files: new Set<string>() };
        h.count++;
        h.files.add(file);
        hidden.set(d.code, h);
        continue;
      }
      shown.set(d.code, count);
      if (!printed && !first) out.stderr('\n');
      printed = true;
      first = false;
      const text = formatDiagnostic(hinted.has(d.code) ? withoutHint(d) : d);
      hinted.add(d.code);
      const colour = d.severity === 'error' ? out.red : d.severity === 'warning' ? out.yellow : out.dim;
      out.stderr(`${text.replace(` ${d.severity} `, ` ${colour(d.severity)} `)}\n`);
      if (group) out.stderr(`${out.dim(sameLine(d, group))}\n`);
    }
  }
  for (const [code, h] of hidden) {
    const files = [...h.files].filter(Boolean);
    const where = files.length > 0 ? ` in ${files.length} file${files.length === 1 ? '' : 's'}` : '';
    out.stderr(`${out.dim(`… and ${h.count} more ${h.severity === 'warning' ? 'warning' : 'note'}${h.count === 1 ? '' : 's'} ${code}${where} (--json lists them all)`)}\n`);
  }
}

/** The line under the one printed warning of a group: how many more files, the next few by name, how to see all. */
function sameLine(d: Diagnostic, group: readonly Diagnostic[]): string {
  const others = [...new Set(group.map((g) => g.file ?? ''))].filter((f) => f !== d.file);
  const named = others.slice(0, SAME_FILES_NAMED).map(printable).join(', ');
  const more = others.length > SAME_FILES_NAMED ? `, … (${others.length - SAME_FILES_NAMED} more)` : '';
  const kind = d.severity === 'warning' ? 'warning' : 'note';
  return `  … the same ${kind} ${d.code} in ${others.length} more file${others.length === 1 ? '' : 's'}: ${named}${more}; --json lists each, \`feedwright explain <file>\` shows one`;
}

const SEVERITY_ORDER: Readonly<Record<Diagnostic['severity'], number>> = { error: 0, warning: 1, note: 2 };

function withoutHint(d: Diagnostic): Diagnostic {
  const { hint: _hint, ...rest } = d;
  return rest;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What a build prints (`build`, and each build of `build --watch`): its diagnostics and change
 * summary, or with `quiet` ("Print only errors") its errors alone, then the one-line summary.
 */
export function printBuildReport(out: Output, result: BuildResult, seconds: number, quiet: boolean, dryRun = false): void {
  if (!quiet) {
    printDiagnostics(out, result.diagnostics);
    out.stderr(formatChanges(out, result.changes));
  } else printDiagnostics(out, result.diagnostics.filter((d) => d.severity === 'error'));
  printBuildSummary(out, result, seconds, quiet, dryRun);
}

/** The one-line summary: articles, errors, warnings, files written/unchanged, seconds. */
export function printBuildSummary(out: Output, result: BuildResult, seconds: number, quiet: boolean, dryRun = false): void {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const written = result.files.filter((f) => f.status === 'written').length;
  const unchanged = result.files.filter((f) => f.status === 'unchanged').length;
  const c = result.counts;
  const extra = [c.drafts ? plural(c.drafts, 'draft') : '', c.held ? `${c.held} held (future)` : '', c.sections ? `${c.sections} not ${c.sections === 1 ? 'a post' : 'posts'} (listing pages or files the site leaves out: META_NOT_A_POST notes say which)` : '', c.failed ? `${c.failed} failed` : ''].filter(Boolean).join(', ');
  // Nothing else is touched when nothing is printed: not even the colours (makeOutput).
  if (quiet && errors === 0) return;
  const mark = errors > 0 ? out.red('✗') : out.green('✓');
  const removed = result.removedFiles?.length ? `, ${result.removedFiles.length} removed` : '';
  // A dry run writes and compares no file: "0 files written, 0 unchanged" would read as an empty output.
  const files = dryRun ? 'dry run: no file written' : `${plural(written, 'file')} written, ${unchanged} unchanged${removed}`;
  out.stderr(`${mark} ${c.published} article${c.published === 1 ? '' : 's'} ${dryRun ? 'to publish' : 'published'}${extra ? ` (${extra})` : ''}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${files}; ${seconds.toFixed(2)} s\n`);
}

/** Items listed per kind of change; the rest are counted. */
export const CHANGES_LISTED = 10;

/**
 * The change summary, as a CI log shows it: "2 new, 1 updated, 0 removed" and one line per item
 * (+ new, ~ updated, - removed).
 */
export function formatChanges(out: Output, changes: ChangeSummary): string {
  const head = `${changes.added.length} new, ${changes.updated.length} updated, ${changes.removed.length} removed${changes.previous ? '' : ' (no previous feed to compare with)'}`;
  const lines = [head];
  const list = (mark: string, colour: (s: string) => string, items: readonly ItemRef[]): void => {
    for (const item of items.slice(0, CHANGES_LISTED))
      lines.push(`  ${colour(mark)} ${oneLine(item.title) || printable(item.id)}${item.url ? out.dim(` ${printable(item.url)}`) : ''}`);
    if (items.length > CHANGES_LISTED) lines.push(`  ${colour(mark)} … and ${items.length - CHANGES_LISTED} more`);
  };
  list('+', out.green, changes.added);
  list('~', out.yellow, changes.updated);
  list('-', out.red, changes.removed);
  return `${lines.join('\n')}\n`;
}

/** One printable line of at most 100 characters (whitespace runs squashed, controls escaped). */
export function oneLine(s: string, max = 100): string {
  const t = printable(s.replace(/\s+/g, ' ').trim());
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * A progress bar on stderr for builds that take more than a second: drawn only on a TTY, only
 * after `delayMs`, at most every 80 ms, and erased when done. Returns the onProgress callback.
 */
export function makeProgress(
  out: Output,
  startedMs: number,
  now: () => number = nowMs,
  delayMs = 1000,
): { update: (done: number, total: number) => void; clear: () => void } {
  let drawn = false;
  let last = 0;
  return {
    update(done, total) {
      const t = now();
      if (!out.isTTY || t - startedMs < delayMs || t - last < 80 || total === 0) return;
      last = t;
      const width = 24;
      const filled = Math.round((done / total) * width);
      out.stderr(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} articles`);
      drawn = true;
    },
    clear() {
      if (drawn) out.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}
