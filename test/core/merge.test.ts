import { describe, expect, it } from 'vitest';
import { logConversation } from '../../src/core/conversations.js';
import { addNote } from '../../src/core/facts.js';
import { duplicateIds } from '../../src/core/integrity.js';
import { type Clock, emptyJournal, type Journal, type Person } from '../../src/core/journal.js';
import { foldJournals, mergeJournals } from '../../src/core/merge.js';
import type { MovedPerson } from '../../src/core/merge-moved.js';
import type { Separated } from '../../src/core/merge-namesakes.js';
import { notTaken } from '../../src/core/merge-report.js';
import { keepForgets } from '../../src/core/merge-tombstones.js';
import { addPerson } from '../../src/core/new-person.js';
import { forgetPerson, mergePeople as realMerge } from '../../src/core/people.js';
import { seeded } from '../../src/core/seeded.js';
import { recordPersonMerge, snapshotRecords, stampChanges, tombstoneKey } from '../../src/core/tombstones.js';
import { wholePerson } from '../helpers/journal.js';

/** A small deterministic random source (mulberry32), so a failing seed can be replayed. */
function random(seed: number) {
  const next = seeded(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: T[]): T | undefined => (list.length ? list[Math.floor(next() * list.length)] : undefined),
  };
}
type Random = ReturnType<typeof random>;

/** A side of the merge: a journal changed the way the store changes it (stamps, tombstones). */
function side(journal: Journal, tag: string, startMinute: number) {
  let minute = startMinute;
  let counter = 0;
  const clock = (): Clock => ({
    now: new Date(Date.UTC(2026, 10, 1, 9, minute++)),
    newId: () => `${tag}${(counter++).toString(36)}`,
  });
  const change = (fn: (j: Journal, c: Clock) => void) => {
    const c = clock();
    const before = snapshotRecords(journal);
    fn(journal, c);
    stampChanges(before, journal, c.now);
  };
  return { journal, change };
}

const NAMES = ['Ana Silva', 'Bo Chen', 'Cy Diaz', 'Dee Eze', 'Eli Fox', 'Fay Gil', 'Gus Ho', 'Hal Ito'];

/** One random operation, as rel's commands would make it. */
function randomOp(rnd: Random, s: ReturnType<typeof side>, tag: string): void {
  const j = s.journal;
  const op = rnd.int(10);
  const person = rnd.pick(j.people);
  if (op === 0 || !person) {
    s.change((jj, c) => addPerson(jj, { name: `${tag} ${rnd.pick(NAMES)} ${rnd.int(1000)}` }, c));
  } else if (op <= 2) {
    const others = j.people.filter((p) => p !== person && rnd.next() < 0.3).map((p) => p.id);
    s.change((jj, c) =>
      logConversation(
        jj,
        {
          date: '2026-11-01',
          with: [person.id, ...others],
          kind: rnd.pick(['1:2:1', 'coffee', 'call'])!,
          minutes: 30,
          note: `note ${rnd.int(100)}`,
          heard: [`heard ${rnd.int(100)}`],
          about: {
            [person.id]: {
              ambitions: rnd.next() < 0.5 ? ['lead'] : [],
              skills: [],
              followUps: [{ text: 'send doc', due: null }],
              askNext: [],
            },
          },
        },
        c,
      ),
    );
  } else if (op === 3) {
    s.change((jj) => {
      const p = jj.people.find((x) => x.id === person.id)!;
      p.role = rnd.pick(['lead', 'engineer', 'designer', 'manager'])!;
    });
  } else if (op === 4) {
    s.change((jj) => {
      const p = jj.people.find((x) => x.id === person.id)!;
      p.tags = [...new Set([...p.tags, rnd.pick(['ops', 'web', 'ml'])!])];
    });
  } else if (op === 5) {
    s.change((jj, c) => {
      const p = jj.people.find((x) => x.id === person.id)!;
      p.archivedAt = p.archivedAt ? null : c.now.toISOString();
    });
  } else if (op === 6) {
    const conversation = rnd.pick(j.conversations);
    if (conversation)
      s.change((jj) => {
        jj.conversations = jj.conversations.filter((x) => x.id !== conversation.id);
        jj.followUps = jj.followUps.filter((f) => f.conversationId !== conversation.id);
      });
  } else if (op === 7) {
    const followUp = rnd.pick(j.followUps.filter((f) => !f.doneAt));
    if (followUp)
      s.change((jj, c) => {
        jj.followUps.find((f) => f.id === followUp.id)!.doneAt = c.now.toISOString();
      });
  } else if (op === 8) {
    const keep = rnd.pick(j.people.filter((p) => p.id !== person.id));
    if (keep) s.change((jj, c) => mergePeople(jj, person.id, keep.id, c.now));
  } else {
    // A listening note added later (rel conversation edit), heard from one of them or the group.
    const conversation = rnd.pick(j.conversations.filter((c) => c.with.length > 1));
    if (conversation)
      s.change((jj) => {
        const c = jj.conversations.find((x) => x.id === conversation.id)!;
        const from = rnd.pick([...c.with, null]) ?? null;
        c.heardFrom = [...c.heard.map((_, i) => c.heardFrom?.[i] ?? null), from];
        c.heard = [...c.heard, `${tag} heard ${rnd.int(100)}`];
      });
  }
}

/** What `rel merge <keep> <duplicate>` does to the data. */
function mergePeople(j: Journal, duplicateId: string, keepId: string, now: Date): void {
  const dup = j.people.find((p) => p.id === duplicateId)!;
  const keep = j.people.find((p) => p.id === keepId)!;
  keep.aliases = [...new Set([...keep.aliases, dup.name, ...dup.aliases])];
  keep.ambitions.push(...dup.ambitions);
  keep.skills.push(...dup.skills);
  for (const c of j.conversations)
    if (c.with.includes(duplicateId))
      c.with = [...new Set(c.with.map((w) => (w === duplicateId ? keepId : w)))];
  for (const f of j.followUps) if (f.personId === duplicateId) f.personId = keepId;
  j.people = j.people.filter((p) => p.id !== duplicateId);
  recordPersonMerge(j, duplicateId, keepId, now);
}

function idsOf(j: Journal): Set<string> {
  return new Set([...j.people, ...j.conversations, ...j.followUps].map((r) => r.id));
}

function generate(seed: number) {
  const rnd = random(seed);
  const base = side(emptyJournal(), 'o', 0);
  for (let i = 0; i < 6 + rnd.int(10); i++) randomOp(rnd, base, 'o');
  const a = side(structuredClone(base.journal), 'a', 100);
  const b = side(structuredClone(base.journal), 'b', 100);
  const deletedBy = { a: new Set<string>(), b: new Set<string>() };
  for (const [s, tag] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    for (let i = 0; i < 3 + rnd.int(12); i++) {
      const before = idsOf(s.journal);
      randomOp(rnd, s, tag);
      for (const id of before) if (!idsOf(s.journal).has(id)) deletedBy[tag].add(id);
    }
  }
  return { base: base.journal, a: a.journal, b: b.journal, deletedBy };
}

