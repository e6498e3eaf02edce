import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/sources/front-matter.js';
import { readJsModuleData } from '../../src/sources/js-front-matter.js';

describe('TOML front matter (Hugo, between +++ lines)', () => {
  it('is read like YAML front matter: keys with their lines, dates as their text, the body after it', () => {
    const text = '+++\ntitle = "Hi: there"\ndate = 2024-03-05\nupdated = 2024-03-05T10:30:00+01:00\ntags = ["a", "b"]\n\n[author]\nname = "Bo"\n+++\n\nBody line.\n';
    const r = splitFrontMatter(text, 'articles/t.md');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ title: 'Hi: there', date: '2024-03-05', updated: '2024-03-05T10:30:00.000+01:00', tags: ['a', 'b'], author: { name: 'Bo' } });
    expect(r.lines).toMatchObject({ title: 2, date: 3, updated: 4, tags: 5 });
    expect(r.body).toBe('\nBody line.\n');
    expect(r.bodyLine).toBe(10);
  });

  it('reports invalid TOML at its line and an unclosed block (unknown keys are left to resolving, which knows the site)', () => {
    const bad = splitFrontMatter('+++\ntitle = "ok"\ndate = "unclosed\n+++\nBody.\n', 'articles/t.md');
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => [d.code, d.line])).toEqual([['FM_INVALID_TOML', 3]]);
    expect(splitFrontMatter('+++\ntitle = "x"\nBody.\n', 'articles/t.md').diagnostics.map((d) => d.code)).toEqual(['FM_UNCLOSED']);
    const unknown = splitFrontMatter('+++\ntitle = "x"\nwieght = 3\n+++\nBody.\n', 'articles/t.md');
    expect([unknown.diagnostics, unknown.lines.wieght]).toEqual([[], 3]);
  });
});

describe('YAML front matter with a repeated key', () => {
  it('keeps the last value, as Jekyll (Psych) does, and warns at the repeated key with its line', () => {
    const r = splitFrontMatter('---\ntitle: First\ndate: 2020-01-01\ntitle: Second\nauthor:\n  name: A\n  name: B\n---\nBody.\n', 'articles/t.md');
    expect(r.ok).toBe(true);
    expect(r.data).toEqual({ title: 'Second', date: '2020-01-01', author: { name: 'B' } });
    expect(r.lines.title).toBe(4);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.message])).toEqual([
      ['FM_DUPLICATE_KEY', 'warning', 4, 'The front matter key "title" appears twice; its last value is used.'],
      ['FM_DUPLICATE_KEY', 'warning', 7, 'The front matter key "name" appears twice; its last value is used.'],
    ]);
  });
});

describe('YAML front matter with a quote left open', () => {
  it('names the line that opened the quote, not the front matter end where the parser gave up', () => {
    const r = splitFrontMatter('---\ntitle: "Broken\ndate: 2024-01-01\ntags: [a]\n---\nBody\n', 'articles/a.md');
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([{ code: 'FM_INVALID_YAML', line: 2, message: 'The front matter is not valid YAML: a quoted value opened on this line is not closed.' }]);
    // A single-quoted value with a doubled quote in it is closed; the one after it is not.
    const single = splitFrontMatter("---\ntitle: 'It''s fine'\nsummary: 'open\nx: 1\n---\nB\n", 'articles/b.md');
    expect(single.diagnostics).toMatchObject([{ code: 'FM_INVALID_YAML', line: 3 }]);
    // Other errors keep the parser's line and words.
    const flow = splitFrontMatter('---\ntitle: "ok"\nx: [a, b\n---\nB\n', 'articles/c.md');
    expect(flow.diagnostics).toMatchObject([{ code: 'FM_INVALID_YAML', line: 4, message: expect.stringContaining('Flow sequence') }]);
  });
});

