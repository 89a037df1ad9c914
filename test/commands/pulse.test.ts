// rel pulse through the built rel: on the sample journal, on a generated team whose hashtags give
// known answers, the --json shape, the line in profiles, forget and encryption.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Layout } from '../../src/store/partial.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

const README = path.resolve(import.meta.dirname, '../../README.md');

describe('rel pulse on the sample journal', () => {
  const store = tempStore('pulse-demo');
  beforeAll(async () => {
    await ok(['demo'], { store });
  });

  it('names the shared themes, who may need a word and the quiet ambitions', async () => {
    const out = await ok(['pulse'], { store, env: { COLUMNS: '80' } });
    expect(out).toContain('4 weeks · 31 Oct – 27 Nov · 16 listening notes read');
    expect(out).toContain('  • on-call: 3 people (Ana Silva, Ben Okafor, Dev Patel) · 3 notes · last 21 Nov');
    expect(out).toContain('  • reorg: 3 people (Ana Silva, Grace Lee, Isabel Rossi)');
    expect(out).toContain(
      'Ana Silva: the last three things you heard were worries (on-call, reorg,\n    launch): maybe ask how Ana is.',
    );
    expect(out).toContain('Ambitions not discussed since 31 Oct (9)');
    expect(out).not.toContain('\u001b[');
  });

  it('prints what the README shows', async () => {
    const readme = fs.readFileSync(README, 'utf8');
    const block = /```console\n\$ rel pulse\n([\s\S]*?)```/.exec(readme);
    expect(block, 'the README has a `$ rel pulse` example').not.toBeNull();
    // The README shows it at 80 columns.
    expect(await ok(['pulse'], { store, env: { COLUMNS: '80' } })).toBe(block![1]);
  });

  it('a step toward a quiet ambition takes it off the list, as the README says', async () => {
    const stepped = tempStore('pulse-step');
    await ok(['demo'], { store: stepped });
    const quiet = async () =>
      JSON.parse(await ok(['pulse', '--json'], { store: stepped })).quietAmbitions.map(
        (a: { ambition: string }) => a.ambition,
      );
    expect(await quiet()).toContain('Write a book on payments systems');
    await ok(['ambition', 'step', 'hugo', 'book', 'Outlined the first chapter', '--date', '2026-11-20'], {
      store: stepped,
    });
    expect(await quiet()).not.toContain('Write a book on payments systems');
    const section = fs.readFileSync(README, 'utf8').split('### `rel pulse`')[1]!.split('\n### ')[0]!;
    expect(section).not.toMatch(/no record of steps/);
    expect(section).toContain('`rel ambition step`');
  });

  it('--json has the documented shape', async () => {
    const pulse = JSON.parse(await ok(['pulse', '--json'], { store }));
    expect(Object.keys(pulse)).toEqual([
      'since',
      'until',
      'heardNotes',
      'themes',
      'worries',
      'quietAmbitions',
    ]);
    expect(pulse).toMatchObject({ since: '2026-10-31', until: '2026-11-27', heardNotes: 16 });
    expect(pulse.themes[0]).toEqual({
      theme: 'on-call',
      people: [
        { id: 'ana-silva', name: 'Ana Silva' },
        { id: 'ben-okafor', name: 'Ben Okafor' },
        { id: 'dev-patel', name: 'Dev Patel' },
      ],
      groups: 0,
      mentions: 3,
      last: '2026-11-21',
    });
    expect(pulse.worries).toHaveLength(1);
    expect(Object.keys(pulse.worries[0])).toEqual(['id', 'name', 'notes', 'topics']);
    expect(pulse.worries[0].notes.map((n: { date: string }) => n.date)).toEqual([
      '2026-11-21',
      '2026-11-21',
      '2026-11-21',
    ]);
    expect(pulse.quietAmbitions[0]).toEqual({
      id: 'eve-nakamura',
      name: 'Eve Nakamura',
      ambition: "Write the company's first SRE handbook",
      since: '2026-07-24',
    });
  });

  it('gives each profile its line from the stored result', async () => {
    await ok(['pulse'], { store });
    expect(await ok(['profile', 'ana'], { store })).toContain(
      // Whole through a pipe, as every prose line of rel profile is.
      '\nOn-call came up with 2 others, reorg with 2 others, conference with 1 other, and 1 other theme (31 Oct – 27 Nov).\n',
    );
    const profile = JSON.parse(await ok(['profile', 'dev', '--json'], { store }));
    expect(profile.sharedThemes).toEqual({
      from: 'pulse',
      since: '2026-10-31',
      until: '2026-11-27',
      themes: [{ theme: 'on-call', others: 2, groups: 0 }],
    });
    // Eve said nothing in the window: no line.
    expect(JSON.parse(await ok(['profile', 'eve', '--json'], { store })).sharedThemes.themes).toEqual([]);
  });

  // Tester A #6: --since 4w began a day before the default "last 4 weeks", and 1w read "8 days".
  it('--since a period is that many days, today included: 4w is the default period, 1w seven days', async () => {
    const byDefault = JSON.parse(await ok(['pulse', '--json'], { store }));
    const fourWeeks = JSON.parse(await ok(['pulse', '--since', '4w', '--json'], { store }));
    expect(fourWeeks.since).toBe(byDefault.since);
    expect(JSON.parse(await ok(['pulse', '--since', '28d', '--json'], { store })).since).toBe('2026-10-31');
    expect(await ok(['pulse', '--since', '1w'], { store })).toContain('1 week · 21 Nov – 27 Nov');
    expect(await ok(['pulse', '--since', '1d'], { store })).toContain('1 day · 27 Nov – 27 Nov');
    // A day said in words is that day, kept as given.
    expect(JSON.parse(await ok(['pulse', '--since', '4 weeks ago', '--json'], { store })).since).toBe(
      '2026-10-30',
    );
    expect(await ok(['stats', '--since', '1w'], { store })).toContain('1 week · 21 Nov – 27 Nov');
    expect(JSON.parse(await ok(['stats', '--since', '4w', '--json'], { store })).since).toBe('2026-10-31');
  });

  it('--team and --since narrow it, and a bad --since is exit 2', async () => {
    const platform = JSON.parse(await ok(['pulse', '--team', 'platform', '--json'], { store }));
    expect(platform.themes.map((t: { theme: string }) => t.theme)).toEqual(['on-call', 'conference']);
    const longer = JSON.parse(await ok(['pulse', '--since', '3m', '--json'], { store }));
    // 3m is 90 days up to today, today included (27 Nov less 89 days).
    expect(longer.since).toBe('2026-08-30');
    expect(longer.themes.length).toBeGreaterThan(platform.themes.length);
    // A team or tag no one has is a typo: exit 2 naming the ones there are, not an empty report.
    const typo = await rel(['pulse', '--team', 'platfrom'], { store });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('No one in your journal is in the team "platfrom"');
    expect(typo.stderr).toContain('Platform');
    expect((await rel(['pulse', '--tag', 'nosuchtag'], { store })).code).toBe(2);
    for (const since of ['2027-01-01', 'whenever']) {
      const bad = await rel(['pulse', '--since', since], { store });
      expect(bad.code, since).toBe(2);
      expect(bad.stderr).toContain('--since');
    }
  });
});

