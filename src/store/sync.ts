// rel sync's work: the journal's folder as a git repository. Holding the journal's lock from the
// first git step to the last (the store's one lock, with its one timeout), it commits local
// changes, fetches, merges, pushes. git never writes the journal: rel merges the versions itself
// (base, ours, theirs read as blobs), writes the result through the store's write path, and
// makes the merge commit with git's plumbing (write-tree, commit-tree, update-ref), which touches
// only the repository. A rel killed at any moment, even while a git it started runs on, leaves
// no process that will write the journal later, and a repository that the next sync carries on
// from: what was written and not committed is committed then.
import fs from 'node:fs';
import path from 'node:path';
import { commitMessage, diffJournals, summarizeChanges } from '../core/diff.js';
import { emptyJournal, type Journal } from '../core/journal.js';
import { foldJournals, mergeJournals } from '../core/merge.js';
import { upgradeToSchema2 } from '../core/tombstones.js';
import { StoreError, UsageError } from '../errors.js';
import { decodeJournal, readJournalFile, writeJournalFile } from './codec.js';
import { isEncrypted, type Keyring, type Sealing } from './crypto.js';
import { makePrivateFolder } from './files.js';
import { configureRepository, ensureAttributes, Git, gitEnvironment, unfinishedWork } from './git.js';
import type { Store } from './store.js';

export interface SyncOptions {
  /** Set up sync with this remote (rel sync --init). */
  init?: string;
  /** The environment git runs with. */
  env: NodeJS.ProcessEnv;
  keys: Keyring;
  /** The command that starts this rel (node and its script), for git's merge driver. */
  rel: readonly string[];
}

interface Session {
  store: Store;
  git: Git;
  /** The journal's file name in its folder. */
  name: string;
  target: string;
  keys: Keyring;
  rel: readonly string[];
}

/** Syncs (or with `init`, sets up sync for) the store's journal; returns the lines to print. */
export async function syncJournal(store: Store, options: SyncOptions): Promise<string[]> {
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
  const lines = await store.exclusive(() => (options.init ? init(session, options.init) : sync(session)));
  tightenModes(session);
  return lines;
}

async function init(s: Session, url: string): Promise<string[]> {
  if (s.git.isRepository()) {
    const current = s.git.run(['remote', 'get-url', 'origin'], { check: false });
    if (current.code === 0 && current.stdout.trim() !== url) {
      throw new UsageError(
        `${s.git.folder} already syncs with ${current.stdout.trim()}.`,
        `To sync with it: rel sync. To change the remote: git -C ${JSON.stringify(s.git.folder)} remote set-url origin <url>`,
      );
    }
    if (current.code === 0) return sync(s);
    return setUp(s, url);
  }
  s.git.run(['init', '-q', '--initial-branch=main']);
  try {
    return await setUp(s, url);
  } catch (error) {
    // A repository this run created and could not set up goes, so that --init can be run again.
    fs.rmSync(path.join(s.git.folder, '.git'), { recursive: true, force: true });
    throw error;
  }
}

async function setUp(s: Session, url: string): Promise<string[]> {
  configureRepository(s.git, s.name, s.rel);
  s.git.run(['remote', 'add', 'origin', url]);
  const fetched = s.git.run(['fetch', '-q', 'origin'], { check: false });
  if (fetched.code !== 0) {
    s.git.run(['remote', 'remove', 'origin'], { check: false });
    throw new StoreError(
      `Cannot reach ${url}: ${fetched.stderr.trim()}`,
      'Check the URL and your access to it.',
    );
  }
  const branch = remoteBranch(s.git);
  if (!branch) {
    if (!fs.existsSync(s.target)) writeJournalFile(s.target, emptyJournal(), null);
    ensureAttributes(s.git, s.name);
    const message = await commitLocal(s);
    push(s.git, s.git.branch());
    return [`Sync set up: your journal is on ${url}.`, ...(message ? [`Sent: ${firstLine(message)}`] : [])];
  }
  return join(s, url, branch);
}

