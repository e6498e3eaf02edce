import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { BuildResult } from '../build.js';
import { printable } from '../diagnostics.js';
import { EXIT, exitCodeOf, FeedwrightError, fatal } from '../errors.js';
import type { Explanation } from '../explain.js';
import type { LineScore } from '../model.js';
import type { PingResult } from '../publish/websub.js';
import { nowMs } from '../util/clock.js';
import { didYouMean } from '../util/text.js';
import { VERSION } from '../version.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { type Io, makeOutput, makeProgress, type Output, printBuildReport, printDiagnostics } from './output.js';

// Each command imports what it runs when it runs: `--version` and `--help` load no pipeline at
// all, `check` no parser or feed writer, and `build` neither `explain` nor the WebSub client.

export type { Io } from './output.js';

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string', short: 'c' },
  quiet: { type: 'boolean', short: 'q' },
  json: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const OPTIONS = {
  build: {
    ...COMMON,
    articles: { type: 'string', short: 'a' },
    out: { type: 'string', short: 'o' },
    watch: { type: 'boolean', short: 'w' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    ping: { type: 'boolean' },
    site: { type: 'string' },
    'verify-links': { type: 'string' },
  },
  check: { ...COMMON, strict: { type: 'boolean' } },
  explain: { ...COMMON, articles: { type: 'string', short: 'a' }, site: { type: 'string' }, verbose: { type: 'boolean' } },
  init: { ...COMMON, articles: { type: 'string', short: 'a' }, force: { type: 'boolean' } },
} as const satisfies Record<string, ParseArgsConfig['options']>;

type Command = keyof typeof OPTIONS;

/**
 * The CLI entry: parse arguments, run one command, print, and return the exit code.
 * The only place that prints; the library never exits or writes to the terminal.
 * Exit codes: 0 written (warnings allowed), 1 content errors, 2 usage or config error, 70 internal error.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  const out = makeOutput(io, argv);
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !(topic in COMMAND_HELP)) {
      out.stderr(`feedwright help: unknown command "${printable(topic)}".\n\n${MAIN_HELP}`);
      return EXIT.USAGE_OR_CONFIG;
    }
    // No command at all is a usage error: the help goes to stderr so scripts see an empty stdout.
    if (first === undefined) out.stderr(MAIN_HELP);
    else out.stdout(topic ? COMMAND_HELP[topic as Command] : MAIN_HELP);
    return first === undefined ? EXIT.USAGE_OR_CONFIG : EXIT.OK;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    out.stdout(`feedwright ${VERSION}\n`);
    return EXIT.OK;
  }
  if (!(first in OPTIONS)) {
    const guess = didYouMean(first, Object.keys(OPTIONS));
    out.stderr(`feedwright: unknown command "${printable(first)}".${guess ? ` Did you mean "${guess}"?` : ''}\n\n${MAIN_HELP}`);
    return EXIT.USAGE_OR_CONFIG;
  }
  const command = first as Command;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: optionalValue(rest, '--verify-links', VERIFY_FROM_PRESET),
      options: OPTIONS[command],
      allowPositionals: command === 'check' || command === 'explain',
      strict: true,
    });
  } catch (error) {
    // A mistyped option gets the nearest one of this command, as a mistyped command does.
    const unknown = /^Unknown option '--([^'=]+)/.exec((error as Error).message)?.[1];
    const guess = unknown ? didYouMean(unknown, Object.keys(OPTIONS[command])) : undefined;
    const message = guess ? `unknown option "--${unknown}". Did you mean "--${guess}"?` : (error as Error).message;
    out.stderr(`feedwright ${command}: ${printable(message)}\nRun \`feedwright ${command} --help\` for the options.\n`);
    return EXIT.USAGE_OR_CONFIG;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    out.stdout(COMMAND_HELP[command]);
    return EXIT.OK;
  }
  try {
    switch (command) {
      case 'build':
        return await runBuild(values, io, out);
      case 'check': {
        if (parsed.positionals.length === 0) {
          out.stderr('feedwright check: name the feed files or folders to check, e.g. `feedwright check dist`.\n');
          return EXIT.USAGE_OR_CONFIG;
        }
        const { checkPaths } = await import('../validate/index.js');
        const diagnostics = await checkPaths(parsed.positionals, { strict: values.strict === true });
        if (values.json) out.stdout(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
        else {
          printDiagnostics(out, diagnostics);
          const errors = diagnostics.filter((d) => d.severity === 'error').length;
          const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
          if (!values.quiet)
            out.stderr(
              `${errors === 0 ? out.green('✓') : out.red('✗')} checked ${printable(parsed.positionals.join(', '))}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
            );
        }
        return diagnostics.some((d) => d.severity === 'error') ? EXIT.CONTENT_ERRORS : EXIT.OK;
      }
      case 'explain': {
        if (parsed.positionals.length === 0) {
          out.stderr('feedwright explain: name the article files to explain, e.g. `feedwright explain articles/post.md`.\n');
          return EXIT.USAGE_OR_CONFIG;
        }
        const { explain } = await import('../explain.js');
        const verbose = values.verbose === true;
        const results = await explain(parsed.positionals, { cwd: io.cwd, ...opt('configFile', values.config), ...opt('articles', values.articles), ...opt('site', values.site), verbose });
        if (values.json) out.stdout(`${JSON.stringify(results, null, 2)}\n`);
        else {
          const formatScore = verbose ? (await import('../extract/text/model.js')).formatLineScore : undefined;
          for (const r of results) out.stdout(renderExplanation(r, out, formatScore));
        }
        return results.some((r) => r.status === 'error') ? EXIT.CONTENT_ERRORS : EXIT.OK;
      }
      case 'init': {
        const { init } = await import('./init.js');
        return await init(io, out, values.force === true, typeof values.articles === 'string' ? values.articles : undefined);
      }
    }
  } catch (caught) {
    let error = caught;
    if (error instanceof FeedwrightError && error.code === 'ARTICLES_MISSING' && values.articles === undefined && values.config === undefined && error.file) {
      // Run in a site's root without a config: say where its posts are and how to build them.
      const { siteSetup } = await import('./init.js');
      const site = siteSetup(io.cwd);
      if (site) error = fatal('ARTICLES_MISSING', { folder: error.file, site }, error.file);
    }
    if (error instanceof FeedwrightError) {
      if (values.json) out.stdout(`${JSON.stringify({ error: { code: error.code, message: error.message, hint: error.hint, file: error.file, line: error.line } }, null, 2)}\n`);
      else out.stderr(`${out.red('error')} ${error.code} ${printable(error.message)}\n${error.hint ? `  hint: ${printable(error.hint)}\n` : ''}`);
      return exitCodeOf(error.code);
    }
    out.stderr(`feedwright: internal error (a bug): ${(error as Error).stack ?? String(error)}\nPlease report it with the input that triggers it.\n`);
    return EXIT.INTERNAL;
  }
}

function opt<K extends string>(key: K, value: string | boolean | undefined): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}

async function runBuild(values: Record<string, string | boolean | undefined>, io: Io, out: Output): Promise<number> {
  const verify = values['verify-links'];
  const options = {
    cwd: io.cwd,
    ...opt('configFile', values.config),
    ...opt('articles', values.articles),
    ...opt('out', values.out),
    ...opt('site', values.site),
    ...(typeof verify === 'string' ? { verifyLinks: verify === VERIFY_FROM_PRESET ? (true as const) : verify } : {}),
    dryRun: values['dry-run'] === true,
    force: values.force === true,
  };
  if (values.watch) {
    const { watch } = await import('./watch.js');
    return watch(options, out, values);
  }
  const started = nowMs();
  const { build } = await import('../build.js');
  const progress = !values.quiet && !values.json ? makeProgress(out, started, nowMs) : undefined;
  let result: BuildResult;
  try {
    result = await build(progress ? { ...options, onProgress: progress.update } : options);
  } finally {
    progress?.clear();
  }
  const seconds = (nowMs() - started) / 1000;
  const ping = values.ping ? await runPing(result, values['dry-run'] === true) : undefined;
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  if (values.json) {
    out.stdout(`${JSON.stringify(buildJson(result, seconds, ping), null, 2)}\n`);
  } else {
    printBuildReport(out, result, seconds, values.quiet === true, options.dryRun);
    if (ping) printPing(out, ping, values.quiet === true);
  }
  return errors ? EXIT.CONTENT_ERRORS : EXIT.OK;
}

/**
 * `build --json`: one object on stdout. Stable keys: ok, counts, changes, written, unchanged,
 * removed, files, feeds, diagnostics, seconds, and ping (with --ping).
 */
export function buildJson(result: BuildResult, seconds: number, ping?: PingReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ok: !result.diagnostics.some((d) => d.severity === 'error'),
    counts: result.counts,
    changes: result.changes,
    written: result.files.filter((f) => f.status === 'written').length,
    unchanged: result.files.filter((f) => f.status === 'unchanged').length,
    removed: result.removedFiles,
    files: result.files,
    feeds: result.feeds,
    diagnostics: result.diagnostics,
    seconds: Number(seconds.toFixed(3)),
  };
  if (ping) out.ping = ping;
  return out;
}

