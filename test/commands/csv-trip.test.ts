// CSV out and back: both tables exported, imported into an empty journal and exported again come
// out byte for byte the same, with the values that used to break them; cells never start a formula.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempDir } from '../helpers/run.js';

const BOSS = 'Zoë 😀 Ñandú, Jr.; "The Boss"';

async function hostileJournal(store: string) {
  const o = { store, now: '2026-11-20' };
  await ok(
    ['add', BOSS, '--alias', 'Ani; the "great"', '--alias', 'back\\slash', '--tag', 'a;b', '--tag', '-1'],
    o,
  );
  await ok(
    [
      'add',
      'Ana Silva',
      '--email',
      'ana@x.example',
      '--email',
      'ana.s@y.example',
      '--birthday',
      '1992-02-29',
    ],
    o,
  );
  await ok(['add', '@handle', '--cadence', '2w', '--role', '+1 guest', '--team', '=SUM(A1:A9)'], o);
  await ok(['note', 'ana', 'Two kids\n\nLoves climbing'], o);
  await ok(['note', 'ana', '=HYPERLINK("http://evil.example","click")'], o);
  await ok(['note', 'ana', "'90s music; a \\ backslash"], o);
  await ok(['note', 'ana', "'=already quoted"], o);
  await ok(
    [
      'log',
      BOSS,
      'ana',
      '--date',
      '2026-11-01',
      '--kind',
      'coffee',
      '--minutes',
      '30',
      '--note',
      '-minus first\n\nthen a blank line',
      '--heard',
      'Worried; about on-call',
      '--heard',
      '@all hands',
    ],
    o,
  );
  await ok(['log', '@handle', '--date', '2026-11-02', '--note', '\tindented'], o);
  await ok(['log', 'ana', '--date', '2026-11-02', '--note', 'same day, later'], o);
  // Archived, and added on another day than the others: both come back.
  await ok(['archive', 'handle'], { store, now: '2026-11-21' });
}

