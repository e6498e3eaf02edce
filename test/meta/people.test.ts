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
    expect(joinNames([{ name: 'A' }, { name: 'B' }])).toBe('A and B');
    expect(joinNames([])).toBe('');
  });
});

describe('parsePerson: only a real URL is split from the shorthand (issue 13)', () => {
  it('keeps parentheses that hold no URL in the name', () => {
    expect(parsePerson('Ada (Lovelace || Byron)', true)).toEqual({ name: 'Ada (Lovelace || Byron)' });
    expect(parsePerson('Sam Lee (@samlee)', true)).toEqual({ name: 'Sam Lee (@samlee)' });
    expect(parsePerson('Ana (ed.) <ana@example.com>', true)).toEqual({ name: 'Ana (ed.)', email: 'ana@example.com' });
    expect(parsePerson('Li (me.html)', true)).toEqual({ name: 'Li (me.html)' });
    expect(parsePerson('Ada (Lovelace (Byron))')).toEqual({ name: 'Ada (Lovelace (Byron))' });
  });

  it('splits an http(s) URL, and a path only where relative URLs are allowed', () => {
    expect(parsePerson('Jo (https://jo.example/)')).toEqual({ name: 'Jo', url: 'https://jo.example/' });
    expect(parsePerson('Jo (/about)', true)).toEqual({ name: 'Jo', url: '/about' });
    expect(parsePerson('Jo (../jo/)', true)).toEqual({ name: 'Jo', url: '../jo/' });
    expect(parsePerson('Jo (/about)')).toEqual({ name: 'Jo' });
    expect(parsePerson('Jo (mailto:jo@example.com)')).toEqual({ name: 'Jo' });
  });
});
