// A small vCard reader for what address books really write: vCard 2.1 (Android, Outlook, The Bat!:
// quoted-printable with soft line breaks, CHARSET, bare TYPE parameters, base64 photos), 3.0 and
// 4.0 (iOS, macOS, Google, Nextcloud: folded lines, grouped `item1.` properties, escaped text,
// X-APPLE-OMIT-YEAR birthdays). Pure. It works on the file's bytes (as a string of octets, one
// character per byte): lines are unfolded first, then each property is decoded by its own CHARSET,
// so that a fold inside a UTF-8 character is repaired and one legacy card does not garble the rest.
import { readBirthday } from './birthdays.js';
import { asOctets, decodeAs, isAscii, isUtf8, knownCharset, LEGACY_CHARSET } from './charset.js';
import type { ImportedPerson, ImportProblem } from './import-types.js';
import { REL_PRODID } from './vcard-write.js';

export interface VCardProperty {
  group: string | null;
  /** Upper case: FN, N, TITLE, ... */
  name: string;
  /** Parameter names upper case; a bare 2.1 parameter (WORK, QUOTED-PRINTABLE) is a TYPE value. */
  params: Map<string, string[]>;
  /** As written: not yet decoded or unescaped. */
  raw: string;
  line: number;
}

export interface VCard {
  /** The line of BEGIN:VCARD. */
  line: number;
  properties: VCardProperty[];
}

interface LogicalLine {
  text: string;
  line: number;
}

function isQuotedPrintable(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
}

/** Physical lines to logical ones: folded lines (CRLF + space or tab) and quoted-printable soft breaks joined. */
export function unfold(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const lines: LogicalLine[] = [];
  physical.forEach((raw, i) => {
    const current = lines[lines.length - 1];
    // A soft break ("=" at the end) continues a quoted-printable value on the next line as it is.
    if (current?.text.endsWith('=') && isQuotedPrintable(current.text)) {
      current.text = current.text.slice(0, -1) + raw;
    } else if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
    } else if (raw.trim() !== '') {
      lines.push({ text: raw, line: i + 1 });
    }
  });
  return lines;
}

/** Splits at a separator outside double quotes. */
function splitOutsideQuotes(text: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted && parts.length < limit - 1) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const PROPERTY_NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;

export function parseProperty(logical: LogicalLine): VCardProperty | undefined {
  const [head, raw] = splitOutsideQuotes(logical.text, ':', 2);
  if (raw === undefined) return undefined;
  const [nameWithGroup, ...paramTexts] = splitOutsideQuotes(head!, ';');
  const name = PROPERTY_NAME.exec(nameWithGroup!.trim());
  if (!name) return undefined;
  const params = new Map<string, string[]>();
  for (const param of paramTexts) {
    const eq = param.indexOf('=');
    const key = eq < 0 ? 'TYPE' : param.slice(0, eq).trim().toUpperCase();
    const values = (eq < 0 ? param : param.slice(eq + 1))
      .split(',')
      .map((v) => v.trim().replace(/^"(.*)"$/, '$1'))
      .filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { group: name[1] ?? null, name: name[2]!.toUpperCase(), params, raw, line: logical.line };
}

/** The cards of a file, and what is wrong with the broken ones (they are left out). */
export function parseVCards(text: string): { cards: VCard[]; problems: ImportProblem[] } {
  const cards: VCard[] = [];
  const problems: ImportProblem[] = [];
  let open: VCard | undefined;
  for (const logical of unfold(text)) {
    const property = parseProperty(logical);
    // Lines that are not properties (a writer's stray base64, say) carry nothing rel reads.
    if (!property) continue;
    const value = property.raw.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (open) problems.push({ line: open.line, message: 'card has no END:VCARD before the next card' });
      open = { line: logical.line, properties: [] };
    } else if (property.name === 'END' && value === 'VCARD') {
      if (open) cards.push(open);
      else problems.push({ line: logical.line, message: 'END:VCARD without a BEGIN:VCARD' });
      open = undefined;
    } else if (open) {
      open.properties.push(property);
    }
  }
  if (open) problems.push({ line: open.line, message: 'card has no END:VCARD (the file ends inside it)' });
  return { cards, problems };
}

