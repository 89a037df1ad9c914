// A weekday or month name misspelt in a date the user typed ("tusday", "thrusday", "febuary"):
// the date is refused, not guessed, since a conversation logged on a wrong day is worse than a
// refusal, and the names it was likely meant as are offered. chrono reads no misspelt name and
// may skip one it does not know ("tusday 5 dec" is 5 December, whatever day that is).

/** The names a word is compared with: weekdays, months, and the other day words. */
const NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'yesterday',
  'tomorrow',
];

/**
 * Words of dates that are no misspelling, though some are close to a name ("day" to "may"); a
 * word that begins a name is none either (rel and chrono read "tues", "sept").
 */
const KNOWN = new Set(
  (
    'today tonight day days week weeks weekend month months year years fortnight ago in on at of the a an ' +
    'and last next this past previous coming before after from noon midnight morning afternoon evening ' +
    'night hour hours minute minutes'
  ).split(' '),
);

/**
 * The optimal string alignment distance: edits (insert, delete, change a letter, or swap two that
 * are side by side) from one word to another, so that "thrusday" is one from "thursday".
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The names a word is a slip of (the closest, all of them when tied); none for a word that is no slip. */
export function namesMeant(word: string): string[] {
  const typed = word.toLowerCase();
  if (typed.length < 3 || KNOWN.has(typed) || NAMES.some((name) => name.startsWith(typed))) return [];
  // One slip in a short word, two in a longer one: "mya" is may, "wensday" wednesday.
  const most = typed.length <= 4 ? 1 : 2;
  let best = most + 1;
  let meant: string[] = [];
  for (const name of NAMES) {
    const d = editDistance(typed, name);
    if (d < best) [best, meant] = [d, [name]];
    else if (d === best) meant.push(name);
  }
  return best <= most ? meant : [];
}

/**
 * The text with its misspelt names put right, one text for each reading when a slip is close to
 * two names ("jule 5": "june 5" or "july 5"); none when no word is a slip. Lower case, as typed
 * dates are read.
 */
export function respelt(text: string): string[] {
  let readings = [''];
  let slipped = false;
  for (const part of text.toLowerCase().split(/([a-z]+)/)) {
    const meant = /^[a-z]+$/.test(part) ? namesMeant(part) : [];
    if (meant.length) slipped = true;
    const options = meant.length ? meant : [part];
    readings = readings.flatMap((r) => options.map((o) => r + o));
  }
  return slipped ? readings.slice(0, 3) : [];
}
