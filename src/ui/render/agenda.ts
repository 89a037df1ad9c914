// The agenda as Markdown, ready to paste into a meeting doc. Plain text, no colour.
import { format } from 'date-fns';
import type { Agenda, AgendaFollowUp } from '../../core/agenda.js';
import { fromIsoDate, relativeDay, sinceDay } from '../../core/dates.js';
import { describeCadence } from '../../core/periods.js';
import { displaySafe } from '../../core/text.js';
import { showDate, showKind } from '../display.js';

/** User text on one line, with Markdown that would change the document's structure neutralised. */
function inline(text: string): string {
  return displaySafe(text)
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .trim();
}

/**
 * Group and written contact since the last time together, with their notes: "Also: all-hands 20
 * Nov, message 24 Nov (the offsite plan)".
 */
function alsoLine(agenda: Agenda, today: string): string[] {
  if (!agenda.alsoSince.length) return [];
  const items = agenda.alsoSince.map((c) => {
    // A meeting's note often names it ("All-hands"): the first words say more than "meeting".
    const words = c.note.trim().split(/\s+/).filter(Boolean);
    const named = c.kind === 'meeting' && words.length > 0;
    const what = named
      ? words
          .slice(0, 3)
          .join(' ')
          .replace(/[,;:.]$/, '')
      : showKind(c.kind);
    // The rest of the note after the date, as --json's alsoSince has it: "e-mail 30 Nov (sent the plan)".
    const rest = (named ? words.slice(3) : words).join(' ');
    return `${inline(what)} ${showDate(c.date, today)}${rest ? ` (${inline(rest)})` : ''}`;
  });
  return ['', `Also: ${items.join(', ')}`];
}

/**
 * When you were last together, and seen since when that was later: "last together 5 weeks ago
 * (26 Oct), seen since 3 Dec"; "not together yet, seen 3 Dec" for someone only seen in groups.
 */
function lastTogetherWords(agenda: Agenda): string {
  const today = agenda.date;
  const { lastSeen, lastTogether } = agenda;
  if (!lastSeen) return 'not seen yet';
  const seenLater = lastSeen !== lastTogether ? showDate(lastSeen, today) : undefined;
  if (!lastTogether) return `not together yet, seen ${seenLater}`;
  const together = `last together ${sinceDay(lastTogether, today)} (${showDate(lastTogether, today)})`;
  return seenLater ? `${together}, seen since ${seenLater}` : together;
}

export function renderAgenda(agenda: Agenda): string {
  const today = agenda.date;
  const first = agenda.name.split(' ')[0] ?? agenda.name;
  const lines: string[] = [
    `# ${inline(showKind('1:2:1'))} with ${inline(agenda.name)} · ${format(fromIsoDate(today), 'EEE d MMM yyyy')}`,
    '',
  ];
  const about = [agenda.role, agenda.team, agenda.relationship].filter(Boolean).map(inline);
  about.push(lastTogetherWords(agenda), `catching up ${describeCadence(agenda.cadenceDays)}`);
  if (agenda.birthday) {
    about.push(`birthday ${relativeDay(agenda.birthday, today)} (${showDate(agenda.birthday, today)})`);
  }
  lines.push(about.join(' · '));

  const section = (title: string, body: string[]) => lines.push('', `## ${title}`, '', ...body);
  const bullets = (items: string[], none: string) =>
    items.length ? items.map((i) => `- ${i}`) : [`_${none}_`];
  const followUp = (f: AgendaFollowUp) => {
    const when = [`since ${showDate(f.promisedOn, today)}`];
    if (f.due) when.push(`${f.overdue ? 'was due' : 'due'} ${showDate(f.due, today)}`);
    return `[ ] ${inline(f.text)} (${when.join(', ')})`;
  };

  section(
    'Talking points',
    bullets(
      agenda.talkingPoints.map((p) => `[ ] ${inline(p)}`),
      'Nothing carried over: ask them what is on their mind.',
    ),
  );
  section('Open follow-ups', [
    `### What I owe ${inline(first)}`,
    '',
    ...bullets(agenda.followUps.mine.map(followUp), 'Nothing open.'),
    '',
    `### What ${inline(first)} owes me`,
    '',
    ...bullets(agenda.followUps.theirs.map(followUp), 'Nothing open.'),
  ]);
  const outside = [...agenda.outsideWork.skills.map(inline), ...agenda.outsideWork.notes.map(inline)];
  if (outside.length) section('Outside work', bullets(outside, ''));
  if (agenda.ambitions.length) {
    section(
      'Ambitions to revisit',
      bullets(
        agenda.ambitions.map(
          (a) =>
            `${inline(a.text)}${a.lastStep ? ` · last step ${sinceDay(a.lastStep.on, today)}: ${inline(a.lastStep.text)}` : ''} (last talked about ${sinceDay(a.lastDiscussedOn, today)})`,
        ),
        '',
      ),
    );
  }
  const last = agenda.lastConversation;
  if (last) {
    const heard = last.heard.map((h, i) => `${inline(h)}${last.heardInGroup[i] ? ' _(in the group)_' : ''}`);
    section(`Last time: ${showDate(last.date, today)}, ${inline(showKind(last.kind))}`, [
      ...(last.note ? [inline(last.note), ''] : []),
      ...(heard.length ? ['What I heard:', '', ...heard.map((h) => `- ${h}`)] : ['_No listening notes._']),
      ...alsoLine(agenda, today),
    ]);
  } else if (agenda.alsoSince.length) {
    section('Last time', ['_No time together yet._', ...alsoLine(agenda, today)]);
  }
  if (agenda.earlierHeard.length) {
    section(
      'Heard before that',
      agenda.earlierHeard.map(
        (h) => `- ${inline(h.text)} (${showDate(h.date, today)}${h.inGroup ? ', in a group' : ''})`,
      ),
    );
  }
  section('Notes', ['- ']);
  return `${lines.join('\n').trimEnd()}\n`;
}
