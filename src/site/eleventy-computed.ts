/**
 * An Eleventy directory data module whose only code is an `eleventyComputed` of the forms sites
 * copy from Eleventy's docs, read as text and never run:
 *
 *   module.exports = {
 *     eleventyComputed: {
 *       title: (data) => data.title || data.page.fileSlug,        // or page.filePathStem.split('/').pop()
 *       layout: 'post.njk',                                       // a string: a template, rendered as front matter is
 *       permalink: 'blog/p/{{ title | slugify }}/index.html',
 *     },
 *   };
 *
 * Such a file is data: its literals, its computed strings, and for a title computed from the file's
 * name the marker `eleventyComputed: { title: 'page.fileSlug' | 'page.filePathStem' }`, which the
 * title resolver reads (src/meta/resolve.ts). Any other computed value leaves it code.
 */
import type { Expression, Node, ObjectExpression, Program, Property } from 'acorn';
import { parseJsModule, readJsModuleData } from '../sources/js-front-matter.js';

/** What a computed title from the file's name is read as: Eleventy's `page.fileSlug`, or the file's stem (`page.filePathStem`'s last segment). */
export type ComputedFileTitle = 'page.fileSlug' | 'page.filePathStem';

/** The module's data with its `eleventyComputed` read, or undefined when it is code of any other kind. */
export function readEleventyComputedModule(text: string): Record<string, unknown> | undefined {
  const program = parseJsModule(text);
  if (program === undefined) return undefined;
  const exported = exportedObject(program);
  const prop = exported?.properties.find((p): p is Property => p.type === 'Property' && !p.computed && keyName(p) === 'eleventyComputed');
  if (prop?.value.type !== 'ObjectExpression') return undefined;
  const computed: Record<string, unknown> = {};
  for (const p of prop.value.properties) {
    const name = p.type === 'Property' && !p.computed ? keyName(p) : undefined;
    if (name === undefined || p.type !== 'Property') return undefined;
    const value = stringValue(p.value as Expression);
    if (value !== undefined) {
      computed[name] = value;
      continue;
    }
    const fromFile = name === 'title' ? fileTitle(p.value as Expression) : undefined;
    if (!fromFile) return undefined;
    computed.eleventyComputed = { title: fromFile };
  }
  // The rest of the module, without its eleventyComputed (and the comma after it), must be literals.
  const after = text.slice(prop.end).match(/^\s*,/)?.[0].length ?? 0;
  const rest = readJsModuleData(text.slice(0, prop.start) + text.slice(prop.end + after));
  return rest ? { ...rest, ...computed } : undefined;
}

function exportedObject(program: Program): ObjectExpression | undefined {
  for (const s of program.body) {
    if (s.type === 'ExportDefaultDeclaration' && s.declaration.type === 'ObjectExpression') return s.declaration;
    if (s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression' && s.expression.right.type === 'ObjectExpression') {
      const left = s.expression.left;
      if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && left.property.type === 'Identifier' && left.property.name === 'exports') return s.expression.right;
    }
  }
  return undefined;
}

function keyName(p: Property): string | undefined {
  return p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;
}

/** A string literal, or a template literal without expressions. */
function stringValue(node: Expression): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * `(data) => data.title || data.page.fileSlug` (also `??`, without the `data.title ||`, a block
 * that returns it, and `data.page.filePathStem.split('/').pop()`): the title from the file's name.
 */
function fileTitle(node: Expression): ComputedFileTitle | undefined {
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') return undefined;
  const param = node.params.length === 1 && node.params[0]?.type === 'Identifier' ? node.params[0].name : undefined;
  if (!param) return undefined;
  let expr: Expression;
  if (node.body.type === 'BlockStatement') {
    const only = node.body.body.length === 1 ? node.body.body[0] : undefined;
    if (only?.type !== 'ReturnStatement' || !only.argument) return undefined;
    expr = only.argument;
  } else expr = node.body;
  if (expr.type === 'LogicalExpression' && (expr.operator === '||' || expr.operator === '??')) {
    if (!isMember(expr.left, [param, 'title'])) return undefined;
    expr = expr.right;
  }
  if (isMember(expr, [param, 'page', 'fileSlug'])) return 'page.fileSlug';
  // data.page.filePathStem.split('/').pop()
  if (expr.type === 'CallExpression' && expr.arguments.length === 0 && expr.callee.type === 'MemberExpression' && isName(expr.callee.property, 'pop')) {
    const split = expr.callee.object;
    if (split.type === 'CallExpression' && split.arguments.length === 1 && stringValue(split.arguments[0] as Expression) === '/' && split.callee.type === 'MemberExpression' && isName(split.callee.property, 'split') && isMember(split.callee.object, [param, 'page', 'filePathStem'])) return 'page.filePathStem';
  }
  return undefined;
}

function isName(node: Node, name: string): boolean {
  return node.type === 'Identifier' && (node as import('acorn').Identifier).name === name;
}

/** `a.b.c` written as plain dotted names. */
function isMember(node: Node, names: string[]): boolean {
  if (names.length === 1) return isName(node, names[0] as string);
  if (node.type !== 'MemberExpression') return false;
  const m = node as import('acorn').MemberExpression;
  return !m.computed && isName(m.property, names[names.length - 1] as string) && isMember(m.object, names.slice(0, -1));
}
