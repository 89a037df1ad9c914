// CSV: columns are found by their header, in rel's own export and in what address books write
// (Google, Outlook in six languages, Thunderbird), or named by the user with --map.
import type { ImportProblem } from './import-types.js';
import { normalize } from './text.js';

export type CsvField =
  | 'name'
  | 'first'
  | 'middle'
  | 'last'
  | 'role'
  | 'team'
  | 'company'
  | 'relationship'
  | 'tags'
  | 'aliases'
  | 'cadence'
  | 'birthday'
  | 'birthYear'
  | 'birthMonth'
  | 'birthDay'
  | 'notes'
  | 'email';

/**
 * Header names per field, compared ignoring case, accents and spacing: rel's own, Google's and
 * Outlook's (in English, German, French, Spanish, Portuguese and Japanese), Thunderbird's. The
 * words that mean the first name in one export and the whole name in another (French "Nom",
 * Spanish "Nombre", Portuguese "Nome") are sorted out by mapHeaders.
 */
const HEADER_NAMES: Record<CsvField, string[]> = {
  name: ['name', 'full name', 'display name', 'contact name', '名前'],
  first: [
    'first name',
    'given name',
    'firstname',
    'vorname',
    'prénom',
    'nombre de pila',
    'nome próprio',
    '名',
  ],
  middle: [
    'middle name',
    'additional name',
    'weitere vornamen',
    'deuxième prénom',
    'segundo nombre',
    'segundo nome',
    'nome do meio',
    'ミドル ネーム',
  ],
  last: [
    'last name',
    'family name',
    'surname',
    'lastname',
    'nachname',
    'nom de famille',
    'apellidos',
    'apellido',
    'sobrenome',
    'apelido',
    '姓',
  ],
  role: [
    'role',
    'job title',
    'organization title',
    'organization 1 - title',
    'position',
    'organisation 1 - titel',
    'fonction',
    'organisation 1 - titre',
    'puesto',
    'cargo',
    'organización 1 - cargo',
    'organização 1 - cargo',
    '役職',
    '組織 1 - 役職',
  ],
  team: [
    'team',
    'department',
    'organization department',
    'organization 1 - department',
    'abteilung',
    'organisation 1 - abteilung',
    'service',
    'organisation 1 - service',
    'departamento',
    'organización 1 - departamento',
    'organização 1 - departamento',
    '部署',
    '組織 1 - 部署',
  ],
  company: [
    'company',
    'organization',
    'organization name',
    'organization 1 - name',
    'firma',
    'organisation 1 - name',
    'société',
    'organisation 1 - nom',
    'organización',
    'compañía',
    'empresa',
    'organización 1 - nombre',
    'organização 1 - nome',
    '会社名',
    '組織 1 - 名前',
  ],
  relationship: ['relationship'],
  tags: [
    'tags',
    'labels',
    'categories',
    'group membership',
    'kategorien',
    'gruppenmitgliedschaft',
    'catégories',
    'appartenance à un groupe',
    'categorías',
    'pertenencia a grupos',
    'categorias',
    'associação a grupos',
    '分類',
    'グループ メンバーシップ',
  ],
  aliases: [
    'aliases',
    'alias',
    'nickname',
    'spitzname',
    'surnom',
    'sobrenombre',
    'apodo',
    'alcunha',
    'ニックネーム',
  ],
  cadence: ['cadence'],
  birthday: [
    'birthday',
    'bday',
    'date of birth',
    'birth date',
    'geburtstag',
    'anniversaire',
    'cumpleaños',
    'aniversário',
    'data de nascimento',
    '誕生日',
  ],
  birthYear: ['birth year'],
  birthMonth: ['birth month'],
  birthDay: ['birth day'],
  notes: ['notes', 'note', 'notizen', 'notas', 'anotações', 'メモ'],
  email: [
    'email',
    'emails',
    'e-mail',
    'email address',
    'e-mail address',
    'e-mail 2 address',
    'e-mail 3 address',
    'e-mail 1 - value',
    'e-mail 2 - value',
    'e-mail 3 - value',
    'primary email',
    'secondary email',
    'e-mail-adresse',
    'e-mail 2: adresse',
    'e-mail 3: adresse',
    'e-mail 1 - wert',
    'e-mail 2 - wert',
    'adresse de messagerie',
    'adresse de messagerie 2',
    'adresse de messagerie 3',
    'adresse e-mail 1 - valeur',
    'dirección de correo electrónico',
    'dirección de correo electrónico 2',
    'dirección de correo electrónico 3',
    'correo electrónico 1 - valor',
    'endereço de email',
    'endereço de e-mail',
    'e-mail 1 - valor',
    '電子メール アドレス',
    '電子メール 2 アドレス',
    '電子メール 3 アドレス',
    'メール 1 - 値',
  ],
};

