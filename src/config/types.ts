/**
 * The value types of config keys, each carrying what is derived from it: the check (with the
 * error message and hint a person reads), the JSON schema fragment (for `assets/config.schema.json`)
 * and, for objects, the defaults of their fields. `schema.ts` declares every key with these;
 * nothing else lists keys.
 */

/** Where a value sits in the config: keys and list indexes from the top. */
export type ConfigPath = readonly (string | number)[];

/** "clean.drop[0]": how messages name a place in the config (and how `positions.ts` indexes it). */
export function showPath(path: ConfigPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** How to write `example` at `path`, as JSON: `"clean": { "drop": ["^Sponsored"] }`. */
export function writeAt(path: ConfigPath, example: string): string {
  let out = example;
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i] as string | number;
    if (typeof p === 'number') out = `[${out}]`;
    else out = i === 0 ? `"${p}": ${out}` : `{ "${p}": ${out} }`;
  }
  return `Write ${out}.`;
}

/** Throws the config error for `path` (see `load.ts`: it adds the file, line and column). */
export type Fail = (path: ConfigPath, message: string, hint: string) => never;

/** A JSON schema fragment (draft-07), as written into assets/config.schema.json. */
export type JsonSchema = { [key: string]: unknown };

export interface ValueType<T> {
  /** The JSON schema of a valid value. */
  readonly schema: JsonSchema;
  /** What a valid value is, for "must be ..." messages: "a string", "true or false". */
  readonly expected: string;
  /** A valid value as JSON, for hints ("Write "limit": 50."). */
  readonly example: string;
  /** The value read from `v` (never undefined here), or `fail`. */
  read(v: unknown, path: ConfigPath, fail: Fail): T;
}

/** One key: its type, its default (a value, or computed from the keys before it) and one line of documentation. */
export interface Field<T, C = Record<string, unknown>> {
  readonly type: ValueType<T>;
  /** One line, Markdown: the README's "meaning" and the start of the JSON schema's description. */
  readonly doc: string;
  /** The value when the key is absent; absent: the key stays unset (an optional key). */
  readonly default?: T | ((resolved: C) => T);
  /** How the README shows the default when it is computed (Markdown). */
  readonly defaultDoc?: string;
  /** Read and checked, but not part of the resolved config (`$schema`). */
  readonly ignored?: true;
}

/**
 * A field of type T whose default may depend on the resolved keys `C` declared before it. The
 * overloads keep whether it has a default in its type, so the resolved config's type knows which
 * keys are always set.
 */
export function field<F extends Fields, C = Record<string, unknown>>(
  f: Omit<Field<Resolved<F>, C>, 'type'> & { readonly type: ObjectType<F> },
): Field<Resolved<F>, C> & { readonly type: ObjectType<F> };
export function field<T, C = Record<string, unknown>>(
  f: Omit<Field<T, C>, 'default'> & { readonly default: NoInfer<T> | ((resolved: C) => NoInfer<T>) },
): Field<T, C> & { readonly default: T | ((resolved: C) => T) };
export function field<T, C = Record<string, unknown>>(f: Field<T, C> & { readonly ignored: true }): Field<T, C> & { readonly ignored: true };
export function field<T, C = Record<string, unknown>>(f: Field<T, C>): Field<T, C>;
export function field<T, C>(f: Field<T, C>): Field<T, C> {
  return f;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

/** A check beyond the JSON type: undefined when the value is good, else why not and what to write. */
export type Check<T> = (value: T) => { reason: string; hint: string } | undefined;

export function string(opts: { nonEmpty?: boolean; check?: Check<string>; schema?: JsonSchema; example?: string } = {}): ValueType<string> {
  const example = opts.example ?? '"..."';
  return {
    schema: { type: 'string', ...(opts.nonEmpty ? { minLength: 1 } : {}), ...opts.schema },
    expected: opts.nonEmpty ? 'a non-empty string' : 'a string',
    example,
    read(v, path, fail) {
      const key = showPath(path);
      if (typeof v !== 'string') return fail(path, `"${key}" must be a string, not ${typeName(v)}.`, writeAt(path, example));
      if (opts.nonEmpty && !v.trim()) return fail(path, `"${key}" must not be empty.`, writeAt(path, example));
      const bad = opts.check?.(v);
      if (bad) return fail(path, `"${key}" is ${JSON.stringify(v)}, which is ${bad.reason}.`, bad.hint);
      return v;
    },
  };
}

export function boolean(): ValueType<boolean> {
  return {
    schema: { type: 'boolean' },
    expected: 'true or false',
    example: 'true',
    read(v, path, fail) {
      const key = showPath(path);
      if (typeof v !== 'boolean') return fail(path, `"${key}" must be true or false, not ${typeName(v)}.`, writeAt(path, 'true').replace(/true\.$/, 'true or false.'));
      return v;
    },
  };
}

/** A whole number ≥ `min`; `example` is what the hint suggests (the default). */
export function integer(min: number, example: number): ValueType<number> {
  return {
    schema: { type: 'integer', minimum: min },
    expected: `a whole number ≥ ${min}`,
    example: String(example),
    read(v, path, fail) {
      const key = showPath(path);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
        return fail(path, `"${key}" must be a whole number ≥ ${min}, not ${JSON.stringify(v)}.`, writeAt(path, String(example)));
      }
      return v;
    },
  };
}

