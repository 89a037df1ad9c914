// An export to a file is written as a temp file beside it, then renamed: the temp file holds the
// journal in the clear, in a hidden name the user does not know of. A SIGTERM during the write
// (`timeout`, a service manager) waits for it to finish, and a killed rel's temp file is removed by
// the next export to that name. Found by a tester. Through the built rel, faults from REL_FAULT.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, rel, tempDir, tempStore } from '../helpers/rel.js';

const hidden = (folder: string) => fs.readdirSync(folder).filter((name) => name.startsWith('.'));

describe('rel export --out stopped while it writes', () => {
  const store = tempStore('export-stopped');
  let whole = '';
  beforeAll(() => {
    ok(['demo'], { store });
    whole = ok(['export', '--format', 'markdown'], { store });
  });

  it.each(['temp-write', 'fsync', 'rename'])(
    'a SIGTERM at %s: the file is whole, no temp file is left, exit 143',
    (step) => {
      const folder = tempDir('export-term');
      const out = path.join(folder, 'out.md');
      const r = rel(['export', '--format', 'markdown', '--out', out], {
        store,
        env: { REL_FAULT: `${step}:term` },
      });
      expect(r.code, r.stderr).toBe(143);
      expect(fs.readFileSync(out, 'utf8')).toBe(whole.endsWith('\n') ? whole : `${whole}\n`);
      expect(hidden(folder)).toEqual([]);
    },
  );

  it('a rel killed while it wrote leaves a temp file that the next export there removes', () => {
    const folder = tempDir('export-kill');
    const out = path.join(folder, 'out.json');
    const killed = rel(['export', '--out', out], { store, env: { REL_FAULT: 'fsync:kill' } });
    expect(killed.code).toBe(null); // SIGKILL
    expect(hidden(folder)).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
    ok(['export', '--out', out], { store });
    expect(hidden(folder)).toEqual([]);
    expect(fs.existsSync(out)).toBe(true);
  });
});