/** The cards of a file's bytes: a byte order mark dropped, UTF-16 (even without one) read. */
export function readVCards(bytes: Uint8Array): { cards: VCard[]; problems: ImportProblem[] } {
  return parseVCards(asOctets(bytes).toString('latin1'));
}

function encodingOf(property: VCardProperty): string {
  const encoding = property.params.get('ENCODING')?.[0] ?? '';
  const bare = property.params.get('TYPE') ?? [];
  if (/^quoted-printable$/i.test(encoding) || bare.some((t) => /^quoted-printable$/i.test(t))) return 'qp';
  if (/^(b|base64)$/i.test(encoding) || bare.some((t) => /^base64$/i.test(t))) return 'base64';
  return '';
}

/** Quoted-printable to bytes: =XX is a byte, any other character stands for itself (an octet). */
export function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** How a card's text is decoded: the charset for text that is not UTF-8 and names none. */
export interface CardReading {
  /** `rel import --charset`: said by the user, so not a guess. */
  charset?: string | undefined;
  /** Told of each thing rel had to leave out or guess, with the card's line. */
  warn: (warning: ImportProblem) => void;
}

/** Per card: the properties whose charset was guessed. */
interface CardState {
  reading: CardReading;
  guessed: Set<string>;
}

/**
 * A property's bytes as text, by its CHARSET (UTF-8 when it names none). Text that is not valid
 * UTF-8 is read, for that property only, in the charset the user named, else as windows-1252 (and
 * the card is reported as a guess).
 */
