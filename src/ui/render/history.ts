import { compareIso, type IsoDate, sinceDay } from '../../core/dates.js';
import type { Profile, ProfileConversation } from '../../core/profile.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate, showKind } from '../display.js';
import type { Theme } from '../theme.js';
import { wrap } from './table.js';

/** A step toward an ambition, or appreciation given: shown on its day in the timeline. */
interface Moment {
  on: IsoDate;
  conversationId: string | null;
  /** "step toward Work in design full-time: Designed the Q1 newsletter", "thanks: The launch" */
  words: string;
}

function momentsOf(p: Profile): Moment[] {
  return [
    ...p.ambitions.flatMap((a) =>
      a.steps.map((s) => ({
        on: s.on,
        conversationId: s.conversationId,
        words: `step toward ${displaySafe(a.text)}: ${displaySafe(s.text)}`,
      })),
    ),
    ...p.thanks.map((th) => ({
      on: th.on,
      conversationId: th.conversationId,
      words: `thanks: ${displaySafe(th.text)}`,
    })),
  ];
}

/** One conversation in full: the day, kind, who else, its id; the note; what was heard. */
export function renderConversation(
  c: ProfileConversation,
  self: string,
  today: IsoDate,
  t: Theme,
  width: number,
  moments: Moment[] = [],
): string[] {
  const others = c.with.filter((n) => n !== self);
  const head = [
    showDate(c.date, today),
    sinceDay(c.date, today),
    displaySafe(showKind(c.kind)),
    c.minutes ? `${c.minutes} min` : '',
    others.length ? `with ${others.map((n) => displaySafe(n)).join(', ')}` : '',
  ].filter(Boolean);
  const lines = [`  ${t.bold(head.join(' · '))}  ${t.dim(c.id)}`];
  if (c.note) lines.push(...wrap(displaySafe(c.note, { multiline: true }), width, '    '));
  for (const h of c.heard) lines.push(...wrap(`heard: ${displaySafe(h)}`, width, '      ', '    '));
  for (const m of moments)
    if (m.conversationId === c.id) lines.push(...wrap(m.words, width, '      ', '    '));
  return lines;
}

/**
 * The timeline, newest first: the conversations given, each with the steps and thanks recorded in
 * it, and between them, on their days, those recorded on their own (from `from` on, when given).
 */
export function renderHistory(
  p: Profile,
  conversations: ProfileConversation[],
  today: IsoDate,
  t: Theme,
  width: number,
  from?: IsoDate,
): string {
  const name = displaySafe(p.name);
  const moments = momentsOf(p);
  const alone = moments
    .filter((m) => m.conversationId === null && (from === undefined || m.on >= from))
    .sort((a, b) => compareIso(b.on, a.on));
  if (conversations.length === 0 && alone.length === 0) {
    return p.conversations.length
      ? `No conversations with ${name} in that range (${plural(p.conversations.length, 'conversation')} in all).`
      : `No conversations with ${name} yet. After you next talk: rel log ${p.id}`;
  }
  const shown =
    conversations.length === p.conversations.length
      ? plural(conversations.length, 'conversation')
      : `${conversations.length} of ${plural(p.conversations.length, 'conversation')}`;
  const aloneLine = (m: Moment) => [
    '',
    ...wrap(
      `${t.bold(`${showDate(m.on, today)} · ${sinceDay(m.on, today)}`)} · ${m.words}`,
      width,
      '    ',
      '  ',
    ),
  ];
  const body: string[] = [];
  let next = 0;
  for (const c of conversations) {
    while (next < alone.length && alone[next]!.on > c.date) body.push(...aloneLine(alone[next++]!));
    body.push('', ...renderConversation(c, p.name, today, t, width, moments));
  }
  while (next < alone.length) body.push(...aloneLine(alone[next++]!));
  return [
    t.heading(`${name}: ${shown}, newest first`),
    ...body,
    '',
    t.dim('Fix one with: rel conversation edit <id>   Remove one with: rel conversation delete <id>'),
  ].join('\n');
}
