// The journal's file codec: bytes to a journal (decrypted, parsed, checked, upgraded in memory)
// and a journal to bytes (in pieces, reusing unchanged records' lines; encrypted whole).
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { emptyJournal, type Journal, SCHEMA_VERSION, withDefaults } from '../core/journal.js';
import { shellWord } from '../core/text.js';
import { StoreError, UsageError } from '../errors.js';
import { listBackups } from './backups.js';
import { conflictAdvice, hasConflictMarkers } from './conflicts.js';
import {
  isEncrypted,
  type Keyring,
  type Sealing,
  seal,
  sealPieces,
  type Unsealed,
  unseal,
  unsealSource,
  WrongPassphrase,
} from './crypto.js';
import {
  decodeUtf8,
  headOf,
  looseMode,
  makePrivateFolder,
  readVersioned,
  readVersionedText,
  writeStoreFile,
} from './files.js';
import { journalChunks, journalPieces, type RecordText, serializeJournal } from './format.js';
import { collectAfter } from './heap.js';
import { commaTooMany, jsonErrorOffset, lineAndColumn } from './json-error.js';
import { canMigrate, migrate, schemaMismatch } from './migrations.js';
import { isJournalShape } from './shape.js';
import type { JournalStamp, SealedRead } from './shared-types.js';

/**
 * What can be done about a journal rel cannot read. A slip made by hand is best mended by hand:
 * the newest backup is the journal as it was before rel's last change (it is taken before each
 * write), so restoring it loses that change as well as the hand edits, and the advice says so.
 * `mendable`: false for an empty file, which has nothing left to mend (an encrypted one is not
 * mendable either). `inDoctor`: for rel doctor's own fix, which leaves out the pointer to rel doctor.
 */
export function recoveryHint(file: string, mendable = true, inDoctor = false): string {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // a path that cannot be resolved has no backups beside it either
  }
  const backups = listBackups(target);
  // Ciphertext cannot be mended in an editor.
  const byHand = mendable && !isEncrypted(headOf(target));
  const mend = byHand ? `Mend it by hand, which keeps everything in it: $EDITOR ${shellWord(file)}. ` : '';
  const newOne = byHand ? '' : ': start a new journal elsewhere with --store, or put back a copy of your own';
  if (backups.length === 0)
    return `${mend}rel doctor shows what is wrong. There is no backup to restore (rel keeps one from the first change on)${newOne}.`;
  // The one rel doctor --restore would take: the newest that is a journal (an encrypted one
  // cannot be opened here, and is taken to be one, as it may well be).
  let taken = 0;
  let kind = backupKind(backups[0]!);
  while (kind === undefined && ++taken < backups.length) kind = backupKind(backups[taken]!);
  if (kind === undefined)
    return `${mend}rel doctor shows what is wrong. None of the ${backups.length === 1 ? 'one backup' : `${backups.length} backups`} is a valid journal to restore${newOne}.`;
  const kept = backups.length === 1 ? 'one backup is' : `${backups.length} backups are`;
  const edits = byHand ? ' and your edits since' : '';
  const restore =
    kind === 'sealed'
      ? // Not opened here (no key): which one is whole, rel doctor --restore finds as it opens them.
        `back to the newest backup that opens as a journal: rel doctor --restore (${kept} kept) finds it and names the changes it drops; the newest, ${path.basename(backups[0]!)}, is the journal as it was before rel's last change`
      : taken === 0
        ? `back to the newest backup: rel doctor --restore (${kept} kept). That is the journal as it was before rel's last change, so that change${edits} ${byHand ? 'are' : 'is'} lost`
        : `back to the newest backup that is a valid journal: rel doctor --restore takes ${path.basename(backups[taken]!)} (the ${taken === 1 ? 'newer one is' : `${taken} newer ones are`} damaged). That is the journal as it was before rel's last ${taken + 1} changes, so those changes${edits} are lost`;
  return `${mend}${byHand ? 'Or go' : 'Go'} ${restore}; the file as it is now is kept as .${path.basename(target)}.before-restore.${inDoctor ? '' : ' rel doctor shows what is wrong, and the file is left untouched until then.'}`;
}

