// rel sync between two machines: two clones of a bare repository on this machine (file://).
// Whatever each side did while apart, after sync on A, B, A (or B, A, B) both journals are
// identical and nothing is lost. In-process: git's merge driver is set to the built bin (run.ts);
// test/e2e/sync.test.ts runs sync and the driver through the bin.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logConversation } from '../../src/core/conversations.js';
import type { Journal } from '../../src/core/journal.js';
import { addPerson } from '../../src/core/new-person.js';
import { recordPersonMerge } from '../../src/core/tombstones.js';
import { Store } from '../../src/store/store.js';
import { type Machines, syncedMachines, syncedWith } from '../helpers/machines.js';
import { BIN } from '../helpers/rel.js';
import { bytesOf, ok, readJson, rel, tempDir } from '../helpers/run.js';

const FAST = { REL_KDF_LOG_N: '10' };

/** A change made the way rel's own commands make it (stamps and tombstones by the store). */
async function edit(file: string, change: (j: Journal, now: Date) => void, now = '2026-11-27T15:00:00Z') {
  const store = new Store(file, { warn: () => {}, now: new Date(now) });
  await store.update((j) => change(j, new Date(now)));
}

const names = (j: Journal) => j.people.map((p) => p.name).sort();
const notes = (j: Journal) => j.conversations.map((c) => c.note).sort();

async function syncAll(m: Machines, order: 'ABA' | 'BAB', env: Record<string, string> = {}) {
  const [x, y] = order === 'ABA' ? [m.a, m.b] : [m.b, m.a];
  for (const store of [x, y, x]) await ok(['sync'], { store, env });
}

describe.each(['ABA', 'BAB'] as const)('rel sync, in the order %s', (order) => {
  // Many processes (rel, git, rel as git's merge driver): slow on a busy machine, hence the time.
  it('interleaved logs, edits of the same person, archive vs a new conversation, a merge of people', {
    timeout: 300_000,
  }, async () => {
    const m = await syncedMachines(`sync-${order}`, ({ a }) =>
      // The common start, written in-process (as rel add and rel log would) to keep the test quick.
      edit(
        a,
        (j, now) => {
          const clock = { now, newId: () => `base${j.conversations.length}` };
          for (const name of ['Ana Silva', 'Bo Chen', 'Cy Diaz', 'Cyrus Diaz']) addPerson(j, { name }, clock);
          const about = { 'ana-silva': { ambitions: [], skills: [], followUps: [], askNext: [] } };
          const talk = {
            date: '2026-11-20',
            with: ['ana-silva'],
            kind: '1:2:1',
            minutes: 30,
            heard: [],
            about,
          };
          logConversation(j, { ...talk, note: 'base talk' }, clock);
        },
        '2026-11-20T12:00:00Z',
      ),
    );
    // Apart: both log, both learn something about Ana, A archives Bo while B talks to him,
    // A merges Cyrus into Cy while B logs with Cyrus.
    await ok(['log', 'ana', '--note', 'A1', '--ambition', 'lead a team'], { store: m.a });
    await ok(['log', 'ana', '--note', 'B1', '--skill', 'pottery'], {
      store: m.b,
      now: '2026-11-27T13:00:00',
    });
    await ok(['log', 'cy', '--note', 'A2'], { store: m.a });
    await ok(['log', 'bo', '--note', 'B2 with Bo'], { store: m.b });
    await ok(['log', 'cyrus', '--note', 'B3 with Cyrus', '--follow-up', 'intro to Ana'], { store: m.b });
    await edit(m.a, (j, now) => {
      j.people.find((p) => p.id === 'bo-chen')!.archivedAt = now.toISOString();
      j.people.find((p) => p.id === 'ana-silva')!.role = 'Staff engineer';
    });
    await edit(m.b, (j) => {
      j.people.find((p) => p.id === 'ana-silva')!.team = 'Platform';
    });
    await edit(m.a, (j, now) => {
      const keep = j.people.find((p) => p.id === 'cy-diaz')!;
      keep.aliases.push('Cyrus Diaz');
      for (const c of j.conversations) c.with = c.with.map((w) => (w === 'cyrus-diaz' ? 'cy-diaz' : w));
      j.people = j.people.filter((p) => p.id !== 'cyrus-diaz');
      recordPersonMerge(j, 'cyrus-diaz', 'cy-diaz', now);
    });

    await syncAll(m, order);

    expect(bytesOf(m.a)).toEqual(bytesOf(m.b));
    const j: Journal = readJson(m.a);
    expect(names(j)).toEqual(['Ana Silva', 'Bo Chen', 'Cy Diaz']);
    expect(notes(j)).toEqual(['A1', 'A2', 'B1', 'B2 with Bo', 'B3 with Cyrus', 'base talk']);
    const ana = j.people.find((p) => p.id === 'ana-silva')!;
    expect(ana).toMatchObject({ role: 'Staff engineer', team: 'Platform' });
    expect(ana.ambitions.map((x) => x.text)).toEqual(['lead a team']);
    expect(ana.skills.map((x) => x.text)).toEqual(['pottery']);
    expect(j.people.find((p) => p.id === 'bo-chen')!.archivedAt).not.toBeNull();
    // B's conversation and follow-up with Cyrus now belong to Cy, whom he was merged into.
    expect(j.conversations.find((c) => c.note === 'B3 with Cyrus')!.with).toEqual(['cy-diaz']);
    expect(j.followUps.map((f) => [f.text, f.personId])).toEqual([['intro to Ana', 'cy-diaz']]);
    // The store is private again after git wrote it.
    for (const file of [m.a, m.b]) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
  });
});

