import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/core/agenda.js';
import { assignSteps, assignThanks } from '../../src/core/attribution.js';
import { indexConversations, logConversation } from '../../src/core/conversations.js';
import { deleteConversation } from '../../src/core/corrections.js';
import { renderMarkdown } from '../../src/core/export.js';
import {
  addAmbition,
  addSkill,
  addStep,
  addThanks,
  latest,
  setAmbitionStatus,
} from '../../src/core/facts.js';
import { appreciationDue, DEFAULT_GROWTH_RULES, quietSteps, who } from '../../src/core/growth.js';
import { duplicateIds } from '../../src/core/integrity.js';
import { emptyJournal, type Journal, type Person } from '../../src/core/journal.js';
import { addPerson } from '../../src/core/new-person.js';
import { forgetPerson, mergePeople } from '../../src/core/people.js';
import { buildProfile, talkingPoints } from '../../src/core/profile.js';
import { computePulse } from '../../src/core/pulse.js';
import { search } from '../../src/core/search.js';
import { resolveSettings } from '../../src/core/settings.js';
import { computeStats } from '../../src/core/stats.js';
import { isJournalShape } from '../../src/store/shape.js';

let counter = 0;
const clock = (iso = '2026-11-01T12:00:00Z') => ({ now: new Date(iso), newId: () => `id${++counter}` });
const rules = DEFAULT_GROWTH_RULES;

function team(): Journal {
  const j = emptyJournal();
  addPerson(j, { name: "Tom O'Brien" }, clock('2026-06-01T09:00:00Z'));
  addPerson(j, { name: 'Zoë Müller' }, clock('2026-06-01T09:00:00Z'));
  addPerson(j, { name: 'Ana Silva' }, clock('2026-06-01T09:00:00Z'));
  return j;
}

describe('steps toward an ambition', () => {
  it('are kept on the ambition with their day and conversation, and move its last discussed day forward only', () => {
    const j = team();
    const tom = j.people[0]!;
    const design = addAmbition(tom, 'Work in design full-time', '2026-06-01', clock());
    const first = addStep(design, '  Designed the Q1 newsletter ', '2026-09-10', clock(), 'c1');
    expect(first).toEqual({
      id: expect.any(String),
      text: 'Designed the Q1 newsletter',
      on: '2026-09-10',
      conversationId: 'c1',
    });
    expect(design.lastDiscussedOn).toBe('2026-09-10');
    // A step recorded for an earlier day does not move it back.
    addStep(design, 'Sketched the offsite poster', '2026-08-01', clock());
    expect(design.lastDiscussedOn).toBe('2026-09-10');
    expect(design.steps!.map((s) => s.text)).toEqual([
      'Designed the Q1 newsletter',
      'Sketched the offsite poster',
    ]);
    expect(latest(design.steps!)?.text).toBe('Designed the Q1 newsletter');
  });

  it('are refused on an achieved or dropped ambition, and when empty', () => {
    const tom = team().people[0]!;
    const done = addAmbition(tom, 'Lead a team', '2026-06-01', clock());
    setAmbitionStatus(done, 'achieved', '2026-07-01');
    expect(() => addStep(done, 'x', '2026-08-01', clock())).toThrow(
      /achieved; steps are recorded toward active/,
    );
    const open = addAmbition(tom, 'Speak at a conference', '2026-06-01', clock());
    expect(() => addStep(open, '   ', '2026-08-01', clock())).toThrow(/The step is empty/);
    expect(open.steps).toBeUndefined();
  });

  it.each([
    // [added, steps, today, period, quiet since or null]
    ['2026-06-01', [], '2026-08-29', 90, null],
    ['2026-06-01', [], '2026-08-30', 90, '2026-06-01'],
    ['2026-06-01', ['2026-08-01'], '2026-08-30', 90, null],
    ['2026-06-01', ['2026-08-01'], '2026-10-30', 90, '2026-08-01'],
    ['2026-06-01', ['2026-08-01', '2026-07-01'], '2026-10-30', 90, '2026-08-01'],
    ['2026-06-01', ['2026-08-01'], '2026-09-01', 30, '2026-08-01'],
  ])(
    'added %s, steps %j: on %s with a %i-day period, quiet since %s',
    (added, days, today, period, since) => {
      const tom = team().people[0]!;
      const a = addAmbition(tom, 'Work in design', added, clock());
      for (const day of days) addStep(a, `step on ${day}`, day, clock());
      const quiet = quietSteps(a, today, { ...rules, ambitionStepDays: period });
      expect(quiet?.since ?? null).toBe(since);
    },
  );

  it('make a talking point of an active ambition nothing was done toward, in place of "not discussed"', () => {
    const tom = team().people[0]!;
    const design = addAmbition(tom, 'Work in design', '2026-06-01', clock());
    const lead = addAmbition(tom, 'Lead a team', '2026-10-01', clock());
    setAmbitionStatus(addAmbition(tom, 'Old', '2026-01-01', clock()), 'dropped', '2026-02-01');
    const points = talkingPoints(tom, [], 30, '2026-11-05', rules);
    expect(points).toEqual([
      { kind: 'step', id: design.id, text: 'Work in design', since: '2026-06-01', lastStep: null },
      {
        kind: 'ambition',
        id: lead.id,
        text: 'Lead a team',
        since: '2026-10-01',
        lastDiscussedOn: '2026-10-01',
      },
    ]);
    // A step today: neither point for it.
    addStep(design, 'Gave him the newsletter', '2026-11-05', clock());
    expect(talkingPoints(tom, [], 30, '2026-11-05', rules).map((p) => p.kind)).toEqual(['ambition']);
  });
});

