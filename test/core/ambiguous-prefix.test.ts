// A "Name: " prefix two people there answer to (two Anas) is refused with the whole names, for
// every list that takes one: not a nonsense suggestion, and never the group's words.
import { describe, expect, it } from 'vitest';
import { assignNotes, attributeHeard } from '../../src/core/attribution.js';
import { UsageError } from '../../src/errors.js';
import { wholePerson } from '../helpers/journal.js';

const people = [
  wholePerson('ana-silva', 'Ana Silva'),
  wholePerson('ana-lopez', 'Ana Lopez'),
  wholePerson('ben', 'Ben Ong'),
];
const empty = { ambitions: [], skills: [], followUps: [], askNext: [] };

function refusal(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('an ambiguous Name: prefix', () => {
  it.each([
    ['an ambition', () => assignNotes({ ...empty, ambitions: ['Ana: lead a team'] }, people)],
    ['a heard note', () => attributeHeard(['Ana: wants to leave the team'], people)],
    ['an ask-next note', () => assignNotes({ ...empty, askNext: ['Ana: how was the move?'] }, people)],
    [
      'a follow-up',
      () => assignNotes({ ...empty, followUps: [{ text: 'Ana: send the deck', due: null }] }, people),
    ],
  ])('%s is refused, naming both and the whole name to write', (_, run) => {
    const error = refusal(run);
    expect(error.message).toContain('"Ana" in "Ana');
    expect(error.message).toContain('fits 2 people there (Ana Silva, Ana Lopez)');
    expect(JSON.stringify(error)).not.toContain('Ana: Ana:');
  });

  it('the whole name still names one of them', () => {
    expect(attributeHeard(['Ana Lopez: wants to leave'], people)).toEqual({
      heard: ['wants to leave'],
      heardFrom: ['ana-lopez'],
    });
  });
});
