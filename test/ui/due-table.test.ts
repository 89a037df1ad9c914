// The due table in a narrow terminal: the later contact that was not time together stays
// readable (a shorter form before the column is left out), and a row that wraps is never lost.
import { describe, expect, it } from 'vitest';
import type { ComingUpRow } from '../../src/core/birthdays.js';
import type { LastContact } from '../../src/core/due.js';
import { renderDue } from '../../src/ui/render/due.js';
import type { Theme } from '../../src/ui/theme.js';

const plain: Theme = {
  bold: (s) => s,
  dim: (s) => s,
  heading: (s) => s,
  accent: (s) => s,
  good: (s) => s,
  warn: (s) => s,
  mark: (s) => s,
};

const TODAY = '2026-11-27';

function row(
  id: string,
  name: string,
  lastTogether: string | null,
  lastSeen: string,
  dueOn: string,
): ComingUpRow {
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  return {
    reason: 'checkIn',
    id,
    name,
    lastSeen,
    daysSince: days(lastSeen, TODAY),
    lastTogether,
    daysSinceTogether: lastTogether ? days(lastTogether, TODAY) : null,
    cadenceDays: 14,
    dueOn,
    overdueDays: days(dueOn, TODAY),
    overdueFollowUps: [],
    lastAppreciated: null,
  };
}

// Dev Patel, never together, is due on Sunday 1 Nov, the day added: due from that day itself, not
// from the working day before it (a check-in is never due before it was set).
const group: LastContact = { class: 'group', kind: 'meeting', together: false };
const message: LastContact = { class: 'written', kind: 'message', together: false };

function render(names: [string, string, string], width: number): string {
  const rows = [
    row('dev', names[0], null, '2026-11-20', '2026-11-01'),
    row('ana', names[1], '2026-11-06', '2026-11-24', '2026-11-20'),
    row('ben', names[2], '2026-11-06', '2026-11-20', '2026-11-20'),
  ];
  return renderDue(
    {
      rows,
      today: TODAY,
      withinDays: undefined,
      tag: undefined,
      peopleCount: 3,
      next: undefined,
      overdueFollowUps: [],
      lastContacts: new Map([
        ['dev', group],
        ['ana', message],
        ['ben', group],
      ]),
    },
    plain,
    width,
  );
}

const short: [string, string, string] = ['Dev Patel', 'Ana Silva', 'Ben Okafor'];
const long: [string, string, string] = ['Dev Patel', 'Ana Silva', 'Carla Mendes-Oliveira'];

describe('the due table at every width', () => {
  it.each([
    [
      120,
      short,
      /^Dev Patel +not together yet \(seen in a group 20 Nov\) +every 2 weeks +due 4 weeks ago · 1 Nov$/,
    ],
    [120, short, /^Ana Silva +3 weeks ago · 6 Nov \(message 24 Nov\) +every 2 weeks/],
    // At 80 the shorter form keeps what the parenthesis says, and the cadence too.
    [80, short, /^Dev Patel +not yet \(group 20 Nov\) +every 2 weeks +due 4 weeks ago · 1 Nov$/],
    [80, short, /^Ana Silva +6 Nov \(message 24 Nov\) +every 2 weeks/],
    [80, short, /^Ben Okafor +6 Nov \(group 20 Nov\) +every 2 weeks/],
    // A long name: the cadence is left out before the contact is.
    [80, long, /^Carla Mendes-Oliveira +6 Nov \(group 20 Nov\) +due 7 days ago · 20 Nov$/],
  ] as const)('at %i columns (%j) shows %s', (width, names, line) => {
    const out = render([...names], width);
    expect(out).toMatch(new RegExp(line.source, 'm'));
    for (const l of out.split('\n')) expect(l.length).toBeLessThanOrEqual(width);
  });

  it.each([40, 30, 20])('keeps every row at %i columns, however many lines each takes', (width) => {
    const out = render([...long], width);
    for (const name of ['Dev', 'Ana', 'Carla']) expect(out).toMatch(new RegExp(`^${name}`, 'm'));
    expect(out.match(/20 Nov/g)).toHaveLength(2);
    expect(out).toMatch(/Time to catch up/);
  });
});
