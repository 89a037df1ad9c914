// Where the journal is: --store, else REL_STORE, else the XDG data folder; "~" as a shell would.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachePath, nudgePath } from '../../src/store/calendar-cache.js';
import { summaryPath } from '../../src/store/due-summary.js';
import { stateKey, storePath } from '../../src/store/paths.js';
import { sealedStampPath } from '../../src/store/sealed-stamp.js';
import { statsSummaryPath } from '../../src/store/stats-summary.js';

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

describe('stateKey', () => {
  // The names the state folder's files had before there was one key for them all: a rel of this
  // build finds the summaries, stamp, calendars and nudge an earlier one left.
  const target = '/home/ana/.local/share/rel/journal.json';
  const key = '5e1386875eadfe95';

  it('names every file rel keeps for a journal in its state folder, as before', () => {
    expect(stateKey(target)).toBe(key);
    expect(summaryPath('/s', target)).toBe(`/s/due-${key}.json`);
    expect(statsSummaryPath('/s', target)).toBe(`/s/stats-${key}.json`);
    expect(sealedStampPath('/s', target)).toBe(`/s/stamp-${key}.sealed`);
    expect(nudgePath('/s', target)).toBe(`/s/inbox-${key}.json`);
    expect(cachePath('/s', target, target)).toBe(`/s/calendar-${key}-${key}.cache`);
  });
});
