// The launcher (src/dispatch.ts) runs the program built for the command asked for
// (dist/run/<command>.cjs), and each such program must answer exactly as the full program
// (dist/full.js, every command loaded when run) does. Through the built rel.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, type RunOptions, type RunResult, rel, relEnv, tempDir, tempStore } from '../helpers/rel.js';

const FULL = pathToFileURL(path.resolve(import.meta.dirname, '../../dist/full.js')).href;
const LAUNCHER = pathToFileURL(path.resolve(import.meta.dirname, '../../dist/main.cjs')).href;
const LOADED_HOOK = path.resolve(import.meta.dirname, '../helpers/loaded-modules.mjs');

/** The same arguments through the full program, without the launcher. */
function full(args: string[], options: RunOptions = {}): RunResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [fullBin(), ...args], {
    env: relEnv(options),
    input: '',
    encoding: 'utf8',
    timeout: 120_000,
    cwd: os.tmpdir(),
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

let script: string | undefined;
function fullBin(): string {
  if (!script) {
    script = path.join(tempDir('launcher-bin'), 'full.mjs');
    fs.writeFileSync(
      script,
      `import { main } from ${JSON.stringify(FULL)};\nprocess.exitCode = await main(process.argv.slice(2));\n`,
    );
  }
  return script;
}

function commandNames(): string[] {
  const help = ok(['--help']);
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!);
}

// The one-time notice of rel due would be said by whichever program ran first: not asked for here.
const env = { REL_CADENCE_COUNTS: 'small-groups' };

