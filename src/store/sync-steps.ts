// The steps rel sync is made of, shared by a sync and by its set-up (sync-init.ts): merging a
// commit's journal into the one here through the store's write path, recording merge commits
// with git's plumbing, committing local changes, pushing.
import fs from 'node:fs';
import { commitMessage, countRecords, diffJournals, summarizeChanges } from '../core/diff.js';
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import type { Json, JsonRecord } from '../core/json-records.js';
import { foldJournals, mergeJournals } from '../core/merge.js';
import type { MovedPerson } from '../core/merge-moved.js';
import type { Separated } from '../core/merge-namesakes.js';
import { fieldWord, notTaken } from '../core/merge-report.js';
import { forgetsReceived, lostWithoutTrace } from '../core/merge-tombstones.js';
import { displaySafe, plural } from '../core/text.js';
import { upgradeToSchema2 } from '../core/tombstones.js';
import { StoreError, UsageError } from '../errors.js';
import { decodeJournal, type JournalOnDisk, readJournalFile } from './codec.js';
import { isEncrypted, type Keyring, type Sealing, WrongPassphrase } from './crypto.js';
import { dropCommitMessage, type Git } from './git.js';
import type { Store } from './store.js';
import { JOINED, SYNC_CHANGES } from './undo.js';

export interface Session {
  store: Store;
  git: Git;
  /** The journal's file name in its folder. */
  name: string;
  target: string;
  keys: Keyring;
  rel: readonly string[];
  /** Set once this run has written the journal (a merge taken in): what a failure must say. */
  wrote?: boolean;
}

/** What a merge did here, and what of the other side's changes it did not take. */
export interface TakenIn {
  received: string;
  notTaken: string;
  /**
   * What the merge said of people: those it gave another id, as two people made apart shared one
   * (separatedLines), and those merged away on one side and changed on the other (movedLines).
   */
  separated?: string[];
  /** The journal here is now sealed otherwise, as the other side's is. */
  resealed?: Resealed;
}

/**
 * How the journal here was sealed by a merge: it took the other side's encryption (`encrypted`),
 * its decryption (`plain`), or the other side's key, the same passphrase with a salt of its own
 * (`rekeyed`: two machines that encrypted apart, whose key a rel unlock here does not hold).
 */
export type Resealed = 'encrypted' | 'plain' | 'rekeyed';

/** What a sync says of it. */
export const RESEALED: Record<Resealed, string> = {
  encrypted:
    'The journal here is now encrypted, as the other machine encrypted it (rel encrypt there): it asks for the same passphrase from now on.',
  plain:
    'The journal here is now plain, as the other machine decrypted it (rel decrypt there): it no longer asks for a passphrase. To encrypt it again everywhere: rel encrypt, then rel sync.',
  rekeyed:
    "The journal here is now sealed with the other machine's key: the same passphrase, but each machine had made a key of its own (rel encrypt or rel passphrase on each, apart). Both share one from now on. If you unlocked it here (rel unlock), unlock it again.",
};

/** A commit's journal, decoded once: what a sync merges, fast-forwards to or puts in place. */
export interface CommitJournal extends JournalOnDisk {
  commit: string;
  bytes: Buffer;
}

/** Plain, or the salt a file is sealed with: which key, not which write. */
function sealState(bytes: Buffer | null): string | null {
  if (!bytes) return null;
  return isEncrypted(bytes) ? bytes.subarray(13, 29).toString('hex') : 'plain';
}

const keyOf = (sealing: Sealing | null) => (sealing ? sealing.salt.toString('hex') : 'plain');

/** How the journal here changes from one seal state to another: undefined for not at all. */
function resealedFrom(was: string, now: string): Resealed | undefined {
  if (was === now) return undefined;
  return was === 'plain' ? 'encrypted' : now === 'plain' ? 'plain' : 'rekeyed';
}

/** How putting their journal in place (a fast-forward) changes the seal of the one here (`here`). */
export function resealedBy(here: Buffer, their: CommitJournal): Resealed | undefined {
  return resealedFrom(sealState(here)!, sealState(their.bytes)!);
}

