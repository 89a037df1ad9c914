// rel pulse through the built rel: its language libraries load with it alone, on its worker thread,
// and read as the libraries themselves do (the build keeps the model's data as JSON and reads it
// afresh instead of copying it: scripts/build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempDir, tempStore } from '../helpers/rel.js';
import { rel as inProcess } from '../helpers/run.js';

const LOADED_HOOK = path.resolve(import.meta.dirname, '../helpers/loaded-modules.mjs');

describe('rel pulse loads its libraries alone', () => {
  it('rel --help and rel due load no module of the pulse; rel pulse does', () => {
    const store = tempStore('pulse-modules');
    ok(['demo'], { store });
    const loaded = (args: string[]) => {
      const file = path.join(tempDir('loaded'), 'modules.txt');
      ok(args, { store, env: { NODE_OPTIONS: `--import ${LOADED_HOOK}`, REL_TEST_LOADED: file } });
      return fs.readFileSync(file, 'utf8');
    };
    const pulseChunks = /\/(language|pulse|pulse-file|pulse-worker)(-[A-Z0-9]+)?\.c?js$/m;
    expect(loaded(['--help'])).not.toMatch(pulseChunks);
    expect(loaded(['due'])).not.toMatch(pulseChunks);
    // The hook sees the command's own program or chunk (the libraries load on its worker thread).
    expect(loaded(['pulse'])).toMatch(/\/pulse(-[A-Z0-9]+)?\.c?js$/m);
  });
});

describe('rel pulse as built', () => {
  it('reads the notes as the libraries from node_modules do', async () => {
    const store = tempStore('pulse-built');
    ok(['demo'], { store });
    const fresh = (tag: string) => {
      const copy = tempStore(tag);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(store, copy);
      return copy;
    };
    // No answers kept: the built worker, and the source's libraries in this process, read every note.
    for (const args of [
      ['pulse', '--json'],
      ['pulse', '--since', '6m', '--json'],
    ]) {
      const built = ok(args, { store: fresh('pulse-built-a') });
      const source = await inProcess(args, { store: fresh('pulse-built-b') });
      expect(source.code).toBe(0);
      expect(built).toBe(source.stdout);
    }
  });
});
