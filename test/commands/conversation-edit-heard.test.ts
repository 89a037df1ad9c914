// rel conversation edit --heard gives the listening notes again: whom each was heard from goes
// with the notes ("Name: " says whose; a note kept as it was keeps its speaker), never the old
// list of speakers laid over new notes by position.
import { describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/run.js';

describe('rel conversation edit --heard', () => {
  it('attributes the notes given, and keeps whom a note kept as it was was heard from', async () => {
    const store = tempStore('edit-heard');
    const o = { store, now: '2026-11-20' };
    await ok(['add', 'Ana Silva'], o);
    await ok(['add', 'Ben Ong'], o);
    await ok(
      [
        'log',
        'ana',
        'ben',
        '--heard',
        'Ana: wants to lead',
        '--heard',
        'Ben: worried about on-call',
        '--no-input',
      ],
      o,
    );
    const id = readJson(store).conversations[0].id;
    await ok(['conversation', 'edit', id, '--heard', 'One new note'], o);
    expect(readJson(store).conversations[0]).toMatchObject({ heard: ['One new note'] });
    expect(readJson(store).conversations[0]).not.toHaveProperty('heardFrom');
    await ok(
      ['conversation', 'edit', id, '--heard', 'One new note', '--heard', 'Ben: the offsite is too far'],
      o,
    );
    expect(readJson(store).conversations[0]).toMatchObject({
      heard: ['One new note', 'the offsite is too far'],
      heardFrom: [null, 'ben-ong'],
    });
    // Ben's note kept as it is, and one of Ana's added: each stays whose it is.
    await ok(
      ['conversation', 'edit', id, '--heard', 'Ana: a new role', '--heard', 'the offsite is too far'],
      o,
    );
    expect(readJson(store).conversations[0]).toMatchObject({
      heard: ['a new role', 'the offsite is too far'],
      heardFrom: ['ana-silva', 'ben-ong'],
    });
    // What Ben said shows in his brief, not Ana's.
    expect(await ok(['profile', 'ben'], o)).toContain('the offsite is too far');
    expect(await ok(['profile', 'ana'], o)).not.toContain('the offsite is too far');
  });
});
