// rel import of people whose e-mail address someone already has (one address names one person, as
// rel add --email has it): what it says names the row, the address and who holds it, in text and
// --json; a JSON export's person comes in without the address, with a warning; --strict and an
// import with nothing new leave the journal byte for byte as it was.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const CSV = [
  'name,email',
  'Dan One,dan@example.com',
  'Dan Two,dan@example.com',
  'Carla Other,CARA@example.com',
  'Eve Fine,eve@example.com',
  '',
].join('\n');

async function journalWithCara(tag: string): Promise<{ store: string; dir: string }> {
  const dir = tempDir(tag);
  const store = path.join(dir, 'journal.json');
  await ok(['add', 'Cara Diaz', '--email', 'cara@example.com'], { store });
  return { store, dir };
}

describe('rel import: an e-mail address someone already has', () => {
  it('CSV: says which row was skipped, the address, and who has it (in the journal or an earlier row)', async () => {
    const { store, dir } = await journalWithCara('import-email-csv');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, CSV);
    const r = await rel(['import', file], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Imported 2 people from people.csv: Dan One (line 2), Eve Fine (line 5).',
        "Skipped 1 person whose e-mail address someone in your journal has: Carla Other (line 4: e-mail address CARA@example.com is Cara Diaz's (cara-diaz) in your journal).",
        "Skipped 1 person whose e-mail address an earlier one in the file has: Dan Two (line 3: e-mail address dan@example.com is Dan One's, line 2).",
        'One e-mail address names one person (as with rel add --email): if Carla Other is someone else, add them with an address of their own (rel add "Carla Other").',
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('already in your journal:');
    expect(r.stdout).not.toContain('named twice');
    expect(readJson(store).people.map((p: { name: string }) => p.name)).toEqual([
      'Cara Diaz',
      'Dan One',
      'Eve Fine',
    ]);
  });

  it('CSV --json: each skipped row says what it shares, with whom', async () => {
    const { store, dir } = await journalWithCara('import-email-json-out');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, CSV);
    const r = await rel(['import', file, '--json', '--dry-run'], { store });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).people.skipped).toEqual([
      {
        name: 'Dan Two',
        line: 3,
        existingId: 'dan-one',
        reason: "e-mail address dan@example.com is Dan One's, line 2",
        match: 'email',
        existingName: 'Dan One',
        existingLine: 2,
        email: 'dan@example.com',
      },
      {
        name: 'Carla Other',
        line: 4,
        existingId: 'cara-diaz',
        reason: "e-mail address CARA@example.com is Cara Diaz's (cara-diaz) in your journal",
        match: 'email',
        existingName: 'Cara Diaz',
        existingLine: null,
        email: 'CARA@example.com',
      },
    ]);
  });

  it('vCard: the same words', async () => {
    const { store, dir } = await journalWithCara('import-email-vcf');
    const file = path.join(dir, 'zed.vcf');
    fs.writeFileSync(
      file,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Other\r\nEMAIL:cara@example.com\r\nEND:VCARD\r\n',
    );
    const before = bytesOf(store);
    const r = await rel(['import', file], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Skipped 1 person whose e-mail address someone in your journal has: Zed Other (line 1: e-mail address cara@example.com is Cara Diaz's (cara-diaz) in your journal).",
    );
    // Nothing new: not written at all.
    expect(bytesOf(store)).toEqual(before);
  });

  it('JSON export: the person comes in without the address, with a warning; --strict refuses it, the journal untouched', async () => {
    const other = tempStore('import-email-other');
    await ok(['add', 'Zed Other', '--email', 'CARA@example.com'], { store: other });
    const { store, dir } = await journalWithCara('import-email-export');
    const file = path.join(dir, 'other.json');
    fs.writeFileSync(file, await ok(['export'], { store: other }));
    const before = bytesOf(store);
    const strict = await rel(['import', file, '--strict'], { store });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(
      "Zed Other: an e-mail address someone here has (one address names one person): CARA@example.com is Cara Diaz's (cara-diaz); without --strict, the person would be imported without it.",
    );
    expect(bytesOf(store)).toEqual(before);

    const r = await rel(['import', file, '--json'], { store });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([
      {
        line: 4,
        message:
          "Zed Other: an e-mail address someone here has (one address names one person): CARA@example.com is Cara Diaz's (cara-diaz); imported without it",
      },
    ]);
    expect(r.stderr).not.toContain('skipped');
    const people = readJson(store).people as { name: string; emails?: string[] }[];
    expect(people.map((p) => [p.name, p.emails ?? []])).toEqual([
      ['Cara Diaz', ['cara@example.com']],
      ['Zed Other', []],
    ]);
  });
});
