export const MAIN_HELP = `feedwright — valid, reproducible RSS 2.0, Atom 1.0 and JSON Feed 1.1 from your articles

Usage: feedwright <command> [options]

Commands:
  build      Build dist/rss.xml, dist/atom.xml and dist/feed.json from articles/
  check      Validate feed files (RSS, Atom, JSON Feed) and report file:line:col problems
  explain    Show what feedwright keeps, drops and finds (with provenance) in article files
  init       Write a commented config and a sample article into an empty project

Options:
  -h, --help     Show help (also: feedwright <command> --help)
  -v, --version  Show the version

Exit codes: 0 feeds written (warnings allowed), 1 content errors (the other articles were
built), 2 usage or configuration error, 70 internal error (a bug: please report it).
`;

export const COMMAND_HELP = {
  build: `Usage: feedwright build [options]

Read articles (Markdown, plain text, HTML) and write RSS 2.0, Atom 1.0 and JSON Feed 1.1.
Only files whose bytes changed are rewritten; the feeds are replaced together, atomically.

Options:
  -a, --articles DIR   Folder of article sources (default: config "articles", or articles/)
  -o, --out DIR        Output folder (default: config "out", or dist/)
  -c, --config FILE    Config file (default: feedwright.config.json if present)
  -w, --watch          Rebuild when articles change
      --dry-run        Render and validate, write nothing
      --json           Print the result (counts, files, diagnostics) as JSON on stdout
  -q, --quiet          Print only errors
      --no-color       No colour (also when NO_COLOR is set, or output is not a terminal)
  -h, --help           Show this help
`,
  check: `Usage: feedwright check [options] FILE|DIR...

Validate feeds: XML well-formedness (strict, namespace-aware), RSS 2.0, Atom (RFC 4287) and
JSON Feed 1.1 rules. Reports file:line:col, a rule code and a message.

Options:
      --strict         Treat warnings as errors
      --json           Print diagnostics as JSON on stdout
  -q, --quiet          Print only the diagnostics
  -h, --help           Show this help
`,
  explain: `Usage: feedwright explain [options] FILE...

Show, for each article file: every dropped line or block and the rule that dropped it, the kept
body, and each metadata field with its value and where it came from.

Options:
      --json           Print an array of objects (source, title, authors, published, updated,
                       tags, contentText, contentHtml, dropped, provenance, diagnostics)
  -a, --articles DIR   Articles folder (for the site template and git dates)
  -c, --config FILE    Config file
  -h, --help           Show this help
`,
  init: `Usage: feedwright init [options]

Write feedwright.config.json and articles/hello-world.md into the current folder.
Existing files are never overwritten unless --force is given.

Options:
      --force          Overwrite existing files
  -h, --help           Show this help
`,
} as const;
