// rel log with someone archived: the conversation is kept, and the confirmation says they are out of
// rel due rather than giving a next check-in nothing will remind of.
import { describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

describe('rel log with an archived person', () => {
  it('says they are archived and how to bring them back, and gives the others their check-in', async () => {
    const store = tempStore('log-archived');
    const o = { store, now: '2026-11-20' };
    await ok(['add', 'Aoife Byrne'], o);
    await ok(['add', 'Ben Ong', '--cadence', '2w'], o);
    await ok(['archive', 'aoife'], o);
    const out = (await ok(['log', 'aoife', 'ben', '--kind', 'coffee', '--no-input'], o)).replace(/\s+/g, ' ');
    expect(out).toContain(
      'Aoife Byrne is archived, out of rel due: no next check-in. Bring them back with: rel unarchive aoife-byrne',
    );
    expect(out).not.toContain('Next check-in with Aoife');
    expect(out).toContain('Next check-in with Ben Ong: Fri 4 Dec (in 2 weeks).');
  });

  it('a typo close to someone archived: the did-you-mean says they are archived', async () => {
    const store = tempStore('log-archived-typo');
    const o = { store, now: '2026-11-20' };
    await ok(['add', 'Anton Berg'], o);
    await ok(['archive', 'anton'], o);
    const r = await rel(['log', 'antn', '--note', 'x', '--no-input'], o);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean Anton Berg (anton-berg, archived)?');
  });
});
