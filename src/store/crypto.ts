// Encryption at rest: AES-256-GCM with a key derived from a passphrase by scrypt (node:crypto).
//
// An encrypted file is a 65-byte header, the ciphertext, then the 16-byte GCM tag:
//   offset size
//        0    8  magic "RELCRYPT"
//        8    1  format version (1)
//        9    1  key derivation function (1 = scrypt)
//       10    1  scrypt cost: log2 N
//       11    1  scrypt r
//       12    1  scrypt p
//       13   16  salt (random, new for every passphrase)
//       29   16  key check: HMAC-SHA256(check key, "rel key check")[0..16]
//       45    8  header digest: SHA-256(bytes 0..45)[0..8], so a damaged header is not taken
//                for a wrong passphrase
//       53   12  nonce (random, new for every write)
//       65    …  ciphertext of the journal's JSON text (UTF-8)
//   end-16   16  GCM authentication tag
// scrypt gives 64 bytes: the first 32 are the AES key, the last 32 the check key. The whole header
// is authenticated as associated data, so changing any byte of the file is detected. The key check
// tells a wrong passphrase (check differs) from a damaged file (check matches, tag does not).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { StoreError, UsageError } from '../errors.js';

export const MAGIC = Buffer.from('RELCRYPT', 'ascii');
const FORMAT_VERSION = 1;
const KDF_SCRYPT = 1;
// Where each field of the header is (the table above).
const VERSION_AT = 8;
const KDF_AT = 9;
const COST_AT = 10;
const SALT_AT = 13;
const CHECK_AT = 29;
const DIGEST_AT = 45;
const NONCE_AT = 53;
const HEADER_SIZE = 65;
const TAG_SIZE = 16;

/** The production cost: N = 2^15, r = 8, p = 1 (32 MiB of memory per derivation). */
export const DEFAULT_KDF: KdfParams = { logN: 15, r: 8, p: 1 };
// What a header may ask for before it is taken as damaged rather than run (memory is 128·N·r).
const MAX_LOG_N = 22;
const MAX_R = 32;
const MAX_P = 16;

export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}

/** A derived key and what it was derived with: enough to write the file again without a KDF. */
export interface Sealing {
  kdf: KdfParams;
  salt: Buffer;
  key: Buffer;
  check: Buffer;
}

export function isEncrypted(bytes: Buffer): boolean {
  return bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * The salt of an encrypted file, from its bytes or just their first (kept.ts headOf); undefined
 * for a plain file or one cut short before its salt's end (where the key check begins).
 */
export function saltOf(bytes: Buffer): Buffer | undefined {
  return isEncrypted(bytes) && bytes.length >= CHECK_AT ? bytes.subarray(SALT_AT, CHECK_AT) : undefined;
}

/** Whether the bytes (or just their first, as for saltOf) are encrypted with this sealing's salt. */
export function sealedWith(bytes: Buffer, sealing: Sealing): boolean {
  return saltOf(bytes)?.equals(sealing.salt) === true;
}

interface Header {
  kdf: KdfParams;
  salt: Buffer;
  check: Buffer;
  nonce: Buffer;
}

/**
 * The header of a sealed file `size` bytes long, from its bytes (the whole file, or its first
 * HEADER_SIZE at the least).
 */
function readHeader(file: string, bytes: Buffer, size = bytes.length): Header {
  const damaged = (why: string) =>
    new StoreError(
      `${file} is an encrypted journal but its header is damaged (${why}).`,
      'Restore a backup with rel doctor --restore (it takes the newest that opens, and names what it drops), or put back a copy from another machine.',
    );
  if (size < HEADER_SIZE + TAG_SIZE || bytes.length < HEADER_SIZE) throw damaged('the file is too short');
  if (!headerDigest(bytes).equals(bytes.subarray(DIGEST_AT, NONCE_AT)))
    throw damaged('its digest does not match');
  const version = bytes[VERSION_AT]!;
  if (version !== FORMAT_VERSION) {
    throw new StoreError(
      `${file} is encrypted with format ${version}, which this rel does not know.`,
      'Upgrade rel to read it.',
    );
  }
  if (bytes[KDF_AT] !== KDF_SCRYPT) throw damaged(`unknown key derivation ${bytes[KDF_AT]}`);
  const kdf = { logN: bytes[COST_AT]!, r: bytes[COST_AT + 1]!, p: bytes[COST_AT + 2]! };
  if (kdf.logN < 1 || kdf.logN > MAX_LOG_N || kdf.r < 1 || kdf.r > MAX_R || kdf.p < 1 || kdf.p > MAX_P)
    throw damaged('impossible key derivation parameters');
  return {
    kdf,
    salt: bytes.subarray(SALT_AT, CHECK_AT),
    check: bytes.subarray(CHECK_AT, DIGEST_AT),
    nonce: bytes.subarray(NONCE_AT, HEADER_SIZE),
  };
}

function headerDigest(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes.subarray(0, DIGEST_AT)).digest().subarray(0, 8);
}

