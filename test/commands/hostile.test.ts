// Names and notes that try to take over the terminal: stored exactly (a name typed so is refused,
// one already in a journal is kept), shown safely. Human output never replays a control
// character; --json keeps the exact text.
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { ok, rel, tempStore } from '../helpers/run.js';

const HOSTILE: [string, string][] = [
  ['clear screen (CSI)', '\x1b[2J\x1b[Hcleared'],
  ['colour (SGR)', '\x1b[31mred\x1b[0m'],
  ['window title (OSC 0, BEL)', '\x1b]0;pwned\x07title'],
  ['hyperlink (OSC 8, ST)', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\'],
  ['bell', 'ding\x07ding'],
  ['C1 controls (CSI, NEL)', 'c1\u009b31mred\u0085line'],
  ['right-to-left override', 'invoice\u202Egnp.exe'],
  ['isolates and marks', '\u2066iso\u2069\u200Emark\u200F'],
  ['zero-width characters', 'zero\u200Bwidth\uFEFFjoin\u2060er'],
  ['carriage return overwrite', 'safe\rEVIL'],
  ['backspaces', 'abc\b\b\bxyz'],
  ['DEL', 'del\x7fete'],
  ['emoji with joiners', 'dev 👩‍💻 party 🎉 flag 🏳️‍🌈'],
  ['combining accents', 'Zoe\u0308 A\u030Angstro\u0308m'],
  ['quotes and shell metacharacters', `O'Brien "$(rm -rf /)" \`id\` ; | & > < $HOME *`],
];

// What must never reach a terminal from rel's human output (chalk is off: stdout is not a TTY).
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to catch
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('hostile text', { timeout: 240_000 }, () => {
  const store = tempStore('hostile');
  const names = HOSTILE.map(([, text], i) => `Name${i} ${text}`);
  const texts = HOSTILE.map(([, text]) => text);

  it(`${HOSTILE.length} hostile strings as names, notes, heard, ambitions, skills, follow-ups: exact in JSON, safe on screen`, async () => {
    // A name typed with a control character is refused (control-names.test.ts), so the names
    // come as a journal edited by hand, or written by an older rel, holds them.
    const refused = await rel(['log', ...names, '--create', '--note', 'x'], { store });
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toMatch(UNSAFE);
    writeJournal(store, journalText(names.map((name, i) => person(`name${i}`, clean(name)))));
    const logged = await rel(
      [
        'log',
        ...names.map((_, i) => `name${i}`),
        '--note',
        texts.join('\n'),
        // "Name0: " says whose: a hostile text may itself look like a "Name: " prefix.
        ...texts.flatMap((t) =>
          ['--heard', '--ambition', '--skill', '--follow-up'].flatMap((f) => [f, `Name0: ${t}`]),
        ),
      ],
      { store },
    );
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stdout).not.toMatch(UNSAFE);
    expect(logged.stdout).toContain('Name0 ␛[2J␛[Hcleared');
    expect(logged.stdout).toContain('invoice<U+202E>gnp.exe');

    const people = JSON.parse(await ok(['people', '--json'], { store }));
    expect(people.map((p: { name: string }) => p.name).sort()).toEqual(names.map(clean).sort());
    const first = people.find((p: { name: string }) => p.name.startsWith('Name0 '));

    const profile = JSON.parse(await ok(['profile', first.id, '--json'], { store }));
    expect(profile.conversations[0].note).toBe(texts.join('\n'));
    expect(profile.conversations[0].heard).toEqual(texts.map((t) => t.trim()));
    expect(profile.ambitions.map((a: { text: string }) => a.text)).toEqual(texts.map((t) => t.trim()));
    expect(profile.skills.map((s: { text: string }) => s.text)).toEqual(texts.map((t) => t.trim()));
    expect(profile.followUps.map((f: { text: string }) => f.text)).toEqual(texts.map((t) => t.trim()));
    expect(profile.conversations[0].with.sort()).toEqual(names.map(clean).sort());

    for (const args of [['profile', first.id], ['people'], ['due'], ['undo']]) {
      const r = await rel(args, { store, env: { COLUMNS: '200' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(UNSAFE);
      expect(r.stderr).not.toMatch(UNSAFE);
    }
  });

  it('errors that echo what was typed are safe too', async () => {
    for (const args of [
      ['profile', 'x\x1b]0;pwned\x07'],
      ['log', 'ana', '--bogus\x1b[2J'],
      ['due', '--within', '\x1b[31m2w'],
      ['add', 'Ann', '--cadence', '\u202E2w'],
    ]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(UNSAFE);
      expect(r.stderr).toMatch(/␛|<U\+202E>/);
    }
  });

  it('a journal edited by someone hostile (ids, kinds, tags) is shown safely too', async () => {
    const file = tempStore('hostile-file');
    const id = 'ana\x1b]0;pwned\x07';
    writeJournal(
      file,
      journalText(
        [person(id, 'Ana Silva', { tags: ['\x1b[2J'], role: '\u202Eevil' })],
        [{ ...conversation('c\x07', [id], '2026-11-20', 'ok'), kind: '\x1b[31mcall' }],
      ),
    );
    for (const args of [['profile', 'ana'], ['people'], ['due']]) {
      const r = await rel(args, { store: file });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(UNSAFE);
    }
    expect(JSON.parse(await ok(['profile', 'ana', '--json'], { store: file })).id).toBe(id);
  });

  it('a name made only of invisible characters is refused as empty', async () => {
    const r = await rel(['add', '\u200B\u200E\uFEFF'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name cannot be empty');
  });

  it('a 100 KB note works from a flag and from stdin', async () => {
    const big = `${'Long notes with émoji 🎉 and accents. '.repeat(2700)}end`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(100_000);
    expect((await rel(['add', 'Kim Lee'], { store })).code).toBe(0);
    const fromFlag = JSON.parse(await ok(['log', 'kim', '--note', big, '--json'], { store }));
    expect(fromFlag.note).toBe(big);
    const fromStdin = JSON.parse(
      await ok(['log', 'kim', '--note', '-', '--json'], { store, input: `${big}\n` }),
    );
    expect(fromStdin.note).toBe(big);
    const shown = await rel(['profile', 'kim'], { store });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('end');
  });
});
