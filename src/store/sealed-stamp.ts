// What rel records of an encrypted journal at its last write, as the summary's key does for a
// plain one (shared-types.ts JournalStamp): the version of the file, the tag of its text, and that
// rel laid it out itself, so that the next write compares a list a change only added to in one
// piece (tracking.ts trackOwn), knows the tag without digesting the text again and does not check
// the shape of what it wrote. $XDG_STATE_HOME/rel/stamp-<journal>.sealed (<journal> as in
// calendar-cache.ts), mode 0600.
//
// Nothing of it is in the clear: it is sealed whole with the journal's own key (crypto.ts), so it
// names no one and says nothing of the content (the tag is a digest of the text); its size is the
// same for every journal. It is taken only when everything it is keyed to holds: it opens with the
// key the journal opened with (a stamp under another key or salt, cut short or changed, does
// not), it names this rel, the version of the file read (device, inode, size, times to the
// nanosecond), and the journal's own nonce and GCM tag (sealMark: new for every write, and made
// for that content alone). Otherwise it is read past, and the next write makes it again. Like the
// summary it is derived: written without fsync (files.ts writeDerivedFile), and deleting it only
// costs the next write its shortcuts.
import path from 'node:path';
import { openSealed, type Sealing, seal } from './crypto.js';
import { keepDerivedFile, readStoreFile, removeDerivedFile } from './files.js';
import { stateKey } from './paths.js';
import type { JournalStamp, SealedRead } from './shared-types.js';

/** package.json's version, put in at build time. */
declare const REL_VERSION: string;

/** Changed whenever what the stamp keeps changes: a stamp of another format is read past. */
const FORMAT = 1;

interface StampFile {
  format: number;
  rel: string;
  version: string;
  mark: string;
  tag: string;
}

export function sealedStampPath(stateFolder: string, target: string): string {
  return path.join(stateFolder, `stamp-${stateKey(target)}.sealed`);
}

/** The stamp of one encrypted journal file. */
export class SealedStamp {
  private constructor(readonly file: string) {}

  /** None without a state folder (a store opened outside a command). */
  static of(stateFolder: string | undefined, target: string): SealedStamp | undefined {
    return stateFolder ? new SealedStamp(sealedStampPath(stateFolder, target)) : undefined;
  }

  /**
   * What rel recorded at its last write of the journal read with this key and mark: undefined on
   * any doubt. The caller takes it only for the version it read (codec.ts readJournal).
   */
  read({ sealing, mark }: SealedRead): JournalStamp | undefined {
    try {
      const bytes = readStoreFile(this.file);
      const text = bytes && openSealed(bytes, sealing);
      if (text === undefined) return undefined;
      const found = JSON.parse(text) as Partial<StampFile>;
      if (found.format !== FORMAT || found.rel !== REL_VERSION || found.mark !== mark.toString('base64'))
        return undefined;
      if (typeof found.version !== 'string' || typeof found.tag !== 'string') return undefined;
      return { version: found.version, tag: found.tag, lines: true };
    } catch {
      return undefined;
    }
  }

  /**
   * Records the journal just written with `sealing`, laid out by rel (format.ts journalChunks): its
   * version (undefined when another writer came in between: then none is kept), the tag of its
   * text and its sealMark. Never throws: a stamp not written only costs the next write its
   * shortcuts.
   */
  write(
    of: { version: string | undefined; tag: () => string; mark: (() => Buffer) | undefined },
    sealing: Sealing,
  ): void {
    keepDerivedFile(
      this.file,
      () => {
        if (of.version === undefined || !of.mark) throw new Error('no stamp');
        const stamp: StampFile = {
          format: FORMAT,
          rel: REL_VERSION,
          version: of.version,
          mark: of.mark().toString('base64'),
          tag: of.tag(),
        };
        return seal(JSON.stringify(stamp), sealing);
      },
      'stamp-write',
    );
  }

  /** Removes the stamp (a journal written plain, or from bytes given whole); never throws. */
  remove(): void {
    removeDerivedFile(this.file);
  }
}
