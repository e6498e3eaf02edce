import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { Diagnostic } from '../model.js';

/**
 * Well-formedness of a large XML file, read in chunks (a 500 MB feed does not fit in one
 * JavaScript string, so `checkFeed` cannot take it). The same strict, namespace-aware parser as
 * `checkFeed` (saxes), so illegal characters and undeclared prefixes are still caught; the
 * per-format rule checks need the whole document and are not run.
 */
export async function checkXmlStream(path: string, label: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (error) => {
    if (diagnostics.length < 10) {
      diagnostics.push({ code: 'XML_NOT_WELL_FORMED', severity: 'error', message: `The XML is not well-formed: ${error.message}.`, file: label, line: parser.line, column: parser.column });
    }
  });
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    parser.write(chunk as string);
  }
  parser.close();
  return diagnostics;
}
