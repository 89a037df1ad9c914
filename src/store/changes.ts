// What one write changed, record by record, and how to take it back. Each write keeps the
// records as they were before it (and a hash of what it made of them), so that `rel undo` can put
// them back without touching anything else that changed since, and can see when something did.
import { createHash } from 'node:crypto';

/** A journal's top-level fields as text: record arrays by id (in order), anything else whole. */
export type Snapshot = Map<string, Field>;
type Field =
  | {
      kind: 'records';
      texts: Map<string, string>;
      /** The texts are lines of the file, not yet known to be the records' JSON (see settle). */
      fromFile?: boolean;
    }
  | { kind: 'value'; text: string };

export interface Change {
  /** The top-level field: people, conversations, followUps, or any other. */
  key: string;
  /** The record's id within that field; absent when the change is to the field as a whole. */
  id?: string;
  /** The record (or field) before the write; absent when it did not exist. */
  before?: unknown;
  /** Where the record stood, to put it back there. */
  index?: number;
  /** A hash of the record (or field) after the write; null when the write removed it. */
  after: string | null;
  /**
   * A hash of the record after the write without its `updatedAt`. Undoing a later change puts
   * that change's records back and stamps them anew (so that a sync takes the undo); this is what
   * says the record is still as this change made it. Absent in undo data from before it existed.
   */
  content?: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** The record's text without its `updatedAt` stamp (nor `restores`, which an undo sets with it), hashed. */
function contentHash(text: string): string {
  const { updatedAt: _stamp, restores: _restored, ...content } = JSON.parse(text) as Record<string, unknown>;
  return hash(JSON.stringify(content));
}

/**
 * Tombstones are bookkeeping for merges that every write (an undo too) keeps up to date by itself
 * (core/tombstones.ts): undo neither restores nor checks them.
 */
const BOOKKEEPING = new Set(['tombstones']);

type Identified = { id: string };

/**
 * The texts of an array of records with distinct string ids, by id in the array's order;
 * undefined when the value is not such an array.
 */
function textsById(
  value: unknown,
  textOf: (record: Identified, index: number) => string,
): Map<string, string> | undefined {
  if (!Array.isArray(value)) return undefined;
  const texts = new Map<string, string>();
  for (const [index, record] of value.entries()) {
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return undefined;
    texts.set(id, textOf(record, index));
  }
  return texts.size === value.length ? texts : undefined;
}

const stringify = (record: unknown) => JSON.stringify(record);

/**
 * Each record's JSON, from one JSON.stringify of the whole list: the line is returned when the
 * list's JSON has it at the record's place, else the record is turned into JSON on its own. This
 * asks records in the list's order, once each. Sound only for lines that are each one record's
 * whole JSON (a JSON object ends where its first brace closes, so a line that starts the record's
 * place is all of it); a line of a file laid out by hand could be a piece of a record, or two.
 */
function inOnePiece(value: unknown): (record: unknown, line: string | undefined) => string {
  const whole = Array.isArray(value) ? JSON.stringify(value) : '';
  let at = 1; // after the "["
  return (record, line) => {
    // A slice compared whole is several times faster than startsWith at an offset.
    const text =
      line !== undefined && whole.slice(at, at + line.length) === line ? line : JSON.stringify(record);
    at += text.length + 1; // and its "," (or the "]")
    return text;
  };
}

export function snapshot(journal: object): Snapshot {
  const fields: Snapshot = new Map();
  for (const [key, value] of Object.entries(journal)) {
    if (BOOKKEEPING.has(key)) continue;
    const texts = textsById(value, stringify);
    fields.set(key, texts ? { kind: 'records', texts } : { kind: 'value', text: JSON.stringify(value) });
  }
  return fields;
}

/**
 * snapshot() without turning any record into JSON: each record's text is its line in the file the
 * journal was read from (format.ts recordLines), checked only where it matters, by settle().
 */
export function snapshotFromLines(journal: object, lines: Map<string, string[]>): Snapshot {
  const fields: Snapshot = new Map();
  for (const [key, value] of Object.entries(journal)) {
    if (BOOKKEEPING.has(key)) continue;
    const found = lines.get(key) ?? [];
    const texts =
      Array.isArray(value) && found.length === value.length
        ? textsById(value, (_, index) => found[index]!)
        : undefined;
    fields.set(
      key,
      texts ? { kind: 'records', texts, fromFile: true } : { kind: 'value', text: JSON.stringify(value) },
    );
  }
  return fields;
}

/** A line of the file was not the record it stood for: take a full snapshot() instead. */
export class LayoutMismatch extends Error {}

/**
 * The snapshot of the journal after a change. Where `before` came from the file's lines, a line
 * that differs from its record's JSON now is replaced in `before` by the JSON of what it held
 * (made whole by `complete`, as reading does), so that `before` is exact wherever the two are
 * compared; an unchanged record keeps its line as its text, so that the write reuses the file's
 * own string and the fresh one is garbage at once. Throws LayoutMismatch when a line does not
 * hold the record it stands for. `ownLines`: every line is a record's JSON as rel wrote it
 * (codec.ts ownLines), so a list is turned into JSON in one piece and its lines found in that.
 */
export function settle(
  before: Snapshot,
  journal: object,
  complete: (key: string, record: unknown) => unknown,
  ownLines = false,
): Snapshot {
  const after: Snapshot = new Map();
  for (const [key, value] of Object.entries(journal)) {
    if (BOOKKEEPING.has(key)) continue;
    const was = before.get(key);
    const lines = was?.kind === 'records' && was.fromFile ? was.texts : undefined;
    let seen = 0;
    const jsonOf = lines && ownLines ? inOnePiece(value) : stringify;
    const texts = textsById(value, (record) => {
      const line = lines?.get(record.id);
      const text = jsonOf(record, line);
      if (line === undefined) return text; // added by the change, or no line to reuse
      seen++;
      if (line === text) return line;
      lines!.set(record.id, exactText(key, record.id, line, complete));
      return text;
    });
    after.set(key, texts ? { kind: 'records', texts } : { kind: 'value', text: JSON.stringify(value) });
    if (lines && (!texts || seen < lines.size)) {
      // Records the change removed: what they were is kept for undo.
      for (const [id, line] of lines) if (!texts?.has(id)) lines.set(id, exactText(key, id, line, complete));
    }
  }
  for (const [key, was] of before) {
    if (was.kind === 'records' && was.fromFile && !after.has(key)) {
      for (const [id, line] of was.texts) was.texts.set(id, exactText(key, id, line, complete));
    }
    if (was.kind === 'records') was.fromFile = false;
  }
  return after;
}

/** The JSON of the record a line holds, as reading makes it; LayoutMismatch when it holds another. */
function exactText(
  key: string,
  id: string,
  line: string,
  complete: (key: string, record: unknown) => unknown,
): string {
  let held: { id?: unknown } | null;
  try {
    held = JSON.parse(line) as { id?: unknown } | null;
  } catch {
    throw new LayoutMismatch(`${key} ${id}: its line is not a record`);
  }
  if (held?.id !== id) throw new LayoutMismatch(`${key} ${id}: its line holds another record`);
  return JSON.stringify(complete(key, held));
}

/** The record texts by collection and id, as core/tombstones.ts compares them. */
export function recordTexts(fields: Snapshot): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, field] of fields) if (field.kind === 'records') out.set(key, field.texts);
  return out;
}

