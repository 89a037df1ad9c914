// rel people at 80, 100 and 120 columns: a Last seen that has a shorter form (the dates alone)
// takes it before Role wraps in most rows, and keeps its full form where everything fits.
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleWidth } from '../../src/ui/wrap.js';
import { ok, tempStore } from '../helpers/run.js';

const now = '2026-12-02T10:00:00';
let store = '';

beforeAll(async () => {
  store = tempStore('people-widths');
  const o = { store, now };
  for (const [name, role, team] of [
    ['Ana Silva', 'Staff Engineer', 'Platform'],
    ['Ben Okafor', 'Senior Engineer', 'Payments'],
    ['Chloé Martin', 'Engineering Manager', 'Growth'],
    ['Dev Patel', 'Product Designer', 'Platform'],
  ] as const) {
    await ok(['add', name, '--role', role, '--team', team], o);
  }
  // A 1:2:1 each, and a message since: "2 weeks ago · 18 Nov (message 30 Nov)".
  for (const [who, together, message] of [
    ['ana', '2026-11-18', '2026-11-30'],
    ['ben', '2026-11-10', '2026-11-25'],
    ['chloé', '2026-11-20', '2026-12-01'],
    ['dev', '2026-11-27', '2026-11-30'],
  ] as const) {
    await ok(['log', who, '--date', together], o);
    await ok(['log', who, '--date', message, '--kind', 'message'], o);
  }
}, 60_000);

const people = (columns: number) => ok(['people'], { store, now, env: { COLUMNS: String(columns) } });

/** The table's lines: the heading and the rows, before the count under it. */
const tableOf = (text: string) => text.split('\n\n')[0]!.split('\n');

describe('rel people and the width of the terminal', () => {
  it('at 120 columns: every column whole, Last seen in full', async () => {
    const table = tableOf(await people(120));
    expect(table).toHaveLength(5);
    expect(table[3]).toMatch(
      /^Chloé Martin {2}Engineering Manager, Growth {2}12 days ago · 20 Nov \(message 1 Dec\) +monthly {2}due in 2 weeks · 18 Dec$/,
    );
  });

  it('at 100 columns: Last seen gives way (the dates alone) before Role wraps in every row', async () => {
    const table = tableOf(await people(100));
    // One line a person: no role wrapped.
    expect(table).toHaveLength(5);
    expect(table[3]).toMatch(
      /^Chloé Martin {2}Engineering Manager, Growth {2}20 Nov \(message 1 Dec\) +monthly {2}due in 2 weeks · 18 Dec$/,
    );
    for (const line of table) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
  });

  it('at 80 columns: the cadence left out, the dates alone, names and Next whole', async () => {
    const text = await people(80);
    for (const line of text.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(80);
    const table = tableOf(text);
    expect(table[0]).toMatch(/^Name +Role +Last seen +Next$/);
    expect(table[1]).toMatch(
      /^Ana Silva +Staff Engineer, +18 Nov \(message 30 Nov\) +due in 2 weeks · 18 Dec$/,
    );
  });
});
