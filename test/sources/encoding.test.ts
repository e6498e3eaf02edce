/**
 * Decoding as browsers do (issue 12): HTML by BOM, then <meta charset>/http-equiv, then a sniff;
 * plain text as UTF-8, else the fallback encoding with a SOURCE_NOT_UTF8 warning naming the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/sources/files.js';
import { declaredCharset, decodeHtml, repairLatin1ReadUtf8 } from '../../src/sources/encoding.js';
import { buildProject, makeProject } from '../helpers/project.js';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
/** windows-1252 bytes for Latin-1 text plus the typographic characters used here. */
const cp1252 = (s: string): Buffer => latin1(s.replace(/[–“”€]/g, (c) => String.fromCharCode({ '–': 0x96, '“': 0x93, '”': 0x94, '€': 0x80 }[c] as number)));
const page = (head: string, body: string): string => `<!doctype html><html><head>${head}<title>T</title></head><body><p>${body}</p></body></html>`;

describe('HTML decoding', () => {
  it('honours <meta charset> for ISO-8859-1 (read as windows-1252, as browsers do)', () => {
    const r = decodeSource(cp1252(page('<meta charset="iso-8859-1">', 'Grüße aus Köln – 5 €')), 'a.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('Grüße aus Köln – 5 €');
    expect(r.note).toBeUndefined();
  });

  it('honours http-equiv Content-Type for ISO-8859-2', () => {
    const bytes = latin1(page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">', 'Ziemniaki na sz\u00f3stej'));
    expect(declaredCharset(bytes)).toBe('iso-8859-2');
    expect(decodeHtml(bytes).text).toContain('Ziemniaki na sz\u00f3stej');
  });

  it('finds a declaration in the head after the first 1024 bytes, ignores one in a comment', () => {
    const head = `<!-- <meta charset="koi8-r"> -->${'<link rel="x" href="y">'.repeat(60)}<meta http-equiv="content-type" content="text/html; charset=iso-8859-1"/>`;
    const bytes = latin1(page(head, 'Login für Vote'));
    expect(bytes.indexOf('charset=iso')).toBeGreaterThan(1024);
    expect(decodeHtml(bytes).text).toContain('Login für Vote');
  });

  it('decodes GBK (declared gb2312)', () => {
    const bytes = Buffer.concat([latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"/><title>'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), latin1('</title></head></html>')]);
    expect(decodeHtml(bytes).text).toContain('中文');
  });

  it('reads an undeclared page that is not UTF-8 as windows-1252, with a warning naming the file', () => {
    const r = decodeSource(latin1(page('', 'Alle Auswählen')), 'site/page.html');
    expect(r.ok && r.text).toContain('Alle Auswählen');
    expect(r.ok && r.note?.code).toBe('SOURCE_NOT_UTF8');
    expect(r.ok && r.note?.file).toBe('site/page.html');
  });

  it('keeps valid UTF-8 with non-ASCII text as UTF-8 even under a legacy declaration (the HTTP header is lost in a saved page)', () => {
    const r = decodeHtml(Buffer.from(page('<meta charset="iso-8859-1">', 'Größe'), 'utf8'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('Größe');
  });

  it('replaces bad bytes of a page that declares UTF-8, with a warning, instead of refusing it', () => {
    const bytes = Buffer.from(page('<meta charset="utf-8">', 'Caf\u00e9 noir'), 'latin1');
    const r = decodeSource(bytes, 'x.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('Caf\uFFFD');
    expect(r.note?.code).toBe('SOURCE_NOT_UTF8');
  });
});

describe('plain-text decoding', () => {
  it('maps windows-1252 bytes 0x80-0x9F to their characters (Node 20 decodes them as Latin-1)', () => {
    const r = decodeSource(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x9f, 0x20, 0xe4]), 'q.txt');
    expect(r.ok && r.text).toBe('€ “a” – Ÿ ä');
  });

  it('reads a .txt that is not UTF-8 as windows-1252 with a warning', () => {
    const r = decodeSource(cp1252('Überschrift\n\nDer Text – mit “Zitat”.\n'), 'news/a.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe('Überschrift\n\nDer Text – mit “Zitat”.\n');
    expect(r.note).toMatchObject({ code: 'SOURCE_NOT_UTF8', file: 'news/a.txt', severity: 'warning' });
  });

  it('uses the configured fallback encoding', () => {
    const r = decodeSource(Buffer.from([0x50, 0xb3, 0xf3, 0x64, 0x7a]), 'pl.txt', 'iso-8859-2');
    expect(r.ok && r.text).toBe('Płódz');
  });

  it('valid UTF-8 text gets no warning; Markdown that is not UTF-8 is still refused', () => {
    const ok = decodeSource(Buffer.from('Größe\n', 'utf8'), 'a.txt');
    expect(ok.ok && ok.note).toBeUndefined();
    const md = decodeSource(latin1('# Caf\u00e9\n'), 'a.md');
    expect(!md.ok && md.diagnostic.code).toBe('SOURCE_INVALID_UTF8');
  });
});

describe('Markdown decoding', () => {
  it('decodes file after file with one decoder: a BOM dropped each time, a bad file in between changes nothing', () => {
    const bom = (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
    const text = (b: Uint8Array) => {
      const r = decodeSource(b, 'a.md');
      return r.ok ? r.text : r.diagnostic.code;
    };
    expect(text(bom('# One\n'))).toBe('# One\n');
    expect(text(Buffer.from([0x23, 0x20, 0xe9, 0x0a]))).toBe('SOURCE_INVALID_UTF8');
    expect(text(bom('# Two é\r\nline\rend\n'))).toBe('# Two é\nline\nend\n');
    expect(text(Buffer.from([0xe2, 0x82]))).toBe('SOURCE_INVALID_UTF8');
    expect(text(Buffer.from('\ufeff# Three\n', 'utf8'))).toBe('# Three\n');
    expect(text(Buffer.from('plain\n', 'utf8'))).toBe('plain\n');
  });

  it('finds a text of white space only empty, whatever the white space (what trim() removes)', () => {
    for (const blank of [' \n\t\r\n', '\u00a0\u2028 \u3000', '\ufeff\ufeff', '\u2003\n\u000b\f']) {
      const r = decodeSource(Buffer.from(blank, 'utf8'), 'b.md');
      expect(r.ok ? r.text : r.diagnostic.code, JSON.stringify(blank)).toBe('SOURCE_EMPTY');
    }
    const r = decodeSource(Buffer.from(' \u00a0x', 'utf8'), 'c.md');
    expect(r.ok && r.text).toBe(' \u00a0x');
  });
});

describe('stray NUL bytes and binary data', () => {
  it('a text file with a few NUL bytes is read without them, with a warning naming the count and the first line; a binary file is refused', () => {
    const text = Buffer.from('Headline\n\nFirst para\u0000graph of the story.\n\nSecond\u0000 one.\n');
    const r = decodeSource(text, 'a.txt');
    expect(r.ok && [r.text, r.note?.code, r.note?.line, r.note?.message]).toEqual([
      'Headline\n\nFirst paragraph of the story.\n\nSecond one.\n',
      'SOURCE_NUL_REMOVED',
      3,
      'The file held 2 NUL bytes (the first on line 3), removed; the rest was read.',
    ]);
    // Not UTF-8 either: one warning says both.
    const both = decodeSource(Buffer.concat([latin1('Größe\n'), Buffer.from([0]), latin1('Zäune für den Garten.\n')]), 'b.txt');
    expect(both.ok && [both.text, both.note?.code, both.note?.message]).toEqual(['Größe\nZäune für den Garten.\n', 'SOURCE_NUL_REMOVED', expect.stringMatching(/^The file held a NUL byte \(the first on line 2\), removed; the rest was read\. .*windows-1252/)]);
    // Binary: control bytes all through its start (UTF-16 without a byte-order mark, an executable, gzip).
    for (const bytes of [Buffer.from('Plain words of a story.\n'.repeat(20), 'utf16le'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])]) {
      const bin = decodeSource(bytes, 'c.md');
      expect(bin.ok ? 'read' : bin.diagnostic.code).toBe('SOURCE_BINARY');
    }
  });
});

describe('in a build', () => {
  it('publishes a Latin-1 .txt and an ISO-8859-1 page, and repeats the warning on a cached rebuild', async () => {
    const { dir } = makeProject(
      {
        'alt.txt': latin1('Größere Zäune für den Garten\n\nDie Nachbarn in Köln haben sich über die neuen Zäune gefreut, die höher sind.\n\nAuch der Bürgermeister fand das schön und sagte es öffentlich.\n'),
        'seite.html': latin1(page('<meta charset="iso-8859-1">', 'Ein längerer Absatz über Straßenbahnen in Düsseldorf, der genug Wörter hat, um als Text zu gelten.')),
      },
      { cache: '.cache', future: 'include' },
    );
    const first = await buildProject(dir);
    const titles = (await first.articles()).map((a) => a.title.value).sort();
    expect(titles).toContain('Größere Zäune für den Garten');
    expect((await first.articles()).some((a) => a.contentText.includes('Straßenbahnen in Düsseldorf'))).toBe(true);
    const warned = (r: typeof first) => r.diagnostics.filter((d) => d.code === 'SOURCE_NOT_UTF8').map((d) => d.file);
    expect(warned(first)).toEqual(['articles/alt.txt']);
    const second = await buildProject(dir);
    expect(warned(second)).toEqual(['articles/alt.txt']);
  });
});

/** What a tool that read UTF-8 as Latin-1 and saved it again as UTF-8 made of a text. */
const mojibake = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('UTF-8 once read as Latin-1 (mojibake with C1 controls)', () => {
  it('repairs a character whose Latin-1 reading holds a C1 control, names the first line, and keeps "Ã©" (it can be text)', () => {
    const text = `---\ntitle: T\n---\n\nSelf-hosted web ${mojibake('–')} updating ${mojibake('“quotes”')}, Ã© kept.\n`;
    const read = decodeSource(Buffer.from(text, 'utf8'), 'a.md');
    if (!read.ok) throw new Error('not read');
    expect(read.text).toContain('Self-hosted web – updating “quotes”, Ã© kept.');
    expect(read.text).not.toMatch(/[\u0080-\u009f]/);
    expect([read.note?.code, read.note?.line, read.note?.message]).toEqual(['SOURCE_MOJIBAKE_REPAIRED', 5, expect.stringContaining('3 characters')]);
  });

  it('leaves text without a C1 control alone, and a C1 control that reads back as no character', () => {
    expect(repairLatin1ReadUtf8('Café, naïve, Ã© and â€“ as written')).toBeUndefined();
    // An overlong form and a lone lead: not UTF-8 characters.
    expect(repairLatin1ReadUtf8('a \u00e0\u0080\u0080 b \u00e2\u0080')).toBeUndefined();
  });

  it('property: any text without C1 controls is left alone; the mojibake of typographic text is repaired to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        fc.pre(!/[\u0080-\u009f]/.test(s));
        expect(repairLatin1ReadUtf8(s)).toBeUndefined();
      }),
    );
    // Each of these characters' UTF-8 has a continuation byte in 0x80-0x9F.
    const typographic = fc.string({ unit: fc.constantFrom('–', '—', '“', '”', '‘', '’', '…', '€', '•', ' ', 'a', 'Z', '.'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(typographic, (s) => {
        const back = repairLatin1ReadUtf8(mojibake(s));
        expect(back?.text ?? mojibake(s)).toBe(s);
      }),
    );
  });
});

