// The summaries rel keeps in its state folder are named by the journal's path. A journal moved,
// or reached by a second name, must not leave the summaries of its old name behind holding its
// names and follow-ups in the clear once it is encrypted or someone is forgotten
// (store/stray-summaries.ts); summaries of other journals that still stand for them stay.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onCheckpoint } from '../../src/store/faults.js';
import { stateKey } from '../../src/store/paths.js';
import { Store } from '../../src/store/store.js';
import { ok, rel, tempStore } from '../helpers/run.js';

let folder: string;
let state: string;
const env = { REL_PASSPHRASE: 'correct horse battery' };

beforeEach(() => {
  const first = tempStore('stray-summaries');
  folder = path.dirname(path.dirname(first));
  state = path.join(folder, 'state', 'rel');
});

const journal = (name: string) => {
  const file = path.join(folder, name, 'journal.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
};

/** The state folder's summaries that hold `text`, but for those of the journal at `own`. */
function summariesHolding(text: string, own?: string): string[] {
  if (!fs.existsSync(state)) return [];
  const ownKey = own && stateKey(fs.realpathSync(own));
  return fs
    .readdirSync(state)
    .filter((name) => /^(due|stats)-/.test(name) && !name.includes(`-${ownKey}.`))
    .filter((name) => fs.readFileSync(path.join(state, name), 'utf8').includes(text));
}

const summaryKinds = () =>
  fs
    .readdirSync(state)
    .filter((name) => /^(due|stats)-/.test(name))
    .map((name) => name.split('-')[0])
    .sort();

async function seed(store: string, name: string, followUp: string) {
  await ok(['add', name], { store, env });
  await ok(['log', name, '--note', 'a walk by the river', '--follow-up', followUp], { store, env });
  await ok(['due'], { store, env });
  await ok(['stats'], { store, env });
}

describe('summaries left by another name of the journal', () => {
  it('a journal moved, then encrypted: no summary of its old path holds its names or follow-ups', async () => {
    const old = journal('old');
    await seed(old, 'Moved Secret', 'MOVEDFOLLOW pay back');
    expect(summariesHolding('Moved Secret')).toHaveLength(2);
    const moved = journal('new');
    fs.renameSync(old, moved);
    await ok(['encrypt'], { store: moved, env });
    expect(summariesHolding('Moved Secret')).toEqual([]);
    expect(summariesHolding('MOVEDFOLLOW')).toEqual([]);
    // The journal at its new path reads as before.
    expect(await ok(['todo'], { store: moved, env })).toContain('MOVEDFOLLOW pay back');
  });

  it('a journal moved, then someone forgotten: the old path keeps no summary naming them', async () => {
    const old = journal('old');
    await seed(old, 'Quentin Zzyzx', 'ask about the boat');
    const moved = journal('new');
    fs.renameSync(old, moved);
    await ok(['forget', 'quentin', '--yes'], { store: moved, env });
    await ok(['due'], { store: moved, env });
    expect(summariesHolding('Quentin')).toEqual([]);
  });

  it('a journal copied elsewhere and removed (a move across disks): its summaries go at the next write', async () => {
    const old = journal('old');
    await seed(old, 'Copied Across', 'send the photos');
    const moved = journal('new');
    fs.copyFileSync(old, moved);
    fs.rmSync(old);
    await ok(['log', 'copied', '--note', 'coffee'], { store: moved, env });
    expect(summariesHolding('Copied Across', moved)).toEqual([]);
  });

  it('a second name for the same file (a hard link): its summary goes when the journal is written by the other', async () => {
    const real = journal('real');
    await ok(['add', 'Hana Link'], { store: real, env });
    const linked = path.join(folder, 'real', 'linked.json');
    fs.linkSync(real, linked);
    await ok(['due'], { store: linked, env });
    expect(summariesHolding('Hana Link', real)).toHaveLength(1);
    await ok(['forget', 'hana', '--yes'], { store: real, env });
    expect(summariesHolding('Hana Link')).toEqual([]);
  });

  it("another journal's summaries that still stand for it are kept, and used", async () => {
    const mine = journal('mine');
    const theirs = journal('theirs');
    await seed(theirs, 'Other Person', 'call back');
    await seed(mine, 'Mine Person', 'lend the book');
    const before = summariesHolding('Other Person');
    expect(before).toHaveLength(2);
    await ok(['log', 'mine', '--note', 'tea'], { store: mine, env });
    await ok(['encrypt'], { store: mine, env });
    expect(summariesHolding('Other Person')).toEqual(before);
    // rel due of the other journal still reads its summary: the journal itself is not read.
    const read = vi.spyOn(Store.prototype, 'read');
    try {
      expect(await ok(['people', '--json'], { store: theirs, env })).toContain('Other Person');
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('a summary of another journal edited since (it stands for a version no file has) goes at the next write', async () => {
    const mine = journal('mine');
    const theirs = journal('theirs');
    await seed(theirs, 'Edited Since', 'share the notes');
    await ok(['add', 'Mine Person'], { store: mine, env });
    // Edited outside rel: the summary of that journal no longer stands for it.
    fs.appendFileSync(theirs, '\n');
    await ok(['log', 'mine', '--note', 'tea'], { store: mine, env });
    expect(summariesHolding('Edited Since')).toEqual([]);
    // Its next report reads the journal in full and keeps a summary of it again.
    expect(await ok(['due'], { store: theirs, env })).toContain('Edited Since');
    expect(summaryKinds()).toContain('due');
  });

  it('rel doctor names the summaries a move left behind, and --fix removes them', async () => {
    const old = journal('old');
    await seed(old, 'Doctor Moved', 'bring the map');
    const moved = journal('new');
    fs.renameSync(old, moved);
    const checkup = JSON.parse(await ok(['doctor', '--json'], { store: moved, env }));
    const found = checkup.findings.filter((f: { check: string }) => f.check === 'summaries');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('2 summaries');
    expect(found[0].fix).toContain('rel doctor --fix');
    expect(summariesHolding('Doctor Moved')).toHaveLength(2);
    const fixed = await ok(['doctor', '--fix'], { store: moved, env });
    expect(fixed).toContain('removed the summary');
    expect(summariesHolding('Doctor Moved')).toEqual([]);
    const after = JSON.parse(await ok(['doctor', '--json'], { store: moved, env }));
    expect(after.findings.filter((f: { check: string }) => f.check === 'summaries')).toEqual([]);
  });
});

describe('a summary that cannot be removed', () => {
  // The state folder as a user's other tool may leave it, or a file system that refuses: the
  // removal fails (EACCES), the change itself is saved, and rel says which files still hold what.
  const refuseStrays = () =>
    onCheckpoint((step, file) => {
      if (step === 'derived-remove' && !file.includes(`-${ownKey}.`)) {
        const error: NodeJS.ErrnoException = new Error(`EACCES: permission denied, unlink '${file}'`);
        error.code = 'EACCES';
        throw error;
      }
    });
  let ownKey = '';
  afterEach(() => onCheckpoint(undefined));

  it('a forget is saved, and says which summaries still hold the journal as it was', async () => {
    const old = journal('old');
    await seed(old, 'Quentin Zzyzx', 'ask about the boat');
    const moved = journal('new');
    fs.renameSync(old, moved);
    ownKey = stateKey(fs.realpathSync(moved));
    const left = summariesHolding('Quentin').map((name) => path.join(state, name));
    expect(left).toHaveLength(2);
    refuseStrays();
    const r = await rel(['forget', 'quentin', '--yes'], { store: moved, env });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(moved, 'utf8')).not.toContain('Quentin');
    expect(r.stderr).toContain(
      'The change was saved, but 2 summaries rel keeps for reports could not be removed',
    );
    expect(r.stderr).toContain('in the clear');
    for (const file of left) expect(r.stderr).toContain(`"${file}"`);
    // rel doctor --fix, refused the same way, does not claim it removed them.
    const fixed = await rel(['doctor', '--fix'], { store: moved, env });
    expect(fixed.stdout + fixed.stderr).toContain('could not remove the summary');
    expect(fixed.stdout + fixed.stderr).not.toContain('removed the summary');
    onCheckpoint(undefined);
    expect(await ok(['doctor', '--fix'], { store: moved, env })).toContain('removed the summary');
    expect(summariesHolding('Quentin')).toEqual([]);
  });

  it('a write with nothing left behind says nothing of summaries', async () => {
    const mine = journal('mine');
    await seed(mine, 'Plain Person', 'lend the book');
    ownKey = stateKey(fs.realpathSync(mine));
    refuseStrays();
    const r = await rel(['log', 'plain', '--note', 'tea'], { store: mine, env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('summar');
  });
});
