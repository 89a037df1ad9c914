// The one-time notice on the first `rel due` that the change to time-together cadences makes
// longer. "Said once" is kept in the state folder (rel/said), never in the journal: rel due only reads it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir, tempStore } from '../helpers/run.js';

const NOTICE =
  /^rel now counts time together \(alone or in a small group\), not group meetings or messages, so (.+) (is|are) due\. To count every conversation: rel config set cadence-counts any\n$/;

/** Ana weekly, a 1:2:1 on Tue 3 Nov, then an all-hands with six on Mon 9 Nov. */
async function journal(state: string) {
  const store = tempStore('notice');
  const at = (now: string, env: Record<string, string> = {}) => ({
    store,
    now: `${now}T09:00:00`,
    env: { XDG_STATE_HOME: state, ...env },
  });
  await ok(['add', 'Ana Silva', '--cadence', '1w'], at('2026-11-02'));
  await ok(['add', 'Ben Okafor', '--cadence', '1w'], at('2026-11-02'));
  await ok(['log', 'ana', '--date', '2026-11-03'], at('2026-11-03'));
  await ok(['log', 'ben', '--date', '2026-11-03'], at('2026-11-03'));
  return { store, at };
}

const all = ['ana', 'ben', 'Cleo Grant', 'Dev Patel', 'Eve Kim', 'Finn Berg'];

describe('the notice after the upgrade to time-together cadences', () => {
  it('is said once, on the first rel due it changes, without writing the journal', async () => {
    const state = tempDir('state');
    const { store, at } = await journal(state);
    for (const name of all.slice(2)) await ok(['add', name], at('2026-11-02'));
    await ok(['log', ...all, '--kind', 'meeting', '--date', '2026-11-09'], at('2026-11-09'));
    // Wednesday 11 Nov: by time together Ana and Ben were due on the 10th, and the four never
    // met alone are due since they were added; by the old rule the all-hands would have put
    // them all off.
    const json = await rel(['due', '--json'], at('2026-11-11'));
    expect(json.stderr).toBe('');
    expect(fs.existsSync(path.join(state, 'rel', 'said'))).toBe(false);
    const before = bytesOf(store);
    const first = await rel(['due'], at('2026-11-11'));
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(NOTICE);
    expect(NOTICE.exec(first.stderr)![1]).toBe('Ana Silva and 5 others');
    expect(first.stdout).toMatch(/Ana Silva/);
    expect(bytesOf(store)).toEqual(before);
    const said = fs.readdirSync(path.join(state, 'rel', 'said'));
    expect(said).toHaveLength(1);
    const second = await rel(['due'], at('2026-11-12'));
    expect(second.stdout).toBe((await rel(['due'], at('2026-11-12'))).stdout);
    expect(second.stderr).toBe('');
    expect(bytesOf(store)).toEqual(before);
  });

  it('is kept per journal: another journal gets its own', async () => {
    const state = tempDir('state');
    for (const _ of [1, 2]) {
      const { at } = await journal(state);
      await ok(['log', 'ana', '--kind', 'message', '--date', '2026-11-09'], at('2026-11-09'));
      expect((await rel(['due'], at('2026-11-11'))).stderr).toMatch(NOTICE);
      expect((await rel(['due'], at('2026-11-11'))).stderr).toBe('');
    }
    expect(fs.readdirSync(path.join(state, 'rel', 'said'))).toHaveLength(2);
  });

  it('waits for the first rel due that the change makes longer', async () => {
    const state = tempDir('state');
    const { at } = await journal(state);
    // Nothing but 1:2:1s: both rules agree, so nothing is said and nothing is kept.
    expect((await rel(['due'], at('2026-11-11'))).stderr).toBe('');
    expect(fs.existsSync(path.join(state, 'rel', 'said'))).toBe(false);
    await ok(['log', 'ana', '--kind', 'message', '--date', '2026-11-16'], at('2026-11-16'));
    const r = await rel(['due'], at('2026-11-17'));
    expect(NOTICE.exec(r.stderr)?.[1]).toBe('Ana Silva');
  });

  it('is not said for a journal begun after the change: it never knew the old rule', async () => {
    const state = tempDir('state');
    const store = tempStore('notice-new');
    const at = (now: string) => ({ store, now: `${now}T09:00:00`, env: { XDG_STATE_HOME: state } });
    await ok(['add', 'Ana Silva', '--cadence', '1w'], at('2026-12-02'));
    await ok(['log', 'ana'], at('2026-12-02'));
    await ok(['log', 'ana', '--kind', 'message'], at('2026-12-07'));
    const r = await rel(['due'], at('2026-12-10'));
    expect(r.stdout).toMatch(/Ana Silva/);
    expect(r.stderr).toBe('');
    expect(fs.existsSync(path.join(state, 'rel', 'said'))).toBe(false);
  });

  it('is not said when cadence-counts was chosen', async () => {
    const state = tempDir('state');
    const { at } = await journal(state);
    await ok(['log', 'ana', '--kind', 'message', '--date', '2026-11-09'], at('2026-11-09'));
    for (const value of ['small-groups', 'alone']) {
      expect((await rel(['due'], at('2026-11-11', { REL_CADENCE_COUNTS: value }))).stderr).toBe('');
    }
    expect(fs.existsSync(path.join(state, 'rel', 'said'))).toBe(false);
    expect((await rel(['due'], at('2026-11-11'))).stderr).toMatch(NOTICE);
  });

  it('is said again next time when the state folder cannot be written, and rel due still works', async () => {
    const dir = tempDir('state');
    const state = path.join(dir, 'not-a-folder');
    fs.writeFileSync(state, '');
    const { at } = await journal(state);
    await ok(['log', 'ana', '--kind', 'message', '--date', '2026-11-09'], at('2026-11-09'));
    for (const _ of [1, 2]) {
      const r = await rel(['due'], at('2026-11-11'));
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(NOTICE);
    }
  });
});
