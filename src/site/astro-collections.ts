import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { nestingAt, objectAt } from './code-text.js';

/**
 * The posts collection of an Astro site (Astro 5's content layer): the `glob()` loader of the
 * collection whose `base` holds the articles folder, as `src/content.config.ts` declares it:
 *
 *   const posts = defineCollection({
 *     loader: glob({ pattern: ['**\/*.{md,mdx}', '!**\/about/**'], base: './src/content' }),
 *   })
 *
 * Only the files its patterns match are the collection's entries, so only they are posts: an
 * `about/` page or a `_draft.md` beside them (AstroPaper's `**\/[^_]*.md`) is not. Data only (it
 * travels in the config): `collectionMatcher` turns it into a test.
 */
export interface CollectionGlob {
  /** The collection's name, as the config declares it (`posts`). */
  name: string;
  /** The config file, as shown to the user. */
  file: string;
  /** The articles folder relative to the loader's `base` ('/'-separated, '' when it is the base). */
  prefix: string;
  /** The loader's patterns, relative to its base; `!` marks one that leaves files out. */
  patterns: string[];
}

const CONFIG_FILES = [
  'src/content.config.ts',
  'src/content.config.mts',
  'src/content.config.js',
  'src/content.config.mjs',
  'src/content/config.ts',
  'src/content/config.mts',
  'src/content/config.js',
  'src/content/config.mjs',
];

/** Bounds of the scan: the config file read, and the collections looked at. */
const SCAN = { bytes: 256 * 1024, collections: 50 };

/** A string literal, or an array of them, as code writes a pattern. */
const STRINGS = /^\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`$\\]*)`)/;

/** An Astro site's content config (`src/content.config.ts`, or `src/content/config.ts` before Astro 5): its file and text. */
export interface ContentConfig {
  file: string;
  text: string;
}

/** The site's content config, read once for what this module reads of it; undefined without one (or past SCAN.bytes). */
export function astroContentConfig(root: string): ContentConfig | undefined {
  const file = CONFIG_FILES.map((f) => path.join(root, f)).find((f) => existsSync(f));
  if (!file || statSync(file).size > SCAN.bytes) return undefined;
  return { file, text: readFileSync(file, 'utf8') };
}

/**
 * The glob of the collection that holds `articlesDir` (the deepest `base` at or above it), read
 * from the site's content config as text, never run. Undefined when there is none, or when its
 * `base` or `pattern` is computed in a way a reading cannot tell.
 */
