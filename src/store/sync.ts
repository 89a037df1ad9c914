// rel sync's work: the journal's folder as a git repository. Holding the journal's lock from the
// first git step to the last (the store's one lock, with its one timeout), it commits local
// changes, fetches, merges, pushes. git never writes the journal: rel merges the versions itself
// (base, ours, theirs read as blobs), writes the result through the store's write path, and
// makes the merge commit with git's plumbing (write-tree, commit-tree, update-ref), which touches
// only the repository. A rel killed at any moment, even while a git it started runs on, leaves
// no process that will write the journal later, and a repository that the next sync carries on
// from: what was written and not committed is committed then; a set-up (--init) that was
// stopped is finished first (sync-init.ts).
import fs from 'node:fs';
import path from 'node:path';
import { diffJournals, summarizeChanges } from '../core/diff.js';
import type { Journal } from '../core/journal.js';
import { forgetsReceived } from '../core/merge-tombstones.js';
import { upgradeToSchema2 } from '../core/tombstones.js';
import { hasUrlSecret, redactUrls } from '../core/url-secrets.js';
import { RelError, StoreError, UsageError } from '../errors.js';
import { readJournalFile } from './codec.js';
import { hasConflictMarkers } from './conflicts.js';
import { isEncrypted, type Keyring, saltOf } from './crypto.js';
import { dropEarlierKeys, earlierKeysNeeded } from './earlier-keys.js';
import { headOf, makePrivateFolder } from './files.js';
import {
  configureRepository,
  dropCommitMessage,
  ensureAttributes,
  Git,
  GitFailure,
  gitEnvironment,
  unfinishedWork,
} from './git.js';
import { earlierKeysPath } from './paths.js';
import type { Store } from './store.js';
import { init, unfinishedInit } from './sync-init.js';
import {
  broughtBy,
  type CommitJournal,
  commitLocal,
  commitMerge,
  firstLine,
  journalAt,
  keepCommitted,
  push,
  RESEALED,
  remoteJournal,
  resealedBy,
  type Session,
  scrubForgetsReceived,
  sealedAt,
  type TakenIn,
  takeIn,
} from './sync-steps.js';

export interface SyncOptions {
  /** Set up sync with this remote (rel sync --init). */
  init?: string;
  /** The environment git runs with. */
  env: NodeJS.ProcessEnv;
  keys: Keyring;
  /** The command that starts this rel (node and its script), for git's merge driver. */
  rel: readonly string[];
  /** Says a warning (on stderr). */
  warn: (message: string) => void;
}

/**
 * Syncs (or with `init`, sets up sync for) the store's journal; returns the lines to print. What
 * it says, and what it fails with, never shows a password or token a remote's URL holds
 * (url-secrets.ts): its own words and git's alike.
 */
export async function syncJournal(store: Store, options: SyncOptions): Promise<string[]> {
  if (options.init && hasUrlSecret(options.init)) {
    options.warn(
      `the URL ${redactUrls(options.init)} holds a password or token: git keeps it in the clear in ${path.join(path.dirname(store.target), '.git', 'config')}, where anything that reads the folder (a backup, another program) finds it. Better: the URL without it and a credential helper (git config --global credential.helper, e.g. osxkeychain, manager or libsecret), or SSH (git@host:me/journal.git).`,
    );
  }
  try {
    return (await syncWork(store, options)).map(redactUrls);
  } catch (error) {
    if (error instanceof Error) {
      error.message = redactUrls(error.message);
      if (error instanceof RelError && error.hint)
        (error as { hint: string | undefined }).hint = redactUrls(error.hint);
    }
    throw error;
  }
}