describe('rel sync', () => {
  it('commits only the journal and .gitattributes, with messages that say what changed', async () => {
    const m = await syncedMachines('sync-files');
    await ok(['add', 'Ana Silva'], { store: m.a });
    await ok(['sync'], { store: m.a });
    const dir = path.dirname(m.a);
    fs.writeFileSync(path.join(dir, 'journal.json.lock.takeover'), 'x');
    fs.writeFileSync(path.join(dir, '.journal.json.123.tmp'), 'x');
    expect(await ok(['sync'], { store: m.a })).toContain('Synced.');
    const tracked = execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(tracked.sort()).toEqual(['.gitattributes', 'journal.json']);
    const log = execFileSync('git', ['log', '--format=%B'], { cwd: dir, encoding: 'utf8' });
    expect(log).toContain('1 person added');
    expect(log).toContain('About: Ana Silva');
    // git's merge driver is what the run was told starts rel: here the built bin, not vitest.
    const driver = execFileSync('git', ['config', 'merge.rel.driver'], { cwd: dir, encoding: 'utf8' });
    expect(driver.trim()).toBe(`'${process.execPath}' '${BIN}' merge-journals %O %A %B`);
  });

  it('an encrypted journal syncs, stays encrypted, and its commit messages carry no names', {
    timeout: 300_000,
  }, async () => {
    const env = { ...FAST, REL_PASSPHRASE: 'pw' };
    const m = await syncedMachines(
      'sync-enc',
      async ({ a }) => {
        await ok(['add', 'Ana Silva'], { store: a });
        await ok(['encrypt'], { store: a, env });
      },
      env,
    );
    await ok(['log', 'ana', '--note', 'from A'], { store: m.a, env });
    await ok(['add', 'Bo Chen'], { store: m.b, env });
    await ok(['log', 'bo', '--note', 'from B'], { store: m.b, env });
    await syncAll(m, 'ABA', env);
    expect(bytesOf(m.a)!.subarray(0, 8).toString()).toBe('RELCRYPT');
    const people = (store: string) => ok(['people', '--json'], { store, env });
    expect(await people(m.a)).toEqual(await people(m.b));
    expect(JSON.parse(await people(m.a)).map((p: { name: string }) => p.name)).toEqual([
      'Ana Silva',
      'Bo Chen',
    ]);
    const log = execFileSync('git', ['log', '--format=%B'], { cwd: path.dirname(m.b), encoding: 'utf8' });
    expect(log).toMatch(/1 person, 1 conversation added/);
    expect(log).not.toMatch(/Ana|Bo/);
    // Without the passphrase the merge cannot run: exit 1, journal as it was.
    await ok(['log', 'ana', '--note', 'A again'], { store: m.a, env });
    await ok(['sync'], { store: m.a, env });
    await ok(['log', 'bo', '--note', 'B again'], { store: m.b, env });
    const before = bytesOf(m.b);
    const r = await rel(['sync'], { store: m.b, env: FAST });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REL_PASSPHRASE');
    expect(bytesOf(m.b)).toEqual(before);
  });

  it('without --init on a folder that is not set up: exit 2 saying how', async () => {
    const r = await rel(['sync'], { store: path.join(tempDir('sync-none'), 'journal.json') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rel sync --init <remote-url>');
  });

  it('joining a remote whose journal has another file name is exit 2, nothing changed; the same name joins', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir('sync-names');
    const remote = path.join(dir, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const url = `file://${remote}`;
    const a = path.join(dir, 'A', 'work.json');
    const b = path.join(dir, 'B', 'journal.json');
    await ok(['add', 'Ana Silva'], { store: a });
    await ok(['sync', '--init', url], { store: a });
    await ok(['add', 'Ben Okafor'], { store: b });
    const before = bytesOf(b);
    const refused = await rel(['sync', '--init', url], { store: b });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is named work.json');
    expect(refused.stderr).toContain(`--store ${path.join(dir, 'B', 'work.json')}`);
    expect(bytesOf(b)).toEqual(before);
    const joined = path.join(dir, 'B', 'work.json');
    await ok(['sync', '--init', url], { store: joined });
    expect(names(readJson(joined))).toEqual(['Ana Silva']);
  });
});

describe('rel merge-journals', () => {
  it('folds a conflict copy into the journal, keeping both sides', async () => {
    const dir = tempDir('fold');
    const store = path.join(dir, 'journal.json');
    await ok(['add', 'Ana Silva'], { store });
    const copy = path.join(dir, 'journal (conflicted copy).json');
    fs.copyFileSync(store, copy);
    await ok(['log', 'ana', '--note', 'here'], { store });
    await ok(['add', 'Bo Chen'], { store: copy });
    await ok(['log', 'ana', '--note', 'there'], { store: copy });
    const out = await ok(['merge-journals', '--into', store, copy]);
    expect(out).toContain('1 person, 1 conversation added');
    const j: Journal = readJson(store);
    expect(names(j)).toEqual(['Ana Silva', 'Bo Chen']);
    expect(notes(j)).toEqual(['here', 'there']);
  });

  it('merges three files into the second, as a git merge driver; bad arguments are exit 2', async () => {
    const dir = tempDir('three');
    const [base, ours, theirs] = ['base', 'ours', 'theirs'].map((n) => path.join(dir, `${n}.json`)) as [
      string,
      string,
      string,
    ];
    await ok(['add', 'Ana Silva'], { store: base });
    fs.copyFileSync(base, ours);
    fs.copyFileSync(base, theirs);
    await ok(['log', 'ana', '--note', 'ours'], { store: ours });
    await ok(['log', 'ana', '--note', 'theirs'], { store: theirs });
    const theirsBefore = bytesOf(theirs);
    await ok(['merge-journals', base, ours, theirs]);
    expect(notes(readJson(ours))).toEqual(['ours', 'theirs']);
    expect(bytesOf(theirs)).toEqual(theirsBefore);
    expect((await rel(['merge-journals', base, ours])).code).toBe(2);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{');
    const r = await rel(['merge-journals', base, ours, broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.json');
  });
});

describe('a name deleted, then added again on one side', () => {
  // The person id is a slug of the name: the base and "theirs" hold the old person's tombstone,
  // "ours" added the name again and logged a conversation; "theirs" made an unrelated change.
  it.each([
    { how: 'undo of the add', log: false, remove: ['undo'], oldWith: undefined, id: 'ben-okafor' },
    // A forgotten id is never used again: the person added anew has another (a random part after the slug).
    { how: 'forget', log: true, remove: ['forget', 'ben', '--yes'], oldWith: undefined, id: null },
    {
      how: 'merge into another',
      log: true,
      remove: ['merge', 'ana', 'ben'],
      oldWith: ['ana-silva'],
      id: 'ben-okafor',
    },
  ])(
    'after $how, the new person and their conversation survive the merge',
    async ({ log, remove, oldWith, id }) => {
      const dir = tempDir('readd');
      const [base, ours, theirs] = ['base', 'ours', 'theirs'].map((n) => path.join(dir, `${n}.json`)) as [
        string,
        string,
        string,
      ];
      await ok(['add', 'Ana Silva'], { store: base, now: '2026-11-20T09:00:00' });
      await ok(['add', 'Ben Okafor'], { store: base, now: '2026-11-20T09:01:00' });
      if (log) await ok(['log', 'ben', '--note', 'OLD BEN'], { store: base, now: '2026-11-20T09:02:00' });
      await ok(remove, { store: base, now: '2026-11-21T09:00:00' });
      expect((readJson(base) as Journal).tombstones.length).toBeGreaterThan(0);
      fs.copyFileSync(base, ours);
      fs.copyFileSync(base, theirs);
      await ok(['add', 'Ben Okafor'], { store: ours, now: '2026-11-22T09:00:00' });
      const newBen = (readJson(ours) as Journal).people.find((p) => p.name === 'Ben Okafor')!.id;
      if (id === null) expect(newBen).toMatch(/^ben-okafor-[a-z0-9]{6}$/);
      else expect(newBen).toBe(id);
      await ok(['log', newBen, '--note', 'NEW BEN CONFIRMED'], { store: ours, now: '2026-11-22T09:01:00' });
      await ok(['note', 'ana', 'unrelated'], { store: theirs, now: '2026-11-22T10:00:00' });
      await ok(['merge-journals', base, ours, theirs]);
      const merged: Journal = readJson(ours);
      expect(merged.people.map((p) => p.id).sort()).toEqual(['ana-silva', newBen]);
      const conv = merged.conversations.find((c) => c.note === 'NEW BEN CONFIRMED');
      expect(conv?.with).toEqual([newBen]);
      // The old person's conversation went as the deletion said: forgotten, or moved to Ana.
      expect(merged.conversations.find((c) => c.note === 'OLD BEN')?.with).toEqual(oldWith);
      expect(merged.people.find((p) => p.id === 'ana-silva')?.notes.map((n) => n.text)).toContain(
        'unrelated',
      );
      // The stale tombstone is gone (a forget's stays, for an id no longer used), so the next
      // merge does not remove the person either.
      await ok(['merge-journals', theirs, ours, theirs]);
      expect((readJson(ours) as Journal).people.map((p) => p.id)).toContain(newBen);
    },
  );
});

/** A bare remote; A sets up sync with Ana in it, B joins; then each logs one conversation. */
async function diverged(tag: string): Promise<{ a: string; b: string }> {
  const m = await syncedWith(tag, ['Ana Silva']);
  await ok(['log', 'ana', '--note', 'A1'], { store: m.a });
  await ok(['log', 'ana', '--note', 'B1'], { store: m.b });
  await ok(['sync'], { store: m.b });
  return m;
}

const git = (store: string, ...args: string[]) =>
  spawnSync('git', ['-C', path.dirname(store), ...args], { encoding: 'utf8' });

describe('work git left unfinished', { timeout: 300_000 }, () => {
  it('a git pull whose merge driver failed: doctor reports it, rel sync finishes it keeping both sides', async () => {
    const m = await diverged('sync-merge-head');
    // By hand on A: commit, then pull with a merge driver that fails.
    git(m.a, 'commit', '-qam', 'by hand');
    const pulled = git(m.a, '-c', 'merge.rel.driver=false', 'pull', '-q', '--no-rebase', 'origin', 'main');
    expect(pulled.status).not.toBe(0);
    expect(fs.existsSync(path.join(path.dirname(m.a), '.git', 'MERGE_HEAD'))).toBe(true);
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store: m.a })).stdout);
    expect(doctor.findings.map((f: { check: string }) => f.check)).toContain('sync');
    const synced = await rel(['sync'], { store: m.a });
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toMatch(/Finished the merge/);
    expect(fs.existsSync(path.join(path.dirname(m.a), '.git', 'MERGE_HEAD'))).toBe(false);
    await ok(['sync'], { store: m.b });
    await ok(['sync'], { store: m.a });
    expect(notes(readJson(m.a))).toEqual(['A1', 'B1']);
    expect(notes(readJson(m.b))).toEqual(['A1', 'B1']);
    expect(git(m.a, 'status', '--porcelain').stdout.trim()).toBe('');
  });

  it('a rebase in progress: exit 1 with the command that ends it, nothing changed', async () => {
    const m = await diverged('sync-rebase');
    git(m.a, 'commit', '-qam', 'by hand');
    const rebased = git(m.a, '-c', 'merge.rel.driver=false', 'pull', '-q', '--rebase', 'origin', 'main');
    expect(rebased.status).not.toBe(0);
    const before = fs.readFileSync(m.a);
    const r = await rel(['sync'], { store: m.a });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rebase is in progress/);
    expect(r.stderr).toContain('rebase --abort');
    expect(fs.readFileSync(m.a)).toEqual(before);
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store: m.a })).stdout);
    expect(doctor.findings.map((f: { check: string }) => f.check)).toContain('sync');
  });
});

