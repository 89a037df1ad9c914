// Settings: their values in force, the built-in defaults, and where each value comes from.
// Precedence: a command's flag > environment variable > config file > built-in default.
// Pure: the config file's contents and the environment are passed in. What each setting means and
// how its text is checked is the table in setting-specs.ts.
import { distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import { DEFAULT_CADENCE_DAYS } from './dates.js';
import { DEFAULT_GROWTH_RULES, type GrowthRules } from './growth.js';
import { DEFAULT_KIND } from './kinds.js';
import { periodDays } from './periods.js';
import { SETTINGS, type SettingSpec } from './setting-specs.js';
import type { DateDisplay, Settings, WeekStart } from './settings-types.js';
import { DEFAULT_CADENCE_COUNTS, DEFAULT_WRITTEN_KINDS, type TogetherRules } from './together.js';

export type { DateDisplay, Settings, WeekStart };

/** Six months: relationships outlive the job, at a slower pace. */
export const ALUMNI_CADENCE_DAYS = periodDays('6m')!;

export const BUILT_IN: Settings = {
  defaultCadenceDays: DEFAULT_CADENCE_DAYS,
  defaultKind: DEFAULT_KIND,
  weekStart: 1,
  dateDisplay: 'short',
  calendar: null,
  me: [],
  writtenKinds: DEFAULT_WRITTEN_KINDS,
  cadenceCounts: DEFAULT_CADENCE_COUNTS,
  oneToOneLabel: DEFAULT_KIND,
  workingDays: [1, 2, 3, 4, 5],
  alumniCadenceDays: ALUMNI_CADENCE_DAYS,
  // 90 days: long enough for an opportunity to come along; 6 weeks: a few times together at most cadences.
  ...DEFAULT_GROWTH_RULES,
};

export function growthRulesOf(settings: Settings): GrowthRules {
  return { ambitionStepDays: settings.ambitionStepDays, appreciationDays: settings.appreciationDays };
}

/** The rules of time together that these settings make (for countsAsTogether and checkIn). */
export function togetherRulesOf(settings: Settings): TogetherRules {
  return { writtenKinds: settings.writtenKinds, cadenceCounts: settings.cadenceCounts };
}

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
  setting.check?.(text);
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
      // What `rel config set` refuses is refused from the environment or a hand-edited file too.
      if (typeof raw === 'string' && setting.check) {
        try {
          setting.check(raw);
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          problems.push(`${where}: ${error.message} Ignoring it.`);
          continue;
        }
      }
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

/** What `rel config set` notes about the value it kept, when it may surprise (see noteOnSet). */
export function noteOnSet(setting: SettingSpec, settings: Settings): string | undefined {
  const note =
    'noteOnSet' in setting
      ? (setting.noteOnSet as ((v: unknown) => string | undefined) | undefined)
      : undefined;
  return note?.(settings[setting.field]);
}
