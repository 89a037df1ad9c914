// Which conversation lines may be of a period, for a partial read (partial.ts): `rel pulse` reads
// the last weeks' notes, a few hundred of tens of thousands of conversations.
import type { IsoDate } from '../core/dates.js';
import { linesHolding, type RecordLines } from './partial.js';

const DATE_KEY = Buffer.from('"date":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The lines holding a `"date":"…"` between `since` and `until` (compared as text, as the pulse
 * compares a conversation's date), or a backslash. Outside a JSON string a `"` is always raw and
 * inside one always escaped, so `"date":"` in a line without a backslash is a key, and the
 * conversation's own date is one of the keys found: a superset of the records of the period.
 */
export function datedWithin(since: IsoDate, until: IsoDate): (lines: RecordLines) => Uint8Array {
  return (lines) => {
    const { bytes, starts, ends } = lines;
    const marks = linesHolding(lines, [BACKSLASH]);
    const to = ends.at(-1) ?? 0;
    let line = 0;
    for (
      let at = bytes.indexOf(DATE_KEY, starts[0]);
      at >= 0 && at < to;
      at = bytes.indexOf(DATE_KEY, at + 1)
    ) {
      while (ends[line]! <= at) line++;
      if (at < starts[line]! || marks[line]) continue;
      const from = at + DATE_KEY.length;
      const close = bytes.indexOf(QUOTE, from);
      if (close < 0 || close > ends[line]!) continue;
      const day = bytes.toString('utf8', from, close);
      if (day >= since && day <= until) marks[line] = 1;
    }
    return marks;
  };
}
