// Ambitions, skills, personal notes, follow-ups (todo/done) and what they add to due and profile.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

async function seeded(): Promise<string> {
  const store = tempStore('person');
  await ok(['add', 'Ana Silva', '--role', 'Engineer', '--cadence', '2w'], { store, now: '2026-11-01' });
  await ok(['add', 'Ben Ong'], { store, now: '2026-11-01' });
  return store;
}

/** Runs a command that must fail with exit 2 and leave the store as it was. */
async function refused(args: string[], store: string, now?: string): Promise<string> {
  const before = bytesOf(store);
  const r = await rel(args, { store, now });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(bytesOf(store)).toEqual(before);
  return r.stderr;
}

describe('rel ambition', () => {
  it('adds, lists every status, and moves one through done, reopen and drop', async () => {
    const store = await seeded();
    await ok(['ambition', 'ana', 'Wants to lead a team'], { store, now: '2026-11-02' });
    await ok(['ambition', 'ana', 'Run a marathon'], { store, now: '2026-11-02' });
    expect(await ok(['ambition', 'done', 'ana', 'marathon'], { store, now: '2026-11-10' })).toContain(
      'Achieved: Run a marathon',
    );
    let list = JSON.parse(await ok(['ambition', 'ana', '--json'], { store }));
    expect(list.map((a: { status: string }) => a.status)).toEqual(['active', 'achieved']);
    expect(list[1]).toMatchObject({ statusChangedOn: '2026-11-10', lastDiscussedOn: '2026-11-10' });
    await ok(['ambition', 'reopen', 'ana', 'marathon'], { store, now: '2026-11-11' });
    await ok(['ambition', 'drop', 'ana', 'lead team'], { store, now: '2026-11-12' });
    list = JSON.parse(await ok(['ambition', 'ana', '--json'], { store }));
    expect(list.map((a: { status: string }) => a.status)).toEqual(['dropped', 'active']);
    const human = await ok(['ambition', 'ana'], { store, now: '2026-11-12' });
    expect(human).toMatch(/Active\n {2}• Run a marathon/);
    expect(human).toMatch(/Dropped\n {2}• Wants to lead a team {2}dropped 12 Nov/);
    // The profile carries every status.
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store }));
    expect(profile.ambitions.map((a: { status: string }) => a.status)).toEqual(['dropped', 'active']);
  });

  it('an ambition already in the target status changes nothing', async () => {
    const store = await seeded();
    await ok(['ambition', 'ana', 'Run a marathon'], { store });
    await ok(['ambition', 'done', 'ana', 'marathon'], { store });
    const before = bytesOf(store);
    const r = await rel(['ambition', 'done', 'ana', 'marathon'], { store });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('already achieved');
    expect(bytesOf(store)).toEqual(before);
  });

  it('without a terminal, missing, unknown or ambiguous words are exit 2 listing the ambitions', async () => {
    const store = await seeded();
    await ok(['ambition', 'ana', 'Lead a team'], { store });
    await ok(['ambition', 'ana', 'Lead a choir'], { store });
    expect(await refused(['ambition', 'done', 'ana'], store)).toMatch(
      /Which active ambition.*Lead a team.*Lead a choir/s,
    );
    expect(await refused(['ambition', 'done', 'ana', 'lead'], store)).toContain('fits several');
    expect(await refused(['ambition', 'done', 'ana', 'cello'], store)).toContain('No active ambition');
    expect(await refused(['ambition', 'done', 'zed', 'lead'], store)).toContain('No one called "zed"');
    expect(await refused(['ambition', 'ana', '   '], store)).toContain('empty');
  });

  it('an id prefix picks the ambition', async () => {
    const store = await seeded();
    const added = JSON.parse(await ok(['ambition', 'ana', 'Lead a team', '--json'], { store }));
    await ok(['ambition', 'ana', 'Lead a choir'], { store });
    await ok(['ambition', 'drop', 'ana', added.id.slice(0, 6)], { store });
    const list = JSON.parse(await ok(['ambition', 'ana', '--json'], { store }));
    expect(list.find((a: { id: string }) => a.id === added.id).status).toBe('dropped');
  });
});

describe('rel skill and rel note', () => {
  it('add and list, shown in the profile and its JSON', async () => {
    const store = await seeded();
    expect(await ok(['skill', 'ana', 'Plays', 'the', 'cello'], { store })).toContain(
      'Added a skill for Ana Silva',
    );
    await ok(['note', 'ana', 'Two kids, Leo and Mia'], { store, now: '2026-11-03' });
    expect(JSON.parse(await ok(['note', 'ana', '--json'], { store }))).toMatchObject([
      { text: 'Two kids, Leo and Mia', addedOn: '2026-11-03' },
    ]);
    expect(await ok(['skill', 'ana'], { store })).toContain('• Plays the cello');
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store }));
    expect(profile.skills[0].text).toBe('Plays the cello');
    expect(profile.notes[0].text).toBe('Two kids, Leo and Mia');
    expect(profile.knownOnlyThroughWork).toBe(false);
    const human = await ok(['profile', 'ana'], { store });
    expect(human).toMatch(/Personal notes\n {2}• Two kids, Leo and Mia/);
    expect(human).not.toContain('only know');
  });

  it('someone known only through work gets a gentle hint', async () => {
    const store = await seeded();
    expect(await ok(['profile', 'ben'], { store })).toContain('You only know Ben through work so far');
    expect(JSON.parse(await ok(['profile', 'ben', '--json'], { store })).knownOnlyThroughWork).toBe(true);
  });
});

