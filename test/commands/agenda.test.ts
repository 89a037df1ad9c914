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

describe('rel agenda, contact since the last time together', () => {
  it('lists each with the note --json gives for it', async () => {
    const store = tempStore('agenda-also');
    await ok(['add', 'Ana Silva'], { store, now: '2026-11-01T09:00:00' });
    await ok(['log', 'ana', '--date', '2026-11-20', '--note', 'caught up'], {
      store,
      now: '2026-11-20T09:00:00',
    });
    const later = { store, now: '2026-12-03T09:00:00' };
    await ok(
      ['log', 'ana', '--kind', 'e-mail', '--date', '2026-11-30', '--note', 'sent the offsite plan, asked'],
      later,
    );
    await ok(['log', 'ana', '--kind', 'slack', '--date', '2026-12-01'], later);
    await ok(
      [
        'log',
        'ana',
        '--size',
        '5',
        '--kind',
        'meeting',
        '--date',
        '2026-12-02',
        '--note',
        'Q4 all-hands review, Ana presented',
      ],
      later,
    );
    const json = JSON.parse(await ok(['agenda', 'ana', '--json'], later));
    expect(json.alsoSince).toEqual([
      { date: '2026-11-30', kind: 'e-mail', note: 'sent the offsite plan, asked' },
      { date: '2026-12-01', kind: 'slack', note: '' },
      { date: '2026-12-02', kind: 'meeting', note: 'Q4 all-hands review, Ana presented' },
    ]);
    expect(await ok(['agenda', 'ana'], later)).toContain(
      '\nAlso: e-mail 30 Nov (sent the offsite plan, asked), slack 1 Dec, Q4 all-hands review 2 Dec (Ana presented)\n',
    );
  });
});