async function syncWork(store: Store, options: SyncOptions): Promise<string[]> {
  const folder = path.dirname(store.target);
  makePrivateFolder(folder);
  const session: Session = {
    store,
    git: new Git(folder, gitEnvironment(options.env, folder)),
    name: path.basename(store.target),
    target: store.target,
    keys: options.keys,
    rel: options.rel,
  };
  if (!options.init && !session.git.isRepository()) {
    throw new UsageError(`${folder} is not set up for sync yet.`, 'Run: rel sync --init <remote-url>');
  }
  // Nobody writes the journal while sync works on it.
  const lines = await store.exclusive(async () => {
    const pending = unfinishedInit(folder);
    if (!pending) refuseForeign(session);
    const url = options.init ?? pending?.url;
    if (url) {
      const again = `rel sync --init ${url}`;
      const done = await explained(session, again, () => init(session, url, () => sync(session)));
      if (options.init || !pending) return done;
      return [
        `Finished setting up sync with ${url}: a rel sync --init was stopped before it was done.`,
        ...done,
      ];
    }
    refuseHalfMade(session.git);
    return explained(session, 'rel sync', () => sync(session));
  });
  tightenModes(session);
  return lines;
}

/**
 * A repository rel did not set up (the user's own, the journal kept in it): syncing would commit
 * the journal to it, push its whole history to a remote, and hide the user's files from git
 * status. Refused, changing nothing, when it holds or ever held other files than the journal
 * and .gitattributes. One rel set up has rel's merge driver configured, and is not searched.
 */
function refuseForeign(s: Session): void {
  const { git } = s;
  if (!git.isUsable() || !git.hasCommit('HEAD')) return;
  if (git.run(['config', '--get', 'merge.rel.driver'], { check: false }).code === 0) return;
  const names = (args: string[]) => git.run(args).stdout.split('\n').filter(Boolean);
  const files = new Set([...names(['log', '--all', '--format=', '--name-only']), ...names(['ls-files'])]);
  const others = [...files].filter((f) => f !== s.name && f !== '.gitattributes').sort();
  if (!others.length) return;
  const shown =
    others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
  throw new UsageError(
    `${git.folder} is a git repository of your own, holding other files than the journal (${shown}): rel syncs only a repository that holds the journal alone, and changed nothing in this one. Nothing was synced.`,
    `Keep the journal in a folder of its own: mkdir -p ~/journal && mv ${JSON.stringify(s.target)} ~/journal/${s.name} && rel --store ~/journal/${s.name} sync --init <remote-url>`,
  );
}

/** A repository a set-up left half made (by a rel older than the marker of sync-init.ts, or by hand). */
function refuseHalfMade(git: Git): void {
  const where = path.join(git.folder, '.git');
  if (!git.isUsable()) {
    throw new StoreError(
      `${where} is a git repository left half made (a rel sync --init that was stopped, or a full disk): git cannot read it. Nothing was synced.`,
      'Set up sync again (rel removes the half-made repository when it holds nothing): rel sync --init <remote-url>',
    );
  }
  if (git.run(['remote', 'get-url', 'origin'], { check: false }).code !== 0) {
    throw new StoreError(
      `${where} has no remote to sync with (a rel sync --init that was stopped?). Nothing was synced.`,
      'Set up sync again: rel sync --init <remote-url>',
    );
  }
}

/** Whether HEAD holds the journal as it is here: a failure after the merge's commit (a push). */
function committedHere(s: Session): boolean {
  try {
    const committed = s.git.show('HEAD', s.name);
    return committed?.equals(fs.readFileSync(s.target)) ?? false;
  } catch {
    return false;
  }
}

