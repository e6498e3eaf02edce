export const MAIN_HELP = `feedwright — valid, reproducible RSS 2.0, Atom 1.0 and JSON Feed 1.1 from your articles

Usage: feedwright <command> [options]

Commands:
  build      Build dist/rss.xml, dist/atom.xml and dist/feed.json from articles/
  check      Validate feed files (RSS, Atom, JSON Feed) and report file:line:col problems
  explain    Show what feedwright keeps, drops and finds (with provenance) in article files
  init       Write a config for the site in this folder (a sample project in an empty one)

Options:
  -h, --help     Show help (also: feedwright <command> --help, feedwright help <command>)
  -v, --version  Show the version

Output: diagnostics and summaries go to stderr, --json output to stdout. Colour only on a
terminal, never when NO_COLOR is set or with --no-color; --color forces it.

Exit codes: 0 feeds written (warnings allowed), 1 content errors (the other articles were
built), 2 usage or configuration error, 70 internal error (a bug: please report it).
`;

export const COMMAND_HELP = {
  build: `Usage: feedwright build [options]

Read articles (Markdown, plain text, HTML) and write RSS 2.0, Atom 1.0 and JSON Feed 1.1, plus
what the config asks for: per-tag and per-author feeds, RFC 5005 archive pages, the browser
stylesheet (feed.xsl), feeds.opml and index.html. Every feed is validated first; then all files
are replaced together. Files whose bytes did not change are not rewritten.

After the build, a change summary compares the items with the previous output:
  2 new, 1 updated, 0 removed
    + Title of the new article https://example.com/new-article

Options:
  -a, --articles DIR   Folder of article sources (default: config "articles", or articles/)
  -o, --out DIR        Output folder (default: config "out", or dist/)
  -c, --config FILE    Config file (default: feedwright.config.json if present)
      --site DIR       The site's root folder (default: found above the articles folder); its
                       generator's config gives base URL and permalinks (see README, "Links")
      --verify-links [DIR]  Check that every item link is a page the site built, in DIR or
                       the generator's output folder (_site, public, dist, out); a link to
                       nothing is an error naming the article and the URL
  -w, --watch          Rebuild when articles change
      --dry-run        Render, validate and compare with the feeds there; write no output
                       file (the parse cache is still kept, so the next build is fast)
      --force          Replace files in the output folder that feedwright did not write
                       (without it, such a file stops the build: OUTPUT_NOT_OWNED)
      --ping           After a build that rewrote feeds, notify the config's WebSub "hubs"
      --json           Print the result as JSON on stdout: ok, counts, changes, written,
                       unchanged, removed, files, feeds, diagnostics, seconds (and ping)
  -q, --quiet          Print only errors
      --color          Colour even when stderr is not a terminal
      --no-color       No colour (also when NO_COLOR is set, or stderr is not a terminal)
  -h, --help           Show this help
`,
  check: `Usage: feedwright check [options] FILE|DIR...

Validate feeds: XML well-formedness (strict, namespace-aware), RSS 2.0, Atom (RFC 4287) and
JSON Feed 1.1 rules. Reports file:line:col, a rule code and a message. Folders are searched
for *.xml, *.json, *.rss and *.atom files.

Options:
      --strict         Treat warnings as errors
      --json           Print diagnostics as JSON on stdout
  -q, --quiet          Print only the diagnostics
  -c, --config FILE    Config file (not needed to check feeds)
      --no-color       No colour
  -h, --help           Show this help
`,
  explain: `Usage: feedwright explain [options] FILE...

Show, for each article file: every dropped line or block and the rule that dropped it, the kept
body, and each metadata field with its value and where it came from.

Options:
      --json           Print an array of objects (source, title, authors, published, updated,
                       tags, contentText, contentHtml, dropped, provenance, diagnostics)
  -a, --articles DIR   Articles folder (for the site template and git dates)
      --site DIR       The site's root folder (default: found above the articles folder)
      --verbose        Dropped blocks in full, and for text articles each line's body model
                       score with the features that decided it (JSON: dropped[].scores)
  -c, --config FILE    Config file
      --no-color       No colour
  -h, --help           Show this help
`,
  init: `Usage: feedwright init [options]

Write feedwright.config.json into the current folder. The config names its JSON schema
("$schema"), so editors complete and document every key.
In the root of a site (Jekyll, Hugo, Hexo, Zola, Eleventy, Astro, Next.js, Docusaurus, Gatsby,
Pelican and more: docs/sites.md), the config builds that site's feeds from its posts folder,
with its title, link, language and author, and links each item where the site serves it. In a
folder that holds articles (Markdown in a posts folder, or saved text or HTML pages), the config
reads that folder. In an empty folder, init also writes a sample, articles/hello-world.md.
init prints what it found and what it chose. Existing files are never overwritten unless
--force is given.

Options:
  -a, --articles DIR   The folder that holds the posts, when it is not one init finds
      --force          Overwrite existing files
  -h, --help           Show this help
`,
} as const;
