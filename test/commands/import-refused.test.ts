// What rel log, add and edit refuse does not come in by rel import either: a conversation dated
// in the future (a rel export, rel's conversations table) is a bad record named by its line, a
// cadence over the cap (MAX_CADENCE_DAYS) a bad row of a CSV and, in a rel export, left out with
// a warning; --strict refuses the file with the journal untouched. rel doctor names such records
// in a journal that has them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempDir } from '../helpers/run.js';

const TODAY = '2026-12-02T12:00:00';
const AHEAD = '2026-12-20T12:00:00';

/** A journal whose clock was ahead: a conversation on 20 Dec, and Eve on a cadence of 99999 days. */
async function fromTheFuture(tag: string) {
  const dir = tempDir(tag);
  const other = path.join(dir, 'other.json');
  await ok(['add', 'Ana Silva'], { store: other, now: '2026-11-01' });
  await ok(['add', 'Eve Quist', '--cadence', '30d'], { store: other, now: '2026-11-01' });
  await ok(['log', 'ana', '--note', 'from ahead', '--no-input'], { store: other, now: AHEAD });
  await ok(['log', 'ana', '--note', 'in the past', '--date', '2026-11-20', '--no-input'], {
    store: other,
    now: AHEAD,
  });
  const store = path.join(dir, 'journal.json');
  await ok(['add', 'Bo Chen'], { store, now: TODAY });
  return { dir, other, store };
}

describe('rel import of what rel log and rel edit refuse', () => {
  it('a rel export: the conversation in the future is a bad record with its line; the cadence over the cap left out, warned', async () => {
    const { dir, other, store } = await fromTheFuture('import-future-json');
    const file = path.join(dir, 'export.json');
    const exported = (await ok(['export'], { store: other, now: AHEAD })).replace(
      '"cadenceDays":30',
      '"cadenceDays":99999',
    );
    fs.writeFileSync(file, exported);
    const line = (text: string) => exported.split('\n').findIndex((l) => l.includes(text)) + 1;
    const before = bytesOf(store);

    const strict = await rel(['import', file, '--strict'], { store, now: TODAY });
    expect(strict.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);

    const r = await rel(['import', file, '--json'], { store, now: TODAY });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.problems).toEqual([
      {
        line: line('from ahead'),
        message: expect.stringMatching(
          /^conversation \w+ is dated 2026-12-20, which is in the future; rel records what has happened, once it has \(as rel log does\)$/,
        ),
      },
    ]);
    expect(out.warnings).toEqual([
      {
        line: line('"cadenceDays":99999'),
        message:
          'Eve Quist: a cadence of 99999 days is longer than rel takes (at most 10 years (3650 days)); imported with the default cadence instead (set one with rel edit "Eve Quist" --cadence)',
      },
    ]);
    expect(r.stderr).toContain(`export.json line ${line('from ahead')}: conversation`);
    const journal = readJson(store);
    expect(journal.conversations.map((c: { note: string }) => c.note)).toEqual(['in the past']);
    expect(
      journal.people.map((p: { name: string; cadenceDays: number | null }) => [p.name, p.cadenceDays]),
    ).toEqual([
      ['Bo Chen', null],
      ['Ana Silva', null],
      ['Eve Quist', null],
    ]);
    expect(await ok(['doctor'], { store, now: TODAY })).toContain('All is well.');
  });

  it("rel's conversations table: a row in the future is a bad row with its line", async () => {
    const { dir, other } = await fromTheFuture('import-future-csv');
    const folder = path.join(dir, 'tables');
    await ok(['export', '--format', 'csv', '--out', folder], { store: other, now: AHEAD });
    const table = fs.readFileSync(path.join(folder, 'conversations.csv'), 'utf8');
    const target = path.join(dir, 'target.json');
    await ok(['import', path.join(folder, 'people.csv')], { store: target, now: TODAY });
    const r = await rel(['import', path.join(folder, 'conversations.csv')], { store: target, now: TODAY });
    expect(r.code).toBe(0);
    const row = table.split('\n').findIndex((l) => l.includes('from ahead')) + 1;
    expect(r.stderr).toMatch(
      new RegExp(
        `conversations\\.csv line ${row}: conversation \\w+ is dated 2026-12-20, which is in the future`,
      ),
    );
    expect(readJson(target).conversations.map((c: { note: string }) => c.note)).toEqual(['in the past']);
  });

  it('a CSV people table: a cadence over the cap is a bad row, said as rel add says it', async () => {
    const dir = tempDir('import-cap-csv');
    const store = path.join(dir, 'journal.json');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, 'name,cadence\nAna,99999d\nBo,3651\nCy,3650\n');
    const r = await rel(['import', file], { store });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'people.csv line 2: cadence "99999d" is longer than rel takes: a cadence is at most 10 years (3650 days)',
    );
    expect(r.stderr).toContain('people.csv line 3: cadence "3651" is longer than rel takes');
    expect(readJson(store).people.map((p: { name: string }) => p.name)).toEqual(['Cy']);
  });
});

describe('rel doctor on a journal with what rel log and rel edit refuse', () => {
  it('names a conversation dated in the future and a cadence over the cap (warnings, exit 0)', async () => {
    const { other } = await fromTheFuture('doctor-future');
    const journal = JSON.parse(fs.readFileSync(other, 'utf8'));
    journal.people[1].cadenceDays = 99999;
    fs.writeFileSync(other, JSON.stringify(journal));
    const r = await rel(['doctor'], { store: other, now: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Warning: Conversations dated in the future, which rel log refuses \(reports count each as today until its day comes\): conversation \w+ on 2026-12-20 \(with Ana Silva\)\./,
    );
    expect(r.stdout).toContain('Fix: give each the day it happened: rel conversation edit <id> --date <day>');
    expect(r.stdout).toContain(
      'Warning: Cadences longer than rel takes (at most 10 years (3650 days)), which rel add and edit refuse: Eve Quist (eve-quist): 99999 days.',
    );
    const checks = JSON.parse(await ok(['doctor', '--json'], { store: other, now: TODAY })).findings.map(
      (f: { check: string }) => f.check,
    );
    // (and the undo data, written for the journal before the edit by hand)
    expect(checks).toEqual(['dates', 'people', 'undo']);
    // On the day it happened, it is no longer in the future.
    expect(await ok(['doctor'], { store: other, now: AHEAD })).not.toContain('in the future');
  });
});
