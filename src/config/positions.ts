/**
 * Where each key and list item of a JSON text starts, so that a config error points at
 * `file:line:column` of the value it is about. One linear scan of text JSON.parse has accepted.
 */
import { showPath } from './types.js';

export interface Position {
  /** 1-based line and column. */
  line: number;
  column: number;
}

interface Frame {
  kind: 'object' | 'array';
  path: (string | number)[];
  expectKey: boolean;
  current: string;
  index: number;
  /** In an array: the next non-blank character starts an item. */
  expectItem: boolean;
}

/** Every key (its opening quote) and list item (its first character), by `showPath` of its path. */
export function jsonPositions(text: string): Map<string, Position> {
  const out = new Map<string, Position>();
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const here = (i: number): Position => ({ line, column: i - lineStart + 1 });
  const itemStart = (i: number) => {
    const top = stack.at(-1);
    if (top?.kind === 'array' && top.expectItem) {
      top.expectItem = false;
      const key = showPath([...top.path, top.index]);
      if (!out.has(key)) out.set(key, here(i));
    }
  };
  const childPath = (): (string | number)[] => {
    const top = stack.at(-1);
    if (!top) return [];
    return [...top.path, top.kind === 'array' ? top.index : top.current];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ':') {
      // blanks, and the colon between a key and its value
    } else if (c === '{' || c === '[') {
      itemStart(i);
      stack.push({ kind: c === '{' ? 'object' : 'array', path: childPath(), expectKey: c === '{', current: '', index: 0, expectItem: c === '[' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) {
        top.index++;
        top.expectItem = true;
      }
    } else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        // Decoded, so "\u0074itle" is the key "title", as JSON.parse sees it.
        top.current = JSON.parse(text.slice(start, i + 1)) as string;
        top.expectKey = false;
        const key = showPath([...top.path, top.current]);
        if (!out.has(key)) out.set(key, here(start));
      } else itemStart(start);
    } else {
      itemStart(i);
    }
  }
  return out;
}