/**
 * A generated team: people in three teams, each heard from on several days of the last four weeks
 * with notes carrying hashtags, plus group meetings whose notes are the group's. The hashtags'
 * counts are known from the generator, so the pulse's answer is too.
 */
function generatedTeam() {
  const TAGS = ['#oncall', '#hiring', '#budget', '#offsite', '#tooling'];
  const teams = ['Platform', 'Payments', 'Growth'];
  const people = Array.from({ length: 12 }, (_, i) =>
    person(`p${i}`, `Person${i} Test`, { team: teams[i % 3], tags: i % 4 === 0 ? ['lead'] : [] }),
  );
  const conversations: object[] = [];
  const expected = new Map<
    string,
    { people: Set<string>; groups: Set<string>; mentions: number; last: string }
  >();
  const count = (tag: string, personId: string | null, id: string, date: string) => {
    const key = tag.slice(1);
    const e = expected.get(key) ?? { people: new Set(), groups: new Set(), mentions: 0, last: '' };
    if (personId) e.people.add(personId);
    else e.groups.add(id);
    e.mentions++;
    if (date > e.last) e.last = date;
    expected.set(key, e);
  };
  let n = 0;
  const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
  people.forEach((p, i) => {
    for (let k = 0; k < 3; k++) {
      const id = `c${n++}`;
      const tag = TAGS[(i * 3 + k) % TAGS.length]!;
      const date = day(1 + ((i + k * 7) % 27));
      conversations.push({
        id,
        date,
        with: [p.id],
        kind: '1:2:1',
        minutes: 30,
        note: '',
        heard: [`${tag} again`],
        createdAt: `${date}T10:00:00.000Z`,
      });
      count(tag, p.id, id, date);
    }
  });
  // Group meetings: notes heard from nobody in particular count once each, as a group.
  for (const [d, tag] of [
    [3, '#oncall'],
    [10, '#offsite'],
    [17, '#oncall'],
  ] as const) {
    const id = `g${d}`;
    const date = day(d);
    conversations.push({
      id,
      date,
      with: people.slice(0, 6).map((p) => p.id),
      kind: 'meeting',
      minutes: 60,
      note: '',
      heard: [tag],
      heardFrom: [null],
      createdAt: `${date}T15:00:00.000Z`,
    });
    count(tag, null, id, date);
  }
  // Outside the window: never counted.
  conversations.push({
    id: 'old',
    date: '2026-10-01',
    with: ['p1'],
    kind: '1:2:1',
    minutes: 30,
    note: '',
    heard: ['#oncall #secret'],
    createdAt: '2026-10-01T10:00:00.000Z',
  });
  return { people, conversations, expected };
}

