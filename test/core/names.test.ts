import { describe, expect, it } from 'vitest';
import { emptyJournal, type Person } from '../../src/core/journal.js';
import { rankPeople, resolveName, typoDistance } from '../../src/core/names.js';
import { addPerson } from '../../src/core/new-person.js';

function people(...specs: [string, string[]?][]): Person[] {
  const journal = emptyJournal();
  for (const [name, aliases] of specs)
    addPerson(journal, { name, aliases }, { now: new Date(0), newId: () => 'x' });
  return journal.people;
}

const team = people(
  ['Ana Silva'],
  ['Sam Lee'],
  ['Samantha Ortiz', ['Sammy']],
  ['José Álvarez'],
  ['Dr. Kim Park', ['Kim']],
);

function found(query: string) {
  const r = resolveName(query, team);
  return r.kind === 'found' ? r.person.name : r.kind;
}

describe('resolving names', () => {
  it.each([
    ['ana', 'Ana Silva'],
    ['ANA SILVA', 'Ana Silva'],
    ['ana-silva', 'Ana Silva'],
    ['silva', 'Ana Silva'],
    ['jose', 'José Álvarez'],
    ['JOSÉ', 'José Álvarez'],
    ['alvarez', 'José Álvarez'],
    ['Sam', 'Sam Lee'], // exact beats prefix
    ['sama', 'Samantha Ortiz'],
    ['sammy', 'Samantha Ortiz'], // alias
    ['kim', 'Dr. Kim Park'],
    ['an', 'Ana Silva'],
  ])('%s -> %s', (query, name) => {
    expect(found(query)).toBe(name);
  });

  it('reports every candidate of an ambiguous prefix', () => {
    const r = resolveName('sa', team);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous')
      expect(r.candidates.map((p) => p.name).sort()).toEqual(['Sam Lee', 'Samantha Ortiz']);
  });

  it('a full name beats a shared first name', () => {
    const twins = people(['Ana Silva'], ['Ana Lopes']);
    expect(resolveName('ana', twins).kind).toBe('ambiguous');
    const r = resolveName('ana lopes', twins);
    expect(r.kind === 'found' && r.person.name).toBe('Ana Lopes');
  });

  it("an id wins over a name spelt like it: someone added as another's id", () => {
    const journal = emptyJournal();
    addPerson(journal, { name: 'Ben Okafor' }, { now: new Date(0), newId: () => 'x' });
    addPerson(journal, { name: 'ben-okafor' }, { now: new Date(0), newId: () => 'af7ab1' });
    const [ben, named] = journal.people;
    expect(named!.id).not.toBe('ben-okafor');
    const r = resolveName('ben-okafor', journal.people);
    expect(r).toEqual({ kind: 'found', person: ben, sameName: [named] });
    expect(resolveName(named!.id, journal.people)).toEqual({ kind: 'found', person: named });
    // The name alone, typed with its space, is still Ben's full name.
    expect(resolveName('ben okafor', journal.people)).toEqual({ kind: 'found', person: ben });
  });

  it('suggests close names for an unknown one, and none for a far one', () => {
    const r = resolveName('Anna', team);
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.suggestions.map((p) => p.name)).toContain('Ana Silva');
    const far = resolveName('Zebedee', team);
    expect(far.kind === 'unknown' && far.suggestions).toEqual([]);
  });

  it('a blank name resolves to no one', () => {
    expect(resolveName('   ', team).kind).toBe('unknown');
  });

  it('ignores invisible characters', () => {
    expect(found('A\u200Bna')).toBe('Ana Silva');
  });

  it('matches typed text anywhere in a name for search prompts', () => {
    expect(rankPeople('lva', team).map((p) => p.name)).toEqual(['Ana Silva', 'José Álvarez']);
    expect(rankPeople('', team)).toHaveLength(team.length);
  });
});

describe('the person picker ranks what was typed', () => {
  const picker = people(
    ['Sofia Alvarez'],
    ['Léa Martin'],
    ['Rachel Green', ['Rae']],
    ['Marcus Lee'],
    ['Ana Lima', ['Analyst Ana']],
    ['Lee Park'],
  );
  const ranked = (term: string) => rankPeople(term, picker).map((p) => p.name);
  it.each([
    // an exact name, id or alias first, then a first-name prefix, another word, inside a word, typos
    ['lee', ['Lee Park', 'Marcus Lee', 'Léa Martin']],
    ['l', ['Léa Martin', 'Lee Park', 'Ana Lima', 'Marcus Lee', 'Rachel Green', 'Sofia Alvarez']],
    ['LEA', ['Léa Martin', 'Lee Park', 'Marcus Lee']],
    ['rae', ['Rachel Green']],
    ['rachl', ['Rachel Green']],
    ['rahcel', ['Rachel Green']],
    ['mracus', ['Marcus Lee']],
    ['ana', ['Ana Lima']],
    ['rachel-green', ['Rachel Green']],
    ['zz', []],
  ])('%s', (term, expected) => {
    expect(ranked(term)).toEqual(expected);
  });

  it.each([
    ['rachel', 'rachel', 0],
    ['rachl', 'rachel', 1],
    ['rahcel', 'rachel', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('typoDistance(%s, %s) = %i', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
  });
});

describe('did you mean', () => {
  it('suggests what the picker finds: a letter left out, doubled or swapped', () => {
    const team = people(['Fatima Khan'], ['Hannah Weber'], ['Tomasz Nowak'], ['Marcus Bell'], ['Zoë Martin']);
    for (const [typed, name] of [
      ['fatma', 'Fatima Khan'],
      ['hanah', 'Hannah Weber'],
      ['tomsz', 'Tomasz Nowak'],
      ['marcs', 'Marcus Bell'],
      ['zoee', 'Zoë Martin'],
      ['hannh', 'Hannah Weber'],
    ]) {
      const r = resolveName(typed!, team);
      expect(r.kind === 'unknown' && r.suggestions.map((p) => p.name), typed).toEqual([name]);
      expect(
        rankPeople(typed!, team).map((p) => p.name),
        typed,
      ).toEqual([name]);
    }
  });

  it('counts a transposition as one slip', () => {
    const r = resolveName('bne', people(['Ben Okafor'], ['Zed Ward']));
    expect(r.kind === 'unknown' && r.suggestions.map((p) => p.name)).toEqual(['Ben Okafor']);
  });
});
