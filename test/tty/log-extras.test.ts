// The interactive log's questions about ambitions, follow-up due dates and "ask next time".
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

describe('rel log in a terminal, for someone with ambitions and questions waiting', () => {
  it('asks which ambitions came up, when a follow-up is due, which questions were asked, what to ask next', async () => {
    const store = tempStore('tty-log');
    ok(['add', 'Ana Silva'], { store, now: '2026-11-01' });
    ok(['ambition', 'ana', 'Lead a team'], { store, now: '2026-11-01' });
    ok(['ambition', 'ana', 'Run a marathon'], { store, now: '2026-11-01' });
    ok(['log', 'ana', '--note', 'x', '--ask-next', 'How was the trip?', '--ask-next', 'The new flat?'], {
      store,
      now: '2026-11-01',
    });
    term = new Terminal(['log', 'ana'], { store, now: '2026-11-10' });
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Enter');
    await term.answer('How many minutes?', '');
    await term.answer('What did you talk about?', '');
    await term.answer('What did you hear', '');
    await term.waitFor('Did any of their ambitions come up?');
    await term.press('Down', 'Space', 'Enter'); // Run a marathon
    await term.answer('Anything done toward it? Run a marathon', ''); // Enter skips: no step
    await term.answer('Did they share an ambition', '');
    await term.answer('Did you learn of a skill', '');
    await term.answer('Did you promise to do anything?', 'Send the doc');
    await term.answer('Another follow-up?', '');
    await term.answer('By when? "Send the doc"', 'friday');
    await term.answer('Did they promise anything?', '');
    await term.waitFor('Tick the ones you asked');
    await term.press('Space', 'Enter'); // asked "How was the trip?"; "The new flat?" stays open
    await term.answer('Anything to ask about next time?', 'Did the talk go well?');
    await term.answer('Anything else for next time?', '');
    expect(await term.exitCode()).toBe(0);
    const ana = readJson(store).people[0];
    const byText = (t: string) => ana.ambitions.find((a: { text: string }) => a.text === t);
    expect(byText('Run a marathon').lastDiscussedOn).toBe('2026-11-10');
    expect(byText('Lead a team').lastDiscussedOn).toBe('2026-11-01');
    expect(byText('Run a marathon').steps).toBeUndefined();
    expect(ana.askNext.map((a: { text: string; askedOn?: string }) => [a.text, a.askedOn ?? null])).toEqual([
      ['How was the trip?', '2026-11-10'],
      ['The new flat?', null],
      ['Did the talk go well?', null],
    ]);
    const followUp = readJson(store).followUps[0];
    expect(followUp).toMatchObject({ text: 'Send the doc', due: '2026-11-13', owner: 'me' });
  });
});

describe('rel log in a terminal, with two people', () => {
  it('ticks one ask-next note and leaves the other open; a follow-up given to everyone concerns both', async () => {
    const store = tempStore('tty-group');
    ok(['add', "Tom O'Brien"], { store, now: '2026-11-01' });
    ok(['add', 'Léa Martin'], { store, now: '2026-11-01' });
    ok(['ask', 'tom', 'How did the band gig go?'], { store, now: '2026-11-01' });
    ok(['ask', 'lea', 'The new job?'], { store, now: '2026-11-01' });
    term = new Terminal(['log', 'tom', 'lea'], { store, now: '2026-11-10' });
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Enter');
    await term.answer('How many minutes?', '');
    await term.answer('What did you talk about?', '');
    await term.answer('What did you hear', '');
    await term.answer('Did they share an ambition', '');
    await term.answer('Did you learn of a skill', '');
    await term.answer('Did you promise to do anything?', 'Book the room');
    await term.waitFor('For whom is "Book the room"?');
    await term.waitFor(/❯ Everyone there/); // the first choice
    await term.press('Enter');
    await term.answer('Another follow-up?', '');
    await term.answer('By when? "Book the room"', '');
    await term.answer('Did any of them promise anything?', '');
    const screen = await term.waitFor('Tick the ones you asked');
    expect(screen).toContain("Tom O'Brien: How did the band gig go?");
    expect(screen).toContain('Léa Martin: The new job?');
    await term.press('Down', 'Space', 'Enter'); // asked Léa; Tom's stays open
    await term.answer('Anything to ask about next time?', '');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Still to ask Tom: How did the band gig go?');
    const journal = readJson(store);
    const [tom, lea] = journal.people;
    expect(tom.askNext[0].askedOn).toBeUndefined();
    expect(lea.askNext[0].askedOn).toBe('2026-11-10');
    expect(journal.followUps).toHaveLength(1);
    expect(journal.followUps[0]).toMatchObject({
      text: 'Book the room',
      personId: 'tom-o-brien',
      personIds: ['tom-o-brien', 'lea-martin'],
    });
  });
});
