// Every human output of a fixed journal at 40, 80 and 120 columns: no line wider than the width,
// and no word that would fit split across lines (a word longer than the width is broken hard).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleWidth } from '../../src/ui/wrap.js';
import { ok, rel, tempDir, tempStore } from '../helpers/run.js';

const LONG_URL = 'https://wiki.example.com/engineering/platform/on-call/runbooks/escalation-policy-2026';
let store = '';

beforeAll(async () => {
  store = tempStore('widths');
  await ok(['demo'], { store });
  await ok(
    ['add', 'Maximilian Alexander Montgomery-Smythe', '--role', 'Principal Site Reliability Engineer'],
    {
      store,
    },
  );
  await ok(
    [
      'log',
      'ana',
      'maximilian',
      '--kind',
      'meeting',
      '--note',
      `Walked through the escalation policy at ${LONG_URL} and agreed who reviews what before the freeze`,
      '--heard',
      'Ana: Worried that the on-call rotation leaves no room for the conference talk she wants to give',
      '--follow-up',
      `Ana: Send the escalation policy and the notes from today's review with the open questions ${LONG_URL}`,
      '--due',
      'friday',
    ],
    { store },
  );
}, 60_000);

const COMMANDS: string[][] = [
  ['people'],
  ['people', '--all'],
  ['due'],
  ['due', '--within', '4w'],
  ['todo'],
  ['profile', 'ana'],
  ['profile', 'maximilian'],
  ['profile', 'noah'],
  ['history', 'ana'],
  ['search', 'conference'],
  ['stats'],
  ['ambition', 'ana'],
  ['ask', 'ana'],
  ['config', 'list'],
  ['doctor'],
  ['log', '--help'],
];

/** The words of an output: what a wide render shows, to tell a whole word from a piece of one. */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

const noConfig = path.join(tempDir('widths-config'), 'none');

async function render(args: string[], columns: number, copy: string) {
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(store, copy);
  // One settings folder (that does not exist) for every width, so that the path rel config list
  // prints is the same word at each.
  const r = await rel(args, { store: copy, env: { COLUMNS: String(columns), XDG_CONFIG_HOME: noConfig } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout + r.stderr;
}

// Bars of a chart and a search hit's context ("…the conference budget…") are drawn to the width;
// anywhere else an ellipsis is text cut, which must not happen.
const drawn = (args: readonly string[], word: string) =>
  (args[0] === 'stats' && /^[\u2580-\u259f]+$/.test(word)) ||
  (args[0] === 'search' && (word.startsWith('…') || word.endsWith('…')));

describe.each(COMMANDS.map((args) => [args.join(' '), args] as const))('rel %s', (_, args) => {
  it('fits 40, 80 and 120 columns, its words whole', async () => {
    const copy = tempStore('widths-run');
    const wide = new Set(wordsOf(await render(args, 1000, copy)));
    for (const width of [40, 80, 120]) {
      const text = await render(args, width, copy);
      for (const line of text.split('\n')) {
        expect(visibleWidth(line), `too wide at ${width}:\n${line}`).toBeLessThanOrEqual(width);
      }
      // A word that is not one of the wide render's words is a piece of one: allowed only when
      // the whole word is wider than the room.
      for (const piece of wordsOf(text).filter((w) => !wide.has(w) && !drawn(args, w))) {
        const whole = [...wide].find((w) => w.includes(piece) && w.length > piece.length);
        expect(whole && visibleWidth(whole) > width - 4, `"${piece}" split at ${width}:\n${text}`).toBe(true);
      }
    }
  });
});

describe('Markdown is not wrapped', () => {
  it('rel agenda keeps its lines whole at 40 columns', async () => {
    const copy = tempStore('widths-agenda');
    const wide = await render(['agenda', 'ana'], 1000, copy);
    expect(await render(['agenda', 'ana'], 40, copy)).toBe(wide);
    expect(wide.split('\n').some((line) => line.length > 40)).toBe(true);
  });
});

describe('help at 40 columns', () => {
  // A description is never wrapped back to the left edge: it wraps beside its term or, when the
  // term is long, on lines of its own indented under it. So a line at the items' indent (two
  // spaces) always begins with a term, as the help at 1000 columns shows the terms.
  it.each([['log'], ['due'], ['todo', 'add'], []])(
    'rel %s --help keeps each description indented',
    async (...args) => {
      const help = async (columns: number) =>
        (await rel([...args, '--help'], { env: { COLUMNS: String(columns) } })).stdout;
      const section = (text: string) => {
        const lines = text.split('\n');
        const end = lines.findIndex((l) => /^(Commands|Examples):$/.test(l));
        return lines.slice(0, end === -1 ? undefined : end).filter((l) => l.startsWith('  '));
      };
      const terms = section(await help(1000)).map((l) => l.trim().split(/ {2,}/)[0]!);
      const narrow = await help(40);
      for (const line of narrow.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(40);
      for (const line of section(narrow).filter((l) => /^ {2}\S/.test(l))) {
        expect(
          terms.some((term) => line.slice(2).startsWith(term)),
          `not a term at the items' indent:\n${line}\n\n${narrow}`,
        ).toBe(true);
      }
    },
  );
});

// A paragraph after a command's examples is one line in the source, wrapped to the width when
// shown: a line break typed into it shows as a sentence cut in the middle at any other width.
describe('the prose after the examples', () => {
  it('breaks only where the width does', async () => {
    const top = (await rel(['--help'], { env: { COLUMNS: '1000' } })).stdout;
    const commands = [...top.split(/^Commands:$/m)[1]!.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(30);
    for (const command of commands) {
      const help = (await rel([command, '--help'], { env: { COLUMNS: '1000' } })).stdout.split('\n');
      const prose = help.slice(help.indexOf('Examples:') + 1);
      for (const [i, line] of prose.entries()) {
        const next = prose[i + 1] ?? '';
        // A line of prose followed by more of the same paragraph: it ended a sentence, or a list's
        // lead-in, or the width broke it (never at 1000 columns).
        if (/^[^\s$]/.test(line) && /^[^\s$]/.test(next))
          expect(line, `rel ${command} --help:\n${line}\n${next}`).toMatch(/[.:;)!?]$/);
      }
    }
  });
});