describe('merge of generated journals', () => {
  const seeds = Array.from({ length: 150 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: the same for (a, b) and (b, a)', (seed) => {
    const { base, a, b } = generate(seed);
    expect(JSON.stringify(mergeJournals(base, a, b))).toBe(JSON.stringify(mergeJournals(base, b, a)));
  });

  it.each(seeds)('seed %i: keeps every record added on either side and not deleted there', (seed) => {
    const { base, a, b, deletedBy } = generate(seed);
    const merged = idsOf(mergeJournals(base, a, b));
    const baseIds = idsOf(base);
    for (const [j, deleted] of [
      [a, deletedBy.a],
      [b, deletedBy.b],
    ] as const) {
      for (const id of idsOf(j)) if (!baseIds.has(id) && !deleted.has(id)) expect(merged).toContain(id);
    }
  });

  it.each(seeds)('seed %i: nothing deleted on one side comes back; no dangling person ids', (seed) => {
    const { base, a, b, deletedBy } = generate(seed);
    const merged = mergeJournals(base, a, b);
    const ids = idsOf(merged);
    // Two sides that merged the same people in opposite directions keep one of them (by design).
    const targets = (j: Journal) =>
      new Set(j.tombstones.flatMap((s) => (s.mergedInto ? [s.mergedInto] : [])));
    const [aTargets, bTargets] = [targets(a), targets(b)];
    for (const id of deletedBy.a) if (!bTargets.has(id)) expect(ids).not.toContain(id);
    for (const id of deletedBy.b) if (!aTargets.has(id)) expect(ids).not.toContain(id);
    const people = new Set(merged.people.map((p) => p.id));
    for (const c of merged.conversations) for (const w of c.with) expect(people).toContain(w);
    for (const f of merged.followUps) expect(people).toContain(f.personId);
  });

  it.each(seeds)('seed %i: each listening note keeps whom it was heard from', (seed) => {
    const { base, a, b } = generate(seed);
    const merged = mergeJournals(base, a, b);
    const said = new Map<string, string | null>();
    for (const j of [a, b])
      for (const c of j.conversations)
        for (const [i, note] of c.heard.entries()) said.set(note, c.heardFrom?.[i] ?? null);
    for (const c of merged.conversations) {
      if (c.heardFrom) expect(c.heardFrom).toHaveLength(c.heard.length);
      c.heard.forEach((note, i) => {
        // A note heard from someone merged away since is theirs who kept them: the merge re-points it.
        const from = c.heardFrom?.[i] ?? null;
        const heardFrom = said.get(note);
        if (!heardFrom || from === heardFrom) return;
        let keeper = heardFrom;
        for (let hops = 0; hops < 10; hops++) {
          const key = tombstoneKey('people', keeper);
          const next = merged.tombstones.find((t) => t.idHash === key && t.mergedInto)?.mergedInto;
          if (!next) break;
          keeper = next;
        }
        expect(from).toBe(keeper);
      });
    }
  });

  it.each(seeds.slice(0, 40))('seed %i: folding a conflict copy keeps both sides', (seed) => {
    const { a, b, deletedBy } = generate(seed);
    const folded = idsOf(foldJournals(a, b));
    for (const id of [...idsOf(a), ...idsOf(b)])
      if (!deletedBy.a.has(id) && !deletedBy.b.has(id)) expect(folded).toContain(id);
  });
});

/** `fields` may be partial records: the merge must carry whatever a file holds. */
function person(id: string, fields: Record<string, unknown> = {}) {
  const at = '2026-11-01T09:00:00.000Z';
  return wholePerson(id, id, { createdAt: at, updatedAt: at, ...(fields as Partial<Person>) });
}

function journal(fields: Partial<Journal>): Journal {
  return { ...emptyJournal(), ...fields } as Journal;
}

describe('merge rules', () => {
  const T1 = '2026-11-02T09:00:00.000Z';
  const T2 = '2026-11-03T09:00:00.000Z';

  it.each([
    {
      rule: 'a field changed on one side is taken from it',
      ours: { role: 'lead', updatedAt: T1 },
      theirs: { team: 'Web', updatedAt: T2 },
      expected: { role: 'lead', team: 'Web', updatedAt: T2 },
    },
    {
      rule: 'a field changed on both sides goes to the later updatedAt',
      ours: { role: 'lead', updatedAt: T2 },
      theirs: { role: 'manager', updatedAt: T1 },
      expected: { role: 'lead', updatedAt: T2 },
    },
    {
      rule: 'a tie is broken by the value, whichever side is ours',
      ours: { role: 'lead', updatedAt: T1 },
      theirs: { role: 'manager', updatedAt: T1 },
      expected: { role: 'manager', updatedAt: T1 },
    },
    {
      rule: 'tags merge as sets',
      ours: { tags: ['a', 'ops'], updatedAt: T1 },
      theirs: { tags: ['web'], updatedAt: T2 },
      expected: { tags: ['ops', 'web'], updatedAt: T2 },
    },
  ])('$rule', ({ ours, theirs, expected }) => {
    const base = journal({ people: [person('ana', { tags: ['a'] })] });
    const o = journal({ people: [person('ana', { tags: ['a'], ...ours })] });
    const t = journal({ people: [person('ana', { tags: ['a'], ...theirs })] });
    for (const merged of [mergeJournals(base, o, t), mergeJournals(base, t, o)]) {
      expect(merged.people[0]).toMatchObject(expected);
    }
  });

  it('keeps ambitions added on both sides to the same person', () => {
    const ambition = (id: string) => ({ id, text: id, addedOn: '2026-11-02', status: 'active' });
    const base = journal({ people: [person('ana')] });
    const o = journal({ people: [person('ana', { ambitions: [ambition('x')], updatedAt: T1 })] });
    const t = journal({ people: [person('ana', { ambitions: [ambition('y')], updatedAt: T2 })] });
    expect(mergeJournals(base, o, t).people[0]!.ambitions.map((a) => a.id)).toEqual(['x', 'y']);
  });

  it('does not bring back a deleted record, even one edited on the other side', () => {
    const base = journal({ people: [person('ana'), person('bo')] });
    const o = journal({ people: [person('ana')] });
    const before = snapshotRecords(base);
    stampChanges(before, o, new Date(T1));
    const t = journal({ people: [person('ana'), person('bo', { role: 'lead', updatedAt: T2 })] });
    expect(mergeJournals(base, o, t).people.map((p) => p.id)).toEqual(['ana']);
    // A later fold of an old copy that still has bo does not bring him back either.
    expect(foldJournals(mergeJournals(base, o, t), base).people.map((p) => p.id)).toEqual(['ana']);
  });

  it("re-points the other side's conversations with a person merged away", () => {
    const conv = (id: string, w: string[]) => ({
      id,
      date: '2026-11-02',
      with: w,
      kind: 'call',
      minutes: null,
      note: '',
      heard: [],
      createdAt: T1,
    });
    const base = journal({ people: [person('ana'), person('ana-2')] });
    const o = journal({ people: [person('ana', { aliases: ['ana-2'] })] });
    recordPersonMerge(o, 'ana-2', 'ana', new Date(T1));
    const t = journal({
      people: [person('ana'), person('ana-2')],
      conversations: [conv('c1', ['ana-2']), conv('c2', ['ana', 'ana-2'])],
      followUps: [
        {
          id: 'f1',
          personId: 'ana-2',
          conversationId: 'c1',
          text: 'x',
          owner: 'me' as const,
          due: null,
          doneAt: null,
          createdAt: T1,
        },
      ],
    });
    for (const merged of [mergeJournals(base, o, t), mergeJournals(base, t, o)]) {
      expect(merged.people.map((p) => p.id)).toEqual(['ana']);
      expect(merged.conversations.map((c) => c.with)).toEqual([['ana'], ['ana']]);
      expect(merged.followUps[0]!.personId).toBe('ana');
    }
  });

  it('a group follow-up on the other side goes on with the others when one of them was forgotten', () => {
    const base = journal({ people: [person('ana'), person('bo'), person('cy')] });
    const o = journal({ people: [person('bo'), person('cy')] });
    stampChanges(snapshotRecords(base), o, new Date(T1)); // ana forgotten here
    const followUp = (id: string, personIds: string[]) => ({
      id,
      personId: personIds[0]!,
      personIds,
      conversationId: null,
      text: id,
      owner: 'me' as const,
      due: null,
      doneAt: null,
      createdAt: T2,
    });
    const t = journal({
      people: [person('ana'), person('bo'), person('cy')],
      followUps: [followUp('shared', ['ana', 'bo', 'cy']), followUp('two', ['ana', 'bo'])],
    });
    for (const merged of [mergeJournals(base, o, t), mergeJournals(base, t, o)]) {
      expect(merged.followUps.map((f) => [f.id, f.personId, f.personIds])).toEqual([
        ['shared', 'bo', ['bo', 'cy']],
        ['two', 'bo', ['bo']],
      ]);
    }
  });

  it('a conversation of two, each side forgetting one of them: dropped, never left with no one', () => {
    const shared = () => ({
      id: 'c1',
      date: '2026-11-02',
      with: ['xia', 'yan'],
      kind: 'coffee',
      minutes: null,
      note: 'coffee with both',
      heard: [],
      createdAt: '2026-11-01T09:00:00.000Z',
    });
    const base = journal({
      people: [person('ana'), person('xia'), person('yan')],
      conversations: [shared()],
    });
    const forgetting = (id: string, at: string) => {
      const j = structuredClone(base);
      const before = snapshotRecords(j);
      forgetPerson(j, id);
      stampChanges(before, j, new Date(at), undefined, true);
      return j;
    };
    const o = forgetting('xia', T1);
    const t = forgetting('yan', T2);
    for (const merged of [mergeJournals(base, o, t), mergeJournals(base, t, o)]) {
      expect(merged.people.map((p) => p.id)).toEqual(['ana']);
      expect(merged.conversations).toEqual([]);
    }
  });

  it('a conversation of two merged in opposite directions stays with the one kept', () => {
    const shared = {
      id: 'c1',
      date: '2026-11-02',
      with: ['xia', 'yan'],
      kind: 'coffee',
      minutes: null,
      note: 'coffee with both',
      heard: [],
      createdAt: '2026-11-01T09:00:00.000Z',
    };
    const base = journal({ people: [person('xia'), person('yan')], conversations: [shared] });
    const o = structuredClone(base);
    mergePeople(o, 'yan', 'xia', new Date(T1));
    const t = structuredClone(base);
    mergePeople(t, 'xia', 'yan', new Date(T2));
    for (const merged of [mergeJournals(base, o, t), mergeJournals(base, t, o)]) {
      expect(merged.people.map((p) => p.id)).toEqual(['xia']);
      expect(merged.conversations.map((c) => c.with)).toEqual([['xia']]);
    }
  });

  it('keeps one of two people merged into each other in opposite directions', () => {
    const base = journal({ people: [person('ana'), person('anna')] });
    const o = journal({ people: [person('ana')] });
    recordPersonMerge(o, 'anna', 'ana', new Date(T1));
    const t = journal({ people: [person('anna')] });
    recordPersonMerge(t, 'ana', 'anna', new Date(T1));
    for (const merged of [mergeJournals(base, o, t), mergeJournals(base, t, o)]) {
      expect(merged.people.map((p) => p.id)).toEqual(['ana']);
      expect(merged.tombstones.map((s) => s.mergedInto)).toEqual(['ana']);
    }
  });

  it('the same person added on both sides becomes one', () => {
    const base = journal({});
    const o = journal({ people: [person('ana', { role: 'lead', updatedAt: T1 })] });
    const t = journal({ people: [person('ana', { team: 'Web', updatedAt: T2 })] });
    const merged = mergeJournals(base, o, t);
    expect(merged.people).toHaveLength(1);
    expect(merged.people[0]).toMatchObject({ team: 'Web' });
  });

  it("fold keeps both sides' records and the newer version of a shared one", () => {
    const o = journal({ people: [person('ana', { role: 'lead', updatedAt: T1 }), person('bo')] });
    const t = journal({ people: [person('ana', { role: 'manager', updatedAt: T2 }), person('cy')] });
    const folded = foldJournals(o, t);
    expect(folded.people.map((p) => p.id)).toEqual(['ana', 'bo', 'cy']);
    expect(folded.people[0]!.role).toBe('manager');
  });

  it('upgrades a schema 1 side', () => {
    const base = { ...journal({}), schema: 1 } as Journal;
    delete (base as Partial<Journal>).tombstones;
    const merged = mergeJournals(base, base, journal({ people: [person('ana')] }));
    expect(merged.schema).toBe(2);
    expect(merged.tombstones).toEqual([]);
  });
});

