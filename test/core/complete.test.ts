import { describe, expect, it } from 'vitest';
import { type CommandSpec, complete, type Names } from '../../src/core/complete.js';

const root: CommandSpec = {
  name: 'rel',
  options: [{ flags: ['--store'], takesValue: true }],
  args: [],
  subcommands: [
    {
      name: 'profile',
      options: [{ flags: ['--json'], takesValue: false }],
      args: [{ values: 'people', variadic: false }],
      subcommands: [],
    },
    {
      name: 'log',
      options: [
        { flags: ['--kind'], takesValue: true, values: ['1:2:1', 'coffee', 'call'] },
        { flags: ['--note'], takesValue: true },
        { flags: ['--create'], takesValue: false },
      ],
      args: [{ values: 'people', variadic: true }],
      subcommands: [],
    },
    {
      name: 'due',
      options: [{ flags: ['--tag'], takesValue: true, values: 'tags' }],
      args: [],
      subcommands: [],
    },
    {
      name: 'config',
      options: [],
      args: [],
      subcommands: [
        {
          name: 'get',
          options: [],
          args: [{ values: ['week-start', 'default-kind'], variadic: false }],
          subcommands: [],
        },
        { name: 'set', options: [], args: [], subcommands: [] },
      ],
    },
  ],
};

const names: Names = {
  people: [
    { id: 'ana-silva', words: ['ana', 'silva'] },
    { id: 'chloe-martin', words: ['chloe', 'martin', 'clo'] },
  ],
  tags: ['oncall', 'platform'],
};

describe('complete', () => {
  it.each([
    [[''], ['profile', 'log', 'due', 'config']],
    [['pr'], ['profile']],
    [
      ['profile', ''],
      ['ana-silva', 'chloe-martin'],
    ],
    [['profile', 'SIL'], ['ana-silva']],
    [['profile', 'ana', ''], []],
    [['log', 'ana', 'cl'], ['chloe-martin']],
    [['log', '--kind', 'co'], ['coffee']],
    [
      ['log', '--kind=c'],
      ['--kind=coffee', '--kind=call'],
    ],
    [
      ['log', '--note', 'x', '--'],
      ['--kind', '--note', '--create', '--store'],
    ],
    [['log', '--note', ''], []],
    [
      ['due', '--tag', ''],
      ['oncall', 'platform'],
    ],
    [['--store', '/tmp/j.json', 'pro'], ['profile']],
    [
      ['config', ''],
      ['get', 'set'],
    ],
    [['config', 'get', 'w'], ['week-start']],
  ])('%j -> %j', (words, expected) => {
    expect(complete(root, words, () => names)).toEqual(expected);
  });

  it('reads the journal only when a name or tag is to be offered', () => {
    let reads = 0;
    const journal = () => {
      reads += 1;
      return names;
    };
    complete(root, ['pro'], journal);
    complete(root, ['log', '--'], journal);
    expect(reads).toBe(0);
    complete(root, ['profile', 'a'], journal);
    expect(reads).toBe(1);
  });
});
