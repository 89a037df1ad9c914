// rel conversation edit that takes a conversation out of time together says so, as rel log does:
// a new kind (--kind E-Mail) or size moved everyone's check-ins back without a word.
import { describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

async function logged(kind = '1:2:1'): Promise<{ store: string; id: string }> {
  const store = tempStore('edit-not-together');
  await ok(['add', 'Ana Silva'], { store });
  const entry = JSON.parse(
    await ok(['log', 'ana', '--kind', kind, '--note', 'Roadmap', '--json'], { store }),
  );
  return { store, id: entry.id as string };
}

describe('rel conversation edit and time together', () => {
  it('says when a new kind makes it written: no longer time together, and how to count it', async () => {
    const { store, id } = await logged();
    const r = await rel(['conversation', 'edit', id, '--kind', 'E-Mail'], { store });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `No longer time together (E-Mail: written, not spoken): the next check-ins of the people in it no longer follow it. To count it: rel conversation edit ${id} --counts\n`,
    );
  });

  it.each([
    ['a note changed', '1:2:1', ['--note', 'Roadmap and the offsite']],
    ['written already', 'email', ['--kind', 'Slack']],
    ['still spoken', '1:2:1', ['--kind', 'coffee']],
  ])('%s: nothing more is said', async (_what, kind, args) => {
    const { store, id } = await logged(kind);
    const r = await rel(['conversation', 'edit', id, ...args], { store });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
