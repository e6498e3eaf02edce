import { describe, expect, it } from 'vitest';
import { joinNames, parsePeople, parsePerson } from '../../src/meta/people.js';

describe('parsePerson', () => {
  it('reads a plain name, the npm shorthand, and an object', () => {
    expect(parsePerson('Jane Doe')).toEqual({ name: 'Jane Doe' });
    expect(parsePerson('Jane Doe <jane@example.com> (https://jane.example.com)')).toEqual({ name: 'Jane Doe', email: 'jane@example.com', url: 'https://jane.example.com' });
    expect(parsePerson({ name: 'Tom', uri: 'https://tom.example.org/' })).toEqual({ name: 'Tom', url: 'https://tom.example.org/' });
  });

  it('drops an email or url that is not one, and refuses nameless values', () => {
    expect(parsePerson('Jane <not-an-email> (javascript:alert(1))')).toEqual({ name: 'Jane' });
    expect(parsePerson('')).toBeUndefined();
    expect(parsePerson({ email: 'a@b.c' })).toBeUndefined();
    expect(parsePerson(7)).toBeUndefined();
  });
});

describe('parsePeople', () => {
  it('reads a list, dedupes by name, and returns what it could not read', () => {
    const r = parsePeople(['Ana Ruiz', { name: 'ana ruiz' }, 3, 'Tom Becker']);
    expect(r.people.map((p) => p.name)).toEqual(['Ana Ruiz', 'Tom Becker']);
    expect(r.invalid).toEqual([3]);
  });
});

describe('joinNames', () => {
  it('joins all co-authors for one dc:creator', () => {
    expect(joinNames([{ name: 'A' }])).toBe('A');
    expect(joinNames([{ name: 'A' }, { name: 'B' }, { name: 'C' }])).toBe('A, B and C');
  });
});
