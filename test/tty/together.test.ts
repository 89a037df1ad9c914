// The interactive log of a group conversation, in a real terminal: the capture says in one line
// that it was seen, not time together, and the check-ins do not move.
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

const TEAM = ['Ana Silva', 'Ben Okafor', 'Cleo Grant', 'Dev Patel', 'Eve Kim'];

describe('interactive rel log of a group conversation', () => {
  it('says it was seen, not time together, and leaves the next check-ins where they were', async () => {
    const store = tempStore('tty-group');
    for (const name of TEAM) ok(['add', name, '--cadence', '2w'], { store, now: '2026-11-02T09:00:00' });
    ok(['log', 'ana', '--date', '2026-11-20'], { store });
    const dueBefore = JSON.parse(ok(['people', '--json'], { store })).map((p: { dueOn: string }) => p.dueOn);
    term = new Terminal(['log'], { store, width: 100 });
    await term.waitFor('Who did you talk with?');
    for (const first of ['ana', 'ben', 'cleo', 'dev', 'eve']) {
      await term.type(first);
      await term.waitFor(new RegExp(`❯ ${first[0]!.toUpperCase()}${first.slice(1)} `));
      await term.press('Enter');
      await term.waitFor(/\? Anyone else\?/);
    }
    await term.press('Enter'); // No one else
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Down', 'Down', 'Down'); // 1:2:1, coffee, call, meeting
    await term.waitFor(/❯ meeting/);
    await term.press('Enter');
    await term.answer('How many minutes?', '45');
    await term.answer('What did you talk about?', 'All-hands');
    for (const prompt of [
      'What did you hear from Ana, Ben, Cleo, Dev and Eve?',
      'ambition or a life goal',
      'skill, talent or passion',
      'Did you promise to do anything?',
      'Did any of them promise anything?',
      'Anything to ask about next time?',
    ])
      await term.answer(prompt, '');
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    const saved = readJson(store).conversations.find((c: { kind: string }) => c.kind === 'meeting');
    // One line, wrapped by the terminal's width: joined again to read it.
    expect(screen.replace(/\n(?!Logged)/g, ' ')).toContain(
      `Seen, not time together (a group: you and 5 others): next check-ins stay as they were. To count it: rel conversation edit ${saved.id} --counts`,
    );
    expect(screen).toMatch(
      /Logged a meeting with Ana Silva, Ben Okafor, Cleo Grant, Dev Patel, Eve Kim today \(45 min\)/,
    );
    expect(screen).toMatch(/Next check-in with Ana Silva: Fri 4 Dec/);
    expect(saved).toMatchObject({ with: TEAM.map((n) => n.toLowerCase().replace(' ', '-')), minutes: 45 });
    expect(saved).not.toHaveProperty('counts');
    expect(JSON.parse(ok(['people', '--json'], { store })).map((p: { dueOn: string }) => p.dueOn)).toEqual(
      dueBefore,
    );
  });

  it('says nothing of the kind for a coffee with two: that is time together', async () => {
    const store = tempStore('tty-small');
    for (const name of TEAM.slice(0, 2)) ok(['add', name], { store });
    term = new Terminal(['log'], { store, width: 100 });
    await term.waitFor('Who did you talk with?');
    await term.type('ana');
    await term.waitFor(/❯ Ana Silva/);
    await term.press('Enter');
    await term.waitFor(/\? Anyone else\?/);
    await term.type('ben');
    await term.waitFor(/❯ Ben Okafor/);
    await term.press('Enter');
    await term.waitFor(/\? Anyone else\?/);
    await term.press('Enter');
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Down');
    await term.waitFor(/❯ coffee/);
    await term.press('Enter');
    for (const prompt of [
      'How many minutes?',
      'What did you talk about?',
      'What did you hear from',
      'ambition or a life goal',
      'skill, talent or passion',
      'Did you promise to do anything?',
      'Did any of them promise anything?',
      'Anything to ask about next time?',
    ])
      await term.answer(prompt, '');
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    expect(screen).toMatch(/Logged a coffee with Ana Silva, Ben Okafor today\./);
    expect(screen).not.toMatch(/not time together/);
  });
});
