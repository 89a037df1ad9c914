// A journal about to be moved, for the tests of what rel kept where a journal was before
// (store/former-places.ts): Ben is in it, and in its backups and undo data beside it.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ok, tempDir } from './run.js';

/** What names Ben, or his skill, in any file. */
export const SECRET = /Okafor|oboe/;

/** The files of these that still name Ben. */
export const holdingBen = (files: string[]) =>
  files.filter((file) => SECRET.test(fs.readFileSync(file, 'utf8')));

/**
 * A journal at root/old/j.json with Ben in it, and root/new/ to move it to: both paths give the
 * same state folder (root/state), the one machine's rel. `left` lists what rel keeps at the old place.
 */
export async function journalAt(tag: string) {
  const root = tempDir(tag);
  const old = path.join(root, 'old', 'j.json');
  const moved = path.join(root, 'new', 'j.json');
  await ok(['add', 'Ana Silva'], { store: old });
  await ok(['add', 'Ben Okafor'], { store: old });
  await ok(['skill', 'ben', 'Plays the oboe'], { store: old });
  fs.mkdirSync(path.dirname(moved));
  const left = () => fs.readdirSync(path.dirname(old)).filter((name) => name.startsWith('.j.json.'));
  expect(left()).toEqual(expect.arrayContaining(['.j.json.backup-1', '.j.json.undo']));
  return { root, old, moved, left };
}
