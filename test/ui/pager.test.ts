// A $PAGER the shell cannot run (not installed, not executable), or one that fails at once
// (PAGER=false), must not swallow the output: the text is printed by rel itself, with a warning
// that says why and what to do.
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/ui/io.js';
import { page } from '../../src/ui/pager.js';

function fakeIo(pager: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    env: { PAGER: pager, PATH: process.env.PATH },
    width: 80,
    stdoutIsTTY: true,
    terminal: { rows: 5, columns: 80 },
    out: (text: string) => out.push(text),
    err: (text: string) => err.push(text),
  } as unknown as Io;
  return { io, out, err };
}

const text = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');

describe('page() through a $PAGER', () => {
  it.each(['/nonexistent/pager', 'no-such-pager-anywhere'])(
    '%s cannot run: the text is printed here, with a warning',
    async (pager) => {
      const { io, out, err } = fakeIo(pager);
      await page(io, text);
      expect(out.join('')).toContain('line 19');
      expect(err.join('')).toContain(`the pager (PAGER=${pager}) could not be run`);
    },
  );

  it('a pager that runs shows the text itself: rel prints nothing of it', async () => {
    const { io, out, err } = fakeIo('cat > /dev/null');
    await page(io, text);
    expect(out).toEqual([]);
    expect(err).toEqual([]);
  });

  it.each([
    ['false', 'exited with status 1'],
    ['exit 3', 'exited with status 3'],
  ])('PAGER=%s fails at once: the text is printed here, with a warning', async (pager, why) => {
    const { io, out, err } = fakeIo(pager);
    await page(io, text);
    expect(out.join('')).toContain('line 19');
    expect(err.join('')).toContain(`the pager (PAGER=${pager}) ${why}; showing the text here.`);
  });

  it.each(['', 'cat', ' cat '])(
    'PAGER="%s" prints the text without a pager, and warns of nothing',
    async (pager) => {
      const { io, out, err } = fakeIo(pager);
      await page(io, text);
      expect(out.join('')).toContain('line 19');
      expect(err).toEqual([]);
    },
  );
});
