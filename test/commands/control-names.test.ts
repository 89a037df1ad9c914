// A name (or alias) typed with control characters or bidi overrides is refused with the store
// unchanged, wherever a name is stored: add (and its aliases), rename, edit --alias, log --create.
import { expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

const EVIL = 'Evil\u001b[31mName\u0007';

it.each([
  [['add', EVIL], '␛ ␇'],
  [['add', 'Eve Kim', '--alias', 'Evie\u0007'], '␇'],
  [['add', 'Eve \u202eKim'], '<U+202E>'],
  [['rename', 'ana', EVIL], '␛ ␇'],
  [['edit', 'ana', '--alias', 'An\u001ba'], '␛'],
  [['log', EVIL, '--create', '--note', 'x'], '␛ ␇'],
])('rel %j is refused (exit 2), naming what it holds, and saves nothing', async (args, shown) => {
  const store = tempStore('control-names');
  await ok(['add', 'Ana Silva'], { store });
  const before = bytesOf(store);
  const r = await rel(args, { store });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`cannot hold control characters`);
  expect(r.stderr).toContain(`has ${shown}.`);
  expect(r.stderr).not.toContain('\u001b');
  expect(bytesOf(store)).toEqual(before);
});

it('tabs and line breaks in a name are spaces, as before', async () => {
  const store = tempStore('control-names-space');
  await ok(['add', 'Ana\tSilva\n'], { store });
  expect(readJson(store).people[0].name).toBe('Ana Silva');
});
