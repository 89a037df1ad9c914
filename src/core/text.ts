// Text helpers shared by the core and the renderers.

const COMBINING_MARKS = /\p{M}/gu;
// Bidirectional marks, overrides and isolates, and zero-width characters other than the joiner
// that emoji sequences need.
const INVISIBLE = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/g;

/** The form names are compared in: no accents, no case, no invisible characters, single spaces. */
// Letters that Unicode does not decompose into a base letter and a mark, read as people type them
// without the accent: "Søren" is "soren", "Łukasz" "lukasz", "Weiß" "weiss".
const LETTERS: Record<string, string> = {
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => LETTERS[letter]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ASCII letters and digits of a text as a slug ("Ana Silva" -> "ana-silva"); empty when it has none (李伟). */
export function asciiSlug(text: string): string {
  return normalize(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// C0 controls except tab and newline, DEL, C1 controls: matching them is the point.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to neutralise
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Bidi overrides and isolates: in a name they reorder what is shown around it. */
const REORDERING = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A name from a file as rel keeps it: without control characters (tabs and line breaks become
 * spaces) or bidi overrides, which no one types in a name and which a terminal would replay.
 */
export function withoutControls(name: string): string {
  return name
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROL, '')
    .replace(REORDERING, '');
}

/** The control characters and bidi overrides in a name (withoutControls' ones), as displaySafe shows them. */
export function controlsIn(name: string): string[] {
  const found = name
    .replace(/[\t\n\r]/g, ' ')
    .match(new RegExp(`${CONTROL.source}|${REORDERING.source}`, 'g'));
  return [...new Set(found ?? [])].map(visible);
}

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  // Control Pictures (U+2400...) show C0 characters as themselves: ␛ for ESC, ␇ for BEL.
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Any character that displaySafe changes: C0 (tab and line feed too), DEL, C1, and INVISIBLE's. */
const ANY_SHOWN_OTHERWISE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it looks for
  /[\u0000-\u001F\u007F-\u009F\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/;

/**
 * Text as it may be shown on a terminal: control characters, bidi overrides and zero-width
 * characters are made visible instead of being replayed. The stored text is never changed.
 */
export function displaySafe(text: string, { multiline = false } = {}): string {
  // Most text holds none of them: one test, where the replacements would each walk it.
  if (!ANY_SHOWN_OTHERWISE.test(text)) return text;
  const shown = text.replace(CONTROL, visible).replace(INVISIBLE, visible);
  return multiline ? shown.replace(/\t/g, '  ') : shown.replace(/\r?\n|\t/g, ' ');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * "a" or "an" before a word, by how it is said: "an all-hands", "an email", "a 1:2:1", "a
 * one-on-one", "a user interview". Kinds are any word a person types, so this is a rule of thumb.
 */
export function article(word: string): 'a' | 'an' {
  // Without accents: "an É-mail".
  const w = normalize(word);
  if (/^(one|once|uni|use|usu|uti|eu|ewe)/.test(w)) return 'a';
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  if (/^[aeiou]/.test(w)) return 'an';
  // Numbers said with a vowel: "an 8-week check-in", "an 11:00", "an 18-month review".
  return /^(8|11|18)(?!\d)|^8\d/.test(w) ? 'an' : 'a';
}

/**
 * Two names in the order `a.localeCompare(b)` gives them, without starting ICU's collator for
 * plain names: its first use costs some 10 to 25 ms, more than sorting a list of people does.
 * A plain name is ASCII letters, digits, spaces, hyphens, full stops and apostrophes, and letters
 * with one accent of the Latin alphabets (é, ü, ñ, ç, š, ő...). In an English locale these are
 * ordered here as the Unicode collation orders them: by their letters, whatever the case and
 * accents; then by accents (none first); then by case (lower first). Anything else (ß, ø, other
 * scripts), or another locale, goes to localeCompare. test/core/text.test.ts holds them equal.
 */
export function compareNames(a: string, b: string): number {
  const x = plainName(a);
  const y = x && plainName(b);
  if (x && y && englishCollation()) return comparePlain(x, y);
  return a.localeCompare(b);
}

/** For a test: comparePlain of two plain names (undefined when one is not plain). */
export function comparePlainNames(a: string, b: string): number | undefined {
  const x = plainName(a);
  const y = plainName(b);
  return x && y ? comparePlain(x, y) : undefined;
}

/** The characters of a plain name, lower case, in the collation's order (spaces first). */
const NAME_ORDER = " -.'0123456789abcdefghijklmnopqrstuvwxyz";
/** The accents, in the collation's order: acute, grave, breve, circumflex, caron, ring, ... */
const ACCENT_ORDER = '\u0301\u0300\u0306\u0302\u030C\u030A\u0308\u030B\u0303\u0307\u0327\u0328\u0304';

/** A name as its letters' places in NAME_ORDER, their accents' (0 for none) and their case. */
interface PlainName {
  letters: number[];
  accents: number[];
  upper: boolean[];
}

/**
 * Names already taken apart: a sort compares each name with a dozen others, and taking one apart
 * costs more than comparing. Kept for the process (a few thousand names at most; reset beyond).
 */
const plainNames = new Map<string, PlainName | null>();

function plainName(name: string): PlainName | undefined {
  let plain = plainNames.get(name);
  if (plain === undefined) {
    if (plainNames.size >= 10_000) plainNames.clear();
    plain = takeApart(name) ?? null;
    plainNames.set(name, plain);
  }
  return plain ?? undefined;
}

function takeApart(name: string): PlainName | undefined {
  const plain: PlainName = { letters: [], accents: [], upper: [] };
  for (const char of name) {
    let base = char;
    let accent = 0;
    if (NAME_ORDER.indexOf(char.toLowerCase()) < 0) {
      const parts = char.normalize('NFD');
      accent = parts.length === 2 ? ACCENT_ORDER.indexOf(parts[1]!) + 1 : 0;
      base = parts[0]!;
      if (accent === 0 || !/[a-z]/i.test(base)) return undefined;
    }
    const lower = base.toLowerCase();
    plain.letters.push(NAME_ORDER.indexOf(lower));
    plain.accents.push(accent);
    plain.upper.push(base !== lower);
  }
  return plain;
}

function comparePlain(a: PlainName, b: PlainName): number {
  for (const level of ['letters', 'accents', 'upper'] as const) {
    const x = a[level];
    const y = b[level];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    }
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  }
  return 0;
}

let english: boolean | undefined;
/**
 * Whether localeCompare's locale is English without a collation of its own. The default locale
 * is read from plural rules, which start no collator; a collation asked for by name in the
 * environment (LANG=en_US@collation=...) leaves it to localeCompare.
 */
function englishCollation(): boolean {
  english ??=
    /^en(-[A-Z]{2})?$/.test(new Intl.PluralRules().resolvedOptions().locale) &&
    ![process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LC_COLLATE, process.env.LANG].some((v) =>
      v?.includes('@'),
    );
  return english;
}

/** A word in single quotes, as a shell reads it back exactly, whatever it holds. */
export function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A path as it can be pasted into a shell: bare when that is safe, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : shellQuoted(text);
}
