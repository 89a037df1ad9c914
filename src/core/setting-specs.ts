// What each setting means, the text it accepts (checked), how its value is shown and how the
// config file keeps it: the table behind `rel config` and resolveSettings (settings.ts).
import { UsageError } from '../errors.js';
import { parseSource, redactSource } from './calendar-source.js';
import { spanWords } from './dates.js';
import { emailKey, parseEmail } from './emails.js';
import { kindKey } from './kinds.js';
import { cadenceProblem, describeCadence, PERIOD_FORMS, periodDays } from './periods.js';
import type { Settings, WeekStart } from './settings-types.js';
import {
  builtInsLeftOut,
  type CadenceCounts,
  comparable,
  DEFAULT_WRITTEN_KINDS,
  isWrittenKind,
} from './together.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CADENCE_COUNTS: CadenceCounts[] = ['small-groups', 'alone', 'any'];

/** A day of the week from its name or the first three letters or more of it; -1 when none. */
function weekday(text: string): number {
  const word = text.trim().toLowerCase();
  return word.length >= 3 ? WEEKDAYS.findIndex((d) => d.startsWith(word)) : -1;
}

/**
 * Working days from "mon-fri", "mon,tue,thu" or a mix ("mon-wed,fri"); a range may wrap the
 * weekend ("sun-thu"). Sorted, Sunday first; undefined when a part names no day.
 */
function parseWorkingDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const ends = part.split('-');
    if (ends.length > 2) return undefined;
    const from = weekday(ends[0]!);
    const to = ends.length === 2 ? weekday(ends[1]!) : from;
    if (from < 0 || to < 0) return undefined;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return days.size ? [...days].sort((a, b) => a - b) : undefined;
}

