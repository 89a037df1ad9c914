// The summary rel stats reads instead of the journal (store/stats-summary.ts) gives what a full
// read gives, byte for byte: after each writing command (which removes it, so the next rel stats
// reads in full and writes it again), after an edit from outside that keeps the size and puts the
// modification time back, and never for an encrypted journal. After each step, every view of rel
// stats runs twice: from the summary as the step left it and from a full read (it deleted first).
// The store's read() is watched, to know which way each run went.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { rel, tempStore } from '../helpers/run.js';

const VIEWS = [
  ['stats'],
  ['stats', '--json'],
  ['stats', '--since', '3m'],
  ['stats', '--since', '2026-01-01', '--json'],
  ['stats', '--tag', 'x', '--json'],
  ['stats', '--tag', 'nobody-has-it'],
];

let store: string;
let state: string;
let read: ReturnType<typeof vi.spyOn>;
let env: Record<string, string>;

beforeEach(() => {
  store = tempStore('stats-summary');
  state = path.join(path.dirname(path.dirname(store)), 'state');
  env = { REL_PASSPHRASE: 'correct horse battery', XDG_CONFIG_HOME: path.join(state, '..', 'config') };
  read = vi.spyOn(Store.prototype, 'read');
});
afterEach(() => {
  read.mockRestore();
});

const summaries = () => {
  const folder = path.join(state, 'rel');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^stats-.*\.json$/.test(f)) : [];
};
const summaryText = () => summaries().map((f) => fs.readFileSync(path.join(state, 'rel', f), 'utf8'));

async function run(args: string[]) {
  const r = await rel(args, { store, env });
  if (r.code !== 0) throw new Error(`rel ${args.join(' ')} exited ${r.code}\n${r.stderr}`);
  return r;
}

/** Each view, from the summary there is or (`fresh`) from a full read, and whether it read in full. */
async function views(fresh: boolean) {
  const out = [];
  for (const args of VIEWS) {
    fs.rmSync(path.join(state, 'rel', 'said'), { recursive: true, force: true });
    if (fresh) for (const f of summaries()) fs.rmSync(path.join(state, 'rel', f));
    const before = read.mock.calls.length;
    const r = await rel(args, { store, env });
    out.push({ args, ...r, fullRead: read.mock.calls.length > before });
  }
  return out;
}

/**
 * The views from the summary the step left and from a full read: the same. `standing`: the
 * summary stands for the journal, and no view reads in full; else the first view reads in full
 * and writes the summary every later view reads.
 */
async function same(standing: boolean) {
  const fromSummary = await views(false);
  const full = await views(true);
  const strip = (runs: typeof full) => runs.map(({ fullRead: _, ...r }) => r);
  expect(strip(fromSummary)).toEqual(strip(full));
  expect(fromSummary.map((r) => r.fullRead)).toEqual(VIEWS.map((_, i) => !standing && i === 0));
  expect(summaries().length).toBe(1);
  return fromSummary;
}

describe('the summary rel stats reads is the journal', () => {
  it('after each writing command', { timeout: 600_000 }, async () => {
    const steps: string[][] = [
      ['add', 'Ana Silva', '--cadence', '2w', '--tag', 'x', '--team', 'Platform'],
      ['add', 'Ben Okafor', '--team', 'Platform'],
      ['add', 'Cleo Grant', '--tag', 'x', '--cadence', '1w'],
      ['log', 'ana', '--no-input', '--date', '2026-11-02', '--minutes', '30', '--note', 'Roadmap'],
      ['log', 'ana', 'ben', 'cleo', '--no-input', '--kind', 'meeting', '--size', '9', '--date', '2026-11-10'],
      [
        'log',
        'ben',
        '--no-input',
        '--kind',
        'coffee',
        '--date',
        '2026-10-01',
        '--heard',
        'Tired',
        '--thanks',
        'the review',
      ],
      ['log', 'cleo', '--no-input', '--kind', 'message', '--date', '2026-11-25', '--heard', ' '],
      ['edit', 'ben', '--cadence', '1w', '--tag', 'x'],
      ['archive', 'cleo'],
      ['undo'],
      ['config', 'set', 'cadence-counts', 'any'],
      ['forget', 'cleo', '--yes'],
    ];
    for (const args of steps) {
      await run(args);
      // rel config changes no journal: the summary stands, and its figures follow the new rule.
      const standing = args[0] === 'config';
      if (!standing) expect(summaries()).toEqual([]);
      await same(standing).catch((error: Error) => {
        throw new Error(`after rel ${args.join(' ')}: ${error.message}`);
      });
    }
    // Forgotten: not in the summary written after.
    expect(summaryText().join('')).toContain('Ana Silva');
    expect(summaryText().join('')).not.toContain('Cleo');
    expect(summaryText().join('')).not.toContain('Roadmap');
    await run(['encrypt']);
    const runs = await views(false);
    expect(runs.map((r) => r.fullRead)).toEqual(VIEWS.map(() => true));
    expect(summaries()).toEqual([]);
  });

  it('after an edit from outside that keeps the size and the modification time', async () => {
    await run(['add', 'Ana Silva', '--cadence', '2w']);
    await run(['log', 'ana', '--no-input', '--date', '2026-11-20', '--minutes', '30']);
    await same(false);
    const stat = fs.statSync(store, { bigint: true });
    const text = fs.readFileSync(store, 'utf8');
    const edited = text.replace('"Ana Silva"', '"Ena Silva"').replace('"minutes":30', '"minutes":45');
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(store, edited);
    const mtime = `@${stat.mtimeNs / 1_000_000_000n}.${String(stat.mtimeNs % 1_000_000_000n).padStart(9, '0')}`;
    execFileSync('touch', ['-m', '-d', mtime, store]);
    // The summary names the version before the edit: the first view reads in full.
    const runs = await same(false);
    expect(runs[1]!.stdout).toContain('Ena Silva');
    expect(runs[1]!.stdout).toContain('"minutes": 45');
  });
});
