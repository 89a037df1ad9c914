// rel's own files that rel import does not read are said as what they are (found by a tester): an
// encrypted journal or backup gave a raw JSON parse error (or, without .json, binary garbage read
// as CSV), and rel's Markdown export "no name column".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir, tempStore } from '../helpers/run.js';

// A lower scrypt cost (stored in each file's header), as the encryption tests use.
const FAST = { REL_KDF_LOG_N: '10' };
const PW = { ...FAST, REL_PASSPHRASE: 'correct horse battery staple' };

describe('rel import of an encrypted rel journal or backup', () => {
  it('is refused as one (exit 2), with the export that makes it importable; nothing written', async () => {
    const dir = tempDir('import-sealed');
    const sealed = path.join(dir, 'j.json');
    await ok(['demo'], { store: sealed });
    await ok(['log', 'ana', '--note', 'x', '--no-input'], { store: sealed });
    await ok(['encrypt'], { store: sealed, env: PW });
    const backup = path.join(dir, '.j.json.backup-1');
    expect(fs.readFileSync(backup).subarray(0, 8).toString()).toBe('RELCRYPT');
    const store = tempStore('import-sealed-into');
    await ok(['add', 'Bo Chen'], { store });
    const before = bytesOf(store);
    for (const file of [sealed, backup]) {
      const r = await rel(['import', file], { store, env: PW });
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: 2,
        stderr:
          `rel: ${path.basename(file)} is an encrypted rel journal (or a backup of one): rel import reads rel's JSON export, which is plain.\n` +
          `  Export it first (rel asks for its passphrase): rel export --store ${file} > plain.json, then rel import plain.json.\n`,
      });
      expect(bytesOf(store)).toEqual(before);
    }
    // The way it names works: the export of the backup imports.
    const plain = path.join(dir, 'plain.json');
    fs.writeFileSync(plain, await ok(['export', '--store', backup], { env: PW }));
    expect(await ok(['import', plain], { store })).toMatch(/^Imported \d+ people/);
  });
});

describe("rel import of rel's Markdown export", () => {
  it('is refused as Markdown (exit 2), pointing to the JSON export', async () => {
    const dir = tempDir('import-md');
    const from = path.join(dir, 'from.json');
    await ok(['demo'], { store: from });
    const md = path.join(dir, 'rel-export.md');
    fs.writeFileSync(md, await ok(['export', '--format', 'md'], { store: from }));
    const store = tempStore('import-md-into');
    const r = await rel(['import', md], { store });
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr:
        "rel: rel-export.md is rel's Markdown export: rel import does not read Markdown.\n" +
        "  Import rel's JSON export instead: rel export > journal.json in the journal it came from, then rel import journal.json.\n",
    });
    expect(fs.existsSync(store)).toBe(false);
  });
});
