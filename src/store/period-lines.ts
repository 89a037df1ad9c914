// Which conversation lines may be of a period, for a partial read (partial.ts): `rel pulse` reads
// the last weeks' notes, a few hundred of tens of thousands of conversations.
import type { IsoDate } from '../core/dates.js';
import { linesHolding, type RecordLines } from './partial.js';

const DATE_KEY = '"date":"';
const BACKSLASH = 0x5c;

/**
 * The lines holding a `"date":"…"` between `since` and `until` (compared as text, as the pulse
 * compares a conversation's date), or a backslash. Outside a JSON string a `"` is always raw and
 * inside one always escaped, so `"date":"` in a line without a backslash is a key, and the
 * conversation's own date is one of the keys found: a superset of the records of the period. A
 * date of other characters than ASCII, which the lines' text spells byte by byte, is marked too.
 */
export function datedWithin(since: IsoDate, until: IsoDate): (lines: RecordLines) => Uint8Array {
  return (lines) => {
    const { text, base, starts, ends } = lines;
    const marks = linesHolding(lines, [BACKSLASH]);
    const to = (ends.at(-1) ?? 0) - base;
    let line = 0;
    for (let at = text.indexOf(DATE_KEY); at >= 0 && at < to; at = text.indexOf(DATE_KEY, at + 1)) {
      while (ends[line]! - base <= at) line++;
      if (at < starts[line]! - base || marks[line]) continue;
      const from = at + DATE_KEY.length;
      const close = text.indexOf('"', from);
      if (close < 0 || close > ends[line]! - base) continue;
      const day = text.slice(from, close);
      if ((day >= since && day <= until) || !isAsciiText(day)) marks[line] = 1;
    }
    return marks;
  };
}

function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
