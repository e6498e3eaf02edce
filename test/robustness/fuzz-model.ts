/**
 * The fuzzing model shared by test/robustness/fuzz.test.ts (bounded, in CI) and scripts/fuzz.ts
 * (long campaigns): arbitraries for whole article folders, and the build-and-check oracle.
 *
 * The oracle: the build does not crash (no exception, no unhandled rejection), the exit code is 0 or
 * 1, the three feeds pass the built-in validator with no error, and every input file is either in
 * the feeds or named in a diagnostic.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/load.js';
import { EXIT } from '../../src/errors.js';
import { ASSET_EXTENSIONS } from '../../src/sources/files.js';
import { checkFeed } from '../../src/validate/index.js';

export interface FuzzFile {
  name: string;
  content: string | Uint8Array;
}

const EXTENSIONS = ['.md', '.md', '.markdown', '.txt', '.txt', '.html', '.htm', '.png', '.rst', '.MD'] as const;

/** Text that mixes every script, controls, lone surrogates, bidi marks and XML-illegal characters. */
const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u0008',
    '\uFFFE',
    '\uD800',
    '\u202E',
    '\u00A0',
    '<![CDATA[',
    ']]>',
    '&',
    '&amp;',
    '<',
    '"\'',
    '--',
    '-->',
    '\r\n',
    '\t',
    '😀',
    'ß',
    'İ',
    '\u0301',
  ),
);

const yamlScalar = fc.oneof(
  nastyText.map((s) => JSON.stringify(s)),
  nastyText,
  fc.constantFrom(
    '2024-03-11',
    '2024-03-11T09:30:00+01:00',
    '1900-01-01',
    '2300-01-01',
    '31/31/2024',
    'yesterday',
    'null',
    '~',
    'true',
    '0x1F',
    '.inf',
    '[a, b]',
    '{a: 1}',
    '*x',
    '&x a',
    '!!js/function "f"',
    '!!binary aGk=',
    '|',
    '>',
  ),
);

const FM_KEYS = ['title', 'date', 'updated', 'author', 'authors', 'tags', 'summary', 'slug', 'id', 'link', 'image', 'lang', 'draft', 'clean', 'tittle', 'x', ''] as const;

/** A front matter block: valid, or broken in the common ways. */
const frontMatter = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...FM_KEYS), yamlScalar), { maxLength: 6 }).map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`),
  fc.array(fc.tuple(fc.constantFrom(...FM_KEYS), yamlScalar), { maxLength: 4 }).map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n`),
  nastyText.map((s) => `---\n${s}\n---\n`),
  fc.constant(''),
  fc.constant('---\ntitle: Fine\ndate: 2024-01-01\n---\n'),
);

/** Lines a scraper leaves around an article. */
const chromeLine = fc.constantFrom(
  'Share on Facebook',
  'Tweet',
  'Advertisement',
  'Subscribe to our newsletter',
  'By Jane Doe',
  'By JANE DOE and John Roe, Reuters',
  'Updated: March 11, 2024 9:30 am',
  'Published 2 hours ago',
  'Tags: news, mexico',
  'Read more',
  '© 2024 Example Media',
  'Home > News > World',
  '- - - - -',
  '* * *',
  '=====',
  'Photo: AP',
  '',
  '   ',
  '1 2 3 4 5 Next »',
  'Cookies help us deliver our services.',
);

const prose = fc
  .array(fc.constantFrom('The', 'council', 'met', 'on', 'Tuesday', 'and', 'agreed', 'to', 'fund', 'the', 'parks', 'budget', 'río', '東京', 'über', '—', ',', '.'), {
    minLength: 1,
    maxLength: 40,
  })
  .map((w) => w.join(' '));

const htmlFragment = fc.oneof(
  prose.map((p) => `<p>${p}</p>`),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<div><div><span>',
    '</p></div>',
    '<!-- c -->',
    '<![CDATA[x]]>',
    '<a href="javascript:alert(1)">x</a>',
    '<table><tr><td>1</td></tr></table>',
    '&nbsp;&#0;&#xD800;&bogus;',
    '<meta property="article:published_time" content="2024-01-01">',
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2024-02-30"}</script>',
    '<nav><a href="/">Home</a></nav>',
  ),
  nastyText,
);

