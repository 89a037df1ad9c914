// The interactive log asks "Anything done toward it?" for each active ambition that came up.
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

describe('rel log in a terminal, with an ambition that came up', () => {
  it('records the step given for it, with the conversation, and skips the one left blank', async () => {
    const store = tempStore('tty-step');
    ok(['add', "Tom O'Brien"], { store, now: '2026-11-01' });
    ok(['ambition', 'tom', 'Work in design full-time'], { store, now: '2026-11-01' });
    ok(['ambition', 'tom', 'Run a marathon'], { store, now: '2026-11-01' });
    term = new Terminal(['log', 'tom'], { store, now: '2026-11-10' });
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Enter');
    await term.answer('How many minutes?', '');
    await term.answer('What did you talk about?', '');
    await term.answer('What did you hear', '');
    await term.waitFor('Did any of their ambitions come up?');
    await term.press('Space', 'Down', 'Space', 'Enter'); // both came up
    await term.answer('Anything done toward it? Work in design full-time', 'Designed the Q1 newsletter');
    await term.answer('Anything done toward it? Run a marathon', '');
    await term.answer('Did they share an ambition', '');
    await term.answer('Did you learn of a skill', '');
    await term.answer('Did you promise to do anything?', '');
    await term.answer('Did they promise anything?', '');
    await term.answer('Anything to ask about next time?', '');
    const screen = await term.waitFor('@@EXIT:');
    expect(screen.replace(/\s+/g, ' ')).toContain("Logged a 1:2:1 with Tom O'Brien today: 1 step.");
    expect(await term.exitCode()).toBe(0);
    const journal = readJson(store);
    const [design, marathon] = journal.people[0].ambitions;
    expect(design.steps).toEqual([
      {
        id: expect.any(String),
        text: 'Designed the Q1 newsletter',
        on: '2026-11-10',
        conversationId: journal.conversations[0].id,
      },
    ]);
    expect(design.lastDiscussedOn).toBe('2026-11-10');
    // Came up, nothing done: discussed, no step.
    expect(marathon.steps).toBeUndefined();
    expect(marathon.lastDiscussedOn).toBe('2026-11-10');
  });
});
