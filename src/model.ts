/**
 * The types that flow between the stages of a build:
 *
 *   sources (read + parse)  ->  SourceDocument
 *   clean + meta            ->  Article (every field with its provenance)
 *   feeds                   ->  rendered bytes
 *   validate                ->  Diagnostic[]
 */

/**
 * A person as feeds know them. `name` is always present. An article's authors (src/meta/resolve.ts)
 * have all three keys, in this order, `undefined` where there is no value: one hidden class for
 * every author the writers loop over (a reader may still make a person without the empty keys).
 */
export interface Person {
  name: string;
  email?: string | undefined;
  url?: string | undefined;
}

/**
 * Where a resolved metadata value came from. `explain` prints it and tests assert it.
 * - front-matter: the article's YAML block
 * - byline / date-line / tags-line / title-line: found in the text of the article itself
 * - json-ld / meta-tag / html: found in an HTML page's markup
 * - git: the file's git history (first commit = published, last = updated)
 * - file-name: derived from the file's path
 * - config-default: the site configuration's default
 * - mtime: the file's modification time (unreliable: it changes on every fresh checkout)
 * - derived: computed from other fields (a summary from the body, an id from host+date+slug)
 */
export type Provenance =
  | 'front-matter'
  | 'byline'
  | 'date-line'
  | 'tags-line'
  | 'title-line'
  | 'json-ld'
  | 'meta-tag'
  | 'html'
  | 'git'
  | 'file-name'
  | 'config-default'
  | 'mtime'
  | 'derived';

/** A value together with where it came from. `line` is 1-based in the source file, when known. */
export interface Sourced<T> {
  value: T;
  from: Provenance;
  line?: number;
  /** For a derived link: the generator and pattern that made it (`explain` shows it). */
  rule?: string;
  /**
   * For a date found in a text or HTML article: the offset (minutes east of UTC) it was written at,
   * which the feeds write it with, so that they show the calendar day the source states.
   */
  offset?: number;
}

export type Severity = 'error' | 'warning' | 'note';

/**
 * A problem with the content. Diagnostics are collected, never thrown: the build goes on with the
 * other articles. `code` is permanent and searchable (see docs/ARCHITECTURE.md).
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** What happened, in a whole sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Path as the user would type it (relative to the working directory when possible). */
  file?: string;
  line?: number;
  column?: number;
}

/** A block that the cleaner removed, and the named rule that removed it. */
export interface DroppedBlock {
  text: string;
  rule: string;
  line?: number;
  /** With `explain --verbose`: the body model's score of each line of the block (text), or of the block (HTML `low-score`). */
  scores?: LineScore[];
}

/** The text body model's view of one line (src/extract/text/model.ts `explainScore`). */
export interface LineScore {
  line: number;
  /** The model's probability that the line is body. */
  p: number;
  /** The features that moved it most, largest effect first: weight × standardised value. */
  features: { name: string; value: number; contribution: number }[];
}

export type SourceKind = 'markdown' | 'text' | 'html';

/** What a reader made of one file, before metadata is resolved. */
export interface SourceDocument {
  kind: SourceKind;
  /** Path relative to the articles folder, with forward slashes. Stable across machines. */
  relPath: string;
  /** Path as shown to the user in diagnostics. */
  displayPath: string;
  /** Front matter after validation (unknown keys reported, values still unknown-typed). */
  frontMatter: Record<string, unknown>;
  /** 1-based line of each front matter key, for diagnostics. */
  frontMatterLines: Record<string, number>;
  /** Body as HTML (not yet sanitised or absolutised). */
  bodyHtml: string;
  /** bodyHtml is Markdown's direct render: sanitised but for URLs (src/clean/markdown-html.ts). */
  bodyHtmlDirect?: boolean;
  /** Body as plain text, paragraphs separated by a blank line. */
  bodyText: string;
  /**
   * The text a derived summary is cut from, when it is not `bodyText`: Markdown's prose without
   * code blocks and headings, and only what comes before a `<!--more-->` line.
   */
  summaryText?: string;
  /** Metadata found in the text or markup (bylines, JSON-LD, ...), each with provenance. */
  found: FoundMetadata;
  dropped: DroppedBlock[];
}

/** Metadata a reader found in the document itself (not front matter). */
export interface FoundMetadata {
  title?: Sourced<string>;
  authors?: Sourced<Person[]>;
  published?: Sourced<Date>;
  updated?: Sourced<Date>;
  tags?: Sourced<string[]>;
  summary?: Sourced<string>;
  link?: Sourced<string>;
  image?: Sourced<string>;
  lang?: Sourced<string>;
  /** An HTML page's post teasers (entries whose heading links to another page), when it shows three or more: with a listing's address, a listing page (src/extract/html/listing.ts). */
  teasers?: Sourced<number>;
}

/** One article, fully resolved: what every feed writer renders from. */
export interface Article {
  /** Stable id: an absolute IRI (front matter id, or a tag: URI). */
  id: Sourced<string>;
  slug: Sourced<string>;
  title: Sourced<string>;
  link: Sourced<string>;
  authors: Sourced<Person[]>;
  published: Sourced<Date>;
  updated: Sourced<Date>;
  tags: Sourced<string[]>;
  summary: Sourced<string>;
  /** Sanitised HTML with absolute URLs. */
  contentHtml: string;
  contentText: string;
  image?: Sourced<string>;
  lang?: Sourced<string>;
  /**
   * What a link post links to, on another site (a site generator's post with front matter `link`
   * to another host): JSON Feed's `external_url`, Atom's `rel="related"` link. The item's own
   * `link` stays the page the site serves for the post.
   */
  externalUrl?: Sourced<string>;
  relPath: string;
  displayPath: string;
  kind: SourceKind;
  dropped: DroppedBlock[];
}
