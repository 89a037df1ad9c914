// A journal in the very version rel last wrote (or read in full) is not checked for its shape
// again: the summary beside it (store/due-summary.ts) records that version, and its key is the
// stamp. Any doubt keeps the full check: a hand edit (a new version of the file), a stamp of
// another rel or another summary format.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fileVersion } from '../../src/store/files.js';
import { rel, tempStore } from '../helpers/run.js';

const summaryOf = (store: string) => {
  const folder = path.join(path.dirname(path.dirname(store)), 'state', 'rel');
  const name = fs.readdirSync(folder).find((f) => /^due-.*\.json$/.test(f));
  if (!name) throw new Error('no summary was written');
  return path.join(folder, name);
};

/** A journal as rel writes it, its summary beside it. */
async function written(): Promise<string> {
  const store = tempStore('written-journal');
  for (const args of [
    ['add', 'Ana Silva', '--cadence', '2w'],
    ['log', 'Ana Silva', '--no-input', '--kind', 'coffee', '--minutes', '30', '--note', 'Talked.'],
  ]) {
    const r = await rel(args, { store });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return store;
}

/** A conversation of -5 minutes: not a journal's shape, and nothing people --json reads. */
function breakShape(store: string): void {
  const text = fs.readFileSync(store, 'utf8');
  const broken = text.replace('"minutes":30', '"minutes":-5');
  expect(broken).not.toBe(text);
  fs.writeFileSync(store, broken);
}

/** The summary's stamp made to name the file as it is now, as if rel had written this version. */
function stampAsWritten(store: string, edit: (summary: string) => string = (s) => s): void {
  const file = summaryOf(store);
  const summary = fs.readFileSync(file, 'utf8');
  const stamped = summary.replace(/"version":"[\d:]+"/, `"version":"${fileVersion(store)}"`);
  expect(stamped).not.toBe(summary);
  fs.writeFileSync(file, edit(stamped));
}

const refused = { code: 1, stdout: '', stderr: expect.stringMatching(/is not a rel journal: .*minutes/) };

it('a hand edit that breaks the shape of a journal rel wrote is refused, by every way in', async () => {
  const store = await written();
  const before = fs.readFileSync(summaryOf(store), 'utf8');
  breakShape(store);
  for (const args of [
    ['people', '--json'],
    ['due', '--json'],
    ['profile', 'Ana Silva'],
    ['log', 'Ana Silva', '--no-input', '--kind', 'call'],
  ]) {
    expect(await rel(args, { store })).toMatchObject(refused);
  }
  // The stamp still names the version rel wrote, which is no longer there.
  expect(fs.readFileSync(summaryOf(store), 'utf8')).toBe(before);
});

it('the version rel wrote is read without checking its shape again', async () => {
  const store = await written();
  breakShape(store);
  stampAsWritten(store);
  const r = await rel(['people', '--json'], { store });
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(r.stdout)).toMatchObject([{ name: 'Ana Silva' }]);
});

it('a stamp of another rel or another summary format is no reason to skip the check', async () => {
  for (const edit of [
    (s: string) => s.replace(/"rel":"[^"]*"/, '"rel":"0.0.0-other"'),
    (s: string) => s.replace(/"format":\d+,/, '"format":99,'),
  ]) {
    const store = await written();
    breakShape(store);
    stampAsWritten(store, (summary) => {
      const edited = edit(summary);
      expect(edited, 'an edit that changes nothing tests nothing').not.toBe(summary);
      return edited;
    });
    expect(await rel(['people', '--json'], { store })).toMatchObject(refused);
  }
});

it('the undo data of a journal read by its stamp still leads up to it: rel undo goes back two changes', async () => {
  const store = await written();
  const r = await rel(['log', 'Ana Silva', '--no-input', '--kind', 'call', '--note', 'Again.'], { store });
  expect(r.code).toBe(0);
  // The log before this one is still kept for undo: its undo data was found to belong here.
  expect(await rel(['undo'], { store })).toMatchObject({ code: 0 });
  expect(await rel(['undo'], { store })).toMatchObject({ code: 0 });
  const journal = JSON.parse(fs.readFileSync(store, 'utf8'));
  expect(journal.conversations).toEqual([]);
  expect(journal.people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
});

it('a full read keeps the tag of the text in the summary it writes, a byte-order mark left out: the undo data still leads up to it', async () => {
  const store = await written();
  // The same text behind a byte-order mark (an editor's save): another version of the file, the same journal.
  const text = fs.readFileSync(store, 'utf8');
  fs.writeFileSync(store, `\ufeff${text}`);
  expect(await rel(['due', '--json'], { store })).toMatchObject({ code: 0 });
  const tag = createHash('sha256').update(text).digest('base64url').slice(0, 22);
  expect(fs.readFileSync(summaryOf(store), 'utf8')).toContain(
    `"version":"${fileVersion(store)}","tag":"${tag}"}`,
  );
  // A write reads the tag from the summary: the log before it is still kept for undo.
  expect(await rel(['log', 'Ana Silva', '--no-input', '--kind', 'call'], { store })).toMatchObject({
    code: 0,
  });
  expect(await rel(['undo'], { store })).toMatchObject({ code: 0 });
  expect(await rel(['undo'], { store })).toMatchObject({ code: 0 });
  expect(JSON.parse(fs.readFileSync(store, 'utf8')).conversations).toEqual([]);
});