function checkValue(checkKey: Buffer): Buffer {
  return createHmac('sha256', checkKey).update('rel key check').digest().subarray(0, 16);
}

/** scrypt, asynchronously so that a prompt's spinner or a signal is not blocked. */
export async function deriveSealing(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Sealing> {
  const N = 2 ** kdf.logN;
  const bytes = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
  const key = Buffer.from(bytes.subarray(0, 32));
  return { kdf, salt: Buffer.from(salt), key, check: checkValue(bytes.subarray(32)) };
}

/** A new salt: used when a store is first encrypted and whenever the passphrase changes. */
export function newSealing(passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<Sealing> {
  return deriveSealing(passphrase, randomBytes(16), kdf);
}

export function seal(text: string, sealing: Sealing): Buffer {
  return Buffer.concat([...sealPieces([text], sealing).pieces]);
}

/** A new header for the sealing, with a nonce of its own. */
function sealHeader(sealing: Sealing): Buffer {
  const header = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(header, 0);
  header[VERSION_AT] = FORMAT_VERSION;
  header[KDF_AT] = KDF_SCRYPT;
  header[COST_AT] = sealing.kdf.logN;
  header[COST_AT + 1] = sealing.kdf.r;
  header[COST_AT + 2] = sealing.kdf.p;
  sealing.salt.copy(header, SALT_AT);
  sealing.check.copy(header, CHECK_AT);
  headerDigest(header).copy(header, DIGEST_AT);
  randomBytes(12).copy(header, NONCE_AT);
  return header;
}

/** A file sealed with another passphrase than the one given (not a damaged one). */
export class WrongPassphrase extends StoreError {}

/**
 * seal() of the text these pieces make (a string, or its UTF-8), in pieces: each is encrypted as
 * it comes, so that a large journal is never held whole as text, as bytes or as ciphertext.
 * mark() is the file's sealMark, known once every piece was taken.
 */
export function sealPieces(
  pieces: Iterable<string | Uint8Array>,
  sealing: Sealing,
): { pieces: Iterable<Buffer>; mark: () => Buffer } {
  let mark: Buffer | undefined;
  return {
    pieces: (function* () {
      const header = sealHeader(sealing);
      const cipher = createCipheriv('aes-256-gcm', sealing.key, header.subarray(NONCE_AT, HEADER_SIZE));
      cipher.setAAD(header);
      yield header;
      for (const piece of pieces)
        yield cipher.update(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
      const last = cipher.final();
      const tag = cipher.getAuthTag();
      mark = sealMark(header, tag);
      yield last.length ? Buffer.concat([last, tag]) : tag;
    })(),
    mark: () => {
      if (!mark) throw new Error('sealPieces: mark() before the pieces were taken');
      return mark;
    },
  };
}

/**
 * What names one encrypted file's content: its nonce (new for every write; from its header) and
 * its GCM tag, which no one without the key can make for other content. Says nothing of the
 * content itself.
 */
function sealMark(header: Buffer, tag: Buffer): Buffer {
  return Buffer.concat([header.subarray(NONCE_AT, HEADER_SIZE), tag]);
}

/**
 * A sealed file read a piece at a time: its size, and its bytes from a position on (files.ts
 * OpenedFile), or the bytes of a whole file held already (bytesSource).
 */
export interface SealedSource {
  readonly size: number;
  /**
   * The `length` bytes at `position` (at most READ_PIECE), fewer only where the file ends; in a
   * buffer that the next read may reuse.
   */
  read(position: number, length: number): Buffer;
}

/** The most a SealedSource is asked for at once. */
export const READ_PIECE = 1 << 20;

/** A file's bytes held whole, as a SealedSource. */
function bytesSource(bytes: Buffer): SealedSource {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length) };
}

/**
 * The `length` bytes at `position` (in the source's buffer); a file that ends before them was cut
 * while it was read.
 */
function readExactly(file: string, source: SealedSource, position: number, length: number): Buffer {
  const bytes = source.read(position, length);
  if (bytes.length < length) {
    throw new StoreError(
      `${file} became shorter while rel read it.`,
      'Run the command again once nothing else writes the file; nothing was changed.',
    );
  }
  return bytes;
}

/**
 * The header of a sealed source and its GCM tag (copies: the source's buffer is reused), read
 * from the file's two ends alone.
 */
function readEnds(file: string, source: SealedSource): { head: Buffer; header: Header; tag: Buffer } {
  const head = Buffer.from(readExactly(file, source, 0, Math.min(HEADER_SIZE, source.size)));
  const header = readHeader(file, head, source.size); // refuses a file too short for a header and a tag
  const tag = Buffer.from(readExactly(file, source, source.size - TAG_SIZE, TAG_SIZE));
  return { head, header, tag };
}

/**
 * The text sealed in `bytes` when they are sealed with this very key and whole; undefined on any
 * doubt (another key or salt, a damaged or cut file). For small files rel derives (sealed-stamp.ts).
 */
export function openSealed(bytes: Buffer, sealing: Sealing): string | undefined {
  try {
    if (!sealedWith(bytes, sealing)) return undefined;
    const source = bytesSource(bytes);
    const ends = readEnds('', source);
    if (!timingSafeEqual(sealing.check, ends.header.check)) return undefined;
    return decipherBody('', source, sealing, ends);
  } catch {
    return undefined;
  }
}

/**
 * The body of a sealed source, decrypted and checked: read, decrypted and decoded a piece at a
 * time, so that a large journal is never held whole as bytes, neither its ciphertext nor its
 * plaintext, only as the text's pieces and then the text. Throws when the tag does not match, and
 * only then is any of it taken: nothing is used before it is authenticated. (A failed read throws
 * as it is.)
 */
function decipherBody(
  file: string,
  source: SealedSource,
  sealing: Sealing,
  { head, header, tag }: { head: Buffer; header: Header; tag: Buffer },
): string {
  const decipher = createDecipheriv('aes-256-gcm', sealing.key, header.nonce);
  decipher.setAAD(head);
  decipher.setAuthTag(tag);
  // Decoded as UTF-8 as it comes (a character cut between two pieces, whole with the second).
  const pieces: string[] = [];
  const end = source.size - TAG_SIZE;
  for (let at = HEADER_SIZE; at < end; at += READ_PIECE) {
    const bytes = readExactly(file, source, at, Math.min(READ_PIECE, end - at));
    pieces.push(decipher.update(bytes, undefined, 'utf8'));
  }
  try {
    pieces.push(decipher.final('utf8'));
  } catch {
    throw new StoreError(
      `${file} is damaged or was tampered with: the passphrase is right but the contents fail their check.`,
      'Nothing was changed. Restore a backup with rel doctor --restore (it takes the newest that opens, and names what it drops), or put back a copy from another machine.',
    );
  }
  return pieces.join('');
}

/** Gives derived keys, each derived once per command (a cache keyed by salt and parameters). */
export interface Keyring {
  sealingFor(file: string, salt: Buffer, kdf: KdfParams): Promise<Sealing>;
  /**
   * The key of an earlier passphrase for this salt, if one is kept (earlier-keys.ts): what a
   * file sealed before a passphrase change (an old commit in git) is read with.
   */
  earlier?(file: string, salt: Buffer, kdf: KdfParams): Promise<Sealing | undefined>;
  /**
   * The key did not open `file`: the key of the passphrase asked for again, where it may be (typed
   * wrong at a prompt, a try or two left), else undefined. Asked until a key opens the file or none
   * is given.
   */
  again?(file: string, salt: Buffer, kdf: KdfParams): Promise<Sealing | undefined>;
}

/** The sealing a sealed file was written with, by the keyring's passphrase: null when it is another. */
export async function sealingOf(file: string, bytes: Buffer, keyring: Keyring): Promise<Sealing | null> {
  const header = readHeader(file, bytes);
  const sealing = await keyring.sealingFor(file, header.salt, header.kdf);
  return timingSafeEqual(sealing.check, header.check) ? sealing : null;
}

/** A sealed file's text, the key it opened with, and its sealMark. */
export interface Unsealed {
  text: string;
  sealing: Sealing;
  mark: Buffer;
}

/** Decrypts a sealed file's bytes; says whether the passphrase is wrong or the file damaged. */
export function unseal(file: string, bytes: Buffer, keyring: Keyring): Promise<Unsealed> {
  return unsealSource(file, bytesSource(bytes), keyring);
}

/**
 * unseal() of a file read a piece at a time (decipherBody), and with its key, its sealMark. Only
 * its two ends are read before the key is had (a passphrase asked, a key derived).
 */
export async function unsealSource(file: string, source: SealedSource, keyring: Keyring): Promise<Unsealed> {
  const ends = readEnds(file, source);
  const { header } = ends;
  let sealing = await keyring.sealingFor(file, header.salt, header.kdf);
  if (!timingSafeEqual(sealing.check, header.check)) {
    const earlier = await keyring.earlier?.(file, header.salt, header.kdf);
    if (earlier && timingSafeEqual(earlier.check, header.check)) sealing = earlier;
  }
  while (!timingSafeEqual(sealing.check, header.check)) {
    const again = await keyring.again?.(file, header.salt, header.kdf);
    if (again) {
      sealing = again;
      continue;
    }
    throw new WrongPassphrase(
      `Wrong passphrase for ${file}.`,
      'Check REL_PASSPHRASE (or what you typed); nothing was changed.',
    );
  }
  const text = decipherBody(file, source, sealing, ends);
  return { text, sealing, mark: sealMark(ends.head, ends.tag) };
}

/**
 * A keyring over one passphrase, asked for at most once (and only when an encrypted file is met);
 * each salt's key is derived once. `askAgain`, when the passphrase did not open a file, gives
 * another to try in its place (undefined: none).
 */
export function passphraseKeyring(
  getPassphrase: () => Promise<string>,
  askAgain?: (file: string) => Promise<string> | undefined,
): Keyring {
  let passphrase: Promise<string> | undefined;
  const keys = new Map<string, Promise<Sealing>>();
  return {
    again(file, salt, kdf) {
      const another = askAgain?.(file);
      if (!another) return Promise.resolve(undefined);
      passphrase = another;
      keys.clear();
      return this.sealingFor(file, salt, kdf);
    },
    sealingFor(_file, salt, kdf) {
      const id = `${salt.toString('hex')}:${kdf.logN}:${kdf.r}:${kdf.p}`;
      let sealing = keys.get(id);
      if (!sealing) {
        passphrase ??= getPassphrase();
        sealing = passphrase.then((p) => deriveSealing(p, salt, kdf));
        keys.set(id, sealing);
      }
      return sealing;
    },
  };
}

/** The scrypt cost for new encryptions: REL_KDF_LOG_N may change it (tests lower it to go fast). */
export function kdfFromEnv(value: string | undefined): KdfParams {
  if (value === undefined) return DEFAULT_KDF;
  const logN = Number(value);
  if (!Number.isInteger(logN) || logN < 10 || logN > MAX_LOG_N) {
    throw new UsageError(`REL_KDF_LOG_N must be a whole number from 10 to ${MAX_LOG_N}; it is "${value}".`);
  }
  return { ...DEFAULT_KDF, logN };
}
