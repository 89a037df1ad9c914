// Safe output by construction: a journal and a settings file whose every text holds control
// characters, through every command that prints for people and every export format, to stdout
// and to files. The bytes are checked, not what a terminal would show: no ESC, BEL or other C0
// or C1 control but tab, line feed and (where the format needs it) CRLF. --json and the JSON
// export keep the exact text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { rel, tempDir, tempStore } from '../helpers/run.js';

// Every control character a text could carry: C0 (but tab and LF), DEL and C1, in sequences a
// terminal acts on.
const EVIL = [
  '\x1b[2J\x1b[H',
  '\x1b]0;pwned\x07',
  '\x1b]8;;https://evil.example\x1b\\',
  '\x07\x08\r\x0b\x0c\x00',
  '\x7f',
  '\u009b31m\u0085\u009d0;t\u009c',
].join('');
const hostile = (label: string) => `${label}${EVIL}end`;
// An argument cannot carry NUL: the same, without it, for what is typed on the command line.
const TYPED = EVIL.replace('\x00', '');

function hostileJournal(): string {
  const tags = [hostile('tag')];
  const people = [
    person('ana-silva', hostile('Ana'), {
      role: hostile('role'),
      team: hostile('team'),
      relationship: hostile('rel'),
      tags,
      aliases: [hostile('alias')],
      cadenceDays: 7,
      birthday: '1990-12-01',
      ambitions: [{ id: 'a1', text: hostile('ambition'), addedOn: '2026-10-01' }],
      skills: [{ id: 's1', text: hostile('skill'), addedOn: '2026-10-01' }],
      notes: [{ id: 'n1', text: hostile('note'), addedOn: '2026-10-01' }],
      askNext: [{ id: 'q1', text: hostile('ask'), addedOn: '2026-10-01' }],
    }),
    person('ben-okafor', 'Ben Okafor', { team: hostile('team2'), relationship: hostile('rel2'), tags }),
  ];
  const conversations = [
    {
      ...conversation('c1', ['ana-silva', 'ben-okafor'], '2026-10-20', hostile('talk')),
      kind: hostile('kind'),
      heard: [hostile('heard')],
    },
    conversation('c2', ['ana-silva'], '2026-09-01', hostile('older')),
  ];
  const followUps = [
    {
      id: 'f1',
      personId: 'ana-silva',
      conversationId: 'c1',
      text: hostile('follow'),
      due: '2026-11-01',
      doneAt: null,
      createdAt: '2026-10-20T10:00:00.000Z',
    },
  ];
  return journalText(people, conversations, followUps);
}

const C0_OR_C1 = (allowCrlf: boolean) =>
  allowCrlf
    ? // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to catch
      /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/u
    : // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to catch
      /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;

/** The first control character in the bytes, as "U+001B at 12", or null when there is none. */
function firstControl(bytes: Buffer, allowCrlf = false): string | null {
  const text = bytes.toString('utf8');
  const match = C0_OR_C1(allowCrlf).exec(text);
  if (!match) return null;
  return `U+${match[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20))}`;
}

