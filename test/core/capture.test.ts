// rel log's pure core: a capture (what was typed or answered) turned into records.
import { describe, expect, it } from 'vitest';
import { type Capture, type Participant, provisionalPerson, recordCapture } from '../../src/core/capture.js';
import { emptyJournal, type FollowUp, type Journal } from '../../src/core/journal.js';
import { UsageError } from '../../src/errors.js';
import { wholePerson } from '../helpers/journal.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

function clock() {
  let n = 0;
  return { now: NOW, newId: () => `id${++n}` };
}

function journalWith(...names: [string, string][]): Journal {
  return { ...emptyJournal(), people: names.map(([id, name]) => wholePerson(id, name)) };
}

function openFollowUp(id: string, personId: string, doneAt: string | null = null): FollowUp {
  return {
    id,
    personId,
    conversationId: null,
    text: `follow-up ${id}`,
    owner: 'me',
    due: null,
    doneAt,
    createdAt: '2026-11-01T09:00:00.000Z',
  };
}

/** The participants as `rel log` would hold them: people in the journal, then new ones. */
function participants(journal: Journal, known: string[], added: string[] = []): Participant[] {
  const list: Participant[] = known.map((id) => ({
    isNew: false,
    person: journal.people.find((p) => p.id === id)!,
  }));
  for (const name of added) {
    list.push({ isNew: true, person: provisionalPerson(journal, name, list, clock()), details: {} });
  }
  return list;
}

function captureOf(who: Participant[], extra: Partial<Capture> = {}): Capture {
  return {
    participants: who,
    date: '2026-11-30',
    kind: '1:2:1',
    minutes: 30,
    note: 'Roadmap',
    heard: [],
    lists: { ambitions: [], skills: [], followUps: [], askNext: [] },
    discussed: [],
    asked: [],
    done: [],
    size: undefined,
    counts: undefined,
    ...extra,
  };
}

describe('provisional people', () => {
  it('get placeholder ids by their place among the participants, never a real id', () => {
    const journal = journalWith(['ana', 'Ana Silva']);
    const who = participants(journal, ['ana'], ['Kim Lee', 'Bo Chen']);
    expect(who.map((p) => p.person.id)).toEqual(['ana', '+new-1', '+new-2']);
    expect(journal.people).toHaveLength(1); // nothing is added to the journal read
  });

  it.each([
    ['the same name twice', ['Kim Lee', 'kim lee'], '"kim lee" is named twice.'],
    ['a name already in the journal', ['Ana Silva'], 'Ana Silva is already in your journal (id ana).'],
    ['an empty name', ['  '], 'A name cannot be empty.'],
  ])('refuse %s', (_, names, message) => {
    const journal = journalWith(['ana', 'Ana Silva']);
    expect(() => participants(journal, [], names)).toThrow(message);
  });
});

