// A small vCard reader for what address books really write: vCard 2.1 (Android: quoted-printable
// with soft line breaks, CHARSET, bare TYPE parameters, base64 photos), 3.0 and 4.0 (iOS, macOS,
// Google: folded lines, grouped `item1.` properties, escaped text, X-APPLE-OMIT-YEAR birthdays).
// Pure: the text comes in already decoded from the file's bytes.
import { readBirthday } from './birthdays.js';
import type { ImportedPerson, ImportProblem } from './importing.js';

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

function encodingOf(property: VCardProperty): string {
  const encoding = property.params.get('ENCODING')?.[0] ?? '';
  const bare = property.params.get('TYPE') ?? [];
  if (/^quoted-printable$/i.test(encoding) || bare.some((t) => /^quoted-printable$/i.test(t))) return 'qp';
  if (/^(b|base64)$/i.test(encoding) || bare.some((t) => /^base64$/i.test(t))) return 'base64';
  return '';
}

export function decodeQuotedPrintable(text: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** The property's value as text: quoted-printable decoded in its charset; binary values are empty. */
export function propertyText(property: VCardProperty): string {
  const encoding = encodingOf(property);
  if (encoding === 'base64') return '';
  if (encoding === 'qp') return decodeQuotedPrintable(property.raw, property.params.get('CHARSET')?.[0]);
  return property.raw;
}

/** Structured values (N, ORG) split at unescaped semicolons. */
export function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === ';') {
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

function first(card: VCard, name: string): VCardProperty | undefined {
  return card.properties.find((p) => p.name === name);
}

function textOf(card: VCard, name: string): string {
  const property = first(card, name);
  return property ? unescapeText(propertyText(property)).trim() : '';
}

function structuredOf(card: VCard, name: string): string[] {
  const property = first(card, name);
  if (!property) return [];
  return splitStructured(propertyText(property)).map((part) =>
    unescapeText(part).replace(/\s+/g, ' ').trim(),
  );
}

/** The birthday of a BDAY value, null when there is none, or a problem when it is not a date. */
function birthdayOf(card: VCard): string | null | ImportProblem {
  const property = first(card, 'BDAY');
  if (!property) return null;
  const raw = propertyText(property).trim();
  if (!raw) return null;
  let date = raw.replace(/T.*$/, '');
  // Apple writes a birthday without a year as 1604-05-17 with X-APPLE-OMIT-YEAR=1604.
  const omitted =
    property.params.get('X-APPLE-OMIT-YEAR')?.[0] ?? (date.startsWith('1604') ? '1604' : undefined);
  if (omitted && date.startsWith(omitted)) date = `-${date.slice(omitted.length)}`.replace(/^-?-?/, '--');
  return (
    readBirthday(date) ?? { line: property.line, message: `BDAY "${raw}" is not a date rel understands` }
  );
}

/** What rel keeps of a card: FN (else N) as the name, TITLE, ORG as the team, NOTE, BDAY. */
export function personFromCard(card: VCard): ImportedPerson | ImportProblem {
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = structuredOf(card, 'N');
  const name = (textOf(card, 'FN') || [prefix, given, additional, family, suffix].filter(Boolean).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (!name) return { line: card.line, message: 'card has no name (FN or N)' };
  const birthday = birthdayOf(card);
  if (birthday !== null && typeof birthday === 'object')
    return { line: card.line, message: birthday.message };
  const [organisation = '', ...units] = structuredOf(card, 'ORG');
  const department = units.filter(Boolean).join(' / ');
  const note = textOf(card, 'NOTE');
  return {
    line: card.line,
    name,
    role: textOf(card, 'TITLE'),
    team: department || organisation,
    relationship: '',
    tags: [],
    aliases: [],
    cadenceDays: null,
    birthday,
    notes: note ? [note] : [],
  };
}
