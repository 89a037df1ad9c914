// A report that lists no one while the journal has people says why (found by a tester: with
// everyone archived, or asked for alumni when no one has left, rel people, rel due and rel stats
// said the journal had no one in it, the moment one fears it was lost).
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

const ARCHIVED =
  'Everyone in your journal is archived (2 people): see them with rel people --all, bring one back with rel unarchive <name>.';

describe('an empty list in a journal with people', () => {
  async function allArchived(): Promise<string> {
    const store = tempStore('no-one');
    await ok(['add', 'Ben Ong'], { store });
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ben', '--note', 'ten years of notes'], { store });
    await ok(['archive', 'ben'], { store });
    await ok(['archive', 'ana'], { store });
    return store;
  }

  it('everyone archived: rel people, rel due (with and without its summary) and rel stats say so', async () => {
    const store = await allArchived();
    expect((await ok(['people'], { store })).trim()).toBe(ARCHIVED);
    expect((await ok(['due'], { store })).trim()).toBe(ARCHIVED);
    expect((await ok(['due'], { store })).trim()).toBe(ARCHIVED);
    expect(await ok(['stats'], { store })).toBe(`Your relationships\n\n${ARCHIVED}\n`);
    expect(await ok(['people', '--all'], { store })).toMatch(/Ben Ong \(archived\)/);
  });

  it('rel people --alumni with no one who left', async () => {
    const store = tempStore('no-alumni');
    await ok(['add', 'Ben Ong'], { store });
    expect((await ok(['people', '--alumni'], { store })).trim()).toBe(
      'No one has left. When someone moves on: rel left <name> (their history stays).',
    );
  });

  it('a journal with no one in it keeps its own words', async () => {
    const store = tempStore('no-one-at-all');
    expect(await ok(['people'], { store })).toMatch(/^Your journal has no one in it yet/);
    expect(await ok(['people', '--alumni'], { store })).toMatch(/^Your journal has no one in it yet/);
    expect(await ok(['due'], { store })).toMatch(/^Your journal has no one in it yet/);
  });

  it('one archived and one active: the active one is listed as before', async () => {
    const store = tempStore('one-active');
    await ok(['add', 'Ben Ong'], { store });
    await ok(['add', 'Ana Silva'], { store });
    await ok(['archive', 'ben'], { store });
    expect(await ok(['people'], { store })).toMatch(/Ana Silva/);
    expect(await ok(['due'], { store })).toMatch(/Ana Silva/);
  });
});
