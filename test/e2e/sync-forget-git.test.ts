// After a forget and the syncs that carry it, no file in either machine's journal folder, its
// .git included, holds the forgotten name in plain text: not the message of the last commit git
// keeps (.git/COMMIT_EDITMSG), not a reflog, not a merge message. What git keeps compressed (the
// history's objects) is the history the README names as out of reach.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempDir } from '../helpers/rel.js';

/** Every file under `folder`, .git included, whose bytes hold `text`. */
function filesHolding(folder: string, text: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && fs.readFileSync(file).includes(text))
        found.push(path.relative(folder, file));
    }
  };
  walk(folder);
  return found;
}

describe('a forget through sync leaves the name in no file rel or its git writes', {
  timeout: 300_000,
}, () => {
  it.each([
    ['the forget comes as a fast-forward', false],
    ['the forget meets a change on the other machine (a merge)', true],
  ])('%s', (_what, apart) => {
    const dir = tempDir('forget-git');
    const remote = path.join(dir, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const a = path.join(dir, 'a', 'data', 'journal.json');
    const b = path.join(dir, 'b', 'data', 'journal.json');
    const at = (minute: number) => `2026-12-02T12:${String(minute).padStart(2, '0')}:00Z`;
    ok(['add', 'Ana Silva'], { store: a, now: at(0) });
    ok(['sync', '--init', `file://${remote}`], { store: a, now: at(1) });
    ok(['sync', '--init', `file://${remote}`], { store: b, now: at(2) });
    // Each machine commits a change about Gus: its commit message names him.
    ok(['add', 'Gus Secret'], { store: b, now: at(3) });
    ok(['log', 'gus', '--note', 'chat'], { store: b, now: at(4) });
    ok(['sync'], { store: b, now: at(5) });
    ok(['sync'], { store: a, now: at(6) });
    ok(['log', 'gus', 'ana', '--kind', 'meeting', '--note', 'planning'], { store: a, now: at(7) });
    ok(['sync'], { store: a, now: at(8) });
    ok(['sync'], { store: b, now: at(9) });
    ok(['log', 'gus', '--note', 'again'], { store: b, now: at(10) });
    ok(['sync'], { store: b, now: at(11) });
    ok(['sync'], { store: a, now: at(12) });
    // Before the forget, the name is there to find (the journal, its backups).
    expect(filesHolding(path.dirname(b), 'Gus Secret')).toContain('journal.json');

    ok(['forget', 'gus', '--yes'], { store: a, now: at(13) });
    if (apart) ok(['log', 'ana', '--note', 'on b meanwhile'], { store: b, now: at(14) });
    ok(['sync'], { store: a, now: at(15) });
    expect(ok(['sync'], { store: b, now: at(16) })).toMatch(/Received: .*1 person.* removed/);
    ok(['sync'], { store: a, now: at(17) });
    for (const store of [a, b]) {
      const folder = path.dirname(store);
      expect(filesHolding(folder, 'Gus Secret'), store).toEqual([]);
      expect(filesHolding(folder, 'gus-secret'), store).toEqual([]);
    }
  });
});
