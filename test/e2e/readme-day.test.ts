// The README's "A day with rel" is what rel prints: each `$ rel ...` of its console block is run
// through the built rel, in order, on a fresh journal on the day the example is set (27 Nov
// 2026), and what it prints (stdout, then stderr, as a terminal shows a command that writes one
// after the other) must be the lines the README shows under it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rel, tempStore } from '../helpers/rel.js';

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

interface Step {
  command: string;
  shown: string;
}

/** The `$ ` commands of the section's console block (a line ending in `\` goes on), each with the lines under it. */
function steps(): Step[] {
  const section = README.split('\n## A day with rel\n')[1]!.split('\n## ')[0]!;
  const block = section.split('```console\n')[1]!.split('\n```')[0]!;
  const out: Step[] = [];
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('$ ')) continue;
    let command = lines[i]!.slice(2);
    while (command.endsWith('\\')) command = `${command.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    const shown: string[] = [];
    while (i + 1 < lines.length && !lines[i + 1]!.startsWith('$ ')) shown.push(lines[++i]!);
    out.push({ command, shown: shown.join('\n').trimEnd() });
  }
  return out;
}

/** Words as a shell splits them: spaces, and "double quotes" around words with spaces. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('README: A day with rel', () => {
  it('every command of the example prints what the README shows', () => {
    const store = tempStore('readme-day');
    const all = steps();
    expect(all.map((s) => words(s.command)[0])).toEqual(['rel', 'rel', 'rel', 'rel', 'rel']);
    for (const { command, shown } of all) {
      const r = rel(words(command).slice(1), { store, now: '2026-11-27', env: { COLUMNS: '100' } });
      expect({ command, code: r.code }).toEqual({ command, code: 0 });
      expect({ command, printed: `${r.stdout}${r.stderr}`.trimEnd() }).toEqual({ command, printed: shown });
    }
  });
});
