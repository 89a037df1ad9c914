// rel inbox end to end, and the e-mail addresses on people that it matches attendees by.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/rel.js';

describe('e-mail addresses on people', () => {
  it('add and edit record them, profile shows them, and a taken or malformed one is refused', () => {
    const store = tempStore('emails');
    const o = { store };
    ok(['add', 'Ana Silva', '--email', 'Ana@Example.com', '--email', 'mailto:ana.silva@home.example'], o);
    ok(['add', 'Ben Okafor'], o);
    expect(readJson(store).people[0].emails).toEqual(['Ana@Example.com', 'ana.silva@home.example']);
    // Someone without an address has no field at all, as in journals written before them.
    expect(readJson(store).people[1]).not.toHaveProperty('emails');

    const before = bytesOf(store);
    for (const args of [
      ['add', 'Cy Young', '--email', 'ana@example.com'],
      ['edit', 'ben', '--email', 'ANA@example.com'],
      ['edit', 'ben', '--email', 'not-an-address'],
      ['edit', 'ben', '--remove-email', 'ben@example.com'],
    ]) {
      const r = rel(args, o);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/already Ana Silva's address|not an e-mail address|has no e-mail address/);
    }
    expect(bytesOf(store)).toEqual(before);

    expect(ok(['edit', 'ben', '--email', 'ben@example.com'], o)).toContain('emails ben@example.com');
    ok(['edit', 'ana', '--remove-email', 'ANA@example.com', '--email', 'ana@work.example'], o);
    const ana = JSON.parse(ok(['profile', 'ana', '--json'], o));
    expect(ana.emails).toEqual(['ana.silva@home.example', 'ana@work.example']);
    expect(ok(['profile', 'ana'], o)).toContain('ana.silva@home.example, ana@work.example');
    expect(JSON.parse(ok(['profile', 'ben', '--json'], o)).emails).toEqual(['ben@example.com']);
  });

  it('the calendar and me settings are kept by rel config', () => {
    const store = tempStore('emails-config');
    const env = { XDG_CONFIG_HOME: `${store}.config` };
    ok(['config', 'set', 'me', 'Me@Example.com, me@home.example'], { store, env });
    ok(['config', 'set', 'calendar', '/tmp/work.ics'], { store, env });
    const rows = JSON.parse(ok(['config', 'list', '--json'], { store, env }));
    expect(rows.find((r: { key: string }) => r.key === 'me').value).toBe('me@example.com, me@home.example');
    expect(rows.find((r: { key: string }) => r.key === 'calendar').value).toBe('/tmp/work.ics');
    expect(rel(['config', 'set', 'me', 'nobody'], { store, env }).code).toBe(2);
  });
});
