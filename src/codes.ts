/**
 * The one table of codes: every code feedwright can report, whatever reports it.
 *
 * - `diagnostic`: a content problem with one article or file, collected and reported (`diag()` in
 *   diagnostics.ts); its severity decides whether the article is left out (error) or published.
 * - `fatal`: a problem that makes the whole run meaningless, thrown as `FeedwrightError` (errors.ts);
 *   `exit` is the CLI's exit code for it.
 * - `rule`: a check of the built-in feed validator (validate/), with the specification it enforces.
 *
 * Per code: `summary` (one line, the public `DIAGNOSTICS`/`FATAL_CODES`/`RULES` meaning), `doc` and
 * `todo` (the Meaning and What-to-do columns of docs/errors.md, Markdown) and, for some codes, `say`:
 * a message builder from typed parameters to the whole-sentence message and its hint.
 * docs/errors.md and the tables of docs/validation-rules.md are generated from this table
 * (`npm run docs:codes`; test/codes.test.ts fails when they are stale), and the old catalogues
 * (DIAGNOSTICS, FATAL_CODES, RULES and their code unions) are derived from it.
 *
 * Codes are permanent: never rename one, users grep for them. The order of the entries is the
 * order of the documentation.
 *
 * This module is a leaf (it imports only types), so validate/ may depend on it.
 */
import type { Severity } from './model.js';
import { indefiniteArticle } from './util/text.js';

