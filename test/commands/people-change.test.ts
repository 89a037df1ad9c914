// People change: edit, rename, merge, archive, snooze; search; history; fixing mistakes.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

async function team(): Promise<string> {
  const store = tempStore('change');
  const o = { store, now: '2026-11-01' };
  await ok(['add', 'Ana Silva', '--tag', 'web'], o);
  await ok(['add', 'Ana S.'], o);
  await ok(['add', 'Ben Okafor'], o);
  await ok(['log', 'ana s.', '--note', 'Café about the roadmap', '--heard', 'Worried about on-call'], o);
  await ok(
    ['log', 'ana silva', 'ben', '--note', 'Planning', '--ambition', 'Ana Silva: Speak at a conference'],
    o,
  );
  await ok(['todo', 'add', 'ana s.', 'Send the Zoë intro'], o);
  return store;
}

async function refused(args: string[], store: string): Promise<string> {
  const before = bytesOf(store);
  const r = await rel(args, { store });
  expect(r.code, r.stderr).toBe(2);
  expect(bytesOf(store)).toEqual(before);
  return r.stderr;
}

describe('people change', () => {
  it('merge moves all history to the first; the duplicate becomes an alias and leaves rel people', async () => {
    const store = await team();
    expect(await ok(['merge', 'ana silva', 'ana s.'], { store })).toContain(
      'moved 1 conversation, 1 follow-up',
    );
    const journal = readJson(store);
    expect(journal.people.map((p: { id: string }) => p.id)).toEqual(['ana-silva', 'ben-okafor']);
    expect(journal.people[0].aliases).toEqual(['Ana S.']);
    expect(journal.conversations.every((c: { with: string[] }) => !c.with.includes('ana-s'))).toBe(true);
    expect(journal.followUps[0].personId).toBe('ana-silva');
    const profile = JSON.parse(await ok(['profile', 'ana s.', '--json'], { store }));
    expect(profile.id).toBe('ana-silva');
    expect(profile.conversations).toHaveLength(2);
    expect(
      JSON.parse(await ok(['people', '--json'], { store })).map((p: { id: string }) => p.id),
    ).not.toContain('ana-s');
    expect(await refused(['merge', 'ana', 'ana-silva'], store)).toContain('same person');
    expect(await refused(['merge', 'ana', 'zed'], store)).toContain('No one called "zed"');
  });

  it('rename keeps the id and history, and the old name still finds them', async () => {
    const store = await team();
    await ok(['rename', 'ben', 'Ben Okafor-Lee'], { store });
    const ben = JSON.parse(await ok(['profile', 'Ben Okafor', '--json'], { store }));
    expect(ben).toMatchObject({ id: 'ben-okafor', name: 'Ben Okafor-Lee', aliases: ['Ben Okafor'] });
    expect(ben.conversations).toHaveLength(1);
    expect(await refused(['rename', 'ben', 'Ana Silva'], store)).toContain('already in your journal');
  });

  it('edit changes fields by flags; without flags and a terminal it names them', async () => {
    const store = await team();
    const out = await ok(
      [
        'edit',
        'ana silva',
        '--role',
        'Lead',
        '--cadence',
        '2w',
        '--add-tag',
        'platform',
        '--remove-tag',
        'web',
        '--alias',
        'Nana',
      ],
      { store },
    );
    expect(out).toContain('Updated Ana Silva');
    expect(readJson(store).people[0]).toMatchObject({
      role: 'Lead',
      cadenceDays: 14,
      tags: ['platform'],
      aliases: ['Nana'],
    });
    await ok(['edit', 'ana silva', '--cadence', 'default', '--remove-alias', 'nana'], { store });
    expect(readJson(store).people[0]).toMatchObject({ cadenceDays: null, aliases: [] });
    expect(await refused(['edit', 'ana silva'], store)).toContain('--role');
    expect(await refused(['edit', 'ana silva', '--cadence', 'often'], store)).toContain('--cadence');
    expect(await refused(['edit', 'ana silva', '--remove-alias', 'nobody'], store)).toContain('no alias');
  });

  it('archive takes someone out of due and people, keeps them searchable; unarchive brings them back', async () => {
    const store = await team();
    await ok(['archive', 'ben'], { store });
    expect(
      JSON.parse(await ok(['due', '--json'], { store, now: '2026-12-20' })).map((r: { id: string }) => r.id),
    ).not.toContain('ben-okafor');
    expect(
      JSON.parse(await ok(['people', '--json'], { store })).map((r: { id: string }) => r.id),
    ).not.toContain('ben-okafor');
    expect(await ok(['profile', 'ben'], { store })).toContain('archived');
    expect(JSON.parse(await ok(['search', 'okafor', '--json'], { store }))[0]).toMatchObject({
      personId: 'ben-okafor',
      field: 'name',
    });
    await ok(['unarchive', 'ben'], { store });
    expect(
      JSON.parse(await ok(['due', '--json'], { store, now: '2026-12-20' })).map((r: { id: string }) => r.id),
    ).toContain('ben-okafor');
  });

  it('snooze hides from due while today is before the day; a weekday is the next one, a period counts forward', async () => {
    const store = await team();
    await ok(['snooze', 'ben', '--until', '2w'], { store, now: '2026-12-01' });
    expect(readJson(store).people[2].snoozedUntil).toBe('2026-12-15');
    const dueIds = async (now: string) =>
      JSON.parse(await ok(['due', '--json'], { store, now })).map((r: { id: string }) => r.id);
    expect(await dueIds('2026-12-14')).not.toContain('ben-okafor');
    expect(await dueIds('2026-12-15')).toContain('ben-okafor');
    await ok(['snooze', 'ben', '--until', 'monday'], { store, now: '2026-12-07' }); // a Monday: the next one
    expect(readJson(store).people[2].snoozedUntil).toBe('2026-12-14');
    expect(await refused(['snooze', 'ben'], store)).toContain('--until');
    expect(await refused(['snooze', 'ben', '--until', '2026-01-01'], store)).toContain('not after today');
  });
});

