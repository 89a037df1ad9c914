import { type IsoDate, relativeDay } from '../../core/dates.js';
import type { Profile, ProfileConversation } from '../../core/profile.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate, showKind } from '../display.js';
import type { Theme } from '../theme.js';
import { wrap } from './table.js';

/** One conversation in full: the day, kind, who else, its id; the note; what was heard. */
export function renderConversation(
  c: ProfileConversation,
  self: string,
  today: IsoDate,
  t: Theme,
  width: number,
): string[] {
  const others = c.with.filter((n) => n !== self);
  const head = [
    showDate(c.date, today),
    relativeDay(c.date, today),
    displaySafe(showKind(c.kind)),
    c.minutes ? `${c.minutes} min` : '',
    others.length ? `with ${others.map((n) => displaySafe(n)).join(', ')}` : '',
  ].filter(Boolean);
  const lines = [`  ${t.bold(head.join(' · '))}  ${t.dim(c.id)}`];
  if (c.note) lines.push(...wrap(displaySafe(c.note, { multiline: true }), width, '    '));
  for (const h of c.heard) lines.push(...wrap(`heard: ${displaySafe(h)}`, width, '      ', '    '));
  return lines;
}

export function renderHistory(
  p: Profile,
  conversations: ProfileConversation[],
  today: IsoDate,
  t: Theme,
  width: number,
): string {
  const name = displaySafe(p.name);
  if (conversations.length === 0) {
    return p.conversations.length
      ? `No conversations with ${name} in that range (${plural(p.conversations.length, 'conversation')} in all).`
      : `No conversations with ${name} yet. After you next talk: rel log ${p.id}`;
  }
  const shown =
    conversations.length === p.conversations.length
      ? plural(conversations.length, 'conversation')
      : `${conversations.length} of ${plural(p.conversations.length, 'conversation')}`;
  return [
    t.heading(`${name}: ${shown}, newest first`),
    ...conversations.flatMap((c) => ['', ...renderConversation(c, p.name, today, t, width)]),
    '',
    t.dim('Fix one with: rel conversation edit <id>   Remove one with: rel conversation delete <id>'),
  ].join('\n');
}
