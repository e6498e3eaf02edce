/**
 * A small RFC 8259 parser that remembers where every value and key is in the text, so diagnostics
 * about a JSON Feed can point at `line:column`. JSON.parse gives no positions (and only sometimes
 * an offset in its message), and it silently keeps the last of two duplicate keys.
 */

export interface JsonLocation {
  /** Offset of the key's opening quote, for object members. */
  key?: number;
  /** Offset of the value's first character. */
  value: number;
}

export interface DuplicateKey {
  pointer: string;
  key: string;
  offset: number;
}

export type JsonSourceResult =
  | { ok: true; value: unknown; locations: Map<string, JsonLocation>; duplicates: DuplicateKey[] }
  | { ok: false; offset: number; message: string };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** RFC 6901 escaping, as ajv's instancePath uses. */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Nesting deeper than this is reported rather than risking the stack. */
const MAX_DEPTH = 500;

export function parseJsonSource(text: string): JsonSourceResult {
  const locations = new Map<string, JsonLocation>();
  const duplicates: DuplicateKey[] = [];
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(at, message);
  };
  const describe = (at: number): string => (at >= text.length ? 'the end of the text' : `${JSON.stringify(text[at])}`);
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (true) {
      if (i >= text.length) fail('A string is not closed.', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c < 0x20) fail('A string contains a raw control character; write it as an escape such as \\n.');
      if (c === 0x5c) {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`The escape sequence ${JSON.stringify(text.slice(i, i + 2))} is not valid JSON.`);
        }
      } else {
        // Copy the run of plain characters up to the next quote, backslash or control character
        // in one slice: appending one character at a time made multi-megabyte feeds slow and huge.
        const runStart = i;
        i++;
        while (i < text.length) {
          const d = text.charCodeAt(i);
          if (d === 0x22 || d === 0x5c || d < 0x20) break;
          i++;
        }
        out += text.slice(runStart, i);
      }
    }
  };

  const parseValue = (pointer: string, depth: number, key?: number): unknown => {
    skipSpace();
    if (depth > MAX_DEPTH) fail('The JSON is nested too deeply.');
    const location: JsonLocation = key === undefined ? { value: i } : { key, value: i };
    locations.set(pointer, location);
    const c = text[i];
    if (c === '{') {
      i++;
      const object: Record<string, unknown> = {};
      const seen = new Set<string>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return object;
      }
      while (true) {
        skipSpace();
        if (text[i] !== '"') fail(`Expected a key in double quotes but found ${describe(i)}.`);
        const keyAt = i;
        const name = parseString();
        skipSpace();
        if (text[i] !== ':') fail(`Expected ":" after the key ${JSON.stringify(name)} but found ${describe(i)}.`);
        i++;
        const childPointer = `${pointer}/${pointerToken(name)}`;
        if (seen.has(name)) duplicates.push({ pointer: childPointer, key: name, offset: keyAt });
        seen.add(name);
        const member = parseValue(childPointer, depth + 1, keyAt);
        // JSON.parse keeps the last duplicate; so do we. defineProperty avoids the __proto__ setter.
        Object.defineProperty(object, name, { value: member, enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return object;
        }
        fail(`Expected "," or "}" in an object but found ${describe(i)}.`);
      }
    }
    if (c === '[') {
      i++;
      const array: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return array;
      }
      while (true) {
        array.push(parseValue(`${pointer}/${array.length}`, depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return array;
        }
        fail(`Expected "," or "]" in an array but found ${describe(i)}.`);
      }
    }
    if (c === '"') return parseString();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number !== null && number[0] !== '' && number[0] !== '-') {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`Expected a JSON value but found ${describe(i)}.`);
  };

  try {
    const value = parseValue('', 0);
    skipSpace();
    if (i < text.length) fail(`Unexpected ${describe(i)} after the end of the JSON value.`);
    return { ok: true, value, locations, duplicates };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}
