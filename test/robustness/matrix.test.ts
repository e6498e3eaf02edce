/**
 * The bad-input matrix (issue 6): one test per case, each in its own temporary site with two good
 * articles beside the bad one. Each asserts the exact diagnostic code, `file:line` where there is a
 * line, the exit code of the real CLI entry, and that the good articles ARE in all three feeds.
 */
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import {
  BASE_CONFIG,
  codes,
  type Files,
  feedsExist,
  find,
  findAll,
  GOOD_TITLES,
  makeSite,
  permissionsAreIgnored,
  type RunResult,
  run,
  runText,
  type Site,
  titlesEverywhere,
} from './helpers.js';

const sites: Site[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.remove();
});

function site(files: Files, options: Parameters<typeof makeSite>[1] = {}): Site {
  const s = makeSite(files, options);
  sites.push(s);
  return s;
}

/** Build a site with one bad article; return the run and the titles that reached the feeds. */
async function buildWith(files: Files, options: Parameters<typeof makeSite>[1] = {}): Promise<{ s: Site; r: RunResult; titles: string[] }> {
  const s = site(files, options);
  const r = await run(s.dir);
  const titles = feedsExist(s.out) ? titlesEverywhere(s.out) : [];
  return { s, r, titles };
}

function expectGoodSurvive(titles: string[]): void {
  for (const t of GOOD_TITLES) expect(titles).toContain(t);
}

/** The diagnostic must exist, with this file (relative to the site) and line. */
function expectAt(r: RunResult, code: string, file: string, line?: number): void {
  const d = findAll(r, code).find((x) => x.file === file);
  expect(d, `${code} on ${file} in ${JSON.stringify(r.report.diagnostics ?? r.report.error, null, 1)}`).toBeDefined();
  if (line !== undefined) expect(d?.line).toBe(line);
}

/** The fatal error of a run. */
function fatal(r: RunResult): string | undefined {
  return r.report.error?.code;
}

describe('matrix: encodings and file kinds', () => {
  it('invalid UTF-8 -> SOURCE_INVALID_UTF8 at the line of the first bad byte, exit 1', async () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Latin-1\n---\nLine four\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
    const { r, titles } = await buildWith({ 'latin1.md': bytes });
    expectAt(r, 'SOURCE_INVALID_UTF8', 'articles/latin1.md', 5);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  it('UTF-16 LE and BE with a BOM are read correctly, exit 0', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: Sixteen LE ñ\ndate: 2024-02-01\n---\nBody é.\n', 'utf16le')]);
    const beText = Buffer.from('---\ntitle: Sixteen BE ü\ndate: 2024-02-02\n---\nBody ü.\n', 'utf16le');
    beText.swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beText]);
    const { r, titles } = await buildWith({ 'le.md': le, 'be.md': be });
    expect(r.code).toBe(EXIT.OK);
    expect(titles).toEqual(expect.arrayContaining(['Sixteen LE ñ', 'Sixteen BE ü']));
    expectGoodSurvive(titles);
  });

  it('UTF-8 with a BOM (front matter right after it) is read correctly, exit 0', async () => {
    const { r, titles } = await buildWith({
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: With BOM\ndate: 2024-02-03\n---\nBody.\r\nCRLF line.\r\n')]),
    });
    expect(r.code).toBe(EXIT.OK);
    expect(codes(r)).not.toContain('FM_UNKNOWN_KEY');
    expect(titles).toContain('With BOM');
    expectGoodSurvive(titles);
  });

  it('a binary file with an article extension -> SOURCE_BINARY, exit 1', async () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00]);
    const { r, titles } = await buildWith({ 'program.md': bytes });
    expectAt(r, 'SOURCE_BINARY', 'articles/program.md');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  it('a PNG saved as .md -> SOURCE_BINARY; images with their own extension are assets, skipped without a note; a .rst -> SOURCE_IGNORED note; exit 0 for those', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const images = await buildWith({ 'cover.png': png, 'img/photo.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), 'notes.rst': 'A title\n=======\n\nText.\n' });
    expectAt(images.r, 'SOURCE_IGNORED', 'articles/notes.rst');
    expect(find(images.r, 'SOURCE_IGNORED')?.severity).toBe('note');
    expect(JSON.stringify(images.r)).not.toMatch(/cover\.png|photo\.jpg/);
    expect(images.r.code).toBe(EXIT.OK);
    expectGoodSurvive(images.titles);

    const renamed = await buildWith({ 'cover.md': png });
    expectAt(renamed.r, 'SOURCE_BINARY', 'articles/cover.md');
    expect(renamed.r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(renamed.titles);
  });

  it('an empty file (or only whitespace) -> SOURCE_EMPTY, exit 1', async () => {
    const { r, titles } = await buildWith({ 'empty.md': '', 'blank.txt': ' \n\n\t\n' });
    expectAt(r, 'SOURCE_EMPTY', 'articles/empty.md');
    expectAt(r, 'SOURCE_EMPTY', 'articles/blank.txt');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });
});

