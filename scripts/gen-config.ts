/**
 * Writes what is derived from the config schema (src/config/schema.ts): assets/config.schema.json
 * and the key table in README.md. test/config/schema.test.ts fails when either is stale.
 *
 *   npm run gen:config
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, withReadmeKeyTable } from '../src/config/generate.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, 'assets', 'config.schema.json');
const readmeFile = path.join(root, 'README.md');
writeFileSync(schemaFile, configJsonSchema());
writeFileSync(readmeFile, withReadmeKeyTable(readFileSync(readmeFile, 'utf8')));
process.stdout.write('wrote assets/config.schema.json and the key table of README.md\n');
