// rel log <typo> --create, with a close name already in the journal: in a terminal the close name
// is offered first; without one the new person is added (scripts keep working) and stderr says so.
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

async function journal() {
  const store = tempStore('log-close-name');
  const o = { store, now: '2026-12-02T10:00:00' };
  await ok(['add', 'Rachel Green'], o);
  return o;
}

const names = (store: string) => readJson(store).people.map((p: { name: string }) => p.name);

describe('rel log --create and a close name', () => {
  it('without a terminal: adds the new person, exit 0, and says on stderr whom it may have meant', async () => {
    const o = await journal();
    const r = await rel(['log', 'rachl', '--kind', 'call', '--create'], o);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'Added "rachl" as a new person, though Rachel Green (rachel-green) is already in your journal. Did you mean them? If so: rel merge rachel-green rachl',
    );
    expect(names(o.store)).toEqual(['Rachel Green', 'rachl']);
    // Nothing said for a name not close to anyone.
    const other = await rel(['log', 'Kim Lee', '--kind', 'call', '--create'], o);
    expect(other.code).toBe(0);
    expect(other.stderr).toBe('');
  });

  it('in a terminal: offers the close name first, and logs with them when chosen', async () => {
    const o = await journal();
    const r = await rel(['log', 'rachl', '--note', 'Roadmap', '--create'], {
      ...o,
      answers: ['Rachel Green (rachel-green)'],
    });
    expect(r.code).toBe(0);
    expect(r.asked[0]!.message).toContain('"rachl" is not in your journal, but a close name is. Who was it?');
    expect(r.asked[0]!.choices).toEqual(['Rachel Green (rachel-green)', 'Add "rachl" as a new person']);
    expect(names(o.store)).toEqual(['Rachel Green']);
    expect(readJson(o.store).conversations[0].with).toEqual(['rachel-green']);
  });

  it('in a terminal: adds the new person when that is chosen, without the warning', async () => {
    const o = await journal();
    const r = await rel(['log', 'rachl', '--note', 'Roadmap', '--create'], {
      ...o,
      answers: ['Add "rachl" as a new person'],
    });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Did you mean');
    expect(names(o.store)).toEqual(['Rachel Green', 'rachl']);
  });

  it('in a full rel log in a terminal: adding the new person asks role, relationship and cadence', async () => {
    const o = await journal();
    const r = await rel(['log', 'rachl', '--create'], {
      ...o,
      answers: [
        'Add "rachl" as a new person',
        'Designer',
        'peer',
        '2w',
        // today, the kind preselected, no minutes, a note; nothing heard, promised or to ask.
        '',
        '',
        '',
        'Intro chat',
        ...['', '', '', '', '', ''],
      ],
    });
    expect(r.code).toBe(0);
    expect(r.asked.slice(1, 4).map((a) => a.message)).toEqual([
      "rachl's role (Enter to skip)",
      'rachl is your… (Enter to skip)',
      'How often to catch up with rachl? (Enter for the default; 2w, monthly)',
    ]);
    expect(readJson(o.store).people.find((p: { name: string }) => p.name === 'rachl')).toMatchObject({
      role: 'Designer',
      relationship: 'peer',
      cadenceDays: 14,
    });
    expect(readJson(o.store).conversations[0]).toMatchObject({ with: ['rachl'], note: 'Intro chat' });
  });
});
