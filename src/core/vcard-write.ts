// Writing people back out to a contacts app as vCards (rel export --format vcard / vcard3). Pure.
import { foldLine } from './ics.js';
import type { Person } from './journal.js';

export type VCardVersion = '4.0' | '3.0';

/** The PRODID of rel's cards: a card that has it is rel's own, and its UID is a rel id. */
export const REL_PRODID = '-//rel//rel journal//EN';

/** TEXT values: backslash, line breaks, commas and semicolons escaped (RFC 6350 3.4, RFC 2426 4). */
function vcardText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** N from a whole name: the last word is the family name (contacts apps sort and show by N). */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop()! : '';
  return [family, words.join(' '), '', '', ''].map(vcardText).join(';');
}

function birthdayLine(birthday: string, version: VCardVersion): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  if (full) return version === '4.0' ? `BDAY:${full[1]}${full[2]}${full[3]}` : `BDAY:${birthday}`;
  // No year: 4.0 has --MMDD; 3.0 has none, and Apple's year-1604 form is what its readers know.
  return version === '4.0'
    ? `BDAY:--${birthday.replace('-', '')}`
    : `BDAY;X-APPLE-OMIT-YEAR=1604:1604-${birthday}`;
}

/**
 * People as vCards: FN and N, NICKNAME (aliases), TITLE (role), ORG (team), BDAY, CATEGORIES
 * (tags), EMAIL, a NOTE per note, and rel's id as UID, so that importing the file again finds the
 * same people. Lines are folded at 75 octets and end in CRLF.
 */
export function renderVCards(
  people: Pick<
    Person,
    'id' | 'name' | 'aliases' | 'role' | 'team' | 'tags' | 'birthday' | 'notes' | 'emails'
  >[],
  version: VCardVersion,
): string {
  const lines: string[] = [];
  for (const p of people) {
    lines.push('BEGIN:VCARD', `VERSION:${version}`, `PRODID:${REL_PRODID}`, `UID:${p.id}`);
    lines.push(`FN:${vcardText(p.name)}`, `N:${structuredName(p.name)}`);
    if (p.aliases.length) lines.push(`NICKNAME:${p.aliases.map(vcardText).join(',')}`);
    if (p.role) lines.push(`TITLE:${vcardText(p.role)}`);
    if (p.team) lines.push(`ORG:${vcardText(p.team)}`);
    if (p.birthday) lines.push(birthdayLine(p.birthday, version));
    if (p.tags.length) lines.push(`CATEGORIES:${p.tags.map(vcardText).join(',')}`);
    for (const email of p.emails ?? [])
      lines.push(`${version === '3.0' ? 'EMAIL;TYPE=INTERNET' : 'EMAIL'}:${email}`);
    for (const note of p.notes ?? []) lines.push(`NOTE:${vcardText(note.text)}`);
    lines.push('END:VCARD');
  }
  return lines.length ? `${lines.map(foldLine).join('\r\n')}\r\n` : '';
}
