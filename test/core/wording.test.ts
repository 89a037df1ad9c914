import { describe, expect, it } from 'vitest';
import {
  addedTo,
  ambitionChange,
  conversationChange,
  followUpChange,
  markedAsked,
  names,
  quoted,
} from '../../src/core/wording.js';

describe('the words undo says', () => {
  it.each([
    [quoted('Send the course link'), "'Send the course link'"],
    [quoted('  two\nlines  '), "'two lines'"],
    [quoted('Two kids, Leo (7) and Mia (4); loves trail running'), "'Two kids, Leo (7) and Mia (4); loves…'"],
    [quoted('x'.repeat(50)), `'${'x'.repeat(40)}…'`],
    [names(['Ana Silva']), 'Ana Silva'],
    [names(['Ana Silva', 'Ben Ong']), 'Ana Silva and Ben Ong'],
    [names(['Ana Silva', 'Ben Ong', 'Kim Lee']), 'Ana Silva, Ben Ong and Kim Lee'],
    [
      followUpChange('closed', 'Send the course link', ['Ana Silva']),
      "closed the follow-up 'Send the course link' (Ana Silva)",
    ],
    [
      followUpChange('closed', 'Book the room', ['Ana Silva', 'Ben Ong']),
      "closed the follow-up 'Book the room' (Ana Silva and Ben Ong)",
    ],
    [addedTo('note', 'Two kids', "Tom O'Brien"), "added the note 'Two kids' to Tom O'Brien"],
    [markedAsked('How did the band gig go?', 'Tom'), "marked asked 'How did the band gig go?' (Tom)"],
    [
      ambitionChange('Lead a team', 'achieved', 'Ana Silva'),
      "marked the ambition 'Lead a team' achieved (Ana Silva)",
    ],
    [
      conversationChange('deleted', 'coffee', '2026-11-20', ['Ana Silva', 'Ben Ong']),
      'deleted the coffee of 2026-11-20 with Ana Silva and Ben Ong',
    ],
  ])('%s', (said, expected) => {
    expect(said).toBe(expected);
  });
});