describe('rel pulse with steps', () => {
  it('measures quiet ambitions from lastDiscussedOn, which a step moves: one worked toward lately is not quiet', () => {
    const j = team();
    const tom = j.people[0]!;
    const design = addAmbition(tom, 'Work in design', '2026-06-01', clock());
    addAmbition(tom, 'Run a marathon', '2026-06-01', clock());
    const quiet = () =>
      computePulse(j, { since: '2026-10-01', until: '2026-11-01' }).quietAmbitions.map((q) => [
        q.ambition,
        q.since,
      ]);
    expect(quiet()).toEqual([
      ['Work in design', '2026-06-01'],
      ['Run a marathon', '2026-06-01'],
    ]);
    addStep(design, 'Designed the newsletter', '2026-10-15', clock());
    expect(quiet()).toEqual([['Run a marathon', '2026-06-01']]);
    // A step before the window leaves it quiet, since that step's day.
    addStep(j.people[0]!.ambitions[1]!, 'Signed up for a 10k', '2026-09-01', clock());
    expect(quiet()).toEqual([['Run a marathon', '2026-09-01']]);
  });
});

describe('appreciation', () => {
  it.each([
    // [days together, thanks days, today, talking point? and since]
    [[], [], '2026-11-10', null],
    [['2026-11-01'], [], '2026-11-10', { lastAppreciated: null, lastTogether: '2026-11-01' }],
    [['2026-11-01'], ['2026-10-20'], '2026-11-10', null],
    [
      ['2026-11-01'],
      ['2026-09-28'],
      '2026-11-10',
      { lastAppreciated: '2026-09-28', lastTogether: '2026-11-01' },
    ],
    // Time together only before the period: nothing to say.
    [['2026-09-01'], [], '2026-11-10', null],
    // 42 days before today is outside the period, 41 inside.
    [['2026-09-29'], [], '2026-11-10', null],
    [['2026-09-30'], [], '2026-11-10', { lastAppreciated: null, lastTogether: '2026-09-30' }],
  ])('together %j, thanked %j, on %s: %j', (together, thanked, today, expected) => {
    const tom = team().people[0]!;
    for (const day of thanked) addThanks(tom, `for ${day}`, day, clock());
    const due = appreciationDue(tom, together, today, rules);
    expect(
      due && { lastAppreciated: due.lastAppreciated?.on ?? null, lastTogether: due.lastTogether },
    ).toEqual(expected);
  });

  it('is one gentle talking point in the profile and the agenda, after the period set', () => {
    const j = team();
    const tom = j.people[0]!;
    const talk = (date: string) =>
      logConversation(
        j,
        { date, with: [tom.id], kind: '1:2:1', minutes: 30, note: '', heard: [], about: {} },
        clock(`${date}T10:00:00Z`),
      );
    talk('2026-10-20');
    talk('2026-11-02');
    addThanks(tom, 'The launch checklist', '2026-09-01', clock());
    const profile = (today: string, period = 42) =>
      buildProfile(j, indexConversations(j.conversations), tom, today, 30, undefined, {
        ...rules,
        appreciationDays: period,
      });
    const points = profile('2026-11-05').talkingPoints.filter((p) => p.kind === 'appreciation');
    expect(points).toEqual([{ kind: 'appreciation', since: '2026-09-01', text: 'The launch checklist' }]);
    expect(profile('2026-11-05').lastAppreciated?.text).toBe('The launch checklist');
    // A longer period reaches back to the thanks: nothing to raise.
    expect(profile('2026-11-05', 70).talkingPoints.filter((p) => p.kind === 'appreciation')).toEqual([]);
    const agenda = buildAgenda(j, profile('2026-11-05'), '2026-11-05');
    expect(agenda.talkingPoints).toContain(
      'Last appreciated 2 months ago (for The launch checklist): anything to thank them for?',
    );
  });
});

