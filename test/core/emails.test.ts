// E-mail addresses on people: what is accepted, and that one address names one person.
import { describe, expect, it } from 'vitest';
import { editEmails, emailOwner, parseEmail } from '../../src/core/emails.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { mergePeople } from '../../src/core/people.js';
import { findSetting, parseSetting, resolveSettings } from '../../src/core/settings.js';
import { wholePerson } from '../helpers/journal.js';

function journal(): Journal {
  const j = emptyJournal();
  j.people.push(
    wholePerson('ana-silva', 'Ana Silva', { emails: ['Ana@Example.com'] }),
    wholePerson('ben-okafor', 'Ben Okafor'),
  );
  return j;
}

describe('parseEmail', () => {
  it.each([
    ['ana@example.com', 'ana@example.com'],
    ['  Ana.Silva+rel@Example.co.uk ', 'Ana.Silva+rel@Example.co.uk'],
    ['mailto:ben@example.com', 'ben@example.com'],
  ])('keeps %s as %s', (typed, kept) => {
    expect(parseEmail(typed)).toBe(kept);
  });

  it.each(['ana', 'ana@', '@example.com', 'ana@example', 'ana silva@example.com', 'a@b.com, c@d.com', ''])(
    'refuses "%s"',
    (typed) => {
      expect(() => parseEmail(typed)).toThrow(/is not an e-mail address/);
    },
  );
});

describe('editEmails', () => {
  it.each([
    { has: [], add: ['ben@example.com'], remove: [], result: ['ben@example.com'] },
    { has: [], add: ['ben@example.com', 'BEN@example.com'], remove: [], result: ['ben@example.com'] },
    { has: ['b@x.io'], add: ['c@x.io'], remove: ['B@X.IO'], result: ['c@x.io'] },
    { has: ['b@x.io'], add: ['B@x.io'], remove: [], result: ['b@x.io'] },
  ])('Ben with $has adds $add and removes $remove', ({ has, add, remove, result }) => {
    const j = journal();
    j.people[1]!.emails = has;
    expect(editEmails(j, j.people[1]!, add, remove)).toEqual(result);
  });

  it('refuses an address someone else has, and removing one they do not have', () => {
    const j = journal();
    expect(() => editEmails(j, j.people[1]!, ['ana@EXAMPLE.com'])).toThrow(/already Ana Silva's address/);
    expect(() => editEmails(j, j.people[1]!, [], ['ben@example.com'])).toThrow(/has no e-mail address/);
    // Their own address again is no conflict.
    expect(editEmails(j, j.people[0]!, ['ana@example.com'])).toEqual(['Ana@Example.com']);
  });

  it('finds the owner ignoring case and a mailto: prefix', () => {
    expect(emailOwner(journal(), 'mailto:ANA@example.com')?.id).toBe('ana-silva');
    expect(emailOwner(journal(), 'ana@example.com', 'ana-silva')).toBeUndefined();
  });

  it("a merge keeps both people's addresses once", () => {
    const j = journal();
    j.people[1]!.emails = ['ben@example.com', 'ana@example.com'];
    mergePeople(j, j.people[0]!, j.people[1]!, new Date('2026-11-01T00:00:00Z'));
    expect(j.people[0]!.emails).toEqual(['Ana@Example.com', 'ben@example.com']);
  });
});

describe('the calendar and me settings', () => {
  it.each([
    ['me', 'Me@Example.com', 'me@example.com'],
    ['me', 'me@example.com, ME@work.example ,me@example.com', 'me@example.com, me@work.example'],
    ['calendar', ' ~/cal/work.ics ', '~/cal/work.ics'],
  ])('keeps %s "%s" as "%s"', (key, text, stored) => {
    expect(parseSetting(findSetting(key), text)).toBe(stored);
  });

  it.each([
    ['me', 'me'],
    ['me', ' , '],
    ['calendar', '  '],
  ])('refuses %s "%s"', (key, text) => {
    expect(() => parseSetting(findSetting(key), text)).toThrow(/is not a valid/);
  });

  it('REL_ME and REL_CALENDAR win over the file; unset they are empty', () => {
    const resolved = resolveSettings({ me: 'a@x.io', calendar: 'a.ics' }, { REL_ME: 'b@x.io,c@x.io' });
    expect(resolved.settings.me).toEqual(['b@x.io', 'c@x.io']);
    expect(resolved.settings.calendar).toBe('a.ics');
    expect(resolveSettings({}, {}).settings).toMatchObject({ me: [], calendar: null });
  });
});