describe('a tombstone removes only the record it was left for', () => {
  const [T0, DELETED, T2] = [
    '2026-11-01T09:00:00.000Z',
    '2026-11-02T09:00:00.000Z',
    '2026-11-03T09:00:00.000Z',
  ];
  const stone = (mergedInto?: string) => ({
    collection: 'people',
    idHash: tombstoneKey('people', 'bo'),
    deletedAt: DELETED,
    ...(mergedInto ? { mergedInto } : {}),
  });
  const conv = (id: string, createdAt: string) => ({
    id,
    date: createdAt.slice(0, 10),
    with: ['bo'],
    kind: 'call',
    minutes: null,
    note: id,
    heard: [],
    createdAt,
    updatedAt: createdAt,
  });
  const bo = (createdAt: string, updatedAt = createdAt) => person('bo', { createdAt, updatedAt });
  const ana = person('ana');
  it.each([
    {
      rule: 'bo deleted, then added again on ours; theirs has the tombstone',
      base: journal({ people: [ana], tombstones: [stone()] }),
      ours: journal({ people: [ana, bo(T2)], conversations: [conv('new', T2)] }),
      theirs: journal({ people: [ana], tombstones: [stone()] }),
      people: ['ana', 'bo'],
      conversations: { new: ['bo'] },
      stones: 0,
    },
    {
      rule: 'added again on ours; no tombstone on either side now',
      base: journal({ people: [ana] }),
      ours: journal({ people: [ana, bo(T2)], conversations: [conv('new', T2)] }),
      theirs: journal({ people: [ana] }),
      people: ['ana', 'bo'],
      conversations: { new: ['bo'] },
      stones: 0,
    },
    {
      rule: 'added again on ours, folded into a copy with the tombstone (no ancestor)',
      base: null,
      ours: journal({ people: [ana, bo(T2)], conversations: [conv('new', T2)] }),
      theirs: journal({ people: [ana], tombstones: [stone()] }),
      people: ['ana', 'bo'],
      conversations: { new: ['bo'] },
      stones: 0,
    },
    {
      rule: 'bo merged into ana, added again: the new bo stays; an old conversation still moves to ana',
      base: journal({ people: [ana], conversations: [], tombstones: [stone('ana')] }),
      ours: journal({ people: [ana, bo(T2)], conversations: [conv('new', T2)] }),
      theirs: journal({ people: [ana], conversations: [conv('old', T0)], tombstones: [stone('ana')] }),
      people: ['ana', 'bo'],
      conversations: { new: ['bo'], old: ['ana'] },
      stones: 0,
    },
    {
      rule: 'a real deletion after an edit on the other side still wins',
      base: journal({ people: [ana, bo(T0)], conversations: [conv('old', T0)] }),
      ours: journal({ people: [ana, bo(T0, '2026-11-01T12:00:00.000Z')], conversations: [conv('old', T0)] }),
      theirs: journal({ people: [ana], tombstones: [stone()] }),
      people: ['ana'],
      conversations: {},
      stones: 1,
    },
    {
      rule: 'an edit made after the deletion does not bring the old record back',
      base: journal({ people: [ana, bo(T0)] }),
      ours: journal({ people: [ana, bo(T0, T2)] }),
      theirs: journal({ people: [ana], tombstones: [stone()] }),
      people: ['ana'],
      conversations: {},
      stones: 1,
    },
  ])('$rule', ({ base, ours, theirs, people, conversations, stones }) => {
    for (const [o, t] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const merged = mergeJournals(base, o, t);
      expect(merged.people.map((p) => p.id).sort()).toEqual(people);
      expect(Object.fromEntries(merged.conversations.map((c) => [c.id, c.with]))).toEqual(conversations);
      expect(merged.tombstones).toHaveLength(stones);
    }
  });
});

