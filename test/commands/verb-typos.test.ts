// A mistyped verb after a noun gets the "Did you mean" a mistyped command gets: `rel
// conversation edti` said only "unknown command", and `rel config gte x` reached config's
// default command and said "too many arguments for 'list'", naming a command never typed.
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
    // another tool's word for the verb
    [['conversation', 'rm', 'abc'], 'rel conversation delete'],
    [['conversation', 'remove'], 'rel conversation delete'],
    [['todo', 'rm', 'abcd'], 'rel todo delete'],
    [['todo', 'del'], 'rel todo delete'],
    [['todo', 'ls'], 'rel todo list'],
    [['config', 'show'], 'rel config list'],
    [['inbox', 'ls'], 'rel inbox list'],
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

  it.each([
    [['config', 'gte', 'x'], 'config', 'gte', 'rel config get'],
    [['config', 'st', 'x', 'y'], 'config', 'st', 'rel config set'],
    [['config', 'lsit'], 'config', 'lsit', 'rel config list'],
    [['config', 'g'], 'config', 'g', 'rel config get'],
    [['config', 'gte', '--bogus'], 'config', 'gte', 'rel config get'],
    [['todo', 'delet', 'abcd'], 'todo', 'delet', 'rel todo delete'],
    // an option of the verb meant, after it: not the default command's unknown option
    [['todo', 'edti', 'abcd', '--due', '2w'], 'todo', 'edti', 'rel todo edit'],
    [['inbox', 'lgo', '--note', 'Roadmap'], 'inbox', 'lgo', 'rel inbox log'],
  ])('%j: the word typed is blamed, not the default command', async (args, noun, typed, meant) => {
    const r = await rel(args, { store: tempStore('verb-typos') });
    expect(r.code).toBe(2);
    const [first, second] = r.stderr.split('\n');
    const article = noun === 'inbox' ? 'an' : 'a';
    expect(first).toBe(`rel: "${typed}" is not ${article} ${noun} command.`);
    expect(second).toContain(`Did you mean ${meant}?`);
    expect(r.stderr).not.toMatch(/'list'|rel \w+ list --help|unknown option/);
  });

  it('a word close to no verb, where no word fits, lists the verbs', async () => {
    const r = await rel(['config', 'xyz'], { store: tempStore('verb-typos') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rel: "xyz" is not a config command.');
    expect(r.stderr).toContain('The commands: list (the default), get, set, unset.');
    expect(r.stderr).not.toContain("'list'");
  });
});

describe('rel todo <word>: a name, or a mistyped verb', () => {
  async function journal() {
    const store = tempStore('todo-verbs');
    for (const name of ['Cleo Park', 'Ed Stone', 'Ana Silva'])
      expect((await rel(['add', name], { store })).code).toBe(0);
    return store;
  }

  it.each([
    ['eidt', 'rel todo edit'],
    ['lst', 'rel todo list'],
    ['ad', 'rel todo add'],
    ['rm', 'rel todo delete'],
  ])('%s, nobody in the journal, is offered as %s', async (typed, meant) => {
    const store = await journal();
    const r = await rel(['todo', typed], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`No one called "${typed}" in your journal.`);
    expect(r.stderr).toContain(`Did you mean ${meant}?`);
  });

  it('a verb a typo away comes before a name a typo away', async () => {
    const store = await journal();
    const r = await rel(['todo', 'dle'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean rel todo delete or Cleo Park (cleo-park)?');
  });

  it('a person whose name is close to a verb is still a person', async () => {
    const store = await journal();
    expect((await rel(['todo', 'add', 'ed', 'Send the doc'], { store })).code).toBe(0);
    for (const args of [
      ['todo', 'ed'],
      ['todo', 'Ed', '--mine'],
    ]) {
      const r = await rel(args, { store });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Send the doc');
      expect(r.stderr).toBe('');
    }
    // an option no verb close to it has: the default command's own error, which knows the flags
    const bogus = await rel(['todo', 'ed', '--mien'], { store });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("unknown option '--mien'");
    expect(bogus.stderr).toContain('Did you mean --mine?');
  });
});