/** What `--ping` did: skipped (and why), or each hub's answer per feed URL. */
export interface PingReport {
  skipped?: string;
  results: PingResult[];
}

/** WebSub: announce the feeds that were rewritten (not archive pages, which carry no hub link). */
async function runPing(result: BuildResult, dryRun: boolean): Promise<PingReport> {
  if (result.config.hubs.length === 0) return { skipped: 'the config names no "hubs"', results: [] };
  if (dryRun) return { skipped: 'a dry run writes nothing', results: [] };
  const written = new Set(result.files.filter((f) => f.status === 'written').map((f) => f.name));
  const urls = result.feeds.filter((f) => f.kind !== 'archive' && written.has(f.file)).map((f) => f.url);
  if (urls.length === 0) return { skipped: 'no feed changed', results: [] };
  const { pingHubs } = await import('../publish/websub.js');
  return { results: await pingHubs(result.config.hubs, urls) };
}

function printPing(out: Output, ping: PingReport, quiet: boolean): void {
  if (ping.skipped) {
    if (!quiet) out.stderr(`websub: no ping sent: ${ping.skipped}.\n`);
    return;
  }
  const failed = ping.results.filter((r) => !r.ok);
  for (const r of failed) out.stderr(`${out.yellow('warning')} WEBSUB_PING_FAILED ${r.hub} (${r.url}): ${r.error ?? 'failed'}\n`);
  if (!quiet) {
    const hubs = new Set(ping.results.map((r) => r.hub)).size;
    const urls = new Set(ping.results.map((r) => r.url)).size;
    out.stderr(`websub: pinged ${hubs} hub${hubs === 1 ? '' : 's'} for ${urls} feed${urls === 1 ? '' : 's'}${failed.length ? `, ${failed.length} failed` : ''}\n`);
  }
}

