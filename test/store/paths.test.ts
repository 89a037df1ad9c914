// Where the journal is: --store, else REL_STORE, else the XDG data folder; "~" as a shell would.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { agentFolder } from '../../src/store/agent.js';
import { cachePath, nudgePath, stateFolder } from '../../src/store/calendar-cache.js';
import { configPath } from '../../src/store/config.js';
import { summaryPath } from '../../src/store/due-summary.js';
import { type Env, homeFolder, stateKey, storePath } from '../../src/store/paths.js';
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

describe('the XDG folders', () => {
  // A relative path in an XDG variable is ignored, as the XDG Base Directory specification says:
  // it would put the journal, or the settings, in whatever folder the shell happens to be in.
  const where = (env: Env) => ({
    journal: storePath(undefined, { HOME, ...env }),
    config: configPath({ HOME, ...env }),
    state: stateFolder({ HOME, ...env }),
    agent: agentFolder({ HOME, ...env }),
  });
  const defaults = {
    journal: `${HOME}/.local/share/rel/journal.json`,
    config: `${HOME}/.config/rel/config.json`,
    state: `${HOME}/.local/state/rel`,
    agent: `${HOME}/.local/state/rel`,
  };

  it('takes absolute ones', () => {
    expect(
      where({ XDG_DATA_HOME: '/d', XDG_CONFIG_HOME: '/c', XDG_STATE_HOME: '/s', XDG_RUNTIME_DIR: '/r' }),
    ).toEqual({
      journal: '/d/rel/journal.json',
      config: '/c/rel/config.json',
      state: '/s/rel',
      agent: '/r/rel',
    });
  });

  it.each(['data', './data', '../data', '~/data'])('ignores a relative one (%s)', (value) => {
    expect(
      where({ XDG_DATA_HOME: value, XDG_CONFIG_HOME: value, XDG_STATE_HOME: value, XDG_RUNTIME_DIR: value }),
    ).toEqual(defaults);
  });
});

describe('the home folder', () => {
  // HOME empty, unset or relative: the user database's home, never a path in the current folder.
  const system = os.userInfo().homedir;

  it.each([{ HOME: '' }, {}, { HOME: 'relative' }])("with %o is the system's home for this user", (env) => {
    expect(homeFolder(env)).toBe(system);
    expect(storePath(undefined, env)).toBe(path.join(system, '.local/share/rel/journal.json'));
    expect(configPath(env)).toBe(path.join(system, '.config/rel/config.json'));
    expect(stateFolder(env)).toBe(path.join(system, '.local/state/rel'));
    expect(storePath('~/j.json', env)).toBe(path.join(system, 'j.json'));
  });

  it('with neither, is an error saying what to set', () => {
    const entry = vi.spyOn(os, 'userInfo').mockImplementation(() => {
      throw new Error('no passwd entry');
    });
    try {
      const refused = (run: () => unknown) => {
        try {
          run();
        } catch (error) {
          return error instanceof UsageError ? [error.message, error.hint] : error;
        }
        return 'no error';
      };
      expect(refused(() => storePath(undefined, { HOME: '' }))).toEqual([
        'No home folder: HOME is empty and the system names none for this user.',
        'Set HOME to your home folder, or give the journal with --store <file> or REL_STORE.',
      ]);
      expect(refused(() => stateFolder({}))).toEqual([
        'No home folder: HOME is not set and the system names none for this user.',
        'Set HOME to your home folder, or set XDG_STATE_HOME to an absolute folder.',
      ]);
      // What does not need the home folder goes on without it.
      expect(storePath('/data/j.json', {})).toBe('/data/j.json');
      expect(stateFolder({ XDG_STATE_HOME: '/s' })).toBe('/s/rel');
    } finally {
      entry.mockRestore();
    }
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
