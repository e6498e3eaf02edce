import { createRequire } from 'node:module';
import type { Expression, Node, ObjectExpression, Options, Program } from 'acorn';
import { countNewlines } from '../util/text.js';

/*
 * Eleventy's JavaScript front matter (`---js` or `---javascript`), read as data and never run:
 * - the object form (Eleventy 1-2): `{ title: "…", tags: ["a"], currentDate() { … } }`;
 * - the statement form (Eleventy 3, the base blog's drafts): `const title = "…"; const draft = true;`,
 *   where every top-level variable is data.
 * The text is parsed with acorn (a maintained ECMAScript parser; loaded on first use, as few
 * articles need it), and only literal values are taken: strings, numbers, booleans, null, template
 * strings without `${}`, arrays and objects of those, and `new Date("…")` (its string). Functions
 * are the templates' helpers, not data, and are left out without a word; any other value is
 * computed by code, which feedwright does not run: its key is named in `computed`.
 */

export interface JsFrontMatter {
  data: Record<string, unknown>;
  /** 1-based line (within the parsed text) of each key. */
  lines: Record<string, number>;
  /** Keys whose values are code feedwright does not run, in the text's order. */
  computed: string[];
}

/** A syntax error, with its 1-based line within the parsed text. */
export class JsFrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

type Acorn = typeof import('acorn');
let acorn: Acorn | undefined;

const OPTIONS: Options = { ecmaVersion: 'latest', sourceType: 'module', locations: true, allowReturnOutsideFunction: false };

/** No value: the node is not a literal (code, or a function). */
const NOT_LITERAL = Symbol('not literal');
/** A function: a helper for the templates, left out silently. */
const FUNCTION = Symbol('function');

/** Read JavaScript front matter (the text between `---js` and `---`). Throws JsFrontMatterError on a syntax error. */
export function readJsFrontMatter(text: string): JsFrontMatter {
  acorn ??= createRequire(import.meta.url)('acorn') as Acorn;
  const out: JsFrontMatter = { data: {}, lines: {}, computed: [] };
  try {
    if (/^\s*\{/.test(text)) {
      // The object form: an expression, not a block of labelled statements.
      const node = acorn.parseExpressionAt(text, text.search(/\{/), OPTIONS);
      if (text.slice(node.end).trim().replace(/;$/, '') !== '') throw new JsFrontMatterError('only one object may be written', 1 + countNewlines(text.slice(0, node.end)));
      if (node.type === 'ObjectExpression') readObject(node, out, 'helpers');
      return out;
    }
    const program = acorn.parse(text, OPTIONS) as Program;
    for (const statement of program.body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const d of statement.declarations) {
        if (d.id.type !== 'Identifier') continue;
        take(out, d.id.name, d.init ? literal(d.init, 'helpers') : null, d.loc?.start.line ?? 1, 'helpers');
      }
    }
    return out;
  } catch (error) {
    if (error instanceof JsFrontMatterError) throw error;
    const loc = (error as { loc?: { line: number } }).loc;
    throw new JsFrontMatterError((error as Error).message.replace(/\s*\(\d+:\d+\)$/, ''), loc?.line ?? 1);
  }
}

/** What a function value is: a template helper left out (front matter), or a computed value (data files). */
type Functions = 'helpers' | 'computed';

/** A JavaScript module's syntax tree (an ES module, else a CommonJS script), never run; undefined on a syntax error. */
export function parseJsModule(text: string): Program | undefined {
  acorn ??= createRequire(import.meta.url)('acorn') as Acorn;
  try {
    return acorn.parse(text, OPTIONS) as Program;
  } catch {
    try {
      return acorn.parse(text, { ...OPTIONS, sourceType: 'script' }) as Program;
    } catch {
      return undefined;
    }
  }
}

/**
 * An Eleventy data file written as a module (`blog/blog.11tydata.js`: `export default { … }` or
 * `module.exports = { … }`), read as data and never run: its object when every value in it is a
 * literal; undefined when it is not one such object, has a syntax error, or computes anything
 * (a function, `eleventyComputed`, a spread, a call): such a file is code, which feedwright does not run.
 */
export function readJsModuleData(text: string): Record<string, unknown> | undefined {
  const program = parseJsModule(text);
  if (program === undefined) return undefined;
  let object: ObjectExpression | undefined;
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'ObjectExpression') object = statement.declaration;
    else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right } = statement.expression;
      const isModuleExports = left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && left.property.type === 'Identifier' && left.property.name === 'exports';
      if (isModuleExports && right.type === 'ObjectExpression') object = right;
      else return undefined;
    } else if (statement.type !== 'EmptyStatement') return undefined;
  }
  if (!object) return undefined;
  const out: JsFrontMatter = { data: {}, lines: {}, computed: [] };
  readObject(object, out, 'computed');
  return out.computed.length > 0 ? undefined : out.data;
}

