// removeFile stands in for fs.rmSync(file, { force: true }) on the write path (the lock, a
// discarded temp file): the same outcome for a file, one that is not there, and a folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFile } from '../../src/store/files.js';

describe('removeFile', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-remove-file-'));

  it('removes a file', () => {
    const file = path.join(folder, 'a');
    fs.writeFileSync(file, 'x');
    removeFile(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('does nothing when the file is not there', () => {
    expect(() => removeFile(path.join(folder, 'missing'))).not.toThrow();
  });

  it('refuses a folder, as rmSync without recursive does, and leaves it', () => {
    const dir = path.join(folder, 'dir');
    fs.mkdirSync(dir);
    expect(() => fs.rmSync(dir, { force: true })).toThrow();
    expect(() => removeFile(dir)).toThrow();
    expect(fs.existsSync(dir)).toBe(true);
  });
});
