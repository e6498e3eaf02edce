import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SourceKind } from '../model.js';

/*
 * Which files a site generator without a preset makes pages of, as its documentation states it.
 * The preset generators' rules are the pipeline's (src/pipeline/inputs.ts, notSiteContent); these
 * sites have no preset, so their listing (src/sources/files.ts, listSources) applies the rule:
 *
 * - Quarto renders its input documents (`.qmd`, `.md`, `.ipynb`, `.Rmd`) "save for ones with a
 *   file or directory prefix of . or _" (quarto.org, Websites, "Render targets"): `_content.qmd`
 *   (an include), `_freeze/`, `_extensions/`; a `.txt` or `.html` beside a post (data, a knitr
 *   cache's output) is a resource it copies, not a page.
 * - Gatsby makes posts of the Markdown its remark or MDX transformer reads (`.md`, `.markdown`,
 *   `.mdx`); a `notes.txt` in a post's folder is a file node, never a page.
 * - VitePress and MkDocs make a page of each Markdown file; any other file is an asset.
 */

/** What a generator without a preset renders below its root. */
export interface RenderRule {
  /** The generator, as messages name it. */
  generator: string;
  /** The source kinds it makes pages of. */
  kinds: ReadonlySet<SourceKind>;
  /** Files and folders whose name starts with this are not rendered (Quarto's `_`). */
  hiddenPrefix?: string;
}

const MARKDOWN: ReadonlySet<SourceKind> = new Set(['markdown']);

/** The marker files of each generator, checked in each folder from the articles up. */
const MARKERS: readonly { files: readonly string[]; rule: RenderRule }[] = [
  { files: ['_quarto.yml', '_quarto.yaml'], rule: { generator: 'Quarto', kinds: MARKDOWN, hiddenPrefix: '_' } },
  { files: ['gatsby-config.js', 'gatsby-config.mjs', 'gatsby-config.ts'], rule: { generator: 'Gatsby', kinds: MARKDOWN } },
  { files: ['.vitepress/config.mts', '.vitepress/config.ts', '.vitepress/config.mjs', '.vitepress/config.js'], rule: { generator: 'VitePress', kinds: MARKDOWN } },
  { files: ['mkdocs.yml', 'mkdocs.yaml'], rule: { generator: 'MkDocs', kinds: MARKDOWN } },
];

/** The files a site of a preset's generator keeps in its root: above them, no rule of these applies. */
const PRESET_MARKERS = ['_config.yml', 'hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'pelicanconf.py', 'docusaurus.config.js', 'docusaurus.config.ts'];

/** The most folders looked in, from the articles folder up. */
const MAX_LEVELS_UP = 8;

/**
 * The render rule of the generator without a preset whose site holds `articlesDir` (the folder or
 * one above it, up to the repository's root, a folder with `.git`), or undefined: a folder of
 * articles of no such site has every source read, as always. A preset generator's root met first
 * (a Hugo site with a `.vitepress` far above it) ends the search.
 */
export function renderRuleAbove(articlesDir: string): RenderRule | undefined {
  let dir = path.resolve(articlesDir);
  for (let i = 0; i < MAX_LEVELS_UP; i++) {
    for (const m of MARKERS) if (m.files.some((f) => existsSync(path.join(dir, f)))) return m.rule;
    if (PRESET_MARKERS.some((f) => existsSync(path.join(dir, f)))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir || existsSync(path.join(dir, '.git'))) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Why `name` (a file of `kind`, or a folder when kind is undefined) is no page under `rule`, or undefined when it is one. */
export function notRendered(rule: RenderRule, name: string, kind: SourceKind | undefined): string | undefined {
  if (rule.hiddenPrefix && name.startsWith(rule.hiddenPrefix)) {
    return `a ${kind ? 'file' : 'folder'} whose name starts with "${rule.hiddenPrefix}", which ${rule.generator} does not render`;
  }
  if (kind && !rule.kinds.has(kind)) return `${kind === 'text' ? 'a text' : 'an HTML'} file, which ${rule.generator} does not make a page of`;
  return undefined;
}
