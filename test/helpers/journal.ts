// Journals written straight to disk, for tests that need a store in a given state fast.
import fs from 'node:fs';
import path from 'node:path';
import { type Person, SCHEMA_VERSION } from '../../src/core/journal.js';

export function person(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    aliases: [],
    role: '',
    team: '',
    relationship: '',
    tags: [],
    cadenceDays: null,
    ambitions: [],
    skills: [],
    createdAt: '2026-01-01T09:00:00.000Z',
    archivedAt: null,
    ...extra,
  };
}

/**
 * A person with every field rel writes today. person() leaves out the fields added since the
 * first schema, as a file from an older rel does (reading fills them in).
 */
export function wholePerson(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { ...person(id, name), notes: [], askNext: [], snoozedUntil: null, ...extra } as Person;
}

export function conversation(id: string, withIds: string[], date: string, note = '') {
  return {
    id,
    date,
    with: withIds,
    kind: '1:2:1',
    minutes: 30,
    note,
    heard: [],
    createdAt: `${date}T10:00:00.000Z`,
  };
}

export function journalText(
  people: object[],
  conversations: object[] = [],
  followUps: object[] = [],
): string {
  const lines = (records: object[]) => records.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  const field = (name: string, records: object[]) =>
    records.length ? `  "${name}": [\n${lines(records)}\n  ]` : `  "${name}": []`;
  return `{\n  "schema": ${SCHEMA_VERSION},\n${field('people', people)},\n${field('conversations', conversations)},\n${field('followUps', followUps)},\n  "tombstones": []\n}\n`;
}

export function writeJournal(file: string, text: string, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
}

/**
 * A journal of about `megabytes` MB: 200 people and as many conversations as it takes, each with
 * a note of a few hundred characters. Built as text, so a 30 MB one takes well under a second.
 */
export function largeJournalText(megabytes: number): { text: string; conversations: number } {
  const people = Array.from({ length: 200 }, (_, i) => person(`p${i}`, `Person ${i}`));
  const note = 'We talked about the roadmap, the on-call rota and what they want to learn next. '.repeat(4);
  const target = megabytes * 1024 * 1024;
  const records: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const line = `    ${JSON.stringify(conversation(`c${i.toString(16).padStart(8, '0')}`, [`p${i % 200}`], `2025-${month}-${day}`, note))}`;
    records.push(line);
    size += line.length + 2;
  }
  const text = `{\n  "schema": ${SCHEMA_VERSION},\n  "people": [\n${people.map((p) => `    ${JSON.stringify(p)}`).join(',\n')}\n  ],\n  "conversations": [\n${records.join(',\n')}\n  ],\n  "followUps": [],\n  "tombstones": []\n}\n`;
  return { text, conversations: records.length };
}