function readObject(node: ObjectExpression, out: JsFrontMatter, functions: Functions): void {
  for (const p of node.properties) {
    if (p.type !== 'Property' || p.computed) {
      // `...other` or `[key]: value`: keys known only by running the code.
      out.computed.push(p.type === 'SpreadElement' ? '...' : '[computed key]');
      continue;
    }
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
    if (key === undefined) continue;
    take(out, key, p.method ? FUNCTION : literal(p.value as Expression, functions), p.loc?.start.line ?? 1, functions);
  }
}

function take(out: JsFrontMatter, key: string, value: unknown, line: number, functions: Functions): void {
  if (value === FUNCTION && functions === 'helpers') return;
  if (value === FUNCTION) value = NOT_LITERAL;
  if (value === NOT_LITERAL) {
    if (!out.computed.includes(key)) out.computed.push(key);
    return;
  }
  out.data[key] = value;
  out.lines[key] ??= line;
}

/** The value of a literal node, FUNCTION for a function, NOT_LITERAL for anything else. */
function literal(node: Node, functions: Functions): unknown {
  switch (node.type) {
    case 'Literal': {
      const value = (node as import('acorn').Literal).value;
      // A regular expression or a BigInt is code, not data.
      return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : NOT_LITERAL;
    }
    case 'TemplateLiteral': {
      const t = node as import('acorn').TemplateLiteral;
      return t.expressions.length === 0 ? (t.quasis[0]?.value.cooked ?? NOT_LITERAL) : NOT_LITERAL;
    }
    case 'UnaryExpression': {
      const u = node as import('acorn').UnaryExpression;
      const inner = literal(u.argument, functions);
      return u.operator === '-' && typeof inner === 'number' ? -inner : NOT_LITERAL;
    }
    case 'ArrayExpression': {
      const items: unknown[] = [];
      for (const e of (node as import('acorn').ArrayExpression).elements) {
        const v = e === null || e.type === 'SpreadElement' ? NOT_LITERAL : literal(e, functions);
        if (v === NOT_LITERAL || v === FUNCTION) return NOT_LITERAL;
        items.push(v);
      }
      return items;
    }
    case 'ObjectExpression': {
      const inner: JsFrontMatter = { data: {}, lines: {}, computed: [] };
      readObject(node as ObjectExpression, inner, functions);
      return inner.computed.length > 0 ? NOT_LITERAL : inner.data;
    }
    case 'NewExpression': {
      // new Date("2024-03-05"): the date as written.
      const n = node as import('acorn').NewExpression;
      const arg = n.arguments[0];
      if (n.callee.type === 'Identifier' && n.callee.name === 'Date' && n.arguments.length === 1 && arg && arg.type !== 'SpreadElement') {
        const v = literal(arg, functions);
        if (typeof v === 'string') return v;
      }
      return NOT_LITERAL;
    }
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return FUNCTION;
    default:
      return NOT_LITERAL;
  }
}
