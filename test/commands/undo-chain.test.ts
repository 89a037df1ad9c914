// rel undo, run again, takes back the change before, however much time passed between them: an
// undo stamps the records it puts back (so that a sync takes it), and that stamp is not a change
// "since then" that the earlier change's undo must refuse over.
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

describe('undo, then undo again', () => {
  it.each([
    ['rel done', ['done', 'Send the notes']],
    ['rel merge', ['merge', 'Cy Two', 'Cy One']],
    ['rel edit', ['edit', 'cy-one', '--add-tag', 'coach']],
    ['rel todo edit', ['todo', 'edit', 'FOLLOW', '--due', '2026-12-20']],
  ])('after undoing a %s made minutes later, takes back the log before it', async (_, change) => {
    const store = tempStore('undo-chain');
    await ok(['add', 'Cy One'], { store, now: '2026-11-20T10:00:00' });
    await ok(['add', 'Cy Two'], { store, now: '2026-11-20T10:00:00' });
    await ok(['log', 'cy one', 'cy two', '--kind', 'meeting', '--follow-up', 'Send the notes'], {
      store,
      now: '2026-11-20T10:01:00',
    });
    const followUp = readJson(store).followUps[0].id as string;
    await ok(
      change.map((a) => (a === 'FOLLOW' ? followUp : a)),
      { store, now: '2026-11-20T10:05:00' },
    );
    await ok(['undo'], { store, now: '2026-11-20T10:06:00' });
    const again = await rel(['undo'], { store, now: '2026-11-20T10:07:00' });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Undone: logged a meeting with Cy One, Cy Two');
    const journal = readJson(store);
    expect(journal.conversations).toEqual([]);
    expect(journal.followUps).toEqual([]);
    expect(journal.people.map((p: { name: string }) => p.name)).toEqual(['Cy One', 'Cy Two']);
  });

  it('still refuses when a record was really changed since', async () => {
    const store = tempStore('undo-chain-real');
    await ok(['add', 'Cy One'], { store, now: '2026-11-20T10:00:00' });
    await ok(['log', 'cy', '--follow-up', 'Send the notes'], { store, now: '2026-11-20T10:01:00' });
    const journal = readJson(store);
    journal.followUps[0].text = 'Changed by hand';
    const fs = await import('node:fs');
    fs.writeFileSync(store, `${JSON.stringify(journal, null, 2)}\n`);
    const refused = await rel(['undo'], { store, now: '2026-11-20T10:07:00' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Cannot undo');
  });
});
