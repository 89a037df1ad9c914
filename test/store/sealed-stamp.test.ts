// An encrypted journal's stamp (store/sealed-stamp.ts): what rel records at its own last write of
// an encrypted journal, sealed with its key, so that the next write takes the shortcuts a plain
// journal's summary allows. It is taken only for the very file it was written after, opened with
// the key that opened the journal; any doubt (another key, another journal's stamp, another
// version, a cut or changed stamp, another rel) reads past it, and the next write makes it again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalTag, readJournal, type Stamps } from '../../src/store/codec.js';
import { newSealing, openSealed, passphraseKeyring, saltOf, seal, unseal } from '../../src/store/crypto.js';
import { fileVersion } from '../../src/store/files.js';
import { SealedStamp } from '../../src/store/sealed-stamp.js';
import { ok, rel, tempStore } from '../helpers/run.js';

const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
const keyring = passphraseKeyring(async () => PW.REL_PASSPHRASE);

const stateOf = (store: string) => path.join(path.dirname(path.dirname(store)), 'state', 'rel');
const stampsIn = (store: string) =>
  fs.existsSync(stateOf(store)) ? fs.readdirSync(stateOf(store)).filter((n) => n.startsWith('stamp-')) : [];
const stampOf = (store: string) => SealedStamp.of(stateOf(store), fs.realpathSync(store))!;
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const notes = async (store: string) =>
  (await readWith(store, undefined)).journal.conversations.map((c) => c.note);

/** An encrypted journal with Ana and two conversations, its last write rel's own. */
async function sealed(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['encrypt'], { store, env: PW });
  await ok(['log', 'ana', '--note', 'one'], { store, env: PW });
  await ok(['log', 'ana', '--note', 'two'], { store, env: PW });
  return store;
}

/** The journal read as the store reads it, with this stamp (or none). */
async function readWith(store: string, stamp: SealedStamp | undefined) {
  const stamps: Stamps = (read) => (read ? stamp?.read(read) : undefined);
  const found = await readJournal(store, store, keyring, stamps);
  if (!found) throw new Error('no journal');
  return found.parsed;
}