/** The remote already holds a journal: take its history, and fold this machine's journal into it. */
async function join(s: Session, url: string, branch: string): Promise<string[]> {
  // The remote's journal must have this machine's file name, or the two would never meet.
  const files = s.git.run(['ls-tree', '--name-only', `origin/${branch}`]).stdout.split('\n');
  const theirs = files.find((f) => f.endsWith('.json'));
  if (theirs && !files.includes(s.name)) {
    s.git.run(['remote', 'remove', 'origin'], { check: false });
    throw new UsageError(
      `The journal on ${url} is named ${theirs}, and this machine's is ${s.name}: they would not be merged.`,
      `Use the same file name on both machines, e.g. rel sync --init ${url} --store ${path.join(path.dirname(s.target), theirs)}`,
    );
  }
  // The branch and the index follow the remote; the journal is left to rel's write path.
  s.git.run(['update-ref', `refs/heads/${branch}`, `refs/remotes/origin/${branch}`]);
  s.git.run(['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  s.git.run(['config', `branch.${branch}.remote`, 'origin']);
  s.git.run(['config', `branch.${branch}.merge`, `refs/heads/${branch}`]);
  s.git.run(['read-tree', 'HEAD']);
  if (!fs.existsSync(path.join(s.git.folder, '.gitattributes')))
    s.git.run(['checkout', 'HEAD', '--', '.gitattributes'], { check: false });
  await takeIn(s, `refs/remotes/origin/${branch}`, null);
  ensureAttributes(s.git, s.name);
  const message = await commitLocal(s);
  if (message) push(s.git, branch);
  return [
    `Sync set up: joined the journal on ${url}.`,
    ...(message ? [`Folded in this machine's journal: ${firstLine(message)}`] : []),
  ];
}

async function sync(s: Session): Promise<string[]> {
  const lines: string[] = [];
  const unfinished = unfinishedWork(s.git, s.name);
  if (unfinished?.kind === 'merge') {
    const received = await finishMerge(s, unfinished.theirs);
    lines.push(`Finished the merge left unfinished in ${s.git.folder}${received ? `: ${received}` : ''}.`);
  } else if (unfinished) {
    throw new StoreError(`${unfinished.problem} Nothing was synced.`, unfinished.fix);
  }
  configureRepository(s.git, s.name, s.rel);
  ensureAttributes(s.git, s.name);
  const message = await commitLocal(s);
  if (message) lines.push(`Committed: ${firstLine(message)}`);
  const branch = s.git.branch();
  for (let attempt = 1; ; attempt++) {
    s.git.run(['fetch', '-q', 'origin']);
    const remote = `refs/remotes/origin/${branch}`;
    if (s.git.hasCommit(remote)) {
      const received = await mergeRemote(s, remote);
      if (received) lines.push(`Received: ${received}`);
    }
    if (!s.git.hasCommit('HEAD')) break;
    const pushed = push(s.git, branch);
    if (pushed.code === 0) break;
    // Someone pushed in between: fetch and merge again.
    if (attempt >= 3) throw new StoreError(`git push failed: ${pushed.stderr.trim()}`);
  }
  lines.push('Synced.');
  return lines;
}

/** Merges the remote branch; returns what it brought, or '' when there was nothing new. */
async function mergeRemote(s: Session, remote: string): Promise<string> {
  const head = s.git.hasCommit('HEAD') ? s.git.revParse('HEAD') : null;
  if (!head) {
    // A repository with no commit yet: take the remote's history as this branch's.
    s.git.run(['update-ref', `refs/heads/${s.git.branch()}`, remote]);
    s.git.run(['read-tree', 'HEAD']);
    return takeIn(s, remote, null);
  }
  if (s.git.isAncestor(remote, 'HEAD')) return '';
  if (s.git.isAncestor('HEAD', remote)) return fastForward(s, head, remote);
  const received = await takeIn(s, remote, s.git.mergeBase('HEAD', remote));
  commitMerge(s, head, remote);
  return received;
}

/**
 * The remote has everything this branch has, and the journal here is what this branch committed
 * (commitLocal ran under the same lock): their journal, their very bytes, takes its place.
 */
async function fastForward(s: Session, head: string, remote: string): Promise<string> {
  const before = await journalAt(s, 'HEAD');
  const theirBytes = s.git.show(remote, s.name);
  if (theirBytes && !theirBytes.equals(fs.readFileSync(s.target))) await s.store.adopt(theirBytes);
  s.git.run(['update-ref', 'HEAD', s.git.revParse(remote), head]);
  s.git.run(['read-tree', 'HEAD']);
  const after = await journalAt(s, 'HEAD');
  return after ? summarizeChanges(diffJournals(before, after)) : '';
}

/**
 * A merge that a `git pull` by hand left unfinished (MERGE_HEAD): done again with rel's merge, of
 * the journal as it is here (or as committed, when conflict markers broke it) and theirs.
 */
async function finishMerge(s: Session, theirs: string): Promise<string> {
  const head = s.git.revParse('HEAD');
  const received = await takeIn(s, theirs, s.git.mergeBase('HEAD', theirs), head);
  // The merge state goes; the index is HEAD's again, then takes the merged journal.
  for (const name of ['MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'AUTO_MERGE'])
    fs.rmSync(path.join(s.git.folder, '.git', name), { force: true });
  s.git.run(['read-tree', 'HEAD']);
  s.git.run(['checkout', 'HEAD', '--', '.gitattributes'], { check: false });
  ensureAttributes(s.git, s.name);
  commitMerge(s, head, theirs);
  return received;
}

/**
 * Writes into the journal, through the store, the merge of `theirs` (a commit) with the journal
 * as it is here, `base` being their common ancestor (null: none, the two are folded). When the
 * result is their journal exactly, their very bytes are put in place, so that git sees its own
 * file (an encrypted journal is sealed anew on each write and would never look the same).
 * `fallback` is the commit whose journal counts as ours when the file here is not a journal.
 */
async function takeIn(s: Session, theirs: string, base: string | null, fallback?: string): Promise<string> {
  const theirBytes = s.git.show(theirs, s.name);
  if (!theirBytes) return '';
  const their = await decodeJournal(`${s.name} at ${theirs}`, theirBytes, s.keys);
  let ours: { journal: Journal; sealing: Sealing | null } | null;
  try {
    ours = await readJournalFile(s.target, s.keys);
  } catch (error) {
    const committed = fallback && s.git.show(fallback, s.name);
    if (!committed) throw error;
    ours = await decodeJournal(`${s.name} at ${fallback}`, committed, s.keys);
  }
  const baseBytes = base ? s.git.show(base, s.name) : null;
  const baseJournal = baseBytes ? await journalOf(s, baseBytes, base!) : null;
  const theirJournal = upgradeToSchema2(their.journal);
  const merged = ours
    ? baseJournal
      ? mergeJournals(upgradeToSchema2(baseJournal), upgradeToSchema2(ours.journal), theirJournal)
      : foldJournals(theirJournal, upgradeToSchema2(ours.journal))
    : theirJournal;
  const wanted = canonical(merged);
  const same = (a: Journal | undefined) => a !== undefined && canonical(a) === wanted;
  if (same(theirJournal) && (!ours || !ours.sealing === !their.sealing)) {
    if (!ours || !same(upgradeToSchema2(ours.journal)) || !fs.readFileSync(s.target).equals(theirBytes))
      await s.store.adopt(theirBytes);
  } else if (!ours || !same(upgradeToSchema2(ours.journal))) {
    // Never less private than either side: an encrypted side makes the result encrypted.
    const reseal = ours?.sealing ? undefined : (their.sealing ?? undefined);
    await s.store.update(
      (journal) => {
        const fields = journal as unknown as Record<string, unknown>;
        for (const key of Object.keys(fields)) delete fields[key];
        Object.assign(journal, structuredClone(merged));
      },
      { stamp: false, summary: () => 'the changes a sync brought', ...(reseal ? { reseal } : {}) },
    );
  }
  return ours ? summarizeChanges(diffJournals(ours.journal, merged)) : '';
}

/** A journal's JSON with every object's keys in order: the same content gives the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function journalOf(s: Session, bytes: Buffer, commit: string): Promise<Journal | null> {
  try {
    return (await decodeJournal(`${s.name} at ${commit}`, bytes, s.keys)).journal;
  } catch {
    return null; // an old version under another passphrase: merged as if it had no base
  }
}

/**
 * Commits what is in the folder now as the merge of `head` and `theirs`: a fast-forward when it
 * is their commit's content exactly, else a commit with both as parents. Plumbing only: the
 * working files are left as they are.
 */
function commitMerge(s: Session, head: string, theirs: string): void {
  const paths = ['.gitattributes', ...(fs.existsSync(s.target) ? [s.name] : [])];
  s.git.run(['add', '--', ...paths]);
  const tree = s.git.run(['write-tree']).stdout.trim();
  const theirCommit = s.git.revParse(theirs);
  if (s.git.isAncestor(head, theirCommit) && tree === s.git.revParse(`${theirCommit}^{tree}`)) {
    s.git.run(['update-ref', 'HEAD', theirCommit, head]);
    return;
  }
  const merge = s.git
    .run(['commit-tree', tree, '-p', head, '-p', theirCommit, '-m', 'rel: merge of journals'])
    .stdout.trim();
  s.git.run(['update-ref', 'HEAD', merge, head]);
}

async function journalAt(s: Session, commit: string): Promise<Journal | null> {
  const bytes = s.git.show(commit, s.name);
  return bytes ? journalOf(s, bytes, commit) : null;
}

/** Commits the journal and .gitattributes when they changed; returns the message, or null. */
async function commitLocal(s: Session): Promise<string | null> {
  const status = s.git.run(['status', '--porcelain', '--', s.name, '.gitattributes']).stdout;
  if (!status.trim()) return null;
  const current = await readJournalFile(s.target, s.keys);
  const previous = s.git.hasCommit('HEAD') ? await journalAt(s, 'HEAD') : null;
  const headBytes = s.git.hasCommit('HEAD') ? s.git.show('HEAD', s.name) : null;
  const wasEncrypted = headBytes ? isEncrypted(headBytes) : false;
  const message = current
    ? commitMessage(previous, current.journal, !current.sealing && !wasEncrypted)
    : 'rel: set up sync';
  const paths = ['.gitattributes', ...(fs.existsSync(s.target) ? [s.name] : [])];
  s.git.run(['add', '--', ...paths]);
  s.git.run(['commit', '-q', '-m', message]);
  return message;
}

function push(git: Git, branch: string) {
  return git.run(['push', '-q', '-u', 'origin', `HEAD:refs/heads/${branch}`], { check: false });
}

/** The remote's default branch, else its only (or first) branch; null for an empty remote. */
function remoteBranch(git: Git): string | null {
  const symref = git.run(['ls-remote', '--symref', 'origin', 'HEAD'], { check: false }).stdout;
  const head = /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(symref)?.[1];
  const branches = git
    .run(['branch', '-r', '--format=%(refname:short)'])
    .stdout.split('\n')
    .map((b) => b.trim().replace(/^origin\//, ''))
    .filter((b) => b && b !== 'HEAD' && b !== 'origin');
  if (head && branches.includes(head)) return head;
  return branches.includes('main') ? 'main' : (branches[0] ?? null);
}

/** git writes files with the umask's mode: the journal goes back to 0600, its folder to 0700. */
function tightenModes(s: Session): void {
  fs.chmodSync(s.git.folder, 0o700);
  if (fs.existsSync(s.target)) fs.chmodSync(s.target, 0o600);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^rel: /, '');
}