/**
 * The key the merged journal is written with, as a field is merged: the side that changed it
 * since the common ancestor decides (a rel decrypt there makes it plain here too, a rel encrypt
 * encrypted). Changed on both sides, or no ancestor, the result is never less private than
 * either side; both sealed with keys of their own, it takes theirs, the remote's, so that the
 * machines end on one key (each would otherwise reseal with its own on every merge).
 */
function mergedSealing(
  base: Buffer | null,
  ours: Sealing | null,
  oursBytes: Buffer | null,
  theirs: CommitJournal,
): Sealing | null {
  const [b, o, t] = [sealState(base), sealState(oursBytes), sealState(theirs.bytes)];
  if (b !== null && o === b) return theirs.sealing;
  if (b !== null && t === b) return ours;
  return theirs.sealing ?? ours;
}

/**
 * Writes into the journal, through the store, the merge of `their` (a commit's journal) with the
 * journal as it is here, `base` being their common ancestor (null: none, the two are folded). When
 * the result is their journal exactly, their very bytes are put in place, so that git sees its own
 * file (an encrypted journal is sealed anew on each write and would never look the same).
 * `head`, when a merge left unfinished is finished: "ours" is that commit's journal with what was
 * written here since folded in, so that a file changed meanwhile (a backup put back, say) cannot
 * take back what was committed.
 */
export async function takeIn(
  s: Session,
  their: CommitJournal | null,
  base: string | null,
  head?: string,
): Promise<TakenIn> {
  if (!their) return { received: '', notTaken: '' };
  const theirBytes = their.bytes;
  const ours: { journal: Journal; sealing: Sealing | null } | null = await readJournalFile(s.target, s.keys);
  const ourBytes = ours ? fs.readFileSync(s.target) : null;
  const committed = head ? await journalAt(s, head) : null;
  const ourJournal = ours
    ? committed
      ? foldJournals(upgradeToSchema2(committed), upgradeToSchema2(ours.journal))
      : upgradeToSchema2(ours.journal)
    : committed;
  const baseBytes = base ? s.git.show(base, s.name) : null;
  const baseJournal = baseBytes ? await journalOf(s, baseBytes, base!) : null;
  const theirJournal = upgradeToSchema2(their.journal);
  const separated: Separated[] = [];
  const moved: MovedPerson[] = [];
  const merged = ourJournal
    ? baseJournal
      ? mergeJournals(upgradeToSchema2(baseJournal), ourJournal, theirJournal, separated, moved)
      : foldJournals(theirJournal, ourJournal, separated, moved)
    : theirJournal;
  // The fold takes "theirs" first: its sides are the other way round.
  if (!baseJournal) for (const m of moved) if (m.kind === 'changed') m.changedBy = m.changedBy ? 0 : 1;
  if (!baseJournal) for (const m of moved) if (m.kind === 'twoKeepers') m.side = m.side ? 0 : 1;
  const sealing = ours ? mergedSealing(baseBytes, ours.sealing, ourBytes, their) : their.sealing;
  const resealed = ours ? resealedFrom(keyOf(ours.sealing), keyOf(sealing)) : undefined;
  const wanted = canonical(merged);
  const same = (a: Journal | undefined) => a !== undefined && canonical(a) === wanted;
  if (same(theirJournal) && keyOf(sealing) === keyOf(their.sealing)) {
    if (!ours || !same(upgradeToSchema2(ours.journal)) || !ourBytes!.equals(theirBytes)) {
      await s.store.adopt(theirBytes, { summary: baseJournal ? broughtBy : joinedBy, decoded: their });
      s.wrote = true;
    }
  } else if (!ours || !same(upgradeToSchema2(ours.journal)) || resealed) {
    await s.store.update(
      (journal) => {
        const fields = journal as unknown as Record<string, unknown>;
        for (const key of Object.keys(fields)) delete fields[key];
        Object.assign(journal, structuredClone(merged));
      },
      {
        stamp: false,
        // A fold (no common ancestor: a machine joining) is named as one, which rel undo refuses.
        summary: () => (baseJournal ? broughtBy : joinedBy)(ours?.journal ?? null, merged),
        ...(resealed ? { reseal: sealing } : {}),
      },
    );
    s.wrote = true;
  }
  if (ours) await scrubForgetsReceived(s, ours.journal, merged);
  const kept = notTaken(baseJournal ? upgradeToSchema2(baseJournal) : null, theirJournal, merged);
  return {
    received: ours ? summarizeChanges(diffJournals(ours.journal, merged)) : '',
    notTaken: kept ? `Not taken from the other side (deleted here, or changed here later): ${kept}.` : '',
    ...(separated.length || moved.length
      ? { separated: [...separatedLines(separated, ourJournal), ...movedLines(moved)] }
      : {}),
    ...(resealed ? { resealed } : {}),
  };
}

