// Where the journal is: --store, else REL_STORE, else the XDG data folder; "~" as a shell would.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storePath } from '../../src/store/paths.js';

const HOME = '/home/ana';

describe('storePath', () => {
  it.each([
    // [--store, environment, where]
    ['/data/j.json', {}, '/data/j.json'],
    [undefined, { REL_STORE: '/data/env.json' }, '/data/env.json'],
    ['/data/flag.json', { REL_STORE: '/data/env.json' }, '/data/flag.json'],
    [undefined, { REL_STORE: '' }, `${HOME}/.local/share/rel/journal.json`],
    [undefined, { XDG_DATA_HOME: '/xdg' }, '/xdg/rel/journal.json'],
    // Quoted on the command line, or REL_STORE read from a file: "~" is still home.
    ['~/notes/j.json', {}, `${HOME}/notes/j.json`],
    [undefined, { REL_STORE: '~/notes/j.json' }, `${HOME}/notes/j.json`],
    ['~', {}, HOME],
    // Only "~" and "~/": another user's home, or a file whose name begins with "~", stay as typed.
    ['~bob/j.json', {}, path.resolve('~bob/j.json')],
    ['~j.json', {}, path.resolve('~j.json')],
    ['notes/~/j.json', {}, path.resolve('notes/~/j.json')],
  ])('--store %s with %o is %s', (option, env, where) => {
    expect(storePath(option, { HOME, ...env })).toBe(where);
  });
});
