import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFeed, RULES, type RuleCode } from '../../src/validate/index.js';
import { FAILING_CASES } from './cases.js';
import { marked } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('each rule fires on a minimal failing document, at the marked position', () => {
  for (const c of FAILING_CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const { text, line, column } = marked(c.doc);
      const diagnostics = checkFeed('feed.xml', text);
      const hits = diagnostics.filter((d) => d.code === c.code);
      expect(hits.map((d) => ({ line: d.line, column: d.column }))).toEqual([{ line, column }]);
      // Nothing else fires, so each case pins one rule and the valid parts stay valid.
      const others = [...new Set(diagnostics.map((d) => d.code).filter((code) => code !== c.code))].sort();
      expect(others).toEqual([...(c.also ?? [])].sort());
      for (const d of hits) {
        expect(d.severity).toBe(RULES[c.code].severity);
        expect(d.file).toBe('feed.xml');
        expect(d.message).toMatch(/^[A-Z].*\.$/s);
      }
    });
  }
});

describe('the rule catalogue', () => {
  it('has at least one failing case for every rule code (the three checkPaths-only codes are tested in api.test.ts)', () => {
    const covered = new Set<string>([...FAILING_CASES.map((c) => c.code), 'FEED_FILE_UNREADABLE', 'FEED_SKIPPED_NOT_A_FEED', 'FEED_NONE_FOUND']);
    const missing = (Object.keys(RULES) as RuleCode[]).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('is documented: docs/validation-rules.md has a row for every code, with its severity', () => {
    const doc = readFileSync(join(here, '../../docs/validation-rules.md'), 'utf8');
    for (const [code, rule] of Object.entries(RULES)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\``));
      expect(row, code).toBeDefined();
      expect(row, code).toContain(`| ${rule.severity} |`);
    }
  });
});
