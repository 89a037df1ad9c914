import { daysBetween, type IsoDate } from '../../core/dates.js';
import type { Pulse, PulseTheme, PulseWorry } from '../../core/pulse.js';
import type { SharedTheme } from '../../core/stored-themes.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate } from '../display.js';
import type { Theme } from '../theme.js';
import { wrap } from './table.js';

/** Quiet ambitions listed before the rest are counted in one line (--json has them all). */
const QUIET_SHOWN = 10;
/** Names listed beside a theme before the rest are counted. */
const NAMES_SHOWN = 4;

function periodText(since: IsoDate, until: IsoDate): string {
  const days = daysBetween(since, until) + 1;
  const span = days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day');
  return `${span} · ${showDate(since, until)} – ${showDate(until, until)}`;
}

/** "3 people and 1 group conversation". */
function voicesText(people: number, groups: number): string {
  const parts = [
    people ? plural(people, 'person', 'people') : '',
    groups ? plural(groups, 'group conversation') : '',
  ];
  return parts.filter(Boolean).join(' and ');
}

function themeLine(theme: PulseTheme, until: IsoDate): string {
  const names = theme.people.slice(0, NAMES_SHOWN).map((p) => displaySafe(p.name));
  if (theme.people.length > NAMES_SHOWN) names.push(`${theme.people.length - NAMES_SHOWN} more`);
  const who = names.length ? ` (${names.join(', ')})` : '';
  return `${displaySafe(theme.theme)}: ${voicesText(theme.people.length, theme.groups)}${who} · ${plural(theme.mentions, 'note')} · last ${showDate(theme.last, until)}`;
}

/** "Eve Nakamura: the last three things you heard were worries (reorg, launch, review): maybe ask how Eve is." */
export function worryLine(worry: PulseWorry): string {
  const first = displaySafe(worry.name.split(' ')[0] ?? worry.name);
  const topics = worry.topics.map((t) => displaySafe(t)).join(', ');
  return `${displaySafe(worry.name)}: the last three things you heard were worries (${topics}): maybe ask how ${first} is.`;
}

/** `width` wraps the prose: no limit into a pipe (see io.proseWidth), so grep finds a line whole. */
export function renderPulse(pulse: Pulse, t: Theme, width: number): string {
  const lines: string[] = [t.heading('What the team is telling you')];
  const sharers = new Set(pulse.themes.flatMap((th) => th.people.map((p) => p.id)));
  lines.push(`${periodText(pulse.since, pulse.until)} · ${plural(pulse.notes, 'listening note')} read`);
  const section = (title: string, body: string[], empty: string) => {
    lines.push('', t.heading(title));
    lines.push(...(body.length ? body : [t.dim(`  ${empty}`)]));
  };

  section(
    `Themes several people raised (${pulse.themes.length})`,
    pulse.themes.flatMap((theme) => wrap(themeLine(theme, pulse.until), width, '    ', '  • ')),
    pulse.notes
      ? 'No theme came up with two or more people in this period.'
      : 'No listening notes in this period. Note what you hear with rel log --heard "…".',
  );
  section(
    `Who may need a word (${pulse.worries.length})`,
    pulse.worries.flatMap((worry) => [
      ...wrap(worryLine(worry), width, '    ', '  • '),
      ...worry.notes.flatMap((n) => {
        const date = `      ${showDate(n.date, pulse.until)}  `;
        return wrap(displaySafe(n.text), width, ' '.repeat(date.length), date).map((l) => t.dim(l));
      }),
    ]),
    'Nobody whose last three notes all read as worries.',
  );
  if (pulse.quietAmbitions.length) {
    const shown = pulse.quietAmbitions.slice(0, QUIET_SHOWN);
    section(
      `Ambitions not discussed since ${showDate(pulse.since, pulse.until)} (${pulse.quietAmbitions.length})`,
      [
        ...shown.flatMap((a) =>
          wrap(
            `${displaySafe(a.name)}: ${displaySafe(a.ambition)}  ${t.dim(`last discussed ${showDate(a.since, pulse.until)}`)}`,
            width,
            '    ',
            '  • ',
          ),
        ),
        ...(pulse.quietAmbitions.length > shown.length
          ? [
              t.dim(
                `  … and ${pulse.quietAmbitions.length - shown.length} more (rel pulse --json lists all).`,
              ),
            ]
          : []),
      ],
      '',
    );
  }
  if (sharers.size)
    lines.push('', t.dim("Each person's profile now says which of these themes they share with others."));
  return lines.join('\n');
}

/** The profile's line: "On-call came up with 3 others, reorg with 2 others (31 Oct – 27 Nov)." */
export function sharedThemesLine(
  themes: SharedTheme[],
  since: IsoDate,
  until: IsoDate,
  today: IsoDate,
): string {
  const parts = themes.slice(0, 3).map((s, i) => {
    const others = s.others ? `with ${plural(s.others, 'other')}` : '';
    const groups = s.groups ? `in ${plural(s.groups, 'group conversation')}` : '';
    const voices = [others, groups].filter(Boolean).join(' and ');
    const name = displaySafe(s.theme);
    return i === 0
      ? `${name.charAt(0).toUpperCase()}${name.slice(1)} came up ${voices}`
      : `${name} ${voices}`;
  });
  const more = themes.length > 3 ? `, and ${plural(themes.length - 3, 'other theme')}` : '';
  return `${parts.join(', ')}${more} (${showDate(since, today)} – ${showDate(until, today)}).`;
}