/**
 * What a backup may be: 'sealed', encrypted (not opened here, so perhaps a journal), 'journal',
 * JSON holding a people list, or undefined, no journal.
 */
function backupKind(backup: string): 'sealed' | 'journal' | undefined {
  try {
    const bytes = fs.readFileSync(backup);
    if (isEncrypted(bytes)) return 'sealed';
    const value = JSON.parse(bytes.toString('utf8')) as { people?: unknown } | null;
    return typeof value === 'object' && value !== null && Array.isArray(value.people) ? 'journal' : undefined;
  } catch {
    return undefined;
  }
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
  /**
   * The stamp says rel wrote this very text itself: every record of its lists is on a line of its
   * own, exactly as JSON.stringify made it then (tracking.ts compares a whole list at once).
   */
  ownLines?: true;
  /**
   * The bytes `text` was decoded from, kept only where a write can reuse them: a plain file rel
   * wrote itself (ownLines), read to be changed. The write puts the lines it keeps as these bytes.
   */
  source?: Buffer;
}

/**
 * A journal from a file's text, upgraded to this rel's schema; a StoreError saying what is wrong.
 * `written`: the text is a version of the file that rel itself wrote or checked (the stamp the
 * summary keeps, due-summary.ts), so its shape is not checked again.
 */