/** A and B synced; each adds a note to Ana; B commits its own by hand and pulls with git's text merge: conflict markers. */
async function markedByHand(tag: string, how: '--no-rebase' | '--rebase'): Promise<{ a: string; b: string }> {
  const m = await syncedWith(tag, ['Ana Silva']);
  await ok(['note', 'ana', 'FROM-A'], { store: m.a });
  await ok(['sync'], { store: m.a });
  await ok(['note', 'ana', 'FROM-B'], { store: m.b });
  git(m.b, 'commit', '-qam', 'by hand');
  // rel's merge driver not in effect: git merges the journal as text.
  const attributes = path.join(path.dirname(m.b), '.git', 'info', 'attributes');
  fs.writeFileSync(attributes, 'journal.json merge=text\n');
  expect(git(m.b, 'pull', '-q', how, 'origin', 'main').status).not.toBe(0);
  fs.rmSync(attributes);
  expect(fs.readFileSync(m.b, 'utf8')).toMatch(/^<<<<<<< /m);
  return m;
}

const personalNotes = (store: string): string[] =>
  (readJson(store) as Journal).people.flatMap((p) => p.notes.map((n) => n.text)).sort();

describe("git's conflict markers in the journal", { timeout: 300_000 }, () => {
  it.each(['rel sync', 'merge --abort, then rel sync', 'rel doctor --restore, then rel sync'])(
    'a merge by hand: every command names the way out, and after "%s" both machines have both notes',
    async (advice) => {
      const m = await markedByHand('markers-merge', '--no-rebase');
      const read = await rel(['people'], { store: m.b });
      expect(read.code).toBe(1);
      expect(read.stderr).toContain('merge --abort && rel sync');
      expect(read.stderr).toContain('rel sync finishes that merge');
      expect(read.stderr).not.toContain('--restore');
      const doctor = JSON.parse((await rel(['doctor', '--json'], { store: m.b })).stdout);
      for (const finding of doctor.findings) expect(finding.fix).not.toContain('--restore');
      if (advice.startsWith('merge --abort')) expect(git(m.b, 'merge', '--abort').status).toBe(0);
      // The advice of old: a backup from before the note, then a sync; the note is committed, so it stays.
      if (advice.startsWith('rel doctor')) await ok(['doctor', '--restore'], { store: m.b });
      const synced = await rel(['sync'], { store: m.b });
      expect(synced.code, synced.stderr).toBe(0);
      await ok(['sync'], { store: m.a });
      expect(personalNotes(m.a)).toEqual(['FROM-A', 'FROM-B']);
      expect(personalNotes(m.b)).toEqual(['FROM-A', 'FROM-B']);
      expect(fs.existsSync(path.join(path.dirname(m.b), '.git', 'MERGE_HEAD'))).toBe(false);
    },
  );

  it('a rebase by hand: commands and rel sync name rebase --abort; following it keeps both notes', async () => {
    const m = await markedByHand('markers-rebase', '--rebase');
    const read = await rel(['people'], { store: m.b });
    expect(read.stderr).toContain('rebase --abort && rel sync');
    const refused = await rel(['sync'], { store: m.b });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rebase --abort && rel sync');
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store: m.b })).stdout);
    for (const finding of doctor.findings) expect(finding.fix).not.toContain('--restore');
    expect(git(m.b, 'rebase', '--abort').status).toBe(0);
    await ok(['sync'], { store: m.b });
    await ok(['sync'], { store: m.a });
    expect(personalNotes(m.a)).toEqual(['FROM-A', 'FROM-B']);
    expect(personalNotes(m.b)).toEqual(['FROM-A', 'FROM-B']);
  });
});

