import { describeBirthday } from '../../core/birthdays.js';
import { describeCadence, type IsoDate, localDay, relativeDay } from '../../core/dates.js';
import type { Profile } from '../../core/profile.js';
import { displaySafe } from '../../core/text.js';
import { showDate } from '../display.js';
import type { Theme } from '../io.js';
import { dueText, lastSeenText } from './due.js';
import { wrap } from './table.js';

const RECENT_CONVERSATIONS = 5;
const RECENT_HEARD = 6;

export function renderProfile(p: Profile, today: IsoDate, t: Theme, width: number): string {
  const safe = (text: string) => displaySafe(text);
  const bullet = (text: string, aside?: string) =>
    wrap(`${safe(text)}${aside ? `  ${aside}` : ''}`, width, '    ', '  • ').map((l) =>
      aside && l.endsWith(aside) ? l.slice(0, -aside.length) + t.dim(aside) : l,
    );
  const lines: string[] = [];
  const section = (title: string, body: string[]) => {
    if (body.length === 0) return;
    lines.push('', t.heading(title), ...body);
  };

  lines.push(
    `${t.bold(safe(p.name))} ${t.dim(`(${safe(p.id)})`)}${p.archivedAt ? t.warn('  archived') : ''}`,
  );
  const about = [p.role, p.team, p.relationship].filter(Boolean).map(safe);
  if (p.tags.length) about.push(`#${p.tags.map(safe).join(' #')}`);
  if (p.aliases.length) about.push(`also ${p.aliases.map(safe).join(', ')}`);
  if (about.length) lines.push(about.join(' · '));
  const seen = p.lastSeen
    ? `Last seen ${lastSeenText(p.lastSeen, today)}`
    : `Not seen yet (added ${showDate(localDay(p.createdAt), today)})`;
  lines.push(`${seen} · catching up ${describeCadence(p.cadenceDays)} · ${dueText(p, today)}`);
  if (p.birthday && p.nextBirthday) {
    const when = p.nextBirthday === today ? t.accent('today!') : relativeDay(p.nextBirthday, today);
    lines.push(`Birthday ${describeBirthday(p.birthday)} · ${when}`);
  }

  section(
    'Ambitions and life goals',
    p.ambitions
      .filter((a) => a.status === 'active')
      .flatMap((a) => bullet(a.text, `since ${showDate(a.addedOn, today)}`)),
  );
  section(
    'Skills, talents and passions',
    p.skills.flatMap((s) => bullet(s.text)),
  );
  section(
    'Personal notes',
    p.notes.flatMap((n) => bullet(n.text)),
  );
  section(
    'Open follow-ups',
    p.followUps
      .filter((f) => !f.done)
      .flatMap((f) => bullet(f.text, `promised ${showDate(localDay(f.createdAt), today)}`)),
  );
  const heard = p.conversations
    .flatMap((c) => c.heard.map((h) => ({ date: c.date, text: h })))
    .slice(0, RECENT_HEARD);
  section(
    'What you heard lately',
    heard.flatMap((h) => bullet(h.text, showDate(h.date, today))),
  );
  section(
    'Recent conversations',
    p.conversations.slice(0, RECENT_CONVERSATIONS).flatMap((c) => {
      const others = c.with.filter((n) => n !== p.name);
      const head = [
        showDate(c.date, today),
        relativeDay(c.date, today),
        safe(c.kind),
        c.minutes ? `${c.minutes} min` : '',
        others.length ? `with ${others.map(safe).join(', ')}` : '',
      ].filter(Boolean);
      const note = c.note ? wrap(displaySafe(c.note, { multiline: true }), width, '    ') : [];
      return [`  ${t.bold(head.join(' · '))}`, ...note];
    }),
  );
  if (p.conversations.length > RECENT_CONVERSATIONS) {
    lines.push(
      t.dim(
        `  … and ${p.conversations.length - RECENT_CONVERSATIONS} earlier (rel profile ${safe(p.id)} --json shows all).`,
      ),
    );
  }
  if (p.conversations.length === 0) {
    lines.push('', t.dim(`No conversations logged yet. After you next talk: rel log ${safe(p.id)}`));
  }
  return lines.join('\n');
}
