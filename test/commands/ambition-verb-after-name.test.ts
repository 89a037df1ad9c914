// rel ambition ana done principal: a reserved word after the name (the order of adding) changes
// the ambition it picks, as rel ambition done ana principal does, or is refused; it is never kept
// as an ambition called "done principal".
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

async function journal() {
  const store = tempStore('ambition-verb');
  const o = { store, now: '2026-12-02T10:00:00' };
  await ok(['add', 'Ana Silva'], o);
  await ok(['ambition', 'ana', 'Become a principal engineer'], o);
  return o;
}

const ambitions = (store: string) =>
  readJson(store).people[0].ambitions.map((a: { text: string; status: string }) => [a.text, a.status]);

describe('rel ambition <name> done|drop|reopen <words>', () => {
  it('makes the change the words pick, in either order', async () => {
    const o = await journal();
    expect(await ok(['ambition', 'ana', 'done', 'principal'], o)).toContain(
      'Achieved: Become a principal engineer',
    );
    expect(ambitions(o.store)).toEqual([['Become a principal engineer', 'achieved']]);
    await ok(['ambition', 'ana', 'reopen', 'principal'], o);
    await ok(['ambition', 'ana', 'Drop', 'principal'], o);
    expect(ambitions(o.store)).toEqual([['Become a principal engineer', 'dropped']]);
  });

  it('refuses words that pick none, saving nothing, with the order and the quoting as hints', async () => {
    const o = await journal();
    const r = await rel(['ambition', 'ana', 'done', 'staff'], o);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"done" is a reserved word, and "staff" picks none of Ana Silva\'s ambitions');
    expect(r.stderr).toContain('rel ambition done ana-silva <words of it>');
    expect(r.stderr).toContain('quote it whole: rel ambition ana-silva "done staff"');
    expect(ambitions(o.store)).toEqual([['Become a principal engineer', 'active']]);
    // Quoted whole, as one argument, it is an ambition like any other.
    await ok(['ambition', 'ana', 'Drop the imposter feeling'], o);
    expect(ambitions(o.store)).toContainEqual(['Drop the imposter feeling', 'active']);
  });
});
