// Node's modules that a command does not need are not loaded at its start (scripts/build.mjs,
// LAZY_BUILTINS): a command that only reads the journal never loads node:crypto, and a command
// that needs it (a write, an encrypted journal, a summary written afresh) gets it on first use. One
// that prints through a pipe or into a file loads none of Node's streams.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, rel, tempDir, tempStore } from '../helpers/rel.js';

const HOOK = path.resolve(import.meta.dirname, '../helpers/builtins-loaded.cjs');
/** Node's streams, and the modules that load them; of which a bare node loads one piece of its own. */
const STREAMS = /^(stream|net|tty|v8)$|^internal\/streams\/(?!utils$)/;

/** What `rel args` printed and the built-ins it loaded. */
function run(args: string[], store: string, env: Record<string, string> = {}) {
  const file = path.join(tempDir('builtins'), 'loaded.txt');
  const r = rel(args, { store, env: { ...env, NODE_OPTIONS: `--require ${HOOK}`, REL_TEST_BUILTINS: file } });
  return { ...r, builtins: fs.readFileSync(file, 'utf8').split('\n') };
}

describe('built-ins loaded on first use', () => {
  it('a command that only reads loads no node:crypto; one that writes loads it, and works', () => {
    const store = tempStore('lazy-builtins');
    ok(['demo'], { store });
    ok(['due'], { store }); // the summary beside the journal, which the reads below check against
    ok(['stats'], { store }); // and rel stats's, which the stats below reads instead of the journal
    const reads = [
      ['due'],
      ['due', '--json'],
      ['people', '--json'],
      ['profile', 'maya', '--json'],
      ['todo', '--json'],
      ['search', 'team', '--json'],
      ['stats', '--json'],
      ['history', 'maya'],
    ];
    for (const args of reads) {
      const r = run(args, store);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect({ args, crypto: r.builtins.filter((m) => /crypto/.test(m)) }).toEqual({ args, crypto: [] });
      // Printed through a pipe, which rel writes to by its descriptor (ui/io.ts): no streams either.
      // node:tty (chalk's own colour check) and node:v8 (the code cache's checksum flag) would load
      // node:net and the streams (chalkTold in scripts/build.mjs, setV8Flags in src/dispatch.ts).
      expect({ args, streams: r.builtins.filter((m) => STREAMS.test(m)) }).toEqual({ args, streams: [] });
    }
    // A write digests the text it writes and names its temp file at random: crypto, loaded then.
    const log = run(['log', 'maya', '--note', 'Lazy crypto.', '--no-input'], store);
    expect(log.code).toBe(0);
    expect(log.builtins).toContain('crypto');
    expect(ok(['history', 'maya'], { store })).toContain('Lazy crypto.');
    // With the summary gone, rel due reads the journal whole and writes the summary again (its tag).
    for (const name of fs.readdirSync(path.join(path.dirname(path.dirname(store)), 'state', 'rel')))
      if (name.startsWith('due-'))
        fs.rmSync(path.join(path.dirname(path.dirname(store)), 'state', 'rel', name));
    const due = run(['due', '--json'], store);
    expect(due.code).toBe(0);
    expect(due.builtins).toContain('crypto');
    expect(run(['due', '--json'], store).stdout).toBe(due.stdout);
    // The log removed rel stats's summary: the next rel stats reads in full and writes it again.
    const stats = run(['stats', '--json'], store);
    expect(stats.code).toBe(0);
    expect(stats.builtins).toContain('crypto');
    const again = run(['stats', '--json'], store);
    expect(again.stdout).toBe(stats.stdout);
    expect(again.builtins.filter((m) => /crypto/.test(m))).toEqual([]);
  });

  it('an encrypted journal is read and written with crypto loaded when it is met', () => {
    const store = tempStore('lazy-builtins-encrypted');
    const env = { REL_PASSPHRASE: 'correct horse', REL_KDF_LOG_N: '10' };
    ok(['demo'], { store });
    const plain = ok(['profile', 'maya', '--json'], { store });
    ok(['encrypt', '--no-input'], { store, env });
    const read = run(['profile', 'maya', '--json'], store, env);
    expect(read.code).toBe(0);
    expect(read.stdout).toBe(plain);
    expect(read.builtins).toContain('crypto');
    const log = run(['log', 'maya', '--note', 'Sealed.', '--no-input'], store, env);
    expect(log.code).toBe(0);
    expect(ok(['history', 'maya'], { store, env })).toContain('Sealed.');
  });
});