describe('follow-ups: log --follow-up --due, todo, done, due', () => {
  it('log --due applies to its follow-ups; todo lists overdue first with the contract shape', async () => {
    const store = await seeded();
    await ok(['log', 'ana', '--date', '2026-11-02', '--follow-up', 'Send the doc', '--due', '2026-11-05'], {
      store,
      now: '2026-11-02',
    });
    await ok(['todo', 'add', 'ben', 'Share the draft', '--theirs', '--due', '2w'], {
      store,
      now: '2026-11-02',
    });
    await ok(['todo', 'add', 'ana', 'Book the offsite'], { store, now: '2026-11-03' });
    const items = JSON.parse(await ok(['todo', '--json'], { store, now: '2026-11-10' }));
    expect(items.map((i: { text: string }) => i.text)).toEqual([
      'Send the doc',
      'Share the draft',
      'Book the offsite',
    ]);
    expect(Object.keys(items[0])).toEqual(
      expect.arrayContaining(['id', 'text', 'personId', 'person', 'owner', 'due', 'createdAt']),
    );
    expect(items[0]).toMatchObject({
      personId: 'ana-silva',
      person: 'Ana Silva',
      owner: 'me',
      due: '2026-11-05',
    });
    expect(items[1]).toMatchObject({ owner: 'them', due: '2026-11-16' });
    expect(items[2].due).toBeNull();
    const conversation = readJson(store).conversations[0];
    expect(readJson(store).followUps[0].conversationId).toBe(conversation.id);
    // Filters.
    expect(JSON.parse(await ok(['todo', 'ben', '--json'], { store }))).toHaveLength(1);
    expect(JSON.parse(await ok(['todo', '--theirs', '--json'], { store }))).toHaveLength(1);
    const human = await ok(['todo'], { store, now: '2026-11-10' });
    expect(human).toContain('3 open follow-ups, 1 overdue');
    expect(human).toContain('They: Share the draft');
  });

  it('rel due shows overdue follow-ups, and its JSON rows carry them', async () => {
    const store = await seeded();
    await ok(['todo', 'add', 'ana', 'Send the doc', '--due', '2026-11-03'], { store, now: '2026-11-01' });
    const rows = JSON.parse(await ok(['due', '--json'], { store, now: '2026-11-10' }));
    const ana = rows.find((r: { id: string }) => r.id === 'ana-silva');
    expect(ana.overdueFollowUps).toEqual([
      { id: expect.any(String), text: 'Send the doc', due: '2026-11-03' },
    ]);
    expect(rows.find((r: { id: string }) => r.id === 'ben-ong').overdueFollowUps).toEqual([]);
    expect(await ok(['due'], { store, now: '2026-11-10' })).toMatch(
      /Overdue follow-ups \(1\)\n.*You promised: Send the doc · Ana Silva/,
    );
    // Whose promise it is, as the profile says: yours to keep, or theirs to chase.
    await ok(['todo', 'add', 'ben', 'Intro me to finance', '--theirs', '--due', '2026-11-04'], {
      store,
      now: '2026-11-01',
    });
    expect(await ok(['due'], { store, now: '2026-11-10' })).toMatch(
      /Overdue follow-ups \(2\)\n.*You promised: Send the doc · Ana Silva.*\n.*They promised: Intro me to finance · Ben Ong/,
    );
    // Not overdue on its due day.
    expect(JSON.parse(await ok(['due', '--json'], { store, now: '2026-11-03' }))[0].overdueFollowUps).toEqual(
      [],
    );
  });

  it('the profile starts with talking points: overdue follow-ups first', async () => {
    const store = await seeded();
    await ok(['todo', 'add', 'ana', 'Book the offsite'], { store, now: '2026-11-01' });
    await ok(['todo', 'add', 'ana', 'Send the doc', '--due', '2026-11-03'], { store, now: '2026-11-01' });
    const human = await ok(['profile', 'ana'], { store, now: '2026-11-10' });
    expect(human.split('\n').slice(0, 7).join('\n')).toMatch(
      /Talking points\n {2}• You promised: Send the doc {2}overdue, was due 3 Nov\n {2}• You promised: Book the offsite/,
    );
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store, now: '2026-11-10' }));
    expect(profile.overdueFollowUps).toEqual([
      { id: expect.any(String), text: 'Send the doc', due: '2026-11-03' },
    ]);
    expect(profile.talkingPoints[0]).toMatchObject({ kind: 'followUp', overdue: true, owner: 'me' });
  });

  it('ask-next notes carry into the profile until marked asked, not just to the next conversation', async () => {
    const store = await seeded();
    await ok(['log', 'ana', '--note', 'x', '--ask-next', 'How was the trip?'], { store, now: '2026-11-02' });
    expect(await ok(['profile', 'ana'], { store, now: '2026-11-05' })).toMatch(
      /Talking points\n {2}• Ask: How was the trip\? {2}noted 2 Nov/,
    );
    await ok(['log', 'ana', '--note', 'y'], { store, now: '2026-11-06' });
    let profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store, now: '2026-11-06' }));
    expect(profile.askNext.map((a: { text: string }) => a.text)).toEqual(['How was the trip?']);
    await ok(['log', 'ana', '--note', 'z', '--asked', 'trip'], { store, now: '2026-11-07' });
    profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store, now: '2026-11-07' }));
    expect(profile.askNext).toEqual([]);
    // Time together lately and no thanks yet: the one point left is appreciation, not the question.
    expect(profile.talkingPoints).toEqual([{ kind: 'appreciation', since: null, text: null }]);
  });

  it('rel done closes by words or id prefix; a closed one is reported, not reopened', async () => {
    const store = await seeded();
    const a = JSON.parse(await ok(['todo', 'add', 'ana', 'Send the doc', '--json'], { store }));
    await ok(['todo', 'add', 'ben', 'Send the slides'], { store });
    expect(await refused(['done', 'send'], store)).toContain('fits several');
    expect(await ok(['done', 'slides'], { store })).toContain('Done: Send the slides');
    const closed = JSON.parse(
      await ok(['done', a.id.slice(0, 5), '--json'], { store, now: '2026-11-27T15:00:00Z' }),
    );
    expect(closed).toMatchObject({ id: a.id, doneAt: '2026-11-27T15:00:00.000Z' });
    expect(JSON.parse(await ok(['todo', '--json'], { store }))).toEqual([]);
    const before = bytesOf(store);
    const again = await rel(['done', 'slides'], { store });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already done');
    expect(bytesOf(store)).toEqual(before);
  });

  it('bad input is exit 2 with the store untouched', async () => {
    const store = await seeded();
    await ok(['todo', 'add', 'ana', 'Send the doc'], { store });
    expect(await refused(['done', 'nothing-like-it'], store)).toContain('No open follow-up matches');
    expect(await refused(['done'], store)).toContain('Which open follow-up');
    expect(await refused(['todo', 'add', 'zed', 'x'], store)).toContain('No one called');
    expect(await refused(['todo', 'add', 'ana', 'x', '--due', '05/06/2026'], store)).toContain('ambiguous');
    expect(await refused(['todo', 'add', 'ana', 'x', '--due', 'someday maybe'], store)).toContain('--due');
    expect(await refused(['log', 'ana', '--note', 'x', '--due', 'friday'], store)).toContain(
      'no --follow-up',
    );
    expect(await refused(['todo', '--mine', '--theirs'], store)).toContain('--mine and --theirs');
  });
});