describe('rel who', () => {
  function talents(): Journal {
    const j = team();
    const [tom, zoe, ana] = j.people as [Person, Person, Person];
    addSkill(tom, 'Graphic design', '2026-06-01', clock());
    addAmbition(tom, 'Work in design full-time', '2026-06-01', clock());
    tom.notes.push({ id: 'n1', text: 'Two kids; loves cycling', addedOn: '2026-06-01' });
    addSkill(zoe, 'Café latte art, Ελληνικά', '2026-06-01', clock());
    const dropped = addAmbition(zoe, 'Design school', '2026-06-01', clock());
    setAmbitionStatus(dropped, 'dropped', '2026-07-01');
    addSkill(ana, 'Spanish', '2026-06-01', clock());
    addAmbition(ana, 'Teach design to new joiners', '2026-06-01', clock());
    return j;
  }
  const found = (j: Journal, query: string, all = false) =>
    who(j, query, all).map((h) => [h.name, h.matches.map((m) => `${m.field}: ${m.text}`)]);

  it.each([
    [
      'design',
      [
        ["Tom O'Brien", ['skill: Graphic design', 'ambition: Work in design full-time']],
        ['Ana Silva', ['ambition: Teach design to new joiners']],
      ],
    ],
    // Every word, across the person's fields; a text holding two words sorts them first.
    ['spanish design', [['Ana Silva', ['skill: Spanish', 'ambition: Teach design to new joiners']]]],
    ['graphic design', [["Tom O'Brien", ['skill: Graphic design', 'ambition: Work in design full-time']]]],
    // Folded as rel search folds: case, accents, a final sigma.
    ['CAFE', [['Zoë Müller', ['skill: Café latte art, Ελληνικά']]]],
    ['ελληνικα', [['Zoë Müller', ['skill: Café latte art, Ελληνικά']]]],
    ['cycling', [["Tom O'Brien", ['personalNote: Two kids; loves cycling']]]],
    // A dropped ambition no longer says what they want.
    ['school', []],
    ['python', []],
    ['   ', []],
  ])('%s', (query, expected) => {
    expect(found(talents(), query)).toEqual(expected);
  });

  it('leaves archived people out unless asked for all', () => {
    const j = talents();
    j.people[2]!.archivedAt = '2026-10-01T09:00:00Z';
    expect(found(j, 'spanish')).toEqual([]);
    expect(found(j, 'spanish', true)).toEqual([['Ana Silva', ['skill: Spanish']]]);
  });
});

