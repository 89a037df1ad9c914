// rel edit in a terminal prefills tags and aliases as one line separated by commas: a value that
// holds a comma itself ("Martin Luther King, Jr.") must come back whole, not as two.
import { describe, expect, it } from 'vitest';
import { typedList } from '../../src/core/people.js';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

describe('rel edit: values holding a comma', () => {
  async function edit(answers: string[]) {
    const store = tempStore('edit-commas');
    await ok(['add', 'Martin Luther King, Jr.', '--tag', 'R&D, Berlin', '--tag', 'mentor'], { store });
    await ok(['rename', 'Martin Luther King, Jr.', 'Martin King'], { store });
    // Role, team, relationship, cadence, then tags and aliases, then the birthday.
    const r = await rel(['edit', 'martin'], { store, terminal: { columns: 100 }, answers });
    return { r, person: readJson(store).people[0] };
  }

  it('Enter through every prefilled field leaves the tags and aliases as they were', async () => {
    const { r, person } = await edit(['', '', '', '', '', '', '']);
    expect(r.code).toBe(0);
    expect(person.tags).toEqual(['R&D, Berlin', 'mentor']);
    expect(person.aliases).toEqual(['Martin Luther King, Jr.']);
  });

  it('editing another value keeps one left whole', async () => {
    const { person } = await edit([
      '',
      '',
      '',
      '',
      'R&D, Berlin, lisbon',
      'Martin Luther King, Jr., MLK',
      '',
    ]);
    expect(person.tags).toEqual(['R&D, Berlin', 'lisbon']);
    expect(person.aliases).toEqual(['Martin Luther King, Jr.', 'MLK']);
  });

  it.each([
    [['A, B'], 'A, B', ['A, B']],
    [['A, B', 'C'], 'C, A, B', ['C', 'A, B']],
    [['A, B'], 'A', ['A']],
    [['A, B'], 'A, b', ['A, B']],
    [['A, B, C', 'A, B'], 'A, B, C, D', ['A, B, C', 'D']],
    [[], 'x, , y', ['x', 'y']],
  ])('shown %j, typed %j: %j', (shown, text, values) => {
    expect(typedList(shown, text)).toEqual(values);
  });
});
