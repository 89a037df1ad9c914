import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir, tempStore } from '../helpers/run.js';

describe('rel agenda', () => {
  const store = tempStore('agenda');
  beforeAll(async () => {
    await ok(['demo'], { store });
  });

  it('prints a Markdown agenda for the sample journal', async () => {
    const out = await ok(['agenda', 'eve'], { store });
    expect(out).toMatch(/^# 1:2:1 with Eve Nakamura · Fri 27 Nov 2026\n/);
    for (const heading of [
      '## Talking points',
      '## Open follow-ups',
      '### What I owe Eve',
      '## Ambitions to revisit',
    ]) {
      expect(out).toContain(`\n${heading}\n`);
    }
    expect(out).not.toContain('\u001b[');
    expect(out).toMatchSnapshot();
  });

  it('writes it to a file with --out, private to the user, and says so on stderr', async () => {
    const file = path.join(tempDir('agenda-out'), 'ana.md');
    const r = await rel(['agenda', 'ana', '--out', file], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Wrote the agenda for Ana Silva to ${file}`);
    expect(fs.readFileSync(file, 'utf8')).toBe(await ok(['agenda', 'ana'], { store }));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prints the agenda as JSON', async () => {
    const agenda = JSON.parse(await ok(['agenda', 'jonas', '--json'], { store }));
    expect(agenda).toMatchObject({ id: 'jonas-weber', date: '2026-11-27' });
    expect(agenda.followUps.mine.length + agenda.followUps.theirs.length).toBeGreaterThanOrEqual(0);
    expect(agenda.talkingPoints.length).toBeGreaterThan(0);
  });

  it('refuses an unknown person with exit 2 and writes no file', async () => {
    const file = path.join(tempDir('agenda-none'), 'x.md');
    const r = await rel(['agenda', 'nobody', '--out', file], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No one called "nobody"');
    expect(bytesOf(file)).toBeNull();
  });
});
