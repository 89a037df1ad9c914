// People change: edit, rename, merge, archive, snooze; search; history; fixing mistakes.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/rel.js';

function team(): string {
  const store = tempStore('change');
  const o = { store, now: '2026-11-01' };
  ok(['add', 'Ana Silva', '--tag', 'web'], o);
  ok(['add', 'Ana S.'], o);
  ok(['add', 'Ben Okafor'], o);
  ok(['log', 'ana s.', '--note', 'Café about the roadmap', '--heard', 'Worried about on-call'], o);
  ok(['log', 'ana silva', 'ben', '--note', 'Planning', '--ambition', 'Ana Silva: Speak at a conference'], o);
  ok(['todo', 'add', 'ana s.', 'Send the Zoë intro'], o);
  return store;
}

function refused(args: string[], store: string): string {
  const before = bytesOf(store);
  const r = rel(args, { store });
  expect(r.code, r.stderr).toBe(2);
  expect(bytesOf(store)).toEqual(before);
  return r.stderr;
}

describe('people change', () => {
  it('merge moves all history to the first; the duplicate becomes an alias and leaves rel people', () => {
    const store = team();
    expect(ok(['merge', 'ana silva', 'ana s.'], { store })).toContain('moved 1 conversation, 1 follow-up');
    const journal = readJson(store);
    expect(journal.people.map((p: { id: string }) => p.id)).toEqual(['ana-silva', 'ben-okafor']);
    expect(journal.people[0].aliases).toEqual(['Ana S.']);
    expect(journal.conversations.every((c: { with: string[] }) => !c.with.includes('ana-s'))).toBe(true);
    expect(journal.followUps[0].personId).toBe('ana-silva');
    const profile = JSON.parse(ok(['profile', 'ana s.', '--json'], { store }));
    expect(profile.id).toBe('ana-silva');
    expect(profile.conversations).toHaveLength(2);
    expect(JSON.parse(ok(['people', '--json'], { store })).map((p: { id: string }) => p.id)).not.toContain(
      'ana-s',
    );
    expect(refused(['merge', 'ana', 'ana-silva'], store)).toContain('same person');
    expect(refused(['merge', 'ana', 'zed'], store)).toContain('No one called "zed"');
  });

  it('rename keeps the id and history, and the old name still finds them', () => {
    const store = team();
    ok(['rename', 'ben', 'Ben Okafor-Lee'], { store });
    const ben = JSON.parse(ok(['profile', 'Ben Okafor', '--json'], { store }));
    expect(ben).toMatchObject({ id: 'ben-okafor', name: 'Ben Okafor-Lee', aliases: ['Ben Okafor'] });
    expect(ben.conversations).toHaveLength(1);
    expect(refused(['rename', 'ben', 'Ana Silva'], store)).toContain('already in your journal');
  });

  it('edit changes fields by flags; without flags and a terminal it names them', () => {
    const store = team();
    const out = ok(
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
    ok(['edit', 'ana silva', '--cadence', 'default', '--remove-alias', 'nana'], { store });
    expect(readJson(store).people[0]).toMatchObject({ cadenceDays: null, aliases: [] });
    expect(refused(['edit', 'ana silva'], store)).toContain('--role');
    expect(refused(['edit', 'ana silva', '--cadence', 'often'], store)).toContain('--cadence');
    expect(refused(['edit', 'ana silva', '--remove-alias', 'nobody'], store)).toContain('no alias');
  });

  it('archive takes someone out of due and people, keeps them searchable; unarchive brings them back', () => {
    const store = team();
    ok(['archive', 'ben'], { store });
    expect(
      JSON.parse(ok(['due', '--json'], { store, now: '2026-12-20' })).map((r: { id: string }) => r.id),
    ).not.toContain('ben-okafor');
    expect(JSON.parse(ok(['people', '--json'], { store })).map((r: { id: string }) => r.id)).not.toContain(
      'ben-okafor',
    );
    expect(ok(['profile', 'ben'], { store })).toContain('archived');
    expect(JSON.parse(ok(['search', 'okafor', '--json'], { store }))[0]).toMatchObject({
      personId: 'ben-okafor',
      field: 'name',
    });
    ok(['unarchive', 'ben'], { store });
    expect(
      JSON.parse(ok(['due', '--json'], { store, now: '2026-12-20' })).map((r: { id: string }) => r.id),
    ).toContain('ben-okafor');
  });

  it('snooze hides from due while today is before the day; a weekday is the next one, a period counts forward', () => {
    const store = team();
    ok(['snooze', 'ben', '--until', '2w'], { store, now: '2026-12-01' });
    expect(readJson(store).people[2].snoozedUntil).toBe('2026-12-15');
    const dueIds = (now: string) =>
      JSON.parse(ok(['due', '--json'], { store, now })).map((r: { id: string }) => r.id);
    expect(dueIds('2026-12-14')).not.toContain('ben-okafor');
    expect(dueIds('2026-12-15')).toContain('ben-okafor');
    ok(['snooze', 'ben', '--until', 'monday'], { store, now: '2026-12-07' }); // a Monday: the next one
    expect(readJson(store).people[2].snoozedUntil).toBe('2026-12-14');
    expect(refused(['snooze', 'ben'], store)).toContain('--until');
    expect(refused(['snooze', 'ben', '--until', '2026-01-01'], store)).toContain('not after today');
  });
});

describe('rel search', () => {
  it('finds text in every field, ignoring case and accents, as contract hits', () => {
    const store = team();
    ok(['skill', 'ben', 'Plays the oboe'], { store });
    ok(['note', 'ben', 'Loves Zoë the dog'], { store });
    const field = (q: string) =>
      JSON.parse(ok(['search', q, '--json'], { store })).map((h: { field: string }) => h.field);
    expect(field('CAFE')).toEqual(['note']);
    expect(field('on-call')).toEqual(['heard']);
    expect(field('conference')).toEqual(['ambition']);
    expect(field('oboe')).toEqual(['skill']);
    expect(field('zoe').sort()).toEqual(['followUp', 'personalNote']);
    const hit = JSON.parse(ok(['search', 'roadmap', '--json'], { store }))[0];
    expect(hit).toEqual(
      expect.objectContaining({
        personId: 'ana-s',
        person: 'Ana S.',
        field: 'note',
        date: '2026-11-01',
        text: 'Café about the roadmap',
      }),
    );
    expect(JSON.parse(ok(['search', 'nothing-here', '--json'], { store }))).toEqual([]);
    const human = ok(['search', 'cafe'], { store, env: { FORCE_COLOR: '1' } });
    expect(human).toContain('\u001b[7mCafé\u001b[27m');
  });
});

describe('rel history and fixing mistakes', () => {
  it('history lists every conversation with ids; --since and --limit narrow it', () => {
    const store = team();
    ok(['log', 'ben', '--date', '2026-11-20', '--note', 'Later'], { store, now: '2026-11-27' });
    const all = JSON.parse(ok(['history', 'ben', '--json'], { store }));
    expect(all.map((c: { date: string }) => c.date)).toEqual(['2026-11-20', '2026-11-01']);
    expect(JSON.parse(ok(['history', 'ben', '--since', '2026-11-10', '--json'], { store }))).toHaveLength(1);
    expect(JSON.parse(ok(['history', 'ben', '--limit', '1', '--json'], { store }))[0].note).toBe('Later');
    expect(ok(['history', 'ben'], { store })).toContain(all[0].id);
  });

  it('conversation edit and delete; follow-up edit and delete; unknown ids are exit 2', () => {
    const store = team();
    const id = readJson(store).conversations[0].id;
    ok(['conversation', 'edit', id.slice(0, 6), '--minutes', '45', '--heard', 'Tired'], { store });
    expect(readJson(store).conversations[0]).toMatchObject({ minutes: 45, heard: ['Tired'] });
    ok(['conversation', 'delete', id], { store });
    expect(readJson(store).conversations.map((c: { id: string }) => c.id)).not.toContain(id);
    const followUp = readJson(store).followUps[0].id;
    ok(['todo', 'edit', followUp, '--due', '2026-12-01', '--theirs'], { store });
    expect(readJson(store).followUps[0]).toMatchObject({ due: '2026-12-01', owner: 'them' });
    ok(['todo', 'delete', followUp], { store });
    expect(readJson(store).followUps).toEqual([]);
    expect(refused(['conversation', 'edit', 'ffffffff', '--minutes', '3'], store)).toContain(
      'No conversation has the id',
    );
    expect(refused(['conversation', 'delete', 'ffffffff'], store)).toContain('No conversation');
    expect(refused(['todo', 'delete', 'ffffffff'], store)).toContain('No follow-up');
  });
});