describe('what a merge did not take from the other side', () => {
  const [T0, T1, T2] = ['2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z', '2026-11-03T09:00:00.000Z'];
  const base = journal({ people: [person('ana', { updatedAt: T0 }), person('bo', { updatedAt: T0 })] });
  const deletedBo = () => {
    const o = journal({ people: [person('ana', { updatedAt: T0 })] });
    stampChanges(snapshotRecords(base), o, new Date(T1));
    return o;
  };
  it.each([
    {
      rule: 'their edit of a person deleted here',
      ours: deletedBo(),
      theirs: journal({
        people: [person('ana', { updatedAt: T0 }), person('bo', { role: 'lead', updatedAt: T2 })],
      }),
      notTaken: '1 person',
    },
    {
      rule: 'their field changed here later',
      ours: journal({
        people: [person('ana', { role: 'lead', updatedAt: T2 }), person('bo', { updatedAt: T0 })],
      }),
      theirs: journal({
        people: [person('ana', { role: 'cto', updatedAt: T1 }), person('bo', { updatedAt: T0 })],
      }),
      notTaken: '1 person',
    },
    {
      rule: 'their change taken beside ours in the same record',
      ours: journal({
        people: [person('ana', { team: 'Web', updatedAt: T2 }), person('bo', { updatedAt: T0 })],
      }),
      theirs: journal({
        people: [person('ana', { role: 'cto', tags: ['x'], updatedAt: T1 }), person('bo', { updatedAt: T0 })],
      }),
      notTaken: '',
    },
    {
      rule: 'nothing changed there',
      ours: deletedBo(),
      theirs: base,
      notTaken: '',
    },
  ])('$rule', ({ ours, theirs, notTaken: expected }) => {
    expect(notTaken(base, theirs, mergeJournals(base, ours, theirs))).toBe(expected);
  });
});

