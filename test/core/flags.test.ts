// What rel suggests for a mistyped flag, and what it says for a period typed as two words.
import { describe, expect, it } from 'vitest';
import { closeFlags, notAVerb, periodAsOneWord, verbsMeant } from '../../src/core/flags.js';

// rel log's flags and rel due's, as their help lists them.
const LOG = [
  '--date',
  '--kind',
  '--minutes',
  '--note',
  '--heard',
  '--ambition',
  '--skill',
  '--follow-up',
  '--their-follow-up',
  '--due',
  '--ask-next',
  '--asked',
  '--size',
  '--counts',
  '--no-counts',
  '--create',
  '--json',
  '--help',
];
const DUE = ['--within', '--group', '--tag', '--limit', '--json', '--help'];

describe('did you mean: the command’s own flags, prefixes first, then close spellings', () => {
  it.each([
    // The reported case: a short form of the flag, not the nearest spelling (--kind).
    ['--mins', LOG, ['--minutes']],
    ['--min', LOG, ['--minutes']],
    ['--minute', LOG, ['--minutes']],
    ['--minuts', LOG, ['--minutes']],
    ['--mintues', LOG, ['--minutes']],
    ['--minutes=30', LOG, ['--minutes']],
    ['--mins=30', LOG, ['--minutes']],
    ['--MINS', LOG, ['--minutes']],
    ['--jsn', LOG, ['--json']],
    ['--josn', LOG, ['--json']],
    ['--knd', LOG, ['--kind']],
    ['--kinds', LOG, ['--kind']],
    ['--notes', LOG, ['--note']],
    ['--hear', LOG, ['--heard']],
    ['--followup', LOG, ['--follow-up']],
    ['--follow', LOG, ['--follow-up']],
    ['--ask', LOG, ['--ask-next', '--asked']],
    ['--dat', LOG, ['--date']],
    // A prefix of several: each of them (at most three).
    ['--a', LOG, ['--ambition', '--ask-next', '--asked']],
    ['--withn', DUE, ['--within']],
    ['--within2w', DUE, ['--within']],
    ['--limt', DUE, ['--limit']],
    ['--tags', DUE, ['--tag']],
    ['--grop', DUE, ['--group']],
    // Nothing close: no suggestion rather than a wrong one.
    ['--overdue', DUE, []],
    ['--bogus', LOG, []],
    ['--x', DUE, []],
    ['--jn', DUE, []],
    ['--tg', DUE, ['--tag']],
    ['--', LOG, []],
  ])('%s suggests %j', (typed, flags, expected) => {
    expect(closeFlags(typed, flags)).toEqual(expected);
  });
});

describe('a period typed as two words', () => {
  it.each([
    [
      ['due', '--within', '2', 'weeks'],
      '--within 2 weeks: a period is one word. Write --within 2w, or quote it: --within "2 weeks".',
    ],
    [
      ['due', '--within', '3', 'days'],
      '--within 3 days: a period is one word. Write --within 3d, or quote it: --within "3 days".',
    ],
    [
      ['due', '--within', '1', 'Month'],
      '--within 1 Month: a period is one word. Write --within 1m, or quote it: --within "1 Month".',
    ],
    [
      ['stats', '--since', '6', 'months', '--json'],
      '--since 6 months: a period is one word. Write --since 6m, or quote it: --since "6 months".',
    ],
    [
      ['snooze', 'ana', '--for', '2', 'w'],
      '--for 2 w: a period is one word. Write --for 2w, or quote it: --for "2 w".',
    ],
  ])('%j', (argv, message) => {
    expect(periodAsOneWord(argv)).toBe(message);
  });

  it.each([
    [['due', 'extra', 'words']],
    [['log', 'ana', '2', 'weeks']], // not after a flag
    [['due', '--within', '2w', 'weeks']],
    [['due', '--within', 'two', 'weeks']],
    [['due', '--within', '2', 'fortnights']],
  ])('%j is not a period typed as two words', (argv) => {
    expect(periodAsOneWord(argv)).toBeUndefined();
  });
});

describe('verbsMeant', () => {
  const TODO = ['list', 'add', 'edit', 'delete'];
  it.each([
    ['eidt', ['edit']],
    ['dle', ['delete']],
    ['rm', ['delete']],
    ['REMOVE', ['delete']],
    ['ls', ['list']],
    ['view', ['list']],
    ['edit', []],
    ['zzz', []],
  ])('%s: %j', (typed, meant) => {
    expect(verbsMeant(typed, TODO)).toEqual(meant);
  });

  it('an alias is offered only when the noun has its verb', () => {
    expect(verbsMeant('rm', ['list', 'log', 'dismiss', 'restore'])).toEqual([]);
  });

  it('notAVerb names the word typed, the verb meant and the verbs', () => {
    expect(notAVerb('inbox', 'lgo', ['list', 'log'], 'list')).toEqual({
      message: '"lgo" is not an inbox command.',
      hint: 'Did you mean rel inbox log? The commands: list (the default), log.',
    });
  });
});
