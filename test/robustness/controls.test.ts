/**
 * Control characters in what the CLI prints: a file name (or a value quoted in a message) holding a
 * newline must not start a line of its own, where GitHub Actions would read `::error ...` as a
 * workflow command; ESC must not reach the terminal. Every path and message is escaped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, printable } from '../../src/diagnostics.js';
import { makeSite, runText, type Site } from './helpers.js';

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

describe('printable', () => {
  it('escapes C0, DEL, C1, line separators and bidi overrides, and nothing else', () => {
    expect(printable('a\n::error::x')).toBe('a\\n::error::x');
    expect(printable('\r\t\u001b[31m\u0000\u007f\u0085')).toBe('\\r\\t\\x1b[31m\\x00\\x7f\\x85');
    expect(printable('x\u2028y\u2029z\u202eevil\u2066')).toBe('x\\u{2028}y\\u{2029}z\\u{202e}evil\\u{2066}');
    expect(printable('ordinary/path é 中文 😀.md')).toBe('ordinary/path é 中文 😀.md');
  });

  it('formatDiagnostic keeps one line per diagnostic (and one for its hint)', () => {
    const text = formatDiagnostic({ code: 'SOURCE_EMPTY', severity: 'error', file: 'articles/a\n::error::b.md', message: 'm\r\nn', hint: 'h\u001b[2J' });
    expect(text.split('\n')).toEqual(['articles/a\\n::error::b.md error SOURCE_EMPTY m\\r\\nn', '  hint: h\\x1b[2J']);
  });
});

describe('crafted names and values through the CLI', () => {
  it('a file name with a newline, CR or ESC, and a date value with a newline, print no line that starts a command', async () => {
    const s = makeSite({
      'evil\n::error file=x,line=1::pwned.md': '',
      'cr\r::warning::x.md': '---\ntitle: "CR"\ndate: 2024-01-01\n---\nBody.\n',
      'esc\u001b[2Jclear.txt': '',
      'date.md': '---\ntitle: Date\ndate: "2024-01-01\\n::error::forged"\n---\nBody.\n',
    });
    sites.push(s);
    const r = await runText(s.dir);
    const lines = `${r.stdout}${r.stderr}`.split(/\r?\n|\r/);
    // No printed line (the separators a log splits on: \n, \r) begins a workflow command.
    expect(lines.filter((l) => /^\s*::/.test(l))).toEqual([]);
    expect(`${r.stdout}${r.stderr}`).not.toContain('\u001b');
    expect(r.stderr).toContain('articles/evil\\n::error file=x,line=1::pwned.md');
    expect(r.stderr).toContain('articles/esc\\x1b[2Jclear.txt');
    expect(r.stderr).toContain('\\n::error::forged');
  });
});

describe('crafted command lines', () => {
  it('an unknown command or option holding a newline prints on one line', async () => {
    const s = makeSite({});
    sites.push(s);
    for (const args of [['bui\n::error::x'], ['build', '--fo\n::error::x'], ['help', 'x\n::error::y']]) {
      const r = await runText(s.dir, args);
      expect(r.code).toBe(2);
      expect(`${r.stdout}${r.stderr}`.split(/\r?\n|\r/).filter((l) => /^\s*::/.test(l)), JSON.stringify(args)).toEqual([]);
    }
  });
});