describe('a deletion taken back by an undo survives a merge with the side that has its tombstone', () => {
  const [T0, DELETED, UNDONE, FORGOT] = [
    '2026-11-01T09:00:00.000Z',
    '2026-11-02T09:00:00.000Z',
    '2026-11-03T09:00:00.000Z',
    '2026-11-02T12:00:00.000Z',
  ];
  const stone = (
    id: string,
    deletedAt: string,
    collection = 'people',
    extra: Record<string, string> = {},
  ) => ({
    collection,
    idHash: tombstoneKey(collection, id),
    deletedAt,
    ...extra,
  });
  const conv = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    date: '2026-11-01',
    with: ['bo'],
    kind: 'call',
    minutes: null,
    note: id,
    heard: [],
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  });
  const ana = person('ana');
  const bo = (extra: Record<string, unknown> = {}) => person('bo', { createdAt: T0, ...extra });
  const restored = { updatedAt: UNDONE, restores: DELETED };
  it.each([
    {
      rule: 'a conversation deleted, synced, then undone on ours: it stays, and the tombstone goes',
      base: journal({ people: [ana, bo()], tombstones: [stone('c1', DELETED, 'conversations')] }),
      ours: journal({ people: [ana, bo()], conversations: [conv('c1', restored)] }),
      theirs: journal({
        people: [ana, bo({ role: 'lead', updatedAt: UNDONE })],
        tombstones: [stone('c1', DELETED, 'conversations')],
      }),
      people: ['ana', 'bo'],
      conversations: { c1: ['bo'] },
      stones: 0,
    },
    {
      rule: 'the same, folded with no ancestor',
      base: null,
      ours: journal({ people: [ana, bo()], conversations: [conv('c1', restored)] }),
      theirs: journal({ people: [ana, bo()], tombstones: [stone('c1', DELETED, 'conversations')] }),
      people: ['ana', 'bo'],
      conversations: { c1: ['bo'] },
      stones: 0,
    },
    {
      rule: 'a merge of bo into ana undone: bo and his conversation are back, not moved to ana',
      base: journal({
        people: [ana],
        conversations: [conv('c1', { with: ['ana'] })],
        tombstones: [stone('bo', DELETED, 'people', { mergedInto: 'ana' })],
      }),
      ours: journal({ people: [ana, bo(restored)], conversations: [conv('c1', { updatedAt: UNDONE })] }),
      theirs: journal({
        people: [ana],
        conversations: [conv('c1', { with: ['ana'] })],
        tombstones: [stone('bo', DELETED, 'people', { mergedInto: 'ana' })],
      }),
      people: ['ana', 'bo'],
      conversations: { c1: ['bo'] },
      stones: 0,
    },
    {
      rule: 'forget wins: bo forgotten on theirs while ours undid an earlier deletion of him',
      base: journal({ people: [ana, bo()], conversations: [conv('c1')] }),
      ours: journal({ people: [ana, bo(restored)], conversations: [conv('c1')] }),
      theirs: journal({
        people: [ana],
        tombstones: [stone('bo', FORGOT), stone('c1', FORGOT, 'conversations')],
      }),
      people: ['ana'],
      conversations: {},
      stones: 2,
    },
    {
      rule: 'forget wins when a merge kept the other deletion: the undo takes back only its own',
      base: journal({
        people: [ana],
        tombstones: [stone('bo', DELETED, 'people', { mergedInto: 'ana', alsoDeletedAt: FORGOT })],
      }),
      ours: journal({ people: [ana, bo(restored)] }),
      theirs: journal({
        people: [ana],
        tombstones: [stone('bo', DELETED, 'people', { mergedInto: 'ana', alsoDeletedAt: FORGOT })],
      }),
      people: ['ana'],
      conversations: {},
      stones: 1,
    },
    {
      rule: 'an edit after the deletion (no undo) still does not bring it back',
      base: journal({ people: [ana, bo()] }),
      ours: journal({ people: [ana, bo({ updatedAt: UNDONE, role: 'lead' })] }),
      theirs: journal({ people: [ana], tombstones: [stone('bo', DELETED)] }),
      people: ['ana'],
      conversations: {},
      stones: 1,
    },
  ])('$rule', ({ base, ours, theirs, people, conversations, stones }) => {
    for (const [o, t] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const merged = mergeJournals(base, o as Journal, t as Journal);
      expect(merged.people.map((p) => p.id).sort()).toEqual(people);
      expect(Object.fromEntries(merged.conversations.map((c) => [c.id, c.with]))).toEqual(conversations);
      expect(merged.tombstones).toHaveLength(stones);
    }
  });

  const FORGET_STONES = [
    { ...stone('bo', FORGOT), forgotten: true as const },
    { ...stone('c1', FORGOT, 'conversations'), forgotten: true as const },
  ];
  it.each([
    {
      rule: 'a forget taken back by an undo of the sync that brought it (restores = its time): it stays',
      base: journal({ people: [ana], tombstones: FORGET_STONES }),
      ours: journal({
        people: [ana, bo({ updatedAt: UNDONE, restores: FORGOT })],
        conversations: [conv('c1', { updatedAt: UNDONE, restores: FORGOT })],
      }),
      theirs: journal({ people: [ana], tombstones: FORGET_STONES }),
    },
    {
      rule: 'a backup from before the forget restored on ours (no tombstone): the ancestor keeps it',
      base: journal({ people: [ana], tombstones: FORGET_STONES }),
      ours: journal({ people: [ana, bo()], conversations: [conv('c1')] }),
      theirs: journal({ people: [ana], tombstones: FORGET_STONES }),
    },
    {
      rule: 'both sides lost the forget tombstones: the ancestor still has them',
      base: journal({ people: [ana], tombstones: FORGET_STONES }),
      ours: journal({ people: [ana, bo()], conversations: [conv('c1')] }),
      theirs: journal({
        people: [ana, bo({ role: 'lead', updatedAt: UNDONE })],
        conversations: [conv('c1')],
      }),
    },
    {
      rule: 'folded with no ancestor, one side holding the forget and the other the person restored',
      base: null,
      ours: journal({ people: [ana, bo({ restores: FORGOT })], conversations: [conv('c1')] }),
      theirs: journal({ people: [ana], tombstones: FORGET_STONES }),
    },
    {
      rule: 'a plain deletion of bo on one side and a forget on the other: the forget is kept',
      base: journal({ people: [ana, bo()], conversations: [conv('c1')] }),
      ours: journal({ people: [ana], conversations: [conv('c1')], tombstones: [stone('bo', DELETED)] }),
      theirs: journal({ people: [ana], tombstones: FORGET_STONES }),
    },
  ])('$rule', ({ base, ours, theirs }) => {
    for (const [o, t] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const merged = mergeJournals(base, o as Journal, t as Journal);
      expect(merged.people.map((p) => p.id)).toEqual(['ana']);
      expect(merged.conversations).toEqual([]);
      const kept = merged.tombstones.filter((s) => s.forgotten);
      expect(kept.map((s) => s.idHash).sort()).toEqual(FORGET_STONES.map((s) => s.idHash).sort());
    }
  });

  it('a person added again after a forget (created later) stays, with what was made about them since', () => {
    const again = person('bo', { createdAt: UNDONE, updatedAt: UNDONE });
    const merged = mergeJournals(
      journal({ people: [ana], tombstones: FORGET_STONES }),
      journal({
        people: [ana, again],
        conversations: [conv('c2', { createdAt: UNDONE })],
        tombstones: FORGET_STONES,
      }),
      journal({ people: [ana], tombstones: FORGET_STONES }),
    );
    expect(merged.people.map((p) => p.id)).toEqual(['ana', 'bo']);
    expect(merged.conversations.map((c) => c.id)).toEqual(['c2']);
  });

  it('keepForgets: a change that lost the forget tombstones gets them back, and what they name goes', () => {
    const j = journal({ people: [ana, bo()], conversations: [conv('c1')] });
    expect(keepForgets(j, FORGET_STONES)).toBe(true);
    expect(j.people.map((p) => p.id)).toEqual(['ana']);
    expect(j.conversations).toEqual([]);
    expect(j.tombstones).toEqual(FORGET_STONES);
    expect(keepForgets(j, FORGET_STONES)).toBe(false);
  });

  it('a forget leaves tombstones that say so', () => {
    const j = journal({ people: [ana, bo()], conversations: [conv('c1')] });
    const before = snapshotRecords(j);
    j.people = [ana];
    j.conversations = [];
    stampChanges(before, j, new Date(FORGOT), undefined, true);
    expect(j.tombstones).toEqual(FORGET_STONES.map((s) => ({ ...s, byId: true })));
  });

  // A forget made by this rel covers the id, whatever the clocks say (Tombstone.byId).
  const BY_ID = FORGET_STONES.map((s) => ({ ...s, byId: true as const }));
  const LATER = '2026-11-02T13:00:00.000Z';
  it('a forget made with a clock behind removes the person the other side had and logged with since', () => {
    // bo was made at LATER by the other machine's clock, synced; the forget's clock said FORGOT,
    // an hour before; the other side logged c2 with bo meanwhile.
    const before = journal({
      people: [ana, bo({ createdAt: LATER, updatedAt: LATER })],
      conversations: [conv('c1')],
    });
    const logged = journal({
      people: [ana, bo({ createdAt: LATER, updatedAt: UNDONE })],
      conversations: [conv('c1'), conv('c2', { createdAt: UNDONE, updatedAt: UNDONE })],
    });
    const forgot = journal({ people: [ana], tombstones: BY_ID });
    for (const [o, t] of [
      [logged, forgot],
      [forgot, logged],
    ] as const) {
      const merged = mergeJournals(before, o, t);
      expect(merged.people.map((p) => p.id)).toEqual(['ana']);
      expect(merged.conversations).toEqual([]);
      expect(merged.tombstones.filter((s) => s.byId)).toHaveLength(2);
    }
    // A restore of a backup that holds bo, on the machine that forgot, leaves him out too.
    const restoredHere = journal({
      people: [ana, bo({ createdAt: LATER, updatedAt: LATER })],
      conversations: [conv('c1')],
    });
    expect(keepForgets(restoredHere, BY_ID)).toBe(true);
    expect(restoredHere.people.map((p) => p.id)).toEqual(['ana']);
  });

  it('a person added again after a forget takes another id, which the forget does not touch', () => {
    const j = journal({ people: [ana], tombstones: BY_ID });
    const again = addPerson(j, { name: 'Bo' }, { now: new Date(UNDONE), newId: () => 'x' });
    expect(again.id).not.toBe('bo');
    expect(again.id).toMatch(/^bo-[a-z0-9]+$/);
    const merged = mergeJournals(
      journal({ people: [ana], tombstones: BY_ID }),
      j,
      journal({ people: [ana], tombstones: BY_ID }),
    );
    expect(merged.people.map((p) => p.id)).toEqual(['ana', again.id]);
  });

  it('a person the other side made apart under a forgotten id is kept, under another id, with its records', () => {
    const base = journal({ people: [ana] });
    const forgot = journal({ people: [ana], tombstones: BY_ID });
    // Made after the common ancestor, on the side that never had the forgotten bo: another person,
    // even with a clock that puts them before the forget.
    const other = journal({
      people: [ana, bo({ createdAt: T0, name: 'Bo Other' })],
      conversations: [conv('c2', { createdAt: T0 })],
      followUps: [{ id: 'f1', personId: 'bo', text: 'x', due: null, doneAt: null, createdAt: T0 } as never],
    });
    const separated: Separated[] = [];
    const one = mergeJournals(base, forgot, other, separated);
    const two = mergeJournals(base, other, forgot);
    // The id rel add would give Bo Other: the slug of the name, free.
    const to = 'bo-other';
    for (const merged of [one, two]) {
      expect(merged.people.map((p) => [p.id, p.name])).toEqual([
        ['ana', 'ana'],
        [to, 'Bo Other'],
      ]);
      expect(merged.conversations.map((c) => c.with)).toEqual([[to]]);
      expect(merged.followUps.map((f) => f.personId)).toEqual([to]);
    }
    expect(separated).toEqual([{ from: 'bo', to, name: 'Bo Other', reason: 'forgotten', createdAt: T0 }]);
  });

  it('two people made apart with one id (the same name on two machines) are both kept whole', () => {
    const base = journal({ people: [ana] });
    const cto = bo({
      name: 'Bo',
      createdAt: DELETED,
      updatedAt: DELETED,
      role: 'CTO',
      team: 'Exec',
      birthday: '1980-05-05',
      cadenceDays: 7,
    });
    const neighbour = bo({
      name: 'Bo',
      createdAt: UNDONE,
      updatedAt: UNDONE,
      role: 'Neighbour',
      relationship: 'friend',
    });
    const ours = journal({ people: [ana, cto], conversations: [conv('c1', { createdAt: DELETED })] });
    const theirs = journal({ people: [ana, neighbour], conversations: [conv('c2', { createdAt: UNDONE })] });
    const separated: Separated[] = [];
    const one = mergeJournals(base, ours, theirs, separated);
    const two = mergeJournals(base, theirs, ours);
    // The id rel add gives a second Bo: the slug and six letters and digits, alike both ways round.
    const to = separated[0]!.to;
    expect(to).toMatch(/^bo-[a-z0-9]{6}$/);
    for (const merged of [one, two]) {
      const byId = Object.fromEntries(merged.people.map((p) => [p.id, p]));
      expect(Object.keys(byId).sort()).toEqual(['ana', 'bo', to].sort());
      expect(byId.bo).toMatchObject({ role: 'CTO', team: 'Exec', birthday: '1980-05-05', cadenceDays: 7 });
      expect(byId[to]).toMatchObject({
        role: 'Neighbour',
        relationship: 'friend',
        team: '',
        cadenceDays: null,
      });
      expect(Object.fromEntries(merged.conversations.map((c) => [c.id, c.with]))).toEqual({
        c1: ['bo'],
        c2: [to],
      });
      expect(merged.tombstones).toEqual([]);
    }
    expect(separated).toEqual([{ from: 'bo', to, name: 'Bo', reason: 'namesake', createdAt: UNDONE }]);
    // One record on both sides (the same createdAt) is one person: merged as before.
    const same = mergeJournals(
      base,
      journal({ people: [ana, cto] }),
      journal({ people: [ana, { ...cto, role: 'CEO', updatedAt: UNDONE }] }),
    );
    expect(same.people.map((p) => [p.id, p.role])).toEqual([
      ['ana', ''],
      ['bo', 'CEO'],
    ]);
  });

  it('two machines that deleted one record apart: the kept tombstone remembers the other deletion', () => {
    const merged = mergeJournals(
      null,
      journal({ people: [ana], tombstones: [stone('bo', DELETED, 'people', { mergedInto: 'ana' })] }),
      journal({ people: [ana], tombstones: [stone('bo', FORGOT)] }),
    );
    expect(merged.tombstones).toEqual([
      stone('bo', DELETED, 'people', { mergedInto: 'ana', alsoDeletedAt: FORGOT }),
    ]);
  });

  it('an undo that brings a deleted record back stamps it with the deletion it takes back; a new record of that id is not stamped', () => {
    const j = journal({ people: [ana], tombstones: [stone('bo', DELETED)] });
    const before = snapshotRecords(j);
    j.people.push(bo());
    stampChanges(before, j, new Date(UNDONE));
    expect(j.people[1]).toMatchObject({ restores: DELETED, updatedAt: UNDONE });
    expect(j.tombstones).toEqual([]);
    const again = journal({ people: [ana], tombstones: [stone('bo', DELETED)] });
    const snapshot = snapshotRecords(again);
    again.people.push(person('bo', { createdAt: UNDONE }));
    stampChanges(snapshot, again, new Date(UNDONE));
    expect(again.people[1]).not.toHaveProperty('restores');
  });
});

