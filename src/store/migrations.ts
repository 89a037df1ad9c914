// Moving an older journal forward, one schema at a time. MIGRATIONS[n] turns a schema-n journal
// into a schema-(n+1) one; a new schema adds one entry here and bumps SCHEMA_VERSION.
// The store keeps a copy of the file as it was before the first write that upgrades it.
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import { upgradeToSchema2 } from '../core/tombstones.js';

type Data = Record<string, unknown>;
type Row = Record<string, unknown>;

const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

function renamed(row: Row, names: Record<string, string>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[names[key] ?? key] = value;
  return out;
}

/**
 * Schema 0, the pre-release shape: people had `cadence`, `created` and `archived`, and no
 * ambitions or skills; conversations named their people in `people` and had `created`; there
 * were no follow-ups.
 */
function fromSchema0(data: Data): Data {
  return {
    ...data,
    schema: 1,
    people: rows(data.people).map((p) => ({
      ambitions: [],
      skills: [],
      aliases: [],
      tags: [],
      role: '',
      team: '',
      relationship: '',
      ...renamed(p, { cadence: 'cadenceDays', created: 'createdAt', archived: 'archivedAt' }),
    })),
    conversations: rows(data.conversations).map((c) => ({
      minutes: null,
      note: '',
      heard: [],
      ...renamed(c, { people: 'with', created: 'createdAt' }),
    })),
    followUps: rows(data.followUps),
  };
}

export const MIGRATIONS: Record<number, (data: Data) => Data> = {
  0: fromSchema0,
  1: (data) => upgradeToSchema2(data as unknown as Journal) as unknown as Data,
};

/** The oldest schema this rel can bring forward. */
export const OLDEST_SCHEMA = Math.min(...Object.keys(MIGRATIONS).map(Number), SCHEMA_VERSION);

/** Whether data of this schema is older than this rel's and can be migrated. */
export function canMigrate(schema: unknown): schema is number {
  return (
    typeof schema === 'number' &&
    Number.isInteger(schema) &&
    schema >= OLDEST_SCHEMA &&
    schema < SCHEMA_VERSION
  );
}

// Fields that came with schema 1: a file marked schema 0 that has them is not the pre-release
// shape but a later journal with a wrong number, and migrating it would rename and default its
// records by guesswork.
const LATER_FIELDS: [string, string[]][] = [
  ['people', ['cadenceDays', 'createdAt', 'archivedAt', 'ambitions', 'skills']],
  ['conversations', ['with', 'createdAt']],
];

/** Why data that says it is schema `schema` is not what that schema looked like, if it is not. */
export function schemaMismatch(data: Data): string | undefined {
  if (data.schema !== 0) return undefined;
  for (const [key, fields] of LATER_FIELDS) {
    for (const [i, row] of rows(data[key]).entries()) {
      const later = fields.find((field) => row && typeof row === 'object' && field in row);
      if (later)
        return `it says "schema": 0, but ${key}[${i}] has "${later}", a field of schema 1 and later (is the schema number wrong?)`;
    }
  }
  return undefined;
}

/** Applies every migration from the data's schema up to this rel's. */
export function migrate(data: Data): Data {
  let current = data;
  for (let version = current.schema as number; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema ${version}`);
    current = step(current);
  }
  return current;
}
