// rel sync --init: the journal's folder made a git repository with a remote, this machine's
// journal pushed to an empty remote or folded into the one there. Every step can be stopped (a
// kill, a full disk): before the first, a marker in .git (rel-init: the remote, and whether this
// set-up made the repository) says the set-up is not finished, and is removed after the last.
// While it is there, `rel sync` finishes the set-up instead of syncing, so that a repository
// whose branch already follows the remote, but whose journal is not folded in yet, never commits
// this machine's journal over the remote's (which would delete the other machine's records). A
// set-up that fails removes the repository it made; one that was stopped is started again.
import fs from 'node:fs';
import path from 'node:path';
import { emptyJournal } from '../core/journal.js';
import { redactUrls } from '../core/url-secrets.js';
import { StoreError, UsageError } from '../errors.js';
import { writeJournalFile } from './codec.js';
import { checkpoint } from './faults.js';
import { configureRepository, ensureAttributes, type Git } from './git.js';
import {
  type CommitJournal,
  commitLocal,
  firstLine,
  push,
  RESEALED,
  remoteJournal,
  type Session,
  takeIn,
} from './sync-steps.js';

const MARKER = 'rel-init';
/** The name a .git is made under before it takes its place. */
const TEMP = '.git-init-';

export interface InitMarker {
  url: string;
  /** This set-up made the repository: it holds nothing the journal beside it does not. */
  created: boolean;
}

/** The set-up left unfinished in the folder, if any. */
export function unfinishedInit(folder: string): InitMarker | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(folder, '.git', MARKER), 'utf8')) as InitMarker;
    return typeof data.url === 'string' ? { url: data.url, created: data.created === true } : undefined;
  } catch {
    return undefined;
  }
}

/** Sets up sync with `url`, or finishes a set-up left unfinished; `sync` when it is set up already. */
export async function init(s: Session, url: string, sync: () => Promise<string[]>): Promise<string[]> {
  const folder = s.git.folder;
  const pending = unfinishedInit(folder);
  if (pending?.created || (!pending && s.git.isRepository() && isEmptyRepository(s.git))) {
    // Made by a set-up that did not finish (or a half-made one holding nothing): start afresh.
    removeRepository(folder);
  } else if (s.git.isRepository() && !pending) {
    if (!s.git.isUsable()) {
      throw new StoreError(
        `${path.join(folder, '.git')} is not a git repository git can read, and it holds commits or objects rel did not make.`,
        `Move it away, then set up sync again: mv ${JSON.stringify(path.join(folder, '.git'))} ${JSON.stringify(path.join(folder, '.git.broken'))} && rel sync --init ${url}`,
      );
    }
    const current = s.git.run(['remote', 'get-url', 'origin'], { check: false });
    if (current.code === 0 && current.stdout.trim() !== url) {
      throw new UsageError(
        `${folder} already syncs with ${current.stdout.trim()}.`,
        `To sync with it: rel sync. To change the remote: git -C ${JSON.stringify(folder)} remote set-url origin <url>`,
      );
    }
    if (current.code === 0) return sync();
  }
  // What a set-up killed between making its .git and putting it in place left (see writeMarker).
  for (const entry of fs.readdirSync(folder))
    if (entry.startsWith(TEMP)) fs.rmSync(path.join(folder, entry), { recursive: true, force: true });
  const created = !s.git.isRepository();
  // A set-up that fails takes back the .gitattributes it wrote along with the .git it made.
  const attributes = path.join(folder, '.gitattributes');
  const hadAttributes = fs.existsSync(attributes);
  writeMarker(folder, { url, created });
  try {
    if (created) s.git.run(['init', '-q', '--initial-branch=main']);
    const lines = await setUp(s, url);
    fs.rmSync(path.join(folder, '.git', MARKER), { force: true });
    return lines;
  } catch (error) {
    // A repository this run made goes, so that nothing half-made is left (the journal beside it
    // holds all this machine has); a set-up stopped in one that was there is finished by rel sync.
    if (created) {
      removeRepository(folder);
      if (!hadAttributes) fs.rmSync(attributes, { force: true });
    }
    throw error;
  }
}

