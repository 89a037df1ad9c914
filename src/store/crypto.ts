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
const HEADER_SIZE = 65;
const DIGEST_AT = 45;
const NONCE_AT = 53;
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

/** Whether the bytes (or just their first 29) are encrypted with this sealing's salt. */
export function sealedWith(bytes: Buffer, sealing: Sealing): boolean {
  return isEncrypted(bytes) && bytes.length >= 29 && bytes.subarray(13, 29).equals(sealing.salt);
}

interface Header {
  kdf: KdfParams;
  salt: Buffer;
  check: Buffer;
  nonce: Buffer;
}

function readHeader(file: string, bytes: Buffer): Header {
  const damaged = (why: string) =>
    new StoreError(
      `${file} is an encrypted journal but its header is damaged (${why}).`,
      'Restore it from a backup or from another machine.',
    );
  if (bytes.length < HEADER_SIZE + TAG_SIZE) throw damaged('the file is too short');
  if (!headerDigest(bytes).equals(bytes.subarray(DIGEST_AT, NONCE_AT)))
    throw damaged('its digest does not match');
  const version = bytes[8]!;
  if (version !== FORMAT_VERSION) {
    throw new StoreError(
      `${file} is encrypted with format ${version}, which this rel does not know.`,
      'Upgrade rel to read it.',
    );
  }
  if (bytes[9] !== KDF_SCRYPT) throw damaged(`unknown key derivation ${bytes[9]}`);
  const kdf = { logN: bytes[10]!, r: bytes[11]!, p: bytes[12]! };
  if (kdf.logN < 1 || kdf.logN > MAX_LOG_N || kdf.r < 1 || kdf.r > MAX_R || kdf.p < 1 || kdf.p > MAX_P)
    throw damaged('impossible key derivation parameters');
  return {
    kdf,
    salt: bytes.subarray(13, 29),
    check: bytes.subarray(29, DIGEST_AT),
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
  header[8] = FORMAT_VERSION;
  header[9] = KDF_SCRYPT;
  header[10] = sealing.kdf.logN;
  header[11] = sealing.kdf.r;
  header[12] = sealing.kdf.p;
  sealing.salt.copy(header, 13);
  sealing.check.copy(header, 29);
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
      mark = Buffer.concat([header.subarray(NONCE_AT, HEADER_SIZE), tag]);
      yield last.length ? Buffer.concat([last, tag]) : tag;
    })(),
    mark: () => {
      if (!mark) throw new Error('sealPieces: mark() before the pieces were taken');
      return mark;
    },
  };
}

/**
 * What names one encrypted file's content: its nonce (new for every write) and its GCM tag, which
 * no one without the key can make for other content. Says nothing of the content itself.
 */
export function sealMark(bytes: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(NONCE_AT, HEADER_SIZE), bytes.subarray(bytes.length - TAG_SIZE)]);
}

/**
 * The text sealed in `bytes` when they are sealed with this very key and whole; undefined on any
 * doubt (another key or salt, a damaged or cut file). For small files rel derives (sealed-stamp.ts).
 */
export function openSealed(bytes: Buffer, sealing: Sealing): string | undefined {
  try {
    if (!sealedWith(bytes, sealing)) return undefined;
    const header = readHeader('', bytes);
    if (!timingSafeEqual(sealing.check, header.check)) return undefined;
    return decipherBody(bytes, sealing, header, false);
  } catch {
    return undefined;
  }
}

/**
 * The body of a sealed file, decrypted and checked. `inPlace`: into `bytes` themselves, a piece at
 * a time, so that a large journal's plaintext takes no second buffer beside its ciphertext (the
 * caller's bytes are then the plaintext: only for bytes no one else holds).
 */
function decipherBody(bytes: Buffer, sealing: Sealing, header: Header, inPlace: boolean): string {
  const decipher = createDecipheriv('aes-256-gcm', sealing.key, header.nonce);
  decipher.setAAD(bytes.subarray(0, HEADER_SIZE));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_SIZE));
  const end = bytes.length - TAG_SIZE;
  if (!inPlace) {
    const plain = decipher.update(bytes.subarray(HEADER_SIZE, end));
    const last = decipher.final();
    return (last.length ? Buffer.concat([plain, last]) : plain).toString('utf8');
  }
  let written = HEADER_SIZE;
  for (let at = HEADER_SIZE; at < end; at += IN_PLACE_PIECE) {
    // What has gone into the decipher is never read again: its place takes the plaintext.
    written += decipher.update(bytes.subarray(at, Math.min(at + IN_PLACE_PIECE, end))).copy(bytes, written);
  }
  const last = decipher.final(); // throws when the tag does not match: nothing is taken before
  written += last.copy(bytes, written);
  return bytes.toString('utf8', HEADER_SIZE, written);
}

const IN_PLACE_PIECE = 1 << 20;

/** Gives derived keys, each derived once per command (a cache keyed by salt and parameters). */
export interface Keyring {
  sealingFor(file: string, salt: Buffer, kdf: KdfParams): Promise<Sealing>;
  /**
   * The key of an earlier passphrase for this salt, if one is kept (earlier-keys.ts): what a
   * file sealed before a passphrase change (an old commit in git) is read with.
   */
  earlier?(file: string, salt: Buffer, kdf: KdfParams): Promise<Sealing | undefined>;
}

/** The sealing a sealed file was written with, by the keyring's passphrase: null when it is another. */
export async function sealingOf(file: string, bytes: Buffer, keyring: Keyring): Promise<Sealing | null> {
  const header = readHeader(file, bytes);
  const sealing = await keyring.sealingFor(file, header.salt, header.kdf);
  return timingSafeEqual(sealing.check, header.check) ? sealing : null;
}

/**
 * Decrypts a sealed file; says whether the passphrase is wrong or the file damaged. `inPlace`:
 * the bytes are the caller's alone, and become the plaintext (see decipherBody).
 */
export async function unseal(
  file: string,
  bytes: Buffer,
  keyring: Keyring,
  inPlace = false,
): Promise<{ text: string; sealing: Sealing }> {
  const header = readHeader(file, bytes);
  let sealing = await keyring.sealingFor(file, header.salt, header.kdf);
  if (!timingSafeEqual(sealing.check, header.check)) {
    const earlier = await keyring.earlier?.(file, header.salt, header.kdf);
    if (earlier && timingSafeEqual(earlier.check, header.check)) sealing = earlier;
  }
  if (!timingSafeEqual(sealing.check, header.check)) {
    throw new WrongPassphrase(
      `Wrong passphrase for ${file}.`,
      'Check REL_PASSPHRASE (or what you typed); nothing was changed.',
    );
  }
  try {
    return { text: decipherBody(bytes, sealing, header, inPlace), sealing };
  } catch {
    throw new StoreError(
      `${file} is damaged or was tampered with: the passphrase is right but the contents fail their check.`,
      'Restore it from a backup or from another machine; nothing was changed.',
    );
  }
}

/**
 * A keyring over one passphrase, asked for at most once (and only when an encrypted file is met);
 * each salt's key is derived once.
 */
export function passphraseKeyring(getPassphrase: () => Promise<string>): Keyring {
  let passphrase: Promise<string> | undefined;
  const keys = new Map<string, Promise<Sealing>>();
  return {
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
