import { describe, expect, it } from 'vitest';
import { emptyJournal } from '../../src/core/journal.js';
import { forgetPerson } from '../../src/core/people.js';
import { wholePerson } from '../helpers/journal.js';

describe('forgetPerson', () => {
  it('takes what was heard from them out of a conversation that stays for the others', () => {
    const journal = emptyJournal();
    journal.people.push(wholePerson('ana', 'Ana Silva'), wholePerson('ben', 'Ben Okafor'));
    journal.conversations.push({
      id: 'c1',
      date: '2026-11-20',
      with: ['ana', 'ben'],
      kind: 'meeting',
      minutes: 30,
      note: '',
      heard: ['Ana likes the plan', 'Ben is thinking of leaving', 'The room wants fewer meetings'],
      heardFrom: ['ana', 'ben', null],
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    expect(forgetPerson(journal, 'ben')).toMatchObject({ sharedKept: 1 });
    expect(journal.conversations[0]).toMatchObject({
      with: ['ana'],
      heard: ['Ana likes the plan', 'The room wants fewer meetings'],
      heardFrom: ['ana', null],
    });
    expect(JSON.stringify(journal)).not.toContain('ben');
  });
});