describe('a person merged away on one side and changed on the other', () => {
  /** A common start: Yan (a role of his own), Zed, and Xia with an ambition, a tag and a talk. */
  function start() {
    const base = side(emptyJournal(), 'o', 0);
    base.change((j, c) => {
      addPerson(j, { name: 'Yan Keep', role: 'Engineer', tags: ['mine'] }, c);
      addPerson(j, { name: 'Zed Keep' }, c);
      addPerson(j, { name: 'Xia Dup', tags: ['old', 'mine'] }, c);
    });
    base.change((j, c) =>
      logConversation(
        j,
        {
          date: '2026-11-01',
          with: ['xia-dup'],
          kind: '1:2:1',
          minutes: 30,
          note: 'talk',
          heard: ['likes clay'],
          heardFrom: ['xia-dup'],
          about: {
            'xia-dup': {
              ambitions: ['run a marathon'],
              skills: [],
              followUps: [{ text: 'book', due: null }],
              askNext: [],
            },
          },
        },
        c,
      ),
    );
    const fork = (tag: string, minute: number) => side(structuredClone(base.journal), tag, minute);
    return { base: base.journal, fork };
  }
  const who = (j: Journal, id: string) => j.people.find((p) => p.id === id)!;
  const merge = (keep: string, duplicate: string) => (j: Journal, c: Clock) =>
    realMerge(j, who(j, keep), who(j, duplicate), c.now);

  it('what one side gave them reaches the person kept; what cannot be placed is reported', () => {
    const { base, fork } = start();
    const a = fork('a', 100);
    a.change((j) => {
      const xia = who(j, 'xia-dup');
      Object.assign(xia, { role: 'Designer', team: 'Platform', tags: ['mine', 'ux'], aliases: ['Xi'] });
      xia.ambitions[0]!.status = 'achieved';
      xia.skills.push({ id: 'sk1', text: 'pottery', addedOn: '2026-11-02', conversationId: null });
    });
    const b = fork('b', 200);
    b.change(merge('yan-keep', 'xia-dup'));
    const moved: MovedPerson[] = [];
    const one = mergeJournals(base, a.journal, b.journal, [], moved);
    expect(JSON.stringify(mergeJournals(base, b.journal, a.journal))).toBe(JSON.stringify(one));
    expect(one.people.map((p) => p.id)).toEqual(['yan-keep', 'zed-keep']);
    const yan = who(one, 'yan-keep');
    expect(yan).toMatchObject({ role: 'Engineer', team: 'Platform', aliases: ['Xia Dup', 'Xi'] });
    // "old" came to Yan from Xia, and Xia lost it: it goes; "mine" Yan had of his own: it stays.
    expect(yan.tags.sort()).toEqual(['mine', 'ux']);
    expect(yan.ambitions.map((x) => [x.text, x.status])).toEqual([['run a marathon', 'achieved']]);
    expect(yan.skills.map((x) => x.text)).toEqual(['pottery']);
    expect(moved).toEqual([
      {
        kind: 'changed',
        name: 'Xia Dup',
        keeper: { id: 'yan-keep', name: 'Yan Keep' },
        changedBy: 0,
        taken: ['aliases', 'team', 'tags', 'ambitions', 'skills'],
        notPlaced: [{ field: 'role', value: 'Designer', keeper: 'Engineer' }],
      },
    ]);
    expect(notTaken(base, a.journal, one)).toBe('');
  });

  it('merged into two different people: the merge made first stands, no record is held twice', () => {
    const { base, fork } = start();
    const a = fork('a', 100);
    a.change(merge('yan-keep', 'xia-dup'));
    const b = fork('b', 200);
    b.change(merge('zed-keep', 'xia-dup'));
    b.change((j) => {
      who(j, 'zed-keep').ambitions[0]!.status = 'dropped';
    });
    const moved: MovedPerson[] = [];
    const one = mergeJournals(base, a.journal, b.journal, [], moved);
    expect(JSON.stringify(mergeJournals(base, b.journal, a.journal))).toBe(JSON.stringify(one));
    expect(duplicateIds(one)).toEqual([]);
    expect(who(one, 'yan-keep').ambitions.map((x) => [x.text, x.status])).toEqual([
      ['run a marathon', 'dropped'],
    ]);
    expect(who(one, 'zed-keep').ambitions).toEqual([]);
    expect(one.conversations.map((c) => [c.with, c.heardFrom])).toEqual([[['yan-keep'], ['yan-keep']]]);
    expect(one.followUps.map((f) => f.personId)).toEqual(['yan-keep']);
    expect(moved[0]).toEqual({
      kind: 'twoKeepers',
      name: 'Xia Dup',
      kept: { id: 'yan-keep', name: 'Yan Keep' },
      other: { id: 'zed-keep', name: 'Zed Keep' },
      side: 1,
      first: true,
      moved: { conversations: 1, followUps: 1, facts: 1 },
    });
  });
});

