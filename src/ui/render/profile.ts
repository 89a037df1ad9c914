import { describeBirthday } from '../../core/birthdays.js';
import {
  dayDate,
  daysBetween,
  type IsoDate,
  localDay,
  relativeDay,
  sinceDay,
  spanWords,
} from '../../core/dates.js';
import { canonicalKind } from '../../core/kinds.js';
import { describeCadence } from '../../core/periods.js';
import type { Profile, TalkingPoint } from '../../core/profile.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate, showKind } from '../display.js';
import type { Theme } from '../theme.js';
import { dueText, lastSeenText, seenAs } from './due.js';
import { ambitionAside, ambitionWithStep } from './facts.js';
import { sharedThemesLine } from './pulse.js';
import { wrap } from './table.js';

const RECENT_CONVERSATIONS = 5;
const RECENT_HEARD = 6;
/** The wrapped lines of one conversation's note shown in a profile. */
const NOTE_LINES = 6;

/** `recent`: how many conversations to show; 0 leaves them to a full history printed after. */
/**
 * "Last 1:2:1 3 weeks ago · 6 Nov" (or "Last time together ..." for another kind), then, when a
 * later contact was not time together, "last seen in a group 20 Nov" or "last message 24 Nov".
 */
function lastTimeText(p: Profile, today: IsoDate): string {
  const added = `added ${showDate(localDay(p.createdAt), today)}`;
  if (!p.lastSeen) return `Not seen yet (${added})`;
  const together = p.conversations.find((c) => c.together);
  const last = p.conversations[0]!;
  const head = together
    ? `${canonicalKind(together.kind) === '1:2:1' ? `Last ${displaySafe(showKind(together.kind))}` : 'Last time together'} ${lastSeenText({ lastSeen: together.date, lastTogether: together.date }, today)}`
    : `No time together yet (${added})`;
  if (last.together || !last.class || (together && last.date === together.date)) return head;
  return `${head} · last ${seenAs({ class: last.class, kind: last.kind })} ${showDate(last.date, today)}`;
}

