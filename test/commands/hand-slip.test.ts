// A slip made by hand in a journal rel has written to: the advice puts mending it first, and says
// what a restore would lose (the newest backup is from before rel's last change), where it
// offered only `rel doctor --restore` and dropped that change without a word.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

async function twoChanges(): Promise<string> {
  const store = tempStore('hand-slip');
  await ok(['add', 'Ana Silva'], { store });
  await ok(['log', 'ana', '--note', 'Roadmap'], { store });
  await ok(['log', 'ana', '--note', 'The offsite'], { store });
  return store;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('a journal with a slip made by hand', () => {
  it('says to mend it by hand first, and what restoring the backup would lose', async () => {
    const store = await twoChanges();
    fs.writeFileSync(store, fs.readFileSync(store, 'utf8').replace('"schema"', '"schema",'));
    const before = bytesOf(store);
    const r = await rel(['due'], { store });
    expect(r.code).toBe(1);
    const said = oneLine(r.stderr);
    expect(said).toContain('is not valid JSON: line');
    expect(said).toContain(`Mend it by hand, which keeps everything in it: $EDITOR ${store}.`);
    expect(said).toContain(
      "Or go back to the newest backup: rel doctor --restore (2 backups are kept). That is the journal as it was before rel's last change, so that change and your edits since are lost",
    );
    expect(said).toContain('.before-restore');
    expect(said.indexOf('Mend it by hand')).toBeLessThan(said.indexOf('rel doctor --restore'));

    const doctor = await rel(['doctor'], { store });
    // rel doctor's fix is the same advice, mending first, and says what a restore loses.
    const fix = oneLine(doctor.stdout.slice(doctor.stdout.indexOf('Fix:')));
    expect(fix).toMatch(/^Fix: Mend it by hand, which keeps everything in it: \$EDITOR /);
    expect(fix).toContain(
      "Or go back to the newest backup: rel doctor --restore (2 backups are kept). That is the journal as it was before rel's last change, so that change and your edits since are lost",
    );
    expect(fix).not.toContain('rel doctor shows');
    expect(bytesOf(store)).toEqual(before);
  });

  it('names a comma too many at the end of a line for what it is, here and in rel doctor', async () => {
    const store = await twoChanges();
    const text = fs.readFileSync(store, 'utf8');
    fs.writeFileSync(store, text.replace(/\]\n\}\n?$/, '],\n}\n'));
    const lines = fs.readFileSync(store, 'utf8').split('\n');
    const comma = lines.length - lines.reverse().findIndex((l) => /\],$/.test(l));
    const said = `is not valid JSON: a comma too many at the end of line ${comma} (line ${comma + 1}, column 1: unexpected "}").`;
    const people = await rel(['people'], { store });
    expect(people.code).toBe(1);
    expect(oneLine(people.stderr)).toContain(said);
    const doctor = await rel(['doctor'], { store });
    expect(oneLine(doctor.stdout)).toContain(said);
    expect(oneLine(doctor.stdout)).toContain('Fix: Mend it by hand');
  });

  it('a comma before a bracket on the same line is named by its column; other breaks as before', async () => {
    const store = await twoChanges();
    fs.writeFileSync(store, '{"schema": 2, "people": [1,]}');
    expect(oneLine((await rel(['people'], { store })).stderr)).toContain(
      'is not valid JSON: a comma too many at line 1, column 27 (line 1, column 28: unexpected "]").',
    );
    fs.writeFileSync(store, '{"schema": 2, "people": [1 2]}');
    const other = oneLine((await rel(['people'], { store })).stderr);
    expect(other).toContain('is not valid JSON: line 1, column 28: unexpected "2".');
    expect(other).not.toContain('comma');
  });

  it('an emptied file has nothing to mend: the restore, and what it loses', async () => {
    const store = await twoChanges();
    fs.writeFileSync(store, '');
    const r = await rel(['due'], { store });
    expect(r.code).toBe(1);
    const said = oneLine(r.stderr);
    expect(said).not.toContain('Mend it by hand');
    expect(said).toContain(
      "Go back to the newest backup: rel doctor --restore (2 backups are kept). That is the journal as it was before rel's last change, so that change is lost",
    );
  });
});