describe('the records a capture makes', () => {
  it('a conversation with someone in the journal', () => {
    const journal = journalWith(['ana', 'Ana Silva']);
    const recorded = recordCapture(
      journal,
      captureOf(participants(journal, ['ana']), { heard: ['Worried about on-call'] }),
      clock(),
    );
    expect(recorded.added).toEqual([]);
    expect(recorded.people.map((p) => p.id)).toEqual(['ana']);
    expect(journal.conversations).toEqual([recorded.conversation]);
    expect(recorded.conversation).toMatchObject({
      with: ['ana'],
      date: '2026-11-30',
      heard: ['Worried about on-call'],
      createdAt: NOW.toISOString(),
    });
  });

  it('new people are added with what was asked about them, under their own ids', () => {
    const journal = journalWith(['ana', 'Ana Silva']);
    const who = participants(journal, ['ana'], ['Kim Lee']);
    const kim = who[1]!;
    if (kim.isNew) kim.details = { role: 'Designer', cadenceDays: 14 };
    const recorded = recordCapture(journal, captureOf(who), clock());
    expect(recorded.added).toEqual(['Kim Lee']);
    expect(recorded.conversation.with).toEqual(['ana', 'kim-lee']);
    expect(journal.people.find((p) => p.id === 'kim-lee')).toMatchObject({
      role: 'Designer',
      cadenceDays: 14,
    });
  });

  it('no placeholder id reaches the journal: notes, follow-ups for the group and "heard from"', () => {
    const journal = journalWith(['ana', 'Ana Silva']);
    const who = participants(journal, ['ana'], ['Kim Lee']);
    const recorded = recordCapture(
      journal,
      captureOf(who, {
        heard: ['Kim: wants to mentor', 'The roadmap is late'],
        lists: {
          ambitions: ['Kim: speak at a conference'],
          skills: [],
          followUps: [
            { text: 'Send the doc', due: '2026-12-04' },
            { text: 'Kim: ping the team', due: '2026-12-04', owner: 'them' },
          ],
          askNext: ['The offsite?'],
        },
      }),
      clock(),
    );
    expect(JSON.stringify(journal)).not.toContain('+new-');
    expect(Object.keys(recorded.about)).toEqual(['ana', 'kim-lee']);
    expect(recorded.conversation.heardFrom).toEqual(['kim-lee', null]);
    expect(journal.followUps.map((f) => [f.personId, f.personIds, f.owner])).toEqual([
      ['ana', ['ana', 'kim-lee'], 'me'],
      ['kim-lee', undefined, 'them'],
    ]);
    expect(journal.people.find((p) => p.id === 'kim-lee')!.ambitions.map((a) => a.text)).toEqual([
      'speak at a conference',
    ]);
    expect(journal.people.map((p) => p.askNext.map((a) => a.text))).toEqual([
      ['The offsite?'],
      ['The offsite?'],
    ]);
  });

  it('someone another rel added meanwhile is taken as they are, not added twice', () => {
    const read = journalWith(['ana', 'Ana Silva']);
    const who = participants(read, ['ana'], ['Kim Lee']);
    const fresh = journalWith(['ana', 'Ana Silva'], ['kim', 'Kim Lee']);
    const recorded = recordCapture(fresh, captureOf(who), clock());
    expect(recorded.added).toEqual([]);
    expect(recorded.conversation.with).toEqual(['ana', 'kim']);
    expect(fresh.people).toHaveLength(2);
  });

  it('someone removed meanwhile refuses the whole capture', () => {
    const read = journalWith(['ana', 'Ana Silva'], ['ben', 'Ben Okafor']);
    const fresh = journalWith(['ana', 'Ana Silva']);
    expect(() => recordCapture(fresh, captureOf(participants(read, ['ana', 'ben'])), clock())).toThrow(
      'Ben Okafor was removed from the journal while you were typing; nothing was saved.',
    );
  });

  it('follow-ups ticked done are closed; one closed meanwhile stays as it was', () => {
    const journal = journalWith(['ana', 'Ana Silva']);
    journal.followUps = [openFollowUp('f1', 'ana'), openFollowUp('f2', 'ana', '2026-11-20T09:00:00.000Z')];
    recordCapture(journal, captureOf(participants(journal, ['ana']), { done: ['f1', 'f2'] }), clock());
    expect(journal.followUps.map((f) => f.doneAt)).toEqual([NOW.toISOString(), '2026-11-20T09:00:00.000Z']);
  });

  it.each([
    ['an ambition', { ambitions: ['Lead a team'], skills: [] }, 'Whose is "Lead a team"?'],
    ['a skill', { ambitions: [], skills: ['Cello'] }, 'Whose is "Cello"?'],
  ])('with several people, %s without a name is refused', (_, lists, message) => {
    const journal = journalWith(['ana', 'Ana Silva'], ['ben', 'Ben Okafor']);
    const capture = captureOf(participants(journal, ['ana', 'ben']), {
      lists: { ...lists, followUps: [], askNext: [] },
    });
    expect(() => recordCapture(journal, capture, clock())).toThrow(UsageError);
    expect(() => recordCapture(journal, capture, clock())).toThrow(message);
    expect(journal.conversations).toEqual([]);
  });
});
