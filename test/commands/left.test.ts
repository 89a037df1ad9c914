// rel left: people who left stay in rel due at the alumni cadence and in rel people, marked "left".
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const now = '2026-11-20';

async function withAna(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva', '--cadence', '2w'], { store, now });
  await ok(['add', 'Ben Ong'], { store, now });
  return store;
}

describe('rel left', () => {
  const config = tempDir('left-config');
  const cases: [string, string[], Record<string, string>, number][] = [
    ['the default, six months', [], {}, 180],
    ['--cadence', ['--cadence', 'yearly'], {}, 365],
    ['the setting', [], { XDG_CONFIG_HOME: config }, 91],
    ['the environment over the setting', [], { XDG_CONFIG_HOME: config, REL_ALUMNI_CADENCE: '4m' }, 120],
    ['--cadence over the environment', ['--cadence', '2w'], { REL_ALUMNI_CADENCE: '4m' }, 14],
  ];
  beforeAll(async () => {
    await ok(['config', 'set', 'alumni-cadence', 'quarterly'], { env: { XDG_CONFIG_HOME: config } });
  });
  it.each(cases)('sets the alumni cadence from %s', async (_what, flags, env, days) => {
    const store = await withAna('left-cadence');
    await ok(['left', 'ana', '--note', 'Joined Stripe', ...flags], { store, now, env });
    const ana = readJson(store).people.find((p: { id: string }) => p.id === 'ana-silva');
    expect(ana.leftOn).toBe(now);
    expect(ana.cadenceDays).toBe(days);
    expect(ana.cadenceBeforeLeft).toBe(14);
    expect(ana.notes.map((n: { text: string }) => n.text)).toEqual(['Joined Stripe']);
  });

  it('--off restores the earlier cadence and the record as it was', async () => {
    const store = await withAna('left-off');
    const before = readJson(store).people[0];
    await ok(['left', 'ana'], { store, now });
    await ok(['left', 'ana', '--cadence', 'yearly'], { store, now });
    expect(await ok(['left', 'ana', '--off'], { store, now })).toContain('every 2 weeks again');
    const after = readJson(store).people[0];
    expect(after.leftOn).toBeUndefined();
    expect(after.cadenceBeforeLeft).toBeUndefined();
    expect({ ...after, updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined });
    // Someone with the default cadence gets the default back.
    await ok(['left', 'ben'], { store, now });
    await ok(['left', 'ben', '--off'], { store, now });
    expect(readJson(store).people[1].cadenceDays).toBeNull();
  });

  it('refuses an archived person, the store byte-identical', async () => {
    const store = await withAna('left-archived');
    await ok(['archive', 'ana'], { store, now });
    const before = bytesOf(store);
    for (const args of [
      ['left', 'ana'],
      ['left', 'ana', '--off'],
    ]) {
      const r = await rel(args, { store, now });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('rel unarchive ana-silva');
      expect(bytesOf(store)).toEqual(before);
    }
    const r = await rel(['left', 'ben', '--off', '--note', 'x'], { store, now });
    expect(r.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
  });

  it('shows them in people (marked left, --alumni, --json), profile --json and due', async () => {
    const store = await withAna('left-lists');
    await ok(['log', 'ana', '--date', '2026-11-01'], { store, now });
    await ok(['log', 'ben', '--date', '2026-11-01'], { store, now });
    await ok(['left', 'ana'], { store, now });
    const people = await ok(['people'], { store, now });
    expect(people).toMatch(/Ana Silva \(left\)/);
    expect(people).not.toMatch(/Ben Ong \(left\)/);
    const alumni = await ok(['people', '--alumni'], { store, now });
    expect(alumni).toContain('Ana Silva (left)');
    expect(alumni).not.toContain('Ben Ong');
    const json = JSON.parse(await ok(['people', '--json'], { store, now }));
    expect(json.map((p: { leftOn: string | null }) => p.leftOn)).toEqual([now, null]);
    expect(JSON.parse(await ok(['profile', 'ana', '--json'], { store, now })).leftOn).toBe(now);
    // Seen 1 November: Ben (monthly) is due 1 December, Ana (six months) not before May.
    const due = await ok(['due', '--json'], { store, now: '2026-12-05' });
    expect(due).toContain('Ben Ong');
    expect(due).not.toContain('Ana Silva');
    const later = await ok(['due', '--json'], { store, now: '2027-05-01' });
    expect(later).toContain('Ana Silva');
  });

  it('run again, says they already left and what changed, not "Marked as left" again', async () => {
    const store = await withAna('left-again');
    await ok(['left', 'ana', '--note', 'Joined Stripe'], { store, now });
    const later = '2027-02-01';
    expect(await ok(['left', 'ana', '--note', 'Now at Figma'], { store, now: later })).toBe(
      'Ana Silva already left on 20 Nov 2026: note added. Take it back with: rel left ana-silva --off\n',
    );
    expect(
      await ok(['left', 'ana', '--cadence', 'yearly', '--note', 'Moved to Lisbon'], { store, now: later }),
    ).toBe(
      'Ana Silva already left on 20 Nov 2026: catching up yearly now, note added. Take it back with: rel left ana-silva --off\n',
    );
    const ana = readJson(store).people[0];
    expect(ana.leftOn).toBe(now);
    expect(ana.cadenceDays).toBe(365);
    expect(ana.notes.map((n: { text: string }) => n.text)).toEqual([
      'Joined Stripe',
      'Now at Figma',
      'Moved to Lisbon',
    ]);
    expect((await rel(['left', 'ana', '--cadence', 'yearly'], { store, now: later })).stderr).toBe(
      'Ana Silva is already marked as left; nothing changed.\n',
    );
  });

  it('undo names it in words', async () => {
    const store = await withAna('left-undo');
    await ok(['left', 'ana'], { store, now });
    expect(await ok(['undo'], { store, now })).toContain('Undone: marked Ana Silva as left');
    await ok(['left', 'ana'], { store, now });
    await ok(['left', 'ana', '--off'], { store, now });
    expect(await ok(['undo'], { store, now })).toContain('Undone: took back that Ana Silva left');
    expect(readJson(store).people[0].leftOn).toBe(now);
  });
});