const HEADERS = Object.fromEntries(
  Object.entries(HEADER_NAMES).map(([field, names]) => [field, new Set(names.map(normalize))]),
) as Record<CsvField, Set<string>>;

/** The fields `rel import --map "<column>=<field>"` can name. */
export const MAP_FIELDS = [
  'name',
  'first',
  'last',
  'aliases',
  'role',
  'team',
  'relationship',
  'tags',
  'birthday',
  'notes',
  'email',
] as const;
export type MapField = (typeof MAP_FIELDS)[number];

export interface ColumnMap {
  column: string;
  field: MapField;
}

/** Which column holds which field; every e-mail column is kept. */
export type Columns = Partial<Record<Exclude<CsvField, 'email'>, number>> & {
  emails?: number[];
  /** Japanese exports: the family name comes first in the whole name. */
  familyFirst?: true;
};

/** Which column holds which field; a problem (line 1) when there is no name at all. */
export function mapHeaders(header: string[], map: ColumnMap[] = []): Columns | ImportProblem {
  const columns: Columns = {};
  const normalized = header.map((h) => normalize(h));
  const has = (name: string) => normalized.includes(name);
  for (const [field, names] of Object.entries(HEADERS) as [CsvField, Set<string>][]) {
    if (field === 'email') {
      const emails = normalized.flatMap((h, i) => (names.has(h) ? [i] : []));
      if (emails.length) columns.emails = emails;
      continue;
    }
    const index = normalized.findIndex((h) => names.has(h));
    if (index >= 0) columns[field] = index;
  }
  // French "Nom" is the last name in Outlook and the whole name where "Nom de famille" is there
  // (Google); Spanish "Nombre" and Portuguese "Nome" are the first name in Outlook and the whole
  // name where a first-name column of their own is there.
  const ambiguous: [string, 'last' | 'first', string[]][] = [
    ['nom', 'last', ['nom de famille']],
    ['nombre', 'first', ['nombre de pila']],
    ['nome', 'first', ['nome proprio']],
  ];
  for (const [word, otherwise, tells] of ambiguous) {
    if (!has(word)) continue;
    const field = tells.some(has) ? 'name' : otherwise;
    columns[field] ??= normalized.indexOf(word);
  }
  // French Outlook has "Titre" twice: the courtesy title first, the job title after "Service".
  const titles = normalized.flatMap((h, i) => (h === 'titre' ? [i] : []));
  if (titles.length > 1) columns.role ??= titles[titles.length - 1]!;
  if (normalized[columns.last ?? -1] === '姓' && normalized[columns.first ?? -1] === normalize('名'))
    columns.familyFirst = true;

  for (const { column, field } of map) {
    const index = normalized.indexOf(normalize(column));
    if (index < 0) {
      return {
        line: 1,
        message: `--map "${column}=${field}": the header has no column "${column}"; it has ${header.map((h) => JSON.stringify(h)).join(', ')}`,
      };
    }
    // The column means what the user says and nothing else.
    for (const key of Object.keys(columns) as (keyof Columns)[]) {
      if (columns[key] === index) delete columns[key];
    }
    if (columns.emails) columns.emails = columns.emails.filter((i) => i !== index);
    if (field === 'email') columns.emails = [...(columns.emails ?? []), index];
    else columns[field] = index;
  }
  if (columns.emails?.length === 0) delete columns.emails;
  if (columns.name === undefined && columns.first === undefined && columns.last === undefined) {
    return {
      line: 1,
      message: `no name column: the header must have "name" (or "First Name" and "Last Name"), or say which column is the name with --map "<column>=name"; it has ${header.map((h) => JSON.stringify(h)).join(', ')}`,
    };
  }
  return columns;
}
