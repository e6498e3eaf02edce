import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
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

const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

const MAX_CONFIG_CHARS = 256 * 1024;

/** A TOML, YAML or JSON config file's top-level keys, in lower case (Hugo reads its keys so), or undefined. */
function topLevel(file: string): Map<string, unknown> | undefined {
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8').slice(0, MAX_CONFIG_CHARS);
    data = file.endsWith('.toml') ? parseToml(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'silent' });
  } catch {
    return undefined;
  }
  return data && typeof data === 'object' ? new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v])) : undefined;
}

/**
 * The default content language of the Hugo site holding `dir` (its `defaultContentLanguage`, in the
 * root config or `config/_default/`; "en" when unset), or undefined when no Hugo site holds it (a
 * `config.toml` with Zola's `base_url` is Zola's).
 */
export function hugoDefaultLanguageAbove(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (let i = 0; i < MAX_LEVELS_UP; i++) {
    const files = [...HUGO_CONFIGS.map((f) => path.join(d, f)), ...HUGO_CONFIGS.map((f) => path.join(d, 'config', '_default', f))].filter((f) => existsSync(f));
    if (files.length > 0) {
      const configs = files.map(topLevel);
      if (configs.some((c) => c?.has('base_url'))) return undefined;
      for (const c of configs) {
        const lang = c?.get('defaultcontentlanguage');
        if (typeof lang === 'string' && lang.trim()) return lang.trim();
      }
      return 'en';
    }
    const parent = path.dirname(d);
    if (parent === d || existsSync(path.join(d, '.git'))) return undefined;
    d = parent;
  }
  return undefined;
}

/**
 * Hugo's one page in two files: `x.md` and `x.<default language>.md` (`index.md` and `index.en.md`
 * in a bundle) are the same page of the same language, and Hugo (0.111, checked) publishes the one
 * that names its language. Given a folder's file names, the plain ones so replaced, with the
 * file that replaces each. `defaultLanguage` is asked for only when a folder has such a pair.
 */
export function hugoShadowed(names: readonly string[], defaultLanguage: () => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const content = /^(.+)\.(md|markdown|html?)$/i;
  const stems = new Map<string, string>();
  for (const n of names) {
    const m = content.exec(n);
    if (m) stems.set(m[1] as string, n);
  }
  for (const [stem, named] of stems) {
    const m = /^(.+)\.([a-z]{2,3}(?:-[a-z0-9]+)?)$/i.exec(stem);
    const plain = m ? stems.get(m[1] as string) : undefined;
    if (!m || !plain) continue;
    if ((m[2] as string).toLowerCase() !== defaultLanguage()?.toLowerCase()) continue;
    out.set(plain, named);
  }
  return out;
}
