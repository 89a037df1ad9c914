// A long note (a page pasted through `rel log --note -`) does not push the rest of the person off
// the screen in rel profile: its first lines, then where the whole note is. rel history keeps it all.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

describe('rel profile with a long note', () => {
  const store = tempStore('profile-long-note');
  const o = { store, now: '2026-11-20' };
  const page = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of what we talked about.`).join('\n');

  it('shows the first five lines and says how many more, a short note whole', async () => {
    await ok(['add', 'Ana Silva'], o);
    await ok(['log', 'ana', '--note', '-', '--no-input', '--date', '2026-11-19'], { ...o, input: page });
    await ok(['log', 'ana', '--note', 'Short one\nsecond line', '--no-input'], o);
    const profile = await ok(['profile', 'ana'], o);
    expect(profile).toContain(
      '    Line 5 of what we talked about.\n    … 35 more lines (rel history ana-silva shows the whole note)\n',
    );
    expect(profile).not.toContain('Line 6 of');
    expect(profile).toContain('    Short one\n    second line\n');
    const history = await ok(['history', 'ana'], o);
    expect(history).toContain('Line 40 of what we talked about.');
  });

  it('a note of exactly six lines is shown whole', async () => {
    const six = tempStore('profile-six-lines');
    await ok(['add', 'Ben Ong'], { ...o, store: six });
    const text = Array.from({ length: 6 }, (_, i) => `Point ${i + 1}`).join('\n');
    await ok(['log', 'ben', '--note', text, '--no-input'], { ...o, store: six });
    const profile = await ok(['profile', 'ben'], { ...o, store: six });
    expect(profile).toContain('    Point 6\n');
    expect(profile).not.toContain('more lines');
  });
});
