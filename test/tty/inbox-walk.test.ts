// The inbox in a real terminal (tmux): the walk, one meeting at a time, and Ctrl+C in the middle.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOGLE, PEOPLE } from '../helpers/calendars.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { readJson, tempStore } from '../helpers/rel.js';
import { ok } from '../helpers/run.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

function setup() {
  const store = tempStore('inbox-walk');
  const calendar = path.join(path.dirname(store), 'google.ics');
  fs.mkdirSync(path.dirname(store), { recursive: true });
  fs.writeFileSync(calendar, GOOGLE);
  const people = PEOPLE.map(([name, , email], i) =>
    person(i === 0 ? 'ana' : `p${i}`, name!, {
      createdAt: '2026-10-01T09:00:00.000Z',
      ...(email ? { emails: [email] } : {}),
    }),
  );
  writeJournal(store, journalText(people));
  const o = {
    store,
    now: '2026-11-27T12:00:00',
    env: { TZ: 'Europe/London', REL_ME: 'me@example.com', REL_CALENDAR: calendar },
  };
  return { store, o };
}

/** rel log's questions after the note, each skipped with Enter, for a meeting with one person. */
async function skipTheRest(t: Terminal): Promise<void> {
  for (const prompt of [
    'What did you hear from Ana?',
    'ambition or a life goal',
    'skill, talent or passion',
    'Did you promise to do anything?',
    'Did they promise anything?',
    'Anything to ask about next time?',
  ]) {
    await t.answer(prompt, '');
  }
}

describe('the inbox walk', { timeout: 120_000 }, () => {
  it('Enter logs into the prefilled capture; s, d, n and q; Ctrl+C keeps what was logged before', async () => {
    const { store, o } = setup();
    term = new Terminal(['inbox'], o);
    await term.waitFor('18 meetings to log since 13 Nov');
    // The oldest first: the stand-up of 13 Nov. n: never this series again.
    await term.waitFor(
      /1 of 18 .*13 Nov 09:30 · 15m · Daily stand-up · with Ben Okafor, Ana Silva and 5 others/,
    );
    await term.waitFor('n never this series');
    await term.press('n');
    await term.waitFor('Dismissed every "Daily stand-up"');
    // The next is not a stand-up: the series went with it.
    await term.waitFor(/3 of 18 .*16 Nov 14:00 · 30m · Partner call/);
    await term.press('s');
    await term.waitFor(/5 of 18 .*17 Nov 14:00 · 30m · Ana <> Me 1:1 · with Ana Silva · 1:2:1, one-to-one/);
    await term.press('Enter');
    await term.answer('What did you talk about?', 'Roadmap and the offsite');
    await skipTheRest(term);
    await term.waitFor('Logged a 1:2:1 with Ana Silva on 17 Nov (30 min).');
    await term.waitFor(/9 of 18 .*Coffee with Ben and Chloé/);
    await term.press('s');
    await term.waitFor(/11 of 18 .*23 Nov 14:00 · 30m · Partner call/);
    await term.press('d');
    await term.waitFor(/Dismissed "Partner call" of 23 Nov/);
    await term.waitFor(/13 of 18 .*Lunch with Eve/);
    await term.press('d');
    await term.waitFor(/15 of 18 .*Walk with Ben Okafor/);
    await term.press('s');
    // The last 1:1: into the capture, then Ctrl+C half-way.
    await term.waitFor(/17 of 18 .*26 Nov 15:00 · 30m · Ana <> Me 1:1/);
    await term.press('Enter');
    await term.answer('What did you talk about?', 'Half a note');
    await term.waitFor('What did you hear from Ana?');
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain(
      'Stopped; "Ana <> Me 1:1" was not saved. Logged 1, skipped 3, dismissed 3; 1 meeting not looked at.',
    );

    const journal = readJson(store);
    expect(journal.conversations).toHaveLength(1);
    expect(journal.conversations[0]).toMatchObject({
      date: '2026-11-17',
      with: ['ana'],
      kind: '1:2:1',
      minutes: 30,
      note: 'Roadmap and the offsite',
    });
    expect(journal.conversations[0].eventId).toMatch(/^[0-9a-f]{8}$/);
    expect(journal.dismissals).toHaveLength(3);
    expect(journal.dismissals.some((d: { seriesId?: string }) => d.seriesId)).toBe(true);
    term.close();

    // Again: what was skipped is back, the rest is gone; q stops at once.
    term = new Terminal(['inbox'], o);
    await term.waitFor('4 meetings to log since 13 Nov');
    await term.waitFor(/1 of 4 .*16 Nov 14:00 · 30m · Partner call/);
    // The key is pressed once the prompt hears keys, as a user reads its hint first.
    await term.waitFor('q stop');
    await term.press('q');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Logged 0, skipped 0, dismissed 0; 4 meetings not looked at.');
    expect(readJson(store).conversations).toHaveLength(1);
  });

  it('a meeting logged elsewhere while its capture is open is not logged twice', async () => {
    const { store, o } = setup();
    const rows = JSON.parse(await ok(['inbox', '--json'], o)) as {
      id: string;
      title: string;
      date: string;
    }[];
    const oneToOne = rows.find((r) => r.title === 'Ana <> Me 1:1' && r.date === '2026-11-17')!;
    term = new Terminal(['inbox'], o);
    await term.waitFor('n never this series');
    await term.press('n');
    await term.waitFor(/3 of 18 .*Partner call/);
    await term.press('s');
    await term.waitFor(/5 of 18 .*17 Nov 14:00 · 30m · Ana <> Me 1:1/);
    await term.press('Enter');
    await term.answer('What did you talk about?', 'Roadmap');
    // Meanwhile, in another shell.
    await ok(['inbox', 'log', oneToOne.id, '--note', 'From the other shell'], o);
    await skipTheRest(term);
    await term.waitFor(`"Ana <> Me 1:1" (${oneToOne.id}) is already logged. Nothing was saved.`);
    // The walk goes on.
    await term.waitFor(/9 of 18 .*Coffee with Ben and Chloé/);
    await term.press('q');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Logged 0, skipped 1, dismissed 1;');
    const journal = readJson(store);
    expect(journal.conversations).toHaveLength(1);
    expect(journal.conversations[0]).toMatchObject({ eventId: oneToOne.id, note: 'From the other shell' });
  });
});
