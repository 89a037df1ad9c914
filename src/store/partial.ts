// Reading only part of a journal: for a version of the file that rel wrote or checked itself (the
// stamp beside it vouches for those very bytes, due-summary.ts), a report parses the lists it
// needs and, of the large ones, only the records it may show. rel writes one record per line
// (format.ts), and a raw newline cannot occur inside a JSON string, so every line of such a file
// starts outside any string, and the layout can be followed line by line without a parse.
//
// Nothing is taken on trust beyond the bytes being a valid journal (the stamp): the layout is
// checked as it is walked, and anything rel would not have written (a record split over lines,
// sections in another form, a byte-order mark, another schema) gives undefined: the caller then
// reads in full.
// - A list parsed whole is parsed as one array from its own lines: valid alone, so valid in place.
// - A list read in part, or not at all, is checked to hold one record per line: a line that opens
//   and closes its only braces at its ends is one object (any other brace would have to open or
//   close another); a line with a brace inside is parsed alone to know.
// What is read is a JournalReading, whose lists cannot be handed to anything that changes a
// journal, and it is never the read a write reuses (db.ts): a view, never the base of a write.
import { isAscii } from 'node:buffer';
import { type JournalReading, SCHEMA_VERSION, withDefaults } from '../core/journal.js';
import { termPattern } from '../core/search.js';

/**
 * The lines of one list's records, as written: [starts[i], ends[i]) is record i, comma left out,
 * as offsets in the file's bytes. `text` is the list's lines read a byte a character (latin1) from
 * offset `base`: a search in it finds exactly what a search of the bytes would, a text of UTF-8
 * bytes read so too (latin1Needle), and a string's search costs far less a call than a Buffer's,
 * which a test of every line would otherwise pay thousands of times.
 */
export interface RecordLines {
  bytes: Buffer;
  text: string;
  base: number;
  starts: number[];
  ends: number[];
}

/** A text as its UTF-8 bytes read a byte a character: what it is in a RecordLines' text. */
export function latin1Needle(needle: string): string {
  return Buffer.from(needle, 'utf8').toString('latin1');
}

/**
 * Which of a list's records to parse: every one, none (the list reads as empty), or those a test
 * of their lines marks (1). The test may mark more than the command shows, never fewer: the
 * command filters the records it gets exactly as it filters the whole list.
 */
export type ListNeed = 'all' | 'none' | ((lines: RecordLines) => Uint8Array);

/** What a command reads, by list (people, conversations, followUps, ...); a list not named is read whole. */
export type Needs = Readonly<Record<string, ListNeed>>;

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const LIST_END = Buffer.from('\n  ]');

type Entry = { key: string; value: unknown } | { key: string; from: number; close: number };

/** A journal file laid out as rel writes it: its top-level entries found, its lists not parsed. */
export class Layout {
  /** Lists already parsed whole, by key. */
  private readonly whole = new Map<string, unknown[]>();
  /**
   * Lists whose lines were already found and checked to be one record each, by key: a second
   * read of the same view (rel profile reads the people first) parses only the lines it wants.
   */
  private readonly checked = new Map<string, RecordLines>();

  private constructor(
    private readonly bytes: Buffer,
    private readonly entries: Entry[],
  ) {}

  /** This rel's schema: a layout is found only for it. */
  readonly schema = SCHEMA_VERSION;

  /** The layout of `bytes`; undefined when they are not laid out as rel writes, or in another schema. */
  static of(bytes: Buffer): Layout | undefined {
    try {
      const entries = entriesOf(bytes);
      const schema = entries?.find((e) => e.key === 'schema');
      // An older schema is upgraded on reading, a newer one may be shaped otherwise: a full read's.
      if (!schema || !('value' in schema) || schema.value !== SCHEMA_VERSION) return undefined;
      return new Layout(bytes, entries!);
    } catch {
      return undefined; // a value that does not parse alone
    }
  }

  /** The journal with each list read as `needs` says; undefined when a line is not one record. */
  read(needs: Needs): JournalReading | undefined {
    try {
      const journal: Record<string, unknown> = {};
      for (const entry of this.entries) {
        if ('value' in entry) journal[entry.key] = entry.value;
        else {
          const records = this.list(entry.key, entry.from, entry.close, needs[entry.key] ?? 'all');
          if (!records) return undefined;
          journal[entry.key] = records;
        }
      }
      // Fields added within the schema, filled in as a full read does (a list read again is filled already).
      return withDefaults(journal as never) as JournalReading;
    } catch {
      return undefined;
    }
  }

