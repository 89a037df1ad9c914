// Lists of what is known about one person: ambitions by status, skills, personal notes.
import { type IsoDate, sinceDay } from '../../core/dates.js';
import { latest, stepsOf } from '../../core/facts.js';
import type { Ambition, Person, Thanks } from '../../core/journal.js';
import { displaySafe } from '../../core/text.js';
import { showDate } from '../display.js';
import type { Theme } from '../theme.js';
import { wrap } from './table.js';

export function bullet(text: string, aside: string, width: number, t: Theme): string[] {
  return wrap(`${displaySafe(text)}${aside ? `  ${aside}` : ''}`, width, '    ', '  • ').map((l) =>
    aside && l.endsWith(aside) ? l.slice(0, -aside.length) + t.dim(aside) : l,
  );
}

/** "since 6 Nov · discussed 2 weeks ago", or "achieved 20 Nov". */
export function ambitionAside(a: Ambition, today: IsoDate): string {
  if (a.status !== 'active' && a.statusChangedOn) return `${a.status} ${showDate(a.statusChangedOn, today)}`;
  const since = `since ${showDate(a.addedOn, today)}`;
  return a.lastDiscussedOn > a.addedOn ? `${since} · discussed ${sinceDay(a.lastDiscussedOn, today)}` : since;
}

/** "Graphic design full-time · last step 3 weeks ago: designed the Q1 newsletter" for an active one with steps. */
export function ambitionWithStep(a: Ambition, today: IsoDate): string {
  const step = a.status === 'active' ? latest(stepsOf(a)) : null;
  return step ? `${a.text} · last step ${sinceDay(step.on, today)}: ${step.text}` : a.text;
}

const STATUS_TITLES = { active: 'Active', achieved: 'Achieved', dropped: 'Dropped' } as const;

export function renderAmbitions(person: Person, today: IsoDate, t: Theme, width: number): string {
  const name = displaySafe(person.name);
  if (person.ambitions.length === 0) {
    return `No ambitions recorded for ${name} yet. When they share one:\n  rel ambition ${person.id} "Wants to lead a team"`;
  }
  const lines = [t.bold(`Ambitions and life goals of ${name}`)];
  for (const status of ['active', 'achieved', 'dropped'] as const) {
    const group = person.ambitions.filter((a) => a.status === status);
    if (group.length === 0) continue;
    lines.push('', t.heading(STATUS_TITLES[status]));
    for (const a of group) {
      lines.push(...bullet(a.text, ambitionAside(a, today), width, t));
      // Every step, newest first: what has been done toward it so far.
      const steps = [...stepsOf(a)].reverse();
      if (steps.length) lines.push(`    ${t.dim('Steps:')}`);
      for (const step of steps) {
        const when = showDate(step.on, today);
        lines.push(
          ...wrap(`${displaySafe(step.text)}  ${when}`, width, '        ', '      – ').map((l) =>
            l.endsWith(when) ? l.slice(0, -when.length) + t.dim(when) : l,
          ),
        );
      }
    }
  }
  return lines.join('\n');
}

export function renderFacts(
  person: Person,
  heading: string,
  records: { text: string; addedOn: IsoDate }[],
  today: IsoDate,
  t: Theme,
  width: number,
): string {
  const name = displaySafe(person.name);
  if (records.length === 0) return `Nothing recorded for ${name} yet.`;
  return [
    t.bold(`${heading}: ${name}`),
    ...records.flatMap((r) => bullet(r.text, showDate(r.addedOn, today), width, t)),
  ].join('\n');
}

/** "To ask Tom O'Brien next time", then, with --all, the ones asked and when. */
export function renderQuestions(
  person: Person,
  questions: { text: string; addedOn: IsoDate; askedOn: IsoDate | null }[],
  today: IsoDate,
  t: Theme,
  width: number,
): string {
  const name = displaySafe(person.name);
  const open = questions.filter((q) => !q.askedOn);
  const asked = questions.filter((q) => q.askedOn);
  const lines = open.length
    ? [
        t.bold(`To ask ${name} next time`),
        ...open.flatMap((q) => bullet(q.text, `noted ${showDate(q.addedOn, today)}`, width, t)),
      ]
    : [`Nothing open to ask ${name}. To add something: rel ask ${person.id} "How did the move go?"`];
  if (asked.length) {
    lines.push('', t.heading('Asked'));
    for (const q of asked) lines.push(...bullet(q.text, `asked ${showDate(q.askedOn!, today)}`, width, t));
  }
  return lines.join('\n');
}

/** Appreciation given, newest first, or how to record some. */
export function renderThanks(
  person: Person,
  thanks: Thanks[],
  today: IsoDate,
  t: Theme,
  width: number,
): string {
  const name = displaySafe(person.name);
  if (thanks.length === 0) {
    return `No appreciation recorded for ${name} yet. When you thank them:\n  rel thanks ${person.id} "Designing the Q1 newsletter"`;
  }
  return [
    t.bold(`Appreciation you gave ${name}`),
    ...thanks.flatMap((r) => bullet(r.text, showDate(r.on, today), width, t)),
  ].join('\n');
}
