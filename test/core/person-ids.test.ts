// A person's id: the slug of their name, else of their first alias that has Latin letters or digits.
import { describe, expect, it } from 'vitest';
import { emptyJournal } from '../../src/core/journal.js';
import { addPerson, uniquePersonId } from '../../src/core/new-person.js';

describe('person ids', () => {
  it.each([
    ['Ana Silva', [], [], 'ana-silva'],
    ['Ana Silva', ['Annie'], [], 'ana-silva'],
    ['Ana Silva', [], ['ana-silva'], 'ana-silva-2'],
    ['李伟', ['Li Wei'], [], 'li-wei'],
    ['李伟', ['老李', 'Li Wei', 'Wei'], [], 'li-wei'],
    ['李伟', ['Li Wei'], ['li-wei'], 'li-wei-2'],
    ['王芳', [], [], 'person'],
    ['王芳', ['小王'], ['person'], 'person-2'],
  ] as const)('%s with aliases %j (taken %j) is %s', (name, aliases, taken, id) => {
    expect(uniquePersonId(emptyJournal(), name, new Set(taken), aliases)).toBe(id);
  });

  it('rel add takes the alias for a name without Latin letters', () => {
    const journal = emptyJournal();
    const clock = { now: new Date('2026-12-01T12:00:00Z'), newId: () => 'n1' };
    expect(addPerson(journal, { name: '李伟', aliases: ['Li Wei'] }, clock).id).toBe('li-wei');
    expect(addPerson(journal, { name: '王芳' }, clock).id).toBe('person');
  });
});
