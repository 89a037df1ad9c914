// A file the user names with --out (rel export, rel agenda) is never the journal, nor a file rel
// keeps beside it or for another journal: one typo there would replace the journal, with no
// backup of its last change.
import fs from 'node:fs';
import path from 'node:path';
import { StoreError, UsageError } from '../../errors.js';
import { agentFolder } from '../../store/agent.js';
import { stateFolder } from '../../store/calendar-cache.js';
import { configPath } from '../../store/config.js';
import { writeStoreFile } from '../../store/files.js';
import { removeLeftovers } from '../../store/kept.js';
import { isInFolder, keptForAJournal, ownFile } from '../../store/own-files.js';
import type { Env } from '../../store/paths.js';
import { holdStops } from '../../store/stops.js';
import type { Io } from '../../ui/io.js';

/** What an --out must never be, and what to offer instead of one refused. */
export interface OutFileRules {
  /** The journal, by its real path. */
  target: string;
  /** The environment, for rel's state folder: every file in it is rel's. */
  env: Env;
  /** The name offered instead, in the folder of the one refused: rel-export.json. */
  instead: string;
}

/**
 * Refuses (exit 2, before anything is written) an --out `file` that is the journal, a file rel
 * keeps beside it, one rel keeps for any journal (another journal's backup in the same folder), or
 * one in rel's own folders: state, settings, the unlock agent's.
 */
export function refuseOwnFile(rules: OutFileRules, file: string, out: string): void {
  const state = folderOf(() => stateFolder(rules.env));
  const own = ownFile(rules.target, file) ?? keptForAJournal(file, state) ?? inRelsFolder(rules.env, file);
  if (own === undefined) return;
  const what = {
    journal: `is the journal itself (${rules.target})`,
    kept: 'is a file rel keeps beside the journal (a backup, the undo data, the lock or a temp file)',
    beside: 'is a file rel keeps beside a journal (a backup, the undo data, the lock or a temp file)',
    state: `is in rel's state folder (${state}), where it keeps what it worked out for each journal`,
    config: `is in rel's settings folder (${folderOf(() => path.dirname(configPath(rules.env)))}), where it keeps your settings`,
    agent: `is in the folder of rel's unlock agent (${folderOf(() => agentFolder(rules.env))})`,
  }[own];
  // Not into rel's own folders again: beside the journal, where an export is at home.
  const folder =
    own === 'journal' || own === 'kept' || own === 'beside' ? path.dirname(file) : path.dirname(rules.target);
  throw new UsageError(
    `--out ${out} ${what}: writing there would replace it. Nothing was written, and --force does not change that.`,
    `Give --out another name, e.g. --out ${path.join(folder, rules.instead)}.`,
  );
}

/**
 * Whether `file` is in the settings folder (config.json replaced by an export loses every setting:
 * each command then warns of its unknown keys and runs on the defaults) or the unlock agent's.
 */
function inRelsFolder(env: Env, file: string): 'config' | 'agent' | undefined {
  const config = folderOf(() => path.dirname(configPath(env)));
  if (config !== undefined && isInFolder(file, config)) return 'config';
  const agent = folderOf(() => agentFolder(env));
  if (agent !== undefined && isInFolder(file, agent)) return 'agent';
  return undefined;
}

/** One of rel's folders, or undefined when there is none (no $HOME, no XDG variable). */
function folderOf(folder: () => string): string | undefined {
  try {
    return folder();
  } catch {
    return undefined;
  }
}

/**
 * Refuses (exit 2, before anything is written) an --out `file` that is the journal or one of its
 * own files (even with --force), and, unless `force`, one that is already there with something in
 * it: a name typed again, or the last export's, would otherwise be replaced without a word. An
 * empty file (made by mktemp, or touch) is taken as a place made for the output.
 */
export function refuseOutFile(rules: OutFileRules, file: string, out: string, force: boolean): void {
  refuseOwnFile(rules, file, out);
  if (force || isSpecial(file)) return;
  const destination = followLink(file);
  refuseFileThere(file, destination, fs.statSync(destination, { throwIfNoEntry: false }), out);
}

/** The refusal of refuseOutFile for a file already there, from what `destination` (`file`, followed) is. */
function refuseFileThere(file: string, destination: string, kind: fs.Stats | undefined, out: string): void {
  if (!kind?.isFile() || kind.size === 0) return;
  const named = destination === file ? file : `${destination} (where ${file} points)`;
  throw new UsageError(
    `--out ${out}: ${named} already exists (${kind.size === 1 ? '1 byte' : `${kind.size} bytes`}). Nothing was written.`,
    'Add --force to replace it, or give --out another name.',
  );
}