describe('csv round trip', () => {
  it('people.csv and conversations.csv → import into an empty journal → the same two files, byte for byte', async () => {
    const dir = tempDir('csv-trip');
    const a = path.join(dir, 'a.json');
    await hostileJournal(a);
    await ok(['export', '--format', 'csv', '--out', path.join(dir, 'first')], { store: a });
    const b = path.join(dir, 'b.json');
    const people = await rel(['import', path.join(dir, 'first', 'people.csv')], {
      store: b,
      now: '2026-11-25',
    });
    expect([people.code, people.stderr]).toEqual([0, '']);
    expect(people.stdout).toContain('Imported 3 people from people.csv');
    const conversations = await rel(['import', path.join(dir, 'first', 'conversations.csv')], {
      store: b,
      now: '2026-11-25',
    });
    expect([conversations.code, conversations.stderr]).toEqual([0, '']);
    expect(conversations.stdout).toContain(
      'Imported 0 people, 3 conversations, 0 follow-ups from conversations.csv',
    );
    await ok(['export', '--format', 'csv', '--out', path.join(dir, 'second')], { store: b });
    for (const file of ['people.csv', 'conversations.csv']) {
      expect(fs.readFileSync(path.join(dir, 'second', file), 'utf8')).toBe(
        fs.readFileSync(path.join(dir, 'first', file), 'utf8'),
      );
    }
    // The records themselves came back: ids, lists, notes and who was there.
    const [before, after] = [readJson(a), readJson(b)];
    const shape = (j: typeof before) => ({
      people: j.people.map((p: Record<string, unknown>) => [
        p.id,
        p.name,
        p.aliases,
        p.tags,
        p.emails ?? [],
        p.role,
        p.team,
        p.createdAt,
        p.archivedAt,
      ]),
      notes: j.people.map((p: { notes: { text: string }[] }) => p.notes.map((n) => n.text)),
      conversations: j.conversations.map((c: Record<string, unknown>) => [
        c.id,
        c.date,
        c.with,
        c.kind,
        c.minutes,
        c.note,
        c.heard,
      ]),
    });
    expect(shape(after)).toEqual(shape(before));
    // Importing the conversations again adds nothing.
    const again = await rel(['import', path.join(dir, 'first', 'conversations.csv')], { store: b });
    expect(again.stdout).toContain('Nothing new to import from conversations.csv.');
  });

  it('a people table rel wrote before added and archived is still its own; a bad time is a bad row', async () => {
    const dir = tempDir('csv-older');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(
      file,
      'name,aliases,role,team,relationship,tags,cadence,birthday,notes,emails,id\nAna Silva,Ani; A.,,,,a\\;b,14d,,,,ana-s\n',
    );
    const store = path.join(dir, 'j.json');
    await ok(['import', file], { store, now: '2026-11-25' });
    // Read as rel's own: the id kept, list cells split on "; " with "\;" kept.
    expect(readJson(store).people[0]).toMatchObject({
      id: 'ana-s',
      aliases: ['Ani', 'A.'],
      tags: ['a;b'],
      archivedAt: null,
    });
    const header = 'name,aliases,role,team,relationship,tags,cadence,birthday,notes,emails,added,archived,id';
    fs.writeFileSync(
      file,
      `${header}\nBo Li,,,,,,,,,,2026-02-30T09:00:00.000Z,,bo-li\nCy Park,,,,,,,,,,2026-11-01T09:00:00.000Z,yesterday,cy-park\nDee Roy,,,,,,,,,,2026-11-01T09:00:00.000Z,2026-11-20T10:00:00.000Z,dee-roy\n`,
    );
    const r = await rel(['import', file], { store, now: '2026-11-25' });
    expect(r.stderr).toContain('line 2');
    expect(r.stderr).toContain('added "2026-02-30T09:00:00.000Z" is not a time as rel writes it');
    expect(r.stderr).toContain('archived "yesterday" is not a time as rel writes it');
    const dee = readJson(store).people.find((p: { id: string }) => p.id === 'dee-roy');
    expect(dee).toMatchObject({
      createdAt: '2026-11-01T09:00:00.000Z',
      archivedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(readJson(store).people.map((p: { id: string }) => p.id)).toEqual(['ana-s', 'dee-roy']);
  });

  it("no cell starts a formula: a leading ' before =, +, -, @, tab or CR, and only there", async () => {
    const dir = tempDir('csv-formula');
    const store = path.join(dir, 'j.json');
    await hostileJournal(store);
    const people: Record<string, string>[] = parse(
      await ok(['export', '--format', 'csv', '--table', 'people'], { store }),
      { columns: true },
    );
    const conversations: Record<string, string>[] = parse(
      await ok(['export', '--format', 'csv'], { store }),
      {
        columns: true,
      },
    );
    for (const row of [...people, ...conversations]) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const handle = people.find((p) => p.id === 'handle')!;
    expect([handle.name, handle.role, handle.team]).toEqual(["'@handle", "'+1 guest", "'=SUM(A1:A9)"]);
    const ana = people.find((p) => p.id === 'ana-silva')!;
    expect(ana.notes!.split('\n')).toEqual([
      'Two kids\\n\\nLoves climbing',
      '=HYPERLINK("http://evil.example","click")',
      "'90s music; a \\\\ backslash",
      "'=already quoted",
    ]);
    expect(ana.notes!.startsWith("'")).toBe(false); // only the cell's start matters to a spreadsheet
    expect(ana.emails).toBe('ana@x.example; ana.s@y.example');
    const boss = people.find((p) => p.name!.startsWith('Zo'))!;
    expect([boss.aliases, boss.tags]).toEqual(['Ani\\; the "great"; back\\\\slash', 'a\\;b; -1']);
    expect(conversations.map((c) => [c.with, c.note!.slice(0, 8), c.heard])).toEqual([
      ['Zoë 😀 Ñandú, Jr.\\; "The Boss"; Ana Silva', "'-minus ", 'Worried\\; about on-call; @all hands'],
      ["'@handle", "'\tindent", ''],
      ['Ana Silva', 'same day', ''],
    ]);
    expect(conversations[0]!.with_ids).toBe('zoe-nandu-jr-the-boss; ana-silva');
  });
});
