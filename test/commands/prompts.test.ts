// Commands that ask, run in-process with scripted answers (run.ts `answers`): what a command does
// with what is answered. How the prompts look and take keys in a real terminal is test/tty's.
import { describe, expect, it } from 'vitest';
import { bytesOf, CANCEL, ok, readJson, rel, tempStore } from '../helpers/run.js';

const messages = (asked: { message: string }[]) => asked.map((a) => a.message);

describe('rel forget asks first', () => {
  it('asks for confirmation: Enter (no) keeps everything, yes forgets', async () => {
    const store = tempStore('ask-forget');
    await ok(['add', 'Ben Okafor'], { store });
    const before = bytesOf(store);
    const kept = await rel(['forget', 'ben'], { store, answers: [''] });
    expect(kept.code).toBe(0);
    expect(messages(kept.asked)[0]).toContain('Forget Ben Okafor (ben-okafor)');
    expect(kept.stdout + kept.stderr).toContain('Nothing was forgotten.');
    expect(bytesOf(store)).toEqual(before);
    expect((await rel(['forget', 'ben'], { store, answers: [true] })).code).toBe(0);
    expect(readJson(store).people).toEqual([]);
  });
});

describe('choosing a follow-up or an ambition', () => {
  async function seeded(): Promise<string> {
    const store = tempStore('ask-fu');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['todo', 'add', 'ana', 'Send the promotion doc'], { store });
    await ok(['todo', 'add', 'ana', 'Book the offsite'], { store });
    return store;
  }

  it('rel done with no words: the search narrows the open follow-ups; Enter closes the one shown', async () => {
    const store = await seeded();
    const r = await rel(['done'], { store, answers: ['offsite'] });
    expect(r.code).toBe(0);
    expect(messages(r.asked)).toEqual(['Which follow-up is done? (type to search)']);
    expect(r.stdout).toContain('Done: Book the offsite');
    const open = readJson(store).followUps.filter((f: { doneAt: string | null }) => !f.doneAt);
    expect(open.map((f: { text: string }) => f.text)).toEqual(['Send the promotion doc']);
  });

  it('words that fit several ask which; Ctrl+C saves nothing and exits 130', async () => {
    const store = await seeded();
    await ok(['ambition', 'ana', 'Lead a team'], { store });
    await ok(['ambition', 'ana', 'Lead a choir'], { store });
    const chosen = await rel(['ambition', 'done', 'ana', 'lead'], { store, answers: ['choir'] });
    expect(chosen.code).toBe(0);
    expect(messages(chosen.asked)).toEqual(['"lead" fits several. Which one?']);
    expect(chosen.stdout).toContain('Achieved: Lead a choir');

    const before = bytesOf(store);
    const stopped = await rel(['done'], { store, answers: [CANCEL] });
    expect(stopped.code).toBe(130);
    expect(bytesOf(store)).toEqual(before);
  });
});

const TEAM = ['Ana Silva', 'Ben Okafor', 'Cleo Grant', 'Dev Patel', 'Eve Kim'];
/** Enter at each "what else" prompt of rel log after the note: heard, ambition, skill, promises, next time. */
const SKIP_THE_REST = ['', '', '', '', '', ''];

