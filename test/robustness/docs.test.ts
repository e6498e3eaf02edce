/** docs/errors.md lists every code users can meet, so `grep CODE docs/errors.md` always answers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS } from '../../src/diagnostics.js';
import { EXIT, FATAL_CODES } from '../../src/errors.js';

const doc = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/errors.md'), 'utf8');

describe('docs/errors.md', () => {
  it.each(Object.entries(DIAGNOSTICS))('documents diagnostic %s with its severity', (code, info) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\``));
    expect(row, code).toBeDefined();
    expect(row).toContain(`| ${info.severity} |`);
  });
  it.each(Object.entries(FATAL_CODES))('documents fatal error %s with its exit code', (code, info) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\``));
    expect(row, code).toBeDefined();
    expect(row).toContain(`| ${info.exit} |`);
  });
  it('documents every exit code', () => {
    for (const code of Object.values(EXIT)) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