  private list(key: string, from: number, close: number, need: ListNeed): unknown[] | undefined {
    const { bytes } = this;
    if (need === 'all') {
      let records = this.whole.get(key);
      if (!records) {
        const parsed: unknown = JSON.parse(`[${bytes.toString('utf8', from, close)}]`);
        if (!Array.isArray(parsed)) return undefined;
        records = parsed;
        this.whole.set(key, records);
      }
      return records;
    }
    const known = this.checked.get(key);
    const lines = known ?? recordLines(bytes, from, close);
    if (!lines) return undefined;
    const wanted = need === 'none' ? new Uint8Array(lines.starts.length) : need(lines);
    // A word in most lines: the list parsed whole costs less than line by line, and more records
    // than a test marks are always allowed.
    if (wanted.reduce((n, w) => n + w, 0) * 4 > wanted.length * 3) return this.list(key, from, close, 'all');
    const records: unknown[] = [];
    for (let i = 0; i < lines.starts.length; i++) {
      const start = lines.starts[i]!;
      const end = lines.ends[i]!;
      if (wanted[i] || (!known && !isOneObject(lines, start, end))) {
        const record: unknown = JSON.parse(bytes.toString('utf8', start, end));
        if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
        if (wanted[i]) records.push(record);
      }
    }
    this.checked.set(key, lines);
    return records;
  }
}

/**
 * The top-level entries, each `  "key": value` on its line or `  "key": [` with its records'
 * lines up to `  ]`, a comma after each but the last, between `{` and `}` lines.
 */
function entriesOf(bytes: Buffer): Entry[] | undefined {
  if (bytes[0] !== OPEN || bytes[1] !== NEWLINE) return undefined;
  const entries: Entry[] = [];
  const keys = new Set<string>();
  let at = 2;
  let more = true;
  while (more) {
    const end = bytes.indexOf(NEWLINE, at);
    const split = bytes.indexOf('": ', at);
    if (end < 0 || split < 0 || split > end || bytes.toString('latin1', at, at + 3) !== '  "')
      return undefined;
    const key: unknown = JSON.parse(bytes.toString('utf8', at + 2, split + 1));
    if (typeof key !== 'string' || keys.has(key)) return undefined;
    keys.add(key);
    const valueAt = split + 3;
    if (end === valueAt + 1 && bytes[valueAt] === 0x5b) {
      // A list: rel writes an empty one as [] on its key's line, so this one has records.
      const close = bytes.indexOf(LIST_END, end);
      if (close <= end) return undefined;
      const after = bytes.indexOf(NEWLINE, close + 1);
      const tail = bytes.toString('latin1', close + 1, after);
      if (tail !== '  ]' && tail !== '  ],') return undefined;
      entries.push({ key, from: end + 1, close });
      more = tail === '  ],';
      at = after + 1;
    } else {
      more = bytes[end - 1] === COMMA;
      entries.push({ key, value: JSON.parse(bytes.toString('utf8', valueAt, more ? end - 1 : end)) });
      at = end + 1;
    }
  }
  // rel ends the file with "}\n" and nothing after.
  return at + 2 === bytes.length && bytes[at] === CLOSE && bytes[at + 1] === NEWLINE ? entries : undefined;
}

/**
 * The record lines from `from` to the newline at `close`: each `    {...}`, a comma after all but
 * the last; undefined when a line is not so.
 */
