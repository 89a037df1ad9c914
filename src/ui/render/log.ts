import type { Capture } from '../../core/capture.js';
import type { FollowUpDraft, PersonalNotes } from '../../core/conversations.js';
import { dayDate, type IsoDate, relativeDay } from '../../core/dates.js';
import { type CheckIn, isSnoozed } from '../../core/due.js';
import { stepsOf, thanksOf } from '../../core/facts.js';
import type { Conversation, Person } from '../../core/journal.js';
import { displaySafe, plural } from '../../core/text.js';
import { kindWithArticle, shownDueOn } from '../display.js';
import type { Theme } from '../theme.js';

export interface Logged {
  conversation: Conversation;
  people: Person[];
  about: Record<string, PersonalNotes>;
  nextDue: (CheckIn & { person: Person })[];
  today: IsoDate;
  added: string[];
  /** How many open follow-ups were ticked done with this conversation. */
  closed?: number;
  /** Each person's "ask next time" notes still open after this conversation. */
  stillToAsk: { person: Person; texts: string[] }[];
}

function whenPhrase(date: IsoDate, today: IsoDate): string {
  const relative = relativeDay(date, today);
  return relative === 'today' || relative === 'yesterday' ? relative : `on ${dayDate(date, today)}`;
}

/**
 * "Logged a Slack message with **Ana**, **Ben** on Mon 30 Nov (30 min)": the start of every line
 * that confirms a conversation (rel log, rel inbox log and the inbox walk); the caller ends it.
 */
export function loggedSentence(
  t: Theme,
  c: { kind: string; minutes: number | null },
  names: string[],
  when: string,
): string {
  const people = names.map((n) => t.bold(displaySafe(n))).join(', ');
  return `${t.good('Logged')} ${displaySafe(kindWithArticle(c.kind))} with ${people} ${when}${c.minutes ? ` (${c.minutes} min)` : ''}`;
}

/** One line of what was saved, then when each person is next due. */
export function renderLogged(logged: Logged, t: Theme): string {
  const { conversation: c, today } = logged;
  const notes = Object.values(logged.about);
  const count = (field: keyof PersonalNotes) => notes.reduce((sum, n) => sum + n[field].length, 0);
  // Steps and thanks recorded with this conversation.
  const inIt = (records: { conversationId: string | null }[]) =>
    records.filter((r) => r.conversationId === c.id).length;
  const steps = inIt(logged.people.flatMap((p) => p.ambitions.flatMap(stepsOf)));
  const thanked = inIt(logged.people.flatMap(thanksOf));
  const parts = [
    c.heard.length && plural(c.heard.length, 'thing heard', 'things heard'),
    count('ambitions') && plural(count('ambitions'), 'ambition'),
    count('skills') && plural(count('skills'), 'skill'),
    steps && plural(steps, 'step'),
    thanked && `thanks to ${plural(thanked, 'person', 'people')}`,
    ...followUpParts(notes.flatMap((n) => n.followUps)),
    logged.closed && `${plural(logged.closed, 'follow-up')} done`,
  ].filter(Boolean);
  const lines = logged.added.length
    ? [t.dim(`Added to your journal: ${logged.added.map((n) => displaySafe(n)).join(', ')}.`)]
    : [];
  lines.push(
    `${loggedSentence(
      t,
      c,
      logged.people.map((p) => p.name),
      whenPhrase(c.date, today),
    )}${parts.length ? `: ${parts.join(', ')}` : ''}.`,
  );
  // Due dates as dates, as the prompt echoed them: "due Fri 4 Dec (in 7 days)".
  for (const [personId, n] of Object.entries(logged.about)) {
    for (const f of n.followUps) {
      if (!f.due) continue;
      const person = logged.people.find((p) => p.id === personId);
      const whose =
        f.owner === 'them' ? `${displaySafe(person?.name.split(' ')[0] ?? '')}'s promise` : 'Follow-up';
      lines.push(
        `${whose} "${displaySafe(f.text)}" is due ${dayDate(f.due, today)} (${relativeDay(f.due, today)}).`,
      );
    }
  }
  if (logged.nextDue.length > CHECK_IN_LINES) lines.push(checkInsInOneLine(logged.nextDue, today));
  else
    for (const due of logged.nextDue) {
      const first = displaySafe(due.person.name);
      // An archived person is out of rel due: a next check-in would be a date nothing reminds of.
      if (due.person.archivedAt) {
        lines.push(
          `${first} is archived, out of rel due: no next check-in. Bring them back with: rel unarchive ${due.person.id}`,
        );
        continue;
      }
      const on = shownDueOn(due);
      const when = `${dayDate(on, today)} (${relativeDay(on, today)})`;
      const snoozed = snoozedPast(due.person, on, today);
      lines.push(`Next check-in with ${first}: ${on < today ? `overdue since ${when}` : when}${snoozed}.`);
    }
  for (const { person, texts } of logged.stillToAsk) {
    lines.push(
      `Still to ask ${displaySafe(person.name.split(' ')[0]!)}: ${texts.map((x) => displaySafe(x)).join(' · ')}`,
    );
  }
  return lines.join('\n');
}