/** One of a fixed set of strings. */
export function oneOf<const V extends string>(values: readonly V[], hint?: string): ValueType<V> {
  const list = values.map((x) => `"${x}"`);
  const expected = list.length <= 2 ? list.join(' or ') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
  return {
    schema: { enum: [...values] },
    expected,
    example: list[0] as string,
    read(v, path, fail) {
      const key = showPath(path);
      if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
        return fail(path, `"${key}" must be ${expected}, not ${typeof v === 'string' ? JSON.stringify(v) : typeName(v)}.`, hint ?? writeAt(path, list[0] as string));
      }
      return v as V;
    },
  };
}

/** An absolute http(s) URL, normalised (`URL.href`); `folder`: with a trailing "/" (a base for relative links). */
export function httpUrl(opts: { folder?: boolean } = {}): ValueType<string> {
  const hint = 'Use a full URL such as "https://example.com/".';
  return {
    schema: { type: 'string', format: 'uri', pattern: '^https?://' },
    expected: 'an absolute http(s) URL',
    example: '"https://example.com/"',
    read(v, path, fail) {
      const key = showPath(path);
      if (typeof v !== 'string') return fail(path, `"${key}" must be a URL string, not ${typeName(v)}.`, hint);
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        return fail(path, `"${key}" is "${v}", which is not an absolute URL.`, hint);
      }
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return fail(path, `"${key}" must be an http(s) URL, not ${u.protocol}.`, hint);
      return opts.folder && !u.href.endsWith('/') ? `${u.href}/` : u.href;
    },
  };
}

/**
 * A list of `item`. `min`: fewest items; `orOne`: a single item stands for a list of one
 * (`"hubs": "https://hub/"`). `check` runs on the whole list (after each item is read).
 */
export function list<T>(item: ValueType<T>, opts: { min?: number; orOne?: boolean; example?: string } = {}): ValueType<T[]> {
  const arraySchema: JsonSchema = { type: 'array', ...(opts.min ? { minItems: opts.min } : {}), items: item.schema };
  const expected = `${opts.min ? 'a non-empty list' : 'a list'} of ${plural(item.expected)}${opts.orOne ? ` (or one ${singular(item.expected)})` : ''}`;
  const example = opts.example ?? `[${item.example}]`;
  return {
    schema: opts.orOne ? { oneOf: [item.schema, arraySchema] } : arraySchema,
    expected,
    example,
    read(v, path, fail) {
      const key = showPath(path);
      if (opts.orOne && typeof v === 'string') return [item.read(v, path, fail)];
      if (!Array.isArray(v)) return fail(path, `"${key}" must be ${expected}, not ${typeName(v)}.`, writeAt(path, example));
      if (opts.min && v.length < opts.min) return fail(path, `"${key}" must be ${expected}, not an empty list.`, writeAt(path, example));
      return v.map((x, i) => item.read(x, [...path, i], fail));
    },
  };
}

function plural(expected: string): string {
  // "a string" -> "strings", "an absolute http(s) URL" -> "absolute http(s) URLs", "one of ..." stays.
  const m = /^an? (.*)$/.exec(expected);
  if (!m) return `values that are ${expected}`;
  return (m[1] as string).replace(/(\w)(\W*)$/, '$1s$2');
}

function singular(expected: string): string {
  return expected.replace(/^an? /, '');
}

/** An object of named fields, each optional in the file; absent fields take their defaults. Unknown keys are errors. */
export type Fields = { readonly [key: string]: Field<unknown, never> };

/** Whether a field always has a value: it has a default, or it is an object (whose fields have theirs). */
type AlwaysSet<X> = X extends { readonly default: unknown } ? true : X extends { readonly type: { defaults(): unknown } } ? true : false;
type ValueOf<X> = X extends { readonly type: ValueType<infer T> } ? T : never;

/** The resolved value of an object of fields: fields that always have a value are required, others optional. */
export type Resolved<F extends Fields> = {
  -readonly [K in keyof F as F[K] extends { ignored: true } ? never : AlwaysSet<F[K]> extends true ? K : never]: ValueOf<F[K]>;
} & {
  -readonly [K in keyof F as F[K] extends { ignored: true } ? never : AlwaysSet<F[K]> extends true ? never : K]?: ValueOf<F[K]>;
};

export interface ObjectType<F extends Fields> extends ValueType<Resolved<F>> {
  readonly fields: F;
  /** Every field's default, as the value of an absent object. */
  defaults(): Resolved<F>;
}