export function astroPostsGlob(config: ContentConfig | undefined, root: string, articlesDir: string, display: (abs: string) => string): CollectionGlob | undefined {
  if (!config) return undefined;
  const { file, text } = config;
  let best: (CollectionGlob & { depth: number }) | undefined;
  const declared = [...text.matchAll(/([A-Za-z_$][\w$]*)\s*[:=]\s*defineCollection\s*\(/g)].slice(0, SCAN.collections);
  declared.forEach((m, i) => {
    const end = declared[i + 1]?.index ?? text.length;
    const body = text.slice(m.index, end);
    const loader = /\bglob\s*\(\s*\{/.exec(body);
    if (!loader) return;
    const args = body.slice(loader.index + loader[0].length);
    const base = baseOf(args, text);
    const patterns = patternsOf(args);
    if (base === undefined || !patterns) return;
    const baseAbs = path.resolve(root, base);
    const rel = path.relative(baseAbs, articlesDir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return;
    const depth = baseAbs.split(path.sep).length;
    if (!best || depth > best.depth) best = { name: m[1] as string, file: display(file), prefix: rel.split(path.sep).join('/'), patterns, depth };
  });
  if (!best) return undefined;
  const { depth: _depth, ...glob } = best;
  return glob;
}

/**
 * The front matter keys an Astro site's collection schemas declare (`schema: z.object({ title:
 * z.string(), abbrlink: z.string() })` in its content config): the site's own vocabulary, which its
 * pages read, so FM_UNKNOWN_KEY does not name them. The top-level keys of every `z.object({…})`
 * passed as a `schema`, or `base.extend({…})` with the keys of the schema `base` names, read as
 * text; none when there is no content config.
 */
export function astroSchemaKeys(config: ContentConfig | undefined): string[] {
  if (!config) return [];
  const keys = new Set<string>();
  for (const m of config.text.matchAll(/\bschema\s*:\s*(?:\([^)]*\)\s*=>\s*)?(?:z\s*\.\s*object|([A-Za-z_$][\w$]*)\s*\.\s*extend)\s*\(\s*\{/g)) {
    for (const key of topLevelKeys(objectAt(config.text, m) ?? '')) keys.add(key);
    if (m[1]) for (const key of namedSchemaKeys(config.text, m[1], 3)) keys.add(key);
  }
  return [...keys].sort();
}

/**
 * The author a collection schema gives every entry that names none: a literal default of a string
 * `author` (`author: z.string().default("Sam Example")`, `.optional()`, `.trim()` and such between),
 * which the site's pages show for such a post. Undefined when no schema has one, or when schemas
 * give different ones (which collection's is the feed's is not known).
 */
export function astroSchemaDefaultAuthor(config: ContentConfig | undefined): string | undefined {
  if (!config) return undefined;
  const found = new Set<string>();
  for (const m of config.text.matchAll(/\bauthor\s*:\s*z\s*\.\s*string\s*\(\s*\)(?:\s*\.\s*(?!default\b)\w+\s*\([^()]*\))*\s*\.\s*default\s*\(\s*(?:"([^"\\\n]+)"|'([^'\\\n]+)'|`([^`$\\]+)`)\s*\)/g)) {
    const name = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (name) found.add(name);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The keys of a schema the file declares by name (`const baseSchema = z.object({ title })`, or
 * `= other.extend({…})` of another such name), which a collection's schema extends
 * (`baseSchema.extend({ description })`); at most `hops` names deep.
 */
function namedSchemaKeys(text: string, name: string, hops: number): string[] {
  if (hops <= 0) return [];
  const m = new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*=\s*(?:z\s*\.\s*object|([A-Za-z_$][\w$]*)\s*\.\s*extend)\s*\(\s*\{`).exec(text);
  if (!m) return [];
  return [...topLevelKeys(objectAt(text, m) ?? ''), ...(m[1] ? namedSchemaKeys(text, m[1], hops - 1) : [])];
}

/**
 * The keys written at the top level of an object literal's text (which starts with its `{`): a
 * name and a colon opening the object or following one of its own commas, comments between.
 */
function topLevelKeys(object: string): string[] {
  const candidates = [...object.matchAll(/[{,](?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*([A-Za-z_$][\w$]*)\s*:/g)];
  const depths = nestingAt(object, candidates.map((m) => m.index));
  return candidates.filter((m) => (m.index === 0 ? depths.get(0) === 0 : depths.get(m.index) === 1)).map((m) => m[1] as string);
}

/** The loader's `base`: a string literal, or a template of one string constant of the file (`./${BLOG_PATH}`). */
function baseOf(args: string, text: string): string | undefined {
  const at = /\bbase\s*:\s*/.exec(args);
  if (!at) return undefined;
  const rest = args.slice(at.index + at[0].length);
  const literal = STRINGS.exec(rest);
  if (literal) return literal[1] ?? literal[2] ?? literal[3];
  const template = /^`([^`$]*)\$\{\s*([A-Za-z_$][\w$]*)\s*\}([^`$]*)`/.exec(rest);
  if (!template) return undefined;
  const constant = new RegExp(String.raw`\b(?:const|let|var)\s+${template[2]}\s*=\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')`).exec(text);
  const value = constant?.[1] ?? constant?.[2];
  return value === undefined ? undefined : `${template[1]}${value}${template[3]}`;
}

/** The loader's `pattern`: one string literal or an array of them. */
function patternsOf(args: string): string[] | undefined {
  const at = /\bpattern\s*:\s*/.exec(args);
  if (!at) return undefined;
  let rest = args.slice(at.index + at[0].length);
  const one = STRINGS.exec(rest);
  if (one) return [(one[1] ?? one[2] ?? one[3]) as string];
  if (!rest.startsWith('[')) return undefined;
  rest = rest.slice(1);
  const out: string[] = [];
  for (;;) {
    const m = STRINGS.exec(rest);
    if (!m) break;
    out.push((m[1] ?? m[2] ?? m[3]) as string);
    rest = rest.slice(m[0].length).replace(/^\s*,/, '');
  }
  return /^\s*\]/.test(rest) && out.length > 0 ? out : undefined;
}

/**
 * Whether a file of the articles folder (its path relative to it) is an entry of the collection:
 * matched by a pattern, and by none of the `!` ones (as Astro's glob loader reads them).
 */
export function collectionMatcher(glob: CollectionGlob): (relPath: string) => boolean {
  const positives = glob.patterns.filter((p) => !p.startsWith('!'));
  const negatives = glob.patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const included = picomatch(positives.length > 0 ? positives : ['**']);
  const excluded = negatives.length > 0 ? picomatch(negatives) : () => false;
  return (relPath) => {
    const p = glob.prefix ? `${glob.prefix}/${relPath}` : relPath;
    return included(p) && !excluded(p);
  };
}
