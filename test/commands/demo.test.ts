import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/journal.js';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

describe('rel demo', () => {
  it('fills a new store with a sample team and points to the next commands', async () => {
    const store = tempStore('demo');
    const r = await rel(['demo', '--store', store]);
    expect(r.code).toBe(0);
    // The store's folder did not exist: a --store path typed by hand is said when it starts a journal.
    expect(r.stderr).toBe(
      `rel: --store: started a new journal at ${store} (the folder ${path.dirname(store)} did not exist and was made).\n`,
    );
    // Lines are wrapped to the width: read the words, not the line breaks.
    const words = r.stdout.replace(/\s+/g, ' ');
    // The count is the one rel people shows; the archived person is said apart.
    expect(words).toMatch(
      /Added a sample team to .*: 13 people \(and 1 archived\), \d+ conversations, \d+ follow-ups\./,
    );
    expect(JSON.parse(await ok(['people', '--json'], { store }))).toHaveLength(13);
    expect(words).toContain(`rel due --store ${store}`);
    const journal = readJson(store);
    expect(journal.schema).toBe(SCHEMA_VERSION);
    expect(journal.people.map((p: { name: string }) => p.name)).toContain('Ana Silva');
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
    // Someone is due, someone long overdue, someone never seen.
    const due = JSON.parse(await ok(['due', '--json'], { store }));
    expect(due.find((row: { name: string }) => row.name === 'Noah Kim')?.lastSeen).toBeNull();
    expect(
      due.some((row: { overdueDays: number; cadenceDays: number }) => row.overdueDays > row.cadenceDays),
    ).toBe(true);
  });

  it('makes the same journal for the same REL_NOW, wherever REL_STORE points', async () => {
    const a = tempStore('demo-a');
    const b = tempStore('demo-b');
    await ok(['demo', '--store', a]);
    await ok(['demo'], { store: b });
    expect(bytesOf(a)?.equals(bytesOf(b)!)).toBe(true);
  });

  it('refuses a store that already holds data, and changes nothing', async () => {
    const store = tempStore('demo-full');
    await ok(['add', 'Kim Lee'], { store });
    const before = bytesOf(store);
    const r = await rel(['demo'], { store });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('already holds a journal');
    expect(r.stderr).toContain('rel demo --store /tmp/rel-demo.json');
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });

  it('refuses a second run', async () => {
    const store = tempStore('demo-twice');
    await ok(['demo'], { store });
    const before = bytesOf(store);
    expect((await rel(['demo'], { store })).code).toBe(1);
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });

  it('a second run on the demo says it holds the demo and how to look around, not the same command again', async () => {
    const store = tempStore('demo-again');
    await ok(['demo', '--store', store]);
    const r = await rel(['demo', '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${store} already holds the demo journal`);
    expect(r.stderr).toContain(`Look around in it: rel due --store ${store}`);
    expect(r.stderr).toContain(`rm ${store}, then rel demo --store ${store}`);
    expect(r.stderr).not.toContain('Try it on a throwaway file');
  });
});
