// What one write changed, record by record, and how to take it back. Each write keeps the
// records as they were before it (and a hash of what it made of them), so that `rel undo` can put
// them back without touching anything else that changed since, and can see when something did.
import { createHash } from 'node:crypto';

/** A journal's top-level fields as text: record arrays by id, anything else whole. */
export type Snapshot = Map<string, Field>;
type Field = { kind: 'records'; ids: string[]; texts: Map<string, string> } | { kind: 'value'; text: string };

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
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

function isRecordArray(value: unknown): value is { id: string }[] {
  if (!Array.isArray(value)) return false;
  const seen = new Set<string>();
  for (const item of value) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/**
 * Tombstones are bookkeeping for merges that every write (an undo too) keeps up to date by itself
 * (core/tombstones.ts): undo neither restores nor checks them.
 */
const BOOKKEEPING = new Set(['tombstones']);

export function snapshot(journal: object, cache?: WeakMap<object, string>): Snapshot {
  const fields: Snapshot = new Map();
  for (const [key, value] of Object.entries(journal)) {
    if (BOOKKEEPING.has(key)) continue;
    if (isRecordArray(value)) {
      const texts = new Map<string, string>();
      for (const record of value) {
        const text = JSON.stringify(record);
        cache?.set(record, text);
        texts.set(record.id, text);
      }
      fields.set(key, { kind: 'records', ids: value.map((r) => r.id), texts });
    } else {
      fields.set(key, { kind: 'value', text: JSON.stringify(value) });
    }
  }
  return fields;
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
      old.ids.forEach((id, index) => {
        const was = old.texts.get(id)!;
        const is = now.texts.get(id);
        if (is === was) return;
        changes.push({ key, id, before: JSON.parse(was), index, after: is === undefined ? null : hash(is) });
      });
      for (const id of now.ids) {
        if (!old.texts.has(id)) changes.push({ key, id, after: hash(now.texts.get(id)!) });
      }
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
  return field.kind === 'value' ? field.text : `[${field.ids.map((id) => field.texts.get(id)).join(',')}]`;
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
    return change.after === null ? text !== undefined : text === undefined || hash(text) !== change.after;
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
