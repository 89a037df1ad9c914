// rel todo --theirs (or --mine) with none of that side open, though some of the other are: it said
// "No open follow-ups" and offered to add one of yours (tester A #7). It says whose there are none of.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

describe('rel todo with none open on the side asked for', () => {
  it('--theirs with only yours open says none of theirs, and how to add one they promised', async () => {
    const store = tempStore('todo-empty-theirs');
    const o = { store, now: '2026-12-06' };
    await ok(['add', 'Ana Silva'], o);
    await ok(['todo', 'add', 'ana', 'Send deck', '--due', 'friday'], o);
    expect((await ok(['todo', '--theirs'], o)).trim()).toBe(
      'No open follow-ups of theirs. Add one they promised with: rel todo add <name> "What they promised" --theirs',
    );
    expect(await ok(['todo', 'ana', '--theirs'], o)).toContain(
      'No open follow-ups of theirs with Ana Silva.',
    );
    expect(await ok(['todo'], o)).toContain('1 open follow-up');
  });

  it('--mine with only theirs open says none of yours', async () => {
    const store = tempStore('todo-empty-mine');
    const o = { store, now: '2026-12-06' };
    await ok(['add', 'Ana Silva'], o);
    await ok(['todo', 'add', 'ana', 'Share the draft', '--theirs'], o);
    expect(await ok(['todo', '--mine'], o)).toContain(
      'No open follow-ups of yours. Add one with: rel todo add <name> "What you promised" --due friday',
    );
    // With neither, none at all reads as before.
    const empty = tempStore('todo-empty-none');
    expect(await ok(['todo'], { store: empty, now: '2026-12-06' })).toContain(
      'No open follow-ups. Add one with: rel todo add',
    );
  });
});
