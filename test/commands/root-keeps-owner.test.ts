// rel run as root (a sudo rel, a root cron job) on another user's journal: a write by rename makes
// a new file, root's unless given back, and a tester found the journal and its undo data handed
// to root, the owner then refused (EACCES) on every command. The new files keep the owner.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** A store with Ana, a conversation, backups and undo data, all (folder too) owned by nobody. */
async function nobodysStore(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['log', 'ana', '--note', 'first'], { store });
  const folder = path.dirname(store);
  fs.chownSync(folder, NOBODY, NOBODY);
  for (const name of fs.readdirSync(folder)) fs.chownSync(path.join(folder, name), NOBODY, NOBODY);
  return store;
}

const owners = (store: string) =>
  Object.fromEntries(
    fs
      .readdirSync(path.dirname(store))
      .filter((n) => !n.endsWith('.lock'))
      .sort()
      .map((n) => {
        const stat = fs.statSync(path.join(path.dirname(store), n));
        return [n, `${stat.uid}:${stat.gid}`];
      }),
  );

describe('a write as root on a journal of another user', () => {
  it('keeps the owner of the journal, its undo data and its backups', async (context) => {
    if (!isRoot) context.skip('needs root: only root can write a journal of another user');
    const store = await nobodysStore('root-owner');
    const r = await rel(['log', 'ana', '--note', 'as root'], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const seen = owners(store);
    expect(Object.keys(seen)).toEqual(
      expect.arrayContaining([
        'journal.json',
        '.journal.json.undo',
        '.journal.json.backup-1',
        '.journal.json.backup-2',
      ]),
    );
    for (const [name, owner] of Object.entries(seen)) expect(owner, name).toBe(`${NOBODY}:${NOBODY}`);
  });

  it('says so when the owner cannot be given back, and the change is still saved', async (context) => {
    if (!isRoot) context.skip('needs root: only root can write a journal of another user');
    const store = await nobodysStore('root-owner-fails');
    const r = await rel(['log', 'ana', '--note', 'as root'], {
      store,
      env: { REL_FAULT: 'owner-keep:fail' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Logged/);
    expect(r.stderr).toBe(
      `rel: warning: The change was saved, but ${store} is now owned by root: it could not be given back to its owner (uid ${NOBODY}, gid ${NOBODY}: ENOSPC: no space left on device (injected at owner-keep)), who may not be able to read it (chown ${NOBODY}:${NOBODY} ${JSON.stringify(store)}).\n`,
    );
    expect(await ok(['search', 'as root'], { store })).toMatch(/1 match/);
  });
});