/**
 * Up to this many people, a line each for their next check-in; a bigger meeting (an all-hands)
 * gets one line, so that the confirmation stays a glance.
 */
const CHECK_IN_LINES = 4;

/** "Next check-ins: Eve Nakamura, Jonas Weber and 2 others overdue; Ben Okafor today; 8 later (first Dev Patel, Mon 30 Nov)." */
function checkInsInOneLine(nextDue: Logged['nextDue'], today: IsoDate): string {
  const shown = nextDue
    .filter((d) => !d.person.archivedAt)
    .map((d) => ({ name: d.person.name, on: shownDueOn(d) }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const archived = nextDue.filter((d) => d.person.archivedAt).map((d) => d.person.name);
  const overdue = shown.filter((d) => d.on < today).map((d) => d.name);
  const dueToday = shown.filter((d) => d.on === today).map((d) => d.name);
  const later = shown.filter((d) => d.on > today);
  const parts = [
    overdue.length && `${someNames(overdue)} overdue`,
    dueToday.length && `${someNames(dueToday)} today`,
    later.length &&
      `${later.length} later (first ${displaySafe(later[0]!.name)}, ${dayDate(later[0]!.on, today)})`,
    archived.length && `${someNames(archived)} archived, out of rel due`,
  ].filter(Boolean);
  return `Next check-ins: ${parts.join('; ')}. rel people shows each one's.`;
}

/**
 * ", but snoozed until Sun 20 Dec (…)" when a snooze keeps them out of rel due past their check-in:
 * a log does not end a snooze, and the date alone would promise a reminder that will not come.
 */
function snoozedPast(person: Person, on: IsoDate, today: IsoDate): string {
  if (!isSnoozed(person, today) || person.snoozedUntil! <= on) return '';
  return `, but snoozed until ${dayDate(person.snoozedUntil!, today)} (to end it: rel snooze ${person.id} --off)`;
}

/** "Ana Silva", "Ana Silva and Ben Okafor", "Ana Silva, Ben Okafor and 3 others". */
function someNames(names: string[]): string {
  const safe = names.map((n) => displaySafe(n));
  if (safe.length <= 3)
    return safe.length === 1 ? safe[0]! : `${safe.slice(0, -1).join(', ')} and ${safe.at(-1)}`;
  return `${safe.slice(0, 2).join(', ')} and ${safe.length - 2} others`;
}

/** "2 follow-ups", "1 follow-up of theirs", or "1 follow-up of yours, 1 of theirs". */
function followUpParts(drafts: FollowUpDraft[]): string[] {
  const theirs = drafts.filter((d) => d.owner === 'them').length;
  const mine = drafts.length - theirs;
  if (!theirs) return mine ? [plural(mine, 'follow-up')] : [];
  if (!mine) return [`${plural(theirs, 'follow-up')} of theirs`];
  return [`${plural(mine, 'follow-up')} of yours`, `${theirs} of theirs`];
}

/** The first lines of a note written in the editor, so that what was kept is seen. */
export function renderKeptNote(note: string): string {
  if (!note) return 'The note is empty: nothing was written in the editor.';
  const lines = note.split('\n');
  const shown = lines.slice(0, 3).map((line) => `  ${displaySafe(line)}`);
  const more = lines.length > 3 ? [`  … and ${plural(lines.length - 3, 'more line')}`] : [];
  return [`Note kept (${plural(lines.length, 'line')}):`, ...shown, ...more].join('\n');
}

/**
 * What an interactive capture held, for a write that failed after it (a passphrase given up, the
 * lock not had, a full disk): the answers as typed, each on a line of its own, so that nothing
 * typed is lost and it can be logged again by pasting them. Empty when nothing was typed but the
 * defaults.
 */
export function renderUnsaved(capture: Capture): string[] {
  const line = (label: string) => (text: string) => ({ label, text });
  const texts = [
    line('Note')(capture.note),
    ...capture.heard.map(line('Heard')),
    ...capture.lists.ambitions.map(line('Ambition')),
    ...capture.lists.skills.map(line('Skill')),
    ...capture.lists.followUps.map((f) =>
      line(f.owner === 'them' ? 'They promised' : 'You promised')(
        f.due ? `${f.text} (due ${f.due})` : f.text,
      ),
    ),
    ...capture.lists.askNext.map(line('Ask next time')),
    ...(capture.steps ?? []).map((s) => line('Step')(s.text)),
    ...(capture.thanks ?? []).map(line('Thanks')),
  ].filter(({ text }) => text.trim() !== '');
  if (texts.length === 0) return [];
  const who = capture.participants.map((p) => (p.isNew ? `"${p.person.name}" --create` : p.person.id));
  const minutes = capture.minutes === null ? '' : `, ${capture.minutes} min`;
  return [
    `rel: nothing was saved of this conversation; what you typed is here, to log it again (rel log ${displaySafe(who.join(' '))}):`,
    `  When: ${capture.date} (${displaySafe(capture.kind)}${minutes})`,
    ...texts.map(({ label, text }) => `  ${label}: ${displaySafe(text).replace(/\n/g, '\n    ')}`),
  ];
}
