// Real terminal sessions of `rel log` and `rel add`, driven through tmux.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

function seeded(): string {
  const store = tempStore('tty');
  ok(['add', 'Ana Silva', '--role', 'Staff Engineer', '--cadence', '2w'], { store });
  ok(['add', 'Ben Okafor'], { store });
  ok(['add', 'Sam Lee'], { store });
  ok(['add', 'Samantha Ortiz'], { store });
  return store;
}

describe('interactive rel log', () => {
  it('a refused answer leaves the field empty for the next try', async () => {
    const store = seeded();
    term = new Terminal(['log', 'ana'], { store });
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Enter');
    await term.answer('How many minutes?', 'half an hour');
    await term.waitFor(/How many minutes\?[\s\S]*half an hour/);
    await term.waitFor(/How many minutes\?.*\n.*(minutes|number)/);
    // Typed again from the start: without the field emptied this read "half an hour25".
    await term.type('25');
    await term.press('Enter');
    await term.answer('What did you talk about?', '');
    for (const prompt of [
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).conversations[0].minutes).toBe(25);
  });

  it('walks through every prompt and saves all the answers', async () => {
    const store = seeded();
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('ana');
    await term.waitFor(/❯ Ana Silva/);
    await term.press('Enter');
    await term.waitFor('Anyone else?');
    await term.type('ben');
    await term.waitFor(/❯ Ben Okafor/);
    await term.press('Enter');
    await term.waitFor('Anyone else?');
    await term.press('Enter'); // "No one else" is first
    await term.answer('When?', 'yesterday');
    await term.waitFor('What kind of conversation?');
    // Two people: a meeting is preselected, not a 1:2:1.
    await term.waitFor(/❯ meeting/);
    await term.press('Up', 'Up', 'Enter'); // call, then coffee
    await term.answer('How many minutes?', '25');
    await term.answer('What did you talk about?', 'Career plans');
    await term.answer('What did you hear from Ana and Ben?', 'Worried about the reorg');
    await term.waitFor('Who said "Worried about the reorg"?');
    // The whole group comes first, as for follow-ups and ask-next notes: Enter takes it.
    await term.waitFor(/❯ Everyone there/);
    await term.press('Enter');
    await term.answer('Anything else you heard?', 'Loves the new team');
    await term.waitFor('Who said "Loves the new team"?');
    await term.press('Down', 'Down', 'Enter'); // Ben: after everyone there and Ana
    await term.answer('Anything else you heard?', '');
    await term.answer('ambition or a life goal', 'Ben: Start a company');
    await term.answer('Another ambition?', '');
    await term.answer('skill, talent or passion', 'Woodwork');
    await term.waitFor('Whose is "Woodwork"?');
    await term.press('Enter'); // Ana Silva, the first choice
    await term.answer(/\? Another\? \(Enter when done\)/, '');
    await term.answer('Did you promise to do anything?', 'Ana: Share the reorg plan');
    await term.answer('Another follow-up?', '');
    await term.answer('By when? "Ana: Share the reorg plan"', 'friday');
    await term.answer('Did any of them promise anything?', '');
    await term.answer('Anything to ask about next time?', 'Ben: How did the pitch go?');
    await term.answer('Anything else for next time?', '');
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    expect(screen).toMatch(
      /Logged a coffee with Ana Silva, Ben Okafor yesterday \(25 min\): 2 things heard, 1 ambition, 1 skill, 1 follow-up\./,
    );
    expect(screen).toMatch(/Next check-in with Ana Silva: Thu 10 Dec/);

    const journal = readJson(store);
    expect(journal.conversations).toHaveLength(1);
    expect(journal.conversations[0]).toMatchObject({
      date: '2026-11-26',
      with: ['ana-silva', 'ben-okafor'],
      kind: 'coffee',
      minutes: 25,
      note: 'Career plans',
      heard: ['Worried about the reorg', 'Loves the new team'],
      heardFrom: [null, 'ben-okafor'],
    });
    const byId = Object.fromEntries(journal.people.map((p: { id: string }) => [p.id, p]));
    expect(byId['ben-okafor'].ambitions[0].text).toBe('Start a company');
    expect(byId['ana-silva'].skills[0].text).toBe('Woodwork');
    expect(journal.followUps[0]).toMatchObject({
      personId: 'ana-silva',
      text: 'Share the reorg plan',
      due: '2026-12-04',
    });
    expect(byId['ben-okafor'].askNext[0].text).toBe('How did the pitch go?');
  });

  it('a name typed before the prompt is up is shown and searched, and Enter picks that person', async () => {
    const store = seeded();
    // Typed while rel is still starting: the keys wait in the terminal for the first prompt.
    term = new Terminal(['log'], { store, startAfterMs: 600 });
    await term.type('ben');
    await term.waitFor(/Who did you talk with\? \(type to search or to add someone\) ben/);
    await term.waitFor(/❯ Ben Okafor/);
    await term.press('Enter');
    // And at the next prompt, typed before it is drawn: "No one else" is not what was typed.
    await term.type('sa');
    await term.waitFor(/Anyone else\? \(Enter when that is everyone\) sa/);
    await term.waitFor(/❯ Sam Lee/);
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
  });

  it('an Enter pressed before the prompt is up answers nothing; what follows it is kept', async () => {
    const store = seeded();
    term = new Terminal(['add'], { store, startAfterMs: 600 });
    await term.type('Zed');
    await term.press('Enter');
    await term.type('Ada Nwosu');
    // (The terminal itself echoed "Zed" as it was typed, before rel was there.)
    await term.waitFor(/^\? Name Ada Nwosu$/m);
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
  });

  it('a name and Enter typed before the prompt is up: the name is kept and shown, the Enter answers nothing', async () => {
    const store = seeded();
    term = new Terminal(['log'], { store, startAfterMs: 600 });
    await term.type('Be');
    await term.press('Enter');
    await term.waitFor(/Who did you talk with\? \(type to search or to add someone\) Be$/m);
    await term.waitFor(/❯ Ben Okafor/);
    // Enter now picks whom the search shows, not the first person of the journal.
    await term.press('Enter');
    await term.waitFor(/✔ Who did you talk with\?.*Ben Okafor/);
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
  });

  it('Enter at every prompt after choosing a person logs a 1:2:1 today', async () => {
    const store = seeded();
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('sam');
    await term.waitFor(/❯ Sam Lee/);
    await term.press('Enter');
    await term.waitFor('Anyone else?');
    await term.press('Enter');
    for (const prompt of [
      'When?',
      'What kind',
      'How many minutes?',
      'What did you talk about?',
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'ask about next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toMatch(/Logged a 1:2:1 with Sam Lee today\./);
    expect(readJson(store).conversations[0]).toMatchObject({
      date: '2026-11-27',
      kind: '1:2:1',
      minutes: null,
      note: '',
      heard: [],
      with: ['sam-lee'],
    });
  });

  it('adds someone new from the search prompt', async () => {
    const store = seeded();
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('Priya Natarajan');
    await term.waitFor('❯ Add "Priya Natarajan" as a new person');
    await term.press('Enter');
    // The exact name is confirmed (and can be corrected), then role, relationship and cadence.
    await term.waitFor('Name of the new person (as you want it kept; empty it to go back) Priya Natarajan');
    await term.press('Enter');
    await term.answer("Priya's role (Enter to skip)", 'Designer');
    await term.waitFor('Priya is your');
    await term.press('Down', 'Down', 'Down', 'Enter'); // (skip), report, manager, peer
    await term.answer('How often to catch up with Priya?', '2w');
    await term.waitFor('Anyone else?');
    await term.press('Enter');
    await term.waitFor('When?');
    await term.press('Enter');
    await term.waitFor('What kind');
    await term.press('Enter');
    await term.waitFor('How many minutes?');
    await term.press('Enter');
    await term.answer('What did you talk about?', 'Intro chat');
    for (const prompt of [
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    const journal = readJson(store);
    expect(journal.people.find((p: { id: string }) => p.id === 'priya-natarajan')).toMatchObject({
      name: 'Priya Natarajan',
      role: 'Designer',
      relationship: 'peer',
      cadenceDays: 14,
    });
    expect(journal.conversations[0]).toMatchObject({ with: ['priya-natarajan'], note: 'Intro chat' });
  });

  it('a typo picks the person it is close to; adding someone new is not preselected when anyone matches', async () => {
    const store = seeded();
    ok(['add', 'Rachel Green'], { store });
    ok(['add', 'Sofia Alvarez'], { store });
    ok(['add', 'Léa Martin'], { store });
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('l');
    // A first-name prefix ranks before a letter inside a word.
    const listed = await term.waitFor(/❯ Léa Martin[\s\S]*Sofia Alvarez/);
    expect(listed.indexOf('Léa Martin')).toBeLessThan(listed.indexOf('Sofia Alvarez'));
    await term.press('BSpace');
    await term.type('rachl');
    const screen = await term.waitFor(/❯ Rachel Green[\s\S]*Add "rachl" as a new person/);
    expect(screen).not.toMatch(/❯ Add/);
    await term.press('Enter');
    await term.waitFor('Anyone else?');
    await term.type('Lea Martine');
    await term.waitFor(/❯ Léa Martin\s[\s\S]*Add "Lea Martine" as a new person/);
    await term.press('Down');
    await term.waitFor(/❯ Add "Lea Martine" as a new person/);
    await term.press('Enter');
    // Chosen on purpose, the name is still confirmed before anyone is added.
    await term.waitFor('Name of the new person (as you want it kept; empty it to go back) Lea Martine');
    await term.press('C-u');
    await term.type('Sofia Alvarez');
    await term.press('Enter');
    await term.waitFor('Sofia Alvarez is already in your journal');
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(readJson(store).people).toHaveLength(7);
  });

  it('a slip typed at "Anyone else?" can be taken back: an emptied new name returns to the search', async () => {
    const store = seeded();
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('ana');
    await term.waitFor(/❯ Ana Silva/);
    await term.press('Enter');
    await term.waitFor('Anyone else?');
    await term.type('last thursdya');
    await term.waitFor(/❯ Add "last thursdya" as a new person/);
    await term.press('Enter');
    await term.waitFor('empty it to go back) last thursdya');
    await term.press(...Array(15).fill('BSpace'));
    await term.press('Enter');
    await term.waitFor(/Anyone else\? \(Enter when that is everyone\)\s*$/m);
    await term.press('Enter');
    for (const prompt of ['When?', 'What kind', 'How many minutes?', 'What did you talk about?']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    // Nobody was added on the way: the slip never became a person.
    expect(readJson(store).people.map((p: { name: string }) => p.name)).not.toContain('last thursdya');
    expect(readJson(store).people).toHaveLength(4);
  });

  it('a new name on the command line is added with role, relationship and cadence, each skippable', async () => {
    const store = seeded();
    term = new Terminal(['log', 'Kim Park'], { store });
    await term.answer('"Kim Park" is not in your journal yet. Add them?', '');
    await term.answer("Kim's role (Enter to skip)", '');
    await term.waitFor('Kim is your');
    await term.press('Down', 'Enter'); // report
    await term.answer('How often to catch up with Kim?', '');
    for (const prompt of ['When?', 'What kind', 'How many minutes?', 'What did you talk about?']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    for (const prompt of [
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people.find((p: { id: string }) => p.id === 'kim-park')).toMatchObject({
      role: '',
      relationship: 'report',
      cadenceDays: null,
    });
  });

  it('a typo with --create: adding the new person instead of the close name asks about them too', async () => {
    const store = seeded();
    term = new Terminal(['log', 'Ben Okafr', '--create'], { store });
    await term.waitFor('"Ben Okafr" is not in your journal, but a close name is. Who was it?');
    await term.press('Down', 'Enter'); // past Ben Okafor (ben-okafor), preselected
    await term.answer("Ben's role (Enter to skip)", 'Designer');
    await term.waitFor('Ben is your');
    await term.press('Down', 'Down', 'Down', 'Enter'); // (skip), report, manager, peer
    await term.answer('How often to catch up with Ben?', '2w');
    for (const prompt of ['When?', 'What kind', 'How many minutes?', 'What did you talk about?']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    for (const prompt of [
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people.find((p: { name: string }) => p.name === 'Ben Okafr')).toMatchObject({
      role: 'Designer',
      relationship: 'peer',
      cadenceDays: 14,
    });
  });

  it('Ctrl+C at any prompt saves nothing and exits 130 without a stack trace', async () => {
    const store = seeded();
    const before = bytesOf(store);
    term = new Terminal(['log', 'ana'], { store });
    await term.answer('When?', '');
    await term.waitFor('What kind');
    await term.press('Enter');
    await term.answer('How many minutes?', '30');
    await term.answer('What did you talk about?', 'Something private');
    await term.waitFor('What did you hear');
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    const screen = term.screen();
    expect(screen).toMatch(/Cancelled; nothing was saved\./);
    expect(screen).not.toMatch(/at .*\.js:\d+|Error:/);
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('the note in $EDITOR', () => {
  it('"e" at the note prompt opens the editor and keeps every line', async () => {
    const store = seeded();
    const editor = path.join(path.dirname(store), '..', 'editor.sh');
    fs.writeFileSync(editor, '#!/bin/sh\nprintf "Talked about the move.\\nHer mum is unwell.\\n" > "$1"\n', {
      mode: 0o755,
    });
    term = new Terminal(['log', 'ana'], { store, env: { EDITOR: editor, VISUAL: editor } });
    for (const prompt of ['When?', 'What kind', 'How many minutes?']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    await term.answer('What did you talk about?', 'e');
    for (const prompt of [
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).conversations[0].note).toBe('Talked about the move.\nHer mum is unwell.');
  });
});

describe('interactive rel add', () => {
  it('asks for each field when no name is given', async () => {
    const store = tempStore('tty-add');
    term = new Terminal(['add'], { store });
    await term.answer('Name', 'Kim Lee');
    await term.answer('Role', 'Designer');
    await term.answer('Team', 'Apps');
    await term.waitFor('Relationship');
    await term.press('Down', 'Down', 'Down', 'Enter'); // (skip), report, manager, peer
    await term.waitFor('How often do you want to catch up?');
    await term.press('C-u');
    await term.type('2w');
    await term.press('Enter');
    await term.answer('Tags', 'design, mentoring');
    await term.answer('Other names they go by', 'Kimmy, KL');
    await term.answer('Birthday', '13-05');
    await term.waitFor('is not a birthday rel understands');
    await term.press('C-u');
    await term.type('05-13');
    await term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people[0]).toMatchObject({
      id: 'kim-lee',
      role: 'Designer',
      team: 'Apps',
      relationship: 'peer',
      cadenceDays: 14,
      tags: ['design', 'mentoring'],
      aliases: ['Kimmy', 'KL'],
      birthday: '05-13',
    });
  });
});