/**
 * Writes what --out names, as the shell's `>` would put it: a symlink is followed and the file it
 * points to written (the link stays a link), and a device or a FIFO (`--out /dev/stdout`) is
 * written into, never replaced: the write-then-rename that keeps a regular file whole or
 * untouched would put a plain file in the device's place (as root, /dev/null itself). Refuses
 * the journal and its own files first, and without `force` a file already there (refuseOutFile).
 * Returns the path written.
 */
export function writeOutFile(
  rules: OutFileRules,
  file: string,
  out: string,
  content: string,
  {
    force,
    stdio,
  }: {
    force: boolean;
    /** rel's own stdout and stderr (ctx.io.raw): where a path to a socket that is one of them is written. */
    stdio?: Io['raw'];
  },
): string {
  refuseOwnFile(rules, file, out);
  // A device, FIFO or socket, or what leads to one: written into by the path given, which the
  // kernel follows. Followed by hand, /dev/stdout on a pipe ends at /proc/self/fd/1, whose link
  // reads "pipe:[1234]": no path at all, and a temp file beside it cannot be made.
  if (isSpecial(file)) return writeInto(file, content, stdio);
  const destination = followLink(file);
  const kind = fs.statSync(destination, { throwIfNoEntry: false });
  if (!force) refuseFileThere(file, destination, kind, out);
  // Anything but a folder is now a regular file or none yet: a special one was written into above.
  if (kind?.isDirectory()) throw new UsageError(`--out ${out} is a folder.`, 'Give a file name in it.');
  holdStops();
  // A temp file of an earlier write here whose rel was killed (SIGKILL, a crash): its content
  // is the export's, the journal in the clear; nothing else would ever remove it.
  removeLeftovers(destination);
  try {
    writeStoreFile(destination, content);
  } catch (error) {
    // The journal's own words ("Nothing was saved") would speak of a change: this is an export.
    if (!(error instanceof StoreError)) throw error;
    throw new StoreError(
      error.message,
      'Nothing was written there; the journal is as it was. Check free space and permissions.',
    );
  }
  return destination;
}

/**
 * Whether `file` is (or a link leads to) a FIFO, a socket or a device, an anonymous pipe through
 * /dev/stdout, /dev/fd/N or /proc/self/fd/N among them: what is written into, never replaced.
 */
export function isSpecial(file: string): boolean {
  try {
    const kind = fs.statSync(file, { throwIfNoEntry: false });
    return kind !== undefined && !kind.isFile() && !kind.isDirectory();
  } catch {
    // Not there to stat (a link loop, a folder rel may not read): the checks after say why.
    return false;
  }
}

/**
 * Writes into what is there (a device, a FIFO): opened and written as the shell's `>` would. A
 * socket cannot be opened by a path (ENXIO): when it is rel's own stdout or stderr (a program that
 * runs rel with a socket pair for its output, as node's spawn does), it is written through them.
 */
function writeInto(file: string, content: string, stdio?: Io['raw']): string {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    // A reader that left early (`--out /dev/stdout | head`) is no failure, as on stdout itself.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return file;
    const own = (error as NodeJS.ErrnoException).code === 'ENXIO' && stdio ? ownDescriptor(file) : undefined;
    if (own === undefined)
      throw new StoreError(
        `Cannot write ${file}: ${(error as Error).message}`,
        'Check the path and permissions.',
      );
    (own === 1 ? stdio!.out : stdio!.err)(content);
  }
  return file;
}

/** 1 or 2 when `file` is this process's stdout or stderr (the very same thing there), else undefined. */
function ownDescriptor(file: string): 1 | 2 | undefined {
  try {
    const named = fs.statSync(file);
    for (const fd of [1, 2] as const) {
      const own = fs.fstatSync(fd);
      if (own.dev === named.dev && own.ino === named.ino && own.rdev === named.rdev) return fd;
    }
  } catch {
    // A descriptor closed: it is not the one named.
  }
  return undefined;
}

/** Where a symlink (or a chain of them) ends, even when nothing is there yet; else the path itself. */
function followLink(file: string): string {
  let at = file;
  for (let hops = 0; hops < 40; hops++) {
    if (!fs.lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) return at;
    at = path.resolve(path.dirname(at), fs.readlinkSync(at));
  }
  throw new UsageError(`--out ${file}: too many symbolic links.`);
}
