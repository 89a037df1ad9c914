import { describe, expect, it } from 'vitest';
import { recordById } from '../../src/core/records.js';
import { NotFoundError } from '../../src/errors.js';

describe('recordById', () => {
  const records = [
    { id: 'abc123', text: 'first' },
    { id: 'abc1234', text: 'second' },
    { id: 'ABC999', text: 'third' },
  ];
  it.each([
    ['abc123', 'first'],
    ['abc1234', 'second'],
    ['ABC999', 'third'],
    // Exactly the id: never a prefix, another case or the text (byId and byIdOrWords read what is typed).
    ['abc12', undefined],
    ['abc999', undefined],
    ['first', undefined],
    ['', undefined],
  ])('%s -> %s', (id, text) => {
    expect(recordById(records, id)?.text).toBe(text);
  });

  it('gives the record itself, not a copy', () => {
    expect(recordById(records, 'abc123')).toBe(records[0]);
  });

  it('with a message, a record that is gone is a NotFoundError that says it', () => {
    expect(recordById(records, 'abc123', 'gone meanwhile').text).toBe('first');
    expect(() => recordById(records, 'nope', 'That note was removed meanwhile; nothing changed.')).toThrow(
      new NotFoundError('That note was removed meanwhile; nothing changed.'),
    );
    expect(() => recordById([], 'nope', 'gone')).toThrow(NotFoundError);
  });
});