/** Runs a sync's steps; a git step that fails says what it left and what to run next. */
async function explained(s: Session, again: string, work: () => Promise<string[]>): Promise<string[]> {
  try {
    return await work();
  } catch (error) {
    // A git step, or the repository's own files (the set-up's marker, .git/info/exclude).
    const fileError =
      !(error instanceof RelError) && typeof (error as NodeJS.ErrnoException).code === 'string';
    if (!(error instanceof GitFailure) && !fileError) throw error;
    // Commits a sync made here (this one, or one before whose push failed) stay: they are named.
    const unsent = fs.existsSync(path.join(s.git.folder, '.git')) ? notSent(s) : '';
    const left = !s.wrote
      ? unsent
        ? `Nothing was sent, and the journal is as it was. ${unsent}`
        : 'Nothing was synced: the journal is as it was.'
      : committedHere(s)
        ? `The journal here holds what the sync merged, committed here but not yet sent.${unsent ? ` ${unsent}` : ''}`
        : `The journal here holds what the sync merged, not yet committed or sent.${unsent ? ` ${unsent}` : ''}`;
    const full = /No space left|ENOSPC|Disk quota/i.test((error as Error).message);
    // A set-up that failed removed the repository it made: it is run again as it was.
    const next = fs.existsSync(path.join(s.git.folder, '.git')) ? 'rel sync' : again;
    throw new StoreError(
      `${fileError ? `Cannot write in ${s.git.folder}: ` : ''}${(error as Error).message.trim()}\n${left}`,
      full
        ? `Free some space on that disk, then run ${next} again.`
        : `Once that is fixed, run ${next} again.`,
    );
  }
}

async function sync(s: Session): Promise<string[]> {
  const lines: string[] = [];
  const unfinished = unfinishedWork(s.git, s.name);
  if (unfinished?.kind === 'merge') {
    const taken = await finishMerge(s, unfinished.theirs);
    lines.push(
      `Finished the merge left unfinished in ${s.git.folder}${taken.received ? `: ${taken.received}` : ''}.`,
      ...(taken.notTaken ? [taken.notTaken] : []),
      ...(taken.separated ?? []),
      ...(taken.resealed ? [RESEALED[taken.resealed]] : []),
    );
  } else if (unfinished) {
    throw new StoreError(`${unfinished.problem} Nothing was synced.`, unfinished.fix);
  }
  configureRepository(s.git, s.name, s.rel);
  ensureAttributes(s.git, s.name);
  // What an older rel, or a commit of the user's own, left there may name someone forgotten since.
  dropCommitMessage(s.git);
  // HEAD's journal, decoded once for the steps up to the commit (keepCommitted writes only the
  // journal here).
  const committed = s.git.hasCommit('HEAD') ? await journalAt(s, 'HEAD') : null;
  const kept = await keepCommitted(s, committed);
  if (kept) lines.push(kept);
  const branch = s.git.branch();
  const remote = `refs/remotes/origin/${branch}`;
  const undone = 'Nothing was synced: the journal here and the remote are as they were.';
  // Fetched and read before anything is committed here: whether the remote's journal is
  // encrypted, and whom it forgot, decide what may be committed (see heldBack).
  s.git.run(['fetch', '-q', 'origin']);
  let their = s.git.hasCommit(remote) ? await remoteJournal(s, remote, undone) : null;
  let held = their ? await heldBack(s, remote, their, committed) : false;
  const message = held ? null : await commitLocal(s, committed, their ? isEncrypted(their.bytes) : false);
  if (message) lines.push(`Committed: ${firstLine(message)}`);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      // The remote moved on meanwhile: it may have been encrypted, or have forgotten someone, since.
      s.git.run(['fetch', '-q', 'origin']);
      their = s.git.hasCommit(remote) ? await remoteJournal(s, remote, undone) : null;
      held = their ? await heldBack(s, remote, their) : false;
    }
    if (s.git.hasCommit(remote)) {
      if (held) backToFork(s, remote);
      const taken = await mergeRemote(s, remote, their, held);
      if (taken.received) lines.push(`Received: ${taken.received}`);
      if (taken.notTaken) lines.push(taken.notTaken);
      if (taken.separated) lines.push(...taken.separated);
      if (taken.resealed) lines.push(RESEALED[taken.resealed]);
    }
    if (!s.git.hasCommit('HEAD')) break;
    const pushed = push(s.git, branch);
    if (pushed.code === 0) break;
    // Someone pushed in between: fetch and merge again.
    if (attempt >= 3) throw pushRefused(s, lines, pushed.stderr);
  }
  dropUnneededKeys(s, branch);
  lines.push('Synced.');
  return lines;
}

