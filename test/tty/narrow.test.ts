// Prompts in a 40-column terminal: the question and what is wrong with an answer are wrapped by rel
// at word boundaries, not split mid-word by the terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

/** Every word of the text is whole on some line of the screen. */
function wordsWhole(screen: string, text: string): string[] {
  const words = new Set(screen.split(/\s+/));
  return text.split(' ').filter((word) => !words.has(word));
}

describe('prompts at 40 columns', () => {
  it('wrap the question and the answer’s problem between words', async () => {
    const store = tempStore('tty-narrow');
    ok(['add', 'Eve Kim'], { store });
    term = new Terminal(['log', 'eve'], { store, width: 40 });
    await term.answer('When?', 'last wensday');
    const screen = await term.waitFor('not a date');
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(wordsWhole(screen, 'When? (today, yesterday, friday, 2026-11-20, "3 days ago")')).toEqual([]);
    expect(
      wordsWhole(
        screen,
        'The date "last wensday" is not a date rel understands. Did you mean "last wednesday"? (2026-11-25)',
      ),
    ).toEqual([]);
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
  });
});
