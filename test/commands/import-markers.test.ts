// rel's JSON export holds, besides records, the traces of forgets (and of deletions) and the
// meetings dismissed from rel inbox. A journal moved by export and import keeps them: else a
// forget is undone by the next import of a backup from before it, and dismissed meetings are back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCalendars } from '../helpers/calendars.js';
import { bytesOf, ok, readJson, rel, tempDir } from '../helpers/run.js';

type Row = { id: string; title: string };

async function forgottenJournal(tag: string) {
  const dir = tempDir(tag);
  const store = path.join(dir, 'journal', 'journal.json');
  const folder = path.join(dir, 'calendars');
  writeCalendars(folder);
  const o = {
    store,
    now: '2026-11-27T12:00:00',
    env: { TZ: 'Europe/London', REL_CALENDAR: folder, REL_ME: 'me@example.com' },
  };
  const earlier = { ...o, now: '2026-10-01T12:00:00' };
  await ok(['add', 'Ben Okafor', '--email', 'ben@example.com'], earlier);
  await ok(['add', 'Ana Silva', '--email', 'ana@example.com'], earlier);
  await ok(['log', 'ben', '--note', 'his move', '--follow-up', 'Send it'], earlier);
  await ok(['log', 'ana', '--note', 'the reorg'], earlier);
  const rows = JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-01'], o)) as Row[];
  const walk = rows.find((r) => r.title === 'Walk with Ben Okafor');
  const other = rows.find((r) => !/Ben|Okafor/.test(r.title));
  expect({ walk, other }, JSON.stringify(rows.map((r) => r.title))).toEqual({
    walk: expect.anything(),
    other: expect.anything(),
  });
  await ok(['inbox', 'dismiss', walk!.id], o);
  await ok(['inbox', 'dismiss', other!.id], o);
  const old = path.join(dir, 'old.json');
  await ok(['export', '--out', old], o);
  await ok(['forget', 'Ben Okafor', '--yes'], o);
  const moved = path.join(dir, 'moved.json');
  await ok(['export', '--out', moved], o);
  return { dir, o, old, moved, other: other!, store };
}

const markers = (file: string) => {
  const j = readJson(file);
  return {
    tombstones: j.tombstones,
    dismissals: (j.dismissals ?? []).map(({ updatedAt: _, ...d }: { updatedAt?: string }) => d),
  };
};

describe('rel import of rel JSON: forgets and dismissed meetings come along', () => {
  it('export, import into an empty journal, export again: the same tombstones and dismissals', async () => {
    const { dir, o, moved, other } = await forgottenJournal('import-markers');
    const before = markers(moved);
    expect(before.tombstones.filter((s: { forgotten?: boolean }) => s.forgotten).length).toBeGreaterThan(0);
    expect(before.dismissals).toHaveLength(1);

    const store = path.join(dir, 'new', 'journal.json');
    const n = { ...o, store };
    const r = await rel(['import', moved], n);
    expect(r.code, r.stderr).toBe(0);
    const forgets = before.tombstones.length;
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      `Kept from moved.json: ${forgets} records forgotten with rel forget, which stay out; 1 meeting dismissed from rel inbox.`,
    );
    const again = path.join(dir, 'again.json');
    await ok(['export', '--out', again], n);
    expect(markers(again)).toEqual(before);

    // The dismissed meeting stays out of the inbox of the journal moved.
    const rows = JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-01'], n)) as Row[];
    expect(rows.map((r) => r.id)).not.toContain(other.id);

    // Importing the same file again adds nothing: no dismissal twice, nothing written.
    const bytes = bytesOf(store);
    expect(await ok(['import', moved], n)).toContain('Nothing new to import from moved.json.');
    expect(bytesOf(store)).toEqual(bytes);
    expect(readJson(store).dismissals).toHaveLength(1);

    // Only the dismissal new here: the import is not "nothing new" (found by a tester).
    const journal = readJson(store);
    journal.dismissals = [];
    fs.writeFileSync(store, JSON.stringify(journal, null, 2));
    const onlyMarkers = await ok(['import', moved], n);
    expect(onlyMarkers).not.toContain('Nothing new');
    expect(onlyMarkers).toContain('No new people, conversations or follow-ups in moved.json.');
    expect(onlyMarkers.replace(/\s+/g, ' ')).toContain(
      'Kept from moved.json: 1 meeting dismissed from rel inbox.',
    );
    expect(readJson(store).dismissals).toHaveLength(1);
  });

  it('an export from before the forget, imported into the journal moved, leaves the person out', async () => {
    const { dir, o, old, moved } = await forgottenJournal('import-markers-old');
    const store = path.join(dir, 'new', 'journal.json');
    const n = { ...o, store };
    await ok(['import', moved], n);
    const r = await rel(['import', old], n);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(
      /Skipped 1 person forgotten with rel forget, who stay out: Ben Okafor \(line \d+, forgotten on 2026-11-27\)\./,
    );
    const journal = readJson(store);
    expect(journal.people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
    expect(JSON.stringify(journal)).not.toMatch(/Ben|Okafor|his move|Send it/);
    // The old file's meeting with Ben is not brought back; the other is not there twice.
    expect(journal.dismissals).toHaveLength(1);
  });

  it('an undo of the import takes back the rest, never the forgets (no change takes one back)', async () => {
    const { dir, o, old, moved } = await forgottenJournal('import-markers-undo');
    const store = path.join(dir, 'new', 'journal.json');
    const n = { ...o, store };
    await ok(['import', moved], n);
    const undone = await ok(['undo'], n);
    expect(undone).toMatch(
      /^Undone: imported 1 person, 1 conversation, 0 follow-ups, 1 dismissed meeting from moved\.json/,
    );
    const journal = readJson(store);
    expect(journal.people).toEqual([]);
    expect(journal.dismissals ?? []).toEqual([]);
    expect(journal.tombstones.filter((s: { forgotten?: boolean }) => s.forgotten)).toEqual(
      readJson(moved).tombstones.filter((s: { forgotten?: boolean }) => s.forgotten),
    );
    const r = await ok(['import', old], n);
    expect(r.replace(/\s+/g, ' ')).toContain(
      'Skipped 1 person forgotten with rel forget, who stay out: Ben Okafor',
    );
  });

  it('a forget in the file of someone still in this journal is not taken, and rel says so', async () => {
    const { dir, o, old, moved } = await forgottenJournal('import-markers-here');
    const store = path.join(dir, 'new', 'journal.json');
    const n = { ...o, store };
    await ok(['import', old], n);
    const r = await rel(['import', moved], n);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'moved.json holds a forget (rel forget) of Ben Okafor, who is in your journal: not taken, as an import removes no one. To forget them here too: rel forget ben-okafor.',
    );
    expect(readJson(store).people.map((p: { name: string }) => p.name)).toContain('Ben Okafor');
  });
});
