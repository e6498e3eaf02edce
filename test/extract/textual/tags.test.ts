import { describe, expect, it } from 'vitest';
import { parseTagsLine } from '../../../src/extract/textual/tags.js';

describe('parseTagsLine', () => {
  it.each([
    ['Tags: rivers, history, volunteers', ['rivers', 'history', 'volunteers']],
    ['Filed under: Science | Environment', ['Science', 'Environment']],
    ['Etiquetas: política, economía', ['política', 'economía']],
    ['Mots-clés : climat ; océans', ['climat', 'océans']],
    ['Schlagwörter: Bahn, Streik, Verkehr', ['Bahn', 'Streik', 'Verkehr']],
    ['Tópicos: futebol, Copa', ['futebol', 'Copa']],
    ['Tags: a, A, b', ['a', 'b']],
  ])('reads %j', (line, tags) => {
    expect(parseTagsLine(line)).toEqual(tags);
  });

  it('rejects lines that are not tag lines', () => {
    expect(parseTagsLine('Tags are useful for finding articles.')).toBeUndefined();
    expect(parseTagsLine('Tags:')).toBeUndefined();
    expect(parseTagsLine('The tags: none of them mattered')).toBeUndefined();
  });

  it('finishes on an adversarial 100k-character line', () => {
    expect(parseTagsLine(`Tags: ${', '.repeat(50_000)}`)).toBeUndefined();
    expect(parseTagsLine(`Tags:${' '.repeat(100_000)}x`)).toEqual(['x']);
    expect(parseTagsLine(`Tags: ${'tag '.repeat(25_000)}`)).toBeUndefined();
  });
});