describe("Eleventy's JavaScript and JSON front matter (---js, ---javascript, ---json), read as data and never run", () => {
  it('the statement form: literal consts are data; functions are left out silently; computed values are named', () => {
    const text = [
      '---js',
      'const title = "A fifth post";',
      "const date = new Date('2023-01-23');",
      'const draft = true;',
      'const tags = ["notes", `js`];',
      'function helper() { return process.exit(1); }',
      'const stamp = Date.now();',
      '---',
      'The body.',
    ].join('\n');
    const r = splitFrontMatter(text, 'post.md');
    expect(r.ok).toBe(true);
    expect(r.data).toEqual({ title: 'A fifth post', date: '2023-01-23', draft: true, tags: ['notes', 'js'] });
    expect(r.lines).toEqual({ title: 2, date: 3, draft: 4, tags: 5 });
    expect([r.body, r.bodyLine]).toEqual(['The body.', 9]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['FM_COMPUTED', 2, '"stamp" is computed by code in the JavaScript front matter, which feedwright does not run; left out.']]);
  });

  it('the object form, with a method and nested data; ---javascript opens it too', () => {
    const text = '---javascript\n{\n  title: "Objects",\n  "author": { name: "Ann", url: "https://ann.example/" },\n  currentDate() { return new Date(); },\n  score: -2,\n}\n---\nBody.\n';
    const r = splitFrontMatter(text, 'post.md');
    expect(r.data).toEqual({ title: 'Objects', author: { name: 'Ann', url: 'https://ann.example/' }, score: -2 });
    expect(r.lines).toEqual({ title: 3, author: 4, score: 6 });
    expect(r.diagnostics).toEqual([]);
  });

  it('a syntax error is an error at its line, and the article is not published', () => {
    const r = splitFrontMatter('---js\nconst title = "x";\nconst = 2;\n---\nBody.\n', 'post.md');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['FM_INVALID_JS', 3]]);
  });

  it('JSON: one object, its keys at their lines; anything else an error', () => {
    const r = splitFrontMatter('---json\n{\n  "title": "From JSON",\n  "tags": ["a"]\n}\n---\nBody.\n', 'post.md');
    expect([r.ok, r.data, r.lines, r.body]).toEqual([true, { title: 'From JSON', tags: ['a'] }, { title: 3, tags: 4 }, 'Body.\n']);
    expect(splitFrontMatter('---json\n["a"]\n---\nBody.\n', 'p.md').diagnostics.map((d) => [d.code, d.message])).toEqual([['FM_INVALID_JSON', 'The JSON front matter is not a valid JSON object: it is not an object.']]);
    expect(splitFrontMatter('---json\n{ title: 1 }\n---\nBody.\n', 'p.md').ok).toBe(false);
  });

  it('---yaml is YAML', () => {
    expect(splitFrontMatter('---yaml\ntitle: Named\n---\nBody.\n', 'p.md').data).toEqual({ title: 'Named' });
  });
});

describe('Eleventy data modules (blog.11tydata.js) read as data, never run', () => {
  it('an object of literals is data; anything computed makes the file code', () => {
    expect(readJsModuleData('export default {\n  tags: ["posts"],\n  "layout": "layouts/post.njk",\n};\n')).toEqual({ tags: ['posts'], layout: 'layouts/post.njk' });
    expect(readJsModuleData("// data\nmodule.exports = { permalink: '/n/{{ page.fileSlug }}/' };")).toEqual({ permalink: '/n/{{ page.fileSlug }}/' });
    expect(readJsModuleData('export default { eleventyComputed: { title: (data) => data.title } };')).toBeUndefined();
    expect(readJsModuleData('export default { permalink() { return "/x/"; } };')).toBeUndefined();
    expect(readJsModuleData('const base = { tags: ["a"] };\nexport default { ...base };')).toBeUndefined();
    expect(readJsModuleData('export default { tags: process.env.TAGS };')).toBeUndefined();
    expect(readJsModuleData('export default function () { return { tags: ["a"] }; }')).toBeUndefined();
    expect(readJsModuleData('export default { tags: [')).toBeUndefined();
  });
});

describe('a closing --- with text after it on its line', () => {
  it('closes the front matter, as Hugo reads it; the rest of the line starts the body, with a warning at that line', () => {
    const r = splitFrontMatter('---\ntitle: "Q"\ndate: 2024-05-07\n---garbage-after-fence text\n\nBody para.\n', 'q.md');
    expect([r.ok, r.data, r.body, r.bodyLine]).toEqual([true, { title: 'Q', date: '2024-05-07' }, 'garbage-after-fence text\n\nBody para.\n', 4]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['FM_FENCE_TEXT', 4]]);
    // A clean closing line before it wins; a longer run of dashes is no fence.
    expect(splitFrontMatter('---\ntitle: A\n---\nBody\n---more\n', 'a.md').diagnostics).toEqual([]);
    expect(splitFrontMatter('---\ntitle: A\n-----x\n---\nBody\n', 'a.md').ok).toBe(false);
  });
});
