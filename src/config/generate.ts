/**
 * The documents derived from the config schema (schema.ts): the README's key table and the JSON
 * schema that `feedwright init` points editors at. `npm run gen:config` (scripts/gen-config.ts)
 * writes both; test/config/schema.test.ts fails when a committed copy differs.
 */
import { CONFIG_FIELDS, CONFIG_TYPE } from './schema.js';
import { defaultText, type Field } from './types.js';

export const README_START = '<!-- config-keys: generated from src/config/schema.ts by `npm run gen:config`; edit there -->';
export const README_END = '<!-- /config-keys -->';

/** assets/config.schema.json, as text. */
export function configJsonSchema(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://www.npmjs.com/package/feedwright/config.schema.json',
    title: 'feedwright configuration',
    description:
      "feedwright.config.json: how feedwright turns the articles folder into RSS 2.0, Atom 1.0 and JSON Feed 1.1. Every key is optional; relative paths are resolved against this file's folder. Generated from src/config/schema.ts.",
    ...CONFIG_TYPE.schema,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The README's table of config keys (Markdown, between the markers). */
export function readmeKeyTable(): string {
  const rows = ['| key | default | meaning |', '| --- | --- | --- |'];
  for (const [key, f] of Object.entries(CONFIG_FIELDS) as [string, Field<unknown, never>][]) {
    if (f.ignored) continue;
    rows.push(`| \`${key}\` | ${cell(defaultText(f) ?? 'unset')} | ${cell(f.doc)} |`);
  }
  return `${README_START}\n${rows.join('\n')}\n${README_END}`;
}

function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** `readme` with its key table replaced by the current one; throws when the markers are missing. */
export function withReadmeKeyTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no config key table between "${README_START}" and "${README_END}".`);
  return readme.slice(0, start) + readmeKeyTable() + readme.slice(end + README_END.length);
}