describe('rel log asked in full', () => {
  it('a group: says it was seen, not time together, and leaves the next check-ins where they were', async () => {
    const store = tempStore('ask-group');
    for (const name of TEAM)
      await ok(['add', name, '--cadence', '2w'], { store, now: '2026-11-02T09:00:00' });
    await ok(['log', 'ana', '--date', '2026-11-20'], { store });
    const dueOn = async () =>
      JSON.parse(await ok(['people', '--json'], { store })).map((p: { dueOn: string }) => p.dueOn);
    const dueBefore = await dueOn();
    const r = await rel(['log'], {
      store,
      terminal: { columns: 100 },
      // Five people found by search, "No one else", today, a meeting of 45 minutes.
      answers: ['ana', 'ben', 'cleo', 'dev', 'eve', '', '', 'meeting', '45', 'All-hands', ...SKIP_THE_REST],
    });
    expect(r.code).toBe(0);
    expect(messages(r.asked)).toContain(
      'What did you hear from Ana, Ben, Cleo, Dev and Eve? What mattered to them, what worried them? (Enter to skip)',
    );
    const saved = readJson(store).conversations.find((c: { kind: string }) => c.kind === 'meeting');
    // One line, wrapped at the terminal's width: joined again to read it.
    expect(r.stderr.replace(/\n/g, ' ')).toContain(
      `Seen, not time together (a group: you and 5 others): next check-ins stay as they were. To count it: rel conversation edit ${saved.id} --counts`,
    );
    expect(r.stdout.replace(/\n/g, ' ')).toMatch(
      /Logged a meeting with Ana Silva, Ben Okafor, Cleo Grant, Dev Patel, Eve Kim today \(45 min\)/,
    );
    // Five people: their check-ins in one line, Ana's still where her coffee put it.
    expect(r.stdout.replace(/\n/g, ' ')).toContain(
      'Next check-ins: Ben Okafor, Cleo Grant and 2 others overdue; 1 later (first Ana Silva, Fri 4 Dec).',
    );
    expect(saved).toMatchObject({ with: TEAM.map((n) => n.toLowerCase().replace(' ', '-')), minutes: 45 });
    expect(saved).not.toHaveProperty('counts');
    expect(await dueOn()).toEqual(dueBefore);
  });

  it('says nothing of the kind for a coffee with two: that is time together', async () => {
    const store = tempStore('ask-small');
    for (const name of TEAM.slice(0, 2)) await ok(['add', name], { store });
    const r = await rel(['log'], {
      store,
      answers: ['ana', 'ben', '', '', 'coffee', '', '', ...SKIP_THE_REST],
    });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\n/g, ' ')).toMatch(/Logged a coffee with Ana Silva, Ben Okafor today\./);
    expect(r.stdout + r.stderr).not.toMatch(/not time together/);
  });

  it('Enter at "Who said …?" and "For whom is …?" takes everyone there, not the first person', async () => {
    const store = tempStore('ask-everyone');
    for (const name of TEAM.slice(0, 2)) await ok(['add', name], { store });
    const r = await rel(['log', 'ana', 'ben'], {
      store,
      // today, a coffee, no minutes, a note; heard (Enter: whose); no ambition, skill;
      // a promise (Enter: for whom), no more, no date; none of theirs; nothing to ask next time.
      answers: [
        '',
        'coffee',
        '',
        'Roadmap',
        'Worried about the reorg',
        '',
        '',
        '',
        '',
        'Book the room',
      ].concat(['', '', '', '', '']),
    });
    expect(r.code).toBe(0);
    expect(messages(r.asked)).toContain('Who said "Worried about the reorg"?');
    const [saved] = readJson(store).conversations;
    expect(saved.heard).toEqual(['Worried about the reorg']);
    expect(saved.heardFrom?.[0] ?? null).toBeNull(); // the group's, not Ana's
    const [followUp] = readJson(store).followUps;
    expect(followUp).toMatchObject({ text: 'Book the room', personIds: ['ana-silva', 'ben-okafor'] });
  });

  it('the open follow-ups to tick say "was due" for those overdue, "due" for the rest', async () => {
    const store = tempStore('ask-was-due');
    await ok(['add', 'Ana Silva'], { store, now: '2026-11-09T09:00:00' });
    for (const [text, due] of [
      ['Book the room', '2026-11-13'],
      ['Send the plan', '2026-11-20'],
    ])
      await ok(['log', 'ana', '--follow-up', text!, '--due', due!], { store, now: '2026-11-10T09:00:00' });
    const r = await rel(['log', 'ana'], {
      store,
      now: '2026-11-16T09:00:00',
      // today, the kind preselected, no minutes, a note, nothing heard, no ambition or skill;
      // then tick both by their names as shown; nothing promised, asked or to ask next time.
      answers: [
        '',
        '',
        '',
        'Catch-up',
        '',
        '',
        '',
        ['You: Book the room (was due Fri 13 Nov)', 'You: Send the plan (due Fri 20 Nov)'],
      ].concat(['', '', '']),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readJson(store).followUps.every((f: { doneAt: string | null }) => f.doneAt !== null)).toBe(true);
  });

  it('a group meeting leaves the ask-next notes open and says so, without asking which were asked', async () => {
    const store = tempStore('ask-meeting');
    for (const name of ["Tom O'Brien", 'Léa Martin', 'Ana Silva', 'Ben Ong', 'Kim Lee'])
      await ok(['add', name], { store, now: '2026-11-01' });
    await ok(['ask', 'tom', 'How did the band gig go?'], { store, now: '2026-11-01' });
    const r = await rel(['log', 'tom', 'lea', 'ana', 'ben', 'kim'], {
      store,
      now: '2026-11-10',
      answers: ['', 'meeting', '', 'All-hands', ...SKIP_THE_REST],
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'A group conversation is not time together, so what you meant to ask stays open',
    );
    expect(messages(r.asked).join('\n')).not.toContain('Tick the ones you asked');
    expect(readJson(store).people[0].askNext[0].askedOn).toBeUndefined();
  });

  it('refuses a future date at the prompt and asks again', async () => {
    const store = tempStore('ask-date');
    await ok(['add', 'Ana Silva'], { store });
    const r = await rel(['log', 'ana'], {
      store,
      answers: ['tomorrow', '2 days ago', '', '', 'Hallway', ...SKIP_THE_REST],
    });
    expect(r.code).toBe(0);
    expect(r.asked[0]).toMatchObject({
      answer: 'tomorrow',
      refused: expect.stringContaining('in the future'),
    });
    expect(r.asked[1]).toMatchObject({ answer: '2 days ago' });
    expect(r.asked[1]!.refused).toBeUndefined();
    expect(readJson(store).conversations[0]).toMatchObject({ date: '2026-11-25', note: 'Hallway' });
  });

  it('asks which person when a name fits several', async () => {
    const store = tempStore('ask-which');
    await ok(['add', 'Sam Lee'], { store });
    await ok(['add', 'Samantha Ortiz'], { store });
    const r = await rel(['log', 'sa', '--note', 'Hallway chat'], { store, answers: ['Samantha'] });
    expect(r.code).toBe(0);
    expect(messages(r.asked)).toEqual(['"sa" fits several people. Which one?']);
    expect(readJson(store).conversations[0]).toMatchObject({
      with: ['samantha-ortiz'],
      note: 'Hallway chat',
    });
  });
});

describe('rel add asked in full', () => {
  it('refuses a duplicate at the name prompt, before anything else is asked', async () => {
    const store = tempStore('ask-add');
    await ok(['add', 'Ana Silva'], { store });
    const r = await rel(['add'], { store, answers: ['ana silva', 'Ana Souza', CANCEL] });
    expect(r.code).toBe(130);
    expect(r.asked.map((a) => [a.message, a.refused])).toEqual([
      ['Name', expect.stringContaining('Ana Silva is already in your journal')],
      ['Name', undefined],
      ['Role (Enter to skip)', undefined],
    ]);
    expect(readJson(store).people).toHaveLength(1);
  });
});
