// rel undo names what it undid in words a person recognises, for every command that writes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, readJson, tempDir, tempStore } from '../helpers/run.js';

// Human output is wrapped to the width (80 columns through a pipe): read the words, not the breaks.
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('rel undo says what it undid', () => {
  it('for every command that writes', async () => {
    const store = tempStore('undo-words');
    const o = { store, now: '2026-11-20' };
    await ok(['add', "Tom O'Brien"], o);
    await ok(['add', 'Ana Silva'], o);
    await ok(['log', 'ana', '--note', 'Roadmap', '--follow-up', 'Send the course link'], o);
    await ok(['ambition', 'ana', 'Lead a team'], o);
    await ok(['ask', 'tom', 'How did the band gig go?'], o);
    const journal = readJson(store);
    const followUp = journal.followUps[0].id;
    const conversation = journal.conversations[0].id;
    const vcard = path.join(tempDir('undo-vcf'), 'kim.vcf');
    fs.writeFileSync(vcard, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Lee\r\nEND:VCARD\r\n');
    const copy = tempStore('undo-copy');
    await ok(['add', 'Zoe Park'], { store: copy, now: '2026-11-20' });
    const cases: [string[], string][] = [
      [['add', 'Ben Ong'], 'added Ben Ong'],
      [['log', 'tom', '--kind', 'call'], "logged a call with Tom O'Brien on 2026-11-20"],
      // Said as in the confirmation: "an email", "a Slack message", not "an Email", "a slack".
      [['log', 'tom', '--kind', 'Email'], "logged an email with Tom O'Brien on 2026-11-20"],
      [['log', 'tom', '--kind', 'slack'], "logged a Slack message with Tom O'Brien on 2026-11-20"],
      [
        ['note', 'tom', 'Two kids, Leo (7) and Mia (4); loves trail running'],
        "added the note 'Two kids, Leo (7) and Mia (4); loves…' to Tom O'Brien",
      ],
      [['skill', 'tom', 'Plays bass'], "added the skill 'Plays bass' to Tom O'Brien"],
      [['ambition', 'tom', 'Tour Japan'], "added the ambition 'Tour Japan' to Tom O'Brien"],
      [['ambition', 'done', 'ana', 'lead'], "marked the ambition 'Lead a team' achieved (Ana Silva)"],
      [['ask', 'tom', 'The new flat?'], "added the question 'The new flat?' to Tom O'Brien"],
      [['ask', 'done', 'tom', 'gig'], "marked asked 'How did the band gig go?' (Tom O'Brien)"],
      [['todo', 'add', 'tom', 'Lend the amp'], "added the follow-up 'Lend the amp' (Tom O'Brien)"],
      [['done', 'course link'], "closed the follow-up 'Send the course link' (Ana Silva)"],
      [
        ['todo', 'edit', followUp, '--due', 'friday'],
        "edited the follow-up 'Send the course link' (Ana Silva)",
      ],
      [['todo', 'delete', followUp], "deleted the follow-up 'Send the course link' (Ana Silva)"],
      [
        ['conversation', 'edit', conversation, '--minutes', '30'],
        'edited the 1:2:1 of 2026-11-20 with Ana Silva',
      ],
      [['conversation', 'delete', conversation], 'deleted the 1:2:1 of 2026-11-20 with Ana Silva'],
      [['edit', 'tom', '--role', 'Designer'], "edited Tom O'Brien (role)"],
      // The field as a person says it, not the record's name for it (cadenceDays).
      [
        ['edit', 'tom', '--cadence', 'weekly', '--email', 'tom@example.com'],
        "edited Tom O'Brien (cadence, emails)",
      ],
      [['rename', 'tom', 'Tommy OBrien'], "renamed Tom O'Brien to Tommy OBrien"],
      [['add', 'Ana S.'], 'added Ana S.'],
      [['archive', 'tom'], "archived Tom O'Brien"],
      [['snooze', 'tom', '--until', '2026-12-20'], "snoozed Tom O'Brien until 2026-12-20"],
      [['import', vcard], 'imported 1 person, 0 conversations, 0 follow-ups from kim.vcf'],
      [['merge-journals', '--into', store, copy], `folded ${copy} into the journal (1 person added)`],
    ];
    for (const [args, said] of cases) {
      await ok(args, o);
      const undone = words(await ok(['undo'], o));
      expect(undone, args.join(' ')).toContain(`Undone: ${said}`);
      expect(undone).not.toMatch(/\d+ (follow-up|person|conversation)s? changed|changed Tom/);
    }
    // The ones that need a state of their own: unarchive, merge, demo.
    await ok(['archive', 'tom'], o);
    await ok(['unarchive', 'tom'], o);
    expect(words(await ok(['undo'], o))).toContain("Undone: unarchived Tom O'Brien");
    await ok(['add', 'Ana S.'], o);
    await ok(['merge', 'ana silva', 'ana s.'], o);
    expect(words(await ok(['undo'], o))).toContain('Undone: merged Ana S. into Ana Silva');
    const empty = tempStore('undo-demo');
    await ok(['demo'], { store: empty });
    expect(words(await ok(['undo'], { store: empty }))).toContain(
      'Undone: filled the journal with the sample team of rel demo',
    );
    // About fifty runs of rel in a row: more than the default time for one test on a loaded machine.
  }, 600_000);
});
