// A forget made on one machine and received by another in a sync: nothing that machine sends
// afterwards names the person, in a commit message or a blob. What it wrote or committed before
// the forget reached it (a conversation with the person, a commit not sent yet) still holds
// them: it is merged with the forget uncommitted, and only the merge is committed.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  type Machines,
  pushedMeanwhile,
  remoteObjects,
  remoteObjectsHolding,
  syncedWith,
} from '../helpers/machines.js';
import { ok, readJson } from '../helpers/run.js';

const notes = (store: string): string[] =>
  readJson(store)
    .conversations.map((c: { note: string }) => c.note)
    .sort();

type Step = (m: Machines) => Promise<unknown>;

/** What B does while A forgets Quentin: before A's forget, and after it was sent. */
const cases: [string, Step, Step][] = [
  [
    'B logged a conversation with both since',
    async () => {},
    ({ b }) => ok(['log', 'ana', 'quentin', '--note', 'With both, on B'], { store: b }),
  ],
  [
    'B logged a conversation with someone else since',
    async () => {},
    ({ b }) => ok(['log', 'ana', '--note', 'With Ana, on B'], { store: b }),
  ],
  [
    'B committed a conversation with both and could not send it',
    async ({ b }) => {
      await ok(['log', 'ana', 'quentin', '--note', 'With both, on B'], { store: b });
      const failed = await ok(['sync'], { store: b, env: { REL_FAULT: 'git:push:fail' } }).catch(String);
      expect(failed).toContain('git push failed');
    },
    async () => {},
  ],
  [
    'B received the forget, then logged a conversation',
    async () => {},
    async ({ b }) => {
      await ok(['sync'], { store: b });
      await ok(['log', 'ana', '--note', 'With Ana, on B'], { store: b });
    },
  ],
];

describe('what a machine sends after a forget made on another', { timeout: 300_000 }, () => {
  it.each(cases)('names no one forgotten: %s', async (_what, beforeForget, afterForget) => {
    const m = await syncedWith('sync-forget-unsent', ['Ana Silva', 'Quentin Zzyzx']);
    await beforeForget(m);
    await ok(['forget', 'quentin', '--yes'], { store: m.a });
    await ok(['sync'], { store: m.a });
    const sent = remoteObjects(m.remote);
    await afterForget(m);
    await ok(['sync'], { store: m.b });
    await ok(['sync'], { store: m.b });
    await ok(['sync'], { store: m.a });
    for (const text of ['Quentin Zzyzx', 'quentin-zzyzx', 'Quentin'])
      expect(remoteObjectsHolding(m.remote, text, sent), text).toEqual([]);
    // Nothing written on B is lost: its conversation is on both machines, with Ana.
    expect(notes(m.a)).toEqual(notes(m.b));
    expect(notes(m.a)).toHaveLength(1);
    const conversation = readJson(m.a).conversations[0];
    expect(conversation.with).toEqual(['ana-silva']);
    expect(readJson(m.b).people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
  });
});

describe('a forget pushed while another machine sends', { timeout: 300_000 }, () => {
  it('the commit the remote refused is not sent: what it held goes in the merge, with the forget', async () => {
    const m = await syncedWith('sync-forget-meanwhile', ['Ana Silva', 'Quentin Zzyzx']);
    const tip = () =>
      execFileSync('git', ['--git-dir', m.remote, 'rev-parse', 'main'], { encoding: 'utf8' }).trim();
    const before = tip();
    await ok(['forget', 'quentin', '--yes'], { store: m.a });
    await ok(['sync'], { store: m.a });
    const sent = remoteObjects(m.remote);
    // B fetches the journal from before the forget, commits, and finds the forget when it pushes.
    pushedMeanwhile(m.remote, before, tip());
    await ok(['log', 'ana', 'quentin', '--note', 'With both, on B'], { store: m.b });
    // It met the forget only on its second attempt (the push refused).
    expect(await ok(['sync'], { store: m.b })).toMatch(
      /^Committed: .*\nReceived: .*1 person removed\nSynced\.$/m,
    );
    for (const text of ['Quentin Zzyzx', 'quentin-zzyzx', 'Quentin'])
      expect(remoteObjectsHolding(m.remote, text, sent), text).toEqual([]);
    await ok(['sync'], { store: m.a });
    expect(notes(m.a)).toEqual(['With both, on B']);
    expect(readJson(m.a).conversations[0].with).toEqual(['ana-silva']);
  });
});