describe('rel pulse on a generated team', () => {
  it('counts every hashtag theme as the generator wrote it', async () => {
    const store = tempStore('pulse-team');
    const team = generatedTeam();
    writeJournal(store, journalText(team.people, team.conversations));
    const pulse = JSON.parse(await ok(['pulse', '--json'], { store }));
    const byTheme = new Map(pulse.themes.map((t: { theme: string }) => [t.theme, t]));
    expect([...byTheme.keys()].sort()).toEqual([...team.expected.keys()].sort());
    for (const [theme, e] of team.expected) {
      expect(byTheme.get(theme), theme).toMatchObject({
        groups: e.groups.size,
        mentions: e.mentions,
        last: e.last,
      });
      expect((byTheme.get(theme) as { people: { id: string }[] }).people.map((p) => p.id).sort()).toEqual(
        [...e.people].sort(),
      );
    }
    expect(JSON.stringify(pulse)).not.toContain('secret');
    // Themes are ordered by voices: people plus group conversations.
    const voices = pulse.themes.map((t: { people: unknown[]; groups: number }) => t.people.length + t.groups);
    expect(voices).toEqual([...voices].sort((a: number, b: number) => b - a));
    // --tag keeps only what was heard from those people (and groups they were in).
    const leads = JSON.parse(await ok(['pulse', '--tag', 'lead', '--json'], { store }));
    for (const t of leads.themes) for (const p of t.people) expect(['p0', 'p4', 'p8']).toContain(p.id);
  });
});

