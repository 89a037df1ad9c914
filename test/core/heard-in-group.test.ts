import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/core/agenda.js';
import { indexConversations, logConversation } from '../../src/core/conversations.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { addPerson } from '../../src/core/new-person.js';
import { forgetPerson } from '../../src/core/people.js';
import { buildProfile, describeConversation } from '../../src/core/profile.js';
import { conversationClass, conversationSize } from '../../src/core/together.js';
import { renderAgenda } from '../../src/ui/render/agenda.js';
import { renderProfile } from '../../src/ui/render/profile.js';
import type { Theme } from '../../src/ui/theme.js';

// What a room said is not what one person told you: a brief marks it, so that "the budget is cut",
// heard at an all-hands, does not read as Ana's own worry.
const same = (text: string) => text;
const plain: Theme = {
  bold: same,
  dim: same,
  heading: same,
  accent: same,
  good: same,
  warn: same,
  mark: same,
};
let n = 0;
const clock = () => ({ now: new Date('2026-11-20T12:00:00Z'), newId: () => `c${++n}` });

function journal(): Journal {
  const j = emptyJournal();
  for (const name of ['Ana', 'Ben', 'Cy']) addPerson(j, { name }, clock());
  const [ana, ben, cy] = j.people.map((p) => p.id) as [string, string, string];
  const log = (date: string, withIds: string[], heard: string[], heardFrom?: (string | null)[]) =>
    logConversation(
      j,
      {
        date,
        with: withIds,
        kind: withIds.length > 1 ? 'meeting' : '1:2:1',
        minutes: null,
        note: '',
        heard,
        heardFrom,
        about: {},
      },
      clock(),
    );
  log('2026-11-10', [ana], ['wants to lead the launch']);
  log('2026-11-12', [ana, ben, cy], ['the budget is cut']);
  log(
    '2026-11-14',
    [ana, ben],
    ['Ben is moving flats', 'tired of on-call', 'the offsite is off'],
    [ben, ana, null],
  );
  return j;
}

describe('what was heard from a group', () => {
  const j = journal();
  const [ana, ben] = j.people as [(typeof j.people)[0], (typeof j.people)[0]];
  const byDate = (d: string) => j.conversations.find((c) => c.date === d)!;

  it.each([
    ['1:2:1, seen by Ana', '2026-11-10', 'ana', ['wants to lead the launch'], [false]],
    ['group, no one named', '2026-11-12', 'ana', ['the budget is cut'], [true]],
    ['group, seen by Ana', '2026-11-14', 'ana', ['tired of on-call', 'the offsite is off'], [false, true]],
    ['group, seen by Ben', '2026-11-14', 'ben', ['Ben is moving flats', 'the offsite is off'], [false, true]],
  ])('%s', (_, date, who, heard, inGroup) => {
    const id = who === 'ana' ? ana.id : ben.id;
    const seen = describeConversation(byDate(date), new Map(), id);
    expect(seen.heard).toEqual(heard);
    expect(seen.heardInGroup).toEqual(inGroup);
  });

  it('is not marked when no one person is looking (rel log confirmation, the inbox)', () => {
    expect(describeConversation(byDate('2026-11-14'), new Map()).heardInGroup).toBeUndefined();
  });

  const profile = buildProfile(j, indexConversations(j.conversations), ana, '2026-11-20');

  it('shows in the profile with the size of the group', () => {
    const text = renderProfile(profile, '2026-11-20', plain, 100);
    const heard = text.slice(text.indexOf('What you heard lately'), text.indexOf('Recent conversations'));
    expect(heard).toContain('the offsite is off  14 Nov · in a group of 2');
    expect(heard).toContain('the budget is cut  12 Nov · in a group of 3');
    expect(heard).toMatch(/tired of on-call {2}14 Nov\n/);
    expect(heard).toMatch(/wants to lead the launch {2}10 Nov\n/);
  });

  it('is a talking point about the group, not about what they said, in the agenda', () => {
    const agenda = buildAgenda(j, profile, '2026-11-20');
    expect(agenda.talkingPoints).toContain('Check in on what they said last time: tired of on-call');
    expect(agenda.talkingPoints).toContain(
      'Check in on what came up in the group last time: the offsite is off',
    );
    expect(agenda.lastConversation?.heardInGroup).toEqual([false, true]);
    const text = renderAgenda(agenda);
    expect(text).toContain('- tired of on-call\n');
    expect(text).toContain('- the offsite is off _(in the group)_\n');
  });
});

describe('the size of a group, kept', () => {
  it('shows an all-hands logged with --size by its size, in the profile and its JSON', () => {
    const j = journal();
    const [ana, ben] = j.people.map((p) => p.id) as [string, string];
    logConversation(
      j,
      {
        date: '2026-11-18',
        with: [ana, ben],
        kind: 'all-hands',
        minutes: null,
        note: '',
        heard: ['lots of anxiety about the reorg'],
        size: 80,
        about: {},
      },
      clock(),
    );
    const profile = buildProfile(j, indexConversations(j.conversations), j.people[0]!, '2026-11-20');
    expect(profile.conversations[0]).toMatchObject({ size: 80, heardInGroup: [true] });
    const text = renderProfile(profile, '2026-11-20', plain, 100);
    expect(text).toContain('lots of anxiety about the reorg  18 Nov · in a group of 80');
  });

  it('stays a group, and the group keeps its remark, when one of two is forgotten', () => {
    const j = journal();
    const [, ben] = j.people.map((p) => p.id) as [string, string];
    forgetPerson(j, ben);
    const trio = j.conversations.find((c) => c.date === '2026-11-14')!;
    expect(trio.with).toHaveLength(1);
    expect(conversationSize(trio)).toBe(2);
    expect(conversationClass(trio, [])).toBe('smallGroup');
    const ana = j.people[0]!;
    const seen = describeConversation(trio, new Map(), ana.id);
    expect(seen.heard).toEqual(['tired of on-call', 'the offsite is off']);
    expect(seen.heardInGroup).toEqual([false, true]);
  });
});
