// A --tag no one has is a typo, not good news: rel due and rel stats refuse it as rel pulse does.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

describe('--tag no one has', () => {
  it('rel due and rel stats refuse it with exit 2 and the tags there are; a known one still narrows', async () => {
    const store = tempStore('unknown-tag');
    await ok(['add', 'Ana Silva', '--tag', 'platform', '--tag', 'mentor'], { store });
    await ok(['add', 'Ben Okafor'], { store });
    const before = bytesOf(store);
    for (const command of ['due', 'stats']) {
      const r = await rel([command, '--tag', 'nosuch'], { store });
      expect(r.code, command).toBe(2);
      expect(r.stdout, command).toBe('');
      expect(r.stderr, command).toContain('No one in your journal has the tag "nosuch".');
      expect(r.stderr, command).toContain('The tags are: mentor, platform.');
      // Any case and accents name the same tag.
      expect((await rel([command, '--tag', 'Platform'], { store })).code, command).toBe(0);
    }
    expect(bytesOf(store)).toEqual(before);
  });
});
