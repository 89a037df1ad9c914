// rel log's "Seen, not time together" is a footnote to what was logged: in a terminal, where
// stdout and stderr are one screen, it comes after the "Logged ..." lines, not before them.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ok, relEnv, tempStore } from '../helpers/rel.js';

describe('rel log on one screen', () => {
  it.each([[[] as string[]], [['--json']]])('says "Seen, not time together" last %j', (extra) => {
    const store = tempStore('notice-order');
    ok(['add', 'Ana Silva'], { store });
    // One file for both streams, as a terminal shows them: each line lands in the order written.
    const r = spawnSync(
      'sh',
      [
        '-c',
        'bin=$1; shift; "$0" "$bin" log ana --kind email --note "Sent the deck" "$@" 2>&1',
        process.execPath,
        BIN,
        ...extra,
      ],
      {
        env: relEnv({ store }),
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^Seen, not time together \(email: written, not spoken\)/);
    expect(lines.length).toBeGreaterThan(1);
  });
});