describe('one duplicate merged into two people: what was logged with the duplicate follows the merge that stands', () => {
  /** Xia, the duplicate; Yan and Zed, whom each machine kept; Ann, who was there too. */
  function start() {
    const base = side(emptyJournal(), 'o', 0);
    base.change((j, c) => {
      for (const name of ['Xia Dup', 'Yan Keep', 'Zed Keep', 'Ann Other']) addPerson(j, { name }, c);
    });
    return base.journal;
  }
  const who = (j: Journal, id: string) => j.people.find((p) => p.id === id)!;
  const talk = (tag: string, people: string[], heardFrom?: (string | null)[]) => (j: Journal, c: Clock) =>
    logConversation(
      j,
      {
        date: '2026-11-01',
        with: people,
        kind: 'call',
        minutes: 20,
        note: tag,
        heard: heardFrom ? heardFrom.map((_, i) => `${tag} heard ${i}`) : [],
        ...(heardFrom ? { heardFrom } : {}),
        about: {
          [people[0]!]: { ambitions: [], skills: [], followUps: [{ text: tag, due: null }], askNext: [] },
        },
      },
      c,
    );
  /**
   * One machine's work: before its merge, a talk with Xia, a talk with Xia and Ann in which
   * something was heard from each, a talk with Xia and the person it then keeps, a note on Xia;
   * then `rel merge <keeper> xia`; then a talk with the person kept.
   */
  const work = (s: ReturnType<typeof side>, tag: string, keeper: string) => {
    s.change(talk(`${tag} xia`, ['xia-dup']));
    s.change(talk(`${tag} xia+ann`, ['xia-dup', 'ann-other'], ['xia-dup', 'ann-other']));
    s.change(talk(`${tag} xia+keeper`, ['xia-dup', keeper]));
    s.change((j, c) => addNote(who(j, 'xia-dup'), `${tag} note`, '2026-11-01', c));
    s.change((j, c) => realMerge(j, who(j, keeper), who(j, 'xia-dup'), c.now));
    s.change(talk(`${tag} keeper after`, [keeper]));
  };

  it.each<{ name: string; aStart: number; bStart: number; kept: string; other: string }>([
    {
      name: "the first machine's merge is the earlier",
      aStart: 100,
      bStart: 200,
      kept: 'yan-keep',
      other: 'zed-keep',
    },
    {
      name: "the second machine's merge is the earlier",
      aStart: 200,
      bStart: 100,
      kept: 'zed-keep',
      other: 'yan-keep',
    },
  ])('$name', ({ aStart, bStart, kept, other }) => {
    const base = start();
    const a = side(structuredClone(base), 'a', aStart);
    const b = side(structuredClone(base), 'b', bStart);
    work(a, 'A', 'yan-keep');
    work(b, 'B', 'zed-keep');
    const moved: MovedPerson[] = [];
    const one = mergeJournals(base, a.journal, b.journal, [], moved);
    expect(JSON.stringify(mergeJournals(base, b.journal, a.journal))).toBe(JSON.stringify(one));
    expect(duplicateIds(one)).toEqual([]);
    const talks = Object.fromEntries(one.conversations.map((c) => [c.note, [c.with, c.heardFrom]]));
    const keeperOf = { A: 'yan-keep', B: 'zed-keep' };
    for (const tag of ['A', 'B'] as const) {
      // Logged with Xia: with whom Xia's surviving merge points at, on either machine.
      expect(talks[`${tag} xia`]).toEqual([[kept], undefined]);
      expect(talks[`${tag} xia+ann`]).toEqual([
        [kept, 'ann-other'],
        [kept, 'ann-other'],
      ]);
      // Logged with the person kept after the merge: theirs, whichever merge stands.
      expect(talks[`${tag} keeper after`]).toEqual([[keeperOf[tag]], undefined]);
    }
    // With Xia and the person the merge taken back kept: both stay in it, Xia as the one kept now.
    const beside = keeperOf[other === 'yan-keep' ? 'A' : 'B'];
    expect(new Set(talks[`${other === 'yan-keep' ? 'A' : 'B'} xia+keeper`]![0])).toEqual(
      new Set([beside, kept]),
    );
    expect(talks[`${other === 'yan-keep' ? 'B' : 'A'} xia+keeper`]).toEqual([[kept], undefined]);
    const followUps = Object.fromEntries(one.followUps.map((f) => [f.text, f.personId]));
    expect(followUps).toMatchObject({
      'A xia': kept,
      'B xia': kept,
      'A keeper after': 'yan-keep',
      'B keeper after': 'zed-keep',
    });
    expect(
      who(one, kept)
        .notes.map((n) => n.text)
        .sort(),
    ).toEqual(['A note', 'B note']);
    expect(who(one, other).notes).toEqual([]);
    // Xia's note, put back as the merge taken back had it, then placed as a change made there.
    expect(moved).toContainEqual({
      kind: 'changed',
      name: 'Xia Dup',
      keeper: { id: kept, name: who(one, kept).name },
      changedBy: other === 'yan-keep' ? 0 : 1,
      taken: ['notes'],
      notPlaced: [],
    });
    expect(moved).toContainEqual({
      kind: 'twoKeepers',
      name: 'Xia Dup',
      kept: { id: kept, name: who(one, kept).name },
      other: { id: other, name: who(one, other).name },
      side: other === 'yan-keep' ? 0 : 1,
      first: true,
      moved: { conversations: 3, followUps: 3, facts: 1 },
    });
  });
});

describe("a conversation's listening notes stay with whom they were heard from", () => {
  /** A common start: a conversation of Ana, Bo and Cy with two notes, one from Ana, one from Bo. */
  function start() {
    const base = side(emptyJournal(), 'o', 0);
    base.change((j, c) => {
      for (const name of ['Ana Silva', 'Bo Chen', 'Cy Diaz']) addPerson(j, { name }, c);
    });
    base.change((j, c) =>
      logConversation(
        j,
        {
          date: '2026-11-01',
          with: ['ana-silva', 'bo-chen', 'cy-diaz'],
          kind: 'coffee',
          minutes: 30,
          note: '',
          heard: ['moving to Lisbon', 'wants to mentor'],
          heardFrom: ['ana-silva', 'bo-chen'],
          about: {},
        },
        c,
      ),
    );
    const fork = (tag: string, minute: number) => side(structuredClone(base.journal), tag, minute);
    return { base: base.journal, fork };
  }
  type Pair = [string, string | null];
  const edit = (pairs: Pair[]) => (j: Journal) => {
    const c = j.conversations[0]!;
    c.heard = pairs.map(([note]) => note);
    c.heardFrom = pairs.map(([, from]) => from);
  };
  const heard = (j: Journal) => {
    const c = j.conversations[0]!;
    return c.heard.map((note, i) => [note, c.heardFrom?.[i] ?? null]);
  };
  const sorted = (pairs: (string | null)[][]) =>
    [...pairs].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  const BASE: Pair[] = [
    ['moving to Lisbon', 'ana-silva'],
    ['wants to mentor', 'bo-chen'],
  ];

  it.each<{ name: string; ours: Pair[]; theirs: Pair[]; expected: Pair[] }>([
    {
      name: 'a note added on each side, from people already heard from',
      ours: [...BASE, ['learning Go', 'ana-silva']],
      theirs: [...BASE, ['sings in a choir', 'bo-chen']],
      expected: [...BASE, ['learning Go', 'ana-silva'], ['sings in a choir', 'bo-chen']],
    },
    {
      name: 'a note added on one side, one taken back on the other',
      ours: [...BASE, ['learning Go', 'cy-diaz']],
      theirs: [BASE[1]!],
      expected: [BASE[1]!, ['learning Go', 'cy-diaz']],
    },
    {
      name: 'a note added on one side, one put down to someone else on the other',
      ours: [...BASE, ['learning Go', 'ana-silva']],
      theirs: [['moving to Lisbon', 'cy-diaz'], BASE[1]!],
      expected: [['moving to Lisbon', 'cy-diaz'], BASE[1]!, ['learning Go', 'ana-silva']],
    },
    {
      name: 'a note reworded on one side, put down to someone else on the other',
      ours: [['moving to Porto', 'ana-silva'], BASE[1]!],
      theirs: [['moving to Lisbon', 'cy-diaz'], BASE[1]!],
      expected: [['moving to Porto', 'cy-diaz'], BASE[1]!],
    },
    {
      name: 'the group heard one note on each side',
      ours: [...BASE, ['a reorg is coming', null]],
      theirs: [...BASE, ['the office moves', null]],
      expected: [...BASE, ['a reorg is coming', null], ['the office moves', null]],
    },
  ])('$name', ({ ours, theirs, expected }) => {
    const { base, fork } = start();
    const a = fork('a', 100);
    a.change(edit(ours));
    const b = fork('b', 200);
    b.change(edit(theirs));
    const one = mergeJournals(base, a.journal, b.journal);
    expect(JSON.stringify(mergeJournals(base, b.journal, a.journal))).toBe(JSON.stringify(one));
    expect(sorted(heard(one))).toEqual(sorted(expected));
    const c = one.conversations[0]!;
    expect(c.heardFrom).toHaveLength(c.heard.length);
    // Folded without a common ancestor (a conflict copy), nothing either side heard is lost or moved.
    const folded = heard(foldJournals(a.journal, b.journal));
    for (const pair of [...ours, ...theirs]) expect(folded).toContainEqual(pair);
  });
});

