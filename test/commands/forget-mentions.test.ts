// rel forget keeps what was written about others, which may still name the person forgotten: the
// report counts those records and says how to review them, and nothing kept on disk names them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

describe('rel forget: records about others that still name them', () => {
  it('are counted in the report, with the search that finds them', async () => {
    const store = tempStore('forget-mentions');
    await ok(['add', 'Zelda Quux', '--alias', 'Zee'], { store });
    await ok(['add', 'Ben Okafor'], { store });
    await ok(['log', 'zelda', 'ben', '--kind', 'coffee', '--note', 'Zelda Quux told us about her move'], {
      store,
    });
    await ok(
      [
        'log',
        'ben',
        '--heard',
        "Worried about zelda quux's health",
        '--follow-up',
        'Introduce Zelda Quux to the recruiter',
      ],
      { store },
    );
    await ok(['note', 'ben', 'Zee is his cousin'], { store });
    await ok(['note', 'ben', 'Nothing about anyone'], { store });
    const r = await rel(['forget', 'zelda', '--yes'], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 records about others still name them');
    expect(r.stdout).toContain('review with rel search "Zelda Quux"');
    const json = await rel(['search', 'Zelda Quux', '--json'], { store });
    expect(JSON.parse(json.stdout)).toHaveLength(3);
    // The name is in the journal only where the user wrote it about others: not in rel's own words.
    const dir = path.dirname(store);
    for (const file of fs.readdirSync(dir).filter((f) => f !== path.basename(store))) {
      const full = path.join(dir, file);
      if (fs.statSync(full).isFile())
        expect(fs.readFileSync(full, 'utf8'), file).not.toContain('forgot Zelda');
    }
  });

  it('counts a short alias only as a whole word, never inside another word or in a name', async () => {
    const store = tempStore('forget-mentions');
    await ok(['add', 'Albert Green', '--alias', 'Al'], { store });
    await ok(['add', 'Alice Brown'], { store });
    await ok(['add', 'Bob Stone'], { store });
    // Not about Al: "Al" inside "call", "Alice", "also", "Dalí"; Alice's name is hers.
    await ok(['log', 'bob', 'alice', '--note', 'call Alice about the budget', '--heard', 'also Dalí'], {
      store,
    });
    await ok(['note', 'bob', 'Totally fine'], { store });
    // About Al: the alias as a word, in any case.
    await ok(['log', 'bob', '--heard', 'Al wants a raise', '--follow-up', 'Thank al.'], { store });
    const r = await rel(['forget', 'albert', '--yes', '--json'], { store });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stillMentionedIn).toBe(2);
  });

  it('says nothing when no record names them', async () => {
    const store = tempStore('forget-mentions');
    await ok(['add', 'Zelda Quux'], { store });
    await ok(['add', 'Ben Okafor'], { store });
    await ok(['log', 'ben', '--note', 'plain'], { store });
    const r = await rel(['forget', 'zelda', '--yes'], { store });
    expect(r.stdout).not.toContain('still name');
  });
});