/** `--verify-links` alone (no folder after it) checks the preset's own output folder. */
const VERIFY_FROM_PRESET = '\0preset';

/** `flag` given without a value (last, or followed by another option) gets `fallback` as its value. */
function optionalValue(args: readonly string[], flag: string, fallback: string): string[] {
  const out: string[] = [];
  for (const [i, a] of args.entries()) {
    out.push(a);
    const next = args[i + 1];
    if (a === flag && (next === undefined || next.startsWith('-'))) out.push(fallback);
  }
  return out;
}

/** `formatScore` (with --verbose): dropped blocks in full, each with the body model's line scores. */
function renderExplanation(r: Explanation, out: Output, formatScore?: (score: LineScore) => string): string {
  const lines: string[] = [];
  lines.push(out.bold(`== ${printable(r.source)} (${r.kind ?? 'unknown'}, ${r.status})`));
  const field = (name: string, value: string | undefined, key = name): void => {
    if (value === undefined) return;
    const p = r.provenance[key];
    lines.push(`  ${name.padEnd(10)} ${printable(value)}${p ? out.dim(`   [${p.from}${p.line ? ` line ${p.line}` : ''}${p.rule ? `: ${printable(p.rule)}` : ''}]`) : ''}`);
  };
  field('title', r.title);
  field('authors', r.authors.map((a) => a.name + (a.email ? ` <${a.email}>` : '')).join(', ') || undefined);
  field('published', r.published);
  field('updated', r.updated);
  field('tags', r.tags.join(', ') || undefined);
  field('id', r.id);
  field('link', r.link);
  field('external', r.externalUrl, 'externalUrl');
  field('summary', r.summary);
  // A file that was not read (missing, a folder, a broken link) has no body to show: only why.
  if (r.kind !== undefined) {
    lines.push(out.bold(`  dropped (${r.dropped.length}):`));
    for (const d of r.dropped) {
      lines.push(`    ${out.dim(`${d.line ? `line ${d.line} ` : ''}[${d.rule}]`)} ${formatScore ? printable(d.text.replace(/\s+/g, ' ').trim()) : oneLine(d.text)}`);
      if (formatScore) for (const s of d.scores ?? []) lines.push(`      ${out.dim(printable(formatScore(s)))}`);
    }
    lines.push(out.bold('  kept body:'));
    for (const p of r.contentText.split('\n\n')) if (p.trim()) lines.push(`    ${oneLine(p)}`);
  }
  // Each diagnostic with its hint, as `build` prints them: what to do, not only what is wrong.
  for (const d of r.diagnostics) {
    lines.push(`  ${d.severity} ${d.code}${d.line ? ` (line ${d.line})` : ''}: ${printable(d.message)}`);
    if (d.hint) lines.push(`    ${out.dim(`hint: ${printable(d.hint)}`)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function oneLine(s: string): string {
  const t = printable(s.replace(/\s+/g, ' ').trim());
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}
