import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

type Stored = {
  name: string;
  role: string;
  team: string;
  tags: string[];
  aliases: string[];
  birthday: string | null;
  cadenceDays: number | null;
  notes: { text: string }[];
};

function people(store: string): Record<string, Omit<Stored, 'name'>> {
  const out: Record<string, Omit<Stored, 'name'>> = {};
  for (const p of readJson(store).people as Stored[]) {
    out[p.name] = {
      role: p.role,
      team: p.team,
      tags: p.tags,
      aliases: p.aliases,
      birthday: p.birthday,
      cadenceDays: p.cadenceDays,
      notes: p.notes.map((n) => n.text) as never,
    };
  }
  return out;
}

describe('rel import: vCards as phones and address books write them', () => {
  it('Android 2.1 (quoted-printable, charsets, photo), iOS and macOS 3.0 (groups, BOM, photos), 4.0', async () => {
    const store = tempStore('vcf');
    for (const file of ['android-2.1.vcf', 'ios-3.0.vcf', 'macos-3.0.vcf', 'vcard-4.0.vcf']) {
      const r = await rel(['import', fixture(file)], { store });
      expect({ file, code: r.code, stderr: r.stderr }).toEqual({ file, code: 0, stderr: '' });
    }
    const all = people(store);
    expect(Object.keys(all)).toEqual([
      'João Gonçalves',
      'Bo Li',
      'Dr. Jürgen Müller',
      'Ana Silva',
      "Siobhán O'Neill",
      'Initrode Ltd',
      'Marta Anna Kowalski',
      'Kenji Watanabe',
    ]);
    expect(all['João Gonçalves']).toMatchObject({
      role: 'Engineering Manager',
      team: 'Acme Lda',
      birthday: '1985-07-04',
      notes: ['Two kids, Rita and Tomás.\nLoves sailing and cafés by the river; runs the local choir.'],
    });
    expect(all['Dr. Jürgen Müller']).toMatchObject({
      role: 'Geschäftsführer',
      notes: ['Met at the Berlin meetup'],
    });
    expect(all['Ana Silva']).toMatchObject({
      role: 'Staff Engineer',
      team: 'Platform',
      birthday: '02-29',
      notes: [
        'Partner: Sam\nLoves climbing, bouldering and slow travel. Ask about the Patagonia trip she is planning for next spring.',
      ],
    });
    expect(all["Siobhán O'Neill"]).toMatchObject({ team: 'Initech', birthday: '1979-11-05' });
    expect(all['Marta Anna Kowalski']).toMatchObject({ team: 'Design Systems', birthday: '1990-03-15' });
    expect(all['Kenji Watanabe']).toMatchObject({
      birthday: '05-17',
      notes: ['Prefers mornings; plays the shakuhachi.'],
    });
    // The imported note and birthday show where the user looks.
    const profile = await ok(['profile', 'ana silva'], { store, now: '2027-02-20' });
    expect(profile).toContain('Birthday 29 Feb · in 8 days');
    expect(profile).toContain('Partner: Sam Loves climbing');
  });

  it('reads a file piped to stdin with -, telling the format by its content', async () => {
    const store = tempStore('stdin');
    const r = await rel(['import', '-'], { store, input: fs.readFileSync(fixture('vcard-4.0.vcf'), 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Imported 1 person from stdin: Kenji Watanabe (line 1).\n');
  });

  it('a broken file: bad cards reported with their line and skipped, a bad birthday left out, duplicates listed, exit 0', async () => {
    const store = tempStore('vcf-broken');
    const r = await rel(['import', fixture('broken.vcf')], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Imported 3 people from broken.vcf: Good One (line 1), Bad Birthday (line 12), Good Two (line 22).\n' +
        'Skipped 1 person named twice in the file: good one (line 18: same name as line 1).\n',
    );
    expect(r.stderr.split('\n')).toEqual([
      'rel: broken.vcf line 5: card has no name (FN or N).',
      'rel: broken.vcf line 9: card has no END:VCARD before the next card.',
      'rel: broken.vcf line 12: BDAY "sometime in May" is not a date rel can use (a day and month, with or without the year); imported without a birthday.',
      'rel: broken.vcf line 17: END:VCARD without a BEGIN:VCARD.',
      '3 bad records skipped; --strict refuses the whole file instead.',
      '',
    ]);
    expect(Object.keys(people(store))).toEqual(['Good One', 'Bad Birthday', 'Good Two']);
    expect(people(store)['Bad Birthday']!.birthday).toBeNull();
  });

  it('--strict refuses the whole file (exit 2, store untouched); --dry-run writes nothing', async () => {
    const store = tempStore('strict');
    await ok(['add', 'Good Two'], { store });
    const before = bytesOf(store);
    const strict = await rel(['import', '--strict', fixture('broken.vcf')], { store });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('rel: broken.vcf line 5: card has no name (FN or N).');
    // The birthday rel cannot use is a warning, not a bad record: under --strict it too refuses.
    expect(strict.stderr).toContain(
      '3 bad records and 1 warning in broken.vcf; nothing was imported (--strict).',
    );
    expect(strict.stderr).toContain('without --strict, the person would be imported without a birthday.');
    expect(bytesOf(store)).toEqual(before);
    // With --json, a script gets what refused the file on stdout (the README's own example).
    const strictJson = await rel(['import', '--strict', '--json', fixture('broken.vcf')], { store });
    expect(strictJson.code).toBe(2);
    const refused = JSON.parse(strictJson.stdout);
    expect(refused).toMatchObject({ format: 'vcard', refused: true, dryRun: false });
    expect(refused.problems).toHaveLength(3);
    expect(refused.warnings).toHaveLength(1);
    expect(refused.problems[0]).toMatchObject({ line: 5 });
    expect(bytesOf(store)).toEqual(before);

    const dry = await rel(['import', '--dry-run', '--json', fixture('broken.vcf')], { store });
    expect(dry.code).toBe(0);
    const result = JSON.parse(dry.stdout);
    expect(result).toMatchObject({ format: 'vcard', dryRun: true });
    expect(result.people.added.map((p: { name: string }) => p.name)).toEqual(['Good One', 'Bad Birthday']);
    expect(result.people.skipped.map((p: { name: string; reason: string }) => [p.name, p.reason])).toEqual([
      ['good one', 'same name as line 1'],
      ['Good Two', 'already in your journal'],
    ]);
    expect(result.problems.map((p: { line: number }) => p.line)).toEqual([5, 9, 17]);
    expect(result.warnings.map((p: { line: number }) => p.line)).toEqual([12]);
    expect(dry.stderr).toContain('Dry run: nothing was written.');
    expect(bytesOf(store)).toEqual(before);

    const missing = tempStore('strict-missing');
    expect((await rel(['import', '--strict', fixture('broken.csv')], { store: missing })).code).toBe(2);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('rel import: charsets, birthdays and headers rel has to guess or be told', () => {
  const contacts = (name: string) => path.join(FIXTURES, 'contacts', name);

  it("a guessed charset is reported with the card's line; --charset says it; --strict refuses a guess", async () => {
    const store = tempStore('charset');
    const guessed = await rel(['import', '--dry-run', contacts('thebat-2.1.vcf')], { store });
    expect(guessed.code).toBe(0);
    expect(guessed.stdout).toContain('Would import 1 person from thebat-2.1.vcf: Piotr Iksiñski (line 1).');
    expect(guessed.stderr).toContain(
      'rel: thebat-2.1.vcf line 1: N, FN, NOTE of "Piotr Iksiñski" is not UTF-8 and names no charset: read as windows-1252;',
    );
    const strict = await rel(['import', '--strict', contacts('thebat-2.1.vcf')], { store });
    expect([strict.code, strict.stdout]).toEqual([2, '']);
    expect(strict.stderr).toContain('1 warning in thebat-2.1.vcf; nothing was imported (--strict).');
    expect(fs.existsSync(store)).toBe(false);
    const told = await rel(['import', '--strict', '--charset', 'windows-1250', contacts('thebat-2.1.vcf')], {
      store,
    });
    expect([told.code, told.stderr]).toEqual([0, '']);
    expect(people(store)['Piotr Iksiński']).toMatchObject({ notes: ['Gra na skrzypcach, lubi żeglarstwo.'] });
    expect(readJson(store).people[0].emails).toEqual(['piotr@poczta.example']);
  });

  it('--map reads headers rel does not know; bad --charset and --map values are exit 2', async () => {
    const store = tempStore('map');
    const refused = await rel(['import', contacts('crm.csv')], { store });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('or say which column is the name with --map "<column>=name"');
    await ok(['import', contacts('crm.csv'), '--map', 'Kontaktperson=name', '--map', 'mail=email'], {
      store,
    });
    expect(readJson(store).people.map((p: { name: string; emails: string[] }) => [p.name, p.emails])).toEqual(
      [['Ola Nordmann', ['ola@nord.example']]],
    );
    const cases: [string[], RegExp][] = [
      [['--charset', 'klingon'], /--charset "klingon" is not a charset rel knows/],
      [['--map', 'Kontaktperson'], /--map "Kontaktperson" is not "<column>=<field>"/],
      [['--map', 'Kontaktperson=shoe size'], /the fields are name, first, last/],
      [['--map', 'Nobody=name'], /--map "Nobody=name": the header has no column "Nobody"/],
    ];
    const other = tempStore('map-bad');
    for (const [args, message] of cases) {
      const r = await rel(['import', contacts('crm.csv'), ...args], { store: other });
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
    expect(fs.existsSync(other)).toBe(false);
  });
});

describe('rel import: CSV', () => {
  it('Google and Outlook (Windows-1252, M/D/YYYY) exports, mapped by header', async () => {
    const store = tempStore('csv');
    await ok(['import', fixture('google.csv')], { store });
    await ok(['import', fixture('outlook.csv')], { store });
    expect(people(store)).toEqual({
      'Ana Silva': {
        role: 'Staff Engineer',
        team: 'Platform',
        tags: ['Work', 'Climbing'],
        aliases: ['Ani'],
        birthday: '1992-02-29',
        cadenceDays: null,
        notes: ['Two kids\nLoves climbing'],
      },
      'Kenji Watanabe': expect.objectContaining({
        role: 'Product Lead',
        team: 'Umbrella',
        tags: [],
        birthday: '05-17',
      }),
      'Zoë Marie Durand': expect.objectContaining({ tags: [], birthday: null }),
      'José Fernández': {
        role: 'Controller',
        team: 'Finance',
        tags: ['Finance', 'VIP'],
        aliases: [],
        birthday: '1988-07-24',
        cadenceDays: null,
        notes: ['Café lover; two dogs'],
      },
      'Priya Patel': expect.objectContaining({ team: 'Contoso', birthday: '1991-03-04' }),
      'Tom Baker': expect.objectContaining({ team: 'Sales', birthday: null }),
    });
  });

  it('a broken file: each bad row by its line (the header is line 1), the rest imported', async () => {
    const store = tempStore('csv-broken');
    const r = await rel(['import', fixture('broken.csv')], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Imported 4 people from broken.csv: Good Person (line 2), Bad Birthday (line 6), Multi Line (line 8), Last Good (line 10).',
    );
    expect(r.stdout).toContain('good person (line 7: same name as line 2)');
    expect(r.stderr).toBe(
      [
        'rel: broken.csv line 3: has 7 fields where the header has 6.',
        'rel: broken.csv line 4: has no name.',
        'rel: broken.csv line 5: cadence "every now and then" is not a period (use 14d, 2w, monthly, ...).',
        'rel: broken.csv line 6: birthday "31/31/1990" is not a real date; imported without a birthday.',
        'rel: broken.csv line 11: a quote opened here is never closed, so the rest of the file could not be read.',
        '4 bad records skipped; --strict refuses the whole file instead.',
        '',
      ].join('\n'),
    );
    expect(people(store)['Good Person']).toMatchObject({
      tags: ['a', 'b'],
      cadenceDays: 14,
      birthday: '1990-01-31',
    });
  });

  it('rel export --table people reads back the same people', async () => {
    const dir = tempDir('csv-trip');
    const a = path.join(dir, 'a.json');
    await ok(['import', fixture('google.csv')], { store: a });
    const csv = await ok(['export', '--format', 'csv', '--table', 'people'], { store: a });
    fs.writeFileSync(path.join(dir, 'people.csv'), csv);
    const b = path.join(dir, 'b.json');
    await ok(['import', path.join(dir, 'people.csv')], { store: b });
    expect(people(b)).toEqual(people(a));
  });

  it('refuses a file it cannot use: exit 2, nothing written', async () => {
    const dir = tempDir('csv-bad');
    const store = path.join(dir, 'journal.json');
    const noName = path.join(dir, 'contacts.csv');
    fs.writeFileSync(noName, 'email,phone\na@b.c,1\n');
    const cases: [string[], RegExp][] = [
      [['import', noName], /no name column/],
      [['import', path.join(dir, 'missing.csv')], /There is no file/],
      [['import', dir], /is a folder/],
      [['import', noName, '--format', 'xls'], /--format "xls"/],
      [['import', noName, '--date-order', 'ymd'], /--date-order "ymd"/],
    ];
    for (const [args, message] of cases) {
      const r = await rel(args, { store });
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
    expect(fs.existsSync(store)).toBe(false);
  });
});

describe('rel import: rel JSON', () => {
  it('round trip: export, import into an empty store, export again gives the same records; a second import changes nothing', async () => {
    const dir = tempDir('json-trip');
    const a = path.join(dir, 'a.json');
    const o = { store: a, now: '2026-11-20' };
    await ok(['add', 'Ana Silva', '--cadence', '2w', '--birthday', '1992-02-29', '--tag', 'core'], o);
    await ok(['add', 'Bo Li'], o);
    await ok(
      [
        'log',
        'ana',
        'bo',
        '--note',
        'Roadmap',
        '--heard',
        'Worried',
        '--ambition',
        'Ana: Lead a team',
        '--follow-up',
        'Send RFC',
      ],
      o,
    );
    await ok(['import', fixture('vcard-4.0.vcf')], o);
    const first = await ok(['export'], o);
    const file = path.join(dir, 'export.json');
    fs.writeFileSync(file, first);

    const b = path.join(dir, 'b.json');
    const r = await rel(['import', file], { store: b, now: '2026-11-20' });
    expect(r.stdout).toContain('Imported 3 people, 1 conversation, 1 follow-up from export.json');
    const second = await ok(['export'], { store: b, now: '2026-11-20' });
    expect(JSON.parse(second)).toEqual(JSON.parse(first));
    expect(JSON.parse(second).people.find((p: { id: string }) => p.id === 'bo-li').cadenceDays).toBeNull();

    const before = bytesOf(b);
    const again = await rel(['import', file], { store: b, now: '2026-11-21' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing new to import from export.json.');
    expect(again.stdout).toContain('Already there: 1 conversation, 1 follow-up.');
    expect(bytesOf(b)).toEqual(before);
  });

  it('a record that is not a rel record is named by its line and skipped; a newer schema or foreign JSON is refused', async () => {
    const dir = tempDir('json-bad');
    const store = path.join(dir, 'journal.json');
    const file = path.join(dir, 'export.json');
    fs.writeFileSync(
      file,
      [
        '{',
        '  "schema": 2,',
        '  "people": [',
        '    {"id":"ana","name":"Ana","aliases":[],"role":"","team":"","relationship":"","tags":[],"cadenceDays":null,"ambitions":[],"skills":[],"createdAt":"2026-01-01T00:00:00.000Z","archivedAt":null},',
        '    {"id":"bo","name":"Bo","cadenceDays":"often"}',
        '  ],',
        '  "conversations": [],',
        '  "followUps": []',
        '}',
      ].join('\n'),
    );
    const r = await rel(['import', file], { store });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^rel: export.json line 5: person is not a rel record: /);
    expect(readJson(store).people.map((p: { id: string }) => p.id)).toEqual(['ana']);

    fs.writeFileSync(file, '{"schema": 99, "people": []}');
    expect((await rel(['import', file], { store })).stderr).toContain('written by a newer rel (schema 99)');
    fs.writeFileSync(file, '[1, 2]');
    expect((await rel(['import', file], { store })).stderr).toContain('not a rel export');
    fs.writeFileSync(file, '{"schema": 2, "people": [');
    const broken = await rel(['import', file], { store });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
  });
});

describe('rel import: rel JSON with a day that is not in the calendar', () => {
  // Found by a tester: 2026-02-30 passed the record check by its shape, then every report that
  // counted with it failed ("not a real calendar date"), naming no one.
  it('leaves out such a birthday, skips such a conversation or follow-up, says each, and the reports work', async () => {
    const dir = tempDir('json-no-day');
    const source = path.join(dir, 'source.json');
    const o = { store: source, now: '2026-11-20' };
    await ok(['add', 'Li Wei', '--birthday', '1990-05-05'], o);
    await ok(['add', 'Ana Silva', '--birthday', '02-29'], o);
    await ok(
      ['log', 'li', '--note', 'kept', '--follow-up', 'Send the deck', '--due', '2026-12-01', '--no-input'],
      o,
    );
    await ok(['log', 'ana', '--note', 'also kept', '--no-input'], o);
    const exported = JSON.parse(await ok(['export'], o));
    exported.people.find((p: { id: string }) => p.id === 'li-wei').birthday = '2026-02-30';
    exported.conversations.find((c: { note: string }) => c.note === 'also kept').date = '2026-02-30';
    exported.followUps[0].due = '2026-11-31';
    const file = path.join(dir, 'edited.json');
    fs.writeFileSync(file, JSON.stringify(exported, null, 2));
    const store = path.join(dir, 'journal.json');
    const r = await rel(['import', file], { store, now: '2026-11-20' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'Li Wei: birthday "2026-02-30" is not a real calendar date; imported without it',
    );
    expect(r.stderr).toMatch(/conversation \w+ is dated "2026-02-30", which is not a real calendar date/);
    expect(r.stderr).toMatch(/follow-up \w+ is due "2026-11-31", which is not a real calendar date/);
    // Li Wei came in, without the birthday: the two records skipped are the conversation and the follow-up.
    expect(r.stderr).toContain('2 bad records skipped');
    const journal = readJson(store);
    expect(journal.people.map((p: { birthday: string | null }) => p.birthday)).toEqual([null, '02-29']);
    expect(journal.conversations.map((c: { note: string }) => c.note)).toEqual(['kept']);
    expect(journal.followUps).toEqual([]);
    for (const report of [['due'], ['todo'], ['profile', 'li'], ['profile', 'ana'], ['people']])
      expect((await rel(report, { store, now: '2026-11-20' })).code, report.join(' ')).toBe(0);
    // The same days in a journal edited by hand: rel doctor names them.
    const byHand = path.join(dir, 'by-hand.json');
    const text = fs.readFileSync(source, 'utf8').replace('"1990-05-05"', '"1990-02-30"');
    expect(text).toContain('"1990-02-30"');
    fs.writeFileSync(byHand, text.replace('"2026-12-01"', '"2026-11-31"'), { mode: 0o600 });
    const doctor = await rel(['doctor'], { store: byHand, now: '2026-11-20' });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout.replace(/\s+/g, ' ')).toMatch(
      /Days that are not in the calendar, which reports cannot count with: li-wei's birthday 1990-02-30, follow-up \w+ due 2026-11-31\./,
    );
    expect((await rel(['doctor'], { store: source, now: '2026-11-20' })).stdout).toContain('All is well');
  });
});

describe('rel import: rel JSON warnings say where, and --strict says what would have been', () => {
  const person = (id: string, name: string, over: Record<string, unknown> = {}) => ({
    id,
    name,
    aliases: [],
    role: '',
    team: '',
    relationship: '',
    tags: [],
    cadenceDays: null,
    ambitions: [],
    skills: [],
    birthday: null,
    notes: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    archivedAt: null,
    ...over,
  });
  const exported = {
    schema: 1,
    people: [
      { id: 'bad', name: 5 },
      person('carla-x', 'Carla X', { birthday: '2001-02-30', cadenceDays: 99999 }),
      person('dee-y', 'Dee Y', { birthday: '1990-13-01' }),
    ],
    conversations: [],
    followUps: [],
  };

  it('laid out by another tool (jq), each warning has the line its record starts on, past a bad record', async () => {
    const dir = tempDir('json-warn-lines');
    const file = path.join(dir, 'pretty.json');
    const text = JSON.stringify(exported, null, 2);
    fs.writeFileSync(file, text);
    const lines = text.split('\n');
    const carla = lines.findIndex((l) => l.includes('"carla-x"')); // the line after its "{"
    const dee = lines.findIndex((l) => l.includes('"dee-y"'));
    expect(lines[carla - 1]!.trim()).toBe('{');
    const r = await rel(['import', file, '--dry-run'], {
      store: path.join(dir, 'journal.json'),
      now: '2026-11-20',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `rel: pretty.json line ${carla}: Carla X: birthday "2001-02-30" is not a real calendar date; imported without it.`,
    );
    expect(r.stderr).toContain(
      `rel: pretty.json line ${carla}: Carla X: a cadence of 99999 days is longer than rel takes (at most 10 years (3650 days)); imported with the default cadence instead (set one with rel edit "Carla X" --cadence).`,
    );
    expect(r.stderr).toContain(
      `rel: pretty.json line ${dee}: Dee Y: birthday "1990-13-01" is not a real calendar date; imported without it.`,
    );
    // In rel's own layout (one record a line), past the bad record, too.
    const compact = path.join(dir, 'compact.json');
    fs.writeFileSync(
      compact,
      `{"schema": 1,\n"people": [\n${exported.people.map((p) => JSON.stringify(p)).join(',\n')}\n],\n"conversations": [],\n"followUps": []\n}\n`,
    );
    const c = await rel(['import', compact, '--dry-run', '--json'], {
      store: path.join(dir, 'journal.json'),
      now: '2026-11-20',
    });
    expect(JSON.parse(c.stdout).warnings).toEqual([
      { line: 4, message: expect.stringMatching(/^Carla X: a cadence of 99999 days/) },
      { line: 4, message: 'Carla X: birthday "2001-02-30" is not a real calendar date; imported without it' },
      { line: 5, message: 'Dee Y: birthday "1990-13-01" is not a real calendar date; imported without it' },
    ]);
  });

  it('on one line, each warning names its record by its place in the list', async () => {
    const dir = tempDir('json-warn-places');
    const file = path.join(dir, 'one-line.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    const r = await rel(['import', file, '--dry-run'], {
      store: path.join(dir, 'journal.json'),
      now: '2026-11-20',
    });
    expect(r.stderr).toContain('rel: one-line.json: people[0] is not a rel record');
    expect(r.stderr).toContain(
      'rel: one-line.json: people[1] Carla X: birthday "2001-02-30" is not a real calendar date; imported without it.',
    );
    expect(r.stderr).toContain(
      'rel: one-line.json: people[2] Dee Y: birthday "1990-13-01" is not a real calendar date; imported without it.',
    );
  });

  it('--strict: nothing came in, and the messages say what would have been done', async () => {
    const dir = tempDir('json-warn-strict');
    const file = path.join(dir, 'warned.json');
    fs.writeFileSync(file, JSON.stringify({ ...exported, people: exported.people.slice(2) }, null, 2));
    const store = path.join(dir, 'journal.json');
    const r = await rel(['import', file, '--strict'], { store, now: '2026-11-20' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'rel: warned.json line 4: Dee Y: birthday "1990-13-01" is not a real calendar date; without --strict, the person would be imported without it.',
    );
    expect(r.stderr).toContain('rel: 1 warning in warned.json; nothing was imported (--strict).');
    expect(r.stderr).not.toMatch(/came in|; imported without|bad record/);
    expect(fs.existsSync(store)).toBe(false);
    const csv = path.join(dir, 'people.csv');
    fs.writeFileSync(csv, 'name,birthday\nZed Q,2000-13-40\n');
    const rows = await rel(['import', csv, '--strict'], { store, now: '2026-11-20' });
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain(
      'rel: people.csv line 2: birthday "2000-13-40" is not a date rel understands (YYYY-MM-DD or MM-DD); without --strict, the person would be imported without a birthday.',
    );
  });
});

describe('rel import: rel JSON of someone forgotten since', () => {
  // Found by a tester: the import said "Imported 1 person … Ben Okafor" while the forget's
  // tombstone kept him out on the write, every time it was run.
  it('lists them as skipped, forgotten on the day, in the text and in --json, and writes nothing', async () => {
    const store = tempStore('import-forgotten');
    const o = { store, now: '2026-12-02T12:00:00' };
    await ok(['add', 'Ana Silva'], o);
    await ok(['add', 'Ben Okafor'], o);
    await ok(['log', 'ben', '--note', 'x', '--follow-up', 'Send it'], o);
    await ok(['log', 'ana', '--note', 'y'], o);
    const exported = path.join(tempDir('import-forgotten-out'), 'x.json');
    await ok(['export', '--out', exported], o);
    await ok(['forget', 'ben', '--yes'], o);
    const before = bytesOf(store);

    const r = await rel(['import', exported], o);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Nothing new to import from x.json.');
    expect(text).toContain(
      'Skipped 1 person forgotten with rel forget, who stay out: Ben Okafor (line 5, forgotten on 2026-12-02).',
    );
    expect(text).toContain('Left out as forgotten: 1 conversation, 1 follow-up.');
    expect(text).toContain('add them anew (rel add "Ben Okafor")');
    expect(text).toContain('Already there: 1 conversation, 0 follow-ups.');
    expect(text).not.toMatch(/Imported/);
    expect(bytesOf(store)).toEqual(before);

    const json = JSON.parse(await ok(['import', exported, '--json'], o));
    expect(json.people.added).toEqual([]);
    expect(json.people.skipped).toContainEqual({
      name: 'Ben Okafor',
      line: 5,
      existingId: null,
      reason: 'forgotten on 2026-12-02 (rel forget)',
      forgottenOn: '2026-12-02',
    });
    expect(json.conversations).toEqual({ added: 0, skipped: 2 });
    expect(json.forgotten).toEqual({ conversations: 1, followUps: 1 });
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('rel import: a CSV or vCard row with the id of someone forgotten', () => {
  // Found by a tester: rel's own people table and vCards carry the id, which the import kept; the
  // forget's tombstone then removed the person on the write, while rel said "Imported 1 person".
  it.each([
    ['csv', ['export', '--format', 'csv', '--table', 'people']],
    ['vcf', ['export', '--format', 'vcard']],
  ])('a %s is skipped as forgotten, says so, and writes nothing', async (ext, exportArgs) => {
    const store = tempStore(`import-forgotten-${ext}`);
    const o = { store, now: '2026-12-02T12:00:00' };
    await ok(['add', 'Ana Silva'], o);
    await ok(['add', 'Ben Okafor'], o);
    await ok(['forget', 'ben', '--yes'], o);
    const other = { store: tempStore(`import-forgotten-${ext}-other`), now: '2026-12-02T12:00:00' };
    await ok(['add', 'Ben Okafor', '--email', 'ben@example.com'], other);
    const file = path.join(tempDir(`import-forgotten-${ext}-out`), `people.${ext}`);
    fs.writeFileSync(file, await ok(exportArgs, other));
    const before = bytesOf(store);

    const r = await rel(['import', file], o);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Skipped 1 person forgotten with rel forget, who stay out: Ben Okafor \((line \d+, )?forgotten on 2026-12-02\)\./,
    );
    expect(text).toContain('add them anew (rel add "Ben Okafor")');
    expect(text).not.toMatch(/Imported/);
    expect(bytesOf(store)).toEqual(before);

    const json = JSON.parse(await ok(['import', file, '--json'], o));
    expect(json.people.added).toEqual([]);
    expect(json.people.skipped).toEqual([
      expect.objectContaining({ name: 'Ben Okafor', existingId: null, forgottenOn: '2026-12-02' }),
    ]);
    expect(bytesOf(store)).toEqual(before);

    // Added anew, Ben is another record, which a later import of the same file finds by name.
    await ok(['add', 'Ben Okafor'], o);
    const again = JSON.parse(await ok(['import', file, '--json'], o));
    expect(again.people.added).toEqual([]);
    expect(again.people.skipped[0].reason).toBe('already in your journal');
  });
});

describe('rel import: vCards that are contact groups', () => {
  // Found by a tester: a vCard 4.0 group card (KIND:group, as address books export a contact
  // group) was imported as a person.
  it('are skipped, and the report says how many and which', async () => {
    const store = tempStore('import-groups');
    const file = path.join(tempDir('import-groups-file'), 'misc.vcf');
    fs.writeFileSync(
      file,
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Ana Silva',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Group Card',
        'KIND:group',
        'MEMBER:urn:uuid:x',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Family',
        'X-ADDRESSBOOKSERVER-KIND:group',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:y',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const r = await rel(['import', file], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 1 person from misc.vcf: Ana Silva (line 1).');
    expect(r.stdout).toContain(
      'Skipped 2 contact groups (KIND:group), a list of people rather than a person: Group Card (line 5), Family (line 11).',
    );
    expect(Object.keys(people(store))).toEqual(['Ana Silva']);
    const json = JSON.parse(await ok(['import', file, '--json', '--dry-run'], { store }));
    expect(json.groups).toEqual([
      { name: 'Group Card', line: 5 },
      { name: 'Family', line: 11 },
    ]);
  });
});
