// The three moments end to end: the built rel against throwaway stores.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

async function seeded(): Promise<string> {
  const store = tempStore('seed');
  await ok(
    [
      'add',
      'Ana Silva',
      '--role',
      'Staff Engineer',
      '--team',
      'Platform',
      '--relationship',
      'report',
      '--cadence',
      '2w',
      '--tag',
      'platform',
    ],
    { store },
  );
  await ok(['add', 'Ben Okafor', '--role', 'PM', '--alias', 'Benny'], { store });
  await ok(['add', 'Sam Lee'], { store });
  await ok(['add', 'Samantha Ortiz'], { store });
  return store;
}

describe('rel add', () => {
  it('adds a person with every field, creating a private file in a private folder', async () => {
    const store = tempStore();
    const r = await rel(
      [
        'add',
        'José Álvarez',
        '--role',
        'Designer',
        '--team',
        'Apps',
        '--relationship',
        'peer',
        '--tag',
        'a',
        '--tag',
        'b',
        '--alias',
        'Pepe',
        '--cadence',
        'quarterly',
      ],
      { store },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added José Álvarez (jose-alvarez)');
    expect(r.stderr).toBe('');
    const journal = readJson(store);
    expect(journal.schema).toBe(2);
    expect(journal.people[0]).toMatchObject({
      id: 'jose-alvarez',
      name: 'José Álvarez',
      role: 'Designer',
      team: 'Apps',
      relationship: 'peer',
      tags: ['a', 'b'],
      aliases: ['Pepe'],
      cadenceDays: 91,
      ambitions: [],
      skills: [],
      createdAt: '2026-11-27T12:00:00.000Z'.replace(
        '12:00:00.000Z',
        new Date(2026, 10, 27, 12).toISOString().slice(11),
      ),
      archivedAt: null,
    });
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(store)).mode & 0o777).toBe(0o700);
  });

  it('--json shows the effective cadence while the file keeps null for the default', async () => {
    const store = tempStore();
    const person = JSON.parse(await ok(['add', 'Ana Silva', '--json'], { store }));
    expect(person).toMatchObject({ id: 'ana-silva', cadenceDays: 30 });
    expect(readJson(store).people[0].cadenceDays).toBeNull();
  });

  it('leaves cadenceDays null for the default, and gives a colliding slug a random part', async () => {
    const store = tempStore();
    await ok(['add', 'Ana Silva'], { store });
    await ok(['add', 'Ana Silva!'], { store });
    const [first, second] = readJson(store).people;
    expect(first).toMatchObject({ id: 'ana-silva', cadenceDays: null });
    expect(second.id).toMatch(/^ana-silva-(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]{6}$/);
  });

  it.each(['ana silva', 'ANA SILVA', 'Aná Sílva', '  Ana   Silva '])(
    'refuses the duplicate %j, store untouched',
    async (name) => {
      const store = await seeded();
      const before = bytesOf(store);
      const r = await rel(['add', name], { store });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/already in your journal/);
      expect(r.stdout).toBe('');
      expect(bytesOf(store)).toEqual(before);
    },
  );

  it('without a name and without a terminal, says how to give one', async () => {
    const store = tempStore();
    const r = await rel(['add'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rel add "Ana Silva"/);
    expect(fs.existsSync(path.dirname(store))).toBe(false);
  });

  it.each([
    [['add', 'X', '--cadence', 'often'], /--cadence "often" is not a period/],
    [['add', '   '], /name cannot be empty/],
    [['add', 'X', '--bogus'], /unknown option/],
  ])('refuses bad input %j with exit 2', async (args, message) => {
    const store = await seeded();
    const before = bytesOf(store);
    const r = await rel(args, { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('rel log', () => {
  it('saves a conversation from flags with everything a user heard and promised', async () => {
    const store = await seeded();
    const r = await rel(
      [
        'log',
        'ana',
        '--date',
        '2026-11-20',
        '--kind',
        'walk',
        '--minutes',
        '30',
        '--note',
        'Roadmap',
        '--heard',
        'Tired of on-call',
        '--heard',
        'Proud of the launch',
        '--ambition',
        'Lead a team',
        '--skill',
        'Pottery',
        '--follow-up',
        'Send the course link',
      ],
      { store },
    );
    expect(r.code).toBe(0);
    // Human output is wrapped to the width (80 columns through a pipe): read the words.
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(
      /Logged a walk with Ana Silva on Fri 20 Nov \(30 min\): 2 things heard, 1 ambition, 1 skill, 1 follow-up\./,
    );
    expect(r.stdout).toMatch(/Next check-in with Ana Silva: Fri 4 Dec \(in 7 days\)\./);
    const journal = readJson(store);
    const [conversation] = journal.conversations;
    expect(conversation).toMatchObject({
      date: '2026-11-20',
      with: ['ana-silva'],
      kind: 'walk',
      minutes: 30,
      note: 'Roadmap',
      heard: ['Tired of on-call', 'Proud of the launch'],
    });
    const ana = journal.people.find((p: { id: string }) => p.id === 'ana-silva');
    expect(ana.ambitions[0]).toMatchObject({
      text: 'Lead a team',
      addedOn: '2026-11-20',
      status: 'active',
      conversationId: conversation.id,
    });
    expect(ana.skills[0]).toMatchObject({ text: 'Pottery', conversationId: conversation.id });
    expect(journal.followUps[0]).toMatchObject({
      personId: 'ana-silva',
      conversationId: conversation.id,
      text: 'Send the course link',
      due: null,
      doneAt: null,
    });
  });

  it('a conversation with several people, without --kind, is a meeting unless the default kind says otherwise', async () => {
    const store = await seeded();
    const logged = await ok(['log', 'ana', 'ben', '--note', 'Planning'], { store });
    expect(logged).toContain('Logged a meeting with Ana Silva, Ben Okafor');
    await ok(['log', 'ben', '--size', '4', '--note', 'Team sync'], { store });
    await ok(['log', 'ana', 'ben', '--note', 'Lunch'], { store, env: { REL_DEFAULT_KIND: 'meal' } });
    await ok(['log', 'ana', 'ben', '--kind', '1:1', '--note', 'Asked for'], { store });
    expect(
      readJson(store).conversations.map((c: { note: string; kind: string }) => [c.note, c.kind]),
    ).toEqual([
      ['Planning', 'meeting'],
      ['Team sync', 'meeting'],
      ['Lunch', 'meal'],
      ['Asked for', '1:2:1'],
    ]);
  });

  it('defaults to a 1:2:1 today with no minutes', async () => {
    const store = await seeded();
    await ok(['log', 'ben', '--note', 'Quick sync'], { store });
    expect(readJson(store).conversations[0]).toMatchObject({
      date: '2026-11-27',
      kind: '1:2:1',
      minutes: null,
      with: ['ben-okafor'],
    });
  });

  it('one conversation with several people; "Name: " prefixes say whose, none is everyone\'s', async () => {
    const store = await seeded();
    const out = await ok(
      [
        'log',
        'ana',
        'benny',
        '--kind',
        'meeting',
        '--ambition',
        'Ben: Speak at a conference',
        '--ambition',
        'ana: Run a marathon',
        '--skill',
        'Ana Silva: Juggling',
        '--follow-up',
        'Ana Silva: Book the room',
        '--follow-up',
        'Nobody: Send the notes',
      ],
      { store },
    );
    expect(out).toMatch(/with Ana Silva, Ben Okafor today/);
    const journal = readJson(store);
    expect(journal.conversations[0].with).toEqual(['ana-silva', 'ben-okafor']);
    const byId = Object.fromEntries(journal.people.map((p: { id: string }) => [p.id, p]));
    expect(byId['ben-okafor'].ambitions.map((a: { text: string }) => a.text)).toEqual([
      'Speak at a conference',
    ]);
    expect(byId['ana-silva'].ambitions.map((a: { text: string }) => a.text)).toEqual(['Run a marathon']);
    expect(byId['ana-silva'].skills.map((a: { text: string }) => a.text)).toEqual(['Juggling']);
    expect(journal.followUps[0]).toMatchObject({ personId: 'ana-silva', text: 'Book the room' });
    expect(journal.followUps[0].personIds).toBeUndefined();
    // A prefix that names no one there is part of the text, and the follow-up is everyone's.
    expect(journal.followUps[1]).toMatchObject({
      personId: 'ana-silva',
      personIds: ['ana-silva', 'ben-okafor'],
      text: 'Nobody: Send the notes',
    });
  });

  it('--create adds unknown people; without it an unknown name is exit 2 with a did-you-mean', async () => {
    const store = await seeded();
    const before = bytesOf(store);
    const unknown = await rel(['log', 'Anna', '--note', 'x'], { store });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No one called "Anna"/);
    expect(unknown.stderr).toMatch(/Did you mean Ana Silva \(ana-silva\)\?/);
    expect(unknown.stderr).toMatch(/--create/);
    expect(bytesOf(store)).toEqual(before);

    const out = await ok(['log', 'Kim Lee', 'ana', '--create', '--kind', 'coffee', '--date', 'yesterday'], {
      store,
    });
    expect(out).toMatch(/^Added to your journal: Kim Lee\.\nLogged a coffee/);
    const journal = readJson(store);
    expect(journal.people.map((p: { id: string }) => p.id)).toContain('kim-lee');
    expect(journal.conversations[0]).toMatchObject({
      with: ['kim-lee', 'ana-silva'],
      date: '2026-11-26',
      kind: 'coffee',
    });
  });

  it("listening notes heard from one person stay in that person's brief", async () => {
    const store = await seeded();
    await ok(
      [
        'log',
        'ana',
        'ben',
        '--kind',
        'walk',
        '--heard',
        'Ben: wants more ownership',
        '--heard',
        'Both: tired of meetings',
        '--heard',
        'Team morale is low',
      ],
      { store },
    );
    const saved = readJson(store).conversations[0];
    expect(saved.heard).toEqual(['wants more ownership', 'Both: tired of meetings', 'Team morale is low']);
    expect(saved.heardFrom).toEqual(['ben-okafor', null, null]);
    const ana = JSON.parse(await ok(['profile', 'ana', '--json'], { store }));
    expect(ana.conversations[0].heard).toEqual(['Both: tired of meetings', 'Team morale is low']);
    const ben = JSON.parse(await ok(['profile', 'ben', '--json'], { store }));
    expect(ben.conversations[0].heard).toEqual([
      'wants more ownership',
      'Both: tired of meetings',
      'Team morale is low',
    ]);
    expect(await ok(['profile', 'ana'], { store })).not.toMatch(/ownership/);
  });

  it('with one person, "Name: " prefixes stay as typed; kinds keep one spelling', async () => {
    const store = await seeded();
    await ok(
      ['log', 'ana', '--kind', 'Coffee', '--follow-up', 'Ana: send the deck', '--heard', 'Re: the budget'],
      {
        store,
      },
    );
    const journal = readJson(store);
    expect(journal.conversations[0]).toMatchObject({ kind: 'coffee', heard: ['Re: the budget'] });
    expect(journal.conversations[0].heardFrom).toBeUndefined();
    expect(journal.followUps[0].text).toBe('Ana: send the deck');
  });

  it('an empty name is refused as such', async () => {
    const r = await rel(['log', '', '--note', 'x'], { store: await seeded() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/A name cannot be empty/);
  });

  it('an ambiguous name without a terminal is exit 2 listing the candidates', async () => {
    const store = await seeded();
    const r = await rel(['log', 'sa', '--note', 'x'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fits several people: .*Sam Lee \(sam-lee\).*Samantha Ortiz \(samantha-ortiz\)/);
    expect(await ok(['log', 'sam', '--note', 'exact wins'], { store })).toMatch(/with Sam Lee/);
  });

  it('understands the date forms people type', async () => {
    const store = await seeded();
    const cases: [string, string][] = [
      ['friday', '2026-11-27'],
      ['last friday', '2026-11-20'],
      ['3 days ago', '2026-11-24'],
      ['last tuesday', '2026-11-24'],
      ['November 3', '2026-11-03'],
      ['2w', '2026-11-13'],
    ];
    for (const [when, date] of cases) {
      const saved = JSON.parse(await ok(['log', 'ana', '--date', when, '--json'], { store }));
      expect([when, saved.date]).toEqual([when, date]);
    }
  });

  it.each([
    [['--date', '2026-12-01'], /in the future/],
    [['--date', 'tomorrow'], /in the future/],
    [['--date', '05/06/2026'], /ambiguous/],
    [['--date', 'someday soon'], /not a date rel understands/],
    [['--minutes', '-5'], /not a number of minutes/],
    [['--minutes', 'half an hour'], /not a number of minutes/],
    [['--kind', ' '], /--kind is empty/],
  ])('refuses %j with exit 2 and leaves the store byte-identical', async (flags, message) => {
    const store = await seeded();
    const before = bytesOf(store);
    const r = await rel(['log', 'ana', ...flags], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(bytesOf(store)).toEqual(before);
  });

  it('without names and without a terminal fails at once, showing the form to use', async () => {
    const store = await seeded();
    const r = await rel(['log'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rel log "Ana Silva" --note/);
  });

  it('--note - reads the note from stdin, keeping its lines', async () => {
    const store = await seeded();
    await ok(['log', 'ana', '--note', '-'], { store, input: 'First line\nSecond line\n' });
    expect(readJson(store).conversations[0].note).toBe('First line\nSecond line');
  });

  it('--note - with an empty or blank stdin is refused, and nothing is saved', async () => {
    const store = await seeded();
    const before = readJson(store).conversations.length;
    for (const input of ['', '\n  \n']) {
      const r = await rel(['log', 'ana', '--note', '-'], { store, input });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        '--note -: stdin was empty, so there is no note to read; nothing was saved.',
      );
      expect(r.stderr).toContain('give the note as --note "text", or leave --note out');
      expect(r.stdout).toBe('');
    }
    expect(readJson(store).conversations.length).toBe(before);
  });

  it('--heard - is refused (only --note reads stdin), and nothing is saved', async () => {
    const store = await seeded();
    const before = readJson(store).conversations.length;
    const r = await rel(['log', 'ana', '--note', '-', '--heard', '-'], { store, input: 'x\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--heard -: a listening note is its own text; only --note - reads from stdin.',
    );
    expect(readJson(store).conversations.length).toBe(before);
  });

  it('--json prints the saved conversation as in profile', async () => {
    const store = await seeded();
    const r = await rel(
      ['log', 'ana', 'ben', '--note', 'Sync', '--heard', 'Busy', '--minutes', '15', '--json'],
      {
        store,
      },
    );
    expect(r.code).toBe(0);
    const saved = JSON.parse(r.stdout);
    expect(saved).toMatchObject({
      date: '2026-11-27',
      // Two people: not a one-to-one (the default kind), a meeting.
      kind: 'meeting',
      minutes: 15,
      note: 'Sync',
      heard: ['Busy'],
      with: ['Ana Silva', 'Ben Okafor'],
    });
    expect(saved.id).toBe(readJson(store).conversations[0].id);
    expect(r.stderr).toBe('');
  });

  it('REL_NOW sets the timestamps rel writes', async () => {
    const store = await seeded();
    await ok(['log', 'ana', '--note', 'x'], { store, now: '2026-11-27T09:30:00Z' });
    expect(readJson(store).conversations[0].createdAt).toBe('2026-11-27T09:30:00.000Z');
  });
});

describe('rel due', () => {
  it('lists who is due with the contract fields, most overdue first', async () => {
    const store = await seeded();
    await ok(['log', 'ana', '--date', '2026-11-20'], { store });
    const rows = JSON.parse(await ok(['due', '--json'], { store, now: '2026-12-10T09:00:00' }));
    expect(rows.map((r: { id: string }) => r.id)).toEqual([
      'ben-okafor',
      'sam-lee',
      'samantha-ortiz',
      'ana-silva',
    ]);
    expect(rows[3]).toEqual({
      id: 'ana-silva',
      name: 'Ana Silva',
      lastSeen: '2026-11-20',
      daysSince: 20,
      lastTogether: '2026-11-20',
      daysSinceTogether: 20,
      cadenceDays: 14,
      dueOn: '2026-12-04',
      overdueDays: 6,
      overdueFollowUps: [],
      lastAppreciated: null,
      reason: 'checkIn',
    });
    expect(rows[0]).toMatchObject({
      lastSeen: null,
      daysSince: null,
      cadenceDays: 30,
      dueOn: '2026-11-27',
      overdueDays: 13,
    });
  });

  it('--within, --tag and --limit', async () => {
    const store = await seeded();
    // An all-hands of four is seen, but it is not time together: everyone is still due.
    await ok(['log', 'ana', 'ben', 'sam', 'samantha', '--kind', 'meeting', '--note', 'all hands'], { store });
    expect(JSON.parse(await ok(['due', '--json'], { store }))).toHaveLength(4);
    await ok(['log', 'ana', 'ben', '--kind', 'coffee'], { store });
    await ok(['log', 'sam', 'samantha', '--kind', 'walk'], { store });
    expect(JSON.parse(await ok(['due', '--json'], { store }))).toEqual([]);
    const within = JSON.parse(await ok(['due', '--within', '2w', '--json'], { store }));
    expect(within).toEqual([
      expect.objectContaining({ id: 'ana-silva', overdueDays: -14, dueOn: '2026-12-11' }),
    ]);
    const later = { store, now: '2027-01-15' };
    expect(
      JSON.parse(await ok(['due', '--tag', 'platform', '--json'], later)).map((r: { id: string }) => r.id),
    ).toEqual(['ana-silva']);
    expect(JSON.parse(await ok(['due', '--limit', '2', '--json'], later))).toHaveLength(2);
  });

  it('prints a table that fits the terminal, with relative and absolute last-seen dates', async () => {
    const store = await seeded();
    await ok(['log', 'ana', '--date', '2026-11-06'], { store });
    const out = await ok(['due'], { store, now: '2026-11-27', env: { COLUMNS: '100' } });
    expect(out).toMatch(/4 people due a catch-up/);
    expect(out).toMatch(/Ana Silva\s+3 weeks ago · 6 Nov\s+every 2 weeks\s+due 7 days ago · 20 Nov/);
    expect(out).not.toMatch(/neglect/i);
    const narrow = await ok(['due'], { store, now: '2026-11-27', env: { COLUMNS: '40' } });
    for (const line of narrow.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });

  it('an empty list says so kindly and suggests the next command', async () => {
    const empty = tempStore();
    const r = await rel(['due'], { store: empty });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no one in it yet/);
    expect(r.stdout).toMatch(/rel add/);
    expect(fs.existsSync(empty)).toBe(false);

    const store = await seeded();
    await ok(['log', 'ana', 'ben'], { store });
    await ok(['log', 'sam', 'samantha'], { store });
    const none = await ok(['due'], { store });
    expect(none).toMatch(/No one is due a catch-up today/);
    expect(none).toMatch(/Next up: Ana Silva, Fri 11 Dec/);
    expect(none).toMatch(/rel due --within/);
  });

  it('"Next up" names the working day a check-in falling on a day off is shown on, as rel people does', async () => {
    const store = tempStore('next-up-working-day');
    await ok(['add', 'Ana Silva', '--cadence', '10d'], { store, now: '2026-11-01' });
    await ok(['log', 'ana', '--date', '2026-11-05'], { store, now: '2026-11-05' });
    // Due Sunday 15 November: shown on Friday the 13th.
    const due = await ok(['due'], { store, now: '2026-11-05' });
    expect(due).toMatch(/Next up: Ana Silva, Fri 13 Nov/);
    expect(await ok(['people'], { store, now: '2026-11-05' })).toMatch(/due in 8 days · 13 Nov/);
    // Every day a working day: the day itself.
    const everyDay = { REL_WORKING_DAYS: 'mon-sun' };
    expect(await ok(['due'], { store, now: '2026-11-05', env: everyDay })).toMatch(
      /Next up: Ana Silva, Sun 15 Nov/,
    );
  });

  it.each([
    [['--within', 'soon'], /--within "soon" is not a period/],
    [['--limit', '0'], /--limit "0"/],
    [['--limit', 'ten'], /--limit "ten"/],
  ])('refuses %j with exit 2', async (flags, message) => {
    const r = await rel(['due', ...flags], { store: await seeded() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('rel profile', () => {
  it('--json is one object with the contract shape, conversations newest first', async () => {
    const store = await seeded();
    await ok(
      ['log', 'ana', '--date', '2026-11-01', '--note', 'First', '--heard', 'Nervous about the reorg'],
      {
        store,
      },
    );
    await ok(
      [
        'log',
        'ana',
        'ben',
        '--date',
        '2026-11-20',
        '--minutes',
        '30',
        '--note',
        'Roadmap',
        '--heard',
        'Tired of on-call',
        '--ambition',
        'Ana: Lead a team',
        '--skill',
        'Ana: Pottery',
        '--follow-up',
        'Send the course link',
      ],
      { store },
    );
    const p = JSON.parse(await ok(['profile', 'ANA', '--json'], { store }));
    expect(p).toMatchObject({
      id: 'ana-silva',
      name: 'Ana Silva',
      role: 'Staff Engineer',
      team: 'Platform',
      relationship: 'report',
      tags: ['platform'],
      aliases: [],
      cadenceDays: 14,
      lastSeen: '2026-11-20',
      daysSince: 7,
      dueOn: '2026-12-04',
    });
    expect(p.ambitions).toEqual([
      expect.objectContaining({ text: 'Lead a team', addedOn: '2026-11-20', status: 'active' }),
    ]);
    expect(p.skills).toEqual([expect.objectContaining({ text: 'Pottery', addedOn: '2026-11-20' })]);
    expect(p.followUps).toEqual([expect.objectContaining({ text: 'Send the course link', done: false })]);
    expect(p.conversations.map((c: { note: string }) => c.note)).toEqual(['Roadmap', 'First']);
    expect(p.conversations[0]).toMatchObject({
      date: '2026-11-20',
      kind: 'meeting',
      minutes: 30,
      heard: ['Tired of on-call'],
      with: ['Ana Silva', 'Ben Okafor'],
    });
  });

  it('the brief shows each section with data, in order, and leaves out empty ones', async () => {
    const store = await seeded();
    await ok(
      [
        'log',
        'ana',
        '--date',
        '2026-11-20',
        '--note',
        'Roadmap',
        '--heard',
        'Tired of on-call',
        '--ambition',
        'Lead a team',
        '--follow-up',
        'Send the link',
      ],
      { store },
    );
    const out = await ok(['profile', 'ana'], { store });
    const order = [
      'Ana Silva (ana-silva)',
      'Staff Engineer · Platform · report',
      'Last 1:2:1 7 days ago · 20 Nov',
      'Talking points',
      'You promised: Send the link',
      'Ambitions and life goals',
      'Lead a team',
      'What you heard lately',
      'Recent conversations',
      'Roadmap',
    ];
    const positions = order.map((text) => out.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).not.toMatch(/Skills, talents and passions/);

    const bare = await ok(['profile', 'sam'], { store });
    expect(bare).toMatch(/Not seen yet/);
    expect(bare).not.toMatch(/Ambitions|Open follow-ups|Recent conversations/);
    expect(bare).toMatch(/rel log sam-lee/);
  });

  it('an unknown name is exit 2 with nothing on stdout', async () => {
    const r = await rel(['profile', 'Zed'], { store: await seeded() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/No one called "Zed"/);
  });

  it('a missing name is a usage error', async () => {
    const r = await rel(['profile'], { store: await seeded() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'name'/);
  });
});

describe('rel people', () => {
  it('lists everyone but archived people; --all includes them, rows carry archivedAt', async () => {
    const store = await seeded();
    const journal = readJson(store);
    journal.people[1].archivedAt = '2026-11-01T00:00:00.000Z';
    fs.writeFileSync(store, JSON.stringify(journal));
    const rows = JSON.parse(await ok(['people', '--json'], { store }));
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['ana-silva', 'sam-lee', 'samantha-ortiz']);
    expect(rows[0]).toMatchObject({
      id: 'ana-silva',
      name: 'Ana Silva',
      lastSeen: null,
      cadenceDays: 14,
      archivedAt: null,
    });
    const all = JSON.parse(await ok(['people', '--all', '--json'], { store }));
    expect(all.find((r: { id: string }) => r.id === 'ben-okafor').archivedAt).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(await ok(['people', '--all'], { store })).toMatch(/Ben Okafor \(archived\)/);
  });
});

describe('where the journal lives', () => {
  it('--store beats REL_STORE, which beats XDG_DATA_HOME; empty variables count as unset', async () => {
    const dir = tempDir('where');
    const flag = path.join(dir, 'flag.json');
    const env = path.join(dir, 'env.json');
    const xdg = path.join(dir, 'xdg');
    const home = path.join(dir, 'home');
    await ok(['add', 'A', '--store', flag], { env: { REL_STORE: env, XDG_DATA_HOME: xdg } });
    await ok(['add', 'B'], { env: { REL_STORE: env, XDG_DATA_HOME: xdg } });
    await ok(['add', 'C'], { env: { REL_STORE: '', XDG_DATA_HOME: xdg } });
    await ok(['add', 'D'], { env: { REL_STORE: '', XDG_DATA_HOME: '', HOME: home } });
    expect(readJson(flag).people[0].name).toBe('A');
    expect(readJson(env).people[0].name).toBe('B');
    expect(readJson(path.join(xdg, 'rel', 'journal.json')).people[0].name).toBe('C');
    expect(readJson(path.join(home, '.local', 'share', 'rel', 'journal.json')).people[0].name).toBe('D');
  });

  it.each([
    ['', 'empty path.'],
    ['  ', 'empty path (only spaces).'],
  ])(
    "an empty --store (%j: a script's unset variable) is refused, exit 2; no journal is written",
    async (given, says) => {
      const dir = tempDir('empty-store');
      const xdg = path.join(dir, 'xdg');
      const env = path.join(dir, 'env.json');
      for (const vars of [{ XDG_DATA_HOME: xdg }, { REL_STORE: env, XDG_DATA_HOME: xdg }]) {
        for (const args of [
          ['add', 'Empty Store', '--store', given],
          [`--store=${given}`, 'log', 'ana', '--create'],
          ['due', '--store', given],
        ]) {
          const r = await rel(args, { env: vars });
          expect({ args, code: r.code }).toEqual({ args, code: 2 });
          expect(r.stderr).toContain(`--store was given an ${says}`);
        }
      }
      expect(fs.existsSync(xdg)).toBe(false);
      expect(fs.existsSync(env)).toBe(false);
    },
  );

  it('REL_STORE of only spaces is refused, exit 2: no journal named "  " in the current folder', async () => {
    const dir = tempDir('spaces-store');
    const r = await rel(['add', 'Ana'], { env: { REL_STORE: '  ', XDG_DATA_HOME: path.join(dir, 'xdg') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REL_STORE holds only spaces, not a journal file.');
    expect(fs.existsSync(path.join(dir, 'xdg'))).toBe(false);
    expect(fs.existsSync(path.resolve('  '))).toBe(false);
  });

  it('reading commands never create the store', async () => {
    const store = tempStore();
    for (const args of [['due'], ['people'], ['due', '--json'], ['people', '--json']])
      expect((await rel(args, { store })).code).toBe(0);
    expect((await rel(['profile', 'x'], { store })).code).toBe(2);
    expect(fs.existsSync(path.dirname(store))).toBe(false);
  });

  it('writes through a symlinked store to its target', async () => {
    const dir = tempDir('link');
    const target = path.join(dir, 'real.json');
    const link = path.join(dir, 'link.json');
    await ok(['add', 'Ana'], { store: target });
    fs.symlinkSync(target, link);
    await ok(['add', 'Ben'], { store: link });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readJson(target).people.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Ben']);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('keeps an existing folder as it is and the file 0600 whatever the umask', async () => {
    const dir = tempDir('mode');
    fs.chmodSync(dir, 0o755);
    const store = path.join(dir, 'journal.json');
    await ok(['add', 'Ana'], { store });
    await ok(['add', 'Ben'], { store });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o755);
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
  });

  it('a corrupt store is exit 1, names the file, and is left as it is', async () => {
    const store = tempStore();
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(store, '{"schema": 1, "people": [\n  {"id": }\n]}');
    const before = bytesOf(store);
    for (const args of [['due'], ['add', 'X'], ['log', 'x', '--create']]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(store);
      expect(r.stderr).toMatch(/not valid JSON/);
    }
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('output discipline', () => {
  it('colour only with FORCE_COLOR on a pipe; NO_COLOR wins; never with --json', async () => {
    const store = await seeded();
    const esc = '\u001b[';
    expect(await ok(['due'], { store })).not.toContain(esc);
    expect(await ok(['due'], { store, env: { FORCE_COLOR: '1' } })).toContain(esc);
    expect(await ok(['due'], { store, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).not.toContain(esc);
    expect(await ok(['due'], { store, env: { FORCE_COLOR: '1', NO_COLOR: '' } })).toContain(esc);
    expect(await ok(['due', '--json'], { store, env: { FORCE_COLOR: '1' } })).not.toContain(esc);
    expect(await ok(['profile', 'ana', '--json'], { store, env: { FORCE_COLOR: '1' } })).not.toContain(esc);
  });

  it('usage errors are exit 2; help and version are exit 0', async () => {
    expect((await rel(['due', '--bogus'])).code).toBe(2);
    expect((await rel(['frobnicate'])).code).toBe(2);
    const help = await rel(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/rel log/);
    for (const command of ['log', 'due', 'profile', 'add', 'people']) {
      const r = await rel([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:/);
    }
    expect((await rel(['--version'])).code).toBe(0);
  });

  it('a typo in a command suggests the right one', async () => {
    const r = await rel(['proflie', 'ana']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean profile\?/);
    expect(r.stderr).toMatch(/^rel: unknown command 'proflie'/);
    const option = await rel(['due', '--bogus']);
    expect(option.stderr).toMatch(
      /^rel: unknown option '--bogus'\n\(rel due --help shows its options and examples\)/,
    );
  });

  it('an invalid REL_NOW is exit 2 with what to write instead', async () => {
    const r = await rel(['due'], { now: 'next week' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/REL_NOW/);
  });
});
