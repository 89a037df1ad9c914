// rel edit asks the relationship as rel add does, a choice of the usual ones with the current one
// selected, instead of a line of free text to retype.
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

// Role and team, then the relationship; Enter at each field after it (cadence, tags, aliases, birthday).
const AFTER = ['', '', '', ''];

async function edited(relationship: string, answers: string[]) {
  const store = tempStore('edit-relationship');
  await ok(['add', 'Ana Silva', ...(relationship ? ['--relationship', relationship] : [])], { store });
  const r = await rel(['edit', 'ana'], {
    store,
    terminal: { columns: 100 },
    answers: ['', '', ...answers, ...AFTER],
  });
  expect(r.code).toBe(0);
  const asked = r.asked.find((a) => a.message.startsWith('Relationship'));
  return { person: readJson(store).people[0], asked, r };
}

describe('rel edit: the relationship', () => {
  it('is a choice with the current one selected: Enter keeps it', async () => {
    const { person, asked } = await edited('peer', ['']);
    expect(person.relationship).toBe('peer');
    expect(asked?.choices).toEqual([
      '(none)',
      'report',
      'manager',
      'peer',
      'stakeholder',
      'mentor',
      'friend',
      'something else…',
    ]);
    expect(asked?.default).toBe('peer');
  });

  it('takes another of the usual ones', async () => {
    expect((await edited('peer', ['manager'])).person.relationship).toBe('manager');
  });

  it("lists a word of the user's own with the usual ones, selected, and keeps it on Enter", async () => {
    const { person, asked } = await edited('skip-level', ['']);
    expect(person.relationship).toBe('skip-level');
    expect(asked?.choices?.slice(0, 3)).toEqual(['(none)', 'skip-level', 'report']);
  });

  it('"(none)" takes it away, and "something else…" asks for a word', async () => {
    expect((await edited('peer', ['(none)'])).person.relationship).toBe('');
    expect((await edited('peer', ['something else…', 'board member'])).person.relationship).toBe(
      'board member',
    );
  });

  it('with none yet, offers "(skip)" first and selects it', async () => {
    const { person, asked } = await edited('', ['']);
    expect(person.relationship).toBe('');
    expect(asked?.choices?.[0]).toBe('(skip)');
  });
});