const body = fc.oneof(
  fc.array(fc.oneof(prose, chromeLine, nastyText), { maxLength: 12 }).map((lines) => lines.join('\n')),
  fc.array(fc.oneof(prose, chromeLine), { maxLength: 12 }).map((lines) => lines.join('\n\n')),
  fc.array(htmlFragment, { maxLength: 10 }).map((parts) => parts.join('')),
  fc
    .array(
      fc.constantFrom(
        '# Title',
        '## Sub',
        '- item',
        '1. item',
        '> quote',
        '```',
        '    code',
        '| a | b |',
        '|---|---|',
        '[x](javascript:alert(1))',
        '![i](data:image/png;base64,AAAA)',
        '<div>',
        '***',
      ),
      { maxLength: 10 },
    )
    .map((l) => l.join('\n')),
);

const textContent = fc.tuple(frontMatter, body).map(([fm, b]) => fm + b);

const content: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: textContent },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: textContent.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])) },
  { weight: 1, arbitrary: textContent.map((t) => Buffer.concat([Buffer.from(t.slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(t.slice(20))])) },
  { weight: 1, arbitrary: body.map((b) => `<!DOCTYPE html><html><head><title>${b.slice(0, 30)}</title></head><body><article>${b}</article></body></html>`) },
);

/** A whole articles folder: 1 to 6 files with unique names, some in sub-folders. */
export const articleFolder: fc.Arbitrary<FuzzFile[]> = fc
  .array(fc.record({ base: fc.stringMatching(/^[a-z0-9][a-z0-9 _.-]{0,12}$/), dir: fc.constantFrom('', '', 'sub/', 'a b/'), ext: fc.constantFrom(...EXTENSIONS), content }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((files) => files.map((f, i) => ({ name: `${f.dir}${f.base.replace(/^\.+/, '')}-${i}${f.ext}`, content: f.content })));

export interface FuzzOutcome {
  problems: string[];
  code: number;
}

/** The oracle: build `files` in a fresh folder and list everything wrong with the result. */
export async function buildAndCheck(files: FuzzFile[]): Promise<FuzzOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-fuzz-'));
  const problems: string[] = [];
  let code: number = EXIT.INTERNAL;
  try {
    for (const f of files) {
      const abs = path.join(dir, 'articles', f.name);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, f.content);
    }
    const config = resolveConfig({ title: 'Fuzz', link: 'https://example.com/', git: false, limit: 0, cache: false, future: 'include' });
    const result = await build({ cwd: dir, config, now: new Date('2030-01-01T00:00:00Z') });
    code = result.diagnostics.some((d) => d.severity === 'error') ? EXIT.CONTENT_ERRORS : EXIT.OK;
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const text = readFileSync(path.join(dir, 'dist', name), 'utf8');
      for (const d of checkFeed(name, text)) {
        if (d.severity === 'error') problems.push(`${name}:${d.line ?? ''} ${d.code} ${d.message}`);
      }
    }
    for (const f of files) {
      const shown = `articles/${f.name}`;
      const published = (await result.articles()).some((a) => a.relPath === f.name);
      const named = result.diagnostics.some((d) => d.file === shown);
      // A post's asset (an image beside it) is no article: skipped, and without a note.
      if (ASSET_EXTENSIONS.has(path.extname(f.name).toLowerCase())) {
        if (published || named) problems.push(`${shown} is an asset, yet ${published ? 'in the feeds' : 'named in a diagnostic'}`);
      } else if (!published && !named) problems.push(`${shown} is neither in the feeds nor named in a diagnostic`);
    }
    const internal = result.diagnostics.filter((d) => d.code === 'ARTICLE_INTERNAL_ERROR');
    for (const d of internal) problems.push(`${d.file}: ${d.message}`);
  } catch (error) {
    problems.push(`crash: ${(error as Error).stack ?? String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (code !== EXIT.OK && code !== EXIT.CONTENT_ERRORS) problems.push(`exit code ${code}`);
  return { problems, code };
}