function recordLines(bytes: Buffer, from: number, close: number): RecordLines | undefined {
  const text = bytes.toString('latin1', from, close + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const last = text.length - 1; // the newline at `close`
  let at = 0;
  while (at <= last) {
    const end = text.indexOf('\n', at);
    const isLast = end === last;
    const brace = isLast ? end - 1 : end - 2;
    if (!isRecordStart(text, at) || text.charCodeAt(brace) !== CLOSE) return undefined;
    if (!isLast && text.charCodeAt(end - 1) !== COMMA) return undefined;
    starts.push(from + at + 4);
    ends.push(from + brace + 1);
    at = end + 1;
  }
  return { bytes, text, base: from, starts, ends };
}

/** Whether a line starts as a record does, `    {`: character by character, cheaper than a compare of ranges for every line. */
function isRecordStart(text: string, at: number): boolean {
  return (
    text.charCodeAt(at) === SPACE &&
    text.charCodeAt(at + 1) === SPACE &&
    text.charCodeAt(at + 2) === SPACE &&
    text.charCodeAt(at + 3) === SPACE &&
    text.charCodeAt(at + 4) === OPEN
  );
}

/** Whether the line [start, end) has no braces but the `{` it starts with and the `}` it ends with. */
function isOneObject({ text, base }: RecordLines, start: number, end: number): boolean {
  const open = text.indexOf('{', start - base + 1);
  return (open < 0 || open >= end - base) && text.indexOf('}', start - base + 1) === end - base - 1;
}

/** Marks (1) the lines holding any of `needles` (a text, by its UTF-8 bytes, or a byte). */
export function linesHolding(lines: RecordLines, needles: (string | number)[]): Uint8Array {
  const { text, base, starts, ends } = lines;
  const marks = new Uint8Array(starts.length);
  const to = (ends.at(-1) ?? 0) - base;
  for (const needle of needles) {
    const sought = typeof needle === 'number' ? String.fromCharCode(needle) : latin1Needle(needle);
    let line = 0;
    let at = text.indexOf(sought);
    while (at >= 0 && at < to) {
      while (ends[line]! - base <= at) line++;
      if (at >= starts[line]! - base) {
        marks[line] = 1;
        at = text.indexOf(sought, ends[line]! - base); // the next line's, if any
      } else at = text.indexOf(sought, at + 1); // between two lines
    }
  }
  return marks;
}

/**
 * The lines whose record may name the person with this id: the id as JSON writes it, or a
 * backslash (an escape can spell the same id otherwise). A superset of the records naming them.
 */
export function mentioning(id: string): (lines: RecordLines) => Uint8Array {
  return (lines) => linesHolding(lines, [JSON.stringify(id), BACKSLASH]);
}

/**
 * The lines whose record may hold every one of `terms` (rel search's, folded: no case, no
 * accents) in some text. A line of ASCII without a backslash holds its texts as they are, and
 * folding ASCII is lowercasing it, so such a line is marked only when it holds every term, found
 * ignoring case by the very pattern search matches a text with (core/search.ts termPattern: a
 * hyphen inside a word optional); any other line (an accent, an escape) is marked, to be parsed
 * and searched.
 */
export function mayHold(terms: string[]): (lines: RecordLines) => Uint8Array {
  // A term that is not ASCII is in no line of ASCII.
  const ascii = terms.every((term) => !/[^\0-\x7f]/.test(term));
  const patterns = ascii ? terms.map((term) => new RegExp(termPattern(term), 'gi')) : [];
  return (lines) => {
    const marks = linesHolding(lines, [BACKSLASH]);
    markNotAscii(lines, marks);
    if (!ascii) return marks;
    const held = new Uint32Array(marks.length); // how many of the terms each line holds
    for (const pattern of patterns) for (const line of linesMatching(pattern, lines)) held[line]!++;
    for (let i = 0; i < marks.length; i++) if (held[i] === patterns.length) marks[i] = 1;
    return marks;
  };
}

/** Lines checked to be ASCII this many at a time, then one by one in a block that is not. */
const ASCII_BLOCK = 256;

/** Marks the lines holding a byte that is not ASCII. */
function markNotAscii(lines: RecordLines, marks: Uint8Array): void {
  const { bytes, starts, ends } = lines;
  const ascii = (first: number, last: number) => isAscii(bytes.subarray(starts[first]!, ends[last]!));
  for (let block = 0; block < starts.length; block += ASCII_BLOCK) {
    const last = Math.min(block + ASCII_BLOCK, starts.length) - 1;
    if (ascii(block, last)) continue;
    for (let i = block; i <= last; i++) if (!ascii(i, i)) marks[i] = 1;
  }
}

/**
 * The lines holding `pattern` (global) inside them, each once. The lines' text has a character a
 * byte, so that positions are offsets; a term of ASCII matches only ASCII, and the lines of other
 * characters are marked apart (markNotAscii).
 */
function* linesMatching(pattern: RegExp, lines: RecordLines): Generator<number> {
  const { text, base, starts, ends } = lines;
  let line = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const at = found.index + base;
    while (ends[line]! <= at) line++;
    if (at >= starts[line]! && at + found[0].length <= ends[line]!) {
      yield line;
      pattern.lastIndex = ends[line]! - base; // on to the next line
    } else pattern.lastIndex = found.index + 1;
  }
}
