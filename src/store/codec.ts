// The journal's file codec: bytes to a journal (decrypted, parsed, checked, upgraded in memory)
// and a journal to bytes (in pieces, reusing unchanged records' lines; encrypted whole).
import fs from 'node:fs';
import path from 'node:path';
import { type Journal, withDefaults } from '../core/journal.js';
import { StoreError } from '../errors.js';
import { isEncrypted, type Keyring, type Sealing, seal, unseal } from './crypto.js';
import { decodeUtf8, makePrivateFolder, readVersioned, writeStoreFile } from './files.js';
import { journalChunks, type RecordText, serializeJournal } from './format.js';
import { journalTag, listBackups, tagging } from './history.js';
import { jsonErrorOffset, lineAndColumn } from './json-error.js';
import { canMigrate, migrate, schemaMismatch } from './migrations.js';
import { isJournalShape } from './shape.js';

/** What can be done about a journal rel cannot read: the advice depends on whether a backup exists. */
export function recoveryHint(file: string): string {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // a path that cannot be resolved has no backups beside it either
  }
  const backups = listBackups(target).length;
  if (backups > 0) {
    return `To bring back the last good version: rel doctor --restore (${backups === 1 ? 'one backup is' : `${backups} backups are`} kept; rel doctor shows what is wrong, and the file is left untouched until then).`;
  }
  return 'rel doctor shows what is wrong. There is no backup to restore (rel keeps one from the first change on): fix the file by hand in an editor, or start a new journal elsewhere with --store.';
}

/** The file the journal really is: a symlinked store is written through to its target. */
export function resolveTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      const link = fs.readlinkSync(file);
      return path.resolve(path.dirname(file), link);
    } catch {
      return file;
    }
  }
}

function describeChar(text: string, offset: number): string {
  const char = String.fromCodePoint(text.codePointAt(offset)!);
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(char)
    ? `"${char}"`
    : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `unexpected ${shown}`;
}

export interface Parsed {
  journal: Journal;
  /** The schema the file was in, when older than this rel's and upgraded in memory. */
  migratedFrom?: number;
  /** The text the journal was parsed from: a write finds unchanged records' JSON in it. */
  text: string;
}

/** A journal from a file's text, upgraded to this rel's schema; a StoreError saying what is wrong. */
export async function parseJournal(file: string, source: string): Promise<Parsed> {
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark some editors add
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    if (!text.trim()) throw new StoreError(`${file} is empty: it is not a rel journal.`, recoveryHint(file));
    const offset = jsonErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const what = offset >= text.length ? 'the file ends too early (cut short?)' : describeChar(text, offset);
    throw new StoreError(
      `${file} is not valid JSON: line ${line}, column ${column}: ${what}.`,
      recoveryHint(file),
    );
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  const migratedFrom = canMigrate(schema) ? schema : undefined;
  const mismatch = migratedFrom === undefined ? undefined : schemaMismatch(data as Record<string, unknown>);
  if (mismatch) throw new StoreError(`${file} is not a rel journal: ${mismatch}.`, recoveryHint(file));
  if (migratedFrom !== undefined) data = migrate(data as Record<string, unknown>);
  if (!isJournalShape(data)) {
    // Something is off: zod, loaded only now, decides and names the first problem.
    const { schemaProblem } = await import('./schema.js');
    const problem = schemaProblem(data);
    if (problem) throw new StoreError(`${file} is not a rel journal: ${problem}.`, recoveryHint(file));
  }
  // Fields added within a schema are filled in here, the one place every read passes.
  const journal = withDefaults(data as Journal);
  return migratedFrom === undefined ? { journal, text } : { journal, migratedFrom, text };
}

/** A journal as found on disk, with the key it was encrypted with (null for a plain file). */
export interface JournalOnDisk extends Parsed {
  sealing: Sealing | null;
}

/** A file's text, decrypted when it is encrypted. */
export async function decodeText(
  label: string,
  bytes: Buffer,
  keyring: Keyring | undefined,
): Promise<{ text: string; sealing: Sealing | null }> {
  if (!isEncrypted(bytes)) return { text: decodeUtf8(label, bytes), sealing: null };
  if (!keyring) throw new StoreError(`${label} is encrypted and no passphrase can be had here.`);
  return unseal(label, bytes, keyring);
}

/** What rel writes for a text: encrypted with the sealing, or plain. */
export function encodeText(text: string, sealing: Sealing | null): string | Buffer {
  return sealing ? seal(text, sealing) : text;
}

/** What rel writes for a journal: encrypted whole, or plain text in pieces. */
export function encodeJournal(
  journal: Journal,
  sealing: Sealing | null,
  texts?: RecordText,
): Buffer | Iterable<string> {
  return sealing ? seal(serializeJournal(journal, texts), sealing) : journalChunks(journal, texts);
}

/**
 * encodeJournal, with the version of the text written (journalTag) for the undo data that goes
 * with it; tag() is known once the content was taken in full.
 */
export function encodeTaggedJournal(
  journal: Journal,
  sealing: Sealing | null,
  texts?: RecordText,
): { content: Buffer | Iterable<string>; tag: () => string } {
  if (!sealing) {
    const { pieces, tag } = tagging(journalChunks(journal, texts));
    return { content: pieces, tag };
  }
  const text = serializeJournal(journal, texts);
  const tag = journalTag(text);
  return { content: seal(text, sealing), tag: () => tag };
}

/** A journal from the bytes of a file (or a git blob) named `label` in messages. */
export async function decodeJournal(
  label: string,
  bytes: Buffer,
  keyring: Keyring | undefined,
): Promise<JournalOnDisk> {
  const { text, sealing } = await decodeText(label, bytes, keyring);
  return { ...(await parseJournal(label, text)), sealing };
}

/**
 * Reads and, when it is encrypted, decrypts a journal file; null when it does not exist.
 * `identity` is the version of the file read, taken from the open file so that it matches.
 */
export async function readJournalFile(
  file: string,
  keyring: Keyring | undefined,
): Promise<(JournalOnDisk & { identity: string }) | null> {
  const read = readVersioned(file);
  if (!read) return null;
  return { ...(await decodeJournal(file, read.bytes, keyring)), identity: read.version };
}

/** Writes a journal as it is (encrypted with the sealing, or plain), without backup or undo. */
export function writeJournalFile(file: string, journal: Journal, sealing: Sealing | null): void {
  makePrivateFolder(path.dirname(file));
  writeStoreFile(file, encodeJournal(journal, sealing));
}