describe('rel search', () => {
  it('finds text in every field, ignoring case and accents, as contract hits', async () => {
    const store = await team();
    await ok(['skill', 'ben', 'Plays the oboe'], { store });
    await ok(['note', 'ben', 'Loves Zoë the dog'], { store });
    const field = async (q: string) =>
      JSON.parse(await ok(['search', q, '--json'], { store })).map((h: { field: string }) => h.field);
    expect(await field('CAFE')).toEqual(['note']);
    expect(await field('on-call')).toEqual(['heard']);
    expect(await field('conference')).toEqual(['ambition']);
    expect(await field('oboe')).toEqual(['skill']);
    expect((await field('zoe')).sort()).toEqual(['followUp', 'personalNote']);
    const hit = JSON.parse(await ok(['search', 'roadmap', '--json'], { store }))[0];
    expect(hit).toEqual(
      expect.objectContaining({
        personId: 'ana-s',
        person: 'Ana S.',
        field: 'note',
        date: '2026-11-01',
        text: 'Café about the roadmap',
      }),
    );
    expect(JSON.parse(await ok(['search', 'nothing-here', '--json'], { store }))).toEqual([]);
    const human = await ok(['search', 'cafe'], { store, env: { FORCE_COLOR: '1' } });
    expect(human).toContain('\u001b[7mCafé\u001b[27m');
  });
});

describe('rel history and fixing mistakes', () => {
  it('history lists every conversation with ids; --since and --limit narrow it', async () => {
    const store = await team();
    await ok(['log', 'ben', '--date', '2026-11-20', '--note', 'Later'], { store, now: '2026-11-27' });
    const all = JSON.parse(await ok(['history', 'ben', '--json'], { store }));
    expect(all.map((c: { date: string }) => c.date)).toEqual(['2026-11-20', '2026-11-01']);
    expect(
      JSON.parse(await ok(['history', 'ben', '--since', '2026-11-10', '--json'], { store })),
    ).toHaveLength(1);
    expect(JSON.parse(await ok(['history', 'ben', '--limit', '1', '--json'], { store }))[0].note).toBe(
      'Later',
    );
    expect(await ok(['history', 'ben'], { store })).toContain(all[0].id);
  });

  it('conversation edit and delete; follow-up edit and delete; unknown ids are exit 2', async () => {
    const store = await team();
    const id = readJson(store).conversations[0].id;
    await ok(['conversation', 'edit', id.slice(0, 6), '--minutes', '45', '--heard', 'Tired'], { store });
    expect(readJson(store).conversations[0]).toMatchObject({ minutes: 45, heard: ['Tired'] });
    await ok(['conversation', 'delete', id], { store });
    expect(readJson(store).conversations.map((c: { id: string }) => c.id)).not.toContain(id);
    const followUp = readJson(store).followUps[0].id;
    await ok(['todo', 'edit', followUp, '--due', '2026-12-01', '--theirs'], { store });
    expect(readJson(store).followUps[0]).toMatchObject({ due: '2026-12-01', owner: 'them' });
    await ok(['todo', 'delete', followUp], { store });
    expect(readJson(store).followUps).toEqual([]);
    expect(await refused(['conversation', 'edit', 'ffffffff', '--minutes', '3'], store)).toContain(
      'No conversation has the id',
    );
    expect(await refused(['conversation', 'delete', 'ffffffff'], store)).toContain('No conversation');
    // Three characters are too few to pick by, and rel says so rather than that there is none.
    const three = readJson(store).conversations[0].id.slice(0, 3);
    const short = await refused(['conversation', 'edit', three, '--minutes', '3'], store);
    expect(short).toContain(
      `"${three}" is too short to pick a conversation by: give at least four characters`,
    );
    expect(short).not.toContain('No conversation has the id');
    await ok(['todo', 'add', 'ben', 'send the slides'], { store });
    const shortId = readJson(store).followUps.at(-1).id.slice(0, 3);
    const shortFollowUp = await refused(['todo', 'delete', shortId], store);
    expect(shortFollowUp).toContain(
      `"${shortId}" is too short to pick a follow-up by: give at least four characters`,
    );
    expect(shortFollowUp).not.toContain('No follow-up has the id');
    expect(await refused(['todo', 'delete', 'ffffffff'], store)).toContain('No follow-up');
  });
});