/** The marker, put in place with the .git folder itself when there is none yet: never one without the other. */
function writeMarker(folder: string, marker: InitMarker): void {
  const text = `${JSON.stringify(marker)}\n`;
  const dir = path.join(folder, '.git');
  checkpoint('init-marker', dir);
  if (fs.existsSync(dir)) {
    fs.writeFileSync(path.join(dir, MARKER), text);
    return;
  }
  const temp = fs.mkdtempSync(path.join(folder, TEMP));
  try {
    fs.writeFileSync(path.join(temp, MARKER), text);
    fs.renameSync(temp, dir);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

function removeRepository(folder: string): void {
  fs.rmSync(path.join(folder, '.git'), { recursive: true, force: true });
}

/**
 * A .git that git cannot read and that holds no object: what a set-up stopped at its first step
 * leaves (HEAD, a config being written); removing it loses nothing.
 */
export function isEmptyRepository(git: Git): boolean {
  if (git.isUsable()) return false;
  const objects = path.join(git.folder, '.git', 'objects');
  const hasFile = (dir: string): boolean => {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .some((e) => (e.isDirectory() ? hasFile(path.join(dir, e.name)) : true));
    } catch {
      return false;
    }
  };
  return !hasFile(objects);
}

const FULL = /No space left|ENOSPC|Disk quota/i;
const LOCAL_WRITE = /(couldn't|could not|unable to|cannot) (write|update|create|open)/i;

/**
 * What a failed git fetch of the set-up says: git fails the same way when the remote cannot be
 * read and when what it fetched cannot be written here (a full disk), and only the first is the
 * remote's fault.
 */
export function fetchFailed(url: string, folder: string, stderr: string): StoreError {
  const again = `rel sync --init ${url}`;
  if (FULL.test(stderr)) {
    return new StoreError(
      `Cannot fetch ${url} into ${folder}: the disk here is full (${stderr}). Nothing was synced: the journal is as it was.`,
      `Free some space on that disk, then run ${again} again.`,
    );
  }
  if (LOCAL_WRITE.test(stderr) && stderr.includes(folder)) {
    return new StoreError(
      `Cannot fetch ${url} into ${folder}: git could not write there (${stderr}). Nothing was synced: the journal is as it was.`,
      `Check the free space and permissions of ${folder}, then run ${again} again.`,
    );
  }
  return new StoreError(`Cannot reach ${url}: ${stderr}`, 'Check the URL and your access to it.');
}

/** A set-up that stops before it joined: the remote and the marker of a set-up under way go. */
function abandonSetUp(s: Session): void {
  s.git.run(['remote', 'remove', 'origin'], { check: false });
  fs.rmSync(path.join(s.git.folder, '.git', MARKER), { force: true });
}

async function setUp(s: Session, url: string): Promise<string[]> {
  configureRepository(s.git, s.name, s.rel);
  const current = s.git.run(['remote', 'get-url', 'origin'], { check: false });
  if (current.code !== 0) s.git.run(['remote', 'add', 'origin', url]);
  else if (current.stdout.trim() !== url) s.git.run(['remote', 'set-url', 'origin', url]);
  const fetched = s.git.run(['fetch', '-q', 'origin'], { check: false });
  if (fetched.code !== 0) {
    abandonSetUp(s);
    throw fetchFailed(url, s.git.folder, fetched.stderr.trim());
  }
  const branch = remoteBranch(s.git);
  if (!branch) {
    if (!fs.existsSync(s.target)) writeJournalFile(s.target, emptyJournal(), null);
    ensureAttributes(s.git, s.name);
    const message = await commitLocal(s);
    const pushed = push(s.git, s.git.branch());
    if (pushed.code !== 0) throw new StoreError(`git push failed: ${pushed.stderr.trim()}`);
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
    abandonSetUp(s);
    throw new UsageError(
      `The journal on ${url} is named ${theirs}, and this machine's is ${s.name}: they would not be merged.`,
      `Use the same file name on both machines, e.g. rel sync --init ${url} --store ${path.join(path.dirname(s.target), theirs)}`,
    );
  }
  let their: CommitJournal | null;
  try {
    their = await remoteJournal(
      s,
      `refs/remotes/origin/${branch}`,
      'Sync was not set up: the journal is as it was.',
    );
  } catch (error) {
    abandonSetUp(s);
    throw error;
  }
  if (!theirs) {
    // Not a journal's remote (a code repository, a URL pasted wrong): nothing is pushed into it.
    abandonSetUp(s);
    const shown = files.filter(Boolean).slice(0, 3).join(', ');
    throw new UsageError(
      `${url} is not empty and holds no journal (its ${branch} branch has ${shown}${files.filter(Boolean).length > 3 ? ', …' : ''}, no ${s.name}): is this the right repository? Nothing was synced: the journal is as it was.`,
      `Give the URL of an empty repository (or of the one your other machine syncs with): rel sync --init <remote-url>`,
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
  const taken = await takeIn(s, their, null);
  ensureAttributes(s.git, s.name);
  const message = await commitLocal(s);
  if (message) {
    const pushed = push(s.git, branch);
    if (pushed.code !== 0) throw new StoreError(`git push failed: ${pushed.stderr.trim()}`);
  }
  return [
    `Sync set up: joined the journal on ${url}.`,
    // What came here from the remote, then what this machine's journal added to it.
    ...(taken.received ? [`Received: ${taken.received}`] : []),
    ...(message ? [`Sent: ${firstLine(message)}`] : []),
    ...(taken.separated ?? []),
    ...(taken.resealed ? [RESEALED[taken.resealed]] : []),
  ];
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

/** What is wrong with the folder's sync set-up, for rel doctor (undefined: nothing, or no repository). */
export function setUpProblem(
  git: Git,
): { problem: string; fix: string; severity: 'error' | 'warning' } | undefined {
  const dir = path.join(git.folder, '.git');
  if (!fs.existsSync(dir)) return undefined;
  const pending = unfinishedInit(git.folder);
  if (pending) {
    return {
      severity: 'warning',
      problem: `A rel sync --init ${redactUrls(pending.url)} was stopped before it was done: the journal is not synced yet.`,
      fix: `rel sync  (finishes setting it up, folding this journal into the remote's)`,
    };
  }
  if (!git.isUsable()) {
    return {
      severity: 'error',
      problem: `${dir} is a git repository left half made (a rel sync --init that was stopped, or a full disk): git cannot read it, so rel sync fails.`,
      fix: isEmptyRepository(git)
        ? 'rel sync --init <remote-url>  (removes it, as it holds nothing, and sets up sync again)'
        : `mv ${JSON.stringify(dir)} ${JSON.stringify(`${dir}.broken`)} && rel sync --init <remote-url>`,
    };
  }
  const locks = ['index.lock', 'config.lock', 'HEAD.lock', path.join('refs', 'heads', `${git.branch()}.lock`)]
    .map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(f));
  if (locks.length) {
    return {
      severity: 'warning',
      problem: `git's lock ${locks.join(', ')} is there: a git command is running in ${git.folder}, or one was stopped (a kill, a full disk); rel sync fails until it goes.`,
      fix: `if no git command is running there: rm ${locks.map((f) => JSON.stringify(f)).join(' ')} && rel sync`,
    };
  }
  if (git.run(['remote', 'get-url', 'origin'], { check: false }).code !== 0) {
    return {
      severity: 'warning',
      problem: `${dir} has no remote to sync with (a rel sync --init that was stopped?), so rel sync fails.`,
      fix: 'rel sync --init <remote-url>',
    };
  }
  return undefined;
}
