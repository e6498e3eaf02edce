/**
 * Duplicate keys in JSON text. JSON.parse keeps the last of two equal keys without a word (RFC 8259
 * 4: names SHOULD be unique; behaviour otherwise is unpredictable), so a config with two "limit"s
 * would silently use the second. One linear scan of text that JSON.parse has already accepted.
 */
export interface DuplicateKey {
  /** Dotted path of the key, e.g. "clean.drop" (array elements as [i]). */
  path: string;
  /** 1-based line and column of the second occurrence, and the line of the first. */
  line: number;
  column: number;
  firstLine: number;
}

interface Frame {
  kind: 'object' | 'array';
  /** Path of this container. */
  path: string;
  /** Keys seen in an object, with the line of each. */
  keys: Map<string, number>;
  /** In an object: the next string is a key. */
  expectKey: boolean;
  /** The key (object) or index (array) of the value being read. */
  current: string;
  index: number;
}

/** The first duplicate key in `text` (valid JSON), or undefined. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const childPath = (f: Frame | undefined): string => {
    if (!f) return '';
    if (f.kind === 'array') return `${f.path}[${f.index}]`;
    return f.path ? `${f.path}.${f.current}` : f.current;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '{' || c === '[') {
      const parent = stack.at(-1);
      stack.push({ kind: c === '{' ? 'object' : 'array', path: childPath(parent), keys: new Map(), expectKey: c === '{', current: '', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index++;
    } else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        // Decoded, so "\u0074itle" and "title" are the same key, as JSON.parse sees them.
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        top.expectKey = false;
        top.current = key;
        const first = top.keys.get(key);
        if (first !== undefined) return { path: childPath(top), line, column: start - lineStart + 1, firstLine: first };
        top.keys.set(key, line);
      }
    }
  }
  return undefined;
}