describe('files written before these fields existed', () => {
  it('are read with defaults: ambitions active, follow-ups mine, no notes', async () => {
    const store = tempStore('old');
    fs.mkdirSync(store.replace(/journal\.json$/, ''), { recursive: true, mode: 0o700 });
    const old = {
      schema: 1,
      people: [
        {
          id: 'ana-silva',
          name: 'Ana Silva',
          aliases: [],
          role: '',
          team: '',
          relationship: '',
          tags: [],
          cadenceDays: null,
          ambitions: [{ id: 'a1', text: 'Lead a team', addedOn: '2026-10-01' }],
          skills: [{ id: 's1', text: 'Cello', addedOn: '2026-10-01' }],
          createdAt: '2026-10-01T09:00:00.000Z',
          archivedAt: null,
        },
      ],
      conversations: [],
      followUps: [
        {
          id: 'f1',
          personId: 'ana-silva',
          conversationId: null,
          text: 'Send doc',
          due: '2026-10-05',
          doneAt: null,
          createdAt: '2026-10-01T09:00:00.000Z',
        },
      ],
    };
    fs.writeFileSync(store, JSON.stringify(old), { mode: 0o600 });
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store }));
    expect(profile.ambitions[0]).toMatchObject({ status: 'active', lastDiscussedOn: '2026-10-01' });
    expect(profile.notes).toEqual([]);
    expect(profile.followUps[0]).toMatchObject({ owner: 'me', overdue: true });
    expect(JSON.parse(await ok(['todo', '--json'], { store }))[0].owner).toBe('me');
    // A write keeps the old records and adds the new fields.
    await ok(['ambition', 'done', 'ana', 'lead'], { store });
    const written = readJson(store);
    expect(written.people[0].ambitions[0]).toMatchObject({ id: 'a1', status: 'achieved' });
    expect(written.people[0].notes).toEqual([]);
  });
});
