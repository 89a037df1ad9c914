// The interactive paths of follow-ups and ambitions, in a real terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

function seeded(): string {
  const store = tempStore('tty-fu');
  ok(['add', 'Ana Silva'], { store });
  ok(['todo', 'add', 'ana', 'Send the promotion doc'], { store });
  ok(['todo', 'add', 'ana', 'Book the offsite'], { store });
  return store;
}

describe('rel done in a terminal', () => {
  it('with no words, a search prompt narrows the open follow-ups; Enter closes the one shown', async () => {
    const store = seeded();
    term = new Terminal(['done'], { store });
    // The search prompt draws its question first and its choices a moment later.
    const screen = await term.waitFor(/Which follow-up is done\?[\s\S]*Book the offsite/);
    expect(screen).toContain('Send the promotion doc');
    expect(screen).toContain('Book the offsite');
    await term.type('offsite');
    await term.waitFor(/offsite\n(?:(?!Send the promotion)[\s\S])*$/);
    await term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Done: Book the offsite');
    const open = readJson(store).followUps.filter((f: { doneAt: string | null }) => !f.doneAt);
    expect(open.map((f: { text: string }) => f.text)).toEqual(['Send the promotion doc']);
  });

  it('words that fit several ask which; Ctrl+C saves nothing and exits 130', async () => {
    const store = seeded();
    ok(['ambition', 'ana', 'Lead a team'], { store });
    ok(['ambition', 'ana', 'Lead a choir'], { store });
    term = new Terminal(['ambition', 'done', 'ana', 'lead'], { store });
    await term.waitFor('"lead" fits several. Which one?');
    await term.press('Down', 'Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Achieved: Lead a choir');
    term.close();

    const before = JSON.stringify(readJson(store));
    term = new Terminal(['done'], { store });
    await term.waitFor('Which follow-up is done?');
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(JSON.stringify(readJson(store))).toBe(before);
  });
});
