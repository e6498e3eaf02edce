import path from 'node:path';

/** Whether `abs` is the folder `dir` itself or lies inside it (both absolute; no link is followed). */
export function isInside(dir: string, abs: string): boolean {
  const r = path.relative(dir, abs);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}