describe('the launcher and the program of each command', () => {
  const store = tempStore('launcher');
  beforeAll(() => {
    ok(['demo'], { store });
  });

  it('every command shows the same help as in the full program', () => {
    const names = commandNames();
    expect(names.length).toBeGreaterThan(30);
    expect(names).toContain('due');
    // In one process, for speed: each program's main run in turn. Its stdout is a file, which rel
    // writes to directly (ui/io.ts): each run's output is the part of it that run added.
    const folder = tempDir('launcher-help');
    const script = path.join(folder, 'helps.mjs');
    const outFile = path.join(folder, 'out.txt');
    fs.writeFileSync(
      script,
      `import fs from 'node:fs';
import { main as launched } from ${JSON.stringify(LAUNCHER)};
import { main as whole } from ${JSON.stringify(FULL)};
async function caught(main, args) {
  const from = fs.fstatSync(1).size;
  const code = await main(args);
  return { code, from, to: fs.fstatSync(1).size };
}
const answers = [];
for (const name of JSON.parse(process.argv[2])) {
  answers.push({ name, launched: await caught(launched, [name, '--help']), whole: await caught(whole, [name, '--help']) });
}
fs.writeFileSync(process.argv[3], JSON.stringify(answers));
`,
    );
    const answersFile = path.join(folder, 'answers.json');
    const out = fs.openSync(outFile, 'w');
    let r: ReturnType<typeof spawnSync>;
    try {
      r = spawnSync(process.execPath, [script, JSON.stringify(names), answersFile], {
        env: relEnv({ store, env }),
        stdio: ['ignore', out, 'pipe'],
        encoding: 'utf8',
        timeout: 120_000,
      });
    } finally {
      fs.closeSync(out);
    }
    expect(r.stderr).toBe('');
    const text = fs.readFileSync(outFile);
    type Run = { code: number; from: number; to: number };
    const shown = ({ code, from, to }: Run) => ({ code, out: text.subarray(from, to).toString('utf8') });
    const answers = (
      JSON.parse(fs.readFileSync(answersFile, 'utf8')) as { name: string; launched: Run; whole: Run }[]
    ).map(({ name, launched, whole }) => ({ name, launched: shown(launched), whole: shown(whole) }));
    expect(answers.map((a) => a.name)).toEqual(names);
    for (const { name, launched, whole } of answers)
      expect({ name, launched }).toEqual({ name, launched: whole });
    expect(answers.find((a) => a.name === 'due')?.whole).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Usage: rel due/),
    });
  });

  it('answers every shape of command line as the full program does', () => {
    const lines = [
      [],
      ['--help'],
      ['-V'],
      ['due'],
      ['due', '--json', '--limit', '2'],
      ['--store', store, 'people', '--json'],
      ['--no-input', 'profile', 'ana'],
      ['help', 'todo'],
      ['todo', '--overdue'],
      ['due', '--bogus'],
      ['dеu'], // a Cyrillic е: no such command
      ['duee'],
      ['--', 'due'],
      ['profile'],
      ['log', 'nobody-here', '--no-input', '--note', 'x'],
      ['__complete', '--', 'pro'],
    ];
    for (const args of lines) {
      expect({ args, ...rel(args, { store, env }) }).toEqual({ args, ...full(args, { store, env }) });
    }
  });

  it('a writing command writes what the full program writes', () => {
    const a = tempStore('launcher-a');
    const b = tempStore('launcher-b');
    for (const file of [a, b]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(store, file);
    }
    const args = ['log', 'ana', '--no-input', '--kind', 'coffee', '--note', 'Roadmap'];
    expect(rel(args, { store: a, env })).toEqual(full(args, { store: b, env }));
    // The same journal but for the new conversation's id, which is random.
    const logged = (file: string) => {
      const journal = JSON.parse(fs.readFileSync(file, 'utf8'));
      const added = journal.conversations.filter((c: { note: string }) => c.note === 'Roadmap');
      expect(added).toHaveLength(1);
      added[0].id = 'the-new-one';
      return journal;
    };
    expect(logged(a)).toEqual(logged(b));
  });

  it('rel due loads its own program and not the full one; rel --help neither', () => {
    const loaded = (args: string[]) => {
      const file = path.join(tempDir('launcher-loaded'), 'modules.txt');
      ok(args, { store, env: { NODE_OPTIONS: `--import ${LOADED_HOOK}`, REL_TEST_LOADED: file } });
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((url) => url.includes('/dist/'));
    };
    const due = loaded(['due']);
    expect(due.some((url) => url.endsWith('/dist/run/due.cjs'))).toBe(true);
    expect(due.filter((url) => url.endsWith('/dist/full.js') || url.includes('/dist/chunks/'))).toEqual([]);
    // A handful of files, where the full program loads forty.
    expect(due.length).toBeLessThan(12);
    // The top-level help has a program of its own, without commander (src/help-listing.ts).
    const help = loaded(['--help']);
    expect(
      help.filter((url) => url.endsWith('/dist/main.cjs') || url.endsWith('/dist/listing.cjs')),
    ).toHaveLength(help.length);
    expect(help.some((url) => url.endsWith('/dist/listing.cjs'))).toBe(true);
    const version = loaded(['--version']);
    expect(version.some((url) => url.endsWith('/dist/run/rel.cjs'))).toBe(true);
    expect(version.filter((url) => url.endsWith('/dist/full.js'))).toEqual([]);
  });

  it('prints the top-level help without commander exactly as commander does: widths, colour, a pipe', () => {
    // `--no-input --help` is the same help through commander (the program of no command).
    const both = (args: string[], extra: Record<string, string | undefined>) => {
      const options = { store, env: { ...env, ...extra } };
      return { listed: rel(args, options), commander: rel(['--no-input', '--help'], options) };
    };
    const cases: [string[], Record<string, string | undefined>][] = [
      ...[
        '1',
        '15',
        '16',
        '20',
        '33',
        '40',
        '46',
        '60',
        '80',
        '100',
        '120',
        '200',
        '-5',
        'abc',
        '0',
        '45.5',
      ].map((columns): [string[], Record<string, string | undefined>] => [['--help'], { COLUMNS: columns }]),
      [['--help'], { COLUMNS: undefined }], // a pipe, no $COLUMNS: 80
      [['--help'], { COLUMNS: '40', NO_COLOR: '1' }],
      [['--help'], { COLUMNS: '40', FORCE_COLOR: '1' }],
      [['--help'], { COLUMNS: undefined, FORCE_COLOR: '3' }],
      [[], { COLUMNS: '57' }],
      [['-h'], { COLUMNS: '57' }],
      [['help'], { COLUMNS: undefined }],
    ];
    for (const [args, extra] of cases) {
      const { listed, commander } = both(args, extra);
      expect({ args, extra, ...listed }).toEqual({ args, extra, ...commander });
      expect(listed.stdout.replace(/\s+/g, '')).toMatch(/^Usage:rel\[options\]\[command\]/);
    }
    expect(full(['--help'], { store, env: { ...env, COLUMNS: '72' } })).toEqual(
      rel(['--help'], { store, env: { ...env, COLUMNS: '72' } }),
    );
    // Settings the program refuses are refused as before, by the program of no command.
    const refused = both(['--help'], { REL_NOW: 'soon' });
    expect(refused.listed).toEqual(refused.commander);
    expect(refused.listed).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^rel: REL_NOW="soon"/),
    });
  });
});
