// What rel doctor --restore drops, named: the newest backup is the journal before rel's last
// change, so a restore takes that change away. The restore (and, where it asks, its question)
// names each change rel's undo data records as made after the backup, and says whether the file
// it replaced, which it keeps, still holds them; it used to say only what it brought back.
// rel undo after such a restore says the change is not in the journal, where it said the
// records had "changed since then".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const keptAs = (store: string) => path.join(path.dirname(store), '.journal.json.before-restore');

async function threeLogs(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['log', 'ana', '--date', '2026-01-05', '--kind', 'coffee'], { store });
  await ok(['log', 'ana', '--date', '2026-01-07', '--kind', 'call'], { store });
  await ok(['log', 'ana', '--date', '2026-01-09'], { store });
  return store;
}

/** The slip the journal is broken by: a comma too many after its last field. */
const trailingComma = (store: string) =>
  fs.writeFileSync(store, fs.readFileSync(store, 'utf8').replace(/\]\n\}\n?$/, '],\n}\n'));

const LAST = '"logged a 1:2:1 with Ana Silva on 2026-01-09"';

describe('rel doctor --restore names what it drops', () => {
  it('of a damaged journal: the last change, and that the file it kept still holds it', async () => {
    const store = await threeLogs('drops-damaged');
    trailingComma(store);
    const r = await rel(['doctor', '--restore', '--yes'], { store });
    expect(r.code, r.stderr).toBe(0);
    const said = oneLine(r.stdout);
    expect(said).toContain(`Dropped: rel's last change, ${LAST}, which that backup does not hold.`);
    expect(said).toContain(`The file it replaced is kept at ${keptAs(store)}.`);
    expect(said).toContain('That file still holds that change: copy it from there by hand to have it back.');
    const json = JSON.parse(await ok(['doctor', '--restore', '--yes', '--json'], { store }));
    // The journal is healthy now: the second restore drops nothing the undo data names.
    expect(json.lost).toEqual([]);
  });

  it('of an emptied journal: the last change, and that no copy holds it', async () => {
    const store = await threeLogs('drops-emptied');
    fs.writeFileSync(store, '');
    const r = await rel(['doctor', '--restore'], { store });
    expect(r.code, r.stderr).toBe(0);
    const said = oneLine(r.stdout);
    expect(said).toContain(`Dropped: rel's last change, ${LAST}`);
    expect(said).toContain('As far as rel can tell, no copy rel keeps holds that change');
    expect(said).not.toContain('still holds');
  });

  it('emptied after a first restore: the copy that restore kept still holds it, and is named', async () => {
    const store = await threeLogs('drops-earlier-copy');
    trailingComma(store);
    await ok(['doctor', '--restore', '--yes'], { store });
    fs.writeFileSync(store, '');
    const r = await rel(['doctor', '--restore', '--json'], { store });
    expect(JSON.parse(r.stdout)).toMatchObject({
      lostKept: false,
      lostInEarlierCopy: `${keptAs(store)}-1`,
    });
    // Emptied again: the copy in place is that empty file, not renamed; the numbered one holds it.
    fs.writeFileSync(store, '');
    const again = oneLine(await ok(['doctor', '--restore'], { store }));
    expect(again).toContain(`Dropped: rel's last change, ${LAST}`);
    expect(again).toContain(
      `A copy an earlier restore kept, at ${keptAs(store)}-1, still holds that change: copy it from there by hand`,
    );
    expect(again).not.toContain('no copy rel keeps holds');
  });

  it('a damaged journal in a terminal: asks first, naming the change; no keeps the file', async () => {
    const store = await threeLogs('drops-ask');
    trailingComma(store);
    const before = bytesOf(store);
    const no = await rel(['doctor', '--restore'], { store, answers: [false] });
    expect(no.code, no.stderr).toBe(0);
    expect(oneLine(no.asked[0]!.message)).toContain(
      `The journal cannot be read. Restoring ${path.join(path.dirname(store), '.journal.json.backup-1')}`,
    );
    expect(oneLine(no.asked[0]!.message)).toContain(`drops rel's last change, ${LAST}`);
    expect(oneLine(no.asked[0]!.message)).toContain('(mending the journal by hand instead keeps everything)');
    expect(no.stderr).toContain('Nothing was restored.');
    expect(bytesOf(store)).toEqual(before);
  });

  it('of a healthy journal: the question names the change too', async () => {
    const store = await threeLogs('drops-healthy');
    const r = await rel(['doctor', '--restore'], { store });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(`Among them: rel's last change, ${LAST}.`);
    const done = await ok(['doctor', '--restore', '--yes'], { store });
    expect(oneLine(done)).toContain(`Dropped: rel's last change, ${LAST}`);
  });
});

describe('rel undo after a restore dropped the change', () => {
  it('says the journal never had it, and where the copy that has it is', async () => {
    const store = await threeLogs('undo-after-restore');
    trailingComma(store);
    await ok(['doctor', '--restore', '--yes'], { store });
    const before = bytesOf(store);
    const r = await rel(['undo'], { store });
    expect(r.code).toBe(1);
    const said = oneLine(r.stderr);
    expect(said).toContain(`Cannot undo ${LAST}: ${store} is as it was before that change`);
    expect(said).toContain('nothing to take back');
    expect(said).not.toContain('changed since');
    expect(said).toContain(`which holds that change, is kept at ${keptAs(store)}`);
    expect(bytesOf(store)).toEqual(before);
    // rel doctor says the same of the undo data, where it said undoing would step over a change.
    const doctor = oneLine((await rel(['doctor'], { store })).stdout);
    expect(doctor).toContain(
      'which does not have its newest change (a restore brought back a backup from before it',
    );
    expect(doctor).toContain(`rel undo will refuse to take back ${LAST}: there is nothing to take back.`);
    expect(doctor).not.toContain('step over');
    expect(doctor).toContain(`The journal as it was before the last restore is kept at ${keptAs(store)}.`);
  });
});

describe('the question of a second rel doctor --restore', () => {
  it('says the copy the first one kept is renamed, and offers rel undo only where it would work', async () => {
    const store = await threeLogs('restore-second-question');
    const first = await rel(['doctor', '--restore'], { store });
    // Before any restore, rel undo takes the last change back: offered.
    expect(first.stderr).toContain('(or rel undo, to take back only the last change)');
    await ok(['doctor', '--restore', '--yes'], { store });
    const second = await rel(['doctor', '--restore'], { store });
    expect(second.code).toBe(2);
    expect(oneLine(second.stderr)).toContain(
      `The copy an earlier restore kept there is renamed ${keptAs(store)}-1.`,
    );
    // The undo data is of the journal before the restore: rel undo would take nothing back.
    expect(second.stderr).not.toContain('rel undo');
    expect((await rel(['undo'], { store })).code).toBe(1);
  });
});
