// rel pulse reads its notes with the language's answers kept from the last pulse: read that way,
// the notes must give exactly what reading them with the language gives.
import { describe, expect, it } from 'vitest';
import { englishLanguage } from '../../src/core/language.js';
import { answer, mergeAnswers, noAnswers, readFromAnswers } from '../../src/core/language-answers.js';
import { readNotes } from '../../src/core/themes.js';

const english = englishLanguage();

const NOTES = [
  { text: 'Tired of on-call, third weekend in a row', personId: 'ana' },
  { text: 'The oncall rota is unfair #oncall', personId: 'ben' },
  { text: 'On call again, but it went great', personId: 'cleo' },
  { text: 'Worried the launch date is slipping again', personId: 'ana' },
  { text: 'Fatigué des astreintes, encore une fois #astreinte', personId: 'dev' },
  { text: 'The reorg splits Platform in two', personId: null },
  { text: 'Deploys keep failing; the deploy broke twice', personId: 'ben' },
  { text: 'Ana said the OKRs are unclear', personId: 'cleo' },
];
const NAMES = ['ana', 'ben', 'cleo'];

describe('reading notes from kept answers', () => {
  it('asks about what it lacks, then reads as the language itself does', () => {
    const first = readFromAnswers(NOTES, NAMES, noAnswers());
    expect(first.questions).toBeDefined();
    // Scores only for a person's notes in English: not the group's, not the French one.
    expect(first.questions!.scores).toHaveLength(6);
    const answers = answer(english, first.questions!);
    const second = readFromAnswers(NOTES, NAMES, answers);
    expect(second.questions).toBeUndefined();
    expect(second.reading).toEqual(readNotes(NOTES, NAMES, english));
  });

  it('keeps only the answers it used, and asks only about new notes', () => {
    const { questions } = readFromAnswers(NOTES, NAMES, noAnswers());
    const stale = { words: new Map([['a note since deleted', []]]), scores: new Map([['gone', -3]]) };
    const answers = mergeAnswers(answer(english, questions!), stale);
    const { used } = readFromAnswers(NOTES, NAMES, answers);
    expect([...used.words.keys()].sort()).toEqual([...questions!.words].sort());
    expect([...used.scores.keys()].sort()).toEqual([...questions!.scores].sort());
    const more = [...NOTES, { text: 'Stretched thin by the launch', personId: 'dev' }];
    const asked = readFromAnswers(more, NAMES, used).questions;
    expect(asked).toEqual({
      words: ['Stretched thin by the launch'],
      scores: ['Stretched thin by the launch'],
    });
  });
});