/** git's words for a push refused because the remote moved on (another machine pushed first). */
const RACED = /\[rejected\][^\n]*\((fetch first|non-fast-forward)\)|Updates were rejected because/;

/**
 * A push the remote would not take, for good: what this sync did here stays here (the merge, the
 * commits), and what was committed here and is not on the remote is named, so that nothing reads
 * as sent. `said`: the lines the sync had to say so far ("Committed: …" among them).
 */
function pushRefused(s: Session, said: string[], stderr: string): StoreError {
  const raced = RACED.test(stderr);
  const why = raced
    ? 'other machines pushed to it meanwhile, three times over'
    : stderr
        .split('\n')
        .map((line) => line.replace(/^(remote|error|fatal):\s*/, '').trim())
        .filter((line) => line && !/^To /.test(line))
        .join(' ');
  const here = said
    .filter((line) => !line.startsWith('Committed: '))
    .map((line) => (/[.:]$/.test(line) ? line : `${line}.`));
  return new StoreError(
    [
      `The remote did not take the push (${why}): nothing of this machine's was sent.`,
      notSent(s) || 'Nothing committed here is waiting to be sent.',
      ...here,
      'The journal here keeps all of it; the remote is as it was.',
    ].join(' '),
    raced
      ? 'Run rel sync again in a moment: it sends what was committed here.'
      : 'Once the remote takes pushes again (your access to it, a branch protected there, a full or read-only repository), run rel sync: it sends what was committed here.',
  );
}

/**
 * "Committed here, not sent: 1 person added; 1 conversation added.": the commits made here that
 * the remote (as last fetched) lacks, by their subjects; '' for none, or when git cannot tell.
 */
function notSent(s: Session): string {
  try {
    if (!s.git.isUsable() || !s.git.hasCommit('HEAD')) return '';
    const remote = `refs/remotes/origin/${s.git.branch()}`;
    const range = s.git.hasCommit(remote) ? [`${remote}..HEAD`] : ['HEAD'];
    const subjects = s.git
      .run(['log', '--no-merges', '--format=%s', ...range], { check: false })
      .stdout.split('\n')
      .filter(Boolean)
      .map(firstLine);
    return subjects.length ? `Committed here, not sent: ${subjects.join('; ')}.` : '';
  } catch {
    return '';
  }
}

/**
 * The keys of earlier passphrases (earlier-keys.ts) go once the remote is at HEAD and HEAD is
 * sealed with the key here: every later merge's common ancestor is HEAD or a commit after it.
 */
function dropUnneededKeys(s: Session, branch: string): void {
  if (!fs.existsSync(earlierKeysPath(s.target))) return;
  if (earlierKeysNeeded(s.git, s.name, branch, saltOf(headOf(s.target)))) return;
  dropEarlierKeys(s.target);
}

/**
 * Whether what this machine has that the remote lacks (commits not sent yet, what was written
 * since HEAD) must not be committed or sent as it is, because the remote keeps from view what
 * it holds: its journal was encrypted meanwhile (rel encrypt on another machine) and this side's
 * is plain, or it forgot someone (rel forget there) whom this side's still holds. Such commits,
 * pushed, would put into the remote's history a plain copy, or the person's records and name (in
 * the blob and the commit's "About:"). They are held back instead: HEAD goes back to the last
 * commit both have (backToFork), the journal here is merged with the remote's uncommitted, and the
 * merge, sealed with the remote's key and with the forget done, is what is committed.
 * A journal decrypted here (encrypted at that common commit) is committed as usual: a decrypt
 * travels. `head`: HEAD's journal, when the caller has it decoded.
 */
