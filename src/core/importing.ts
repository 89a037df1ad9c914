// Bringing people in: from rows of a CSV file, from vCards, or from rel's own JSON export. Pure:
// the command reads the file, decodes it and hands the records here; this decides what is added,
// what is skipped as already there, and what is wrong with which line. One import, whatever the
// file: what the command rehearses, then applies under the lock. Reading each format is
// import-csv.ts (with import-csv-headers.ts) and vcard.ts; matching people, import-people.ts;
// rel's own export, import-journal.ts.
import { toIsoDate } from './dates.js';
import { addFromExport } from './import-journal.js';
import { addImportedPeople } from './import-people.js';
import type { ImportedPerson, ImportProblem, JournalMerge, Progress } from './import-types.js';
import type { Clock, Journal } from './journal.js';

export type ImportSource =
  | {
      kind: 'journal';
      journal: Journal;
      lineOf: (collection: string, index: number) => number | null;
      /** Where each record read is in the file's list (a record not read leaves a gap). */
      positionOf?: (collection: string, index: number) => number;
      problems: ImportProblem[];
      warnings: ImportProblem[];
      /** rel's conversations table: the names in each conversation, for ids not in the journal. */
      names?: Map<string, string[]>;
    }
  | {
      kind: 'people';
      people: ImportedPerson[];
      problems: ImportProblem[];
      warnings: ImportProblem[];
      /** vCards that are contact groups (KIND:group): skipped. */
      groups?: { name: string; line: number }[];
    };

export type ImportOutcome = JournalMerge & { warnings: ImportProblem[] };

export function applyImport(
  journal: Journal,
  source: ImportSource,
  clock: Clock,
  progress?: Progress,
): ImportOutcome {
  if (source.kind === 'journal') {
    const merged = addFromExport(
      journal,
      source.journal,
      source.lineOf,
      progress,
      source.names,
      clock.newId,
      toIsoDate(clock.now),
      source.positionOf,
    );
    return {
      ...merged,
      problems: [...source.problems, ...merged.problems],
      warnings: [...source.warnings, ...(merged.warnings ?? [])],
    };
  }
  const { warnings, ...people } = addImportedPeople(journal, source.people, clock, progress);
  return {
    ...people,
    conversations: { added: 0, skipped: 0 },
    followUps: { added: 0, skipped: 0 },
    problems: source.problems,
    warnings: [...source.warnings, ...warnings],
    ...(source.groups ? { groups: source.groups } : {}),
  };
}

/** How many records an import adds: none means there is nothing to write. */
export function changeCount(outcome: ImportOutcome): number {
  const kept = outcome.kept;
  const markers = kept ? kept.forgotten + kept.deletions + kept.dismissals : 0;
  return outcome.added.length + outcome.conversations.added + outcome.followUps.added + markers;
}
