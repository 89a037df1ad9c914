// --store naming a path through a file (`--store notes.txt/journal.json`): a clear error that says
// which part is a file, never "unexpected error ... This is a bug in rel" (found by a tester with
// rel sync and rel sync --init).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rel, tempDir } from '../helpers/run.js';

describe('a store whose folder is a file', () => {
  const folder = tempDir('under-file');
  const file = path.join(folder, 'notes.txt');
  fs.writeFileSync(file, 'mine\n');
  const store = path.join(file, 'journal.json');

  it.each([[['due']], [['add', 'Ana Silva']], [['sync']], [['sync', '--init', path.join(folder, 'r.git')]]])(
    'rel %s: exit 1, says which part is a file, the file untouched',
    async (args) => {
      const r = await rel(args, { store });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/unexpected error|bug in rel/);
      expect(r.stderr).toContain(`${file} is a file, not a folder`);
      expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
    },
  );
});
