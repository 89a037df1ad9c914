// The capture's follow-ups both ways, due dates echoed as dates, and the editor's note shown back.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

const MONDAY = '2026-11-23';

describe('rel log in a terminal: what was promised, both ways', () => {
  it('shows the open follow-ups to tick, asks what each side promised, and echoes due dates', async () => {
    const store = tempStore('tty-capture');
    ok(['add', 'Ana Silva'], { store, now: '2026-11-16' });
    ok(['log', 'ana', '--follow-up', 'Book the room', '--due', 'friday'], { store, now: '2026-11-16' });
    const json = JSON.parse(
      ok(['log', 'ana', '--their-follow-up', 'Share the slides', '--json'], { store, now: '2026-11-16' }),
    );
    expect(json.date).toBe('2026-11-16');
    const editor = path.join(path.dirname(store), '..', 'editor.sh');
    fs.writeFileSync(editor, '#!/bin/sh\nprintf "One\\nTwo\\nThree\\nFour\\n" > "$1"\n', { mode: 0o755 });

    term = new Terminal(['log', 'ana'], { store, now: MONDAY, env: { EDITOR: editor, VISUAL: editor } });
    for (const prompt of ['When?', 'What kind', 'How many minutes?']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    await term.answer('What did you talk about?', 'e');
    await term.waitFor(/Note kept \(4 lines\):\n {2}One\n {2}Two\n {2}Three\n {2}… and 1 more line/);
    for (const prompt of ['What did you hear', 'ambition', 'skill, talent']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    await term.waitFor('Open follow-ups. Tick the ones done');
    const listed = await term.waitFor('Ana promised: Share the slides');
    expect(listed).toContain('You: Book the room (was due Fri 20 Nov)'); // overdue on Monday 23rd
    await term.press('Down', 'Space', 'Enter'); // Ana shared the slides
    await term.answer('Did you promise to do anything?', 'Send the agenda');
    await term.answer('Another follow-up?', '');
    await term.answer('By when? "Send the agenda"', 'next friday');
    await term.waitFor('next friday (due Fri 4 Dec)');
    await term.answer('Did they promise anything?', 'Send me the draft');
    await term.answer('Another promise of theirs?', '');
    await term.answer('By when? "Send me the draft"', 'friday');
    await term.waitFor('friday (due Fri 27 Nov)');
    await term.answer('Anything to ask about next time?', '');
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    expect(screen).toContain('1 follow-up of yours, 1 of theirs, 1 follow-up done.');
    expect(screen).toContain('Follow-up "Send the agenda" is due Fri 4 Dec (in 11 days).');
    expect(screen).toContain(`Ana's promise "Send me the draft" is due Fri 27 Nov (in 4 days).`);

    const followUps = readJson(store).followUps;
    const byText = (text: string) => followUps.find((f: { text: string }) => f.text === text);
    expect(byText('Share the slides')).toMatchObject({ owner: 'them', doneAt: expect.any(String) });
    expect(byText('Book the room')).toMatchObject({ owner: 'me', doneAt: null, due: '2026-11-20' });
    expect(byText('Send the agenda')).toMatchObject({ owner: 'me', due: '2026-12-04' });
    expect(byText('Send me the draft')).toMatchObject({ owner: 'them', due: '2026-11-27' });
  });
});