describe('an undo of a deletion that was synced', { timeout: 300_000 }, () => {
  it('a deleted conversation brought back by rel undo stays on both machines after the syncs', async () => {
    const m = await diverged('undo-synced-delete');
    await ok(['sync'], { store: m.a });
    await ok(['sync'], { store: m.b });
    const id = (readJson(m.a) as Journal).conversations.find((c) => c.note === 'A1')!.id;
    await ok(['conversation', 'delete', id], { store: m.a });
    await ok(['sync'], { store: m.a });
    await ok(['sync'], { store: m.b });
    expect(notes(readJson(m.b))).toEqual(['B1']);
    await ok(['undo'], { store: m.a });
    // B changed something meanwhile (and holds the tombstone): the syncs merge.
    await ok(['note', 'ana', 'unrelated'], { store: m.b });
    for (const store of [m.b, m.a, m.b, m.a]) await ok(['sync'], { store });
    expect(notes(readJson(m.a))).toEqual(['A1', 'B1']);
    expect(notes(readJson(m.b))).toEqual(['A1', 'B1']);
  });

  it('a merge of two people taken back by rel undo: the person and their conversation are back on both', async () => {
    const m = await diverged('undo-synced-merge');
    await ok(['add', 'Bo Chen'], { store: m.a });
    await ok(['log', 'bo', '--note', 'WITH BO'], { store: m.a });
    for (const store of [m.a, m.b]) await ok(['sync'], { store });
    await ok(['merge', 'ana', 'bo'], { store: m.a });
    for (const store of [m.a, m.b]) await ok(['sync'], { store });
    expect(names(readJson(m.b))).toEqual(['Ana Silva']);
    await ok(['undo'], { store: m.a });
    await ok(['note', 'ana', 'unrelated'], { store: m.b });
    for (const store of [m.b, m.a, m.b, m.a]) await ok(['sync'], { store });
    for (const store of [m.a, m.b]) {
      const j: Journal = readJson(store);
      expect(names(j)).toEqual(['Ana Silva', 'Bo Chen']);
      expect(j.conversations.find((c) => c.note === 'WITH BO')?.with).toEqual(['bo-chen']);
    }
  });
});

