import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

describe('birthdays', () => {
  it('rel add --birthday stores YYYY-MM-DD or MM-DD; anything else is exit 2 and nothing written', async () => {
    const store = tempStore('bday');
    await ok(['add', 'Ana Silva', '--birthday', '1992-02-29'], { store });
    await ok(['add', 'Bo Li', '--birthday', '05-17'], { store });
    expect(readJson(store).people.map((p: { birthday: string }) => p.birthday)).toEqual([
      '1992-02-29',
      '05-17',
    ]);
    const before = bytesOf(store);
    for (const [bad, why] of [
      ['17/05/1990', 'is not a birthday rel understands'],
      ['1991-02-29', 'is not a real day (that year has no 29 February)'],
      ['soon', 'is not a birthday rel understands'],
    ]) {
      const r = await rel(['add', 'Cy', '--birthday', bad!], { store });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--birthday "${bad}" ${why}`);
      expect(bytesOf(store)).toEqual(before);
    }
  });

  it('rel due --within lists birthdays coming up as rows with reason "birthday", 29 Feb on 28 Feb', async () => {
    const store = tempStore('bday-due');
    const o = { store, now: '2027-02-20' };
    await ok(['add', 'Ana Silva', '--birthday', '1992-02-29'], o);
    await ok(['add', 'Bo Li', '--birthday', '03-30'], o);
    await ok(['log', 'ana', 'bo', '--note', 'hi'], o);
    const rows = JSON.parse(await ok(['due', '--within', '2w', '--json'], { store, now: '2027-02-21' }));
    expect(rows).toEqual([
      {
        id: 'ana-silva',
        name: 'Ana Silva',
        lastSeen: '2027-02-20',
        daysSince: 1,
        lastTogether: '2027-02-20',
        daysSinceTogether: 1,
        cadenceDays: 30,
        dueOn: '2027-02-28',
        overdueDays: -7,
        overdueFollowUps: [],
        lastAppreciated: null,
        reason: 'birthday',
      },
    ]);
    expect(JSON.parse(await ok(['due', '--json'], { store, now: '2027-02-21' }))).toEqual([]);
    const onTheDay = await ok(['due'], { store, now: '2027-02-28' });
    expect(onTheDay).toContain('Ana Silva');
    expect(onTheDay).toContain('birthday today');
    const later = await ok(['due', '--within', '7w'], { store, now: '2027-02-21', env: { COLUMNS: '120' } });
    expect(later).toMatch(/^No one due today · 2 coming due in the next 7 weeks · 2 birthdays\n/);
    expect(later).toContain('birthday in 5 weeks · 30 Mar');
  });

  it('rel profile shows the birthday and when it is next', async () => {
    const store = tempStore('bday-profile');
    await ok(['add', 'Ana Silva', '--birthday', '1992-02-29'], { store });
    expect(await ok(['profile', 'ana'], { store, now: '2027-02-01' })).toContain(
      'Birthday 29 Feb 1992 · in 4 weeks',
    );
    const json = JSON.parse(await ok(['profile', 'ana', '--json'], { store, now: '2027-02-01' }));
    expect(json).toMatchObject({ birthday: '1992-02-29', nextBirthday: '2027-02-28' });
  });

  it('rel people --json carries each birthday, null when there is none', async () => {
    const store = tempStore('bday-people');
    await ok(['add', 'Ana Silva', '--birthday', '1992-02-29'], { store });
    await ok(['add', 'Bo Li', '--birthday', '05-17'], { store });
    await ok(['add', 'Cy Diaz'], { store });
    const rows = JSON.parse(await ok(['people', '--json'], { store }));
    expect(rows.map((p: { name: string; birthday: string | null }) => [p.name, p.birthday])).toEqual([
      ['Ana Silva', '1992-02-29'],
      ['Bo Li', '05-17'],
      ['Cy Diaz', null],
    ]);
  });

  it('rel edit --birthday sets, changes and clears it; a bad one is exit 2 with nothing written', async () => {
    const store = tempStore('bday-edit');
    await ok(['add', 'Kim Lee'], { store });
    expect(await ok(['edit', 'kim', '--birthday', '02-29'], { store })).toMatch(/birthday 02-29/);
    expect(readJson(store).people[0].birthday).toBe('02-29');
    const before = bytesOf(store);
    const bad = await rel(['edit', 'kim', '--birthday', '31/12'], { store });
    expect(bad.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
    await ok(['edit', 'kim', '--birthday', '1990-06-01'], { store });
    expect(JSON.parse(await ok(['profile', 'kim', '--json'], { store })).birthday).toBe('1990-06-01');
    await ok(['edit', 'kim', '--birthday', 'none'], { store });
    expect(readJson(store).people[0].birthday ?? null).toBeNull();
  });
});