export function object<F extends Fields>(fields: F, opts: { example?: string; didYouMean?: (key: string, known: readonly string[]) => string | undefined } = {}): ObjectType<F> {
  const names = Object.keys(fields);
  const properties: Record<string, JsonSchema> = {};
  for (const [name, f] of Object.entries(fields)) properties[name] = fieldSchema(f as Field<unknown, never>);
  const example = opts.example ?? '{ ... }';
  const resolve = (given: Record<string, unknown>, path: ConfigPath, fail: Fail): Resolved<F> => {
    const out: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(fields) as [string, Field<unknown, Record<string, unknown>>][]) {
      const v = given[name];
      let value: unknown;
      if (v !== undefined) value = f.type.read(v, [...path, name], fail);
      else if (typeof f.default === 'function') value = (f.default as (c: Record<string, unknown>) => unknown)(out);
      else if (f.default !== undefined) value = structuredClone(f.default);
      else if (isObjectType(f.type)) value = f.type.defaults();
      if (value !== undefined && !f.ignored) out[name] = value;
    }
    return out as Resolved<F>;
  };
  return {
    fields,
    schema: { type: 'object', additionalProperties: false, properties },
    expected: 'an object',
    example,
    defaults: () =>
      resolve({}, [], () => {
        throw new Error('a default failed its own check');
      }),
    read(v, path, fail) {
      const key = showPath(path);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        return fail(path, key ? `"${key}" must be an object, not ${typeName(v)}.` : 'the config must be a JSON object.', key ? writeAt(path, example) : `Write \`${example}\`.`);
      }
      for (const name of Object.keys(v)) {
        if (names.includes(name)) continue;
        const full = showPath([...path, name]);
        const guess = opts.didYouMean?.(name, names);
        fail([...path, name], `unknown key "${full}".`, guess ? `Did you mean "${showPath([...path, guess])}"?` : `Known keys${key ? ` in "${key}"` : ''}: ${names.join(', ')}.`);
      }
      return resolve(v as Record<string, unknown>, path, fail);
    },
  };
}

function isObjectType(t: ValueType<unknown>): t is ObjectType<Fields> {
  return typeof (t as Partial<ObjectType<Fields>>).defaults === 'function';
}

/** A map from any name to a value (`permalinks` by section); `orOne`: a single value is the map `{ [orOne]: value }`. */
export function record<T>(value: ValueType<T>, opts: { orOne?: string; example?: string } = {}): ValueType<Record<string, T>> {
  const mapSchema: JsonSchema = { type: 'object', additionalProperties: value.schema };
  const example = opts.example ?? `{ "name": ${value.example} }`;
  const expected = `an object of ${plural(value.expected)} by name${opts.orOne ? ` (or one ${singular(value.expected)})` : ''}`;
  return {
    schema: opts.orOne ? { oneOf: [value.schema, mapSchema] } : mapSchema,
    expected,
    example,
    read(v, path, fail) {
      if (opts.orOne !== undefined && typeof v === 'string') return { [opts.orOne]: value.read(v, path, fail) };
      const key = showPath(path);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, `"${key}" must be ${expected}, not ${typeName(v)}.`, writeAt(path, example));
      const out: Record<string, T> = {};
      for (const [k, x] of Object.entries(v)) out[k] = value.read(x, [...path, k], fail);
      return out;
    },
  };
}

/** The JSON schema of one field: its type's, with the doc line and the default. */
export function fieldSchema(f: Field<unknown, never>): JsonSchema {
  const schema: JsonSchema = { description: describeField(f), ...f.type.schema };
  if (f.default !== undefined && typeof f.default !== 'function') schema.default = f.default;
  return schema;
}

/** A field's documentation with its default, as plain text (editors show it on hover). */
function describeField(f: Field<unknown, never>): string {
  const plain = f.doc.replace(/`/g, '');
  const doc = `${plain.charAt(0).toUpperCase()}${plain.slice(1)}${/[.!?]$/.test(plain) ? '' : '.'}`;
  if (f.defaultDoc) return `${doc} Default: ${f.defaultDoc.replace(/`/g, '')}.`;
  if (f.default === undefined || typeof f.default === 'function') return doc;
  return `${doc} Default: ${typeof f.default === 'string' ? JSON.stringify(f.default) : formatJson(f.default)}.`;
}

/** How a field's default is shown (Markdown), or undefined for an optional key or an object (whose fields say it). */
export function defaultText(f: Field<unknown, never>): string | undefined {
  if (f.defaultDoc) return f.defaultDoc;
  if (f.default === undefined || typeof f.default === 'function') return undefined;
  return `\`${formatJson(f.default)}\``;
}

/** JSON on one line with a space after ":" and "," and inside braces, as the README writes it (a string bare, unless `quoted`). */
export function formatJson(v: unknown, quoted = false): string {
  if (typeof v === 'string') return quoted || v === '' ? JSON.stringify(v) : v;
  if (Array.isArray(v)) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v).map(([k, x]) => `"${k}": ${typeof x === 'object' && x !== null ? formatJson(x) : JSON.stringify(x)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(v);
}