describe('rel undo after a sync', { timeout: 300_000 }, () => {
  it('names what the sync brought, and takes back only that', async () => {
    const m = await diverged('undo-after-sync');
    // B pushed its conversation (B1); A's sync merges it in beside A's own (A1).
    await ok(['sync'], { store: m.a });
    const r = await rel(['undo', '--yes'], { store: m.a });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Undone: the changes a sync brought: 1 conversation added \(about Ana Silva\)/);
    expect(notes(readJson(m.a))).toEqual(['A1']);
  });

  // Found by a tester: rel undo meant for a change of one's own took back what a sync had just
  // brought, deleting the other machine's confirmed conversation on every machine at the next sync.
  it('without --yes and without a terminal, refuses, says what it would take back, and changes nothing', async () => {
    const m = await diverged('undo-after-sync-asked');
    await ok(['sync'], { store: m.a });
    const before = bytesOf(m.a);
    const r = await rel(['undo'], { store: m.a });
    expect(r.code).toBe(2);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain(
      "The last change was a rel sync, which brought the other machines' changes (1 conversation added (about Ana Silva)). rel undo would take them back here and, at the next rel sync, on every machine",
    );
    expect(r.stderr).toContain('rel undo --yes');
    expect(bytesOf(m.a)).toEqual(before);
  });

  it('in a terminal, asks; no keeps everything', async () => {
    const m = await diverged('undo-after-sync-no');
    await ok(['sync'], { store: m.a });
    const before = bytesOf(m.a);
    const r = await rel(['undo'], { store: m.a, answers: [false] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Nothing was changed.');
    expect(bytesOf(m.a)).toEqual(before);
    expect(notes(readJson(m.a))).toEqual(['A1', 'B1']);
  });
});

describe('what a sync says it received', { timeout: 300_000 }, () => {
  it("a merge that keeps the other side's edit out (the record was deleted here) says so", async () => {
    const m = await diverged('sync-not-taken');
    for (const store of [m.a, m.b]) await ok(['sync'], { store });
    const id = (readJson(m.a) as Journal).conversations.find((c) => c.note === 'A1')!.id;
    await ok(['conversation', 'delete', id], { store: m.a });
    await ok(['conversation', 'edit', id, '--note', 'A1 edited on B'], {
      store: m.b,
      now: '2026-11-28T12:00:00',
    });
    await ok(['sync'], { store: m.b });
    const synced = await ok(['sync'], { store: m.a });
    expect(synced).toContain(
      'Not taken from the other side (deleted here, or changed here later): 1 conversation.',
    );
    expect(notes(readJson(m.a))).toEqual(['B1']);
  });
});

describe('a forget received by sync is never taken back on the machine that received it', {
  timeout: 300_000,
}, () => {
  async function forgotOnA(tag: string, own = true): Promise<Machines> {
    const m = await syncedMachines(tag, async ({ a }) => {
      await ok(['add', 'Ana Silva'], { store: a });
      await ok(['add', 'Zora Secret'], { store: a });
      await ok(['log', 'zora', '--note', 'ZORA PRIVATE'], { store: a });
    });
    // A change of B's own, so that B's sync is a real merge (its undo data holds the sync);
    // without one, B's sync is a fast-forward.
    if (own) await ok(['note', 'ana', 'B-own'], { store: m.b });
    await ok(['forget', 'zora', '--yes'], { store: m.a });
    await ok(['sync'], { store: m.a });
    await ok(['sync'], { store: m.b });
    expect(names(readJson(m.b))).toEqual(['Ana Silva']);
    return m;
  }
  const zoraGone = (m: Machines) => {
    for (const store of [m.a, m.b]) {
      expect(names(readJson(store))).toEqual(['Ana Silva']);
      expect(fs.readFileSync(store, 'utf8')).not.toContain('ZORA PRIVATE');
    }
  };

  /** Files under `dir` (git's own history aside: out of rel's reach) whose bytes hold `text`. */
  const holding = (dir: string, text: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !path.join(e.parentPath, e.name).includes(`${path.sep}.git`))
          .map((e) => path.join(e.parentPath, e.name))
          .filter((file) => fs.readFileSync(file).includes(text))
      : [];

  it('after the sync that brought it, no file rel keeps on B holds her name or notes', async () => {
    const m = await forgotOnA('forget-scrub');
    const state = path.join(path.dirname(path.dirname(m.b)), 'state');
    for (const text of ['Zora', 'ZORA PRIVATE', 'zora-secret']) {
      expect(holding(path.dirname(m.b), text)).toEqual([]);
      expect(holding(state, text)).toEqual([]);
    }
    // What B did itself is still there, and can still be undone where it does not concern her.
    expect(fs.readFileSync(m.b, 'utf8')).toContain('B-own');
  });

  it('after a fast-forward sync that brought it, no file rel keeps on B holds her name or notes', async () => {
    const m = await forgotOnA('forget-scrub-ff', false);
    const state = path.join(path.dirname(path.dirname(m.b)), 'state');
    for (const text of ['Zora', 'ZORA PRIVATE', 'zora-secret']) {
      expect(holding(path.dirname(m.b), text)).toEqual([]);
      expect(holding(state, text)).toEqual([]);
    }
    expect(names(readJson(m.b))).toEqual(['Ana Silva']);
  });

  it('rel undo on B of the sync that brought it: Zora stays forgotten on both machines', async () => {
    const m = await forgotOnA('forget-undo');
    // The sync's undo step concerned her, and went with her: whatever undo takes back, not her.
    await rel(['undo', '--yes'], { store: m.b });
    expect(names(readJson(m.b))).toEqual(['Ana Silva']);
    for (const store of [m.b, m.a, m.b, m.a]) await ok(['sync'], { store });
    zoraGone(m);
  });

  it('rel doctor --restore on B (a backup from before the forget): Zora stays forgotten on both', async () => {
    const m = await forgotOnA('forget-restore');
    await ok(['doctor', '--restore', '--yes'], { store: m.b });
    expect(names(readJson(m.b))).toEqual(['Ana Silva']);
    for (const store of [m.b, m.a, m.b, m.a]) await ok(['sync'], { store });
    zoraGone(m);
  });
});
