// A report (rel due, rel people, rel stats) that read the journal before a change made meanwhile
// (rel encrypt, rel forget in another terminal) writes its summary after that change: it must not
// leave a summary of the older version there, with names and follow-ups in the clear, or a
// forgotten person's name. The change removes the summaries before and after its rename, and a
// summary written after it sees the newer version and takes itself back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOGETHER_RULES } from '../../src/core/together.js';
import { Store } from '../../src/store/store.js';
import { ok, tempStore } from '../helpers/run.js';

const env = { REL_PASSPHRASE: 'correct horse battery' };

async function journalWith(name: string) {
  const file = tempStore('summary-race');
  await ok(['add', name], { store: file, env });
  await ok(['log', name, '--note', 'walk', '--follow-up', 'SECRETFOLLOW send the map'], { store: file, env });
  const state = path.join(path.dirname(path.dirname(file)), 'state', 'rel');
  const store = new Store(file, {
    warn: () => {},
    stateFolder: state,
    dueRules: () => DEFAULT_TOGETHER_RULES,
  });
  const holding = (text: string) =>
    fs.existsSync(state)
      ? fs.readdirSync(state).filter((f) => fs.readFileSync(path.join(state, f), 'utf8').includes(text))
      : [];
  // A fresh read of each, as a report starts: no summary there.
  for (const f of fs.existsSync(state) ? fs.readdirSync(state) : []) fs.rmSync(path.join(state, f));
  return { file, store, holding };
}

describe('a summary written by a report that read the journal before a change made meanwhile', () => {
  it('rel due, then rel encrypt before its summary is written: no plain summary stays', async () => {
    const { file, store, holding } = await journalWith('Ria Race');
    const due = await store.readForDue();
    await ok(['encrypt'], { store: file, env });
    due.save();
    expect(holding('Ria Race')).toEqual([]);
    expect(holding('SECRETFOLLOW')).toEqual([]);
  });

  it('rel due, then rel forget before its summary is written: no summary names the person', async () => {
    const { file, store, holding } = await journalWith('Ria Race');
    const due = await store.readForDue();
    await ok(['forget', 'ria', '--yes'], { store: file, env });
    due.save();
    expect(holding('Ria Race')).toEqual([]);
  });

  it('rel stats, then rel encrypt before its summary is written: no plain summary stays', async () => {
    const { file, store, holding } = await journalWith('Ria Race');
    const stats = await store.readForStats();
    await ok(['encrypt'], { store: file, env });
    stats.save();
    expect(holding('Ria Race')).toEqual([]);
  });

  it('with no change meanwhile, the summaries are written and kept', async () => {
    const { store, holding } = await journalWith('Ria Race');
    (await store.readForDue()).save();
    (await store.readForStats()).save();
    expect(
      holding('Ria Race')
        .map((f) => f.split('-')[0])
        .sort(),
    ).toEqual(['due', 'stats']);
  });
});