describe('what the language answered, kept', () => {
  const pulseFile = (store: string) => path.join(path.dirname(store), '.journal.json.pulse');

  it('the next pulse reads its notes from the answers kept, and only answers of this language', async () => {
    const store = tempStore('pulse-answers');
    await ok(['demo'], { store });
    const first = await ok(['pulse', '--json'], { store });
    const kept = readJson(pulseFile(store));
    expect(kept.language.words.length).toBeGreaterThan(0);
    expect(await ok(['pulse', '--json'], { store })).toBe(first);
    // Kept answers that read "reorg" as an adverb: the next pulse takes them, so the theme goes.
    const verb = (answers: [string, [string, string, string][]][]) =>
      answers.map(([text, words]) => [text, words.map(([w, l, p]) => [w, l, /^reorg/i.test(w) ? 'ADV' : p])]);
    const tampered = { ...kept, language: { ...kept.language, words: verb(kept.language.words) } };
    fs.writeFileSync(pulseFile(store), JSON.stringify(tampered));
    const themes = (out: string) => JSON.parse(out).themes.map((t: { theme: string }) => t.theme);
    expect(themes(first)).toContain('reorg');
    expect(themes(await ok(['pulse', '--json'], { store }))).not.toContain('reorg');
    // The same under another key (other libraries, another language.ts): asked again.
    fs.writeFileSync(
      pulseFile(store),
      JSON.stringify({ ...tampered, language: { ...tampered.language, key: 'another' } }),
    );
    expect(await ok(['pulse', '--json'], { store })).toBe(first);
  });

  it('the same result again leaves the kept file as it is; a change, or another period, writes it', async () => {
    const store = tempStore('pulse-same');
    await ok(['demo'], { store });
    await ok(['pulse'], { store });
    const file = pulseFile(store);
    const stamp = () => fs.statSync(file, { bigint: true }).mtimeNs;
    const before = { bytes: fs.readFileSync(file), mtime: stamp() };
    // A later "now": a rewrite would carry another ranAt.
    await ok(['pulse', '--json'], { store, now: '2026-11-27T18:00:00' });
    expect(fs.readFileSync(file).equals(before.bytes)).toBe(true);
    expect(stamp()).toBe(before.mtime);
    // Another period: another result, kept.
    await ok(['pulse', '--since', '3m'], { store });
    expect(readJson(file).since).not.toBe(JSON.parse(before.bytes.toString()).since);
    const kept = stamp();
    // The same period again, after the journal changed: kept afresh, so the next pulse knows its
    // answers cover the journal (keptSinceLastChange) and need not start the language worker.
    await ok(['pulse'], { store });
    await ok(['log', 'ana', '--no-input', '--kind', 'call', '--note', 'Talked about the offsite.'], {
      store,
    });
    await ok(['pulse'], { store });
    expect(stamp()).not.toBe(kept);
    expect(stamp()).toBeGreaterThan(fs.statSync(store, { bigint: true }).mtimeNs);
  });

  it("rel forget leaves no answer about the forgotten person's notes", async () => {
    const store = tempStore('pulse-answers-forget');
    await ok(['demo'], { store });
    const journal = readJson(store);
    const bens = journal.conversations
      .filter(
        (c: { with: string[]; heardFrom?: string[] }) => c.with.length === 1 && c.with[0] === 'ben-okafor',
      )
      .flatMap((c: { heard: string[] }) => c.heard);
    await ok(['pulse'], { store });
    const file = pulseFile(store);
    const inKept = () =>
      bens.filter((text: string) => fs.readFileSync(file, 'utf8').includes(JSON.stringify(text)));
    expect(inKept().length).toBeGreaterThan(0);
    await ok(['forget', 'ben', '--yes'], { store });
    expect(inKept()).toEqual([]);
    expect(readJson(file).language.words.length).toBeGreaterThan(0);
  });
});

