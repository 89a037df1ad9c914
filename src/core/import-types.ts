// What an import reads from a file (people, before they are in the journal) and what it reports:
// who was added, who was skipped and why, what is wrong with which line. Shared by every format.
import type { Birthday } from './birthdays.js';
import type { ForgetNotTaken, MarkersKept } from './import-markers.js';

/** A person read from a file, before they are in the journal. */
export interface ImportedPerson {
  /** Where the row or card starts in the file (the header is line 1). */
  line: number;
  name: string;
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  aliases: string[];
  cadenceDays: number | null;
  birthday: Birthday | null;
  notes: string[];
  emails: string[];
  /** A vCard's UID or the id column of rel's own CSV: a person with this id is this person. */
  id?: string | undefined;
  /** The file is rel's own export: a new person keeps `id` when it is free. */
  ownId?: boolean | undefined;
  /** rel's own CSV: when they were added and archived, kept as they were. */
  createdAt?: string | undefined;
  archivedAt?: string | undefined;
}

export interface ImportProblem {
  /** The line in the file, or null when the problem is not tied to one. */
  line: number | null;
  /** A warning ends with what the import did about it: "…; imported without a birthday". */
  message: string;
}

/**
 * A warning as it is shown: when --strict refused the file nothing was imported, so what the
 * import did ("; imported without a birthday") is said as what it would have done.
 */
export function warningText(warning: ImportProblem, refused: boolean): string {
  return refused
    ? warning.message.replace('; imported ', '; without --strict, the person would be imported ')
    : warning.message;
}

export interface ReadPeople {
  people: ImportedPerson[];
  /** Rows or cards left out. */
  problems: ImportProblem[];
  /** What was imported only in part, or guessed (a birthday left out, a charset guessed). */
  warnings: ImportProblem[];
}

export interface AddedPerson {
  id: string;
  name: string;
  line: number | null;
}

export interface SkippedPerson {
  name: string;
  line: number | null;
  /** The person already in the journal (or earlier in the file) with that name. */
  existingId: string | null;
  reason: string;
  /** What they share with the person already there: an id, a name, or an e-mail address. */
  match?: 'id' | 'name' | 'email';
  /** The name of the person already there (in the journal, or earlier in the file). */
  existingName?: string;
  /** The line of that person in the file; null when they are in the journal. */
  existingLine?: number | null;
  /** With match "email": the address, as this row or card gives it. */
  email?: string;
  /** The day a rel forget removed them here: they are not brought back. */
  forgottenOn?: string;
}

export type Progress = (done: number, total: number) => void;

export interface JournalMerge {
  added: AddedPerson[];
  skipped: SkippedPerson[];
  conversations: { added: number; skipped: number };
  followUps: { added: number; skipped: number };
  /**
   * Records of the file that a rel forget removed from this journal: not brought back, and counted
   * among the skipped. Present only when the file held some.
   */
  forgotten?: { conversations: number; followUps: number };
  /**
   * From rel's JSON export: the tombstones (forgets, deletions) and dismissed meetings taken in.
   * Present only when some were.
   */
  kept?: MarkersKept;
  /** People here whom a forget in the file names: that forget was not taken (rel forget does it). */
  forgetsNotTaken?: ForgetNotTaken[];
  /** vCards that are contact groups (KIND:group), skipped: present only when the file had some. */
  groups?: { name: string; line: number }[];
  problems: ImportProblem[];
  /** What came in only in part (an e-mail address someone here has, left out). */
  warnings?: ImportProblem[];
}
