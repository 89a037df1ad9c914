// A forget leaves nothing of the person, also where a merge of people (rel merge) recorded that an
// id now means someone kept, and in the meetings dismissed from rel inbox: after it, no file in
// the journal's folder holds their name or id in the clear.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCalendars } from '../helpers/calendars.js';
import { ok, readJson, tempDir } from '../helpers/run.js';

/** Every file of a folder (dot files too) whose text holds `word`, case-insensitively. */
function filesNaming(dir: string, word: string): string[] {
  const lower = word.toLowerCase();
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => fs.readFileSync(f, 'utf8').toLowerCase().includes(lower));
}

/** A journal with Ana Silva and her duplicate "Ana S.", copied to two machines. */
async function twoMachines(tag: string) {
  const dir = tempDir(tag);
  const base = path.join(dir, 'base', 'journal.json');
  const now = '2026-11-20T12:00:00';
  await ok(['add', 'Ana Silva'], { store: base, now });
  await ok(['add', 'Ana S.'], { store: base, now });
  await ok(['log', 'Ana S.', '--kind', 'coffee', '--note', 'her divorce'], { store: base, now });
  await ok(['log', 'Ana Silva', '--kind', 'coffee', '--note', 'the reorg'], { store: base, now });
  const copy = (side: string) => {
    const store = path.join(dir, side, 'journal.json');
    fs.mkdirSync(path.dirname(store));
    fs.copyFileSync(base, store);
    return store;
  };
  return { dir, base, a: copy('a'), b: copy('b') };
}

describe('rel forget and rel merge', () => {
  it('a forget received in a merge of journals takes the merged-away name out of the keeper', async () => {
    const { base, a, b } = await twoMachines('forget-merged-away');
    await ok(['merge', 'Ana Silva', 'Ana S.'], { store: a, now: '2026-11-21T12:00:00' });
    await ok(['forget', 'Ana S.', '--yes'], { store: b, now: '2026-11-22T12:00:00' });
    await ok(['merge-journals', base, a, b], { store: a, now: '2026-11-22T13:00:00' });
    const merged = readJson(a);
    expect(merged.people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
    expect(merged.people[0].aliases).toEqual([]);
    expect(fs.readFileSync(a, 'utf8')).not.toMatch(/Ana S\.|divorce/);
    expect(merged.conversations.map((c: { note: string }) => c.note)).toEqual(['the reorg']);
  });

  it('a forget of the person kept leaves no merge record naming them, here or received', async () => {
    const { dir, base, a, b } = await twoMachines('forget-merged-into');
    await ok(['merge', 'Ana Silva', 'Ana S.'], { store: a, now: '2026-11-21T12:00:00' });
    const here = path.join(dir, 'here', 'journal.json');
    fs.mkdirSync(path.dirname(here));
    fs.copyFileSync(a, here);
    await ok(['forget', 'Ana Silva', '--yes'], { store: here, now: '2026-11-22T12:00:00' });
    expect(filesNaming(path.dirname(here), 'ana-silva')).toEqual([]);
    // The merged-away id is forgotten with them: its record is a forget by id, naming no one.
    expect(readJson(here).tombstones.filter((s: { forgotten?: boolean }) => s.forgotten)).toHaveLength(4);

    await ok(['forget', 'Ana Silva', '--yes'], { store: b, now: '2026-11-22T12:00:00' });
    await ok(['merge-journals', base, a, b], { store: a, now: '2026-11-22T13:00:00' });
    const merged = readJson(a);
    expect(merged.people).toEqual([]);
    expect(merged.conversations).toEqual([]);
    expect(fs.readFileSync(a, 'utf8')).not.toMatch(/ana-silva|Ana S/i);
  });
});

describe('rel forget and rel inbox', () => {
  it('removes the dismissed meetings whose titles name them, and says so', async () => {
    const dir = tempDir('forget-dismissed');
    const store = path.join(dir, 'journal', 'journal.json');
    const folder = path.join(dir, 'calendars');
    writeCalendars(folder);
    const o = {
      store,
      now: '2026-11-27T12:00:00',
      env: { TZ: 'Europe/London', REL_CALENDAR: folder, REL_ME: 'me@example.com' },
    };
    await ok(['add', 'Ben Okafor', '--email', 'ben@example.com'], { ...o, now: '2026-10-01T12:00:00' });
    await ok(['add', 'Ana Silva', '--email', 'ana@example.com'], { ...o, now: '2026-10-01T12:00:00' });
    const rows = JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-01'], o)) as {
      id: string;
      title: string;
    }[];
    const walk = rows.find((r) => r.title === 'Walk with Ben Okafor');
    expect(walk, JSON.stringify(rows.map((r) => r.title))).toBeDefined();
    await ok(['inbox', 'dismiss', walk!.id], o);
    expect(filesNaming(path.dirname(store), 'Walk with Ben Okafor').length).toBeGreaterThan(0);
    const out = await ok(['forget', 'Ben Okafor', '--yes'], o);
    expect(out).toContain('1 dismissed meeting');
    expect(filesNaming(path.dirname(store), 'Ben Okafor')).toEqual([]);
    const journal = readJson(store);
    expect(journal.dismissals).toEqual([]);
    // Its tombstone is a forget's, so that a sync takes it out on the other machines too.
    expect(journal.tombstones).toContainEqual(
      expect.objectContaining({ collection: 'dismissals', forgotten: true }),
    );
  });
});