/** Working days as one writes them: runs of three or more days as a range, Monday first ("mon-fri"). */
function showWorkingDays(days: readonly number[]): string {
  // Positions in a week that starts on Monday: mon 0 ... sun 6.
  const positions = [...new Set(days.map((d) => (d + 6) % 7))].sort((a, b) => a - b);
  const short = (position: number) => WEEKDAYS[(position + 1) % 7]!.slice(0, 3);
  const parts: string[] = [];
  for (let i = 0; i < positions.length; ) {
    let j = i;
    while (j + 1 < positions.length && positions[j + 1] === positions[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${short(positions[i]!)}-${short(positions[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(short(positions[k]!));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * A list of kinds: comma-separated words, each kept in one spelling; `none` for no kind at all.
 * A kind written with a leading `+` (`+memo`, `+memo,+fax`) makes the list the built-in written
 * kinds and these: a list of one's own otherwise replaces the built-in one.
 */
function parseKindList(text: string): string[] | undefined {
  if (text.trim().toLowerCase() === 'none') return [];
  const parts = text.split(',').map((k) => k.trim());
  const adding = parts.some((k) => k.startsWith('+'));
  const kinds = [...new Set(parts.map((k) => kindKey(k.replace(/^\+/, ''))))].filter(Boolean);
  if (!adding) return kinds.length ? kinds : undefined;
  // Added kinds the built-in list already has, however spelt (+E-Mail), are not added again.
  const builtIn = new Set(DEFAULT_WRITTEN_KINDS.map(comparable));
  return [...DEFAULT_WRITTEN_KINDS, ...kinds.filter((k) => !builtIn.has(comparable(k)))];
}

/**
 * The config file keeps a list that is the built-in one and more as `+memo,+fax`, so that it
 * follows the built-in list when a later rel adds to it; any other list as it is.
 */
function storeKindList(kinds: readonly string[]): string {
  if (!kinds.length) return 'none';
  const added = kinds.slice(DEFAULT_WRITTEN_KINDS.length);
  const followsBuiltIn = added.length > 0 && DEFAULT_WRITTEN_KINDS.every((k, i) => kinds[i] === k);
  return followsBuiltIn ? added.map((k) => `+${k}`).join(',') : kinds.join(',');
}

/** `rel config set`'s note when a list of one's own leaves built-in written kinds spoken. */
function kindListNote(kinds: readonly string[]): string | undefined {
  const left = builtInsLeftOut(kinds);
  if (!kinds.length || !left.length) return undefined;
  const some = left.slice(0, 3).join(', ');
  const count =
    left.length === 1 ? '1 built-in written kind is' : `${left.length} built-in written kinds are`;
  // The kinds of the list the built-in one lacks: what adding would have meant.
  const own = kinds.filter((k) => !isWrittenKind(k, DEFAULT_WRITTEN_KINDS));
  const instead = own.length
    ? `To add to it instead: rel config set written-kinds "${own.map((k) => `+${k}`).join(',')}"`
    : 'To keep it: rel config unset written-kinds';
  return `${count} no longer written (${some}${left.length > 3 ? ', ...' : ''}): your list replaces the built-in one. ${instead}`;
}

interface Spec<K extends keyof Settings> {
  key: string;
  field: K;
  env: string;
  meaning: string;
  accepts: string;
  /** The value the text means, or undefined when it means nothing. */
  parse: (text: string) => Settings[K] | undefined;
  /** The value as a person reads it. */
  show: (value: Settings[K]) => string;
  /** The value as the config file keeps it. */
  store: (value: Settings[K]) => string;
  /** Refuses, with its own message, a text that `parse` takes but `rel config set` should not keep. */
  check?: (text: string) => void;
  /** What `rel config set` says after keeping a value whose effect may surprise; undefined for none. */
  noteOnSet?: (value: Settings[K]) => string | undefined;
}

function spec<K extends keyof Settings>(s: Spec<K>): Spec<K> {
  return s;
}

/** A period of at least a day and at most ten years, kept as `<days>d`. */
const CADENCE = {
  parse: (text: string) => {
    const days = periodDays(text);
    return cadenceProblem(days) === undefined ? days : undefined;
  },
  show: (days: number) => `${days}d (${describeCadence(days)})`,
  store: (days: number) => `${days}d`,
};

/** Any words, kept on one line. */
const ONE_LINE = {
  parse: (text: string) => text.replace(/\s+/g, ' ').trim() || undefined,
  show: (text: string) => text,
  store: (text: string) => text,
};

export const SETTINGS = [
  spec({
    key: 'default-cadence',
    field: 'defaultCadenceDays',
    env: 'REL_DEFAULT_CADENCE',
    meaning: 'how often to catch up with someone who has no cadence of their own',
    accepts: `a period up to 10 years: ${PERIOD_FORMS}`,
    ...CADENCE,
  }),
  spec({
    key: 'default-kind',
    field: 'defaultKind',
    env: 'REL_DEFAULT_KIND',
    meaning: 'the kind of conversation rel log records when --kind is not given',
    accepts: '1:2:1, coffee, call, meeting, walk, message, or any word',
    ...ONE_LINE,
  }),
  spec({
    key: 'week-start',
    field: 'weekStart',
    env: 'REL_WEEK_START',
    meaning: 'the first day of the week, for weekly charts and plans',
    accepts: 'a day of the week: monday, sunday, ...',
    parse: (text) => {
      const day = weekday(text);
      return day >= 0 ? (day as WeekStart) : undefined;
    },
    show: (day) => WEEKDAYS[day]!,
    store: (day) => WEEKDAYS[day]!,
  }),
  spec({
    key: 'date-display',
    field: 'dateDisplay',
    env: 'REL_DATE_DISPLAY',
    meaning: 'how dates are shown: short (6 Nov) or iso (2026-11-06)',
    accepts: 'short or iso',
    parse: (text) => {
      const word = text.trim().toLowerCase();
      return word === 'short' || word === 'iso' ? word : undefined;
    },
    show: (display) => display,
    store: (display) => display,
  }),
  spec({
    key: 'calendar',
    field: 'calendar',
    env: 'REL_CALENDAR',
    meaning:
      'the calendar rel inbox reads: an .ics file, a folder of them, a feed address, a CalDAV calendar',
    accepts:
      'the path of an .ics file or of a folder, an https:// feed address, or caldav+https://you@host/path',
    // Any text is taken, so that a feed's secret address is never repeated in a message about
    // it; `rel config set` checks it (parseSource, whose messages show only scheme and host).
    parse: (text) => text.trim() || undefined,
    show: (source) => (source ? redactSource(source) : '(none)'),
    store: (source) => source ?? '',
    check: (text) => {
      const source = parseSource(text);
      // A feed's user:password would be kept in plain text in the config file (or the shell's).
      if (source.kind === 'feed' && source.url.password) {
        throw new UsageError(
          `The calendar address ${redactSource(text)} has a password in it; rel does not keep passwords.`,
          'Use the feed’s secret address, which needs no password, or a CalDAV address (caldav+https://you@host/path).',
        );
      }
    },
  }),
  spec({
    key: 'me',
    field: 'me',
    env: 'REL_ME',
    meaning: 'your own e-mail addresses, so that rel inbox leaves you out and skips what you declined',
    accepts: 'e-mail addresses separated by commas',
    parse: (text) => {
      const addresses = text
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (!addresses.length || !addresses.every(looksLikeEmail)) return undefined;
      return [...new Set(addresses.map(emailKey))];
    },
    show: (addresses) => (addresses.length ? addresses.join(', ') : '(not set)'),
    store: (addresses) => addresses.join(', '),
  }),
  spec({
    key: 'written-kinds',
    field: 'writtenKinds',
    env: 'REL_WRITTEN_KINDS',
    meaning: 'kinds of conversation that are written, not spoken: seen, but not time together',
    accepts:
      'a comma-separated list of kinds, e.g. message,email,chat (or none); +memo adds to the built-in list',
    parse: parseKindList,
    show: (kinds) => (kinds.length ? kinds.join(', ') : 'none'),
    store: storeKindList,
    noteOnSet: kindListNote,
  }),
  spec({
    key: 'cadence-counts',
    field: 'cadenceCounts',
    env: 'REL_CADENCE_COUNTS',
    meaning: 'which conversations move a cadence: small-groups (you and up to three others), alone, or any',
    accepts: 'small-groups, alone or any',
    parse: (text) => {
      const word = text
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, '-');
      const rule = word === 'small-group' ? 'small-groups' : word;
      return CADENCE_COUNTS.find((c) => c === rule);
    },
    show: (rule) => rule,
    store: (rule) => rule,
  }),
  spec({
    key: 'one-to-one-label',
    field: 'oneToOneLabel',
    env: 'REL_ONE_TO_ONE_LABEL',
    meaning: 'how the 1:2:1 kind is shown (1:1, one-on-one, ...); the journal keeps 1:2:1',
    accepts: 'a short label, e.g. 1:1',
    ...ONE_LINE,
  }),
  spec({
    key: 'working-days',
    field: 'workingDays',
    env: 'REL_WORKING_DAYS',
    meaning: 'the days you work: a check-in due on another day is shown on the working day before',
    accepts: 'a range (mon-fri) or a comma-separated list of days (mon,tue,thu)',
    parse: parseWorkingDays,
    show: showWorkingDays,
    store: showWorkingDays,
  }),
  spec({
    key: 'alumni-cadence',
    field: 'alumniCadenceDays',
    env: 'REL_ALUMNI_CADENCE',
    meaning: 'how often to catch up with someone rel left marks as having left',
    accepts: `a period up to 10 years: ${PERIOD_FORMS}`,
    ...CADENCE,
  }),
  spec({
    key: 'ambition-step-period',
    field: 'ambitionStepDays',
    env: 'REL_AMBITION_STEP_PERIOD',
    meaning: 'how long an active ambition may go with nothing done toward it before it is a talking point',
    accepts: `a period: ${PERIOD_FORMS}`,
    parse: positivePeriod,
    show: showPeriod,
    store: (days) => `${days}d`,
  }),
  spec({
    key: 'appreciation-period',
    field: 'appreciationDays',
    env: 'REL_APPRECIATION_PERIOD',
    meaning:
      'how long you may spend time with someone without appreciating them before it is a talking point',
    accepts: `a period: ${PERIOD_FORMS}`,
    parse: positivePeriod,
    show: showPeriod,
    store: (days) => `${days}d`,
  }),
];

function positivePeriod(text: string): number | undefined {
  const days = periodDays(text);
  return days !== undefined && days >= 1 ? days : undefined;
}

/** "90d (about 3 months)": a period is a span, not a cadence ("every 90 days" would mislead). */
function showPeriod(days: number): string {
  return `${days}d (${spanWords(days)})`;
}

function looksLikeEmail(text: string): boolean {
  try {
    parseEmail(text);
    return true;
  } catch {
    return false;
  }
}

export type SettingSpec = (typeof SETTINGS)[number];