async function heldBack(
  s: Session,
  remote: string,
  their: CommitJournal,
  head?: Journal | null,
): Promise<boolean> {
  const sealedThere = isEncrypted(their.bytes);
  // A forget made there since: forget tombstones the remote has and HEAD's journal has not.
  const headJournal = head !== undefined ? head : s.git.hasCommit('HEAD') ? await journalAt(s, 'HEAD') : null;
  const known = new Set((headJournal?.tombstones ?? []).map((t) => t.idHash));
  const forgotThere = (their.journal.tombstones ?? []).some((t) => t.forgotten && !known.has(t.idHash));
  if (!sealedThere && !forgotThere) return false;
  if (!s.git.hasCommit('HEAD')) return false;
  const fork = s.git.mergeBase('HEAD', remote);
  if (!fork && sealedThere) throw historyStartedAnew(s);
  if (!fork) return false;
  const unsent = s.git
    .run(['rev-list', `${remote}..HEAD`])
    .stdout.split('\n')
    .filter(Boolean);
  const changed = changedSinceHead(s);
  if (!unsent.length && !changed) return false;
  const here = fs.existsSync(s.target) ? fs.readFileSync(s.target) : null;
  if (sealedThere && !sealedAt(s, fork)) {
    if (changed && here && !isEncrypted(here)) return true;
    if (unsent.some((commit) => !sealedAt(s, commit))) return true;
  }
  if (!forgotThere) return false;
  const theirs = upgradeToSchema2(their.journal);
  const holds = (journal: Journal | null) =>
    journal !== null && forgetsReceived(upgradeToSchema2(journal), theirs).length > 0;
  if (changed && here && holds((await readJournalFile(s.target, s.keys))?.journal ?? null)) return true;
  for (const commit of unsent) if (holds(await journalAt(s, commit))) return true;
  return false;
}

/**
 * The remote's history shares no commit with this machine's, and its journal is encrypted: it was
 * started anew to drop a plain history (the README's way: the folder's .git and the remote
 * deleted, rel sync --init again). A merge would send this machine's whole history, its plain
 * versions with it, into the new one.
 */
function historyStartedAnew(s: Session): UsageError {
  const url = s.git.run(['remote', 'get-url', 'origin'], { check: false }).stdout.trim();
  const dotGit = path.join(s.git.folder, '.git');
  return new UsageError(
    `The remote (${url}) holds an encrypted journal whose history shares no commit with this machine's: it was started anew (its .git and remote deleted, then rel sync --init), to drop the earlier plain versions. Syncing would send this machine's history, plain versions included, into it. Nothing was synced: the journal here and the remote are as they were.`,
    `Join the new history, folding this machine's journal into it: mv ${JSON.stringify(dotGit)} ${JSON.stringify(`${dotGit}.old`)} && rel sync --init ${url} (then delete ${JSON.stringify(`${dotGit}.old`)}, which holds the old history).`,
  );
}

/**
 * HEAD goes back to the last commit the remote has too, for a merge held back (heldBack): the
 * commits after it are not sent. Nothing of theirs is lost: the journal here is their newest
 * version, with whatever was written since (keepCommitted put back what HEAD held and it lacked).
 */
function backToFork(s: Session, remote: string): void {
  const head = s.git.revParse('HEAD');
  const fork = s.git.mergeBase('HEAD', remote);
  if (!fork || fork === head) return;
  s.git.run(['update-ref', 'HEAD', fork, head]);
  s.git.run(['read-tree', 'HEAD']);
}

/** The journal (or .gitattributes) is not as HEAD committed it. */
function changedSinceHead(s: Session): boolean {
  return s.git.run(['status', '--porcelain', '--', s.name, '.gitattributes']).stdout.trim() !== '';
}