describe('notes keep the order they were written in when both sides added some', () => {
  /** Ana with a note, and a talk of Ana and Bo (something heard from Ana), and one with Ana alone. */
  function start() {
    const base = side(emptyJournal(), 'o', 0);
    base.change((j, c) => {
      for (const name of ['Ana Silva', 'Bo Chen']) addPerson(j, { name }, c);
    });
    base.change((j, c) => addNote(j.people[0]!, 'base note', '2026-11-01', c));
    for (const people of [['ana-silva', 'bo-chen'], ['ana-silva']])
      base.change((j, c) =>
        logConversation(
          j,
          {
            date: '2026-11-01',
            with: people,
            kind: 'coffee',
            minutes: 30,
            note: people.join('+'),
            heard: ['zz heard first'],
            ...(people.length > 1 ? { heardFrom: ['ana-silva'] } : {}),
            about: {},
          },
          c,
        ),
      );
    return base.journal;
  }
  type Note = [text: string, day: string];
  type Heard = [note: string, from: string];
  const addNotes = (notes: Note[]) => (j: Journal, c: Clock) => {
    for (const [text, day] of notes) addNote(j.people[0]!, text, day, c);
  };
  const addHeard = (heard: Heard[]) => (j: Journal) => {
    const [group, alone] = j.conversations;
    group!.heard.push(...heard.map(([note]) => note));
    group!.heardFrom!.push(...heard.map(([, from]) => from));
    alone!.heard.push(...heard.map(([note]) => note));
  };

  it.each<{
    name: string;
    /** When each side's changes were made (minutes): the side that changed first goes first on a tie. */
    starts: [number, number];
    ours: { notes: Note[]; heard: Heard[] };
    theirs: { notes: Note[]; heard: Heard[] };
    notes: string[];
    heard: Heard[];
  }>([
    {
      name: 'the same day on each side: one side’s, in its order, then the other’s',
      starts: [100, 200],
      ours: {
        notes: [
          ['walks the dog', '2026-11-02'],
          ['a new flat', '2026-11-02'],
          ['moving to Lisbon', '2026-11-02'],
        ],
        heard: [
          ['wants to lead', 'bo-chen'],
          ['a trip in May', 'ana-silva'],
        ],
      },
      theirs: {
        notes: [
          ['knits', '2026-11-02'],
          ['back from leave', '2026-11-02'],
          ['Zoe starts school', '2026-11-02'],
        ],
        heard: [
          ['likes clay', 'ana-silva'],
          ['burned out', 'bo-chen'],
        ],
      },
      notes: [
        'base note',
        'walks the dog',
        'a new flat',
        'moving to Lisbon',
        'knits',
        'back from leave',
        'Zoe starts school',
      ],
      heard: [
        ['zz heard first', 'ana-silva'],
        ['wants to lead', 'bo-chen'],
        ['a trip in May', 'ana-silva'],
        ['likes clay', 'ana-silva'],
        ['burned out', 'bo-chen'],
      ],
    },
    {
      name: 'the other side changed first: its notes first',
      starts: [200, 100],
      ours: { notes: [['walks the dog', '2026-11-02']], heard: [['wants to lead', 'bo-chen']] },
      theirs: { notes: [['knits', '2026-11-02']], heard: [['likes clay', 'ana-silva']] },
      notes: ['base note', 'knits', 'walks the dog'],
      heard: [
        ['zz heard first', 'ana-silva'],
        ['likes clay', 'ana-silva'],
        ['wants to lead', 'bo-chen'],
      ],
    },
    {
      name: 'on different days: by the day, each side’s order kept',
      starts: [100, 200],
      ours: {
        notes: [
          ['walks the dog', '2026-11-02'],
          ['moving to Lisbon', '2026-11-04'],
        ],
        heard: [['wants to lead', 'bo-chen']],
      },
      theirs: {
        notes: [
          ['knits', '2026-11-03'],
          ['a new flat', '2026-11-05'],
          ['back from leave', '2026-11-01'],
        ],
        heard: [],
      },
      notes: ['base note', 'walks the dog', 'knits', 'moving to Lisbon', 'a new flat', 'back from leave'],
      heard: [
        ['zz heard first', 'ana-silva'],
        ['wants to lead', 'bo-chen'],
      ],
    },
  ])('$name', ({ starts, ours, theirs, notes, heard }) => {
    const base = start();
    const a = side(structuredClone(base), 'a', starts[0]);
    const b = side(structuredClone(base), 'b', starts[1]);
    a.change(addNotes(ours.notes));
    a.change(addHeard(ours.heard));
    b.change(addNotes(theirs.notes));
    b.change(addHeard(theirs.heard));
    const one = mergeJournals(base, a.journal, b.journal);
    expect(JSON.stringify(mergeJournals(base, b.journal, a.journal))).toBe(JSON.stringify(one));
    expect(one.people[0]!.notes.map((n) => n.text)).toEqual(notes);
    const [group, alone] = one.conversations;
    expect(group!.heard.map((note, i) => [note, group!.heardFrom?.[i]])).toEqual(heard);
    expect(alone!.heard).toEqual(heard.map(([note]) => note));
  });
});

describe('merges that would go round in a circle', () => {
  it('Eli into Bo then Bo into Cy on one machine, Bo into Eli on the other: all end with Cy', () => {
    const base = side(emptyJournal(), 'o', 0);
    base.change((j, c) => {
      for (const name of ['Bo Chen', 'Cy Diaz', 'Eli Fox']) addPerson(j, { name }, c);
    });
    const a = side(structuredClone(base.journal), 'a', 110);
    const b = side(structuredClone(base.journal), 'b', 100);
    // The other machine merges first (by its clock), and then logs a talk with the one it kept.
    b.change((j, c) => mergePeople(j, 'bo-chen', 'eli-fox', c.now));
    b.change((j, c) =>
      logConversation(
        j,
        {
          date: '2026-11-01',
          with: ['eli-fox'],
          kind: 'call',
          minutes: 20,
          note: 'call',
          heard: [],
          about: {},
        },
        c,
      ),
    );
    a.change((j, c) => mergePeople(j, 'eli-fox', 'bo-chen', c.now));
    a.change((j, c) => mergePeople(j, 'bo-chen', 'cy-diaz', c.now));
    const moved: MovedPerson[] = [];
    const one = mergeJournals(base.journal, a.journal, b.journal, [], moved);
    expect(JSON.stringify(mergeJournals(base.journal, b.journal, a.journal))).toBe(JSON.stringify(one));
    expect(one.people.map((p) => p.id)).toEqual(['cy-diaz']);
    expect(one.conversations.map((c) => c.with)).toEqual([['cy-diaz']]);
    expect(moved).toContainEqual({
      kind: 'twoKeepers',
      name: 'Bo Chen',
      kept: { id: 'cy-diaz', name: 'Cy Diaz' },
      other: { id: 'eli-fox', name: 'Eli Fox' },
      side: 1,
      first: false,
      moved: { conversations: 0, followUps: 0, facts: 0 },
    });
  });
});
