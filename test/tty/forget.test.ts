// rel forget asks before it forgets; "no" keeps everything.
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

describe('rel forget in a terminal', () => {
  it('asks for confirmation: Enter (no) keeps everything, y forgets', async () => {
    const store = tempStore('tty-forget');
    ok(['add', 'Ben Okafor'], { store });
    const before = bytesOf(store);
    term = new Terminal(['forget', 'ben'], { store });
    await term.waitFor('Forget Ben Okafor (ben-okafor)');
    await term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Nothing was forgotten.');
    expect(bytesOf(store)).toEqual(before);
    term.close();
    term = new Terminal(['forget', 'ben'], { store });
    await term.waitFor('Forget Ben Okafor (ben-okafor)');
    await term.type('y');
    await term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people).toEqual([]);
  });
});
