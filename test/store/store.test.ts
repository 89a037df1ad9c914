// Store.update reuses the journal read() returned only while the file is that same version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { serializeJournal } from '../../src/store/format.js';
import { Store } from '../../src/store/store.js';
import { wholePerson } from '../helpers/journal.js';

function journalWith(...names: string[]): Journal {
  const journal = emptyJournal();
  for (const name of names) {
    journal.people.push(wholePerson(name.toLowerCase(), name, { createdAt: '2026-11-01T09:00:00.000Z' }));
  }
  return journal;
}

function storeHolding(journal: Journal): { store: Store; file: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-store-')), 'journal.json');
  fs.writeFileSync(file, serializeJournal(journal), { mode: 0o600 });
  return { store: new Store(file, { warn: () => {} }), file };
}

describe('Store.update after read', () => {
  it('reuses what read() returned when the file has not changed', async () => {
    const { store } = storeHolding(journalWith('Ana'));
    const read = await store.read();
    const seen = await store.update((journal) => journal);
    expect(seen).toBe(read);
  });

  it('reads again when the file was rewritten in place', async () => {
    const { store, file } = storeHolding(journalWith('Ana'));
    await store.read();
    fs.writeFileSync(file, serializeJournal(journalWith('Ana', 'Ben')));
    const names = await store.update((journal) => journal.people.map((p) => p.name));
    expect(names).toEqual(['Ana', 'Ben']);
  });

  it('reads again when the file was replaced', async () => {
    const { store, file } = storeHolding(journalWith('Ana'));
    await store.read();
    fs.writeFileSync(`${file}.new`, serializeJournal(journalWith('Cy')));
    fs.renameSync(`${file}.new`, file);
    const names = await store.update((journal) => journal.people.map((p) => p.name));
    expect(names).toEqual(['Cy']);
  });

  it('reads again for a second update: the first one changed the file', async () => {
    const { store } = storeHolding(journalWith('Ana'));
    await store.read();
    await store.update((journal) => journal.people.pop());
    const count = await store.update((journal) => journal.people.length);
    expect(count).toBe(0);
  });
});