/** The changes that turn `before` into `after`; empty when the write changed nothing. */
export function diff(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  const keys = new Set([...before.keys(), ...after.keys()]);
  for (const key of keys) {
    const old = before.get(key);
    const now = after.get(key);
    if (old?.kind === 'records' && now?.kind === 'records') {
      let index = 0;
      for (const [id, was] of old.texts) {
        const is = now.texts.get(id);
        if (is !== was)
          changes.push({
            key,
            id,
            before: JSON.parse(was),
            index,
            ...(is === undefined ? { after: null } : { after: hash(is), content: contentHash(is) }),
          });
        index++;
      }
      for (const [id, is] of now.texts)
        if (!old.texts.has(id)) changes.push({ key, id, after: hash(is), content: contentHash(is) });
      continue;
    }
    const was = old && textOf(old);
    const is = now && textOf(now);
    if (was === is) continue;
    const change: Change = { key, after: is === undefined ? null : hash(is) };
    if (was !== undefined) change.before = JSON.parse(was);
    changes.push(change);
  }
  return changes;
}

function textOf(field: Field): string {
  return field.kind === 'value' ? field.text : `[${[...field.texts.values()].join(',')}]`;
}

type Journalish = Record<string, unknown>;

function currentText(journal: Journalish, change: Change): string | undefined {
  const field = journal[change.key];
  if (change.id === undefined) return field === undefined ? undefined : JSON.stringify(field);
  if (!Array.isArray(field)) return undefined;
  const record = field.find((r) => (r as { id?: unknown })?.id === change.id);
  return record === undefined ? undefined : JSON.stringify(record);
}

