import { describe, expect, it } from 'vitest';
import { type Io, makeOutput, makeProgress, type Output, printDiagnostics } from '../../src/cli/output.js';
import type { Diagnostic } from '../../src/model.js';
import { makeTree } from '../helpers/project.js';
import { article, makeSite, run } from './helpers.js';

const ESC = '\u001b[';

function fakeIo(tty: boolean, env: NodeJS.ProcessEnv = {}): Io & { err: () => string } {
  let err = '';
  return {
    cwd: '/',
    env,
    stdout: { write: () => true, isTTY: tty },
    stderr: { write: (s: string) => (err += s), isTTY: tty },
    err: () => err,
  };
}

describe('colour', () => {
  it('is on for a TTY without NO_COLOR', () => {
    expect(makeOutput(fakeIo(true), []).red('x')).toContain(ESC);
  });

  it('is off when stderr is not a TTY', () => {
    expect(makeOutput(fakeIo(false), []).red('x')).toBe('x');
  });

  it('is off on a TTY when NO_COLOR is set to anything non-empty', () => {
    expect(makeOutput(fakeIo(true, { NO_COLOR: '1' }), []).red('x')).toBe('x');
    expect(makeOutput(fakeIo(true, { NO_COLOR: 'false' }), []).red('x')).toBe('x');
  });

  it('ignores an empty NO_COLOR (no-color.org: "present and not an empty string")', () => {
    expect(makeOutput(fakeIo(true, { NO_COLOR: '' }), []).red('x')).toContain(ESC);
  });

  it('is off with --no-color, and forced on with --color off a TTY', () => {
    expect(makeOutput(fakeIo(true), ['--no-color']).red('x')).toBe('x');
    expect(makeOutput(fakeIo(false), ['--color']).red('x')).toContain(ESC);
  });

  it('a real build on a TTY is coloured, and has no escape codes with NO_COLOR or off a TTY', async () => {
    const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }), 'b.md': '---\ntitle: B\ndate: not a date\n---\nBody.\n' });
    const tty = await run(['build'], { cwd: dir, tty: true });
    expect(tty.stderr).toContain(ESC);
    const noColor = await run(['build'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stderr).not.toContain('\u001b');
    const pipe = await run(['build'], { cwd: dir });
    expect(pipe.stderr).not.toContain('\u001b');
    expect(pipe.stderr).toContain('META_DATE_UNPARSEABLE');
  });
});

describe('progress bar', () => {
  const setup = (tty: boolean): { out: Output; err: () => string } => {
    const io = fakeIo(tty);
    return { out: makeOutput(io, []), err: io.err };
  };

  it('draws nothing during the first second', () => {
    const { out, err } = setup(true);
    let t = 0;
    const p = makeProgress(out, 0, () => t);
    t = 500;
    p.update(1, 10);
    p.clear();
    expect(err()).toBe('');
  });

  it('draws after a second on a TTY, and erases itself when cleared', () => {
    const { out, err } = setup(true);
    let t = 0;
    const p = makeProgress(out, 0, () => t);
    t = 1500;
    p.update(5, 10);
    expect(err()).toContain('5/10 articles');
    p.clear();
    expect(err().endsWith(`\r${ESC}K`)).toBe(true);
  });

  it('never draws when stderr is not a TTY', () => {
    const { out, err } = setup(false);
    let t = 0;
    const p = makeProgress(out, 0, () => t);
    t = 5000;
    p.update(5, 10);
    p.clear();
    expect(err()).toBe('');
  });
});

