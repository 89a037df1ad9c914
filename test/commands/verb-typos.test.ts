// A mistyped verb after a noun gets the "Did you mean" a mistyped command gets: `rel
// conversation edti` said only "unknown command", and `rel config gte x` reached config's
// default command and said "too many arguments for 'list'".
import { describe, expect, it } from 'vitest';
import { rel, tempStore } from '../helpers/run.js';

describe('a mistyped verb', () => {
  it.each([
    [['conversation', 'edti', 'abc'], 'rel conversation edit'],
    [['conversation', 'delte', 'abc'], 'rel conversation delete'],
    [['config', 'gte', 'default-cadence'], 'rel config get'],
    [['config', 'unst', 'default-cadence'], 'rel config unset'],
    [['todo', 'eidt', 'abc'], 'rel todo edit'],
    // the nearest verb, not the first one within two letters
    [['inbox', 'lst'], 'rel inbox list'],
    [['inbox', 'dismis'], 'rel inbox dismiss'],
  ])('%j: did you mean %s', async (args, meant) => {
    const store = tempStore('verb-typos');
    const r = await rel(args, { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`\\(?Did you mean ${meant}\\?`));
  });

  it.each([[['conversation', 'zzz']], [['config', 'list', 'a', 'b']]])(
    '%j: nothing close, no guess',
    async (args) => {
      const r = await rel(args, { store: tempStore('verb-typos') });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('Did you mean');
    },
  );
});
