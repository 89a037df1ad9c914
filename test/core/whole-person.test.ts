import { describe, expect, it } from 'vitest';
import { logConversation } from '../../src/core/conversations.js';
import { addAmbition, openAskNext } from '../../src/core/facts.js';
import { addFollowUp, openFollowUps } from '../../src/core/followups.js';
import { emptyJournal, type Journal, withDefaults } from '../../src/core/journal.js';
import { addPerson } from '../../src/core/new-person.js';
import { talkingPoints } from '../../src/core/profile.js';
import { byIdOrWords } from '../../src/core/records.js';

let counter = 0;
const clock = (iso = '2026-11-01T12:00:00Z') => ({ now: new Date(iso), newId: () => `id${++counter}` });

describe('byIdOrWords', () => {
  const records = [
    { id: 'abc123def456', text: 'Send the promotion doc' },
    { id: 'abd999000111', text: 'Send the slides' },
    { id: 'ffff00001111', text: 'Book the offsite' },
  ];
  it.each([
    ['abc123def456', 'found', ['abc123def456']],
    ['abc1', 'found', ['abc123def456']],
    ['ab', 'none', []], // too short to be an id prefix, and no text holds it
    ['send', 'several', ['abc123def456', 'abd999000111']],
    ['SLIDES', 'found', ['abd999000111']],
    ['promotion send', 'found', ['abc123def456']],
    ['the', 'several', ['abc123def456', 'abd999000111', 'ffff00001111']],
    ['cello', 'none', []],
  ])('%s -> %s', (typed, kind, ids) => {
    const result = byIdOrWords(records, typed);
    expect(result.kind).toBe(kind);
    const got =
      result.kind === 'found'
        ? [result.record.id]
        : result.kind === 'several'
          ? result.records.map((r) => r.id)
          : [];
    expect(got).toEqual(ids);
  });
  it('matches accent-insensitively', () => {
    expect(byIdOrWords([{ id: 'x1', text: 'Café with Zoë' }], 'cafe zoe').kind).toBe('found');
  });
});

function journalWithAna(): Journal {
  const j = emptyJournal();
  addPerson(j, { name: 'Ana Silva' }, clock('2026-10-01T12:00:00Z'));
  return j;
}

describe('openFollowUps', () => {
  it('orders overdue first, then by due date, then undated oldest first; skips done ones', () => {
    const j = journalWithAna();
    const add = (text: string, due: string | null, at: string) =>
      addFollowUp(j, { personId: 'ana-silva', text, due, owner: 'me', conversationId: null }, clock(at));
    add('undated old', null, '2026-11-01T10:00:00Z');
    add('later', '2026-11-20', '2026-11-01T10:00:00Z');
    add('undated new', null, '2026-11-05T10:00:00Z');
    add('overdue', '2026-11-02', '2026-11-01T10:00:00Z');
    add('soon', '2026-11-12', '2026-11-01T10:00:00Z');
    add('closed', '2026-11-01', '2026-11-01T10:00:00Z').doneAt = '2026-11-03T10:00:00Z';
    const items = openFollowUps(j, '2026-11-10');
    expect(items.map((i) => i.text)).toEqual(['overdue', 'soon', 'later', 'undated old', 'undated new']);
    expect(items.map((i) => i.overdue)).toEqual([true, false, false, false, false]);
  });
});

describe('talking points', () => {
  it('an active ambition is one once not discussed for 30 days, or the cadence when longer', () => {
    const j = journalWithAna();
    const ana = j.people[0]!;
    addAmbition(ana, 'Lead a team', '2026-10-01', clock());
    addAmbition(ana, 'Old and done', '2026-09-01', clock()).status = 'achieved';
    const points = (today: string) => talkingPoints(ana, [], 30, today).map((p) => p.text);
    expect(points('2026-10-30')).toEqual([]);
    expect(points('2026-10-31')).toEqual(['Lead a team']);
    expect(talkingPoints(ana, [], 91, '2026-10-31')).toEqual([]);
  });

  it('ask-next notes stay open through conversations until asked; an asked one is kept with the day', () => {
    const j = journalWithAna();
    const ana = j.people[0]!;
    ana.askNext.push({ id: 'q1', text: 'The trip?', addedOn: '2026-11-01' });
    ana.askNext.push({ id: 'q2', text: 'The move?', addedOn: '2026-11-01' });
    ana.askNext.push({ id: 'q3', text: 'Old one', addedOn: '2026-10-01', askedOn: '2026-10-15' });
    const lead = addAmbition(ana, 'Lead a team', '2026-10-01', clock());
    const log = (date: string, asked?: string[]) =>
      logConversation(
        j,
        {
          date,
          with: ['ana-silva'],
          kind: 'call',
          minutes: null,
          note: '',
          heard: [],
          about: {},
          discussed: [lead.id],
          ...(asked ? { asked } : {}),
        },
        clock(),
      );
    const state = () => ana.askNext.map((a) => [a.id, a.askedOn ?? null]);
    // A conversation that marks none asked leaves every one open.
    log('2026-11-03');
    expect(state()).toEqual([
      ['q1', null],
      ['q2', null],
      ['q3', '2026-10-15'],
    ]);
    log('2026-11-05', ['q1', 'q3']);
    expect(state()).toEqual([
      ['q1', '2026-11-05'],
      ['q2', null],
      // Asked before: keeps its day.
      ['q3', '2026-10-15'],
    ]);
    expect(openAskNext(ana).map((a) => a.id)).toEqual(['q2']);
    expect(lead.lastDiscussedOn).toBe('2026-11-05');
    // The profile lists the open ones only, and so do the talking points.
    expect(talkingPoints(ana, [], 30, '2026-11-06').filter((p) => p.kind === 'askNext')).toEqual([
      { kind: 'askNext', id: 'q2', text: 'The move?', since: '2026-11-01' },
    ]);
  });
});

describe('withDefaults', () => {
  it('fills fields missing from older files, in place, and leaves present ones alone', () => {
    const j = {
      schema: 1,
      people: [
        {
          id: 'a',
          ambitions: [{ id: 'x', text: 't', addedOn: '2026-01-01' }],
          skills: [{ id: 's', text: 't', addedOn: '2026-01-01' }],
          notes: [{ id: 'n', text: 'kept', addedOn: '2026-01-01' }],
        },
      ],
      conversations: [],
      followUps: [{ id: 'f' }, { id: 'g', owner: 'them' }],
    } as unknown as Journal;
    withDefaults(j);
    expect(j.people[0]).toMatchObject({ askNext: [], snoozedUntil: null, notes: [{ text: 'kept' }] });
    expect(j.people[0]!.ambitions[0]).toMatchObject({
      status: 'active',
      lastDiscussedOn: '2026-01-01',
      statusChangedOn: null,
      conversationId: null,
    });
    expect(j.followUps.map((f) => f.owner)).toEqual(['me', 'them']);
  });
});