export async function parseJournal(file: string, source: string, written = false): Promise<Parsed> {
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark some editors add
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    if (!text.trim())
      throw new StoreError(`${file} is empty: it is not a rel journal.`, recoveryHint(file, false));
    const offset = jsonErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const what = offset >= text.length ? 'the file ends too early (cut short?)' : describeChar(text, offset);
    // git's conflict markers: the way out is git's or rel sync's, never a backup put back.
    const conflict = hasConflictMarkers(text) ? conflictAdvice(resolveTarget(file)) : undefined;
    const comma = commaTooMany(text, offset);
    // A comma left after the last item, the commonest slip by hand: named for what it is.
    const where = comma
      ? `a comma too many ${comma.endsLine ? `at the end of line ${comma.line}` : `at line ${comma.line}, column ${comma.column}`} (line ${line}, column ${column}: ${what})`
      : `line ${line}, column ${column}: ${what}`;
    throw new StoreError(`${file} is not valid JSON: ${where}.`, conflict ?? recoveryHint(file));
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  const migratedFrom = canMigrate(schema) ? schema : undefined;
  const mismatch = migratedFrom === undefined ? undefined : schemaMismatch(data as Record<string, unknown>);
  if (mismatch) throw new StoreError(`${file} is not a rel journal: ${mismatch}.`, recoveryHint(file));
  if (migratedFrom !== undefined) data = migrate(data as Record<string, unknown>);
  if (!(written && migratedFrom === undefined) && !isJournalShape(data)) {
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

/**
 * The private mode for a file of this mode: 600, or 400 for one made read-only (chmod 444), which
 * rel then refuses to change: making it private must not make it writable again.
 */
export function privateMode(mode: number): number {
  return mode & 0o200 ? 0o600 : 0o400;
}

/** What a read of the journal warns of: a newer schema, a file other users can read. */
export function warningsOnRead(file: string, target: string, schema: number): string[] {
  const warnings: string[] = [];
  if (schema > SCHEMA_VERSION) {
    warnings.push(
      `${file} was written by a newer rel (schema ${schema}); showing what this rel understands. Upgrade rel to change it.`,
    );
  }
  const mode = looseMode(target);
  if (mode !== undefined) {
    warnings.push(
      `${file} can be read by other users (mode ${mode.toString(8).padStart(3, '0')}). To make it private: chmod ${privateMode(mode).toString(8)} ${JSON.stringify(target)}`,
    );
  }
  return warnings;
}

/** Turns a kept file's bytes into text (decrypting them when the store is encrypted). */
export type Decode = (label: string, bytes: Buffer) => Promise<string>;
/** Turns text into the bytes rel keeps (encrypted when the store is). */
export type Encode = (text: string) => string | Buffer;

/** How kept copies are read and written: as journals, and (undo data) as text. */
export interface KeptCodec {
  parseJournal(label: string, bytes: Buffer): Promise<Record<string, unknown>>;
  serializeJournal(journal: Record<string, unknown>): Buffer | Iterable<string>;
  decode: Decode;
  encode: Encode;
}

/** The kept copies' codec: read with whatever key the keyring opens, written with `sealing`. */
export function keptCodec(keyring: Keyring | undefined, sealing: Sealing | null): KeptCodec {
  return {
    parseJournal: async (label, bytes) =>
      (await decodeJournal(label, bytes, keyring)).journal as unknown as Record<string, unknown>,
    serializeJournal: (journal) => encodeJournal(journal as unknown as Journal, sealing),
    decode: async (label, bytes) => (await decodeText(label, bytes, keyring)).text,
    encode: (text) => encodeText(text, sealing),
  };
}

/** A file's text, decrypted when it is encrypted. */
export async function decodeText(
  label: string,
  bytes: Buffer,
  keyring: Keyring | undefined,
): Promise<{ text: string; sealing: Sealing | null }> {
  if (!isEncrypted(bytes)) return { text: decodeUtf8(label, bytes), sealing: null };
  return unseal(label, bytes, keyringFor(label, keyring));
}

/** The keyring an encrypted file is read with; an error where none can be had. */
function keyringFor(label: string, keyring: Keyring | undefined): Keyring {
  if (!keyring) throw new StoreError(`${label} is encrypted and no passphrase can be had here.`);
  return keyring;
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

/** A journal's version for its undo data: a digest of its text (plain, whether or not encrypted). */
export function journalTag(text: string): string {
  // The last text tagged, or stamped by the summary (decodeJournal): a write asks for the tag of
  // the text it read to match its undo data, and a 3 MB text takes about 10 ms to digest.
  if (tagged?.text !== text) tagged = { text, tag: tagOf(createHash('sha256').update(text)) };
  return tagged.tag;
}

let tagged: { text: string; tag: string } | undefined;

/** journalTag of the text a journal is written as, without holding that text whole. */
export function journalTagOf(journal: Journal, texts?: RecordText): string {
  const hash = createHash('sha256');
  for (const piece of journalPieces(journal, texts)) hash.update(piece);
  return tagOf(hash);
}

/**
 * A journal's text in pieces, digested on the way to the file; tag() once they were all taken.
 * Each piece is turned into UTF-8 once (unless it is bytes already), for the digest and the file both.
 */
function tagging(pieces: Iterable<string | Uint8Array>): { pieces: Iterable<Uint8Array>; tag: () => string } {
  const hash = createHash('sha256');
  let tag: string | undefined;
  return {
    pieces: (function* () {
      for (const piece of pieces) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        hash.update(bytes);
        yield bytes;
      }
      tag = tagOf(hash);
    })(),
    tag: () => {
      if (tag === undefined) throw new Error('tagging: tag() before the text was written');
      return tag;
    },
  };
}

const tagOf = (hash: Hash) => hash.digest('base64url').slice(0, 22);

/**
 * journalTag of the text these bytes (valid UTF-8) decode to, from the bytes: digesting the text
 * would first turn it back into them (as much time again as the digest, and the file's size more
 * memory while the journal is held). A byte-order mark is not part of the text (parseJournal).
 */
function bytesTag(bytes: Buffer): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return tagOf(createHash('sha256').update(bom ? bytes.subarray(3) : bytes));
}

/** A journal's content to write, and the version of its text, known once the content was taken. */
export interface Encoded {
  content: Buffer | Iterable<string | Uint8Array>;
  tag: () => string;
  /** An encrypted journal's sealMark (crypto.ts), known once the content was taken. */
  mark?: () => Buffer;
}

/**
 * encodeJournal, with the version of the text written (journalTag) for the undo data that goes
 * with it (and an encrypted one's sealMark); tag() is known once the content was taken in full.
 */
export function encodeTaggedJournal(journal: Journal, sealing: Sealing | null, texts?: RecordText): Encoded {
  if (!sealing) {
    const { pieces, tag } = tagging(journalPieces(journal, texts));
    return { content: pieces, tag };
  }
  // Encrypted a piece at a time as it is written, the pieces kept small (a list's lines kept as
  // they are come as one piece): neither its UTF-8 nor its ciphertext is ever held whole.
  const { pieces, tag } = tagging(smallPieces(journalChunks(journal, texts)));
  const sealed = sealPieces(pieces, sealing);
  return { content: sealed.pieces, tag, mark: sealed.mark };
}

/** The same text in pieces of at most PIECE_CHARS characters, none of them splitting a surrogate pair. */
export function* smallPieces(pieces: Iterable<string>): Generator<string> {
  for (const piece of pieces) {
    let at = 0;
    while (piece.length - at > PIECE_CHARS) {
      let end = at + PIECE_CHARS;
      const last = piece.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate stays with its low one
      yield piece.slice(at, end);
      at = end;
    }
    yield at === 0 ? piece : piece.slice(at);
  }
}

const PIECE_CHARS = 1 << 19;

/**
 * What rel recorded of a journal file (shared-types.ts JournalStamp), when it recorded one: called
 * alone, the summary's key (a plain journal); given a sealed read, the stamp of an encrypted
 * journal opened with that key (sealed-stamp.ts). Taken only for the version of the file read.
 */
export type Stamps = (sealed?: SealedRead) => JournalStamp | undefined;

/**
 * A journal from the bytes of a file (or a git blob) named `label` in messages. `stamp`: what rel
 * recorded of the version of the plain file these bytes are (due-summary.ts), when it recorded one:
 * the journal it wrote or checked itself, whose shape is not checked again and whose tag is known.
 */
export async function decodeJournal(
  label: string,
  bytes: Buffer,
  keyring: Keyring | undefined,
  stamp?: JournalStamp,
): Promise<JournalOnDisk> {
  const decoded = await decodeText(label, bytes, keyring);
  return parseDecoded(label, decoded, decoded.sealing === null ? stamp : undefined);
}

/**
 * decodeJournal, from the text (and key) the bytes decoded to. `tag`: the text's journalTag when
 * it was taken on the way (bytesTag), which journalTag then gives without digesting the text.
 * `stamp`: what rel recorded of this very file at its last write (plain or encrypted).
 */
async function parseDecoded(
  label: string,
  {
    text,
    sealing,
    tag,
    source,
  }: { text: string; sealing: Sealing | null; tag?: string | undefined; source?: Buffer },
  stamp: JournalStamp | undefined,
): Promise<JournalOnDisk> {
  const written = stamp !== undefined;
  const parsed = await parseJournal(label, text, written);
  if (tag !== undefined) tagged = { text: parsed.text, tag };
  if (!written || parsed.migratedFrom !== undefined) return { ...parsed, sealing };
  tagged = { text: parsed.text, tag: stamp.tag };
  if (!stamp.lines) return { ...parsed, sealing };
  return source ? { ...parsed, ownLines: true, sealing, source } : { ...parsed, ownLines: true, sealing };
}

/**
 * The journal file `target` (named `label` in messages) as it is now, and the version read;
 * undefined when there is none. As decodeJournal of its bytes, but the bytes are let go of before
 * the text is parsed (readVersionedText; an encrypted file's are decrypted where they are).
 * `stamp`: as for loadJournal, and an encrypted file's own. `tag`: the tag of a plain file's text
 * is wanted (journalTag gives it after, at no cost), and is taken from the bytes.
 * `toChange`: the journal is read to be changed, and a write can reuse the bytes of a file rel
 * wrote itself (Parsed.source), which are then kept.
 */
export async function readJournal(
  target: string,
  label: string,
  keyring: Keyring | undefined,
  stamp?: Stamps,
  tag = false,
  toChange = false,
): Promise<{ parsed: JournalOnDisk; version: string } | undefined> {
  const read = await readDecoded(target, label, keyring, stamp, tag, toChange);
  if (!read) return undefined;
  return { parsed: await parseDecoded(label, read.decoded, read.stamp), version: read.version };
}

/** readJournal up to the parse: the text, the version read and the stamp of that version. */
async function readDecoded(
  target: string,
  label: string,
  keyring: Keyring | undefined,
  stamp: Stamps | undefined,
  tag: boolean,
  toChange: boolean,
): Promise<
  | {
      decoded: { text: string; sealing: Sealing | null; tag?: string | undefined; source?: Buffer };
      version: string;
      stamp: JournalStamp | undefined;
    }
  | undefined
> {
  const found = stamp?.();
  const stamped = (version: string) => (found?.version === version ? found : undefined);
  // A stamp of this version knows the tag already.
  const digest = tag
    ? (bytes: Buffer, version: string) => (stamped(version) ? undefined : bytesTag(bytes))
    : undefined;
  const read = readVersionedText(target, label, isEncrypted, digest, toChange);
  if (!read) return undefined;
  const { version } = read;
  // The bytes, garbage once decoded (unless kept for the write), are freed only by a full
  // collection, which V8 would put off until the parse had grown the heap: the file's size again
  // at the command's peak (heap.ts).
  if ('text' in read && !read.source) await collectAfter(read.text);
  if ('text' in read)
    return {
      decoded: { text: read.text, sealing: null, tag: read.digest, source: read.source },
      version,
      stamp: stamped(version),
    };
  // Read, decrypted and decoded a piece at a time: never held whole as bytes.
  let unsealed: Unsealed;
  try {
    unsealed = await unsealSource(label, read.opened, keyringFor(label, keyring));
  } finally {
    read.opened.close();
  }
  const { text, sealing, mark } = unsealed;
  await collectAfter(text);
  const own = stamp?.({ sealing, mark });
  return { decoded: { text, sealing }, version, stamp: own?.version === version ? own : undefined };
}

/** The journal file as read under the lock: its journal, and its bytes, fetched only when a backup needs copying. */
export interface Loaded extends JournalOnDisk {
  exists: boolean;
  bytes: () => Buffer | undefined;
  /** The version of the file read (files.ts fileVersion), when one was. */
  version?: string;
}

/**
 * A journal file as read; an empty journal when there is none. `stamp` is what rel recorded of the
 * file (see decodeJournal), used only when it is the version read.
 */
export async function loadJournal(
  target: string,
  label: string,
  keyring: Keyring | undefined,
  stamp?: Stamps,
): Promise<Loaded> {
  const read = readVersioned(target);
  if (!read)
    return { journal: emptyJournal(), text: '', sealing: null, exists: false, bytes: () => undefined };
  const parsed = await decodeJournal(label, read.bytes, keyring, stampOf(read.version, stamp));
  // Held anyway (for a backup that cannot be a link): the write may reuse them too.
  const source = parsed.ownLines ? { source: read.bytes } : {};
  return { ...parsed, ...source, exists: true, bytes: () => read.bytes, version: read.version };
}

/** The stamp when it is of this version of the file; undefined when not. */
export function stampOf(version: string, stamp: Stamps | undefined): JournalStamp | undefined {
  const found = stamp?.();
  return found?.version === version ? found : undefined;
}

/**
 * The journal in a backup's bytes when it is one this rel can restore; undefined when not. An
 * encrypted backup the passphrase does not open, or with no passphrase given, is not known to be
 * bad: that error is thrown (WrongPassphrase, UsageError), for the caller to say so.
 */
export async function restorableJournal(
  label: string,
  bytes: Buffer,
  keyring: Keyring | undefined,
): Promise<JournalOnDisk | undefined> {
  try {
    const parsed = await decodeJournal(label, bytes, keyring);
    return parsed.journal.schema > SCHEMA_VERSION ? undefined : parsed;
  } catch (error) {
    if (error instanceof WrongPassphrase || (error instanceof UsageError && isEncrypted(bytes))) throw error;
    return undefined;
  }
}

/**
 * Reads and, when it is encrypted, decrypts a journal file; null when it does not exist.
 * `identity` is the version of the file read, taken from the open file so that it matches.
 */
export async function readJournalFile(
  file: string,
  keyring: Keyring | undefined,
): Promise<(JournalOnDisk & { identity: string }) | null> {
  const read = await readJournal(file, file, keyring);
  return read ? { ...read.parsed, identity: read.version } : null;
}

/** Writes a journal as it is (encrypted with the sealing, or plain), without backup or undo. */
export function writeJournalFile(file: string, journal: Journal, sealing: Sealing | null): void {
  makePrivateFolder(path.dirname(file));
  writeStoreFile(file, encodeJournal(journal, sealing));
}
