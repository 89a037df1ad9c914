// Wrapping human output to the terminal: at word boundaries, a word wider than the room broken
// hard, colour codes carried along at no width. Each word is measured once, so the cost grows
// with the text, not with the text times its length.
import { textWidth } from './width.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is skipped
const SGR = /\u001b\[[0-9;]*m/g;
// Joins the words of a date ("Fri 4 Dec", "in 3 days") while wrapping; shown as a space.
const GLUE = '\uE000';
/**
 * Text whose every character takes one column on its own and never joins its neighbours into one
 * (printable Latin, Greek and Cyrillic, the punctuation rel prints: · … – ’, the arrows ← ↑ → ↓,
 * and the box drawing and blocks of rel stats' charts: ─ ┤ └ ▁ █ ░): its width is its length. Only other text pays for segmenting graphemes (width.ts), which costs a hundred times
 * more; rel's tables and reports are mostly this kind of text, every cell measured.
 * (A test checks every character of this class against string-width.)
 */
const ONE_COLUMN =
  '\\x20-\\x7e\\xa0-\\xa8\\xaa-\\xac\\xaf-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u203b\\u203d-\\u2048\\u204a-\\u205e\\u2190-\\u2193\\u2500-\\u259f\\uE000';
export const ONE_COLUMN_EACH = new RegExp(`^[${ONE_COLUMN}]*$`);
/** Lines of such text: each line's width is its length. */
const ONE_COLUMN_LINES = new RegExp(`^[${ONE_COLUMN}\\n]*$`);
const DATE_PHRASE =
  /\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: \d{4})?\b|\bin \d+ (?:days?|weeks?|months?|years?)\b|\b\d+ (?:days?|weeks?|months?|years?|min) ago\b|\b\d+ min\b/g;

/** A date's words joined into one (every date phrase has a digit: most text has none to look at). */
export function glueDates(text: string): string {
  return /\d/.test(text) ? text.replace(DATE_PHRASE, (phrase) => phrase.replaceAll(' ', GLUE)) : text;
}

/** The widest word of a text, a date's words counting as one. */
export function widestWord(text: string): number {
  const glued = glueDates(text);
  let widest = 0;
  // One-column text (a column of thousands of cells, most often): the longest run between spaces.
  if (ONE_COLUMN_EACH.test(glued)) {
    for (let start = 0; ; ) {
      const space = glued.indexOf(' ', start);
      const end = space === -1 ? glued.length : space;
      if (end - start > widest) widest = end - start;
      if (space === -1) return widest;
      start = space + 1;
    }
  }
  for (const word of glued.split(' ')) {
    widest = Math.max(widest, visibleWidth(word));
  }
  return widest;
}

/** The text wrapped to lines of `width`, a date's words never parted. */
export function wrapText(text: string, width: number, firstRoom = width): string[] {
  // Text of one column a character (most of rel's: see ONE_COLUMN_EACH) is wrapped line by line,
  // and is its one line when it fits (the glue of a date's words is one such character too).
  if (!ONE_COLUMN_EACH.test(text)) {
    return wrapWords(glueDates(text), width, firstRoom).map(shownLine);
  }
  if (text.length <= Math.max(1, firstRoom) && !text.startsWith(' ')) return [shownLine(text.trimEnd(), 0)];
  return wrapColumns(glueDates(text), width, firstRoom).map(shownLine);
}

/**
 * A wrapped line as shown: a date's glue back to spaces, and a separator that the break left at
 * its start dropped ("due in 12 days" then "18 Dec", not "· 18 Dec"): the break parts them.
 */
function shownLine(line: string, index: number): string {
  const shown = line.replaceAll(GLUE, ' ');
  return index > 0 && shown.startsWith('· ') ? shown.slice(2) : shown;
}

/**
 * wrapWords for text whose every character takes one column: the same lines, found a line at a
 * time (the last space that fits) instead of a word at a time. A report wraps hundreds of
 * sentences, and walking their words cost more than the rest of the report's text.
 */