/**
 * Merges the remote branch: what it brought ('' when nothing new) and what it kept out.
 * `uncommitted`: what was written here since HEAD was not committed, HEAD being the last commit
 * the remote has too (see heldBack): a remote that only moved on is merged with it all the same,
 * with HEAD as the common ancestor.
 */
async function mergeRemote(
  s: Session,
  remote: string,
  their: CommitJournal | null,
  uncommitted = false,
): Promise<TakenIn> {
  const head = s.git.hasCommit('HEAD') ? s.git.revParse('HEAD') : null;
  if (!head) {
    // A repository with no commit yet: take the remote's history as this branch's.
    s.git.run(['update-ref', `refs/heads/${s.git.branch()}`, remote]);
    s.git.run(['read-tree', 'HEAD']);
    return takeIn(s, their, null);
  }
  if (s.git.isAncestor(remote, 'HEAD')) return { received: '', notTaken: '' };
  if (s.git.isAncestor('HEAD', remote) && !uncommitted) return fastForward(s, head, remote, their);
  const taken = await takeIn(s, their, s.git.mergeBase('HEAD', remote));
  commitMerge(s, head, remote);
  return taken;
}

/**
 * The remote has everything this branch has, and the journal here is what this branch committed
 * (commitLocal ran under the same lock): their journal, their very bytes, takes its place.
 */
async function fastForward(
  s: Session,
  head: string,
  remote: string,
  their: CommitJournal | null,
): Promise<TakenIn> {
  const before = await journalAt(s, 'HEAD');
  const here = their && fs.readFileSync(s.target);
  const resealed = here && their ? resealedBy(here, their) : undefined;
  if (their && here && !their.bytes.equals(here)) {
    await s.store.adopt(their.bytes, { summary: broughtBy, decoded: their });
    s.wrote = true;
  }
  s.git.run(['update-ref', 'HEAD', s.git.revParse(remote), head]);
  s.git.run(['read-tree', 'HEAD']);
  // HEAD is the remote's commit now: its journal is theirs, as decoded.
  const after = their?.journal ?? null;
  const received = after ? summarizeChanges(diffJournals(before, after)) : '';
  if (before && after) await scrubForgetsReceived(s, before, after);
  return { received, notTaken: '', ...(resealed ? { resealed } : {}) };
}

/**
 * A merge that a `git pull` by hand left unfinished (MERGE_HEAD): done again with rel's merge.
 * "Ours" is what HEAD committed with whatever was written here since; the file is never read for
 * it when git's conflict markers broke it: then HEAD's journal is put in its place first.
 */
async function finishMerge(s: Session, theirs: string): Promise<TakenIn> {
  const head = s.git.revParse('HEAD');
  const their = await remoteJournal(s, theirs, 'Nothing was merged: the journal here is as it was.');
  const committed = s.git.show(head, s.name);
  if (committed && fileHasConflictMarkers(s.target)) {
    await s.store.adopt(committed, { overConflict: true });
    s.wrote = true;
  }
  const taken = await takeIn(s, their, s.git.mergeBase('HEAD', theirs), head);
  // The merge state goes; the index is HEAD's again, then takes the merged journal.
  for (const name of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'AUTO_MERGE'])
    fs.rmSync(path.join(s.git.folder, '.git', name), { force: true });
  s.git.run(['read-tree', 'HEAD']);
  s.git.run(['checkout', 'HEAD', '--', '.gitattributes'], { check: false });
  ensureAttributes(s.git, s.name);
  commitMerge(s, head, theirs);
  return taken;
}

function fileHasConflictMarkers(file: string): boolean {
  try {
    return hasConflictMarkers(fs.readFileSync(file, 'latin1'));
  } catch {
    return false;
  }
}

/** git writes files with the umask's mode: the journal goes back to 0600, its folder to 0700. */
function tightenModes(s: Session): void {
  fs.chmodSync(s.git.folder, 0o700);
  if (fs.existsSync(s.target)) fs.chmodSync(s.target, 0o600);
}
