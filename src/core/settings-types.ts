// The settings in force, as one record: its type alone, apart from settings.ts (the defaults and
// where each value comes from) and setting-specs.ts (each setting's spec), which both use it.
import type { CadenceCounts } from './together.js';

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
  /** Kinds of conversation that are written (a message, an e-mail): never time together by default. */
  writtenKinds: string[];
  /** Which conversations move a cadence: see src/core/together.ts. */
  cadenceCounts: CadenceCounts;
  /** How the 1:2:1 kind is shown in human output ("1:1", "one-on-one"); stored as 1:2:1. */
  oneToOneLabel: string;
  /** The days of the week one works (0 Sunday ... 6 Saturday), in order: a check-in shows on one. */
  workingDays: number[];
  /** The cadence `rel left` gives someone who left, unless --cadence says otherwise. */
  alumniCadenceDays: number;
  /** An active ambition with no step for this long becomes a talking point. */
  ambitionStepDays: number;
  /** Time together in this long without any appreciation given becomes a talking point. */
  appreciationDays: number;
}