function wrapColumns(text: string, width: number, firstRoom: number): string[] {
  const room = Math.max(1, width);
  let limit = Math.max(1, firstRoom);
  const end = text.length;
  const lines: string[] = [];
  // Where the line begins: at a word, never at a space (spaces there are dropped, as at a break).
  const skipSpaces = (from: number) => {
    let at = from;
    while (at < end && text.charCodeAt(at) === 32) at++;
    return at;
  };
  let start = skipSpaces(0);
  for (;;) {
    if (start + limit >= end) {
      lines.push(text.slice(start).trimEnd());
      return lines;
    }
    // A word wider than the room is broken hard: its last piece begins the line.
    const wordEnd = text.indexOf(' ', start);
    let cap = limit;
    while ((wordEnd === -1 ? end : wordEnd) - start > cap) {
      lines.push(text.slice(start, start + cap).trimEnd());
      start += cap;
      cap = room;
      limit = room;
    }
    if (start + limit >= end) continue;
    // The line ends at the last space within reach; the next begins at the word after it.
    const space = text.lastIndexOf(' ', start + limit);
    lines.push(text.slice(start, space).trimEnd());
    limit = room;
    start = skipSpaces(space + 1);
  }
}

/** Columns a text takes on screen; colour codes take none. */
export function visibleWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  return ONE_COLUMN_EACH.test(plain) ? plain.length : textWidth(plain);
}

/**
 * A word cut into pieces: the first of at most `first` columns, the others of at most `room`
 * (colour codes stay with their characters).
 */
function breakHard(word: string, first: number, room: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a colour code is one token
  for (const [token] of word.matchAll(/\u001b\[[0-9;]*m|[\s\S]/gu)) {
    const w = token.startsWith('\u001b') ? 0 : visibleWidth(token);
    if (used + w > (pieces.length ? room : first) && used > 0) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += token;
    used += w;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Lines of at most `width` columns, broken at spaces; the first may be given less room
 * (`firstRoom`) for what precedes it. Runs of spaces inside a line are kept.
 */
function wrapWords(text: string, width: number, firstRoom = width): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let limit = Math.max(1, firstRoom);
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
    limit = room;
  };
  for (const word of text.split(' ')) {
    const w = visibleWidth(word);
    const gap = line === '' && used === 0 ? 0 : 1;
    if (used + gap + w <= limit) {
      line += (gap ? ' ' : '') + word;
      used += gap + w;
      continue;
    }
    if (used > 0) push();
    if (w <= limit) {
      line = word;
      used = w;
      continue;
    }
    const pieces = breakHard(word, limit, room);
    for (const piece of pieces.slice(0, -1)) {
      line = piece;
      push();
    }
    line = pieces.at(-1)!;
    used = visibleWidth(line);
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * Every line of a human text fitted to the width: a longer line is wrapped at word boundaries,
 * its continuation indented like the line itself (and past a leading bullet).
 */
export function fitLines(text: string, width: number): string {
  if (!(width > 0)) return text;
  // Most output (a table of thousands of rows) is one-column text whose every line fits already:
  // seen whole at once, it is given back as it is, without taking it apart line by line.
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (ONE_COLUMN_LINES.test(plain) && everyLineFits(plain, width)) return text;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (visibleWidth(line) <= width) {
      out.push(line);
      continue;
    }
    const lead = /^(\s*)((?:[•*-]|\d+\.) )?/.exec(line.replace(SGR, ''))!;
    let indent = ' '.repeat(lead[0].length);
    if (indent.length > width / 2) indent = '';
    const head = line.slice(0, lead[1]!.length);
    const rest = line.slice(lead[1]!.length);
    const wrapped = wrapText(rest, width - indent.length, width - head.length);
    out.push(head + wrapped[0], ...wrapped.slice(1).map((l) => indent + l));
  }
  return out.join('\n');
}

/** Whether no line of the text is longer than `width` characters. */
function everyLineFits(text: string, width: number): boolean {
  for (let start = 0; ; ) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > width) return false;
    if (end === -1) return true;
    start = end + 1;
  }
}