/** Exit codes of the CLI (docs/errors.md, "Exit codes"). */
export const EXIT = {
  OK: 0,
  CONTENT_ERRORS: 1,
  USAGE_OR_CONFIG: 2,
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a message builder returns: what happened, in whole sentences, and what to do in this case. */
export interface Said {
  message: string;
  hint?: string;
}

/** A message builder; `never` so that a builder of any parameter type fits the table. */
type Builder = (params: never) => Said;

/** The sections of docs/errors.md ("Diagnostics"), in order. */
export const DIAGNOSTIC_SECTIONS = {
  files: 'Files and encodings',
  'front-matter': 'Front matter',
  metadata: 'Metadata',
  links: 'Links (`--verify-links`)',
  content: 'Content',
  git: 'Git',
  'feed-validation': 'Feed validation',
} as const;

/** The sections of docs/validation-rules.md, in order. */
export const RULE_SECTIONS = {
  any: 'Any file',
  xml: 'XML well-formedness (RSS and Atom)',
  rss: 'RSS 2.0',
  atom: 'Atom 1.0 (RFC 4287)',
  json: 'JSON Feed 1.1',
} as const;

interface DiagnosticEntry {
  readonly kind: 'diagnostic';
  readonly severity: Severity;
  readonly section: keyof typeof DIAGNOSTIC_SECTIONS;
  readonly summary: string;
  readonly doc: string;
  readonly todo: string;
  readonly say?: Builder;
}

interface FatalEntry {
  readonly kind: 'fatal';
  readonly exit: typeof EXIT.USAGE_OR_CONFIG | typeof EXIT.INTERNAL;
  readonly summary: string;
  readonly doc: string;
  readonly todo: string;
  readonly say?: Builder;
}

interface RuleEntry {
  readonly kind: 'rule';
  /** Default severity; `strict` turns warnings into errors and leaves notes alone. */
  readonly severity: Severity;
  readonly section: keyof typeof RULE_SECTIONS;
  /** Where the rule comes from, e.g. "RFC 4287 4.1.1". */
  readonly spec: string;
  readonly summary: string;
  readonly say?: Builder;
}

export type CodeEntry = DiagnosticEntry | FatalEntry | RuleEntry;
export type CodeKind = CodeEntry['kind'];

/** The parameters of a message builder that needs none: call it with `{}`. */
type NoParams = Record<string, never>;

/** MiB with one decimal, as messages print sizes. */
const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** A value quoted for a message, whitespace folded and cut at `max` characters. */
export function quote(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** "U+00A0": a code point as messages name it. */
const codePointName = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The values of the specifications that messages name (and the validator checks against). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A message that ends as a sentence does (messages quoted inside another). */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * What is wrong with a config (CONFIG_INVALID), and where: `file` as displayed, and the
 * line and column of the key or item at fault when they are known.
 * - `folder`: the path given to --config is a folder;
 * - `syntax`: not JSON (`reason`: the JSON parser's message);
 * - `duplicate`: a key written twice in one object (`firstLine`: the first one's line);
 * - `value`: a key or value the schema refuses (src/config/types.ts and schema.ts write `problem`,
 *   a whole sentence naming the key, and `hint`, a valid value for it);
 * - `site-folder`: the site folder named by --site or "site" does not exist (`file` is that folder).
 */
export type ConfigProblem = { file: string; line?: number; column?: number } & (
  | { problem: 'folder' | 'site-folder' }
  | { problem: 'syntax'; reason: string }
  | { problem: 'duplicate'; key: string; firstLine: number }
  | { problem: 'value'; says: string; hint: string }
);

function configInvalid(p: ConfigProblem): Said {
  const at = `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}`;
  switch (p.problem) {
    case 'folder':
      return { message: `${p.file} is a folder, not a config file.`, hint: 'Pass the path of a JSON file to --config.' };
    case 'site-folder':
      return { message: `The site folder ${p.file} does not exist.`, hint: 'Pass the folder that holds the generator\'s config (_config.yml, hugo.toml, package.json...) to --site or "site".' };
    case 'syntax':
      return { message: `${at} is not valid JSON: ${sentence(p.reason)}`, hint: 'Fix the JSON syntax (no comments or trailing commas in feedwright.config.json).' };
    case 'duplicate':
      return { message: `${at}: the key "${p.key}" appears twice (first on line ${p.firstLine}); JSON would silently keep the last value.`, hint: 'Remove one of the two.' };
    case 'value':
      return { message: `${at}: ${p.says}`, hint: p.hint };
  }
}

/**
 * What META_DUPLICATE_ID/SLUG/LINK say on each of the two articles: the one left out names the one
 * kept (with `leftOutHint`, what to change), the one kept names the one left out.
 */
const duplicateSay =
  (leftOutHint: string) =>
  (p: { same: string; other: string; leftOut: 'this' | 'other' }): Said =>
    p.leftOut === 'this'
      ? { message: `This article has the same ${p.same} as ${p.other}; it is left out of the feeds.`, hint: leftOutHint }
      : { message: `${p.other} has the same ${p.same} as this article and was left out.`, hint: 'Give one of them a different "slug" or "id".' };

const STRIP_CONTROLS = 'Strip control characters (other than tab, newline, carriage return) and U+FFFE/U+FFFF before writing XML.';
const FULL_URL = 'Write the full URL, including https:// and the host.';
const BUG = 'This is a bug in feedwright: please report it with the article.';

export const CODES = {
  // ==== fatal errors (FeedwrightError) ==========================================================
  CONFIG_NOT_FOUND: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The config file named with --config cannot be read.',
    doc: 'The config file named with `--config` cannot be read. (Without `--config`, a missing `feedwright.config.json` just means defaults.)',
    todo: 'Check the path, or run `feedwright init` to write one.',
    /** `file` as displayed; `errno` the system error code (ENOENT, EACCES), when there is one. */
    say: (p: { file: string; errno: string | undefined }) => ({
      message: `Cannot read the config file ${p.file} (${p.errno ?? 'unknown error'}).`,
      hint: 'Check the path given to --config, or run `feedwright init` to write one.',
    }),
  },
  CONFIG_INVALID: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The config file is not JSON, not an object, has an unknown key, or a value of the wrong type.',
    doc: 'The config file is not JSON, is not an object, has an unknown key (with a "did you mean"), or a value of the wrong type or shape: a non-IANA `timezone`, a `link` that is not an absolute http(s) URL, a `clean.drop`/`clean.keep` pattern that is not a valid regular expression, or that RE2 (the linear-time engine user patterns run on, see [Work bounds](#work-bounds)) cannot run: a lookahead or lookbehind, a backreference, a repeat count over 1,000, a pattern over 1,000 characters, a `files` name with a folder in it, or the same key twice in one object (the second; JSON would silently keep the last). The message gives `file:line:column` of the key or list item at fault (the keys and types are those of `src/config/schema.ts`, see the README table).',
    todo: 'Fix the key named in the message; the hint shows a valid value.',
    say: (p: ConfigProblem) => configInvalid(p),
  },
  ARTICLES_MISSING: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The articles folder does not exist.',
    doc: 'The articles folder does not exist.',
    todo: 'Create it, pass `--articles DIR`, or set `"articles"` in the config.',
    say: (p: { folder: string; site?: { generator: string; marker: string; articles: string } }) => ({
      message: `The articles folder ${p.folder} does not exist.`,
      hint: p.site
        ? `This folder is ${indefiniteArticle(p.site.generator)} ${p.site.generator} site (${p.site.marker}) with its posts in ${p.site.articles}/: run \`feedwright init\` to write a config that builds them, or pass --articles ${p.site.articles}.`
        : 'Create it and put .md or .txt articles in it, pass --articles DIR, or run `feedwright init`.',
    }),
  },
  ARTICLES_NOT_A_FOLDER: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The articles path is a file, not a folder.',
    doc: 'The articles path is a file.',
    todo: 'Pass the folder that holds the articles.',
    say: (p: { path: string }) => ({ message: `${p.path} is a file, not a folder of articles.`, hint: 'Pass the folder that holds the articles to --articles.' }),
  },
  ARTICLES_UNREADABLE: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The articles folder cannot be listed (permissions, a symlink loop, an I/O error).',
    doc: 'The articles folder cannot be listed: permissions (`EACCES`), a symbolic link that points to itself (`ELOOP`), an I/O error. The message gives the system error code.',
    todo: 'Fix the permissions or the link. (Sub-folders that cannot be read are diagnostics, `SOURCE_UNREADABLE`, not fatal.)',
    say: (p: { folder: string; errno: string | undefined }) => ({ message: `The articles folder ${p.folder} cannot be read (${p.errno}).`, hint: 'Check its permissions.' }),
  },
  OUTPUT_UNWRITABLE: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The output folder cannot be created or written (permissions, a full disk, a used-up quota); the old feeds are kept.',
    doc: 'The output folder cannot be created or written (`EACCES`, `EROFS`, `ENOTDIR` when a part of the path is a regular file), or the disk filled up while writing (`ENOSPC`, `EDQUOT` for a used-up quota, `EFBIG`). The message names the file and the system error code. The old feeds stay, the temporary files are removed, and the cache is left intact (a cache that cannot be written only costs speed).',
    todo: 'Fix the permissions or free some space, or pass another folder with `--out`.',
    /** `what` says what failed ("The output folder dist cannot be written"); `errno` is the system error code. */
    say: (p: { what: string; errno: string }) => ({
      message: `${p.what} (${p.errno}).`,
      hint:
        p.errno === 'ENOSPC'
          ? 'The disk is full: free some space (or pass another folder with --out) and build again. The old feeds were kept.'
          : p.errno === 'EDQUOT'
            ? 'Your disk quota is used up: free some space (or pass another folder with --out) and build again. The old feeds were kept.'
            : 'Check its permissions, or pass another folder with --out.',
    }),
  },
  OUTPUT_LOCKED: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'Another build holds the lock on the output folder.',
    doc: 'Another build (its pid is in the message) holds the lock on the output folder. Two builds never interleave: the second fails at once instead of waiting, so a CI job never hangs behind a stuck build. A lock left by a process that no longer exists (a killed build) is taken over silently, by one build only, even when several start together.',
    todo: 'Wait for the other build. If none is running, delete `<out>/.feedwright.lock`.',
    /** `pid` 0 when the lock does not say which process holds it; `lock` is the lock file's path. */
    say: (p: { pid: number; out: string; lock: string }) => ({
      message: `${p.pid > 0 ? `Another feedwright build (pid ${p.pid})` : 'Another feedwright build'} is writing to ${p.out}.`,
      hint: `Wait for it to finish. If no build is running, delete ${p.lock}.`,
    }),
  },
  OUTPUT_NOT_OWNED: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'A file feedwright would replace exists in the output folder but was not written by feedwright (without --force).',
    doc: "A file the build would replace exists in the output folder but was not written by feedwright (it is not in `<out>/.feedwright-manifest.json`, the list of files of feedwright's last build there): for example the site's own `index.html` when `--out` points at a site's public folder. The message names the files; nothing is replaced. (A folder from before manifests: a file carrying feedwright's mark, or any file beside main feeds that carry it, counts as feedwright's.)",
    todo: "Pass `--force` to replace them (they are feedwright's from then on), or build into a folder of feedwright's own.",
    /** `shown`: the first files (as displayed) of `total`; `suggestion`: a folder of feedwright's own to propose. */
    say: (p: { shown: readonly string[]; total: number; suggestion: string }) => {
      const one = p.total === 1;
      const more = p.total > p.shown.length ? ` and ${p.total - p.shown.length} more` : '';
      return {
        message: `${p.shown.join(', ')}${more} ${one ? 'exists' : 'exist'} in the output folder but ${one ? 'was' : 'were'} not written by feedwright; ${one ? 'it is' : 'they are'} not replaced.`,
        hint: `Pass --force to let feedwright replace ${one ? 'it' : 'them'}, or a different --out (a folder of feedwright's own, e.g. ${p.suggestion}).`,
      };
    },
  },
  OUTPUT_SYMLINK: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'A folder inside the output folder is a symbolic link; feedwright does not write or delete through it.',
    doc: 'A folder inside the output folder (`tags/`, `archive/`, `authors/x/`...) is a symbolic link. feedwright does not write or delete through it, since that would reach outside the output folder. (The output folder itself may be a link.)',
    todo: 'Replace the link by a real folder, or pass another `--out`.',
    say: (p: { folder: string; target: string }) => ({
      message: `${p.folder} is a symbolic link (to ${p.target}); feedwright does not write or delete through links inside the output folder.`,
      hint: 'Replace the link by a real folder, or pass another --out.',
    }),
  },
  OUTPUT_OVERLAPS_ARTICLES: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The output folder is the articles folder, inside it, or holds it.',
    doc: 'The output folder is the articles folder, inside it, or holds it (compared by real path). Feeds would be read back as articles, and removing stale feeds could delete articles.',
    todo: 'Build into a folder outside the articles folder (`--out`, `"out"`), e.g. `dist`.',
    say: (p: { out: string; articles: string; how: 'same' | 'inside' | 'holds' }) => ({
      message: `The output folder ${p.out} ${p.how === 'same' ? 'is the articles folder' : p.how === 'inside' ? `is inside the articles folder ${p.articles}` : `holds the articles folder ${p.articles}`}: feeds would be read back as articles, and removing stale feeds could delete articles.`,
      hint: 'Pass an output folder outside the articles folder (--out, or "out" in the config), e.g. dist.',
    }),
  },
  USAGE: {
    kind: 'fatal',
    exit: EXIT.USAGE_OR_CONFIG,
    summary: 'The command line is wrong (unknown command or option).',
    doc: 'The command line is wrong: unknown command or option, missing argument.',
    todo: 'Run `feedwright <command> --help`.',
    /** `--verify-links` without a folder to check: `folder` (as displayed) does not exist, or no site generator was found to name one. */
    say: (p: { problem: 'verify-links-folder-missing'; folder: string } | { problem: 'verify-links-no-site' }) =>
      p.problem === 'verify-links-folder-missing'
        ? {
            message: `--verify-links: the site's output folder ${p.folder} does not exist.`,
            hint: 'Build the site first (jekyll build, hugo, zola build, npx @11ty/eleventy, astro build, next build), or pass its output folder: --verify-links DIR.',
          }
        : { message: '--verify-links: no site generator was found, so its output folder is unknown.', hint: 'Pass the folder the site was built into: --verify-links DIR.' },
  },
  VALIDATION_FAILED: {
    kind: 'fatal',
    exit: EXIT.INTERNAL,
    summary: 'A feed feedwright rendered fails its own validation: a bug; the old feeds are kept.',
    doc: 'A feed feedwright rendered fails its own validation (the `FEED_INVALID/<rule>` diagnostics say how). This is a bug in feedwright: the old feeds are kept, nothing is replaced.',
    todo: 'Report it with the article that triggers it; `feedwright check` on the rendered feed shows the details.',
    /** `first`: the message of the first validation error. */
    say: (p: { first: string }) => ({
      message: `feedwright rendered a feed that fails its own validation; the old feeds were kept. This is a bug in feedwright: ${sentence(p.first)}`,
      hint: 'Please report it with the article that triggers it (`feedwright check` on the feed shows the details).',
    }),
  },
  // ==== diagnostics (diag) ====================================================================
  ARTICLES_EMPTY: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: 'The articles folder holds no article files: valid, empty feeds are written.',
    doc: 'The articles folder holds no article files (only ignored or hidden files, or nothing). Valid, empty feeds are written: a site whose last article was removed must not keep serving stale feeds.',
    todo: 'Add articles, or check `--articles` / `"articles"`.',
    say: (p: { extensions: readonly string[] }) => ({
      message: `The articles folder holds no articles (${p.extensions.join(', ')}); empty feeds are written.`,
      hint: 'Add articles, or check --articles / the config "articles" path.',
    }),
  },
  CONFIG_DEFAULTS: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: 'No config file was found; the feeds use the default title and the example.com link.',
    doc: 'No `feedwright.config.json` was found (and no `--config` given), so the feeds carry the default title and link to `https://example.com/`.',
    todo: 'Run `feedwright init`, or write the config with at least `title` and `link`.',
    say: (p: { title: string; link: string }) => ({
      message: `No config file was found, so the feeds use the defaults (title "${p.title}", link ${p.link}).`,
      hint: 'Run `feedwright init`, or write feedwright.config.json with at least "title" and "link".',
    }),
  },
  CONFIG_PLACEHOLDER: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: "The config still holds placeholder values (init's, or a starter site's example.com link or e-mail); the feeds publish them as the site's.",
    doc: "`feedwright.config.json` still holds a placeholder: a value `feedwright init` writes where it cannot tell the site's own (`title` \"My site\", `description` \"What this site is about, in one sentence.\", an `author` named \"Your Name\"), or a `link` or author e-mail at example.com, example.org or example.net themselves (reserved for documentation by RFC 2606; starter sites ship them, and init copies the site's values). The feeds publish it as the site's: every item linked to example.com, every article without its own author by \"Your Name\". A subdomain (`blog.example.com`) is not flagged: examples and tests use those for a site. The line is the first such key's.",
    todo: "Set them to the site's own values in feedwright.config.json (the link before the feed has readers: the ids are made from it).",
    /** `keys`: the config keys still holding placeholders, in the file's order. */
    say: (p: { keys: readonly string[] }) => ({
      message: `${p.keys.map((k) => `"${k}"`).join(', ')} ${p.keys.length === 1 ? 'still holds a placeholder' : 'still hold placeholders'}; the feeds publish ${p.keys.length === 1 ? 'it' : 'them'} as the site's.`,
      hint: "Set the site's own values in feedwright.config.json (the link first: item ids are made from it).",
    }),
  },
  META_LANGUAGE_SCRIPT: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: "The feed's language is not written in the script most of its articles use (\"en\" over Chinese posts).",
    doc: "The feed's `language` (the config's, or the site's `lang`/`locale`, which themes often leave at their default \"en\") is not written in the writing system that at least 60 % of the newest 200 articles in that language use, by their titles and summaries (at least 3 articles): Han, Kana, Hangul, Cyrillic, Arabic, Hebrew, Greek, Thai or Devanagari. Feed readers hyphenate, translate and choose fonts by the language, so the items are shown as the wrong one. Nothing is changed; the language is the config's to set.",
    todo: 'Set `language` in feedwright.config.json to the articles\' language (`zh`, `ja`, `ru`…), or give the articles their own `lang`.',
    /** `language`: the feed's; `script`: the articles' writing system; `count` of `total` articles; `suggest`: a tag for it. */
    say: (p: { language: string; script: string; count: number; total: number; suggest: string }) => ({
      message: `The feed's language is "${p.language}", but ${p.count} of its ${p.total} articles are written in ${p.script} script.`,
      hint: `Set "language" in feedwright.config.json to the articles' language (for example "${p.suggest}"), or give the articles their own "lang".`,
    }),
  },
  CONFIG_FROM_SITE: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'files',
    summary: "The feed's title, link, description, language or author were taken from the site generator's config.",
    doc: "feedwright's config does not set some of `title`, `description`, `link`, `language` and `author`, and the site generator's config does (Jekyll `_config.yml` `title`/`description`/`url`+`baseurl`/`lang` (or a theme's `locale`)/`author` (or a theme's `owner`, or Chirpy's `social`), and what it leaves out from the literal `<title>`/`<link>`/`<author><name>`/`<subtitle>` of the site's own feed template (`atom.xml`, `feed.xml`, `rss.xml`); Hugo `title`/`params.description`/`baseURL`/`locale` (or `languageCode`)/`params.author`; Zola `title`/`description`/`base_url`/`default_language`/`author` (or `extra.author`); Eleventy `_data/metadata.json` or `_data/site.json` (or the same as `.js`, literal strings read as text, never run) `title`/`description`/`url` (or `baseUrl`, `siteUrl`)/`language`/`author`; Astro `site` (or the imported object it names, AstroPaper's `SITE.website`, with that object's `title`/`desc`/`lang`/`author`), and `SITE_TITLE`/`SITE_DESCRIPTION` of its blog template's `src/consts.ts` or else the literal `title`/`description`/`<language>` of the `rss({…})` call in `src/pages/rss.xml.js`; Next.js `data/siteMetadata.js` `title`/`description`/`siteUrl`/`language`/`author`, or the root layout's `export const metadata` (`metadataBase`/`title`/`description`/`authors`, `<html lang>`), or the blog's own feed code (`new RSS({…})`/`new Feed({…})`: `title`/`description`/`site_url` or `link`/`language`), or next-seo's `next-seo.config.js` `defaultTitle` (or `site_name`)/`url`/`locale`): the feeds use the site's values. The ids of new items are `tag:` URIs of the link's host.",
    todo: 'Nothing, if they are right. To fix them for good (the ids depend on the link), run `feedwright init`, which writes them into feedwright.config.json, or set them there.',
    say: (p: { from: string; values: Record<string, unknown> }) => ({
      message: `${Object.entries(p.values)
        .map(([k, v]) => `${k} ${typeof v === 'string' ? (k === 'link' ? v : quote(v)) : quote(String((v as { name?: unknown }).name ?? ''))}`)
        .join(', ')} taken from ${p.from}, as feedwright.config.json does not set ${Object.keys(p.values).length === 1 ? 'it' : 'them'}.`,
      hint: 'Run `feedwright init` to write them into feedwright.config.json, or set them there.',
    }),
  },
  SOURCE_IGNORED: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'files',
    summary: 'A file in the articles folder is not a kind feedwright reads (.md, .markdown, .mdx, .qmd, .txt, .html, .htm), nor an asset such as an image.',
    doc: 'A file in the articles folder is not a kind feedwright reads (`.md`, `.markdown`, `.mdx`, Quarto `.qmd`, `.txt`, `.html`, `.htm`), e.g. a `.rst` or `.docx` file. Dotfiles, dot-folders and the posts\' own assets (images, media, fonts, archives, styles, scripts and data files such as `.json` or `.yaml`) are skipped without a note.',
    todo: 'Nothing, or move the file out.',
    say: (p: { extensions: readonly string[] }) => ({ message: `Not an article (feedwright reads ${p.extensions.join(', ')}); ignored.` }),
  },
  SOURCE_UNREADABLE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'files',
    summary: 'The file could not be read (permissions, I/O error).',
    doc: 'A file or sub-folder cannot be read (permissions, I/O error), or a symbolic link is broken.',
    todo: 'Fix its permissions or the link.',
    say: (p: { what: 'link' | 'missing' | 'not-a-file' } | { what: 'folder' | 'file'; errno: string | undefined }) => {
      if (!('errno' in p)) {
        if (p.what === 'link') return { message: 'The symbolic link is broken or points at something unreadable.', hint: 'Remove the link or fix its target.' };
        // explain, given a path that is no article file
        return { message: p.what === 'missing' ? 'The file does not exist.' : 'This is a folder, not a file.', hint: 'Pass the path of an article file.' };
      }
      return p.what === 'folder'
        ? { message: `The folder cannot be read (${p.errno}); its articles are missing from the feeds.`, hint: 'Check its permissions.' }
        : { message: `The file cannot be read (${p.errno}).`, hint: 'Check its permissions.' };
    },
  },
  SOURCE_BINARY: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'files',
    summary: 'The file holds binary data (an image, an archive), not text.',
    doc: 'The file holds binary data (NUL among control bytes in more than 0.5 % of its first 8 KiB, or the signature of PNG, GIF, JPEG, PDF, ZIP, ELF or gzip) though its extension says article. A text file with a few stray NUL bytes is read without them (`SOURCE_NUL_REMOVED`).',
    todo: 'Move images and archives out, or fix the extension.',
    say: (_: NoParams) => ({
      message: 'The file holds binary data (NUL bytes or a known binary signature), not text.',
      hint: 'Move images and other binary files out of the articles folder.',
    }),
  },
  SOURCE_MOJIBAKE_REPAIRED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: 'UTF-8 characters once read as Latin-1 and saved again ("â" and C1 controls for "–") were repaired.',
    doc: 'The file holds UTF-8 text that some tool once read as Latin-1 and saved again as UTF-8 (mojibake): each character became two to four, among them C1 control characters (U+0080-U+009F), which are never text and which feed validators reject. A sequence that holds a C1 control and reads back as one UTF-8 character is replaced by that character; one without a C1 control ("Ã©") is kept as written, since it can be real text.',
    todo: 'Repair the file (the characters the warning counts, from the line it names), or find the tool that re-encoded it.',
    say: (p: { count: number; line: number }) => ({
      message: `${p.count === 1 ? 'A character' : `${p.count} characters`} written as UTF-8 read as Latin-1 (the first on line ${p.line}: "â" and control characters for "–") ${p.count === 1 ? 'was' : 'were'} repaired in the feeds.`,
      hint: 'Repair the file itself (its editor or `iconv -f utf-8 -t latin1` on the broken lines), or find the tool that re-encoded it.',
    }),
  },
  SOURCE_NUL_REMOVED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: 'A text file held a few stray NUL bytes; they were removed and the rest read.',
    doc: 'A few NUL bytes (a scraper\'s or an editor\'s slip) in a file that is otherwise text: no writer of a feed can carry them, so they are removed and the article read without them. More control bytes than 0.5 % of the first 8 KiB make the file binary (`SOURCE_BINARY`).',
    todo: 'Remove the NUL bytes from the file (`tr -d \'\\000\'`), or find what wrote them.',
    /** `also`: the decoder's note, when the file was not UTF-8 either (`SOURCE_NOT_UTF8`). */
    say: (p: { count: number; line: number; also?: string }) => ({
      message: `The file held ${p.count === 1 ? 'a NUL byte' : `${p.count} NUL bytes`} (the first on line ${p.line}), removed; the rest was read.${p.also ? ` ${p.also}` : ''}`,
      hint: "Remove them from the file (tr -d '\\000' < in > out), or find what wrote them.",
    }),
  },
  SOURCE_INVALID_UTF8: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'files',
    summary: 'A Markdown file is not valid UTF-8 (nor UTF-16 with a byte-order mark).',
    doc: 'A Markdown file is not valid UTF-8, nor UTF-16 with a byte-order mark. The line of the first bad byte is given. (UTF-8 with a BOM and UTF-16 LE/BE with a BOM are read correctly.) Text and HTML files are never refused for their encoding (see `SOURCE_NOT_UTF8`).',
    todo: 'Re-save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`.',
    say: (p: { offset: number; line: number }) => ({
      message: `The file is not valid UTF-8 (first bad byte at offset ${p.offset}, line ${p.line}).`,
      hint: 'Re-save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
    }),
  },
  SOURCE_NOT_UTF8: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary:
      "A text or HTML file is not valid UTF-8 and declares no other charset: it was read in the config's fallbackEncoding (windows-1252 by default); or an HTML page declares UTF-8 but is not, and its bad bytes were replaced.",
    doc: "A `.txt` or `.html` file is not valid UTF-8 and declares no charset, so it was read in the config's `fallbackEncoding` (windows-1252 unless set); or an HTML page declares UTF-8 but holds bytes that are not, which were replaced with U+FFFD as browsers do. HTML that declares its charset in a `<meta>` (ISO-8859-x, windows-125x, Shift_JIS, GBK ...) is decoded in it without a warning.",
    todo: 'Re-save the file as UTF-8, or set `"fallbackEncoding"` to its encoding (e.g. `"iso-8859-2"`).',
    /** `note`: the decoder's account of what it did (src/sources/encoding.ts). */
    say: (p: { note: string }) => ({ message: p.note, hint: 'Re-save it as UTF-8, or set "fallbackEncoding" in the config to its encoding.' }),
  },
  SOURCE_TOO_LARGE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'files',
    summary: 'The file is larger than the per-article limit.',
    doc: 'The file is larger than the per-article limit (8 MiB). It is not read into memory.',
    todo: 'Split it, or remove embedded data (base64 images, logs).',
    say: (p: { bytes: number; limit: number }) => ({
      message: `The file is ${mib(p.bytes)} MiB; articles are limited to ${p.limit / 1048576} MiB.`,
      hint: 'Split it, or remove embedded data (images as base64, logs) from it.',
    }),
  },
  SOURCE_EMPTY: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'files',
    summary: 'The file is empty or holds only whitespace.',
    doc: 'The file is empty or holds only whitespace.',
    todo: 'Write the article, or delete the file.',
    say: (_: NoParams) => ({ message: 'The file is empty.', hint: 'Write the article, or delete the file.' }),
  },
  SOURCE_SYMLINK_LOOP: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: 'A symbolic link points back into a folder already being read; it was not followed.',
    doc: 'A symbolic link points back to a folder that contains it; it is not followed (the articles under it are read once, by their real path).',
    todo: 'Remove the link.',
    say: (_: NoParams) => ({ message: 'The symbolic link points back to a folder that contains it; it was not followed.', hint: 'Remove the link.' }),
  },
  SOURCE_LINK_OUTSIDE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'files',
    summary: 'A symbolic link points outside the articles folder; it was not read (config "followExternalLinks": true reads it).',
    doc: 'A symbolic link in the articles folder points outside it (its real path, after every link on the way, is elsewhere: `/etc/passwd`, `/proc/self/status`, a sibling folder). It is not read, so a link can never publish a file from elsewhere on the machine; each link is named.',
    todo: 'Move the target into the articles folder, or set `"followExternalLinks": true` if you mean to publish what it points at.',
    say: (_: NoParams) => ({
      message: 'The symbolic link points outside the articles folder; it was not read.',
      hint: 'Move the target into the articles folder, or set "followExternalLinks": true in the config if you mean to publish it.',
    }),
  },
  SOURCE_SPECIAL_FILE: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'files',
    summary: 'A FIFO, socket or device is in the articles folder; it was not read.',
    doc: 'A named pipe (FIFO), socket or device is in the articles folder. It is never opened: reading a FIFO would wait for a writer forever. A file replaced by one while the build runs is reported the same way.',
    todo: 'Remove it from the articles folder.',
    say: (p: { what: 'fifo' | 'socket' | 'device' | 'other' }) => ({
      message: `This is ${p.what === 'fifo' ? 'a named pipe (FIFO)' : p.what === 'socket' ? 'a socket' : p.what === 'device' ? 'a device' : 'not a regular file'}, not a file; it was not read.`,
      hint: 'Remove it from the articles folder.',
    }),
  },
  FM_UNCLOSED: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The front matter block opened with --- never closes.',
    doc: 'The front matter opened with `---` on line 1 never closes.',
    todo: 'Add a line with just `---` after the last key.',
    say: (p: { fence: string }) => ({
      message: `The front matter opened with "${p.fence}" on line 1 never closes.`,
      hint: `Add a line with just "${p.fence}" after the last front matter key.`,
    }),
  },
  FM_FENCE_TEXT: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'Text follows the closing --- of the front matter on the same line; it is read as the body\'s first line, as Hugo reads it.',
    doc: 'The line that closes the YAML front matter has text after its `---` (`---Some text`). Hugo ends the front matter there and publishes the rest of the line as the body\'s first line; Jekyll and Eleventy do not see a closing line, and read on. feedwright reads it as Hugo does, and says so.',
    todo: 'Put the closing `---` on a line of its own.',
    say: (p: { line: number }) => ({
      message: `Text follows the closing "---" on line ${p.line}; it is read as the body's first line.`,
      hint: 'Put the closing "---" on a line of its own: other generators do not see it closing the front matter.',
    }),
  },
  FM_INDENTED_FENCE: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'The front matter fence is indented.',
    doc: 'The line opening the front matter has spaces before its `---` (or `+++`). feedwright reads it, but Jekyll, Hugo and the other generators read front matter only when the fence starts the line, so the site shows this file as text (Jekyll copies it as a static file, not a post).',
    todo: 'Remove the spaces before the fence.',
    say: (p: { fence: string; line: number }) => ({
      message: `The front matter fence "${p.fence}" on line ${p.line} is indented; it was read, but the site's generator reads front matter only when the fence starts the line.`,
      hint: `Remove the spaces before "${p.fence}" on line ${p.line}.`,
    }),
  },
  FM_INVALID_YAML: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The front matter is not valid YAML.',
    doc: 'The front matter is not valid YAML; the line is that of the first error (for a quote left open, the line that opened it: the parser notices only where the front matter ends). The usual cause is a value containing `: ` that is not quoted.',
    todo: 'Quote the value, fix the indentation.',
    /** `reason`: the parser's first sentence, without its full stop. */
    say: (p: { reason: string }) => ({
      message: `The front matter is not valid YAML: ${p.reason}.`,
      hint: 'Check indentation and quoting; a value containing ": " must be quoted.',
    }),
  },
  FM_INVALID_TOML: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The TOML front matter (between +++ lines) is not valid TOML.',
    doc: "The TOML front matter (Hugo's `+++` ... `+++`) is not valid TOML; the line is that of the error.",
    todo: 'Quote strings with `"`, put lists in `[...]`.',
    /** `reason`: the parser's first sentence, without its full stop. */
    say: (p: { reason: string }) => ({
      message: `The front matter is not valid TOML: ${p.reason}.`,
      hint: 'Check the quoting: strings are in "double quotes", lists in [brackets].',
    }),
  },
  FM_INVALID_JS: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The JavaScript front matter (between ---js and --- lines, as Eleventy reads it) is not valid JavaScript.',
    doc: "The JavaScript front matter (Eleventy's `---js` or `---javascript` ... `---`) is not valid JavaScript; the line is that of the error. It is parsed, never run: an object literal (`{ title: \"…\" }`) or `const` declarations (`const title = \"…\";`).",
    todo: 'Fix the syntax: an object literal, or one `const name = value;` per key.',
    /** `reason`: the parser's message. */
    say: (p: { reason: string }) => ({
      message: `The JavaScript front matter is not valid JavaScript: ${p.reason}.`,
      hint: 'Write one object literal ({ title: "…", date: "2024-03-05" }) or const declarations (const title = "…";).',
    }),
  },
  FM_INVALID_JSON: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The JSON front matter (between ---json and --- lines) is not a valid JSON object.',
    doc: "The JSON front matter (Eleventy's `---json` ... `---`) is not valid JSON, or not an object; the line is that of the error.",
    todo: 'Write one JSON object: keys in double quotes, no trailing commas.',
    /** `reason`: the parser's message. */
    say: (p: { reason: string }) => ({
      message: `The JSON front matter is not a valid JSON object: ${p.reason}.`,
      hint: 'Write one object: { "title": "…", "date": "2024-03-05" }; keys in double quotes, no trailing commas.',
    }),
  },
  FM_COMPUTED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'A key of the JavaScript front matter is computed by code, which feedwright does not run; it was left out.',
    doc: "A key of the JavaScript front matter (`---js`) has a value computed by code (`const date = new Date();`, `title: name.toUpperCase()`): feedwright reads front matter as data and never runs it, so the key is left out, as if it were not written. Literal values (strings, numbers, booleans, arrays and objects of them, `new Date(\"…\")`) are read; functions (the templates' helpers) are left out without a word.",
    todo: 'Write the value as a literal (`const date = "2024-03-05";`), or set the field in YAML front matter.',
    /** `keys`: the keys left out, in the text's order. */
    say: (p: { keys: readonly string[] }) => ({
      message: `${p.keys.map((k) => `"${k}"`).join(', ')} ${p.keys.length === 1 ? 'is' : 'are'} computed by code in the JavaScript front matter, which feedwright does not run; left out.`,
      hint: 'Write the value as a literal (const date = "2024-03-05";) so that feedwright can read it.',
    }),
  },
  FM_TOO_LARGE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The front matter is larger than 16 KiB; it is refused without being parsed.',
    doc: 'The front matter is larger than 16 KiB. It is refused without being parsed: real front matter is a few hundred bytes, and parsing megabytes of broken YAML takes seconds.',
    todo: 'Move long text (a summary, notes) into the body.',
    say: (p: { chars: number; limit: number }) => ({
      message: `The front matter is ${p.chars} characters long; the limit is ${p.limit}.`,
      hint: 'Move long text (a summary, notes) into the body; front matter holds short keys and values.',
    }),
  },
  FM_NOT_A_MAPPING: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The front matter is YAML but not a mapping of keys to values.',
    doc: 'The front matter is YAML but not `key: value` lines (a list, a bare string).',
    todo: 'Write `title: ...` etc. on their own lines.',
    say: (_: NoParams) => ({ message: 'The front matter must be a list of "key: value" lines.', hint: 'Write e.g. "title: My article" on its own line.' }),
  },
  FM_ALIAS_LIMIT: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'The front matter expands too many YAML aliases (a "billion laughs" document).',
    doc: 'The front matter expands more than 50 YAML aliases: a "billion laughs" document, which would take exponential memory. It is refused without being expanded.',
    todo: 'Remove the aliases; front matter rarely needs any.',
    say: (p: { reason: string; limit: number }) => ({
      message: `The front matter expands too many YAML aliases (${p.reason}).`,
      hint: `Use at most ${p.limit} aliases; front matter rarely needs any.`,
    }),
  },
  FM_YAML_TAG: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'The front matter uses a YAML tag (!!js/..., !foo); tags never construct objects and the value is read as plain data.',
    doc: 'The front matter uses a YAML tag (`!!js/function`, `!!python/object`, `!foo`) or another feature feedwright ignores. Tags never construct objects or run code: the value is read as plain data (a tagged string is a string).',
    todo: 'Remove the tag.',
    say: (p: { reason: string }) => ({
      message: `The front matter uses a YAML feature feedwright ignores: ${p.reason}.`,
      hint: 'Remove the tag; front matter holds plain strings, numbers, lists and maps.',
    }),
  },
  FM_DUPLICATE_KEY: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'A front matter key appears twice in the same map; the last value is used.',
    doc: 'A key appears twice in the same YAML map. Jekyll (Ruby Psych) and most YAML readers keep the last value, and so does feedwright; the line is that of the repeated key.',
    todo: 'Remove one of the two lines.',
    say: (p: { key: string }) => ({
      message: `The front matter key "${p.key}" appears twice; its last value is used.`,
      hint: `Remove the earlier "${p.key}" line if the last one is right.`,
    }),
  },
  FM_UNKNOWN_KEY: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'A front matter key is not one feedwright knows; it is ignored.',
    doc: 'A front matter key neither feedwright nor any site generator it knows reads (layout, permalink, aliases, extra, eleventyNavigation... never warn); it is ignored. Reported once per key for the whole build, at its first file and line, with the number of files. The hint suggests the nearest known key ("Did you mean "tags"?"), or else the config line that maps the key to the field its name suggests (`featured_img` → `"keys": { "image": ["featured_img"] }`).',
    todo: 'Fix the spelling, map it with the config `keys` (`"keys": { "title": ["newstitle"] }`), or ignore it.',
    say: (p: { key: string; guess: string | undefined; field?: string | undefined }) => ({
      message: `Unknown front matter key "${p.key}" is ignored.`,
      hint: p.guess
        ? `Did you mean "${p.guess}"? Or map it in the config: "keys": { "<field>": ["${p.key}"] }.`
        : p.field
          ? `If it holds the ${p.field}, map it in the config: "keys": { "${p.field}": ["${p.key}"] }; else ignore this.`
          : `If it holds feed metadata, map it in the config: "keys": { "<field>": ["${p.key}"] } (the fields: the README's "Articles" section); else ignore this.`,
    }),
  },
  FM_BAD_VALUE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'front-matter',
    summary: 'A front matter value has the wrong type or shape.',
    doc: 'A key the post cannot be published correctly without has a value of the wrong type or shape (`title` a list or a map, `draft` or `clean` not true/false); the post is left out. Optional fields of the wrong shape are `FM_VALUE_IGNORED` instead.',
    todo: 'Use the form shown in the hint.',
    say: (p: { key: string; expected: string; got: string; example: string }) => ({ message: `"${p.key}" must be ${p.expected}, not ${p.got}.`, hint: `Write e.g. ${p.key}: ${p.example}` }),
  },
  FM_BOOLEAN_TEXT: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'A true/false key is written as text ("false"); it is read as the value it names.',
    doc: 'A true/false key such as `draft` holds the text "true" or "false" (quoted) instead of a boolean. feedwright reads it as the boolean it names, as Hugo does (and says nothing on a Hugo site); other generators may read any text as true.',
    todo: 'Write the value without quotes.',
    say: (p: { key: string; value: string; read: boolean }) => ({
      message: `"${p.key}" is the text ${JSON.stringify(p.value)}; it is read as ${p.read}.`,
      hint: `Write ${p.key}: ${p.read} without quotes: to your site's generator, any text may mean true.`,
    }),
  },
  FM_VALUE_IGNORED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'front-matter',
    summary: 'An optional front matter value has a shape feedwright cannot use; the field is left empty.',
    doc: 'An optional field has a value feedwright cannot use, and the post is kept without it: `summary` not a string (a derived summary is used), `tags`/`categories` not a list or comma-separated string, or list members that are neither strings nor numbers (the others are kept), `authors` it cannot read (the readable ones are kept, else the config author), `image` a map with no `image`/`src`/`url`/`light` string, a number, or a path it cannot turn into a URL such as an Astro asset import (`@/assets/cover.png`), `lang` not a language tag (`zh_cn` is read as `zh-CN`; the feed language is used), `updated` not a date (git or the publication date is used).',
    todo: 'Write the value in the form shown in the hint, or ignore this.',
    say: (p: { key: string; expected: string; got: string; example: string } | { key: string; tag: string }) =>
      'tag' in p
        ? { message: `"${p.key}" holds ${p.tag}, which is not a tag; it is left out, the other tags are kept.`, hint: `Write tags as strings, e.g. ${p.key}: [news, mexico]` }
        : { message: `"${p.key}" should be ${p.expected}, not ${p.got}; it is left out.`, hint: `Write e.g. ${p.key}: ${p.example}` },
  },
  META_TITLE_MISSING: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'No title in the front matter, the text or the file.',
    doc: 'No title in the front matter, nor found in the text (a first-line title, a `# Heading`, an HTML `<title>`/`og:title`). The hint says what titles a page or a text file, by its kind. When the title key is there but empty, the message says so at its line: `title: #1 tip` is an empty title in YAML, whose `#` starts a comment. When an Eleventy data file written as code applies to the article (`blog.11tydata.js`, which may compute the title), the hint names it.',
    todo: 'Add `title: ...`.',
    say: (p: { emptyKey?: string; codeData?: string; kind?: 'text' | 'html' }) =>
      p.emptyKey
        ? {
            message: `The article has no title: "${p.emptyKey}" is empty and none was found in the text.`,
            hint: `Write the title after "${p.emptyKey}:". A value that starts with "#" is a YAML comment: quote it (${p.emptyKey}: "#…").`,
          }
        : {
            message: 'The article has no title: none in the front matter and none found in the text.',
            hint: p.codeData
              ? `Add "title: ..." to the front matter. ${p.codeData} may compute the title (eleventyComputed), but feedwright does not run code.`
              : p.kind === 'html'
                ? 'Give the page a <title>, an og:title or an <h1>, or start the file with front matter holding "title: ...".'
                : p.kind === 'text'
                  ? 'Make the first line the title, followed by a blank line and the text, or start the file with front matter holding "title: ...".'
                  : 'Add "title: ..." to the front matter (or a first line / "# Heading" that is the title).',
          },
  },
  META_DATE_UNPARSEABLE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'A date in the front matter could not be read.',
    doc: 'The publication date in the front matter (`date`, `published`, `pubDate`…) cannot be read (e.g. `31/31/2024`); the post is left out, as any other date would go into its permanent id. An unreadable `updated` is `FM_VALUE_IGNORED`.',
    todo: 'Write ISO 8601: `2024-03-11` or `2024-03-11T09:30:00+01:00`. Dates without an offset are read in the config `timezone`.',
    say: (p: { key: string; got: string }) => ({
      message: `"${p.key}" is ${p.got}, which is not a date.`,
      hint: 'Write an ISO 8601 date such as 2024-03-11 or 2024-03-11T09:30:00+01:00 (dates without an offset are read in the config "timezone").',
    }),
  },
  META_DATE_AMBIGUOUS: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'A numeric date in the front matter reads as two different days (06-03-2024), and the config language does not say which.',
    doc: 'The publication date is written in numbers with the day and the month in an order the numbers do not show (`06-03-2024`: 6 March or June 3). A date whose numbers decide it (`13-03-2024`), a dotted date (`06.03.2024`, day first) and a slashed or dashed one under a regional config `language` (`en-US` month first; `en-GB` and every other language day first) are read; this one is not, so the post is left out, as any other date would go into its permanent id.',
    todo: 'Write ISO 8601 (`2024-03-06`), or set the config `language` to a regional tag (`en-GB`, `en-US`).',
    say: (p: { key: string; got: string; dayFirst: string; monthFirst: string }) => ({
      message: `"${p.key}" is "${p.got}", which reads as ${p.dayFirst} (day first) or ${p.monthFirst} (month first).`,
      hint: `Write it as ${p.dayFirst} or ${p.monthFirst} (ISO 8601), or set "language" in the config to a regional tag: "en-GB" reads such dates day first, "en-US" month first.`,
    }),
  },
  META_DATE_IMPLAUSIBLE: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: 'A date is before 1970 or after 2100, which is usually a typo.',
    doc: 'A date is before 1970 or after 2100 (e.g. 1900, 2300): usually a typo. The article is published (unless the date is also in the future, see below).',
    todo: 'Check the year.',
    say: (p: { date: string; from: string; min: number; max: number }) => ({
      message: `The date ${p.date} (${p.from}) is outside ${p.min}–${p.max}; it is probably a typo.`,
      hint: 'Check the year.',
    }),
  },
  META_DATE_OUT_OF_RANGE: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'A date has a year outside 1-9999 (e.g. 0000), which feeds cannot carry; the article is left out.',
    doc: "A date's year is outside 1–9999, e.g. `date: 0000-06-15`. RFC 3339 and RFC 822 readers disagree about year 0 (some write it as 0001, the era year), so the article is left out rather than published with another year.",
    todo: 'Fix the year; 0000 is usually a placeholder.',
    say: (p: { day: string; from: string; year: number; min: number; max: number }) => ({
      message: `The date ${p.day} (${p.from}) has the year ${p.year}; feeds can only carry years ${p.min}–${p.max}, so the article is left out.`,
      hint: 'Fix the year (0000 is usually a placeholder or a typo).',
    }),
  },
  META_DATE_FROM_MTIME: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: 'No date anywhere, so the file modification time was used; it changes on every fresh checkout.',
    doc: "No date anywhere, so the file's modification time is used; it changes on every fresh checkout, so the feed changes too. Reported once for the whole build, at the first such file, with the number of files (`feedwright explain FILE` shows where each date came from).",
    todo: 'Add `date:` (or turn on git dates and commit the file).',
    say: (_: NoParams) => ({
      message: 'No publication date was found, so the file modification time is used; it changes on every fresh checkout.',
      hint: 'Add "date: YYYY-MM-DD" to the front matter (or commit the file, if git dates are on).',
    }),
  },
  META_UPDATED_BEFORE_PUBLISHED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: 'The updated date is earlier than the published date; updated was set to published.',
    doc: '`updated` is earlier than the publication date; the publication date is used.',
    todo: 'Fix the dates.',
    say: (p: { updated: string; published: string }) => ({
      message: `"updated" (${p.updated}) is earlier than the publication date (${p.published}); the publication date is used.`,
      hint: 'Fix the dates.',
    }),
  },
  META_FUTURE_HELD: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'metadata',
    summary: 'The article is dated in the future and is held back (config "future": "include" publishes it).',
    doc: 'The article is dated in the future and is held back (config `"future": "hold"`, the default). It is published by the first build after its date.',
    todo: 'Set `"future": "include"` to publish future-dated articles now.',
    say: (p: { date: string; key?: 'publishDate' }) => ({
      message: p.key === 'publishDate' ? `The article's "publishDate" is ${p.date}, in the future; it is held back until then.` : `The article is dated ${p.date}, in the future; it is held back until then.`,
      hint: 'Set "future": "include" in the config to publish future-dated articles.',
    }),
  },
  META_DRAFT: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'metadata',
    summary: 'The article is a draft (draft: true) and is not published.',
    doc: '`draft: true` (or `isDraft: true`, as some Astro and Next.js schemas name it), Jekyll\'s `published: false`, or a Hugo `expiryDate` passed: the article is not published.',
    todo: 'Remove `draft: true` to publish it.',
    /** `key`: the draft key the front matter uses, when not `draft`. */
    say: (p: { why: 'draft'; key?: string } | { why: 'published-false' } | { why: 'expired'; on: string }) =>
      p.why === 'expired'
        ? { message: `The article expired on ${p.on} ("expiryDate"); Hugo no longer publishes it.`, hint: 'Remove or move "expiryDate" to publish it.' }
        : p.why === 'published-false'
          ? { message: 'The article says "published: false" and is not published.', hint: 'Remove "published: false" to publish it.' }
          : { message: 'The article is a draft and is not published.', hint: `Remove "${p.key ?? 'draft'}: true" to publish it.` },
  },
  META_SLUG_INVALID: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'The slug is not a safe URL path segment (no "/", "..", or control characters).',
    doc: 'The slug is not a safe URL path segment: it contains `/`, `\\`, `..`, `?`, `#`, whitespace or control characters (e.g. `../../etc/passwd`). Nothing is ever written at a path built from it.',
    todo: 'Use letters, digits, `-`, `_`, `.`.',
    say: (p: { key: string; got: string }) => ({ message: `"${p.key}" is ${p.got}, which is not a safe URL path segment.`, hint: 'Use letters, digits, "-", "_" and "." only (no "/", no "..").' }),
  },
  META_ID_INVALID: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'The id is not an absolute IRI (a URL, urn: or tag: URI).',
    doc: 'The `id` is not an absolute IRI.',
    todo: 'Use a URL, `urn:uuid:...` or a `tag:` URI, or remove it to get a stable `tag:` id.',
    say: (p: { got: string }) => ({
      message: `"id" is ${p.got}, which is not an absolute IRI.`,
      hint: 'Use a URL, a "urn:uuid:..." or a "tag:example.com,2024-01-01:slug" URI; or remove it to get a stable tag: URI.',
    }),
  },
  META_ID_NUMBER: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'metadata',
    summary: 'The id is a bare number (a post number, as WordPress importers write it); the derived id is used.',
    doc: 'The `id` is a bare number such as `723`, the post number an importer (jekyll-import, wordpress-to-hugo-exporter) copied from WordPress. No feed id can be a bare number, and no generator reads it: the item gets the derived `tag:` id (or the `guid` when there is one).',
    todo: 'Nothing; or set `guid` (or `id`) to the URI the old feed used, so its readers keep what they have read.',
    say: (p: { number: string }) => ({
      message: `"id" is the number ${p.number}, a post number rather than a feed id; the item's id is derived.`,
      hint: 'Nothing to do. To keep the id the old feed gave the item, set "guid" to it (e.g. guid: https://example.com/?p=723).',
    }),
  },
  META_LINK_INVALID: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'The link is not an absolute http(s) URL and cannot be resolved against the site link.',
    doc: 'The `link`/`canonical` is not an http(s) URL and does not resolve against the site `link` (e.g. `javascript:...`).',
    todo: 'Use an absolute URL or a path.',
    say: (p: { key: string; got: string }) => ({ message: `"${p.key}" is ${p.got}, which is not a URL.`, hint: 'Use an absolute URL, or a path that resolves against the site "link".' }),
  },
  META_DUPLICATE_ID: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'Two articles resolve to the same id; the later one is left out.',
    doc: 'Two articles resolve to the same id. Both files are named (each diagnostic names the other); the newer one is kept in the feeds, the other is left out.',
    todo: 'Give one of them a different `id` (or slug).',
    say: duplicateSay('Give one of them a different "id" (or slug).'),
  },
  META_DUPLICATE_SLUG: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'Two articles resolve to the same slug (and so the same link); the later one is left out.',
    doc: 'Two articles resolve to the same slug, hence the same link (e.g. `a/post.md` and `b/post.md`). Both are named; one is kept.',
    todo: 'Give one of them a `slug:`.',
    say: duplicateSay('Give one of them a different "slug" (or "permalink", "url") in its front matter.'),
  },
  META_DUPLICATE_LINK: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'metadata',
    summary: 'Two articles resolve to the same link (the same page of the site); the later one is left out.',
    doc: "Two articles resolve to the same link, the same page of the site (a true collision: the generator would write one over the other). Both files are named; the newer is kept. Articles whose links differ never collide: a derived id shared by two of them is made unique from the later one's link.",
    todo: 'Give one of them a different `slug`, `permalink` or `url`.',
    say: duplicateSay('Give one of them a different "slug" (or "permalink", "url") in its front matter.'),
  },
  META_NOT_A_POST: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'metadata',
    summary: 'A section or listing page, or a page the generator does not write or list; it is not an item.',
    doc: "The file is a section or listing page (Hugo/Zola `_index.md`, a page with `pagination`/`paginate`, a listing `layout` such as `home`, `list`, `archive`; a folder's `index.md` that has articles below it, except in Hugo and Zola where it is a page bundle and in an Astro content collection where it is an entry), an HTML page of post teasers (entries whose heading links to another page) at a listing's address (`page/2/`, `category/x/`, `tag/x/`, `author/x/`…, by its file or its canonical URL) or, with three or more, as the articles folder's own `index.html`, or a page the generator does not write or list (`permalink: false`, `eleventyExcludeFromCollections`, Hugo `headless`/`build`, a Jekyll `_drafts/` file or a `_posts/` file without a date in its name, a file Zola's `ignored_content` matches, an Astro collection entry its posts collection's glob leaves out or, with the articles at `src/content`, an entry of a collection the site's own feed endpoint does not read), a folder's `README.md` without front matter, or a page its template makes with no title and no text of its own (only a `template`, `layout` or `redirect_to` key, as Zola's `template = \"latest.html\"`).",
    todo: 'Nothing, unless it is a post: then remove the listing key.',
    say: (p: { what: string; by: 'site' | 'reader' }) => ({
      message: `This is ${p.what}, not a post; it is not an item.`,
      hint: p.by === 'site' ? 'Nothing to do, unless it is a post.' : 'Nothing to do; `feedwright explain` shows how each file was read.',
    }),
  },
  META_TITLE_FROM_FILE_NAME: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: 'No title key; the title is taken from the file name, and the keys that may hold it are named.',
    doc: 'There is no `title` key but a key that may hold the title (`newstitle`, `headline`...); the article is published with a title made from its file name. Reported once for the build, with the number of files.',
    todo: 'Map the key: `"keys": { "title": ["newstitle"] }`.',
    say: (p: { title: string; keys: readonly string[]; inherited?: string | undefined }) => ({
      message: `${p.inherited === undefined ? 'No "title" key' : `No "title" key of its own (its layout or folder data give every post there "${p.inherited}")`}: the title is taken from the file name ("${p.title}"); ${p.keys.map((k) => `"${k}"`).join(', ')} may hold it.`,
      hint: `Map it in the config: "keys": { "title": ["${p.keys[0]}"] }.`,
    }),
  },
  META_TITLE_INHERITED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: 'The article has no title of its own; the one its layout or folder data give every post there is used.',
    doc: 'The article names no title, has no opening heading and no key that may hold one, but its layout (Eleventy) or its folder data (an Eleventy data file, a Hugo cascade, a Jekyll default) sets `title`: the name of a section, which every post there inherits. It is published under that title, so several items may share it. A title of its own, a heading or a file-name title always comes first.',
    todo: 'Give the post a `title` in its front matter.',
    say: (p: { title: string; key: string }) => ({
      message: `The title "${p.title}" is not this article's own: its layout or folder data give "${p.key}" to every post there.`,
      hint: `Give the post a "${p.key}" of its own in its front matter.`,
    }),
  },
  META_PERMALINK_TOKEN: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'metadata',
    summary: 'A permalink pattern has a :token feedwright does not know; it is kept as written.',
    doc: "A permalink pattern (from the config or the generator's) uses a `:token` feedwright does not know; it is kept as written in the link.",
    todo: 'Use the tokens listed in docs/sites.md, "Overriding the generator\'s links".',
    say: (p: { pattern: string; unknown: readonly string[] }) => ({
      message: `The permalink pattern "${p.pattern}" has ${p.unknown.map((t) => `"${t}"`).join(', ')}, which feedwright does not know; it is kept as written.`,
      hint: 'See docs/sites.md, "Overriding the generator\'s links", for the tokens.',
    }),
  },
  META_PERMALINK_UNRENDERED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'links',
    summary: "An Eleventy permalink template reads what feedwright cannot render (a filter or variable the site defines); the item links to Eleventy's default path instead.",
    doc: "An Eleventy `permalink` written as a template (in front matter or a directory data file) is rendered as Eleventy renders it: liquidjs, Eleventy's `slugify` and `slug` filters, Liquid's own filters (`date`), the page's data and `page.fileSlug`, `page.filePathStem`, `page.date`. A template that calls a filter the site adds in its config (`dateToFormat('yyyy/MM/dd')`, a luxon helper), reads a variable no page has, or does not parse, cannot be rendered without running the site's code, which feedwright never does: the item links to Eleventy's default path (the input-relative file path), which is probably not the page the site serves. The line is the `permalink` key's when the article writes it; a directory data file's permalink is named by text. On a Hexo site, the same for a `permalink` token a post's front matter does not give: `:id` without an `id` is Hexo's own database id, which no file states; the item links to Hexo's default permalink (`:year/:month/:day/:title/`).",
    todo: "Write the same pattern in the config's `permalinks` (`\"permalinks\": { \"posts\": \"/:year/:month/:day/:title/\" }`), and check with `--verify-links`.",
    say: (p: { template: string; url: string; hexo?: boolean }) => ({
      message: p.hexo
        ? `The permalink "${p.template.length > 120 ? `${p.template.slice(0, 117)}...` : p.template}" has a token this post's front matter does not give (Hexo fills \`:id\` with its own database id); the item links to ${p.url} (Hexo's default permalink) instead.`
        : `The permalink "${p.template.length > 120 ? `${p.template.slice(0, 117)}...` : p.template}" reads a filter or variable the site defines, which feedwright does not run; the item links to ${p.url} (Eleventy's default path) instead.`,
      hint: 'Write the same pattern in the config: "permalinks": { "<folder>": "/:year/:month/:day/:title/" }; check with --verify-links.',
    }),
  },
  SITE_DATA_CODE: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'links',
    summary: 'A site data file computes its values (an Eleventy .11tydata.js with functions or eleventyComputed); feedwright does not run it, so what it sets is not applied.',
    doc: "A data file of the site is code that computes its values (an Eleventy `blog/blog.11tydata.js` with `eleventyComputed`, a function, a spread or any statement besides its export). feedwright reads data files that are data (`blog/blog.json`, and a module that exports one object of literals: `export default { tags: [\"posts\"] }`, parsed, never run) but never runs code, so a `permalink`, `tags` or `layout` such a file sets is not applied to the articles below it, and their links may differ from the site's.",
    todo: "Write the same pattern in the config's `permalinks`, and check with `--verify-links`.",
    say: (_: NoParams) => ({
      message: 'This data file computes its values; feedwright does not run code, so the permalink, tags or layout it sets are not applied to the articles below it.',
      hint: 'If it sets a permalink, write the same pattern in the config: "permalinks": { "<folder>": "/:year/:month/:day/:filename/" }; check with --verify-links.',
    }),
  },
  LINK_NOT_BUILT: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'links',
    summary: "An item link does not resolve to a page in the site's output folder (--verify-links).",
    doc: "An item's link does not resolve to a page the site built (`/x/` is `x/index.html`; `/x` is `x.html`, `x/index.html` or `x`; `/x.html` is `x.html`) in the generator's output folder. The message names the article file and the URL.",
    todo: 'Fix the permalink (config `permalinks`, front matter `permalink`/`url`/`slug`), or build the site first.',
    say: (p: { link: string; folder: string; lookedFor: readonly string[]; rule: string | undefined }) => ({
      message: `The item link ${p.link} does not resolve to a page in ${p.folder} (looked for ${p.lookedFor.join(', ')}).`,
      hint: p.rule ? `It was made by ${p.rule}; fix the pattern (config "permalinks") or the front matter.` : 'Fix its "link", or the site\'s permalink settings.',
    }),
  },
  CONTENT_EMPTY: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary: 'Nothing was left of the body after cleaning.',
    doc: 'Nothing is left of the body after cleaning; the item has a title only.',
    todo: 'Check `feedwright explain <file>` for what was dropped.',
    say: (_: NoParams) => ({ message: 'The article has no body (nothing was left after cleaning).', hint: 'Check the "dropped" list in `feedwright explain` for this file.' }),
  },
  CONTENT_TRUNCATED_NESTING: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary: 'The HTML nests deeper than the limit; the deepest part (or, for an HTML page too deep to extract, the whole page) was flattened to text.',
    doc: 'The HTML nests elements more than 256 levels deep: the deeper elements are unwrapped and only their text is kept. An HTML page nested 200 levels or more is extracted by the density fallback instead of Readability; a page that cannot be walked at all, or Markdown nested more than 100 levels (100,000 `>`; a list marker counts only before a space, so a rule of 101 `-` is not nesting) or with more than 1,000 inline markers in one word (`!!!!...`), is kept as plain paragraphs.',
    todo: 'Remove the needless nesting (a broken editor or a hostile page), or save the article as Markdown.',
    say: (p: { depth: number } | { reader: string } | { treeFailed: string; kind: 'markdown' | 'page' }) =>
      'depth' in p
        ? {
            message: `The HTML nests elements more than ${p.depth} levels deep; the deeper elements were unwrapped and only their text kept.`,
            hint: 'Remove the needless nesting (usually left by a broken editor or a hostile page).',
          }
        : 'reader' in p
          ? { message: `${p.reader}; its structure may be simplified.`, hint: 'Remove the needless nesting (usually left by a broken editor or a hostile page).' }
          : {
              message: `The ${p.kind === 'markdown' ? 'Markdown' : 'page'} could not be read as a tree (${p.treeFailed}); its text was kept without markup or boilerplate removal.`,
              hint: 'Remove the needless nesting, or save the article as Markdown.',
            },
  },
  CONTENT_TEMPLATE_REMOVED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary:
      'Template code in a Markdown body (a Hugo shortcode, an include, a Liquid tag where the site renders none) cannot be rendered and was removed; the message names each tag and line.',
    doc: 'Template code in a Markdown body cannot be rendered and was removed: a Hugo shortcode other than the built-ins rendered here (`ref`, `relref`, `param`, `figure`, `youtube`, `vimeo`, `highlight`; on a Zola site `{{ youtube(id="…") }}` and `{{ vimeo(id="…") }}`, as links to the video), a Hugo or Zola site\'s own shortcode whose template does not show plainly what it writes (those that write a fixed text, an image from an argument, a YouTube or Vimeo embed, or a box around their content are rendered: the box as a block quote) and callouts of themes (`alert`, `notice`, `hint`, `admonition`…, a block quote when their tags pair); a paired one keeps its inner text, a Liquid tag that only a site\'s own plugin knows (Octopress\'s `codeblock`, `blockquote`, `pullquote`, `img` and `gist` are rendered, as its plugins write them), an `{% include %}` of a file the site does not hold (an include of a gem theme; the own `_includes` files of the site, the `includes_dir`, are rendered with their parameters, up to 100 files of 64 KiB each, eight deep), `{% include_relative %}`, a tag no engine knows, or any Liquid/Nunjucks where the site does not say it renders templates (on a Hugo site only shortcodes are template code: other `{{ }}`/`{% %}` text is kept as written, as Hugo publishes it). The message names each tag with its line (the first eight, then a count). Code spans and fenced code keep their `{{`/`{%`; a JSX attribute (`style={{…}}`, in an `.md` page compiled as MDX) is removed without a word.',
    todo: 'Where the site uses Liquid, use its generator preset (which sets `templates: { engine: "liquid", vars: { site: {…} } }` in the resolved config), or front matter `render_with_liquid: true`; otherwise write the content the tag produces, or accept the removal.',
    /** `named`: the first removed tags as "tag (line n)", of `total`; `engine`: whether the site renders Liquid at all. */
    say: (p: { named: readonly string[]; total: number; engine: 'liquid' | 'none' }) => ({
      message: `Template code that cannot be rendered was removed from the body: ${p.named.join(', ')}${p.total > p.named.length ? ` and ${p.total - p.named.length} more` : ''}.`,
      hint:
        p.engine === 'none'
          ? 'Template code is rendered where the site uses Liquid (a generator preset or "render_with_liquid: true"); a Hugo or Zola site\'s own shortcode only when its template shows plainly what it writes (a fixed text, an image, a video, a box). Write the content they produce, or accept the removal.'
          : 'Hugo shortcodes, include files the site does not hold (a gem theme\'s) and tags no engine knows cannot be rendered outside the site generator. Copy the include into the site\'s _includes folder, write the content it produces, or accept the removal.',
    }),
  },
  CONTENT_LINK_UNRESOLVED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary: 'A Jekyll {% link %} or {% post_url %}, a Hugo ref/relref, or a Zola internal link (@/x.md) names no file of the site; the link was left out and its text kept (the generator stops its build on this).',
    doc: "A Jekyll `{% link path %}` or `{% post_url name %}`, a Hugo `{{< ref >}}`/`{{< relref >}}`, or a Zola internal link `[text](@/blog/x.md)` names no file of the site (each target is looked up before any body is rendered: `link` by its path from the source folder, `post_url` by the post's file name, `ref` as Hugo's GetPage does, `@/` by its path from Zola's content folder). The Markdown or HTML link around it is unwrapped: its text stays, pointing nowhere. The message names each tag with its line. Jekyll, Hugo and Zola stop their builds on the same link.",
    todo: 'Fix the path: `{% link _posts/2024-01-31-x.md %}`, `{% post_url 2024-01-31-x %}` (a sub-folder of `_posts` goes before the name), `{{< relref "/blog/x" >}}`, `@/blog/x.md` (from the content folder, with `.md`).',
    /** `named`: the first unresolved tags as "tag (line n)", of `total`. */
    say: (p: { named: readonly string[]; total: number }) => ({
      message: `No file of the site is what this names, so the link was left out and its text kept: ${p.named.join(', ')}${p.total > p.named.length ? ` and ${p.total - p.named.length} more` : ''}.`,
      hint: 'The generator stops its build on this too: Jekyll\'s {% link %} takes the file\'s path from the source folder ("_posts/2024-01-31-x.md"), {% post_url %} the post\'s file name without extension ("2024-01-31-x"); Hugo\'s ref/relref a page path from the content folder ("/blog/x"); Zola\'s @/ a file path from the content folder ("@/blog/x.md").',
    }),
  },
  CONTENT_TEMPLATE_FAILED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary: "The Markdown body's Liquid template code has a syntax or render error; the template code was removed instead of rendered.",
    doc: "The body's Liquid does not parse or render (an unclosed tag, a bad expression, a loop beyond the limits), or holds more than 2,000 template tags (`MAX_LIQUID_TAGS`: liquidjs's parser is quadratic in them); its template code was removed instead.",
    todo: 'Fix the syntax at the line named, or wrap literal braces in `{% raw %}…{% endraw %}`.',
    /** `reason`: LiquidJS's message. */
    say: (p: { reason: string }) => ({
      message: `The Liquid template code in this article could not be rendered (${p.reason}); it was removed instead.`,
      hint: 'Fix the template syntax, or wrap code that is not a template in {% raw %}…{% endraw %}.',
    }),
  },
  CONTENT_MDX_REMOVED: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary: 'An MDX component (JSX) or expression cannot be rendered outside the site and was removed; plain Markdown around and inside it is kept.',
    doc: "An `.mdx` body's JSX component (one warning per component, at its first line, with a count) or `{expression}`s (one warning, lines listed) cannot run outside the site and were removed. Imports and exports are removed silently; the Markdown inside a component is kept; a callout box (`<AlertBox>`, `<Aside>`, `<Callout>`, `<Note>`…) whose tags pair becomes a block quote with its title, without a warning.",
    todo: 'Write what the component shows as Markdown, or accept the removal; escape a literal brace as `\\{`.',
    /** One component (`count` uses, the first reported), or every `{expression}` of the body at their `lines`. */
    say: (p: { what: 'component'; name: string; count: number } | { what: 'expressions'; lines: readonly number[] }) =>
      p.what === 'component'
        ? {
            message: `The MDX component <${p.name}>${p.count > 1 ? ` (${p.count} times)` : ''} cannot be rendered outside the site and was removed; any Markdown inside it was kept.`,
            hint: 'Feeds carry HTML only: write what the component shows as Markdown, or accept the removal.',
          }
        : {
            message: `${p.lines.length === 1 ? 'An MDX {expression}' : `${p.lines.length} MDX {expressions}`} cannot be evaluated outside the site and ${p.lines.length === 1 ? 'was' : 'were'} removed (line ${p.lines.slice(0, 8).join(', ')}${p.lines.length > 8 ? ', …' : ''}).`,
            hint: 'Write the value itself, or escape a literal brace as \\{.',
          },
  },
  ARTICLE_TOO_COMPLEX: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'content',
    summary:
      'The article passes a work bound (HTML elements or nodes); it was read the cheap way, as plain text without boilerplate removal, instead of taking unbounded time and memory.',
    doc: 'The article passes a work bound (see [Work bounds](#work-bounds)): an HTML page with more than 15,000 elements or 100,000 nodes, scraped text with more than 100,000 lines, Markdown over 1 MiB, 100,000 lines or 250,000 `<` and `&`, or whose HTML nests more than 20,000 elements deep. It is read the cheap way instead: its text as plain paragraphs, without boilerplate removal or Markdown rendering (an HTML page keeps its `<title>`). The message names the bound.',
    todo: 'Nothing, if the text is what you want. Otherwise save the article without its page chrome, or split it.',
    say: (p: { reason: string }) => ({ message: p.reason, hint: 'Save the article without its page chrome (or as Markdown); see docs/errors.md for the bounds.' }),
  },
  ARTICLE_OVER_BOUND: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'content',
    summary: "The article's body has more tags and entities than the per-article work bound; it is left out instead of taking minutes.",
    doc: "The article's body, once read, has more than 250,000 tags and entities (each `<` and `&` of its HTML; prose has a few per sentence). Every later stage pays for each one (~3 µs and ~300 bytes through a build), so the article is left out instead of holding the build for seconds to minutes. Example: 2 MB of `<` characters.",
    todo: 'Split the article, or remove what makes it so (a run of `<` or `&`, a generated table).',
    say: (p: { limit: number; bound: string }) => ({
      message: `The body has more than ${p.limit.toLocaleString('en-US')} tags and entities (bound "${p.bound}"); the article is left out instead of taking seconds to minutes of every later stage.`,
      hint: 'Split the article, or remove what makes it so (runs of "<" or "&", a generated table); see docs/errors.md for the bounds.',
    }),
  },
  ARTICLE_INTERNAL_ERROR: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'content',
    summary: 'feedwright crashed on this article (a bug); the article is left out and the others are built.',
    doc: 'feedwright crashed on this article: a bug. The article is left out and the others are built (one bad article never takes the feed down).',
    todo: 'Report it with the article.',
    say: (p: { name: string; message: string }) => ({
      message: `feedwright failed on this article (${p.name}: ${p.message}); it is left out of the feeds.`,
      hint: BUG,
    }),
  },
  ARTICLE_ITEM_INVALID: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'content',
    summary: "The article's feed item failed feedwright's own validation (a bug); the article is left out and the others are built.",
    doc: "The article's item, rendered in one of the formats, fails feedwright's own validation (every item is checked when its article is parsed): a bug. The article is left out and the others are built, instead of the whole build stopping with `VALIDATION_FAILED`.",
    todo: 'Report it with the article; the message names the rule.',
    say: (p: { code: string; problem: string }) => ({
      message: `feedwright rendered this article into a feed item that fails its own validation (${p.code}: ${p.problem}); the article is left out of the feeds.`,
      hint: BUG,
    }),
  },
  GIT_SHALLOW: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'git',
    summary: 'The repository is a shallow clone, so git dates are those of the clone, not of the articles.',
    doc: 'The repository is a shallow clone, so git dates are those of the clone, not of the articles.',
    todo: 'In CI, fetch the full history (`fetch-depth: 0`), or add dates to the front matter.',
    say: (_: NoParams) => ({
      message: 'The repository is a shallow clone, so git dates are wrong (every article looks new).',
      hint: 'Fetch the full history (actions/checkout with fetch-depth: 0, or `git fetch --unshallow`), or set dates in front matter.',
    }),
  },
  GIT_DATES_UNCERTAIN: {
    kind: 'diagnostic',
    severity: 'warning',
    section: 'git',
    summary:
      'git history cannot tell when some articles began: many start in one commit (an import, or a move or copy git could not follow), or a commit was too large for rename detection.',
    doc: "git cannot tell when some articles began. Renames are followed (a post moved with `git mv`, or moved and lightly edited in the same commit, keeps its first commit's date), but here at least 10 articles, and a quarter of them, first appear in one commit (an import from elsewhere, a copy, or a move with so much editing that git no longer pairs the files), or a commit moved more than 5,000 files, beyond rename detection. Their git dates are that commit's. Articles dated in front matter are not affected. (when every one of them is dated in front matter or its file name, nothing is reported).",
    todo: 'Date the articles in front matter (or accept the dates); when moving posts, commit the move apart from big edits.',
    /** Two causes: a commit past git's rename limit, or `count` of `total` articles starting in one commit on `day`. */
    say: (p: { cause: 'rename-limit'; limit: number } | { cause: 'bulk'; count: number; total: number; day: string }) =>
      p.cause === 'rename-limit'
        ? {
            message: `A commit moves more files than git compares for renames (${p.limit}); articles it moved look new there, so their git dates may be the move's.`,
            hint: 'Date these articles in front matter, or move fewer files per commit.',
          }
        : {
            message: `${p.count} of ${p.total} articles first appear in one commit on ${p.day} (an import, or a move or copy git could not follow), so git dates them all ${p.day}; articles dated in front matter are not affected.`,
            hint: 'Date the articles in front matter, or keep their history when moving them (`git mv`, little editing in the same commit).',
          },
  },
  GIT_BULK_EDIT: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'git',
    summary: 'A commit changed many articles at once (a mass edit or move); it does not count as an update of each.',
    doc: "A commit changed at least 10 articles, and a quarter of them, at once: a front matter rewrite, a move to another generator or folder, a reformat. That is not an update of each article, so an article whose last commit it was takes its updated date from its last other commit (or its first). Articles with an updated date in front matter are not affected.",
    todo: 'Nothing, unless the commit really updated every article: then give those articles an updated date in front matter.',
    /** `count` articles changed in one commit on `day`, of `total`; `moved`: how many took an earlier updated date. */
    say: (p: { count: number; total: number; day: string; moved: number }) => ({
      message: `One commit on ${p.day} changed ${p.count} of ${p.total} articles at once (a mass edit or move); it is not taken as an update: ${p.moved} articles keep the updated date of their last other commit.`,
      hint: 'Nothing to do, unless that commit really updated each article: then date it in front matter ("updated: YYYY-MM-DD").',
    }),
  },
  GIT_UNAVAILABLE: {
    kind: 'diagnostic',
    severity: 'note',
    section: 'git',
    summary: 'git history could not be read (not a repository, or git missing); dates fall back further.',
    doc: 'git history cannot be read (not a repository, git not installed); dates fall back to the next source in the precedence.',
    todo: 'Nothing, or set `"git": false`.',
    /** `reason`: git's first line of error output. */
    say: (p: { reason: string }) => ({
      message: `git history is not available (${p.reason}); dates fall back to the file modification time.`,
      hint: 'Set "git": false in the config to silence this, or date articles in front matter.',
    }),
  },
  FEED_INVALID: {
    kind: 'diagnostic',
    severity: 'error',
    section: 'feed-validation',
    summary: 'A feed feedwright rendered failed its own validation: a bug in feedwright.',
    doc: "Prefix of the validator's errors on a feed feedwright rendered (`FEED_INVALID/<rule>`, rules listed in [validation-rules.md](validation-rules.md)). Any such error is a bug in feedwright and aborts the build with `VALIDATION_FAILED` (exit 70) before anything is replaced. Validator *warnings* on rendered feeds keep their rule code and do not fail the build.",
    todo: 'Report it.',
  },
  // ==== validator rules (validate/) ===========================================================
  FEED_FORMAT_UNKNOWN: {
    kind: 'rule',
    severity: 'error',
    section: 'any',
    spec: 'feedwright',
    summary: 'The content is neither an RSS 2.0 document, an Atom feed, nor a JSON object.',
    say: (p: { root?: string; namespace?: string }) =>
      p.root === undefined
        ? {
            message: 'The file is neither XML with an <rss> or <feed> root element nor a JSON object, so it is not a feed this validator knows.',
            hint: 'Check that the file is an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document.',
          }
        : p.namespace !== undefined
          ? {
              message: `The root <${p.root}> is in the namespace ${JSON.stringify(p.namespace)}, but RSS 2.0 elements have no namespace, so readers will not recognise it.`,
              hint: 'Remove the default xmlns from <rss>; declare extension namespaces with prefixes.',
            }
          : { message: `The root element <${p.root}> is neither an RSS 2.0 <rss> nor an Atom <feed>.`, hint: 'RSS 1.0 (RDF) and other formats are not checked.' },
  },
  FEED_SKIPPED_NOT_A_FEED: {
    kind: 'rule',
    severity: 'note',
    section: 'any',
    spec: 'feedwright',
    summary: 'A file found while walking a folder is not a feed (e.g. a JSON config or an HTML page), so it was not checked.',
    say: (_: NoParams) => ({ message: 'The file is not an RSS, Atom or JSON Feed document, so it was not checked.', hint: 'Name the file explicitly to check it anyway.' }),
  },
  FEED_NONE_FOUND: {
    kind: 'rule',
    severity: 'error',
    section: 'any',
    spec: 'feedwright',
    summary: 'A folder given to check holds no RSS, Atom or JSON Feed file, so nothing was checked.',
    say: (_: NoParams) => ({ message: 'The folder holds no RSS, Atom or JSON Feed file, so nothing was checked.', hint: 'Build the feeds first (feedwright build), or name the folder or files that hold them.' }),
  },
  FEED_FILE_UNREADABLE: {
    kind: 'rule',
    severity: 'error',
    section: 'any',
    spec: 'feedwright',
    summary: 'A path given to checkPaths could not be read.',
    say: (p: { reason: string }) => ({ message: `The path could not be read: ${p.reason}.`, hint: 'Check that the path exists and is readable.' }),
  },
  XML_NOT_WELL_FORMED: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 2.1',
    summary: 'The document is not well-formed XML (a problem not covered by a more specific XML_ code).',
    say: (p: { reason: string }) => ({ message: `The document is not well-formed XML: ${p.reason}` }),
  },
  XML_ILLEGAL_CHARACTER: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 2.2 (Char)',
    summary: 'A character that XML 1.0 forbids (control characters such as U+0001, U+FFFE, U+FFFF) appears literally.',
    say: (p: { codePoint?: number; surrogate?: number }) =>
      p.surrogate !== undefined
        ? { message: `The text contains a lone UTF-16 surrogate (${codePointName(p.surrogate)}), which is not a character: it cannot be encoded in UTF-8 and XML does not allow it.`, hint: STRIP_CONTROLS }
        : { message: `The document contains ${p.codePoint === undefined ? 'a character' : codePointName(p.codePoint)}, which XML 1.0 does not allow anywhere in a document.`, hint: STRIP_CONTROLS },
  },
  XML_BAD_CHARACTER_REFERENCE: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 4.1 (WFC: Legal Character)',
    summary: 'A character reference such as &#1; names a character that XML 1.0 forbids.',
    say: (p: { reference: string }) => ({ message: `The character reference ${p.reference} names a character that XML 1.0 does not allow.`, hint: 'Remove the reference; the character cannot be represented in XML 1.0 at all.' }),
  },
  XML_UNDEFINED_ENTITY: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 4.1 (WFC: Entity Declared)',
    summary: 'An entity reference (e.g. &nbsp;) is not one of the five XML entities, or a bare & is not escaped.',
    say: (p: { entity?: string }) => ({
      message:
        p.entity === undefined
          ? 'A & does not start an entity or character reference; in XML a literal & must be written &amp; (or &#x26;).'
          : `The entity reference ${p.entity} is not defined: XML knows only &amp; &lt; &gt; &quot; &apos;, and a literal & must be written &amp;.`,
      hint: 'Use a numeric reference such as &#xA0; instead of HTML entities, and escape & as &amp; (or &#x26;).',
    }),
  },
  XML_UNDECLARED_PREFIX: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'Namespaces in XML 1.0 (NSC: Prefix Declared)',
    summary: 'An element or attribute uses a namespace prefix (e.g. content:encoded) that no xmlns: attribute declares.',
    say: (p: { prefix: string }) => ({ message: `The namespace prefix ${p.prefix} is used but never declared with an xmlns attribute.`, hint: 'Declare the namespace on the root element, e.g. xmlns:content="http://purl.org/rss/1.0/modules/content/".' }),
  },
  XML_MISMATCHED_TAG: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 3 (WFC: Element Type Match)',
    summary: 'An end tag does not match the open start tag, or an element is never closed.',
    say: (p: { unclosed: string } | { endTag: string; open?: string; openLine?: number; openColumn?: number }) => ({
      message:
        'unclosed' in p
          ? `The element <${p.unclosed}> is never closed.`
          : p.open === undefined
            ? `The end tag ${p.endTag} does not match the element that is open.`
            : `The end tag ${p.endTag} does not match <${p.open}>, open since line ${p.openLine}, column ${p.openColumn}.`,
      hint: 'Check that every start tag has a matching end tag in the right order.',
    }),
  },
  XML_CDATA_END_IN_TEXT: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 2.4',
    summary: 'The string "]]>" appears in character data (typically a second "]]>" inside a CDATA section).',
    say: (_: NoParams) => ({
      message: 'The text contains "]]>", which XML does not allow in character data; a CDATA section cannot contain "]]>" either, so this usually means a second "]]>" inside CDATA content.',
      hint: 'Split the CDATA section around each "]]>" (write "]]]]><![CDATA[>"), or escape the content instead of using CDATA.',
    }),
  },
  XML_NESTING_TOO_DEEP: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'libxml2 parser limit (XML_PARSE_HUGE off): at most 257 nested elements',
    summary: 'Elements are nested deeper than libxml2-based readers accept; parsing stops there.',
    say: (p: { limit: number }) => ({
      message: `Elements are nested more than ${p.limit} deep here; libxml2-based readers (xmllint, many feed readers) refuse such documents.`,
      hint: 'Flatten the markup; real articles never need this depth.',
    }),
  },
  XML_DUPLICATE_ATTRIBUTE: {
    kind: 'rule',
    severity: 'error',
    section: 'xml',
    spec: 'XML 1.0 3.1 (WFC: Unique Att Spec)',
    summary: 'The same attribute appears twice on one element.',
    say: (p: { attribute: string }) => ({ message: `The attribute ${p.attribute} appears twice on the same element.`, hint: 'Keep one of the two attributes.' }),
  },
  RSS_VERSION_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0 (rssboard.org/rss-specification): "the version attribute must be 2.0"',
    summary: 'The <rss> element must have version="2.0".',
    say: (p: { version?: string }) => ({
      message:
        p.version === undefined
          ? 'The <rss> element has no version attribute; RSS 2.0 requires version="2.0".'
          : `The <rss> element has version=${quote(p.version)}; RSS 2.0 requires version="2.0".`,
    }),
  },
  RSS_CHANNEL_COUNT: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "Required channel elements"',
    summary: '<rss> must contain exactly one <channel>.',
    say: (p: { count: number }) => ({
      message:
        p.count === 0
          ? 'The <rss> element contains no <channel>; an RSS 2.0 document has exactly one.'
          : `The <rss> element contains ${p.count} <channel> elements; an RSS 2.0 document has exactly one.`,
    }),
  },
  RSS_CHANNEL_ELEMENT_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "Required channel elements"',
    summary: 'The channel lacks one of title, link, description.',
    say: (p: { name: string }) => ({ message: `The channel has no <${p.name}>; RSS 2.0 requires title, link and description.` }),
  },
  RSS_ELEMENT_EMPTY: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "Required channel elements"; W3C NotBlank',
    summary: 'A channel title or link, or an item link, is empty.',
    say: (p: { where: string; name: string }) => ({ message: `The ${p.where}'s <${p.name}> is empty.` }),
  },
  RSS_ELEMENT_DUPLICATE: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "Elements of <channel>" / "Elements of <item>"',
    summary: 'An element that may appear once in a channel or item appears more than once.',
    say: (p: { child: string; parent: string }) => ({ message: `The <${p.parent}> contains more than one <${p.child}>; RSS 2.0 allows one.` }),
  },
  RSS_ELEMENT_UNKNOWN: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0; W3C UndefinedElement',
    summary: 'An element without a namespace is not defined by RSS 2.0 in that place.',
    say: (p: { child: string; parent: string }) => ({
      message: `RSS 2.0 does not define a <${p.child}> element inside <${p.parent}>.`,
      hint: 'Remove it, or put it in a namespace of its own (extensions must be namespaced).',
    }),
  },
  RSS_ITEM_TITLE_OR_DESCRIPTION_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "Elements of <item>"',
    summary: 'An item has neither a title nor a description.',
    say: (_: NoParams) => ({ message: 'The item has neither a <title> nor a <description>; RSS 2.0 requires at least one of them.' }),
  },
  RSS_DATE_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0 pubDate/lastBuildDate; RFC 822 5.1 (4-digit years accepted)',
    summary: 'pubDate or lastBuildDate is not an RFC 822 date-time.',
    say: (p: { element: string; value: string; reason: string }) => ({
      message: `The <${p.element}> ${quote(p.value)} is not an RFC 822 date: ${p.reason}.`,
      hint: 'Write dates like "Wed, 02 Oct 2002 13:00:00 GMT" (English names, four-digit year).',
    }),
  },
  RSS_DATE_WEEKDAY_MISMATCH: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RFC 822 5.1; W3C IncorrectDOW',
    summary: 'The day of the week in an RFC 822 date does not match the date.',
    say: (p: { element: string; value: string; weekday: string; actual: string }) => ({ message: `The <${p.element}> ${quote(p.value)} says ${p.weekday}, but that date is a ${p.actual}.` }),
  },
  RSS_GUID_PERMALINK_NOT_URL: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "<guid> sub-element of <item>"',
    summary: 'A guid that is a permalink (isPermaLink absent or "true") is not an absolute URL.',
    say: (p: { guid: string; isPermaLink?: string }) => ({
      message: `The guid ${quote(p.guid)} is a permalink (isPermaLink is ${p.isPermaLink === undefined ? 'absent, which means true' : '"true"'}) but is not an absolute URL.`,
      hint: 'Use the article\'s absolute URL, or add isPermaLink="false" if the guid is not a URL.',
    }),
  },
  RSS_GUID_ISPERMALINK_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "<guid> sub-element of <item>"',
    summary: 'The isPermaLink attribute is neither "true" nor "false".',
    say: (p: { value: string }) => ({ message: `The guid's isPermaLink is ${quote(p.value)}; it must be "true" or "false".` }),
  },
  RSS_GUID_MISSING: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS Best Practices Profile, "guid"; W3C MissingGuid',
    summary: 'An item has no guid, so readers cannot tell whether it is new.',
    say: (_: NoParams) => ({
      message: 'The item has no <guid>, so feed readers cannot tell reliably whether they have seen it before.',
      hint: 'Add a <guid> that never changes, such as the permalink.',
    }),
  },
  RSS_AUTHOR_NOT_EMAIL: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "<author> sub-element of <item>", managingEditor, webMaster',
    summary: 'author, managingEditor or webMaster is not an email address, optionally followed by "(Name)".',
    say: (p: { element: string; value: string }) => ({
      message: `The <${p.element}> ${quote(p.value)} is not an email address; RSS 2.0 requires "email" or "email (Name)".`,
      hint:
        p.element === 'author'
          ? 'Write "jane@example.com (Jane Doe)", or put a name without email in <dc:creator> (xmlns:dc="http://purl.org/dc/elements/1.1/").'
          : 'Write "editor@example.com (Name)".',
    }),
  },
  RSS_ATOM_SELF_LINK_MISSING: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS Best Practices Profile, "atom:link"; W3C MissingAtomSelfLink',
    summary: 'The channel has no <atom:link rel="self"> giving the feed\'s own URL.',
    say: (_: NoParams) => ({
      message: 'The channel has no <atom:link rel="self"> giving the URL the feed is published at.',
      hint: 'Add <atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/> with xmlns:atom="http://www.w3.org/2005/Atom" declared.',
    }),
  },
  RSS_URL_NOT_ABSOLUTE: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0 (link, url, comments, docs, enclosure, source); RSS Best Practices Profile',
    summary: 'A URL (link, image url, enclosure url, comments, source url, atom:link href) is not absolute.',
    say: (p: { what: 'enclosure url' | 'atom:link href' | 'source url'; value: string } | { where: string; element: string; value: string } | { sourceWithoutUrl: true }) =>
      'sourceWithoutUrl' in p
        ? { message: 'The <source> has no url attribute; RSS 2.0 requires one.' }
        : 'what' in p
          ? { message: `The ${p.what} ${quote(p.value)} is not an absolute URL.` }
          : { message: `The ${p.where}'s <${p.element}> ${quote(p.value)} is not an absolute URL.`, hint: FULL_URL },
  },
  RSS_CATEGORY_EMPTY: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS 2.0, "<category> sub-element of <item>"',
    summary: 'A category element is blank.',
    say: (p: { where: string }) => ({ message: `The ${p.where} has an empty <category>.` }),
  },
  RSS_ENCLOSURE_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "<enclosure> sub-element of <item>"',
    summary: 'An enclosure lacks url, length or type, or its length is not a non-negative integer.',
    say: (p: { missing: readonly string[] } | { length: string } | { type: string }) =>
      'missing' in p
        ? { message: `The <enclosure> lacks ${p.missing.join(', ')}; RSS 2.0 requires url, length and type.` }
        : 'length' in p
          ? { message: `The enclosure length ${quote(p.length)} is not a whole number of bytes.`, hint: 'Use 0 if the size is unknown.' }
          : { message: `The enclosure type ${quote(p.type)} is not a MIME type such as "audio/mpeg".` },
  },
  RSS_TTL_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'rss',
    spec: 'RSS 2.0, "<ttl> sub-element of <channel>"',
    summary: 'ttl is not a non-negative integer number of minutes.',
    say: (p: { value: string }) => ({ message: `The <ttl> ${quote(p.value)} is not a whole number of minutes.` }),
  },
  RSS_TEXT_CONTAINS_MARKUP: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS Best Practices Profile, "Encoding" (plain-text elements); W3C ContainsHTML',
    summary: 'A plain-text element (title, category, author...) contains what looks like HTML markup.',
    say: (p: { element: string; text: string }) => ({
      message: `The <${p.element}> ${quote(p.text)} looks like it contains HTML, but it is plain text and readers will show the tags literally.`,
      hint: 'Strip the markup from plain-text fields.',
    }),
  },
  RSS_TEXT_AMPERSAND_NOT_HEX: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS Best Practices Profile, "Encoding" (& and < in plain text)',
    summary: 'A & or < in a plain-text element is encoded as &amp;/&lt;/CDATA instead of &#x26;/&#x3C;.',
    say: (p: { element: string; written: string }) => ({
      message: `The <${p.element}> writes & or < as ${p.written}; in plain text RSS best practice is the hexadecimal references &#x26; and &#x3C;.`,
      hint: 'Some readers decode &amp; twice and show "&amp;"; &#x26; is read correctly by all of them.',
    }),
  },
  RSS_TEXT_DECIMAL_REFERENCE: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS Best Practices Profile, "Encoding" (hexadecimal references)',
    summary: 'A numeric character reference in text is decimal (&#233;) rather than hexadecimal (&#xE9;).',
    say: (p: { element: string; reference: string; codePoint: number }) => ({
      message: `The <${p.element}> uses the decimal character reference ${p.reference}; RSS best practice is a hexadecimal reference (&#x${p.codePoint.toString(16).toUpperCase()};).`,
    }),
  },
  RSS_DESCRIPTION_AFTER_CONTENT: {
    kind: 'rule',
    severity: 'warning',
    section: 'rss',
    spec: 'RSS Best Practices Profile, "content:encoded"',
    summary: "An item's description comes after its content:encoded; it should precede it.",
    say: (_: NoParams) => ({ message: "The item's <description> comes after its <content:encoded>; the description should come first." }),
  },
  ATOM_NAMESPACE_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 2',
    summary: 'The root <feed> is not in the Atom namespace http://www.w3.org/2005/Atom.',
    say: (p: { namespace: string }) => ({
      message: `The root <feed> is in the namespace ${quote(p.namespace || '(none)')}, not ${ATOM_NS}, so no Atom reader will recognise it.`,
      hint: `Add xmlns="${ATOM_NS}" to <feed>.`,
    }),
  },
  ATOM_ELEMENT_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.1, 4.1.2, 3.2.1',
    summary: 'A feed or entry lacks its id, title or updated, or a person lacks its name.',
    say: (p: { child: string; parent: string; section: string }) => ({ message: `The <${p.parent}> has no <${p.child}>; RFC 4287 ${p.section} requires exactly one.` }),
  },
  ATOM_ELEMENT_DUPLICATE: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.1, 4.1.2, 3.2',
    summary: 'An element that must appear at most once (id, title, updated, summary, content...) appears twice.',
    say: (p: { child: string; parent: string; section: string }) => ({ message: `The <${p.parent}> contains more than one <${p.child}>; RFC 4287 ${p.section} allows one.` }),
  },
  ATOM_ELEMENT_UNKNOWN: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 appendix B (RELAX NG grammar)',
    summary: 'An element in the Atom namespace is not allowed in that place by the grammar.',
    say: (p: { child: string; parent: string; section: string }) => ({ message: `Atom does not allow <${p.child}> inside <${p.parent}> (RFC 4287 ${p.section}).` }),
  },
  ATOM_AUTHOR_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.1, 4.1.2',
    summary: 'An entry has no author and neither its source nor the feed provides one.',
    say: (_: NoParams) => ({
      message: 'The entry has no <author>, and neither does the feed; RFC 4287 4.1.2 requires an author for every entry.',
      hint: 'Add <author><name>…</name></author> to the entry, or once to the feed.',
    }),
  },
  ATOM_ID_NOT_ABSOLUTE: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.2.6',
    summary: 'atom:id is not an absolute IRI.',
    say: (p: { id: string }) => ({
      message: `The id ${quote(p.id)} is not an absolute IRI; RFC 4287 4.2.6 requires one.`,
      hint: 'Use the permalink, or a tag: URI such as tag:example.com,2024-01-31:post-slug.',
    }),
  },
  ATOM_URL_NOT_ABSOLUTE: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.2.7.1, 3.2.2, 4.2.4, 4.2.5, 4.2.8, 4.1.3.2 (feedwright requires absolute; no xml:base)',
    summary: 'A link href, person uri, icon, logo, generator uri or content src is not an absolute IRI.',
    say: (p: { what: 'link href' | 'generator uri' | 'content src' | `<${string}>`; value: string }) => ({
      message: `The ${p.what} ${quote(p.value)} is not an absolute IRI.`,
      ...(p.what === 'link href' ? { hint: 'Write the full URL; feedwright does not rely on xml:base.' } : {}),
    }),
  },
  ATOM_LINK_HREF_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.2.7.1',
    summary: 'An atom:link has no href attribute.',
    say: (_: NoParams) => ({ message: 'The <link> has no href; RFC 4287 4.2.7.1 requires one.' }),
  },
  ATOM_CATEGORY_TERM_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.2.2.1',
    summary: 'An atom:category has no (or an empty) term attribute.',
    say: (p: { empty: boolean }) => ({
      message: `The <category> has ${p.empty ? 'an empty' : 'no'} term attribute; RFC 4287 4.2.2.1 requires one.`,
      hint: 'Write the tag as <category term="tag"/>, not as element content.',
    }),
  },
  ATOM_DATE_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 3.3; RFC 3339 5.6',
    summary: 'updated or published is not an RFC 3339 date-time (uppercase T and Z, valid ranges).',
    say: (p: { element: string; value: string }) => ({
      message: `The <${p.element}> ${quote(p.value)} is not an RFC 3339 date-time; RFC 4287 3.3 requires e.g. "2003-12-13T18:30:02Z" with an uppercase T and Z.`,
    }),
  },
  ATOM_DATE_OFFSET: {
    kind: 'rule',
    severity: 'warning',
    section: 'atom',
    spec: 'RFC 4287 3.3 and its RELAX NG grammar (xsd:dateTime)',
    summary: 'updated or published has an offset beyond ±14:00: RFC 3339 allows it, the Atom grammar does not, and no time zone uses it.',
    say: (p: { element: string; value: string }) => ({
      message: `The <${p.element}> ${quote(p.value)} has an offset beyond ±14:00, which no time zone uses; RFC 4287's RELAX NG grammar (xsd:dateTime) rejects it, so grammar-checking readers may too. Write the instant in UTC ("Z") or at its real offset.`,
    }),
  },
  ATOM_PUBLISHED_AFTER_UPDATED: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.2.9, 4.2.15',
    summary: "An entry's published date is later than its updated date.",
    say: (p: { published: string; updated: string }) => ({ message: `The entry was published (${p.published}) after it was last updated (${p.updated}).`, hint: 'Set updated to at least the published date.' }),
  },
  ATOM_TEXT_TYPE_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 3.1.1',
    summary: 'The type of a text construct (title, subtitle, summary, rights) is not text, html or xhtml.',
    say: (p: { element: string; type: string }) => ({ message: `The <${p.element}> has type=${quote(p.type)}; RFC 4287 3.1.1 allows only "text", "html" or "xhtml".` }),
  },
  ATOM_XHTML_DIV_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 3.1.1.3, 4.1.3.3',
    summary: 'A type="xhtml" construct does not contain exactly one XHTML div.',
    say: (p: { element: string }) => ({ message: `The <${p.element} type="xhtml"> must contain exactly one <div xmlns="${XHTML_NS}"> and nothing else (RFC 4287 3.1.1.3).` }),
  },
  ATOM_CONTENT_TYPE_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.3.1',
    summary: 'The type of atom:content is neither text, html, xhtml nor a MIME media type.',
    say: (p: { type: string }) => ({ message: `The <content> has type=${quote(p.type)}, which is neither "text", "html", "xhtml" nor a MIME type (RFC 4287 4.1.3.1).` }),
  },
  ATOM_ALTERNATE_LINK_DUPLICATE: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.1, 4.1.2',
    summary: 'Two rel="alternate" links share the same type and hreflang.',
    say: (p: { element: string; section: string }) => ({ message: `The <${p.element}> has two rel="alternate" links with the same type and hreflang; RFC 4287 ${p.section} forbids this.` }),
  },
  ATOM_ENTRY_CONTENT_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.2',
    summary: 'An entry has neither atom:content nor a rel="alternate" link.',
    say: (_: NoParams) => ({ message: 'The entry has neither <content> nor a rel="alternate" link; RFC 4287 4.1.2 requires one of them.' }),
  },
  ATOM_SUMMARY_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 4.1.2',
    summary: 'An entry whose content has a src attribute, or is base64-encoded, has no atom:summary.',
    say: (_: NoParams) => ({ message: "The entry's content is out of line (src) or base64-encoded, so RFC 4287 4.1.2 requires a <summary>, and the entry has none." }),
  },
  ATOM_PERSON_EMAIL_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'atom',
    spec: 'RFC 4287 3.2.3',
    summary: 'atom:email is not an email address.',
    say: (p: { value: string }) => ({ message: `The <email> ${quote(p.value)} is not an email address (RFC 4287 3.2.3).` }),
  },
  ATOM_SELF_LINK_MISSING: {
    kind: 'rule',
    severity: 'warning',
    section: 'atom',
    spec: 'RFC 4287 4.1.1 (SHOULD); W3C MissingSelf',
    summary: 'The feed has no rel="self" link giving its own URL.',
    say: (_: NoParams) => ({ message: 'The feed has no <link rel="self"> giving the URL it is published at.', hint: 'Add <link rel="self" href="https://example.com/atom.xml"/>.' }),
  },
  ATOM_TEXT_CONTAINS_MARKUP: {
    kind: 'rule',
    severity: 'warning',
    section: 'atom',
    spec: 'RFC 4287 3.1.1.1; W3C ContainsUndeclaredHTML',
    summary: 'A type="text" construct contains what looks like HTML markup.',
    say: (p: { element: string; text: string }) => ({
      message: `The <${p.element}> is type="text" but ${quote(p.text)} looks like HTML; readers will show the tags literally.`,
      hint: 'Strip the markup, or declare type="html".',
    }),
  },
  JSON_SYNTAX_ERROR: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'RFC 8259',
    summary: 'The file is not valid JSON.',
    say: (p: { reason: string }) => ({ message: `The file is not valid JSON: ${p.reason}` }),
  },
  JSON_DUPLICATE_KEY: {
    kind: 'rule',
    severity: 'warning',
    section: 'json',
    spec: 'RFC 8259 4 (names SHOULD be unique)',
    summary: 'An object has the same key twice; readers keep only one of them.',
    say: (p: { key: string }) => ({ message: `The key ${JSON.stringify(p.key)} appears twice in the same object; readers keep only one of the values.` }),
  },
  JSON_NOT_OBJECT: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1, "JSON Feed Structure"',
    summary: 'The top-level JSON value is not an object.',
    say: (_: NoParams) => ({ message: 'The top-level JSON value is not an object; a JSON Feed is one object with version, title and items.' }),
  },
  JSON_REQUIRED_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1 (version, title, items; item id); schema-v1.1.json required',
    summary: 'A required key is missing.',
    say: (p: { key: string; where: string }) => ({ message: `The required key ${JSON.stringify(p.key)} is missing from ${p.where}.` }),
  },
  JSON_SCHEMA_VIOLATION: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1; jsonfeed-schema schema-v1.1.json',
    summary: 'A value does not match the published JSON Schema (wrong type, unknown key...).',
    say: (p: { uri: string; pointer: string } | { extraKey: string; where: string } | { where: string; reason: string }) =>
      'uri' in p
        ? {
            message: `The URL ${quote(p.uri)} at ${p.pointer} is absolute but not a valid RFC 3986 URI, which the JSON Feed schema requires.`,
            hint: 'Percent-encode spaces and non-ASCII characters (new URL(value).href does it).',
          }
        : 'extraKey' in p
          ? { message: `The key ${JSON.stringify(p.extraKey)} is not defined for ${p.where}; JSON Feed extensions must start with an underscore.` }
          : { message: `The value at ${p.where} does not match the JSON Feed 1.1 schema: it ${p.reason}.` },
  },
  JSON_VERSION_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1, "version"',
    summary: 'version is not exactly https://jsonfeed.org/version/1.1.',
    say: (p: { version?: string }) =>
      p.version === undefined
        ? { message: `The version is not "${JSON_FEED_VERSION}".` }
        : {
            message: `The version is ${quote(p.version)}; a JSON Feed 1.1 must say exactly "${JSON_FEED_VERSION}".`,
            ...(p.version === 'https://jsonfeed.org/version/1' ? { hint: 'Upgrade to 1.1: write "authors" (an array) instead of "author", and set the version.' } : {}),
          },
  },
  JSON_ITEM_ID_DUPLICATE: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1, "Items": id is unique for that item for that feed',
    summary: 'Two items have the same id.',
    say: (p: { item: number; id: string; first: number }) => ({ message: `Item ${p.item} has the id ${quote(p.id)}, which item ${p.first} already uses; ids must be unique within a feed.` }),
  },
  JSON_ITEM_CONTENT_MISSING: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1, "Items": content_html and content_text',
    summary: 'An item has neither content_html nor content_text.',
    say: (p: { item: number } | { pointer: string }) => ({
      message: 'item' in p ? `Item ${p.item} has neither content_html nor content_text; JSON Feed 1.1 requires at least one.` : `The item at ${p.pointer} has neither content_html nor content_text.`,
    }),
  },
  JSON_URL_NOT_ABSOLUTE: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1 (URL fields); schema format "uri"',
    summary: 'A URL (home_page_url, feed_url, url, external_url, image, icon, authors[].url/avatar...) is not absolute.',
    say: (p: { key?: string; value: string; pointer: string }) =>
      p.key === undefined
        ? { message: `The value ${quote(p.value)} at ${p.pointer} is not an absolute URL.` }
        : { message: `The ${p.key} ${quote(p.value)}${p.pointer === '' ? '' : ` at ${p.pointer}`} is not an absolute URL.`, hint: FULL_URL },
  },
  JSON_DATE_INVALID: {
    kind: 'rule',
    severity: 'error',
    section: 'json',
    spec: 'JSON Feed 1.1, date_published/date_modified; RFC 3339 5.6',
    summary: 'date_published or date_modified is not an RFC 3339 date-time.',
    say: (p: { item: number; key: string; value: string } | { pointer: string; value: string }) => ({
      message:
        'item' in p
          ? `Item ${p.item}'s ${p.key} ${quote(p.value)} is not an RFC 3339 date-time such as "2010-02-07T14:04:00-05:00".`
          : `The value ${quote(p.value)} at ${p.pointer} is not an RFC 3339 date-time.`,
    }),
  },
  JSON_AUTHOR_DEPRECATED: {
    kind: 'rule',
    severity: 'warning',
    section: 'json',
    spec: 'JSON Feed 1.1, "author (deprecated)"',
    summary: 'The 1.0 "author" object is used without the 1.1 "authors" array (both together are fine).',
    say: (p: { pointer: string }) => ({
      message: `${p.pointer === '' ? 'The feed' : `The item at ${p.pointer}`} uses "author" without "authors"; JSON Feed 1.1 deprecates "author" in favour of the "authors" array.`,
      hint: 'Add "authors": [{ "name": … }] (you may keep "author" too for 1.0 readers).',
    }),
  },
  JSON_FEED_URL_MISSING: {
    kind: 'rule',
    severity: 'warning',
    section: 'json',
    spec: 'JSON Feed 1.1, home_page_url/feed_url ("should be considered required")',
    summary: 'home_page_url or feed_url is missing; both should be present for a feed on the public web.',
    say: (p: { key: string }) => ({ message: `The feed has no ${p.key}; JSON Feed 1.1 says it should be considered required for a feed on the public web.` }),
  },
} as const satisfies Record<string, CodeEntry>;

export type Code = keyof typeof CODES;
type EntryOf<C extends Code> = (typeof CODES)[C];

/** The codes of one kind, e.g. `CodeOf<'fatal'>`. */
export type CodeOf<K extends CodeKind> = { [C in Code]: EntryOf<C>['kind'] extends K ? C : never }[Code];

/** The codes that have a message builder. */
export type SaidCode = { [C in Code]: EntryOf<C> extends { say: Builder } ? C : never }[Code];

/** The parameters of a code's message builder. */
export type SayParams<C extends SaidCode> = EntryOf<C> extends { say: (params: infer P) => Said } ? P : never;

/** The message (and hint) of `code` for these parameters. */
export function say<C extends SaidCode>(code: C, params: SayParams<C>): Said {
  const entry: CodeEntry = CODES[code];
  return (entry.say as (p: SayParams<C>) => Said)(params);
}

/** The table's codes of one kind, in table order, with their entries. */
export function codesOf<K extends CodeKind>(kind: K): Array<[CodeOf<K>, Extract<CodeEntry, { kind: K }>]> {
  return (Object.entries(CODES) as Array<[Code, CodeEntry]>).filter((e): e is [CodeOf<K>, Extract<CodeEntry, { kind: K }>] => e[1].kind === kind);
}
