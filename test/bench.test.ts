// The benchmark's journals must be the same bytes on every run and machine, and the benchmark
// itself must run end to end (here at its tiny scale, once). No timings are checked.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Journal, SCHEMA_VERSION, withDefaults } from '../src/core/journal.js';
import { serializeJournal } from '../src/store/format.js';
import { isJournalShape } from '../src/store/shape.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function node(args: string[]) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
}

function generatedText(scale: string): string {
  const script = `import { generateJournal, journalText } from './bench/generate.mjs';
    process.stdout.write(journalText(generateJournal(${JSON.stringify(scale)})));`;
  const result = node(['--input-type=module', '-e', script]);
  expect(result.stderr).toBe('');
  return result.stdout;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

describe('npm run bench', () => {
  it('generates the same journal every time', () => {
    const first = digest(generatedText('T'));
    expect(digest(generatedText('T'))).toBe(first);
    // Pinned, so that a change in the generator is a visible decision: it changes every figure.
    expect(first).toBe('15c51dff60d73964e8b247193764d20c9167d4598394889285fc025024999c1e');
  });

  it('generates a journal exactly as rel writes it: no upgrade, no field to fill in', () => {
    // Otherwise every timed write would also time a one-off upgrade of the whole file.
    const text = generatedText('T');
    const journal = JSON.parse(text) as Journal;
    expect(journal.schema).toBe(SCHEMA_VERSION);
    expect(isJournalShape(journal)).toBe(true);
    expect(serializeJournal(withDefaults(structuredClone(journal)))).toBe(text);
  });

  it('runs at the tiny scale, pairing each command with its floor and a table with its --json', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-bench-test-'));
    const result = node([
      'bench/run.mjs',
      '--scale',
      'T',
      '--runs',
      '2',
      '--only=--help,due,log',
      '--out',
      out,
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('| T     | rel due --json');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'latest.json'), 'utf8'));
    type Result = {
      command: string;
      against: string;
      runsMs: number[][];
      minRatio: number;
      maxRatio: number;
    };
    const results: Result[] = report.scales[0].results;
    expect(results.map((r) => `${r.command} / ${r.against}`)).toEqual(
      expect.arrayContaining([
        'rel --help / node -e 0',
        'rel due --json / read+parse',
        // The summary deleted before each run: the full read it saves.
        'rel due --json (no summary) / read+parse',
        'rel due / read+parse',
        'rel due / rel due --json',
        'rel log / read+parse+write',
        // Unlocked by rel unlock, with no passphrase given: a run that missed the agent would fail.
        'rel due --json (unlocked) / rel due --json (no summary)',
        'rel log (unlocked) / rel log (plain, short note)',
      ]),
    );
    for (const r of results) {
      // Two timed pairs (the warm-up is not kept), each side of each pair a real process.
      expect(r.runsMs).toHaveLength(2);
      for (const pair of r.runsMs) for (const ms of pair) expect(ms).toBeGreaterThan(0);
      expect(r.minRatio).toBeLessThanOrEqual(r.maxRatio);
    }
    // About 60 processes, on a machine that may be busy with other work.
  }, 240_000);
});