describe("an encrypted journal's stamp", { timeout: 120_000 }, () => {
  it('is written by each write, sealed: it opens only with the key, and names the file and its text', async () => {
    const store = await sealed('stamp-written');
    expect(stampsIn(store)).toHaveLength(1);
    const file = path.join(stateOf(store), stampsIn(store)[0]!);
    const bytes = fs.readFileSync(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Nothing in the clear: no name, no version, no tag of the text.
    const parsed = await readWith(store, undefined);
    for (const secret of ['Ana', 'one', fileVersion(store)!, journalTag(parsed.text), '"tag"'])
      expect(bytes.includes(Buffer.from(secret!))).toBe(false);
    // Another key does not open it.
    expect(openSealed(bytes, await newSealing('another passphrase', FAST_KDF))).toBeUndefined();
    // The journal's key does: it names this version, and the tag of the text written.
    const used = await readWith(store, stampOf(store));
    expect(used.ownLines).toBe(true);
    expect(used.text).toBe(parsed.text);
  });

  it('is used for the very file it was written after, and read past on any doubt', async () => {
    const store = await sealed('stamp-doubt');
    const stamp = stampOf(store);
    const good = fs.readFileSync(stamp.file);
    expect((await readWith(store, stamp)).ownLines).toBe(true);
    const doubts: [string, () => void | Promise<void>][] = [
      ['cut short', () => fs.writeFileSync(stamp.file, good.subarray(0, good.length - 5))],
      ['one byte changed', () => fs.writeFileSync(stamp.file, Buffer.from(good).fill(1, 70, 71))],
      ['empty', () => fs.writeFileSync(stamp.file, '')],
      [
        'under another key',
        async () => {
          const other = await newSealing('another passphrase', FAST_KDF);
          const text = JSON.stringify({
            format: 1,
            rel: 'x',
            version: fileVersion(store),
            mark: '',
            tag: 'x',
          });
          fs.writeFileSync(stamp.file, seal(text, other));
        },
      ],
    ];
    for (const [what, spoil] of doubts) {
      await spoil();
      expect((await readWith(store, stamp)).ownLines, what).toBeUndefined();
      fs.writeFileSync(stamp.file, good);
      expect((await readWith(store, stamp)).ownLines).toBe(true);
    }
    // Another version of the file: the same bytes copied back (a new inode and change time).
    const bytes = fs.readFileSync(store);
    fs.rmSync(store);
    fs.writeFileSync(store, bytes, { mode: 0o600 });
    expect((await readWith(store, stamp)).ownLines).toBeUndefined();
  });

  it("is not taken for another journal's, nor for the same version with other content under the key", async () => {
    const store = await sealed('stamp-other');
    const stamp = stampOf(store);
    const before = fs.readFileSync(store);
    const stampBefore = fs.readFileSync(stamp.file);
    await ok(['log', 'ana', '--note', 'three'], { store, env: PW });
    // The file before put back, with the stamp of the file after made to name its version: the
    // key opens it, the version is right, but its mark is of the other content.
    const sealing = await keyring.sealingFor(store, saltOf(before)!, FAST_KDF);
    const stampAfter = openSealed(fs.readFileSync(stamp.file), sealing);
    expect(stampAfter).toBeDefined();
    fs.writeFileSync(stamp.file, stampBefore);
    fs.writeFileSync(store, before);
    expect((await readWith(store, stamp)).ownLines).toBeUndefined();
    const lying = JSON.stringify({ ...JSON.parse(stampAfter!), version: fileVersion(store) });
    fs.writeFileSync(stamp.file, seal(lying, sealing));
    expect((await readWith(store, stamp)).ownLines).toBeUndefined();
    // The same made with its own mark is taken: what told them apart was the mark alone.
    const mark = (await unseal(store, before, keyring)).mark.toString('base64');
    fs.writeFileSync(stamp.file, seal(JSON.stringify({ ...JSON.parse(lying), mark }), sealing));
    expect((await readWith(store, stamp)).ownLines).toBe(true);
  });

  it('that vouches for a layout the text does not have takes nothing: every record is written and undone right', async () => {
    const store = await sealed('stamp-layout');
    const stamp = stampOf(store);
    const sealing = await keyring.sealingFor(store, saltOf(fs.readFileSync(store))!, FAST_KDF);
    const opened = JSON.parse(openSealed(fs.readFileSync(stamp.file), sealing)!);
    // The same records, one of them spaced by hand: it parses the same, and its line is not its JSON.
    const text = (await readWith(store, undefined)).text;
    const spaced = text.replace('"note":"one"', '"note": "one"');
    expect(spaced).not.toBe(text);
    const bytes = seal(spaced, sealing);
    fs.writeFileSync(store, bytes);
    const lie = {
      ...opened,
      version: fileVersion(store),
      mark: (await unseal(store, bytes, keyring)).mark.toString('base64'),
    };
    fs.writeFileSync(stamp.file, seal(JSON.stringify(lie), sealing));
    expect((await readWith(store, stamp)).ownLines).toBe(true);
    await ok(['log', 'ana', '--note', 'three'], { store, env: PW });
    // The spaced line may be kept as it is (rel log trusts the stamp's lines, as it does a plain
    // journal's summary): the records are the ones written all the same.
    expect(await notes(store)).toEqual(['one', 'two', 'three']);
    await ok(['undo'], { store, env: PW });
    expect(await notes(store)).toEqual(['one', 'two']);
  });

  it('goes with rel decrypt, comes with rel encrypt, and a write over one read past makes it again', async () => {
    const store = await sealed('stamp-cycle');
    await ok(['decrypt'], { store, env: PW });
    expect(stampsIn(store)).toEqual([]);
    await ok(['encrypt'], { store, env: PW });
    expect(stampsIn(store)).toHaveLength(1);
    const stamp = stampOf(store);
    fs.writeFileSync(stamp.file, 'not a stamp');
    await ok(['log', 'ana', '--note', 'over a bad stamp'], { store, env: PW });
    expect((await readWith(store, stamp)).ownLines).toBe(true);
    expect(await notes(store)).toContain('over a bad stamp');
    const r = await rel(['undo'], { store, env: PW });
    expect(r.code, r.stderr).toBe(0);
    expect(await notes(store)).toEqual(['one', 'two']);
  });
});