describe('matrix: front matter', () => {
  it('a front matter block that never closes -> FM_UNCLOSED at line 1, exit 1', async () => {
    const { r, titles } = await buildWith({ 'open.md': '---\ntitle: Never closed\ndate: 2024-01-01\n\nThe body starts here.\n' });
    expectAt(r, 'FM_UNCLOSED', 'articles/open.md', 1);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  it('invalid YAML -> FM_INVALID_YAML at the bad line, exit 1', async () => {
    const { r, titles } = await buildWith({ 'bad-yaml.md': '---\ntitle: Fine\ndate: 2024-01-01\ntags: [a, b\nsummary: x\n---\nBody.\n' });
    const d = findAll(r, 'FM_INVALID_YAML').find((x) => x.file === 'articles/bad-yaml.md');
    expect(d).toBeDefined();
    expect(d?.line).toBeGreaterThanOrEqual(4);
    expect(d?.line).toBeLessThanOrEqual(6);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  it('a value with ": " in it (the common mistake) -> FM_INVALID_YAML at its line', async () => {
    const { r } = await buildWith({ 'colon.md': '---\ntitle: Fine\nsummary: Note: this breaks\n---\nBody.\n' });
    expectAt(r, 'FM_INVALID_YAML', 'articles/colon.md', 3);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
  });

  it('front matter over 16 KiB -> FM_TOO_LARGE at line 1 (not parsed), exit 1', async () => {
    const { r, titles } = await buildWith({ 'long-fm.md': `---\ntitle: Long\nsummary: ${']'.repeat(100_000)}\n---\nBody.\n` });
    expectAt(r, 'FM_TOO_LARGE', 'articles/long-fm.md', 1);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  /** A whole build of three articles costs well under a second of CPU; the expansion, minutes. */
  const LAUGHS_CPU_BOUND_MS = 10_000;

  it('"billion laughs" (aliases expanding exponentially) -> FM_ALIAS_LIMIT, quickly, exit 1', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // CPU time of this process (the build runs in it), not wall time: a loaded machine stretches
    // wall time many-fold, while expanding 9^10 aliases would cost minutes of CPU however idle.
    const started = process.cpuUsage();
    const { r, titles } = await buildWith({ 'laughs.md': `---\ntitle: Laughs\n${lines.join('\n')}\n---\nBody.\n` });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(LAUGHS_CPU_BOUND_MS);
    expectAt(r, 'FM_ALIAS_LIMIT', 'articles/laughs.md', 2);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  it('YAML tags that try to construct objects (!!js/function, !!python/object) construct nothing -> FM_YAML_TAG', async () => {
    const { r, titles } = await buildWith({
      'js.md': '---\ntitle: Tagged\ndate: 2024-01-04\nsummary: !!js/function "function () { globalThis.pwned = true }"\n---\nBody.\n',
      'py.md': '---\ntitle: Python\ndate: 2024-01-05\nsummary: !!python/object/apply:os.system ["touch /tmp/pwned"]\n---\nBody.\n',
    });
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expectAt(r, 'FM_YAML_TAG', 'articles/js.md', 4);
    expectAt(r, 'FM_YAML_TAG', 'articles/py.md', 4);
    expectGoodSurvive(titles);
    // The tag is ignored: a tagged string is still a string (published); a tagged list is a summary of the
    // wrong shape, left out with a warning (the post is published with a derived summary).
    expect(titles).toContain('Tagged');
    expect(titles).toContain('Python');
    expectAt(r, 'FM_VALUE_IGNORED', 'articles/py.md', 4);
    expect(r.code).toBe(EXIT.OK);
  });

  it('an unknown front matter key -> FM_UNKNOWN_KEY warning with "did you mean", exit 0, article published', async () => {
    const { r, titles } = await buildWith({ 'typo.md': '---\ntitle: Typo\ndate: 2024-01-06\ntgas: [a]\n---\nBody.\n' });
    expectAt(r, 'FM_UNKNOWN_KEY', 'articles/typo.md', 4);
    const d = find(r, 'FM_UNKNOWN_KEY');
    expect(d?.severity).toBe('warning');
    expect(d?.hint).toMatch(/Did you mean "tags"\?/);
    expect(r.code).toBe(EXIT.OK);
    expect(titles).toContain('Typo');
    expectGoodSurvive(titles);
  });
});

describe('matrix: metadata', () => {
  it('a title missing everywhere -> META_TITLE_MISSING at line 1, exit 1', async () => {
    const { r, titles } = await buildWith({ 'untitled.md': '---\ndate: 2024-01-07\n---\nJust a paragraph, no heading.\n' });
    expectAt(r, 'META_TITLE_MISSING', 'articles/untitled.md', 1);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expect(titles).toHaveLength(2);
    expectGoodSurvive(titles);
  });

  it('an HTML page or a text file without a title -> a hint about what titles that kind of file', async () => {
    const { r, titles } = await buildWith({ 'untitled.html': '<html><body><p>Only a paragraph.</p></body></html>', 'untitled.txt': 'Only one line.\n' });
    expectAt(r, 'META_TITLE_MISSING', 'articles/untitled.html', 1);
    expectAt(r, 'META_TITLE_MISSING', 'articles/untitled.txt', 1);
    const hints = Object.fromEntries(findAll(r, 'META_TITLE_MISSING').map((d) => [d.file, d.hint]));
    expect(hints['articles/untitled.html']).toMatch(/<title>.*<h1>/);
    expect(hints['articles/untitled.txt']).toMatch(/first line the title/);
    expectGoodSurvive(titles);
  });

  it('a title YAML reads as a comment (title: #1 ...) -> META_TITLE_MISSING at its line, naming the comment', async () => {
    const { r, titles } = await buildWith({ 'hashtitle.md': '---\ndate: 2024-01-07\ntitle: #1 rule of tools\n---\nJust a paragraph, no heading.\n' });
    expectAt(r, 'META_TITLE_MISSING', 'articles/hashtitle.md', 3);
    const d = findAll(r, 'META_TITLE_MISSING')[0];
    expect(d?.message).toContain('"title" is empty');
    expect(d?.hint).toContain('A value that starts with "#" is a YAML comment');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titles);
  });

  it('an unparseable date -> META_DATE_UNPARSEABLE at its line, exit 1', async () => {
    const { r, titles } = await buildWith({ 'baddate.md': '---\ntitle: Bad date\ndate: 31/31/2024\n---\nBody.\n' });
    expectAt(r, 'META_DATE_UNPARSEABLE', 'articles/baddate.md', 3);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expect(titles).not.toContain('Bad date');
    expectGoodSurvive(titles);
  });

  it('a date in 1900 -> META_DATE_IMPLAUSIBLE warning at its line, published, exit 0', async () => {
    const { r, titles } = await buildWith({ 'old.md': '---\ntitle: Old\ndate: 1900-01-01\n---\nBody.\n' });
    expectAt(r, 'META_DATE_IMPLAUSIBLE', 'articles/old.md', 3);
    expect(r.code).toBe(EXIT.OK);
    expect(titles).toContain('Old');
    expectGoodSurvive(titles);
  });

  it('a date in 2300 -> META_DATE_IMPLAUSIBLE and (being in the future) META_FUTURE_HELD, exit 0', async () => {
    const { r, titles } = await buildWith({ 'far.md': '---\ntitle: Far\ndate: 2300-01-01\n---\nBody.\n' });
    expectAt(r, 'META_DATE_IMPLAUSIBLE', 'articles/far.md', 3);
    expectAt(r, 'META_FUTURE_HELD', 'articles/far.md', 3);
    expect(r.code).toBe(EXIT.OK);
    expect(titles).not.toContain('Far');
    expectGoodSurvive(titles);
  });

  it('a future date is held back by default with a note; "future": "include" publishes it', async () => {
    const article = { 'soon.md': '---\ntitle: Soon\ndate: 2099-06-01\n---\nBody.\n' };
    const held = await buildWith(article);
    expectAt(held.r, 'META_FUTURE_HELD', 'articles/soon.md', 3);
    expect(find(held.r, 'META_FUTURE_HELD')?.severity).toBe('note');
    expect(held.r.code).toBe(EXIT.OK);
    expect(held.titles).not.toContain('Soon');
    expectGoodSurvive(held.titles);

    const included = await buildWith(article, { config: { ...BASE_CONFIG, future: 'include' } });
    expect(codes(included.r)).not.toContain('META_FUTURE_HELD');
    expect(included.r.code).toBe(EXIT.OK);
    expect(included.titles).toContain('Soon');
  });

  it('duplicate slugs -> META_DUPLICATE_SLUG on both files, one kept, exit 1', async () => {
    const { r, titles } = await buildWith({
      'a/same.md': '---\ntitle: First same\ndate: 2024-01-08\n---\nBody.\n',
      'b/same.md': '---\ntitle: Second same\ndate: 2024-01-09\n---\nBody.\n',
    });
    expectAt(r, 'META_DUPLICATE_SLUG', 'articles/a/same.md');
    expectAt(r, 'META_DUPLICATE_SLUG', 'articles/b/same.md');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expect(titles.filter((t) => t.endsWith('same'))).toHaveLength(1);
    expectGoodSurvive(titles);
  });

  it('duplicate ids -> META_DUPLICATE_ID on both files at the id line, exit 1', async () => {
    const { r, titles } = await buildWith({
      'one.md': '---\ntitle: Id one\ndate: 2024-01-08\nid: urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66\n---\nBody.\n',
      'two.md': '---\ntitle: Id two\ndate: 2024-01-09\nid: urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66\n---\nBody.\n',
    });
    expectAt(r, 'META_DUPLICATE_ID', 'articles/one.md', 4);
    expectAt(r, 'META_DUPLICATE_ID', 'articles/two.md', 4);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expect(titles.filter((t) => t.startsWith('Id '))).toHaveLength(1);
    expectGoodSurvive(titles);
  });

  it('a slug like ../../etc/passwd or with "/" -> META_SLUG_INVALID, nothing written outside, exit 1', async () => {
    const { s, r, titles } = await buildWith({
      'escape.md': '---\ntitle: Escape\ndate: 2024-01-10\nslug: ../../etc/passwd\n---\nBody.\n',
      'slash.md': '---\ntitle: Slash\ndate: 2024-01-11\nslug: a/b\n---\nBody.\n',
    });
    expectAt(r, 'META_SLUG_INVALID', 'articles/escape.md', 4);
    expectAt(r, 'META_SLUG_INVALID', 'articles/slash.md', 4);
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expect(titles).not.toContain('Escape');
    const { existsSync, readdirSync } = await import('node:fs');
    // Nothing is written at a path built from the slug: no etc/ anywhere near, no passwd anywhere.
    for (const d of [s.dir, path.dirname(s.dir), s.out, s.articles]) expect(existsSync(path.join(d, 'etc'))).toBe(false);
    expect(readdirSync(s.dir, { recursive: true, encoding: 'utf8' }).filter((f) => /passwd|(^|\/)b$/.test(f))).toEqual([]);
    expectGoodSurvive(titles);
  });
});

describe('matrix: size and shape', () => {
  it('a 50 MB article -> SOURCE_TOO_LARGE (not read into memory), exit 1', async () => {
    const s = site({});
    const big = path.join(s.articles, 'huge.md');
    writeFileSync(big, '---\ntitle: Huge\n---\n');
    truncateSync(big, 50 * 1024 * 1024);
    const r = await run(s.dir);
    expectAt(r, 'SOURCE_TOO_LARGE', 'articles/huge.md');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titlesEverywhere(s.out));
  });

  for (const [name, body] of [
    ['markdown', (line: string) => `---\ntitle: Long line\ndate: 2024-01-12\n---\n${line}\n`],
    ['text', (line: string) => `Long line\n\n${line}\n`],
    ['html', (line: string) => `<html><head><title>Long line</title></head><body><article><h1>Long line</h1><p>${line}</p></article></body></html>`],
  ] as const) {
    it(`a 1,000,000-character single line (${name}) is built, exit 0`, async () => {
      const words = 'lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
      const line = words.repeat(Math.ceil(1_000_000 / words.length)).slice(0, 1_000_000);
      const ext = name === 'markdown' ? 'md' : name === 'text' ? 'txt' : 'html';
      const { r, titles } = await buildWith({ [`long.${ext}`]: body(line) });
      expect(r.code, JSON.stringify(r.report)).toBe(EXIT.OK);
      expect(titles).toContain('Long line');
      expectGoodSurvive(titles);
    });
  }

  it('HTML nested 10,000 levels deep in a .html article: no crash, CONTENT_TRUNCATED_NESTING, exit 0', async () => {
    const deep = `${'<div>'.repeat(10_000)}deep text${'</div>'.repeat(10_000)}`;
    const { r, titles } = await buildWith({ 'deep.html': `<html><head><title>Deep</title></head><body><p>Intro paragraph.</p>${deep}</body></html>` });
    expect(r.code, JSON.stringify(r.report)).toBe(EXIT.OK);
    expectAt(r, 'CONTENT_TRUNCATED_NESTING', 'articles/deep.html');
    expect(titles).toContain('Deep');
    expectGoodSurvive(titles);
  });

  it('HTML nested 10,000 levels deep as raw HTML in Markdown: no crash, CONTENT_TRUNCATED_NESTING, exit 0', async () => {
    const deep = `${'<div>'.repeat(10_000)}deep text${'</div>'.repeat(10_000)}`;
    const { r, titles } = await buildWith({ 'deep.md': `---\ntitle: Deep md\ndate: 2024-01-13\n---\nIntro.\n\n${deep}\n` });
    expect(r.code, JSON.stringify(r.report)).toBe(EXIT.OK);
    expectAt(r, 'CONTENT_TRUNCATED_NESTING', 'articles/deep.md');
    expect(titles).toContain('Deep md');
    expectGoodSurvive(titles);
  });
});

describe('matrix: the articles folder', () => {
  it('missing -> ARTICLES_MISSING, exit 2, no feeds', async () => {
    const s = site({}, { good: false });
    const { rmSync } = await import('node:fs');
    rmSync(s.articles, { recursive: true });
    const r = await run(s.dir);
    expect(fatal(r)).toBe('ARTICLES_MISSING');
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
    expect(feedsExist(s.out)).toBe(false);
  });

  it('empty -> valid empty feeds and an ARTICLES_EMPTY warning, exit 0', async () => {
    const s = site({}, { good: false });
    const r = await run(s.dir);
    expectAt(r, 'ARTICLES_EMPTY', 'articles');
    expect(find(r, 'ARTICLES_EMPTY')?.severity).toBe('warning');
    expect(r.code).toBe(EXIT.OK);
    expect(titlesEverywhere(s.out)).toEqual([]);
  });

  it('holding only files that are not articles -> ARTICLES_EMPTY too', async () => {
    const s = site({ 'notes.docx': 'x', '.hidden.md': '---\ntitle: Hidden\n---\nx' }, { good: false });
    const r = await run(s.dir);
    expectAt(r, 'ARTICLES_EMPTY', 'articles');
    expect(r.code).toBe(EXIT.OK);
  });

  it('a file -> ARTICLES_NOT_A_FOLDER, exit 2', async () => {
    const s = site({}, { good: false });
    const { rmSync } = await import('node:fs');
    rmSync(s.articles, { recursive: true });
    writeFileSync(s.articles, 'not a folder');
    const r = await run(s.dir);
    expect(fatal(r)).toBe('ARTICLES_NOT_A_FOLDER');
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it.skipIf(permissionsAreIgnored())(
    'unreadable (chmod 000) -> ARTICLES_UNREADABLE, exit 2 [skipped when running as root: chmod does not block reads; see the ELOOP case]',
    async () => {
      const s = site({});
      chmodSync(s.articles, 0o000);
      try {
        const r = await run(s.dir);
        expect(fatal(r)).toBe('ARTICLES_UNREADABLE');
        expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
      } finally {
        chmodSync(s.articles, 0o755);
      }
    },
  );

  it('unreadable even for root (a symlink to itself, ELOOP) -> ARTICLES_UNREADABLE, exit 2', async () => {
    const s = site({}, { good: false });
    const { rmSync } = await import('node:fs');
    rmSync(s.articles, { recursive: true });
    symlinkSync('articles', s.articles);
    const r = await run(s.dir);
    expect(fatal(r)).toBe('ARTICLES_UNREADABLE');
    expect(r.report.error?.message).toMatch(/ELOOP/);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it.skipIf(permissionsAreIgnored())('an unreadable article (chmod 000) -> SOURCE_UNREADABLE, exit 1 [skipped as root]', async () => {
    const s = site({ 'secret.md': '---\ntitle: Secret\n---\nBody.\n' });
    chmodSync(path.join(s.articles, 'secret.md'), 0o000);
    const r = await run(s.dir);
    expectAt(r, 'SOURCE_UNREADABLE', 'articles/secret.md');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titlesEverywhere(s.out));
  });

  it('a broken symlink named like an article -> SOURCE_UNREADABLE, exit 1 (works as root)', async () => {
    const s = site({});
    symlinkSync('/nonexistent/feedwright/target.md', path.join(s.articles, 'dangling.md'));
    const r = await run(s.dir);
    expectAt(r, 'SOURCE_UNREADABLE', 'articles/dangling.md');
    expect(r.code).toBe(EXIT.CONTENT_ERRORS);
    expectGoodSurvive(titlesEverywhere(s.out));
  });

  it('a symlink loop inside it -> SOURCE_SYMLINK_LOOP warning, not followed, exit 0', async () => {
    const s = site({ 'sub/inner.md': '---\ntitle: Inner\ndate: 2024-01-14\n---\nBody.\n' });
    symlinkSync('..', path.join(s.articles, 'sub', 'loop'));
    symlinkSync('self', path.join(s.articles, 'self'));
    const r = await run(s.dir);
    expectAt(r, 'SOURCE_SYMLINK_LOOP', 'articles/sub/loop');
    expectAt(r, 'SOURCE_UNREADABLE', 'articles/self');
    expect(find(r, 'SOURCE_SYMLINK_LOOP')?.severity).toBe('warning');
    const titles = titlesEverywhere(s.out);
    expect(titles.filter((t) => t === 'Inner')).toHaveLength(1);
    expectGoodSurvive(titles);
  });
});

describe('matrix: configuration', () => {
  it('an invalid timezone -> CONFIG_INVALID at its line, exit 2', async () => {
    const s = site({}, { config: { ...BASE_CONFIG, timezone: 'Mars/Olympus_Mons' } });
    const r = await run(s.dir);
    expect(fatal(r)).toBe('CONFIG_INVALID');
    expect(r.report.error?.message).toMatch(/timezone/);
    expect(r.report.error?.line).toBe(5);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
    expect(feedsExist(s.out)).toBe(false);
  });

  it('a config that is not JSON -> CONFIG_INVALID with line and column, exit 2', async () => {
    const s = site({}, { config: '{\n  "title": "x",\n  // a comment\n}\n' });
    const r = await run(s.dir);
    expect(fatal(r)).toBe('CONFIG_INVALID');
    expect(r.report.error?.line).toBe(3);
    expect(r.report.error?.message).toMatch(/feedwright\.config\.json:3:\d+ is not valid JSON/);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it('a config that is JSON but not an object -> CONFIG_INVALID, exit 2', async () => {
    const s = site({}, { config: '[1, 2]' });
    const r = await run(s.dir);
    expect(fatal(r)).toBe('CONFIG_INVALID');
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it('a config with wrong types -> CONFIG_INVALID naming the key, exit 2', async () => {
    for (const bad of [{ limit: 'ten' }, { git: 'yes' }, { title: 42 }, { clean: { drop: 'x' } }, { files: { rss: '../rss.xml' } }, { link: 'ftp://x' }]) {
      const s = site({}, { config: { ...BASE_CONFIG, ...bad } });
      const r = await run(s.dir);
      expect(fatal(r), JSON.stringify(bad)).toBe('CONFIG_INVALID');
      expect(r.report.error?.message).toContain(Object.keys(bad)[0] as string);
      expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
    }
  });

  it('a config with an unknown key -> CONFIG_INVALID with "did you mean", exit 2', async () => {
    const s = site({}, { config: { ...BASE_CONFIG, timzone: 'UTC' } });
    const r = await run(s.dir);
    expect(fatal(r)).toBe('CONFIG_INVALID');
    expect(r.report.error?.hint).toMatch(/Did you mean "timezone"\?/);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it('a clean.drop pattern no linear-time engine can run (a backreference) -> CONFIG_INVALID, exit 2', async () => {
    const s = site({}, { config: { ...BASE_CONFIG, clean: { drop: ['^(a+)\\1$'] } } });
    const r = await run(s.dir);
    expect(fatal(r)).toBe('CONFIG_INVALID');
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });
});

describe('matrix: output', () => {
  it('an output folder that cannot be written (a path under a regular file) -> OUTPUT_UNWRITABLE, exit 2', async () => {
    const s = site({});
    writeFileSync(path.join(s.dir, 'blocker'), 'a regular file');
    const r = await run(s.dir, ['build', '--out', 'blocker/dist']);
    expect(fatal(r)).toBe('OUTPUT_UNWRITABLE');
    expect(r.report.error?.message).toMatch(/ENOTDIR|EEXIST/);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it('an output "folder" that is a regular file -> OUTPUT_UNWRITABLE, exit 2', async () => {
    const s = site({});
    writeFileSync(s.out, 'a regular file');
    const r = await run(s.dir);
    expect(fatal(r)).toBe('OUTPUT_UNWRITABLE');
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
  });

  it('the human-readable error says what happened and what to do', async () => {
    const s = site({});
    writeFileSync(path.join(s.dir, 'blocker'), 'x');
    const r = await runText(s.dir, ['build', '--out', 'blocker/dist']);
    expect(r.stderr).toMatch(/error OUTPUT_UNWRITABLE The output folder blocker\/dist cannot be written/);
    expect(r.stderr).toMatch(/hint: /);
  });
});

// Keep the import used even when every chmod case is skipped.
void mkdirSync;
