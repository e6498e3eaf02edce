/**
 * An Eleventy shortcode read as text (src/site/eleventy-site.ts `returnedText`): only a function
 * that returns one string or template literal of its parameters has a text; anything computed has none.
 */
import { describe, expect, it } from 'vitest';
import { returnedText } from '../../src/site/eleventy-site.js';

describe('returnedText', () => {
  it('reads an arrow expression or a block with one return, comments and escapes included', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
    expect(returnedText(' `<b>${name}</b>`);', ['name'])).toEqual(['<b>', 0, '</b>']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
    expect(returnedText(' {\n  // why\n  return `${b} and ${ a }\\n`; /* done */\n});', ['a', 'b'])).toEqual([1, ' and ', 0, '\n']);
    expect(returnedText(" { return 'It\\'s fixed' }", [])).toEqual(["It's fixed"]);
  });

  it('has no text for anything computed: another variable, a call, a literal joined to more, two statements', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
    expect(returnedText(' `${site.url}`)', ['a'])).toBeUndefined();
    expect(returnedText(' String(new Date().getFullYear()))', [])).toBeUndefined();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
    expect(returnedText(' `${s}`.toUpperCase())', ['s'])).toBeUndefined();
    expect(returnedText(" 'a' + b)", ['b'])).toBeUndefined();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
    expect(returnedText(' { const x = 1; return `${x}`; }', [])).toBeUndefined();
    expect(returnedText(' { return `a`; return `b`; }', [])).toBeUndefined();
    expect(returnedText(' `unterminated', [])).toBeUndefined();
    expect(returnedText(` { return \`a\`${' '.repeat(2_000)}x`, [])).toBeUndefined();
  });
});
