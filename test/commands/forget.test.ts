// rel forget: a person and everything about them leave the journal and every copy rel keeps.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

describe('rel forget', () => {
  it('needs --yes without a terminal; then scrubs the journal, backups and undo data, and names what it cannot reach', async () => {
    const store = tempStore('forget');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['add', 'Ben Okafor'], { store });
    await ok(['log', 'ben', '--note', 'Secret plan', '--heard', 'Worried about the move'], { store });
    await ok(['log', 'ana', 'ben', '--note', 'Shared meeting'], { store });
    await ok(['skill', 'ben', 'Plays the oboe'], { store });
    await ok(['todo', 'add', 'ben', 'Send the oboe doc'], { store });
    const before = bytesOf(store);
    const refused = await rel(['forget', 'ben'], { store });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(bytesOf(store)).toEqual(before);
    expect((await rel(['forget', 'zed', '--yes'], { store })).code).toBe(2);

    const result = JSON.parse(await ok(['forget', 'ben', '--yes', '--json'], { store }));
    expect(result.removed).toEqual({ conversations: 1, sharedKept: 1, dismissals: 0, followUps: 1 });
    expect(result.notReached.join(' ')).toContain('rel export');
    const journal = readJson(store);
    expect(journal.people.map((p: { id: string }) => p.id)).toEqual(['ana-silva']);
    expect(journal.conversations).toHaveLength(1);
    expect(journal.conversations[0].with).toEqual(['ana-silva']);
    // No file rel keeps still holds anything about Ben.
    const folder = path.dirname(store);
    for (const name of fs.readdirSync(folder)) {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      expect(text, name).not.toMatch(/Okafor|oboe|Secret plan|Worried about the move/);
    }
    expect(await ok(['forget', 'ana', '--yes'], { store })).toContain("Out of rel's reach");
  });
});
