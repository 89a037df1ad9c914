// A damaged file given to rel merge-journals is named as the input it is: the advice is never to
// restore the journal, which would roll back a healthy one (found by an independent tester).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir, tempStore } from '../helpers/run.js';

describe('rel merge-journals with a file that is not a journal', () => {
  it.each([
    ['random bytes', Buffer.from('9f1c3a7be2d04488aa10c6f3d9e15b72a04c8e3f1d7b9a6c5e2f0d1c3b4a5968', 'hex')],
    ['JSON that is not a journal', Buffer.from('{"hello": "world"}\n')],
  ])('--into refuses %s, says the journal is untouched and never to restore it', async (_, bytes) => {
    const store = tempStore('fold-bad');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ana', '--note', 'The last confirmed note'], { store });
    const copy = path.join(tempDir('fold-bad-copy'), 'journal (conflicted copy).json');
    fs.writeFileSync(copy, bytes);
    const before = bytesOf(store);
    const refused = await rel(['merge-journals', '--into', store, copy], { store });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('(conflict copy) cannot be merged');
    expect(refused.stderr).toContain('Your journal is untouched');
    expect(refused.stderr).not.toContain('--restore');
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });
});
