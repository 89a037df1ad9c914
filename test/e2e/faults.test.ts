// Every step of a write fails (as on a full disk) or stops dead (as under SIGKILL) at a
// checkpoint of the store's file layer (REL_FAULT): nothing confirmed is lost, the backups move
// only after a write that succeeded, and every message is true. Then the same on a real full disk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rel as relProcess } from '../helpers/rel.js';
import { bytesOf, ok, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const kept = (store: string, name: string) => path.join(path.dirname(store), `.journal.json.${name}`);
const notes = (store: string): string[] => readJson(store).conversations.map((c: { note: string }) => c.note);
const folderState = (store: string) =>
  Object.fromEntries(
    fs
      .readdirSync(path.dirname(store))
      .filter((n) => !n.endsWith('.lock'))
      .sort()
      .map((n) => [n, bytesOf(path.join(path.dirname(store), n))?.toString('base64')]),
  );

/** A store with Ana and four confirmed conversations: three backups and undo data. */
async function storeWithHistory(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  for (let i = 1; i <= 4; i++) await ok(['log', 'ana', '--note', `confirmed ${i}`], { store });
  return store;
}

// The steps of one `rel log`, in the order it reaches them (the journal's temp file is written
// and fsynced before the undo data's; "rename" first is the journal's, then the undo data's).
const STEPS = ['temp-write', 'fsync', 'undo-write', 'rename', 'rename@2', 'folder-fsync', 'backup-rotation'];
/** Steps before the journal takes its place: a failure there saves nothing. */
const BEFORE = new Set(['undo-write', 'temp-write', 'fsync', 'rename']);

describe('a failure at each step of a write', { timeout: 240_000 }, () => {
  for (const step of STEPS) {
    it(`fails at ${step}: the message is true and nothing confirmed is lost`, async () => {
      const store = await storeWithHistory(`fail-${step}`);
      const before = folderState(store);
      const r = await rel(['log', 'ana', '--note', 'the faulty one'], {
        store,
        env: { REL_FAULT: `${step}:fail` },
      });
      if (BEFORE.has(step)) {
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/no space left on device/);
        expect(r.stderr).toMatch(/Nothing was saved/);
        // Byte-identical: journal, backups (not rotated) and undo data, and no temp file left.
        expect(folderState(store)).toEqual(before);
        await ok(['undo'], { store });
        expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
      } else {
        // After the journal's rename the change is saved: said so, with what did not follow.
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/Logged/);
        expect(r.stderr).toMatch(/The change was saved, but/);
        expect(r.stderr).not.toMatch(/Nothing was saved/);
        expect(notes(store)).toContain('the faulty one');
        const undo = await rel(['undo'], { store });
        if (step === 'rename@2') {
          // Its undo data could not follow: undo must not take back "confirmed 4" in its place.
          expect(undo.code).toBe(1);
          expect(undo.stderr).toMatch(/Nothing to undo/);
          expect(notes(store)).toHaveLength(5);
        } else {
          expect(undo.code, undo.stderr).toBe(0);
          expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4']);
        }
      }
    });
  }

  it('after the rename, the warning says once that the change was saved, and what did not follow', async () => {
    const store = await storeWithHistory('fail-wording');
    const folder = path.dirname(store);
    const warnings = {
      'folder-fsync': `rel: warning: The change was saved, but ${folder} could not be synced to disk (ENOSPC: no space left on device (injected at folder-fsync)), so it may not survive a power cut.\n`,
      'rename@2': `rel: warning: The change was saved, but rel undo cannot take it back (Cannot write ${kept(store, 'undo')}: ENOSPC: no space left on device (injected at rename)).\n`,
      'backup-rotation':
        'rel: warning: The change was saved, but no backup of the version before it was kept (ENOSPC: no space left on device (injected at backup-rotation)).\n',
    };
    for (const [step, warning] of Object.entries(warnings)) {
      const r = await rel(['log', 'ana', '--note', step], { store, env: { REL_FAULT: `${step}:fail` } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe(warning);
    }
  });

  it('the undo data can neither take its place nor be removed: a warning that the change was saved, exit 0', async () => {
    // As with `chattr +i .journal.json.undo`: the rename over it fails, and so does its removal.
    const store = await storeWithHistory('fail-undo-remove');
    const undoBefore = bytesOf(kept(store, 'undo'));
    const r = await rel(['log', 'ana', '--note', 'saved anyway'], {
      store,
      env: { REL_FAULT: 'rename@2:fail,undo-remove:fail' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Logged/);
    expect(r.stderr).toBe(
      `rel: warning: The change was saved, but rel undo cannot take it back (Cannot write ${kept(store, 'undo')}: ENOSPC: no space left on device (injected at rename); the undo data there could not be removed either (ENOSPC: no space left on device (injected at undo-remove)), but rel undo refuses it: it is of the version before).\n`,
    );
    expect(notes(store)).toContain('saved anyway');
    expect(bytesOf(kept(store, 'undo'))).toEqual(undoBefore);
    // The backups still moved, and no temp file is left for rel doctor to call an unfinished write.
    expect(readJson(kept(store, 'backup-1')).conversations).toHaveLength(4);
    expect(fs.readdirSync(path.dirname(store)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const undo = await rel(['undo'], { store });
    expect(undo.code).toBe(1);
    expect(undo.stderr).toMatch(/was changed after it in a way rel kept no undo data for/);
    expect(notes(store)).toHaveLength(5);
  });

  it('three failed writes leave the backups as they were: a restore still goes back', async () => {
    const store = await storeWithHistory('fail-thrice');
    const backups = [1, 2, 3].map((n) => bytesOf(kept(store, `backup-${n}`)));
    for (let i = 0; i < 3; i++) {
      const r = await rel(['log', 'ana', '--note', `failed ${i}`], {
        store,
        env: { REL_FAULT: 'rename:fail' },
      });
      expect(r.code).toBe(1);
    }
    expect([1, 2, 3].map((n) => bytesOf(kept(store, `backup-${n}`)))).toEqual(backups);
    expect(new Set(backups.map(String)).size).toBe(3);
  });
});

describe('the summary rel due reads, written after the journal and without fsync', {
  timeout: 240_000,
}, () => {
  // It is derived and can be made again: failing or stopped, it takes nothing from the write.
  const state = (store: string) => path.join(path.dirname(path.dirname(store)), 'state', 'rel');
  const summaries = (store: string) =>
    fs.existsSync(state(store)) ? fs.readdirSync(state(store)).filter((n) => /^due-/.test(n)) : [];

  it('fails: the change is saved and said plainly, no summary is left, and rel people reads the journal', async () => {
    const store = await storeWithHistory('fail-summary');
    await ok(['due'], { store });
    expect(summaries(store)).toHaveLength(1);
    const r = await rel(['log', 'ana', '--note', 'summary fails'], {
      store,
      env: { REL_FAULT: 'summary-write:fail' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Logged/);
    expect(r.stderr).toBe('');
    expect(summaries(store)).toEqual([]);
    expect(notes(store)).toContain('summary fails');
    expect(await ok(['people', '--json'], { store })).toMatch(/Ana Silva/);
    expect(summaries(store)).toHaveLength(1);
    await ok(['undo'], { store });
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4']);
  });

  it('stopped: the journal, its undo data and backups are whole; the summary left names the version before', async () => {
    const store = await storeWithHistory('kill-summary');
    await ok(['due'], { store });
    const [name] = summaries(store);
    const before = fs.readFileSync(path.join(state(store), name!), 'utf8');
    const r = relProcess(['log', 'ana', '--note', 'killed'], {
      store,
      env: { REL_FAULT: 'summary-write:kill' },
    });
    expect(r.code).toBeNull();
    expect(notes(store)).toContain('killed');
    expect(fs.readFileSync(path.join(state(store), name!), 'utf8')).toBe(before);
    for (const n of [1, 2, 3]) expect(() => readJson(kept(store, `backup-${n}`))).not.toThrow();
    const people = await ok(['people', '--json'], { store });
    expect(people).toMatch(/Ana Silva/);
    expect(fs.readFileSync(path.join(state(store), name!), 'utf8')).not.toBe(before);
    await ok(['undo'], { store });
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4']);
  });
});

describe('the summary a full read writes, after the report is out', { timeout: 240_000 }, () => {
  // rel due, rel people and rel stats read in full when there is no summary, and write it once
  // their output is written: stopped as it is written, the report is out whole and no summary is left.
  const state = (store: string) => path.join(path.dirname(path.dirname(store)), 'state', 'rel');
  // rel stats's own summary (stats-<journal>.json) is written the same way.
  const summaries = (store: string, stats = false) =>
    fs.existsSync(state(store))
      ? fs.readdirSync(state(store)).filter((n) => (stats ? /^stats-/ : /^due-/).test(n))
      : [];

  for (const args of [['due', '--json'], ['due'], ['people'], ['stats', '--json'], ['stats']]) {
    it(`rel ${args.join(' ')}: stopped as it writes the summary, its output is whole and no summary is left`, async () => {
      const store = await storeWithHistory(`kill-full-read-${args.join('-')}`);
      const isStats = args[0] === 'stats';
      const removeSummaries = () => {
        for (const n of summaries(store, isStats)) fs.rmSync(path.join(state(store), n));
      };
      removeSummaries();
      const whole = relProcess(args, { store });
      expect(whole.code, whole.stderr).toBe(0);
      expect(summaries(store, isStats)).toHaveLength(1);
      removeSummaries();
      const r = relProcess(args, { store, env: { REL_FAULT: 'summary-write:kill' } });
      expect(r.code).toBeNull(); // killed
      expect(r.stdout).toBe(whole.stdout);
      expect(r.stdout).not.toBe('');
      expect(summaries(store, isStats)).toEqual([]);
      expect(fs.readdirSync(state(store)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // The next one reads in full again, says the same and writes the summary, which is then used.
      expect(relProcess(args, { store }).stdout).toBe(whole.stdout);
      expect(summaries(store, isStats)).toHaveLength(1);
      expect(relProcess(args, { store }).stdout).toBe(whole.stdout);
    });
  }
});

describe("an encrypted journal's stamp, written after the journal and without fsync", {
  timeout: 240_000,
}, () => {
  // Derived like the summary: failing or stopped, it takes nothing from the write, and the next
  // write (which reads past a stamp that does not stand for the journal) makes it again.
  const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
  const state = (store: string) => path.join(path.dirname(path.dirname(store)), 'state', 'rel');
  const stamps = (store: string) =>
    fs.existsSync(state(store)) ? fs.readdirSync(state(store)).filter((n) => /^stamp-/.test(n)) : [];
  const sealedNotes = async (store: string) =>
    JSON.parse(await ok(['profile', 'ana', '--json'], { store, env: PW })).conversations.map(
      (c: { note: string }) => c.note,
    );
  async function sealedWithHistory(tag: string): Promise<string> {
    const store = tempStore(tag);
    await ok(['add', 'Ana Silva'], { store });
    await ok(['encrypt'], { store, env: PW });
    for (let i = 1; i <= 3; i++) await ok(['log', 'ana', '--note', `confirmed ${i}`], { store, env: PW });
    expect(stamps(store)).toHaveLength(1);
    return store;
  }

  it('fails: the change is saved and said plainly, no stamp is left, and the next write makes it again', async () => {
    const store = await sealedWithHistory('fail-stamp');
    const r = await rel(['log', 'ana', '--note', 'stamp fails'], {
      store,
      env: { ...PW, REL_FAULT: 'stamp-write:fail' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Logged/);
    expect(r.stderr).toBe('');
    expect(stamps(store)).toEqual([]);
    expect(await sealedNotes(store)).toContain('stamp fails');
    await ok(['log', 'ana', '--note', 'after'], { store, env: PW });
    expect(stamps(store)).toHaveLength(1);
    await ok(['undo'], { store, env: PW });
    await ok(['undo'], { store, env: PW });
    expect(await sealedNotes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
  });

  it('stopped: the journal, its undo data and backups are whole; the stamp left is of the version before, and read past', async () => {
    const store = await sealedWithHistory('kill-stamp');
    const [name] = stamps(store);
    const before = fs.readFileSync(path.join(state(store), name!));
    const r = relProcess(['log', 'ana', '--note', 'killed'], {
      store,
      env: { ...PW, REL_FAULT: 'stamp-write:kill' },
    });
    expect(r.code).toBeNull();
    expect(fs.readFileSync(path.join(state(store), name!)).equals(before)).toBe(true);
    expect(await sealedNotes(store)).toContain('killed');
    await ok(['log', 'ana', '--note', 'after'], { store, env: PW });
    expect(fs.readFileSync(path.join(state(store), name!)).equals(before)).toBe(false);
    const names = fs.readdirSync(path.dirname(store));
    expect(names.filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
    await ok(['undo'], { store, env: PW });
    await ok(['undo'], { store, env: PW });
    expect(await sealedNotes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
  });
});

describe('an encrypted journal read a piece at a time', { timeout: 240_000 }, () => {
  // Its header, its tag, then its body in pieces of a megabyte (crypto.ts unsealSource), each a
  // read of the file open since the first: one that fails (a failing disk) is the file that cannot
  // be read, for a report and for a write, and nothing is shown or saved.
  const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
  const READS = ['sealed-read', 'sealed-read@2', 'sealed-read@3', 'sealed-read@4'];
  async function sealedWithPieces(tag: string): Promise<string> {
    const store = tempStore(tag);
    await ok(['add', 'Ana Silva'], { store });
    // A note of 1.5 MB: the body is two pieces.
    await ok(['log', 'ana', '--note', 'x'.repeat(1_500_000)], { store });
    await ok(['encrypt'], { store, env: PW });
    return store;
  }

  for (const step of READS) {
    it(`fails at ${step}: rel due and rel log say the journal cannot be read, and change nothing`, async () => {
      const store = await sealedWithPieces(`fail-${step.replace('@', '-')}`);
      const before = folderState(store);
      const due = await rel(['due', '--json'], { store, env: { ...PW, REL_FAULT: `${step}:fail` } });
      expect(due.code, due.stderr).toBe(1);
      expect(due.stdout).toBe('');
      expect(due.stderr).toContain(`Cannot read ${store}: ENOSPC`);
      const log = await rel(['log', 'ana', '--note', 'not saved'], {
        store,
        env: { ...PW, REL_FAULT: `${step}:fail` },
      });
      expect(log.code, log.stderr).toBe(1);
      expect(log.stdout).toBe('');
      expect(log.stderr).toContain(`Cannot read ${store}: ENOSPC`);
      expect(folderState(store)).toEqual(before);
      // Read in full without the fault: the same journal.
      const notes = JSON.parse(await ok(['profile', 'ana', '--json'], { store, env: PW })).conversations;
      expect(notes.map((c: { note: string }) => c.note.length)).toEqual([1_500_000]);
    });
  }
});

describe('a kill at each step of a write', { timeout: 240_000 }, () => {
  for (const step of STEPS) {
    it(`stopped at ${step}: the journal is whole and holds every confirmed conversation`, async () => {
      const store = await storeWithHistory(`kill-${step}`);
      // A kill needs a process of its own; the rest runs in this one.
      const r = relProcess(['log', 'ana', '--note', 'killed'], { store, env: { REL_FAULT: `${step}:kill` } });
      expect(r.code).toBeNull(); // killed: it confirmed nothing
      const after = notes(store);
      expect(after.slice(0, 4)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4']);
      expect(after.length).toBe(BEFORE.has(step) ? 4 : 5);
      // The next rel writes as usual, takes over the dead lock and sweeps what the kill left.
      await ok(['log', 'ana', '--note', 'after'], { store });
      const names = fs.readdirSync(path.dirname(store));
      expect(names.filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
      for (const n of [1, 2, 3]) expect(() => readJson(kept(store, `backup-${n}`))).not.toThrow();
      const undo = await rel(['undo'], { store });
      expect(undo.code, undo.stderr).toBe(0);
      expect(notes(store)).not.toContain('after');
      expect(notes(store).slice(0, 4)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4']);
    });
  }
});

describe('the temp files a killed write leaves', { timeout: 240_000 }, () => {
  it('are named with one leading dot, and the next write sweeps them and those older rels named with two', async () => {
    const store = await storeWithHistory('temp-names');
    const folder = path.dirname(store);
    // A backup held under its temp name when the rotation is stopped; the journal's, the undo
    // data's and the backup's temp files written in full when the journal's rename is.
    relProcess(['log', 'ana', '--note', 'killed'], { store, env: { REL_FAULT: 'backup-rotation:kill' } });
    relProcess(['log', 'ana', '--note', 'killed'], { store, env: { REL_FAULT: 'rename:kill' } });
    const temps = fs.readdirSync(folder).filter((n) => n.endsWith('.tmp'));
    expect([...new Set(temps.map((n) => n.replace(/\.\d+\.[0-9a-f]{8}\.tmp$/, '')))].sort()).toEqual([
      '.journal.json',
      '.journal.json.backup-1',
      '.journal.json.undo',
    ]);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const older = `..journal.json.undo.${dead}.00ff00ff.tmp`;
    fs.writeFileSync(path.join(folder, older), 'left by an older rel');
    await ok(['log', 'ana', '--note', 'after'], { store });
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('stopped between the journal and its undo data', { timeout: 240_000 }, () => {
  // The journal holds the change, the undo data is still the one before it: rel undo must not
  // take back "confirmed 4" in the killed change's place, now or after later changes.
  it('rel undo refuses, changing nothing, and says why', async () => {
    const store = await storeWithHistory('kill-gap-undo');
    const r = relProcess(['log', 'ana', '--note', 'killed'], { store, env: { REL_FAULT: 'rename@2:kill' } });
    expect(r.code).toBeNull();
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4', 'killed']);
    const before = folderState(store);
    const undo = await rel(['undo'], { store });
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain('Cannot undo "logged a 1:2:1 with Ana Silva on 2026-11-27"');
    expect(undo.stderr).toMatch(/changed after it .* a rel stopped before it finished/);
    expect(undo.stderr).toContain('Nothing was changed');
    expect(folderState(store)).toEqual(before);
  });

  it('the next change is undone, and then nothing from before the killed one', async () => {
    const store = await storeWithHistory('kill-gap-next');
    relProcess(['log', 'ana', '--note', 'killed'], { store, env: { REL_FAULT: 'rename@2:kill' } });
    await ok(['log', 'ana', '--note', 'after'], { store });
    await ok(['undo'], { store });
    const again = await rel(['undo'], { store });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Nothing to undo/);
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3', 'confirmed 4', 'killed']);
  });

  it('the same for an undo stopped between the two: the undone change is not taken back twice', async () => {
    const store = await storeWithHistory('kill-gap-of-undo');
    const r = relProcess(['undo'], { store, env: { REL_FAULT: 'rename@2:kill' } });
    expect(r.code).toBeNull();
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
    const again = await rel(['undo'], { store });
    expect(again.code).toBe(1);
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
    await ok(['log', 'ana', '--note', 'after'], { store });
    await ok(['undo'], { store });
    expect((await rel(['undo'], { store })).stderr).toMatch(/Nothing to undo/);
    expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
  });

  it('rel doctor reports the undo data that does not match, and what to do, until the next change', async () => {
    const store = await storeWithHistory('kill-gap-doctor');
    expect(await ok(['doctor', '--json'], { store })).toMatch(/"undoable": 5/);
    relProcess(['log', 'ana', '--note', 'killed'], { store, env: { REL_FAULT: 'rename@2:kill' } });
    const before = folderState(store);
    const r = await rel(['doctor', '--json'], { store });
    expect(r.code, r.stderr).toBe(0); // a warning: the journal is sound
    const checkup = JSON.parse(r.stdout);
    expect(checkup.healthy).toBe(true);
    expect(checkup.undoable).toBe(0);
    const undo = checkup.findings.filter((f: { check: string }) => f.check === 'undo');
    expect(undo).toHaveLength(1);
    expect(undo[0].severity).toBe('warning');
    expect(undo[0].message).toContain('written for another version of the journal');
    expect(undo[0].message).toContain('a rel stopped between saving a change and its undo data');
    expect(undo[0].message).toContain(
      'rel undo will refuse to take back "logged a 1:2:1 with Ana Silva on 2026-11-27"',
    );
    expect(undo[0].fix).toMatch(/the next change starts the undo data afresh.*rel doctor --restore/);
    const shown = await rel(['doctor'], { store });
    expect(shown.stdout).toContain('Warning: The undo data');
    expect(shown.stdout).toContain('0 changes can be undone');
    expect(folderState(store)).toEqual(before); // doctor changes nothing
    await ok(['log', 'ana', '--note', 'after'], { store });
    const after = JSON.parse(await ok(['doctor', '--json'], { store }));
    expect(after.findings).toEqual([]);
    expect(after.undoable).toBe(1);
  });

  it('rel doctor reports it after an undo stopped between the two as well', async () => {
    const store = await storeWithHistory('kill-gap-undo-doctor');
    relProcess(['undo'], { store, env: { REL_FAULT: 'rename@2:kill' } });
    const checkup = JSON.parse(await ok(['doctor', '--json'], { store }));
    const undo = checkup.findings.filter((f: { check: string }) => f.check === 'undo');
    expect(undo.map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining(
        'rel undo will refuse to take back "logged a 1:2:1 with Ana Silva on 2026-11-27"',
      ),
    ]);
    expect(checkup.undoable).toBe(0);
  });
});

describe('a real full disk', { timeout: 240_000 }, () => {
  const mount = tempDir('full-disk');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mount]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mount]);
  });
  if (!mounted) {
    console.log(`Skipping the real full-disk test: cannot mount a small tmpfs at ${mount} (needs root).`);
  }

  it.runIf(mounted)(
    'a log that does not fit saves nothing, says so, and leaves backups and undo as they were',
    async () => {
      const store = path.join(mount, 'data', 'journal.json');
      await ok(['add', 'Ana Silva'], { store });
      for (let i = 1; i <= 4; i++) await ok(['log', 'ana', '--note', `confirmed ${i}`], { store });
      const before = folderState(store);
      // Fill the disk but for a few bytes: the next journal cannot be written in full.
      const filler = path.join(mount, 'filler');
      const room = path.join(mount, 'room');
      fs.writeFileSync(room, Buffer.alloc(4096, 1));
      const fd = fs.openSync(filler, 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch {
        // ENOSPC: full
      }
      for (;;) {
        try {
          fs.writeSync(fd, Buffer.alloc(1, 1));
        } catch {
          break;
        }
      }
      fs.closeSync(fd);
      fs.rmSync(room); // one page: room for the lock, not for the new journal
      for (let i = 0; i < 3; i++) {
        const r = await rel(['log', 'ana', '--note', 'x'.repeat(100_000)], { store });
        expect(r.code, r.stdout).toBe(1);
        expect(r.stderr).toMatch(/no space left on device|ENOSPC/i);
        expect(r.stderr).toMatch(/Nothing was saved/);
      }
      expect(folderState(store)).toEqual(before);
      fs.rmSync(filler);
      await ok(['undo'], { store });
      expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
      await ok(['log', 'ana', '--note', 'with room again'], { store });
      expect(notes(store)).toContain('with room again');
    },
  );
});

describe('a read-only file system', { timeout: 240_000 }, () => {
  const mount = tempDir('read-only');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mount]);
  });
  if (!mounted) {
    console.log(
      `Skipping the read-only file system test: cannot mount a small tmpfs at ${mount} (needs root).`,
    );
  }

  it.runIf(mounted)(
    'every write says the folder is read-only and saves nothing; reports still work',
    async () => {
      const store = path.join(mount, 'journal.json');
      await ok(['add', 'Ana Silva'], { store });
      await ok(['log', 'ana', '--note', 'confirmed'], { store });
      expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
      try {
        const before = folderState(store);
        for (const args of [
          ['log', 'ana', '--note', 'x'],
          ['undo'],
          ['doctor', '--fix'],
          ['add', 'Bo Chen'],
        ]) {
          // Through the built rel: the message a user sees, from the process edge.
          const r = relProcess(args, { store });
          expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
          expect(r.stderr).toContain(`Nothing was saved: ${mount} is on a read-only file system.`);
          expect(r.stderr).not.toMatch(/unexpected error|bug in rel|\n\s+at /);
        }
        expect(folderState(store)).toEqual(before);
        for (const args of [['due'], ['profile', 'ana'], ['people'], ['stats']])
          expect(relProcess(args, { store }).code).toBe(0);
        // An export there names the open that failed, not the clean-up of a temp file never made.
        const out = path.join(mount, 'out.json');
        const exported = relProcess(['export', '--out', out], { store });
        expect(exported.code).toBe(1);
        expect(exported.stderr).toContain(`Cannot write ${out}: EROFS: read-only file system, open '`);
        expect(exported.stderr).not.toContain('unlink');
        expect(exported.stderr).toContain('Nothing was written there; the journal is as it was.');
      } finally {
        spawnSync('mount', ['-o', 'remount,rw', mount]);
      }
    },
  );
});

describe('a restore stopped or failing as its copy of the replaced journal takes its place', {
  timeout: 240_000,
}, () => {
  /** A damaged journal that holds the newest entry, and the copy an earlier restore kept. */
  async function damagedWithEarlierCopy(tag: string) {
    const store = await storeWithHistory(tag);
    fs.writeFileSync(kept(store, 'before-restore'), 'what an earlier restore replaced');
    const damaged = Buffer.concat([bytesOf(store)!.subarray(0, -30), Buffer.from('garbage')]);
    fs.writeFileSync(store, damaged);
    return { store, damaged };
  }

  // restore-copy: the copy taking its place; rename: the journal's, just after.
  for (const step of ['restore-copy', 'rename']) {
    it(`fails at ${step}: nothing saved, the folder byte for byte as it was`, async () => {
      const { store } = await damagedWithEarlierCopy(`restore-fail-${step}`);
      const before = folderState(store);
      const r = await rel(['doctor', '--restore'], { store, env: { REL_FAULT: `${step}:fail` } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/no space left on device/);
      expect(r.stderr).toMatch(/Nothing was saved/);
      expect(folderState(store)).toEqual(before);
    });

    it(`killed at ${step}: the damaged journal and the earlier copy are both still kept`, async () => {
      const { store, damaged } = await damagedWithEarlierCopy(`restore-kill-${step}`);
      const r = relProcess(['doctor', '--restore'], { store, env: { REL_FAULT: `${step}:kill` } });
      expect(r.code).toBeNull();
      expect(bytesOf(store)).toEqual(damaged);
      const copies = fs
        .readdirSync(path.dirname(store))
        .filter((n) => n.startsWith('.journal.json.before-restore'))
        .map((n) => bytesOf(path.join(path.dirname(store), n))!.toString());
      expect(copies).toContain('what an earlier restore replaced');
      // The next restore finishes the job, and keeps both.
      const again = await rel(['doctor', '--restore'], { store });
      expect(again.code, again.stderr).toBe(0);
      expect(bytesOf(kept(store, 'before-restore'))).toEqual(damaged);
      expect(bytesOf(kept(store, 'before-restore-1'))?.toString()).toBe('what an earlier restore replaced');
      expect(fs.readdirSync(path.dirname(store)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(notes(store)).toEqual(['confirmed 1', 'confirmed 2', 'confirmed 3']);
    });
  }
});

describe('stopped while removing the summaries a moved journal left', { timeout: 240_000 }, () => {
  // rel forget of a journal moved since its reports: each removal of a summary (its own, and the
  // old path's) is a step where a kill can land. Whatever the step, nothing confirmed is lost, and
  // the next rel leaves no summary that names the forgotten person.
  const holding = (state: string, text: string) =>
    fs.existsSync(state)
      ? fs.readdirSync(state).filter((n) => fs.readFileSync(path.join(state, n), 'utf8').includes(text))
      : [];

  it('at every removal: the journal is as it was or forgotten, and the next write sweeps the rest', async () => {
    let completed = false;
    let stopped = 0;
    for (let nth = 1; nth <= 12 && !completed; nth++) {
      const folder = tempDir(`kill-derived-remove-${nth}`);
      const old = path.join(folder, 'old', 'journal.json');
      await ok(['add', 'Quentin Zzyzx'], { store: old });
      await ok(['add', 'Ana Silva'], { store: old });
      await ok(['log', 'quentin', '--note', 'a walk', '--follow-up', 'ask about the boat'], { store: old });
      for (const report of ['due', 'stats']) await ok([report], { store: old });
      const moved = path.join(folder, 'new', 'journal.json');
      fs.mkdirSync(path.dirname(moved));
      fs.renameSync(old, moved);
      const state = path.join(folder, 'state', 'rel');
      expect(holding(state, 'Quentin').length).toBeGreaterThan(0);
      const before = bytesOf(moved);
      const r = relProcess(['forget', 'quentin', '--yes'], {
        store: moved,
        env: { REL_FAULT: `derived-remove@${nth}:kill` },
      });
      completed = r.code === 0;
      // Not completed: stopped dead (no exit code), never an error of its own.
      if (!completed) expect(r.code, r.stderr).toBeNull();
      if (!completed) stopped += 1;
      const after = bytesOf(moved)!;
      // Killed before the rename: byte-identical. After it: the forget stands.
      if (!after.equals(before!)) expect(after.toString('utf8')).not.toContain('Quentin');
      // The next write finishes what is left (a forget that had begun is settled first); a forget
      // stopped before it began is given again.
      await ok(['log', 'ana', '--note', 'tea'], { store: moved });
      if (bytesOf(moved)!.toString('utf8').includes('Quentin'))
        await ok(['forget', 'quentin', '--yes'], { store: moved });
      expect(holding(state, 'Quentin'), `killed at removal ${nth}`).toEqual([]);
      expect(await ok(['people'], { store: moved })).toContain('Ana Silva');
    }
    // The loop reached a run that was not stopped: every removal of this forget was tried.
    expect(completed).toBe(true);
    // A forget of a moved journal removes its own two summaries and the old path's two, before
    // and after its rename: each of those is a step a kill was made to land on.
    expect(stopped).toBeGreaterThanOrEqual(4);
  });
});
