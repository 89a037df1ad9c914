// Who said it, everywhere: a note heard from one person is theirs in the Markdown export and in
// search; a note heard from the group is under each person there, marked as heard in a group.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempDir, tempStore } from '../helpers/run.js';

async function meeting(): Promise<string> {
  const store = tempStore('who');
  for (const name of ["Tom O'Brien", 'Léa Martin', 'Ana Silva'])
    await ok(['add', name], { store, now: '2026-11-01' });
  await ok(
    [
      'log',
      'tom',
      'lea',
      'ana',
      '--kind',
      'meeting',
      '--heard',
      'Léa: wants to move to Lyon',
      '--heard',
      'Tired of the reorg',
    ],
    {
      store,
      now: '2026-11-20',
    },
  );
  return store;
}

/** Each person's section of the Markdown export, by name. */
function sections(markdown: string): Map<string, string> {
  const parts = markdown.split(/^## /m).slice(1);
  return new Map(parts.map((part) => [part.slice(0, part.indexOf('\n')), part]));
}

describe('who said it', () => {
  it('the Markdown export puts a note heard from one person in their section only', async () => {
    const store = await meeting();
    const file = path.join(tempDir('who-md'), 'journal.md');
    await ok(['export', '--format', 'markdown', '--out', file], { store });
    const byName = sections(fs.readFileSync(file, 'utf8'));
    expect([...byName.keys()].sort()).toEqual(['Ana Silva', 'Léa Martin', "Tom O'Brien"]);
    expect(byName.get('Léa Martin')).toContain('- wants to move to Lyon');
    for (const name of ['Ana Silva', "Tom O'Brien"]) expect(byName.get(name)).not.toContain('Lyon');
    for (const name of byName.keys())
      expect(byName.get(name)).toContain('- Tired of the reorg (heard in a group)');
  });

  it('rel search shows a heard note under the person it was heard from, a group note under each', async () => {
    const store = await meeting();
    const lyon = JSON.parse(await ok(['search', 'lyon', '--json'], { store }));
    expect(lyon.map((h: { person: string; field: string }) => [h.person, h.field])).toEqual([
      ['Léa Martin', 'heard'],
    ]);
    const reorg = JSON.parse(await ok(['search', 'reorg', '--json'], { store }));
    expect(reorg.map((h: { personId: string }) => h.personId).sort()).toEqual([
      'ana-silva',
      'lea-martin',
      'tom-o-brien',
    ]);
  });
});
