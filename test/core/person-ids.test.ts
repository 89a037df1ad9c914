// A person's id: the slug of their name, else of their first alias that has Latin letters or
// digits; anything else (a taken slug, no Latin letter at all) gets a random part, so that two
// machines never give one id to two different people.
import { describe, expect, it } from 'vitest';
import { emptyJournal } from '../../src/core/journal.js';
import { addPerson, uniquePersonId } from '../../src/core/new-person.js';
import { asciiSlug } from '../../src/core/text.js';

const ids = (...list: string[]) => {
  let n = 0;
  return () => list[n++ % list.length]!;
};

describe('person ids', () => {
  it.each([
    ['Ana Silva', [], [], 'ana-silva'],
    ['Ana Silva', ['Annie'], [], 'ana-silva'],
    ['Ana Silva', [], ['ana-silva'], 'ana-silva-3f9a1c'],
    ['李伟', ['Li Wei'], [], 'li-wei'],
    ['李伟', ['老李', 'Li Wei', 'Wei'], [], 'li-wei'],
    ['李伟', ['Li Wei'], ['li-wei'], 'li-wei-3f9a1c'],
    ['王芳', [], [], 'person-3f9a1c'],
    ['王芳', ['小王'], [], 'person-3f9a1c'],
  ] as const)('%s with aliases %j (taken %j) is %s', (name, aliases, taken, id) => {
    expect(uniquePersonId(emptyJournal(), name, new Set(taken), aliases, ids('3f9a1c0b2d4e'))).toBe(id);
  });

  it('never makes a suffix that is a word or a number, which a name could slug to', () => {
    // "Kim Lee 2" slugs to kim-lee-2 and "Kim Lee Cafe" to kim-lee-cafe: parts without a letter and a digit are skipped.
    const id = uniquePersonId(
      emptyJournal(),
      'Kim-Lee',
      new Set(['kim-lee']),
      [],
      ids('222222222222', 'cafeba', 'ab12cd'),
    );
    expect(id).toBe('kim-lee-ab12cd');
  });

  it('two machines adding different people without Latin letters, or a second "Kim Lee", give them different ids', () => {
    const clock = {
      now: new Date('2026-12-01T12:00:00Z'),
      newId: () => Math.random().toString(16).slice(2, 14),
    };
    const a = emptyJournal();
    const b = emptyJournal();
    const li = addPerson(a, { name: '李小龍' }, clock);
    const eleni = addPerson(b, { name: 'Ελένη Παππά' }, clock);
    expect(li.id).not.toBe(eleni.id);
    expect(li.id).toMatch(/^person-[a-z0-9]{6}$/);
    addPerson(a, { name: 'Kim Lee' }, clock);
    addPerson(b, { name: 'Kim Lee' }, clock);
    const kimLee = addPerson(a, { name: 'Kim-Lee' }, clock);
    const kimLee2 = addPerson(b, { name: 'Kim Lee 2' }, clock);
    expect(kimLee2.id).toBe(asciiSlug('Kim Lee 2'));
    expect(kimLee.id).not.toBe(kimLee2.id);
  });

  it('a repeating id source (a test clock) still ends with a free id', () => {
    const taken = new Set(['ana', 'ana-n1']);
    expect(uniquePersonId(emptyJournal(), 'Ana', taken, [], () => 'n1')).toBe('ana-2');
  });

  it('rel add takes the alias for a name without Latin letters', () => {
    const journal = emptyJournal();
    const clock = { now: new Date('2026-12-01T12:00:00Z'), newId: () => 'n1' };
    expect(addPerson(journal, { name: '李伟', aliases: ['Li Wei'] }, clock).id).toBe('li-wei');
    expect(addPerson(journal, { name: '王芳' }, clock).id).toBe('person-n1');
  });
});
