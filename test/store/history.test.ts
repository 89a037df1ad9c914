// Store.rewriteAll: a change that must leave no trace reaches every copy rel keeps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logConversation } from '../../src/core/conversations.js';
import type { Journal } from '../../src/core/journal.js';
import { addPerson } from '../../src/core/new-person.js';
import { keptCopies } from '../../src/store/kept.js';
import { Store } from '../../src/store/store.js';
import { readUndoData } from '../../src/store/undo.js';

let n = 0;
const clock = { now: new Date('2026-11-27T12:00:00Z'), newId: () => `id${++n}` };

function forgetBen(journal: Journal): void {
  journal.people = journal.people.filter((p) => p.id !== 'ben-okafor');
  journal.conversations = journal.conversations.filter((c) => !c.with.includes('ben-okafor'));
}

describe('Store.rewriteAll', () => {
  it('rewrites backups and undo data too: nothing of what it removes survives in the folder', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-rewrite-')), 'journal.json');
    const store = new Store(file, { warn: () => {}, now: clock.now });
    await store.update((j) => addPerson(j, { name: 'Ana Silva' }, clock));
    await store.update((j) => addPerson(j, { name: 'Ben Okafor' }, clock));
    const talk = (who: string, note: string) =>
      store.update((j) =>
        logConversation(
          j,
          { date: '2026-11-20', with: [who], kind: 'call', minutes: null, note, heard: [], about: {} },
          clock,
        ),
      );
    await talk('ben-okafor', 'Ben secret: moving to Lisbon');
    await talk('ana-silva', 'Ana roadmap');
    // Keep a restore copy too.
    fs.writeFileSync(path.join(path.dirname(file), '.journal.json.before-restore'), fs.readFileSync(file));
    const everywhere = () =>
      fs
        .readdirSync(path.dirname(file))
        .map((name) => fs.readFileSync(path.join(path.dirname(file), name), 'utf8'))
        .join('\n');
    expect(everywhere()).toContain('Lisbon');
    expect(keptCopies(file).length).toBeGreaterThanOrEqual(4);

    const report = await store.rewriteAll(forgetBen);

    expect(everywhere()).not.toMatch(/Lisbon|Ben Okafor|ben-okafor/);
    expect(report.rewritten.length).toBeGreaterThanOrEqual(4);
    // The undo entries about Ben are gone; the ones about Ana remain and still work.
    const entries = (await readUndoData(file, async (bytes) => bytes.toString('utf8'))).entries;
    expect(entries.map((e) => e.summary)).toEqual(['added Ana Silva', '1 conversation added']);
    expect(report.undoDropped).toBe(2);
    // The forget itself cannot be undone: the change before it is taken back only when told.
    await expect(store.undo()).rejects.toThrow(/The last change was a rel forget/);
    const undone = await store.undo(true);
    expect(undone.entry.summary).toBe('1 conversation added');
    expect((await store.read()).conversations).toEqual([]);
  });
});
