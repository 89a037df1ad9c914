// rel pulse through the built rel: its language libraries load with it alone, on its worker thread.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempDir, tempStore } from '../helpers/rel.js';

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