/** The changes whose record is no longer as the write left it: undoing them would lose that. */
export function conflicts(journal: Journalish, changes: Change[]): Change[] {
  return changes.filter((change) => {
    const text = currentText(journal, change);
    if (change.after === null) return text !== undefined;
    if (text === undefined) return true;
    if (hash(text) === change.after) return false;
    return change.content === undefined || contentHash(text) !== change.content;
  });
}

/** Puts every changed record back as it was before the write (check conflicts first). */
export function revert(journal: Journalish, changes: Change[]): void {
  // Removals first, then re-insertions by their old positions, so that positions line up.
  const ordered = [...changes].sort(
    (a, b) => Number('before' in a) - Number('before' in b) || (a.index ?? 0) - (b.index ?? 0),
  );
  for (const change of ordered) {
    const existed = 'before' in change;
    if (change.id === undefined) {
      if (existed) journal[change.key] = change.before;
      else delete journal[change.key];
      continue;
    }
    const field = Array.isArray(journal[change.key]) ? (journal[change.key] as { id?: unknown }[]) : [];
    journal[change.key] = field;
    const at = field.findIndex((r) => r?.id === change.id);
    if (!existed) {
      if (at >= 0) field.splice(at, 1);
    } else if (at >= 0) {
      field[at] = change.before as { id?: unknown };
    } else {
      field.splice(
        Math.min(change.index ?? field.length, field.length),
        0,
        change.before as { id?: unknown },
      );
    }
  }
}

/**
 * Whether the records these changes touched are as they were before them (each one's `before`,
 * or absent where the change added it): a journal that never had the change, as one restored from
 * a backup made before it.
 */
export function notMade(journal: Journalish, changes: Change[]): boolean {
  return changes.every((change) => {
    const text = currentText(journal, change);
    if (!('before' in change)) return text === undefined;
    // Exactly as before: a change that only restamped a record is not taken for one never made.
    return text !== undefined && text === JSON.stringify(change.before);
  });
}

/**
 * Whether a file that is not valid JSON, laid out as rel writes a journal (one record a line),
 * still holds what these changes made: each record they made is a line of it, and each they
 * removed is named on none. A change to a whole field (no id) cannot be told: not held.
 */
export function linesHold(text: string, changes: Change[]): boolean {
  const lines = new Set<string>();
  for (const line of text.split('\n')) {
    const record = line.trim().replace(/,$/, '');
    if (record.startsWith('{')) lines.add(hash(record));
  }
  return changes.every((change) => {
    if (change.id === undefined) return false;
    if (change.after === null) return !text.includes(`"id":${JSON.stringify(change.id)}`);
    return lines.has(change.after);
  });
}

/**
 * The entries of the undo data (oldest first) that `holds` does not find made, newest first: from
 * the newest entry back to the first one found made (what came before that is taken to be made).
 */
export function entriesNotHeld<E extends { changes: Change[] }>(
  entries: E[],
  holds: (changes: Change[]) => boolean,
): E[] {
  const missing: E[] = [];
  for (const entry of [...entries].reverse()) {
    if (holds(entry.changes)) break;
    missing.push(entry);
  }
  return missing;
}

/**
 * Whether `holds` finds every one of these entries (newest first) made: a record changed by
 * several is looked for as the newest of them left it, the older ones' versions being gone by then.
 */
export function allHeld(
  newestFirst: { changes: Change[] }[],
  holds: (changes: Change[]) => boolean,
): boolean {
  const seen = new Set<string>();
  return newestFirst.every((entry) => {
    const fresh = entry.changes.filter((c) => !seen.has(`${c.key}/${c.id ?? ''}`));
    for (const c of entry.changes) seen.add(`${c.key}/${c.id ?? ''}`);
    return fresh.length === 0 || holds(fresh);
  });
}