describe('steps and thanks are ordinary records', () => {
  function recorded() {
    const j = team();
    const tom = j.people[0]!;
    const c = logConversation(
      j,
      {
        date: '2026-11-02',
        with: [tom.id, j.people[1]!.id],
        kind: 'meeting',
        minutes: 30,
        note: '',
        heard: [],
        about: {},
      },
      clock('2026-11-02T10:00:00Z'),
    );
    const design = addAmbition(tom, 'Work in design full-time', '2026-06-01', clock());
    addStep(design, 'Designed the Q1 newsletter', '2026-11-02', clock(), c.id);
    addThanks(tom, 'The launch checklist', '2026-11-03', clock());
    addThanks(j.people[1]!, 'Covering on-call', '2026-11-02', clock(), c.id);
    return { j, tom, c };
  }

  it('are found by rel search as step and thanks', () => {
    const { j } = recorded();
    expect(search(j, 'newsletter').map((h) => [h.field, h.person, h.date])).toEqual([
      ['step', "Tom O'Brien", '2026-11-02'],
    ]);
    expect(search(j, 'checklist').map((h) => [h.field, h.date])).toEqual([['thanks', '2026-11-03']]);
  });

  it('go with the person forgotten, and move with the person merged', () => {
    const { j, tom } = recorded();
    const zoe = j.people[1]!;
    mergePeople(j, zoe, tom, new Date('2026-11-05T10:00:00Z'));
    expect(zoe.thanks!.map((t) => t.text)).toEqual(['Covering on-call', 'The launch checklist']);
    forgetPerson(j, zoe.id);
    expect(JSON.stringify(j)).not.toMatch(/newsletter|checklist|on-call/);
  });

  it('stay when their conversation is deleted, no longer linked to it', () => {
    const { j, tom, c } = recorded();
    deleteConversation(j, c);
    expect(tom.ambitions[0]!.steps![0]!.conversationId).toBeNull();
    expect(j.people[1]!.thanks![0]!.conversationId).toBeNull();
  });

  it('are in the Markdown export, in the store shape, in duplicate-id checks and in stats', () => {
    const { j } = recorded();
    const md = renderMarkdown(j, { today: '2026-11-05', history: indexConversations(j.conversations) });
    expect(md).toContain(
      '- Work in design full-time · since 2026-06-01\n  - Step: Designed the Q1 newsletter · 2026-11-02',
    );
    expect(md).toContain('### Appreciation given\n\n- The launch checklist · 2026-11-03');
    expect(isJournalShape(JSON.parse(JSON.stringify(j)))).toBe(true);
    const broken = JSON.parse(JSON.stringify(j));
    broken.people[0].thanks[0].on = 'yesterday';
    expect(isJournalShape(broken)).toBe(false);
    const twice = JSON.parse(JSON.stringify(j));
    twice.people[1].thanks[0].id = twice.people[0].thanks[0].id;
    expect(duplicateIds(twice)).toEqual([{ what: 'thanks', ids: [twice.people[0].thanks[0].id] }]);
    const stats = computeStats(j, {
      since: '2026-10-01',
      today: '2026-11-05',
    });
    expect(stats.appreciation.map((a) => [a.name, a.count, a.last])).toEqual([
      ["Tom O'Brien", 1, '2026-11-03'],
      ['Zoë Müller', 1, '2026-11-02'],
    ]);
  });
});

describe('the settings', () => {
  it('default to 90 days and 6 weeks, and read periods from the environment or the config file', () => {
    expect(resolveSettings({}, {}).settings).toMatchObject({ ambitionStepDays: 90, appreciationDays: 42 });
    const set = resolveSettings({ 'appreciation-period': '2m' }, { REL_AMBITION_STEP_PERIOD: '6w' });
    expect(set.settings).toMatchObject({ ambitionStepDays: 42, appreciationDays: 60 });
    expect(resolveSettings({}, { REL_APPRECIATION_PERIOD: 'soon' }).problems).toEqual([
      expect.stringContaining('REL_APPRECIATION_PERIOD is "soon"'),
    ]);
  });
});

