/**
 * Golden cases for the HTML extractor: golden/<case>/page.html (+ optional options.json, the
 * HtmlExtractOptions with `referenceDate` as an ISO string) -> expected.json (contentText,
 * contentHtml, found with dates as ISO strings, dropped).
 *
 * After an intended change: UPDATE=1 npx vitest run test/extract/html/golden.test.ts, then
 * `npx biome format --write test/extract/html/golden`, and review the diff of expected.json like code.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml, type HtmlExtractOptions } from '../../../src/extract/html/index.js';

const CASES = path.join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE === '1' || process.env.UPDATE_GOLDEN === '1';

interface OptionsFile {
  timezone?: string;
  url?: string;
  referenceDate?: string;
  clean?: boolean;
}

function readOptions(dir: string): HtmlExtractOptions {
  const file = path.join(dir, 'options.json');
  const raw: OptionsFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as OptionsFile) : {};
  return {
    timezone: raw.timezone ?? 'UTC',
    ...(raw.url !== undefined ? { url: raw.url } : {}),
    ...(raw.referenceDate !== undefined ? { referenceDate: new Date(raw.referenceDate) } : {}),
    ...(raw.clean !== undefined ? { clean: raw.clean } : {}),
  };
}

/** JSON with Dates as ISO strings, pretty-printed, ending in a newline. */
function render(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (v instanceof Date ? v.toISOString() : v), 2)}\n`;
}

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('extractHtml golden cases', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(CASES, name);
      const html = readFileSync(path.join(dir, 'page.html'), 'utf8');
      const result = extractHtml(html, readOptions(dir));
      const actual = render({
        found: result.found,
        contentText: result.contentText,
        contentHtml: result.contentHtml,
        dropped: result.dropped,
      });
      const expectedFile = path.join(dir, 'expected.json');
      if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
      // Compared as data, so that the formatter may lay out expected.json as it likes.
      expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
