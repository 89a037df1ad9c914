// rel undo right after a rel forget: the forget cannot be undone, and rel undo says so and takes
// back the change before it only when told (yes at the prompt, --yes without a terminal), naming
// that change. And a journal with two people under one id: naming either is exit 1, pointing at
// rel doctor, as for every write to it.
import { describe, expect, it } from 'vitest';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, folderBytes, ok, readJson, rel, tempStore } from '../helpers/run.js';

const notes = (store: string): string[] => readJson(store).conversations.map((c: { note: string }) => c.note);
const folder = folderBytes;

async function forgotBen(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['add', 'Ben Okafor'], { store });
  await ok(['log', 'ana', '--note', 'coffee'], { store });
  await ok(['forget', 'ben', '--yes'], { store });
  return store;
}

const REFUSAL =
  'rel: The last change was a rel forget (2026-11-27 12:00 UTC), which cannot be undone: rel keeps no copy of what it forgets. rel undo would take back the change before it instead: "logged a 1:2:1 with Ana Silva on 2026-11-27". Nothing was changed.\n  To take that change back: rel undo --yes\n';

describe('rel undo right after rel forget', () => {
  it('without a terminal: exit 2, says the forget cannot be undone and what it would take back', async () => {
    const store = await forgotBen('undo-forget');
    const before = folder(store);
    const r = await rel(['undo'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(REFUSAL);
    expect(r.stderr).not.toContain('Ben');
    expect(folder(store)).toEqual(before);
    const json = JSON.parse(
      (await rel(['undo', '--yes', '--json'], { store: await forgotBen('undo-forget-json') })).stdout,
    );
    expect(json.pastForget).toBe(true);
    const undone = await rel(['undo', '--yes'], { store });
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toContain('Undone: logged a 1:2:1 with Ana Silva on 2026-11-27');
    expect(undone.stdout).toContain('The rel forget after it stays: a forget cannot be undone.');
    expect(notes(store)).toEqual([]);
    // Once told, the undo steps before go on as usual.
    const next = JSON.parse(await ok(['undo', '--json'], { store }));
    expect(next).toEqual({
      undone: { summary: 'added Ana Silva', at: '2026-11-27T12:00:00.000Z' },
      remaining: 0,
    });
  });

  it('in a terminal: asks, naming the change; no changes nothing, yes takes it back', async () => {
    const store = await forgotBen('undo-forget-ask');
    const before = folder(store);
    const no = await rel(['undo'], { store, answers: [false] });
    expect(no.code, no.stderr).toBe(0);
    expect(no.asked.map((a) => a.message)).toEqual([
      'The last change was a rel forget, which cannot be undone. Take back the change before it instead: "logged a 1:2:1 with Ana Silva on 2026-11-27"?',
    ]);
    expect(no.stderr).toContain('Nothing was changed.');
    expect(folder(store)).toEqual(before);
    const yes = await rel(['undo'], { store, answers: [true] });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toContain('The rel forget after it stays');
    expect(notes(store)).toEqual([]);
  });

  it('a change after the forget is undone without asking', async () => {
    const store = await forgotBen('undo-forget-later');
    await ok(['log', 'ana', '--note', 'later'], { store });
    const r = JSON.parse(await ok(['undo', '--json'], { store }));
    expect(r).not.toHaveProperty('pastForget');
    expect(notes(store)).toEqual(['coffee']);
  });
});

describe('two people under one id', () => {
  it('rel note by that id: exit 1 pointing at rel doctor, nothing changed', async () => {
    const store = tempStore('dup-id');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva'), person('ana-silva', 'Ana Souza')]));
    const before = bytesOf(store);
    for (const name of ['ana-silva', 'ana']) {
      const r = await rel(['note', name, 'X'], { store });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`"${name}" fits several people who share the id ana-silva`);
      expect(r.stderr).toContain('rel doctor shows every such id and how to fix it.');
      expect(r.stderr).not.toContain('use the id');
    }
    expect(bytesOf(store)).toEqual(before);
  });
});