describe('diagnostics', () => {
  const d = (file: string, line: number, code: string, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({
    file,
    line,
    code,
    severity,
    message: `Problem ${code}.`,
    hint: `Fix ${code}.`,
  });

  it('are grouped by file, errors first, with a blank line between files', () => {
    const io = fakeIo(false);
    printDiagnostics(makeOutput(io, []), [d('a.md', 1, 'W1'), d('a.md', 9, 'E1', 'error'), d('b.md', 2, 'W2')]);
    expect(io.err()).toBe('a.md:9 error E1 Problem E1.\n  hint: Fix E1.\na.md:1 warning W1 Problem W1.\n  hint: Fix W1.\n\nb.md:2 warning W2 Problem W2.\n  hint: Fix W2.\n');
  });

  it('print a hint once per code and file', () => {
    const io = fakeIo(false);
    printDiagnostics(makeOutput(io, []), [d('a.md', 1, 'W1'), d('a.md', 2, 'W1')]);
    expect(io.err().match(/hint/g)).toHaveLength(1);
  });

  it('sum up a warning repeated many times, but never hide an error', () => {
    const io = fakeIo(false);
    const many = Array.from({ length: 10 }, (_, i) => ({ ...d(`f${i}.json`, 1, 'SAME'), message: `Problem ${i}.` }));
    const errors = Array.from({ length: 5 }, (_, i) => d('e.md', i + 1, 'BAD', 'error'));
    printDiagnostics(makeOutput(io, []), [...many, ...errors]);
    expect(io.err().match(/ warning SAME /g)).toHaveLength(3);
    expect(io.err()).toContain('… and 7 more warnings SAME in 7 files');
    expect(io.err().match(/ error BAD /g)).toHaveLength(5);
  });

  it('print a warning that is the same in many files (the same shortcode removed from every post) once, with the count and the next files named; the others still one by one', () => {
    const io = fakeIo(false);
    const removed = (file: string, lines: number[]): Diagnostic => ({
      file,
      line: lines[0] as number,
      code: 'CONTENT_TEMPLATE_REMOVED',
      severity: 'warning',
      message: `Template code that cannot be rendered was removed from the body: ${lines.map((l) => `{{< newsletter >}} (line ${l})`).join(', ')}.`,
      hint: 'Write the content.',
    });
    const posts = Array.from({ length: 44 }, (_, i) => removed(`content/posts/p${String(i).padStart(2, '0')}/index.md`, i % 2 ? [10 + i] : [10 + i, 200 + i]));
    const other = removed('content/posts/odd/index.md', [3]);
    const odd = { ...other, message: 'Template code that cannot be rendered was removed from the body: {{< chart >}} (line 3).' };
    printDiagnostics(makeOutput(io, []), [...posts, odd]);
    const err = io.err();
    expect(err.match(/^\S+ warning CONTENT_TEMPLATE_REMOVED /gm)).toHaveLength(2);
    expect(err).toContain('content/posts/p00/index.md:10 warning CONTENT_TEMPLATE_REMOVED');
    expect(err).toContain('  … the same warning CONTENT_TEMPLATE_REMOVED in 43 more files: content/posts/p01/index.md, content/posts/p02/index.md, content/posts/p03/index.md, … (40 more); --json lists each');
    expect(err).toContain('{{< chart >}}');
    expect(err).not.toContain('… and');
  });

  it('the same template tags with other arguments in each file (each post its own image) are the same warning; other tags are not', () => {
    const io = fakeIo(false);
    const tags = (file: string, image: string, tag = 'src'): Diagnostic => ({
      file,
      line: 13,
      code: 'CONTENT_TEMPLATE_REMOVED',
      severity: 'warning',
      message: `Template code that cannot be rendered was removed from the body: {% ${tag} '${image}.jpg' %} (line 13), {{< figure src="${image}.png" >}} (line 14).`,
    });
    const posts = ['a', 'b', 'c', 'd', 'e'].map((n) => tags(`src/posts/${n}.md`, `${n}_xyz`));
    printDiagnostics(makeOutput(io, []), [...posts, tags('src/posts/f.md', 'f', 'other')]);
    const err = io.err();
    expect(err.match(/^\S+ warning CONTENT_TEMPLATE_REMOVED /gm)).toHaveLength(2);
    expect(err).toContain('… the same warning CONTENT_TEMPLATE_REMOVED in 4 more files: src/posts/b.md, src/posts/c.md, src/posts/d.md, … (1 more)');
  });

  it('a warning the same in only a few files is printed for each', () => {
    const io = fakeIo(false);
    printDiagnostics(makeOutput(io, []), ['a.md', 'b.md', 'c.md'].map((f) => d(f, 1, 'SAME')));
    expect(io.err().match(/ warning SAME /g)).toHaveLength(3);
    expect(io.err()).not.toContain('the same');
  });
});

describe('the build summary', () => {
  it('counts the files the site leaves out as not posts, and says where the reasons are', async () => {
    const page = '+++\ntitle = "Guide"\ndate = 2024-01-02\n+++\n\nText.\n';
    const cwd = makeTree({ 'config.toml': 'base_url = "https://zola.example"\nignored_content = ["*.src.md"]\n', 'content/guide/index.md': page, 'content/guide/index.src.md': page });
    const r = await run(['build', '--articles', 'content', '--out', 'dist'], { cwd });
    expect(r.stderr).toContain('1 article published (1 not a post (listing pages or files the site leaves out: META_NOT_A_POST notes say which))');
  });
});