describe('a pulse of a journal rel wrote reads only its period', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('and prints what a full read prints', async () => {
    const demo = tempStore('pulse-demo-bytes');
    await ok(['demo'], { store: demo });
    const stores = [tempStore('pulse-stamped'), tempStore('pulse-plain')];
    for (const store of stores) writeJournal(store, fs.readFileSync(demo, 'utf8'));
    // `rel due` checks the first and stamps it (the summary beside it names that version).
    await ok(['due', '--json'], { store: stores[0] });
    const read = vi.spyOn(Layout.prototype, 'read');
    const partial = () => read.mock.results.filter((r) => r.value !== undefined).length;
    for (const args of [
      ['pulse', '--json'],
      ['pulse'],
      ['pulse', '--since', '3m', '--json'],
      ['pulse', '--since', '2026-11-20'],
      ['pulse', '--team', 'platform', '--json'],
    ]) {
      const before = partial();
      const full = await rel(args, { store: stores[1], env: { COLUMNS: '80' } });
      expect(partial(), 'a journal without a stamp is read in full').toBe(before);
      const part = await rel(args, { store: stores[0], env: { COLUMNS: '80' } });
      expect(partial(), `${args.join(' ')} reads in part`).toBe(before + 1);
      expect({ args, ...part }).toEqual({ args, ...full });
    }
  });
});

describe('the stored result', () => {
  it('before any pulse, the profile line comes from hashtags alone', async () => {
    const store = tempStore('pulse-hashtags');
    writeJournal(
      store,
      journalText(
        [person('ana', 'Ana Silva'), person('ben', 'Ben Okafor')],
        [
          {
            id: 'c1',
            date: '2026-11-20',
            with: ['ana'],
            kind: '1:2:1',
            minutes: 30,
            note: '',
            heard: ['Tired of #oncall'],
            createdAt: '2026-11-20T10:00:00.000Z',
          },
          {
            id: 'c2',
            date: '2026-11-21',
            with: ['ben'],
            kind: '1:2:1',
            minutes: 30,
            note: '',
            heard: ['#OnCall again'],
            createdAt: '2026-11-21T10:00:00.000Z',
          },
        ],
      ),
    );
    expect(await ok(['profile', 'ana'], { store })).toContain(
      'Oncall came up with 1 other (31 Oct – 27 Nov).',
    );
    expect(JSON.parse(await ok(['profile', 'ana', '--json'], { store })).sharedThemes.from).toBe('hashtags');
    expect(fs.existsSync(path.join(path.dirname(store), '.journal.json.pulse'))).toBe(false);
  });

  it('rel forget removes the person from it', async () => {
    const store = tempStore('pulse-forget');
    await ok(['demo'], { store });
    await ok(['pulse'], { store });
    const file = path.join(path.dirname(store), '.journal.json.pulse');
    expect(fs.readFileSync(file, 'utf8')).toContain('ben-okafor');
    const forgot = JSON.parse(await ok(['forget', 'ben', '--yes', '--json'], { store }));
    expect(forgot.keptCopiesRewritten).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('ben-okafor');
    expect(readJson(file).themes.find((t: { theme: string }) => t.theme === 'on-call').mentions).toHaveLength(
      2,
    );
    expect(await ok(['profile', 'dev'], { store })).toContain('On-call came up with 1 other');
  });

  it('of an encrypted journal leaves no plain text in any file, and profiles still read it', async () => {
    const store = tempStore('pulse-enc');
    const env = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'pulse passphrase' };
    await ok(['demo'], { store });
    await ok(['pulse'], { store }); // a plain result first: encrypt must seal it too
    await ok(['encrypt'], { store, env });
    const folder = path.dirname(store);
    const secrets = ['on-call', 'reorg', 'ana-silva', 'Ana Silva', 'launch'];
    const hits = () =>
      fs
        .readdirSync(folder)
        .flatMap((name) =>
          secrets
            .filter((s) => fs.readFileSync(path.join(folder, name)).includes(s))
            .map((s) => `${name}: ${s}`),
        );
    expect(fs.readdirSync(folder)).toContain('.journal.json.pulse');
    expect(hits()).toEqual([]);
    await ok(['pulse'], { store, env });
    expect(hits()).toEqual([]);
    expect(await ok(['profile', 'ana'], { store, env })).toContain('On-call came up with 2 others');
    // The search can fail: once decrypted, the stored result is plain again.
    await ok(['decrypt'], { store, env });
    expect(hits()).toContain('.journal.json.pulse: on-call');
  });
});