function decodeValue(bytes: Uint8Array, property: VCardProperty, state: CardState): string {
  if (isAscii(bytes)) return Buffer.from(bytes).toString('latin1');
  const declared = property.params.get('CHARSET')?.[0]?.trim();
  const declaresLegacy =
    declared !== undefined && !/^utf-?8$/i.test(declared) && !/^(us-)?ascii$/i.test(declared);
  if (declaresLegacy && knownCharset(declared)) return decodeAs(bytes, declared);
  if (isUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  if (state.reading.charset) return decodeAs(bytes, state.reading.charset);
  state.guessed.add(property.name);
  return decodeAs(bytes, LEGACY_CHARSET);
}

/** The property's value as text: quoted-printable and charsets decoded; binary values are empty. */
function propertyText(property: VCardProperty, state: CardState): string {
  const encoding = encodingOf(property);
  if (encoding === 'base64') return '';
  const bytes = encoding === 'qp' ? quotedPrintableBytes(property.raw) : Buffer.from(property.raw, 'latin1');
  return decodeValue(bytes, property, state);
}

/** Structured values (N, ORG) split at unescaped semicolons; lists (NICKNAME, CATEGORIES) at commas. */
export function splitStructured(value: string, separator = ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Backslash escapes undone; line ends (a quoted-printable =0D=0A included) become \n. */
export function unescapeText(value: string): string {
  return value
    .replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
    .replace(/\r\n?/g, '\n');
}

function all(card: VCard, name: string): VCardProperty[] {
  return card.properties.filter((p) => p.name === name);
}

function textsOf(card: VCard, name: string, state: CardState): string[] {
  return all(card, name)
    .map((property) => unescapeText(propertyText(property, state)).trim())
    .filter(Boolean);
}

function textOf(card: VCard, name: string, state: CardState): string {
  return textsOf(card, name, state)[0] ?? '';
}

function structuredOf(card: VCard, name: string, state: CardState): string[] {
  const property = all(card, name)[0];
  if (!property) return [];
  return splitStructured(propertyText(property, state)).map((part) =>
    unescapeText(part).replace(/\s+/g, ' ').trim(),
  );
}

/** Comma lists (NICKNAME, CATEGORIES) of every such property, each value once. */
function listOf(card: VCard, name: string, state: CardState): string[] {
  const values = all(card, name).flatMap((property) =>
    splitStructured(propertyText(property, state), ',').map((v) => unescapeText(v).trim()),
  );
  return [...new Set(values.filter(Boolean))];
}

/** Google's system groups, which are not tags anyone gave. */
const SYSTEM_CATEGORIES = new Set(['mycontacts', 'starred']);

/** The birthday of a BDAY value, or null when there is none or it is not one rel can use (reported). */
function birthdayOf(card: VCard, state: CardState): string | null {
  const property = all(card, 'BDAY')[0];
  if (!property) return null;
  const raw = propertyText(property, state).trim();
  if (!raw) return null;
  let date = raw.replace(/T.*$/, '');
  // Apple writes a birthday without a year as 1604-05-17 with X-APPLE-OMIT-YEAR=1604.
  const omitted =
    property.params.get('X-APPLE-OMIT-YEAR')?.[0] ?? (date.startsWith('1604') ? '1604' : undefined);
  if (omitted && date.startsWith(omitted)) date = `-${date.slice(omitted.length)}`.replace(/^-?-?/, '--');
  const birthday = readBirthday(date);
  if (birthday) return birthday;
  state.reading.warn({
    line: card.line,
    message: `BDAY "${raw}" is not a date rel can use (a day and month, with or without the year); imported without a birthday`,
  });
  return null;
}

/** A card's e-mail addresses, each once (ignoring case), as written. */
function emailsOf(card: VCard, state: CardState): string[] {
  const seen = new Set<string>();
  return textsOf(card, 'EMAIL', state).filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What rel keeps of a card: FN (else N) as the name, NICKNAME as aliases, TITLE, ORG as the team,
 * BDAY, NOTE as notes, CATEGORIES as tags, EMAIL. A birthday rel cannot use is left out (and
 * reported); a card with no name at all is a problem.
 */
/**
 * Whether the card is a contact group (vCard 4.0 `KIND:group`, Apple's 3.0
 * `X-ADDRESSBOOKSERVER-KIND:group`), as address books export a group beside its members: a list
 * of people, not a person.
 */
export function isGroupCard(card: VCard): boolean {
  return card.properties.some(
    (p) =>
      (p.name === 'KIND' || p.name === 'X-ADDRESSBOOKSERVER-KIND') && p.raw.trim().toLowerCase() === 'group',
  );
}

export function personFromCard(card: VCard, reading: CardReading): ImportedPerson | ImportProblem {
  const state: CardState = { reading, guessed: new Set() };
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = structuredOf(card, 'N', state);
  const name = (
    textOf(card, 'FN', state) || [prefix, given, additional, family, suffix].filter(Boolean).join(' ')
  )
    .replace(/\s+/g, ' ')
    .trim();
  if (!name) return { line: card.line, message: 'card has no name (FN or N)' };
  const [organisation = '', ...units] = structuredOf(card, 'ORG', state);
  const department = units.filter(Boolean).join(' / ');
  // rel's own cards: the UID is a rel id (kept on import) and every tag is the user's.
  const own = textOf(card, 'PRODID', state) === REL_PRODID;
  const uid = textOf(card, 'UID', state);
  const person: ImportedPerson = {
    line: card.line,
    name,
    role: textOf(card, 'TITLE', state),
    team: department || organisation,
    relationship: '',
    tags: listOf(card, 'CATEGORIES', state).filter((t) => own || !SYSTEM_CATEGORIES.has(t.toLowerCase())),
    aliases: listOf(card, 'NICKNAME', state).filter((a) => a !== name),
    cadenceDays: null,
    birthday: birthdayOf(card, state),
    notes: textsOf(card, 'NOTE', state),
    emails: emailsOf(card, state),
    ...(uid ? { id: uid, ownId: own } : {}),
  };
  if (state.guessed.size) {
    reading.warn({
      line: card.line,
      message: `${[...state.guessed].join(', ')} of ${JSON.stringify(name)} is not UTF-8 and names no charset: read as ${LEGACY_CHARSET}; if that is wrong, say the file's charset with --charset (e.g. --charset windows-1250)`,
    });
  }
  return person;
}