export function renderProfile(
  p: Profile,
  today: IsoDate,
  t: Theme,
  width: number,
  recent = RECENT_CONVERSATIONS,
): string {
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
  if (p.emails.length) lines.push(p.emails.map(safe).join(', '));
  const seen = lastTimeText(p, today);
  const snoozed =
    p.snoozedUntil && p.snoozedUntil > today ? ` · snoozed until ${dayDate(p.snoozedUntil, today)}` : '';
  lines.push(`${seen} · catching up ${describeCadence(p.cadenceDays)} · ${dueText(p, today)}${snoozed}`);
  if (p.birthday && p.nextBirthday) {
    const when = p.nextBirthday === today ? t.accent('today!') : relativeDay(p.nextBirthday, today);
    lines.push(`Birthday ${describeBirthday(p.birthday)} · ${when}`);
  }
  if (p.lastAppreciated) {
    const { on, text } = p.lastAppreciated;
    lines.push(...wrap(`Last appreciated ${sinceDay(on, today)}: ${safe(text)}`, width, '  ', ''));
  }
  if (p.sharedThemes?.themes.length) {
    const { since, until, themes } = p.sharedThemes;
    lines.push(...wrap(sharedThemesLine(themes, since, until, today), width, '', ''));
  }

  const points = p.talkingPoints.flatMap((point) => {
    const [text, aside] = talkingPoint(point, today);
    const shown = bullet(text, aside);
    return point.kind === 'followUp' && point.overdue ? shown.map((l) => t.warn(l)) : shown;
  });
  if (p.knownOnlyThroughWork) {
    points.push(
      ...wrap(
        `You only know ${safe(p.name.split(' ')[0]!)} through work so far. Ask what they enjoy outside it, then: rel note ${safe(p.id)} "..."`,
        width,
        '  ',
      ).map((l) => t.dim(l)),
    );
  }
  section('Talking points', points);
  section(
    'Ambitions and life goals',
    [...p.ambitions]
      .sort((a, b) => statusOrder(a.status) - statusOrder(b.status))
      .flatMap((a) => {
        const shown = bullet(ambitionWithStep(a, today), ambitionAside(a, today));
        return a.status === 'active' ? shown : shown.map((l) => t.dim(l));
      }),
  );
  section(
    'Skills, talents and passions',
    p.skills.flatMap((s) => bullet(s.text)),
  );
  section(
    'Personal notes',
    p.notes.flatMap((n) => bullet(n.text, showDate(n.addedOn, today))),
  );
  const heard = p.conversations
    .flatMap((c) =>
      c.heard.map((h, i) => ({ date: c.date, text: h, group: c.heardInGroup?.[i] ? c.size : 0 })),
    )
    .slice(0, RECENT_HEARD);
  section(
    'What you heard lately',
    heard.flatMap((h) =>
      bullet(h.text, `${showDate(h.date, today)}${h.group ? ` · in a group of ${h.group}` : ''}`),
    ),
  );
  section(
    'Recent conversations',
    p.conversations.slice(0, recent).flatMap((c) => {
      const others = c.with.filter((n) => n !== p.name);
      // People there who are not in the journal (`--size 4` with one name) are counted, so that
      // a meeting does not read as a one-to-one.
      const unnamed = Math.max(0, c.size - c.with.length);
      const named = others.map(safe).join(', ');
      const whom = unnamed ? [named, plural(unnamed, 'other')].filter(Boolean).join(' and ') : named;
      const head = [
        showDate(c.date, today),
        sinceDay(c.date, today),
        safe(showKind(c.kind)),
        c.minutes ? `${c.minutes} min` : '',
        whom ? `with ${whom}` : '',
      ].filter(Boolean);
      const note = c.note ? wrap(displaySafe(c.note, { multiline: true }), width, '    ') : [];
      // A long note (a page pasted through --note -) would push the rest of the person off the
      // screen: its first lines, and where the whole of it is.
      const shown =
        note.length > NOTE_LINES
          ? [
              ...note.slice(0, NOTE_LINES - 1),
              t.dim(
                `    … ${note.length - NOTE_LINES + 1} more lines (rel history ${safe(p.id)} shows the whole note)`,
              ),
            ]
          : note;
      return [`  ${t.bold(head.join(' · '))}`, ...shown];
    }),
  );
  if (recent > 0 && p.conversations.length > recent) {
    lines.push(
      t.dim(`  … and ${p.conversations.length - recent} earlier (rel history ${safe(p.id)} shows all).`),
    );
  }
  if (p.conversations.length === 0) {
    lines.push('', t.dim(`No conversations logged yet. After you next talk: rel log ${safe(p.id)}`));
  }
  return lines.join('\n');
}

/** "Last appreciated 9 weeks ago: anything to thank them for?" (the header line says for what). */
function appreciationPoint(point: { since: IsoDate | null }, today: IsoDate): string {
  const last = point.since
    ? `Last appreciated ${sinceDay(point.since, today)}`
    : 'No appreciation recorded yet';
  return `${last}: anything to thank them for?`;
}

function statusOrder(status: string): number {
  return ['active', 'achieved', 'dropped'].indexOf(status);
}

/** The words of one talking point, and the date beside it. */
function talkingPoint(point: TalkingPoint, today: IsoDate): [string, string] {
  switch (point.kind) {
    case 'askNext':
      return [`Ask: ${point.text}`, `noted ${showDate(point.since, today)}`];
    case 'followUp': {
      const who = point.owner === 'me' ? 'You promised' : 'They promised';
      const when = point.due
        ? point.overdue
          ? `overdue, was due ${showDate(point.due, today)}`
          : `due ${relativeDay(point.due, today)}`
        : `since ${showDate(point.since, today)}`;
      return [`${who}: ${point.text}`, when];
    }
    case 'ambition':
      return [`Ambition: ${point.text}`, `last discussed ${sinceDay(point.lastDiscussedOn, today)}`];
    case 'step':
      return [`Nothing done toward: ${point.text}`, `for ${spanWords(daysBetween(point.since, today))}`];
    case 'appreciation':
      return [appreciationPoint(point, today), ''];
  }
}
