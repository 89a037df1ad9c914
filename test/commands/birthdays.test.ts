import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

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
      ['1991-02-29', ': 29 February 1991 is not in the calendar; 1991 is not a leap year.'],
      ['soon', 'is not a birthday rel understands'],
    ]) {
      const r = await rel(['add', 'Cy', '--birthday', bad!], { store });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--birthday "${bad}"${why!.startsWith(':') ? '' : ' '}${why}`);
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

// Today is 2026-11-27 (the tests' clock). With a year, a birthday is the day someone was born: a
// day after today is a slip, refused by add and edit, left out (with a warning) by an import, and
// named by rel doctor when it is already in the journal. Without the year, any day is fine.
describe('a birthday after today', () => {
  it('rel add and rel edit refuse it (exit 2, nothing written), saying what to give instead', async () => {
    const store = tempStore('bday-ahead');
    await ok(['add', 'Ana Silva', '--birthday', '05-01'], { store });
    await ok(['add', 'Bo Li', '--birthday', '2026-11-27'], { store }); // born today
    const before = bytesOf(store);
    for (const args of [
      ['add', 'Cy', '--birthday', '2030-05-01'],
      ['edit', 'ana', '--birthday', '2030-05-01'],
    ]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'rel: --birthday "2030-05-01" is after today (2026-11-27): with a year, a birthday is the day they were born.\n' +
          '  Give the year they were born (e.g. 1990-05-01), or leave the year out: 05-01.\n',
      );
      expect(bytesOf(store)).toEqual(before);
    }
    const tomorrow = await rel(['edit', 'bo', '--birthday', '2026-11-28'], { store });
    expect(tomorrow.stderr).toContain('--birthday "2026-11-28" is after today (2026-11-27)');
    await ok(['edit', 'ana', '--birthday', '12-31'], { store });
    expect(readJson(store).people.map((p: { birthday: string }) => p.birthday)).toEqual([
      '12-31',
      '2026-11-27',
    ]);
  });

  it('rel add and rel edit at their prompts ask again', async () => {
    const store = tempStore('bday-ahead-prompt');
    const added = await rel(['add'], {
      store,
      answers: ['Ana Silva', '', '', '', '', '', '', '2030-05-01', '1990-05-01'],
    });
    expect(added.code).toBe(0);
    const refusedAt = (r: typeof added) => r.asked.find((a) => a.message.startsWith('Birthday'))?.refused;
    expect(refusedAt(added)).toContain('The birthday "2030-05-01" is after today (2026-11-27)');
    const edited = await rel(['edit', 'ana'], {
      store,
      answers: ['', '', '', '', '', '', '2031-01-01', '01-01'],
    });
    expect(edited.code).toBe(0);
    expect(refusedAt(edited)).toContain('"2031-01-01" is after today (2026-11-27)');
    expect(readJson(store).people[0].birthday).toBe('01-01');
  });

  it('rel import brings the person in without it, with a warning naming them and the line, from every format', async () => {
    const dir = tempDir('bday-ahead-import');
    const files: [string, string, string][] = [
      ['people.csv', 'name,birthday\nAna Silva,1990-05-01\nBo Li,2030-05-01\n', 'people.csv line 3'],
      ['people.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Bo Li\nBDAY:20300501\nEND:VCARD\n', 'people.vcf line 1'],
    ];
    for (const [name, text, where] of files) {
      const store = tempStore('bday-ahead-import');
      fs.writeFileSync(path.join(dir, name), text);
      const r = await rel(['import', path.join(dir, name)], { store });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `rel: ${where}: Bo Li: birthday "2030-05-01" is after today (2026-11-27), so it was left out (its year is the year they were born); to keep the day alone: rel edit "Bo Li" --birthday 05-01.`,
      );
      const bo = readJson(store).people.find((p: { name: string }) => p.name === 'Bo Li');
      expect(bo.birthday).toBeNull();
      const strict = await rel(['import', '--strict', path.join(dir, name)], { store: tempStore('strict') });
      expect(strict.code).toBe(2);
    }
    // rel's own export, from a journal whose clock was ahead.
    const ahead = tempStore('bday-ahead-export');
    await ok(['add', 'Bo Li', '--birthday', '2027-01-05'], { store: ahead, now: '2027-02-01' });
    const file = path.join(dir, 'export.json');
    await ok(['export', '--format', 'json', '--out', file], { store: ahead, now: '2027-02-01' });
    const store = tempStore('bday-ahead-json');
    const r = await rel(['import', file], { store });
    expect(r.stderr).toContain(
      'Bo Li: birthday "2027-01-05" is after today (2026-11-27), so it was left out (its year is the year they were born); to keep the day alone: rel edit "Bo Li" --birthday 01-05.',
    );
    expect(readJson(store).people[0].birthday).toBeNull();
  });

  it('rel doctor names one already in the journal', async () => {
    const store = tempStore('bday-ahead-doctor');
    await ok(['add', 'Bo Li', '--birthday', '2027-01-05'], { store, now: '2027-02-01' });
    const out = await ok(['doctor'], { store });
    expect(out).toContain(
      'Warning: Birthdays after today, which rel add and edit refuse (a year is the year they were born): Bo Li (bo-li): 2027-01-05.',
    );
    expect(await ok(['doctor'], { store, now: '2027-02-01' })).not.toContain('Birthdays after today');
  });
});