describe('rel log --step and --thanks', () => {
  function people() {
    const j = team();
    const [tom, zoe] = j.people as [Person, Person];
    addAmbition(tom, 'Work in design full-time', '2026-06-01', clock()).id = 'design';
    addAmbition(tom, 'Run a marathon', '2026-06-01', clock()).id = 'marathon';
    addAmbition(zoe, 'Lead a team', '2026-06-01', clock()).id = 'lead';
    setAmbitionStatus(addAmbition(zoe, 'Learn Greek', '2026-06-01', clock()), 'achieved', '2026-07-01');
    return [tom, zoe] as const;
  }
  const steps = (entries: string[], who: 'tom' | 'both' | 'zoe') => {
    const [tom, zoe] = people();
    const there = who === 'tom' ? [tom] : who === 'zoe' ? [zoe] : [tom, zoe];
    return assignSteps(entries, there).map((s) => `${s.personId}/${s.ambitionId}: ${s.text}`);
  };

  it.each([
    [['design: Designed the newsletter'], 'tom', ['tom-o-brien/design: Designed the newsletter']],
    [['Tom: design: Drew the poster'], 'tom', ['tom-o-brien/design: Drew the poster']],
    // One active ambition needs no words; an achieved one is not a candidate.
    [['Ran the offsite'], 'zoe', ['zoe-muller/lead: Ran the offsite']],
    // With several people, the words look in everyone's ambitions; a prefix says whose.
    [['lead: Ran the offsite'], 'both', ['zoe-muller/lead: Ran the offsite']],
    [['Zoë: Ran the offsite'], 'both', ['zoe-muller/lead: Ran the offsite']],
    [['tom: MARATHON: Signed up for a 10k', '  '], 'both', ['tom-o-brien/marathon: Signed up for a 10k']],
  ])('%j with %s', (entries, who, expected) => {
    expect(steps(entries, who as 'tom' | 'both' | 'zoe')).toEqual(expected);
  });

  it.each([
    [
      ['Designed the newsletter'],
      'tom',
      /Which ambition is the step "Designed the newsletter" toward\? Tom O'Brien has several/,
    ],
    [['piano: Booked lessons'], 'tom', /No active ambition of Tom O'Brien matches "piano"/],
    [['piano: b'], 'both', /No active ambition of anyone there matches "piano"/],
    [['design:'], 'tom', /has no text after its words/],
    [['Greek: Passed B1'], 'zoe', /No active ambition of Zoë Müller matches "Greek"/],
  ])('%j with %s is refused', (entries, who, message) => {
    expect(() => steps(entries, who as 'tom' | 'both' | 'zoe')).toThrow(message);
  });

  it('is refused when no one there is in the journal yet', () => {
    expect(() => assignSteps(['x: y'], [])).toThrow(/already in your journal/);
    expect(assignSteps([], [])).toEqual([]);
  });

  it.each([
    [['The launch'], 1, [['tom-o-brien', 'The launch']]],
    // One person: a prefix is kept as typed, as for the other lists.
    [['Tom: The launch'], 1, [['tom-o-brien', 'Tom: The launch']]],
    [
      ['The launch'],
      2,
      [
        ['tom-o-brien', 'The launch'],
        ['zoe-muller', 'The launch'],
      ],
    ],
    [['Zoë: Covering on-call', ' '], 2, [['zoe-muller', 'Covering on-call']]],
  ])('--thanks %j with %i there', (entries, count, expected) => {
    const there = people().slice(0, count);
    expect(assignThanks(entries, [...there]).map((t) => [t.personId, t.text])).toEqual(expected);
  });
});