describe('damaged backups: the advice names the backup a restore takes, and what it loses', () => {
  async function fourChanges(): Promise<string> {
    const store = await twoChanges();
    await ok(['log', 'ana', '--note', 'Third'], { store });
    await ok(['log', 'ana', '--note', 'Fourth'], { store });
    return store;
  }
  const backup = (store: string, n: number) => store.replace(/([^/]+)$/, (name) => `.${name}.backup-${n}`);

  it('the two newest damaged: backup-3, the last three changes lost, as rel doctor --restore does', async () => {
    const store = await fourChanges();
    fs.writeFileSync(store, '');
    fs.writeFileSync(backup(store, 1), 'garbage\n');
    fs.writeFileSync(backup(store, 2), fs.readFileSync(backup(store, 2)).subarray(0, 100));
    const said = oneLine((await rel(['due'], { store })).stderr);
    expect(said).toContain(
      `Go back to the newest backup that is a valid journal: rel doctor --restore takes .${store.split('/').at(-1)}.backup-3 (the 2 newer ones are damaged). That is the journal as it was before rel's last 3 changes, so those changes are lost`,
    );
    expect(said).not.toContain("before rel's last change,");
    const doctor = oneLine((await rel(['doctor'], { store })).stdout);
    expect(doctor).toContain('rel doctor --restore takes');
    await ok(['doctor', '--restore'], { store });
    const notes = JSON.parse(fs.readFileSync(store, 'utf8')).conversations.map(
      (c: { note: string }) => c.note,
    );
    expect(notes).toEqual(['Roadmap']);
  });

  it('an encrypted journal: no mending ciphertext by hand, and no promise of which backup is whole', async () => {
    const env = { REL_PASSPHRASE: 'correct-horse-99', REL_KDF_LOG_N: '10' };
    const store = tempStore('hand-slip-sealed');
    await ok(['add', 'Ana Silva'], { store, env });
    await ok(['encrypt'], { store, env });
    for (const note of ['one', 'two', 'three']) await ok(['log', 'ana', '--note', note], { store, env });
    fs.writeFileSync(store, fs.readFileSync(store).subarray(0, 200));
    fs.writeFileSync(backup(store, 1), fs.readFileSync(backup(store, 1)).subarray(0, 100));
    const said = oneLine((await rel(['due'], { store, env })).stderr);
    expect(said).toContain('Restore a backup with rel doctor --restore (it takes the newest that opens');
    const doctor = oneLine((await rel(['doctor'], { store, env })).stdout);
    expect(doctor).not.toContain('Mend it by hand');
    expect(doctor).toContain(
      `Go back to the newest backup that opens as a journal: rel doctor --restore (3 backups are kept) finds it and names the changes it drops; the newest, .${store.split('/').at(-1)}.backup-1, is the journal as it was before rel's last change`,
    );
    expect(doctor).not.toContain('so that change is lost');
  });

  it('no backup a valid journal: says so, and offers no restore', async () => {
    const store = await fourChanges();
    fs.writeFileSync(store, '');
    for (const n of [1, 2, 3]) fs.writeFileSync(backup(store, n), '{bad');
    const said = oneLine((await rel(['due'], { store })).stderr);
    expect(said).toContain('None of the 3 backups is a valid journal to restore');
    expect(said).not.toContain('rel doctor --restore');
  });
});

describe('rel undo and a journal rel cannot read', () => {
  it('rel doctor does not offer rel undo, and rel undo fails with the same advice', async () => {
    const store = await twoChanges();
    fs.writeFileSync(store, fs.readFileSync(store, 'utf8').replace('"schema"', '"schema",'));
    const before = bytesOf(store);
    const doctor = await rel(['doctor'], { store });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).not.toContain('can be undone with rel undo');
    expect(oneLine(doctor.stdout)).toContain(
      'rel undo cannot take back a change until the journal can be read',
    );
    expect(JSON.parse((await rel(['doctor', '--json'], { store })).stdout).undoable).toBe(0);
    const undo = await rel(['undo'], { store });
    expect(undo.code).toBe(1);
    const said = oneLine(undo.stderr);
    expect(said).toContain('is not valid JSON: line');
    expect(said).toContain(`Mend it by hand, which keeps everything in it: $EDITOR ${store}.`);
    expect(bytesOf(store)).toEqual(before);
  });

  it('nor on an emptied one', async () => {
    const store = await twoChanges();
    fs.writeFileSync(store, '');
    const doctor = await rel(['doctor'], { store });
    expect(doctor.stdout).not.toContain('can be undone with rel undo');
    const undo = await rel(['undo'], { store });
    expect(undo.code).toBe(1);
    expect(oneLine(undo.stderr)).toContain('Go back to the newest backup: rel doctor --restore');
    expect(bytesOf(store)?.length).toBe(0);
  });
});
