// rel agenda is about the whole person: it leads with what you meant to ask, has a section for
// life outside work, an upcoming birthday, and when each ambition was last discussed.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

describe('rel agenda, the whole person', () => {
  it('leads with ask-next, then Outside work, the birthday within the cadence, ambitions last discussed', async () => {
    const store = tempStore('agenda-person');
    const o = { store, now: '2026-11-20' };
    await ok(['add', "Tom O'Brien", '--birthday', '1990-12-01'], o);
    await ok(
      [
        'log',
        'tom',
        '--note',
        'x',
        '--ambition',
        'Tour Japan',
        '--skill',
        'Plays bass',
        '--follow-up',
        'Lend the amp',
        '--due',
        '2026-11-25',
      ],
      o,
    );
    await ok(['ask', 'tom', 'How did the band gig go?'], o);
    await ok(['note', 'tom', 'Two kids'], o);
    const later = { store, now: '2026-11-28' };
    const agenda = await ok(['agenda', 'tom'], later);
    expect(agenda).toContain('birthday in 3 days (1 Dec)');
    expect(agenda).toMatch(
      /## Talking points\n\n- \[ \] Ask: How did the band gig go\?\n- \[ \] Close the loop on: Lend the amp/,
    );
    expect(agenda).toMatch(/## Outside work\n\n- Plays bass\n- Two kids/);
    expect(agenda).toContain('- Tour Japan (last talked about 8 days ago)');
    const json = JSON.parse(await ok(['agenda', 'tom', '--json'], later));
    expect(json).toMatchObject({
      askNext: [{ text: 'How did the band gig go?', since: '2026-11-20' }],
      outsideWork: { skills: ['Plays bass'], notes: ['Two kids'] },
      birthday: '2026-12-01',
    });
    // Asked: the agenda no longer leads with it. A birthday beyond the next cadence is not shown.
    await ok(['ask', 'done', 'tom', 'gig'], later);
    const after = await ok(['agenda', 'tom'], { store, now: '2026-12-02' });
    expect(after).not.toContain('band gig');
    expect(after).not.toContain('birthday');
  });
});
