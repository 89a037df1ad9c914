// Settings: what each one means, how its text is checked, and where its value comes from.
// Precedence: a command's flag > environment variable > config file > built-in default.
// Pure: the config file's contents and the environment are passed in.
import { distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import { DEFAULT_KIND } from './capture.js';
import { DEFAULT_CADENCE_DAYS, describeCadence, PERIOD_FORMS, periodDays } from './dates.js';
import { emailKey, parseEmail } from './emails.js';

export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export type DateDisplay = 'short' | 'iso';

export interface Settings {
  defaultCadenceDays: number;
  defaultKind: string;
  /** 0 Sunday ... 6 Saturday. */
  weekStart: WeekStart;
  dateDisplay: DateDisplay;
  /** The calendar `rel inbox` reads when no --calendar is given: an .ics file or a folder of them. */
  calendar: string | null;
  /** Your own e-mail addresses, as calendars name you (lower case). */
  me: string[];
}

export const BUILT_IN: Settings = {
  defaultCadenceDays: DEFAULT_CADENCE_DAYS,
  defaultKind: DEFAULT_KIND,
  weekStart: 1,
  dateDisplay: 'short',
  calendar: null,
  me: [],
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

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
}

function spec<K extends keyof Settings>(s: Spec<K>): Spec<K> {
  return s;
}

export const SETTINGS = [
  spec({
    key: 'default-cadence',
    field: 'defaultCadenceDays',
    env: 'REL_DEFAULT_CADENCE',
    meaning: 'how often to catch up with someone who has no cadence of their own',
    accepts: `a period: ${PERIOD_FORMS}`,
    parse: (text) => {
      const days = periodDays(text);
      return days !== undefined && days >= 1 ? days : undefined;
    },
    show: (days) => `${days}d (${describeCadence(days)})`,
    store: (days) => `${days}d`,
  }),
  spec({
    key: 'default-kind',
    field: 'defaultKind',
    env: 'REL_DEFAULT_KIND',
    meaning: 'the kind of conversation rel log records when --kind is not given',
    accepts: '1:2:1, coffee, call, meeting, walk, message, or any word',
    parse: (text) => text.replace(/\s+/g, ' ').trim() || undefined,
    show: (kind) => kind,
    store: (kind) => kind,
  }),
  spec({
    key: 'week-start',
    field: 'weekStart',
    env: 'REL_WEEK_START',
    meaning: 'the first day of the week, for weekly charts and plans',
    accepts: 'a day of the week: monday, sunday, ...',
    parse: (text) => {
      const word = text.trim().toLowerCase();
      const day = word.length >= 3 ? WEEKDAYS.findIndex((d) => d.startsWith(word)) : -1;
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
    meaning: 'the calendar rel inbox reads: an .ics file, or a folder of them (khal, vdirsyncer)',
    accepts: 'the path of an .ics file or of a folder',
    parse: (text) => text.trim() || undefined,
    show: (path) => path ?? '(none)',
    store: (path) => path ?? '',
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
];

function looksLikeEmail(text: string): boolean {
  try {
    parseEmail(text);
    return true;
  } catch {
    return false;
  }
}

export type SettingSpec = (typeof SETTINGS)[number];
export type Source = 'environment' | 'config' | 'default';

/** A setting's key as typed: an unknown one is a usage error with the closest key suggested. */
export function findSetting(key: string): SettingSpec {
  const typed = key.trim().toLowerCase();
  const found = SETTINGS.find((s) => s.key === typed);
  if (found) return found;
  const closest =
    SETTINGS.find((s) => typed.length >= 3 && s.key.includes(typed)) ??
    [...SETTINGS].sort((a, b) => distance(typed, a.key) - distance(typed, b.key))[0]!;
  const near =
    closest.key.includes(typed) ||
    distance(typed, closest.key) <= Math.min(3, Math.ceil(closest.key.length / 2))
      ? `Did you mean ${closest.key}? `
      : '';
  throw new UsageError(
    `There is no setting called "${key}".`,
    `${near}The settings are: ${SETTINGS.map((s) => s.key).join(', ')}.`,
  );
}

/** Checks a value typed for a setting and returns it as the config file keeps it ("sun" -> "sunday"). */
export function parseSetting(setting: SettingSpec, text: string): string {
  const value = (setting.parse as (t: string) => unknown)(text);
  if (value === undefined) {
    throw new UsageError(`"${text}" is not a valid ${setting.key}.`, `Use ${setting.accepts}.`);
  }
  return (setting.store as (v: unknown) => string)(value);
}

export interface Resolved {
  settings: Settings;
  sources: Record<string, Source>;
  /** Config or environment values that were not understood and so were skipped. */
  problems: string[];
}

/**
 * The settings in force: environment over the config file over the built-in defaults. A value
 * that is not understood is skipped with a problem reported, so one typo does not stop rel.
 */
export function resolveSettings(
  config: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Resolved {
  const settings: Settings = { ...BUILT_IN };
  const sources: Record<string, Source> = {};
  const problems: string[] = [];
  for (const setting of SETTINGS) {
    sources[setting.key] = 'default';
    const candidates: [Source, unknown, string][] = [
      ['environment', env[setting.env] || undefined, setting.env],
      ['config', config[setting.key], `${setting.key} in the config file`],
    ];
    for (const [source, raw, where] of candidates) {
      if (raw === undefined) continue;
      const value = typeof raw === 'string' ? (setting.parse as (t: string) => unknown)(raw) : undefined;
      if (value === undefined) {
        problems.push(`${where} is "${String(raw)}", not ${setting.accepts}; ignoring it.`);
        continue;
      }
      (settings as unknown as Record<string, unknown>)[setting.field] = value;
      sources[setting.key] = source;
      break;
    }
  }
  for (const key of Object.keys(config)) {
    if (!SETTINGS.some((s) => s.key === key))
      problems.push(`the config file has an unknown setting "${key}"; ignoring it.`);
  }
  return { settings, sources, problems };
}

/** A setting's value in force, as a person would write it. */
export function showSetting(setting: SettingSpec, settings: Settings): string {
  return (setting.show as (v: unknown) => string)(settings[setting.field]);
}