describe('every human output and export is free of control characters', { timeout: 300_000 }, () => {
  const store = tempStore('safe-out');
  writeJournal(store, hostileJournal());
  const config = tempDir('safe-config');
  // A settings file with a hostile value and a hostile unknown key: rel warns about both.
  fs.mkdirSync(path.join(config, 'rel'), { recursive: true });
  fs.writeFileSync(
    path.join(config, 'rel', 'config.json'),
    JSON.stringify({
      'default-kind': hostile('kindsetting'),
      'week-start': hostile('ws'),
      [hostile('key')]: 1,
    }),
  );
  const env = { XDG_CONFIG_HOME: config };

  const commands: [string, string[]][] = [
    ['due', ['due']],
    ['due --within', ['due', '--within', '1m']],
    ['due --group tag', ['due', '--group', 'tag']],
    ['due --group team', ['due', '--group', 'team']],
    ['due --group relationship', ['due', '--group', 'relationship']],
    ['profile', ['profile', 'ana-silva']],
    ['people', ['people', '--all']],
    ['stats', ['stats']],
    ['agenda', ['agenda', 'ana-silva']],
    ['history', ['history', 'ana-silva']],
    ['search', ['search', 'end']],
    ['todo', ['todo']],
    ['config list', ['config', 'list']],
    ['config get', ['config', 'get', 'default-kind']],
    ['doctor', ['doctor']],
    ['export markdown', ['export', '--format', 'markdown']],
    ['export csv conversations', ['export', '--format', 'csv']],
    ['export csv people', ['export', '--format', 'csv', '--table', 'people']],
    ['export ics', ['export', '--format', 'ics']],
    ['an unknown person', ['profile', `x${TYPED}`]],
    ['an unknown option', ['due', `--x${TYPED}`]],
  ];

  it.each(commands)('rel %s: stdout and stderr', async (_, args) => {
    const r = await rel(args, { store, env });
    expect([0, 1, 2]).toContain(r.code);
    const ics = args.includes('ics');
    expect(firstControl(Buffer.from(r.stdout), ics), 'stdout').toBeNull();
    expect(firstControl(Buffer.from(r.stderr)), 'stderr').toBeNull();
  });

  it('the human outputs above do show the hostile texts (as visible marks), so the check is real', async () => {
    const r = await rel(['due', '--group', 'team'], { store, env });
    expect(r.stdout).toContain('team␛[2J␛[H');
    const md = (await rel(['export', '--format', 'markdown'], { store, env })).stdout;
    expect(md).toContain('talk␛');
  });

  it('rel config set and get of a hostile value', async () => {
    const dir = tempDir('safe-config-set');
    const e = { XDG_CONFIG_HOME: dir };
    const set = await rel(['config', 'set', 'default-kind', `k${TYPED}`], { store, env: e });
    expect(firstControl(Buffer.from(set.stdout + set.stderr))).toBeNull();
    for (const args of [
      ['config', 'get', 'default-kind'],
      ['config', 'list'],
    ]) {
      const r = await rel(args, { store, env: e });
      expect(firstControl(Buffer.from(r.stdout + r.stderr))).toBeNull();
    }
  });

  it.each([
    ['markdown', 'out.md'],
    ['ics', 'out.ics'],
    ['csv', 'table.csv'],
  ])('rel export --format %s --out: the file is free of control characters', async (format, name) => {
    const file = path.join(tempDir('safe-file'), name);
    const r = await rel(['export', '--format', format, '--out', file], { store, env });
    expect(r.code, r.stderr).toBe(0);
    expect(firstControl(fs.readFileSync(file), format === 'ics')).toBeNull();
  });

  it('rel agenda --out: the file is free of control characters', async () => {
    const file = path.join(tempDir('safe-agenda'), 'agenda.md');
    expect((await rel(['agenda', 'ana-silva', '--out', file], { store, env })).code).toBe(0);
    expect(firstControl(fs.readFileSync(file))).toBeNull();
  });

  it('--json and the JSON export keep the exact text', async () => {
    const profile = JSON.parse((await rel(['profile', 'ana-silva', '--json'], { store, env })).stdout);
    expect(profile.name).toBe(hostile('Ana'));
    expect(profile.team).toBe(hostile('team'));
    expect(profile.conversations[0].note).toBe(hostile('talk'));
    const grouped = JSON.parse((await rel(['due', '--group', 'team', '--json'], { store, env })).stdout);
    expect(grouped.map((row: { group: string }) => row.group)).toContain(hostile('team'));
    const search = JSON.parse((await rel(['search', 'end', '--json'], { store, env })).stdout);
    expect(search.map((hit: { text: string }) => hit.text)).toContain(hostile('talk'));

    const exported = (await rel(['export', '--format', 'json'], { store, env })).stdout;
    expect(JSON.parse(exported).people[0].name).toBe(hostile('Ana'));
    const file = path.join(tempDir('safe-json'), 'journal.json');
    expect((await rel(['export', '--format', 'json', '--out', file], { store, env })).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).people[0].name).toBe(hostile('Ana'));
  });
});