/**
 * What a sync says of the people its merge kept apart (merge-namesakes.ts): who has which id now,
 * and what to do when they are one person after all. `ours`: the journal here before the merge,
 * which tells whose record moved.
 */
function separatedLines(separated: Separated[], ours: Journal | null): string[] {
  const here = new Map((ours?.people ?? []).map((p) => [p.id, p.createdAt]));
  return separated.map(({ from, to, name, reason, createdAt }) => {
    const where = here.get(from) === createdAt ? 'here' : 'on the other machine';
    if (reason === 'forgotten')
      return `${name}, added ${where} since the last sync, is kept as ${to}: the id ${from} was a person's that rel forget removed ${where === 'here' ? 'on the other machine' : 'here'}.`;
    return `Two people named ${name} were added apart, one here and one on the other machine: both are kept, the one added later (${where}) as ${to}, with its conversations and follow-ups. If they are one person: rel merge ${from} ${to}. If not, tell them apart: rel rename ${to} "<new name>".`;
  });
}

/**
 * What a sync says of a person merged away on one machine and changed on the other (merge-moved.ts):
 * what the person kept took, what they could not (a value of their own), and of a duplicate merged
 * into two people, which merge stands and how to tidy.
 */
function movedLines(moved: MovedPerson[]): string[] {
  const where = (side: number) => (side === 0 ? 'here' : 'on the other machine');
  const show = (value: Json | undefined) => {
    if (value === undefined || value === null || value === '') return 'none';
    const text = Array.from(typeof value === 'string' ? value : JSON.stringify(value));
    return `"${displaySafe(text.length > 60 ? `${text.slice(0, 59).join('')}…` : text.join(''))}"`;
  };
  return moved.map((m) => {
    const name = displaySafe(m.name);
    if (m.kind === 'twoKeepers') {
      const [kept, other] = [displaySafe(m.kept.name), displaySafe(m.other.name)];
      // What leaves the person whose merge was taken back, so that its going is never silent.
      const records = [
        m.moved.conversations && plural(m.moved.conversations, 'conversation'),
        m.moved.followUps && plural(m.moved.followUps, 'follow-up'),
        m.moved.facts && plural(m.moved.facts, 'ambition, skill or note', 'ambitions, skills and notes'),
      ].filter((part): part is string => Boolean(part));
      const among = records.length
        ? `, among it ${records.length > 1 ? `${records.slice(0, -1).join(', ')} and ${records.at(-1)}` : records[0]} that the merge ${where(m.side)} had given ${other}`
        : '';
      return `${name} was merged into ${kept} ${where(1 - m.side)} and into ${other} ${where(m.side)}: ${
        m.first
          ? `the merge made first stands, and what was ${name}'s is with ${kept}${among}; ${other} keeps what they had before, and what was added to them since. If ${kept} and ${other} are one person: rel merge ${m.kept.id} ${m.other.id}.`
          : // The circle's other person was merged away too, in the end into the one kept.
            `the merge made first would have gone round in a circle with another merge, so the one into ${kept} stands, and what was ${name}'s and ${other}'s is with ${kept}.`
      }`;
    }
    const keeper = displaySafe(m.keeper.name);
    const took = m.taken.length
      ? ` ${keeper} took what was changed: ${m.taken.map(fieldWord).join(', ')}.`
      : '';
    const left = m.notPlaced.length
      ? ` Not placed (${keeper} has values of their own): ${m.notPlaced
          .map((n) => `${fieldWord(n.field)} ${show(n.value)} (${keeper} has ${show(n.keeper)})`)
          .join('; ')}. To use them: rel edit ${m.keeper.id}.`
      : '';
    return `${name} was merged into ${keeper} ${where(1 - m.changedBy)}, and was changed ${where(m.changedBy)} meanwhile.${took}${left}`;
  });
}

/**
 * A forget another machine made reaches this one's own copies too (backups, undo data): the
 * people it removed from `before` are scrubbed as a forget here would, so that nothing on this
 * machine still holds them. After a merge (takeIn) and after a fast-forward alike.
 */
export async function scrubForgetsReceived(s: Session, before: Journal, after: Journal): Promise<void> {
  const forgotten = forgetsReceived(upgradeToSchema2(before), upgradeToSchema2(after));
  if (forgotten.length) await s.store.forget(forgotten, upgradeToSchema2(before));
}

/**
 * What undo names a merge's changes by: "the changes a sync brought: 1 conversation added; 1
 * person changed (about Ana Silva)". The undo data is kept as private as the journal, so names
 * may be in it.
 */
export function broughtBy(before: Journal | null, after: Journal): string {
  return `${SYNC_CHANGES}: ${whatItBrought(before, after)}`;
}

/**
 * What undo names a fold by: "joining a synced journal (rel sync --init), which brought 14
 * people added (about Ana Silva, …)". Undoing it would stamp every record the other machines
 * brought as deleted, and the next sync would delete them there too: rel undo refuses it (JOINED).
 */
function joinedBy(before: Journal | null, after: Journal): string {
  return `${JOINED}, which brought ${whatItBrought(before, after)}`;
}

/** "1 conversation added; 1 person changed (about Ana Silva)": the commit message's subject and names. */
function whatItBrought(before: Journal | null, after: Journal): string {
  const [subject, , about] = commitMessage(before, after, true).split('\n');
  const what = subject!.replace(/^rel: /, '');
  return `${what}${about ? ` (${about.replace(/^About: /, 'about ')})` : ''}`;
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

export async function journalAt(s: Session, commit: string): Promise<Journal | null> {
  const bytes = s.git.show(commit, s.name);
  return bytes ? journalOf(s, bytes, commit) : null;
}

/**
 * Commits what is in the folder now as the merge of `head` and `theirs`: a fast-forward when it
 * is their commit's content exactly, else a commit with both as parents. Plumbing only: the
 * working files are left as they are.
 */
export function commitMerge(s: Session, head: string, theirs: string): void {
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

/**
 * Puts back, before a commit, the records HEAD committed that the journal here lost without a
 * tombstone (a backup put back, an edit by hand): committed, they would be deleted on every
 * machine by the next syncs, where rel deletes only what was deleted with rel. `committed`: HEAD's
 * journal, decoded by the caller (null: no commit yet). Returns what it said, or null when nothing
 * was lost.
 */
export async function keepCommitted(s: Session, committed: Journal | null): Promise<string | null> {
  if (!committed || !fs.existsSync(s.target)) return null;
  const current = await readJournalFile(s.target, s.keys);
  if (!current) return null;
  const lost = lostWithoutTrace(upgradeToSchema2(committed), upgradeToSchema2(current.journal));
  if (!lost.length) return null;
  const counts = new Map<string, number>();
  for (const { collection } of lost) counts.set(collection, (counts.get(collection) ?? 0) + 1);
  const what = [...counts].map(([collection, n]) => countRecords(collection, n)).join(', ');
  await s.store.update(
    (journal) => {
      const fields = journal as unknown as Record<string, JsonRecord[] | undefined>;
      for (const { collection, record, index } of lost) {
        fields[collection] ??= [];
        const list = fields[collection];
        if (list.some((r) => r.id === record.id)) continue;
        list.splice(Math.min(index, list.length), 0, structuredClone(record));
      }
    },
    { stamp: false, summary: () => `kept ${what} already synced that the journal here had lost` },
  );
  s.wrote = true;
  return `Kept ${what} already synced that the journal here no longer had (a backup put back, or an edit by hand): a sync deletes on the other machines only what was deleted with rel. To delete ${lost.length === 1 ? 'it' : 'them'} everywhere, delete with rel (rel conversation delete <id>, rel forget <name>, …), then rel sync.`;
}

/**
 * Commits the journal and .gitattributes when they changed; returns the message, or null.
 * `previous`: HEAD's journal, when the caller has it decoded already. `sealedThere`: the remote's
 * journal is encrypted (rel encrypt on another machine), so that the message names no one even
 * though the journal here is still plain: it goes to a remote whose journal is kept from view.
 */
export async function commitLocal(
  s: Session,
  previous?: Journal | null,
  sealedThere = false,
): Promise<string | null> {
  const status = s.git.run(['status', '--porcelain', '--', s.name, '.gitattributes']).stdout;
  if (!status.trim()) return null;
  const current = await readJournalFile(s.target, s.keys);
  const hasHead = s.git.hasCommit('HEAD');
  const before = previous !== undefined ? previous : hasHead ? await journalAt(s, 'HEAD') : null;
  const headBytes = hasHead ? s.git.show('HEAD', s.name) : null;
  const wasEncrypted = headBytes ? isEncrypted(headBytes) : false;
  const message = current
    ? withSealing(
        commitMessage(before, current.journal, !current.sealing && !wasEncrypted && !sealedThere),
        headBytes,
        fs.readFileSync(s.target),
      )
    : 'rel: set up sync';
  const paths = ['.gitattributes', ...(fs.existsSync(s.target) ? [s.name] : [])];
  s.git.run(['add', '--', ...paths]);
  s.git.run(['commit', '-q', '-m', message]);
  dropCommitMessage(s.git);
  return message;
}

/** A commit message that says so when the journal was encrypted, decrypted or given another key. */
function withSealing(message: string, before: Buffer | null, after: Buffer): string {
  const [was, now] = [sealState(before), sealState(after)];
  if (was === null || was === now) return message;
  const what =
    was === 'plain'
      ? 'the journal encrypted'
      : now === 'plain'
        ? 'the journal decrypted'
        : 'the passphrase changed';
  const [subject, ...rest] = message.split('\n');
  const said = subject === 'rel: no changes' ? `rel: ${what}` : `${subject}; ${what}`;
  return [said, ...rest].join('\n');
}

export function push(git: Git, branch: string) {
  return git.run(['push', '-q', '-u', 'origin', `HEAD:refs/heads/${branch}`], { check: false });
}

export function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^rel: /, '');
}

/**
 * A commit from the remote in words: 'journal.json on the remote (git@host:me/journal.git), at
 * commit 1a2b3c4 ("rel: 1 person added", by Ana, 2026-11-27)'.
 */
function remoteCommit(s: Session, commit: string): string {
  // Read only, on the way to a refusal: a git that fails here leaves the words shorter.
  const ask = (args: string[]) => {
    try {
      return s.git.run(args, { check: false }).stdout.trim();
    } catch {
      return '';
    }
  };
  const url = ask(['remote', 'get-url', 'origin']);
  const shown = ask(['log', '-1', '--date=short', '--format=%h%x00%s%x00%an%x00%ad', commit]);
  const [hash, subject, author, date] = shown.split('\0');
  const at = hash
    ? `commit ${hash} ("${displaySafe(subject ?? '')}", by ${displaySafe(author ?? '')}, ${date})`
    : commit;
  return `${s.name} on the remote${url ? ` (${displaySafe(url)})` : ''}, at ${at}`;
}

/**
 * The journal of a commit from the remote, decoded once for all a sync does with it; null when
 * the commit holds none. Refused before anything is written, each saying what to do about the
 * remote (never the journal here, which is left as it was): one sealed with another passphrase
 * (most likely changed on the other machine), one this machine has no passphrase for (a machine
 * still plain, or one under rel unlock, whose key opens the journal here only), one damaged (a
 * commit rel did not make), and one of a newer schema (merged with this rel's rules it could lose
 * what it does not know, and the result would be pushed as the newest version for the machine that
 * runs the newer rel).
 * `undone`: what a refusal leaves, in words.
 */
export async function remoteJournal(
  s: Session,
  commit: string,
  undone: string,
): Promise<CommitJournal | null> {
  const bytes = s.git.show(commit, s.name);
  if (!bytes) return null;
  let decoded: JournalOnDisk;
  try {
    decoded = await decodeJournal(`${s.name} at ${commit}`, bytes, s.keys);
  } catch (error) {
    throw await refusedRemote(s, commit, bytes, error, undone);
  }
  if (decoded.journal.schema > SCHEMA_VERSION) {
    throw new StoreError(
      `${s.name} on the remote was written by a newer rel (schema ${decoded.journal.schema}): another machine runs a newer rel. This rel knows schema ${SCHEMA_VERSION} and will not change it. ${undone}`,
      'Upgrade rel to sync with it, then run rel sync again.',
    );
  }
  return { ...decoded, commit, bytes };
}

async function refusedRemote(
  s: Session,
  commit: string,
  bytes: Buffer,
  error: unknown,
  undone: string,
): Promise<Error> {
  const where = remoteCommit(s, commit);
  if (error instanceof WrongPassphrase) {
    return new StoreError(
      `${where} is sealed with another passphrase than the one here: the other machine changed it (rel passphrase there), or encrypted it apart with another, or this one was given another. ${undone}`,
      'Change the passphrase here to the same one first (rel passphrase, with the new one in REL_NEW_PASSPHRASE or asked), then run rel sync again.',
    );
  }
  if (error instanceof UsageError && isEncrypted(bytes) && !sealedHere(s)) {
    // No passphrase to be had, and none needed so far: the journal here is plain.
    const decrypted = sealedAt(s, 'HEAD');
    const why = decrypted
      ? 'the journal here is plain since a rel decrypt here'
      : 'another machine encrypted it (rel encrypt there) and the journal here is still plain';
    const hint = error.hint ?? 'Set REL_PASSPHRASE to it.';
    const how = hint.charAt(0).toLowerCase() + hint.slice(1);
    return new UsageError(
      `${where} is encrypted: ${why}, and no passphrase was given to read it. ${undone}`,
      `Run rel sync again with the journal's passphrase, the one it was encrypted with: ${how}${decrypted ? '' : ' The journal here is then encrypted too, as it is there.'}`,
    );
  }
  if (error instanceof UsageError && isEncrypted(bytes)) {
    // No passphrase to be had: the keyring had only a key for another salt (rel unlock's).
    return new UsageError(
      `${where} is sealed with another key than the journal here (the other machine encrypted it apart, with a salt of its own), and no passphrase was given to read it: the key rel unlock holds opens the journal here only. ${undone}`,
      "Run rel sync once in a terminal (it asks for the passphrase) or with REL_PASSPHRASE set: the journal here then takes the remote's key, and the two machines share one. Then rel unlock again.",
    );
  }
  if (!(error instanceof StoreError)) return error as Error;
  const problem = error.message.replace(`${s.name} at ${commit} `, '');
  const good = await lastReadable(s, commit);
  const branch = s.git.branch();
  const folder = JSON.stringify(s.git.folder);
  return new StoreError(
    `${where} ${problem} rel never commits a journal it cannot read: that commit was made by hand or by another program. ${undone}`,
    good
      ? `If that commit holds nothing you need, put the remote back to the one before it: git -C ${folder} push --force-with-lease=${branch}:${s.git.revParse(commit)} origin ${good}:refs/heads/${branch}, then run rel sync again. If it holds a change you want, mend ${s.name} in a clone of the remote, commit and push that, then run rel sync.`
      : `Mend ${s.name} in a clone of the remote, commit and push that, then run rel sync again.`,
  );
}

/** The journal file here is encrypted. */
function sealedHere(s: Session): boolean {
  return fs.existsSync(s.target) && isEncrypted(fs.readFileSync(s.target));
}

/** The journal is encrypted at `commit` (none there, or no such commit: not). */
export function sealedAt(s: Session, commit: string): boolean {
  const bytes = s.git.hasCommit(commit) ? s.git.show(commit, s.name) : null;
  return bytes ? isEncrypted(bytes) : false;
}

/** The newest commit before `commit` (on its first-parent line) whose journal can be read, short. */
async function lastReadable(s: Session, commit: string): Promise<string | null> {
  let earlier: string[];
  try {
    earlier = s.git
      .run(['rev-list', '--first-parent', '--max-count=20', `${commit}^`], { check: false })
      .stdout.split('\n')
      .filter(Boolean);
  } catch {
    return null;
  }
  for (const candidate of earlier) {
    try {
      const bytes = s.git.show(candidate, s.name);
      if (!bytes) continue;
      await decodeJournal(`${s.name} at ${candidate}`, bytes, s.keys);
      return s.git.run(['rev-parse', '--short', candidate]).stdout.trim();
    } catch {
      // not this one (or git failed): the advice goes without a commit to go back to
    }
  }
  return null;
}
