// What every command gets from the shell: the terminal, global options, the store, and the
// edges that load on demand (prompts, natural-language dates).
import fs from 'node:fs';
import path from 'node:path';
import {
  addDaysTo,
  type DateDirection,
  type IsoDate,
  type NaturalDateParser,
  parseDate,
} from './core/dates.js';
import type { JournalReading, Person } from './core/journal.js';
import { resolveName } from './core/names.js';
import { periodDays } from './core/periods.js';
import { resolveSettings, type Settings, type Source, togetherRulesOf } from './core/settings.js';
import { displaySafe, normalize } from './core/text.js';
import type { TogetherRules } from './core/together.js';
import { answerProblem, NotFoundError, StoreError, UsageError } from './errors.js';
import { configPath, readConfig } from './store/config.js';
import type { Keyring, Sealing } from './store/crypto.js';
import { envValue, storePath } from './store/paths.js';
import type { Store } from './store/store.js';
import { canPrompt, type Io } from './ui/io.js';

export interface GlobalOptions {
  store?: string;
  input: boolean;
}

/** The prompts a command may show (src/ui/prompts.ts), as one value: a test can answer them. */
export type Prompts = Pick<
  typeof import('./ui/prompts.js'),
  | 'ask'
  | 'askSecret'
  | 'askPrefilled'
  | 'askYesNo'
  | 'choose'
  | 'chooseSome'
  | 'searchFor'
  | 'editText'
  | 'askKey'
>;

/** What a run may be given in place of the process's own (tests give them, through cli.ts `run`). */
export interface Seams {
  /** Answers to the prompts, in place of a terminal's. */
  prompts?: () => Promise<Prompts>;
  /** The command that starts rel as a process (git's merge driver runs it): a test's built bin. */
  relCommand?: readonly string[];
}

export interface Context {
  io: Io;
  globals: () => GlobalOptions;
  /**
   * The prompts, loaded on first use: inquirer's in a terminal (src/ui/prompts.ts), a test's
   * scripted answers in-process. Only asked for where mayPrompt() allows a prompt.
   */
  prompts: () => Promise<Prompts>;
  /** How to start this rel again as a process, when it is not this node and this script (Seams). */
  relCommand?: readonly string[];
}

/** The command that starts this very rel again (this node and this script, unless a test said). */
export function relCommand(ctx: Context): readonly string[] {
  return ctx.relCommand ?? [process.execPath, fs.realpathSync(process.argv[1] ?? 'rel')];
}

export function mayPrompt(ctx: Context): boolean {
  return canPrompt(ctx.io, !ctx.globals().input);
}

/** The store; with `agent: false` its key comes from the passphrase alone, never the unlock agent. */
export async function openStore(
  ctx: Context,
  file?: string,
  options: { agent?: boolean } = {},
): Promise<Store> {
  const [{ Store }, { storePath }, { stateFolder }] = await Promise.all([
    import('./store/store.js'),
    import('./store/paths.js'),
    import('./store/calendar-cache.js'),
  ]);
  const typed = file === undefined && ctx.globals().store;
  return new Store(file ?? storePath(ctx.globals().store, ctx.io.env), {
    warn: (message) => ctx.io.err(`rel: warning: ${displaySafe(message)}`),
    // A --store path is typed by hand: a typo would start a journal of its own in silence.
    ...(typed
      ? {
          newFolder: (journal: string, folder: string) =>
            ctx.io.err(
              `rel: --store: started a new journal at ${displaySafe(journal)} (the folder ${displaySafe(folder)} did not exist and was made).`,
            ),
        }
      : {}),
    lockTimeoutMs: Number(ctx.io.env.REL_LOCK_TIMEOUT_MS) || undefined,
    now: ctx.io.now,
    keyring: options.agent === false ? await passphraseRing(ctx) : await keyring(ctx),
    stateFolder: stateFolder(ctx.io.env),
    dueRules: () => togetherRules(ctx),
  });
}

const keyrings = new WeakMap<Context, Keyring>();

/**
 * One keyring per run: the key the unlock agent holds for the journal (rel unlock), else the
 * passphrase, asked for once, each key derived once. The agent is asked only when an encrypted
 * file is met, so a plain journal's commands do not even look for it.
 */
export async function keyring(ctx: Context): Promise<Keyring> {
  let ring = keyrings.get(ctx);
  if (!ring) {
    const byPassphrase = await passphraseRing(ctx);
    let held: Promise<Sealing | undefined> | undefined;
    ring = {
      async sealingFor(file, salt, kdf) {
        held ??= import('./store/agent.js').then(({ sealingFromAgent }) =>
          sealingFromAgent(ctx.io.env, storePath(ctx.globals().store, ctx.io.env), (message) =>
            ctx.io.err(`rel: warning: ${displaySafe(message)}`),
          ),
        );
        const sealing = await held;
        const { sealsWith } = await import('./store/agent.js');
        if (sealing && sealsWith(sealing, salt, kdf)) return sealing;
        return byPassphrase.sealingFor(file, salt, kdf);
      },
      again: (file, salt, kdf) => byPassphrase.again!(file, salt, kdf),
      async earlier(_file, salt, kdf) {
        // Asked only when the passphrase does not open a file (an old commit, in rel sync).
        const [{ earlierSealing }, { resolveTarget }] = await Promise.all([
          import('./store/earlier-keys.js'),
          import('./store/codec.js'),
        ]);
        const target = resolveTarget(storePath(ctx.globals().store, ctx.io.env));
        return earlierSealing(target, salt, kdf, ring!);
      },
    };
    keyrings.set(ctx, ring);
  }
  return ring;
}

const passphrases = new WeakMap<Context, Promise<string>>();

/** Tries in all at the prompt for a passphrase that does not open the journal, as sudo gives. */
export const PASSPHRASE_TRIES = 3;

/**
 * A keyring over the journal's passphrase (passphrase()): typed wrong at the prompt, it is asked
 * again ("Wrong passphrase; try again."), three tries in all; REL_PASSPHRASE is tried once. Only
 * the journal itself is a reason to ask again: a kept copy under an earlier passphrase is not.
 */
export async function passphraseRing(ctx: Context): Promise<Keyring> {
  const [{ passphraseKeyring }, { resolveTarget }] = await Promise.all([
    import('./store/crypto.js'),
    import('./store/codec.js'),
  ]);
  const journal = storePath(ctx.globals().store, ctx.io.env);
  const journalNames = new Set([journal, resolveTarget(journal)]);
  let tries = 1;
  return passphraseKeyring(
    () => passphrase(ctx),
    (file) => {
      if (!journalNames.has(file) || envValue(ctx.io.env, 'REL_PASSPHRASE') !== undefined) return undefined;
      if (tries >= PASSPHRASE_TRIES || !secretOutput(ctx)) return undefined;
      tries++;
      ctx.io.err('Wrong passphrase; try again.');
      const typed = promptPassphrase(ctx);
      passphrases.set(ctx, typed);
      return typed;
    },
  );
}

/** The journal's passphrase: REL_PASSPHRASE, else asked (hidden) in a terminal, else exit 2. Once per run. */
export function passphrase(ctx: Context): Promise<string> {
  let asked = passphrases.get(ctx);
  if (!asked) {
    asked = askPassphrase(ctx);
    passphrases.set(ctx, asked);
  }
  return asked;
}

/**
 * Where a passphrase may be asked: stdin a terminal and stdout or stderr one (stderr when stdout
 * is piped, as ssh and gpg ask: `rel due | head` still asks), never with --no-input.
 */
function secretOutput(ctx: Context): { output?: NodeJS.WritableStream } | undefined {
  const { io } = ctx;
  if (!ctx.globals().input || !io.stdinIsTTY) return undefined;
  if (io.stdoutIsTTY) return {};
  return io.stderrIsTTY ? { output: process.stderr } : undefined;
}

/** Why no passphrase can be asked, and what to do: true to how rel was run. */
function cannotAsk(ctx: Context, what: string, variable: string): UsageError {
  const instead = ctx.globals().input ? 'or run rel in a terminal' : 'or run rel without --no-input';
  return new UsageError(what, `Set ${variable} to it, ${instead} to be asked for it.`);
}

async function askPassphrase(ctx: Context): Promise<string> {
  const fromEnv = envValue(ctx.io.env, 'REL_PASSPHRASE');
  if (fromEnv !== undefined) return fromEnv;
  return promptPassphrase(ctx);
}

/** The passphrase asked (hidden) in a terminal, else exit 2; `rel unlock` asks again after a wrong one. */
export async function promptPassphrase(ctx: Context): Promise<string> {
  const where = secretOutput(ctx);
  if (!where) {
    throw cannotAsk(ctx, 'Your journal is encrypted and no passphrase was given.', 'REL_PASSPHRASE');
  }
  const { askSecret } = await ctx.prompts();
  return askSecret('Passphrase for your journal:', undefined, where.output);
}

/** Shorter than this, a passphrase is refused at the prompt and warned about from the environment. */
const MIN_PASSPHRASE = 8;

/**
 * A new passphrase: from the variable named, else asked twice in a terminal, else exit 2 naming
 * the variable.
 */
export async function newPassphrase(ctx: Context, variable: string): Promise<string> {
  const fromEnv = envValue(ctx.io.env, variable);
  if (fromEnv !== undefined) {
    if (!fromEnv.trim()) throw new UsageError(`${variable} is blank; a passphrase needs some characters.`);
    // A script's choice is kept (it may be a test's), but not in silence.
    const length = Array.from(fromEnv).length;
    if (length < MIN_PASSPHRASE)
      ctx.io.err(
        `rel: warning: ${variable} has ${length} ${length === 1 ? 'character' : 'characters'}: a passphrase that short is guessed in no time. Use ${MIN_PASSPHRASE} or more (a few words), and change it with rel passphrase.`,
      );
    return fromEnv;
  }
  const where = secretOutput(ctx);
  if (!where) throw cannotAsk(ctx, 'A new passphrase is needed.', variable);
  const { askSecret } = await ctx.prompts();
  const first = await askSecret(
    'New passphrase:',
    (value) =>
      !value.trim()
        ? 'A passphrase needs some characters.'
        : Array.from(value).length < MIN_PASSPHRASE
          ? `That is under ${MIN_PASSPHRASE} characters, guessed in no time; use ${MIN_PASSPHRASE} or more (a few words).`
          : true,
    where.output,
  );
  await askSecret(
    'The same passphrase again:',
    (value) => (value === first ? true : 'That differs from the first; type the same passphrase again.'),
    where.output,
  );
  return first;
}

/**
 * A draft folder beside the journal (the store's folder created, 0700, if need be) for a note
 * being written in $EDITOR: never in /tmp, and named with this process's pid, so that one left by
 * a rel that was killed is found by `rel doctor` (see store/drafts.ts). remove() when done.
 */
export async function draftFolder(ctx: Context): Promise<{ folder: string; remove: () => void }> {
  const [{ makePrivateFolder }, drafts] = await Promise.all([
    import('./store/files.js'),
    import('./store/drafts.js'),
  ]);
  const { target } = await openStore(ctx);
  makePrivateFolder(path.dirname(target));
  const folder = drafts.makeDraftFolder(target);
  return { folder, remove: () => drafts.removeDraftFolder(folder) };
}

const loadedSettings = new WeakMap<Context, { settings: Settings; sources: Record<string, Source> }>();

/**
 * The settings in force (environment over config file over built-in defaults), read once per run.
 * A config file rel cannot use is reported as a warning, not a failure: rel still works.
 */
export function settings(ctx: Context): Settings {
  return loaded(ctx).settings;
}

/** Where a setting in force came from: the environment, the config file, or the default. */
export function settingSource(ctx: Context, key: string): Source | undefined {
  return loaded(ctx).sources[key];
}

function loaded(ctx: Context): { settings: Settings; sources: Record<string, Source> } {
  const cached = loadedSettings.get(ctx);
  if (cached) return cached;
  let config: Record<string, unknown> = {};
  try {
    config = readConfig(configPath(ctx.io.env));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    ctx.io.err(`rel: warning: ${error.message.replace(/\.?$/, '.')} Using the built-in settings.`);
  }
  const resolved = resolveSettings(config, ctx.io.env);
  for (const problem of resolved.problems) ctx.io.err(`rel: warning: ${problem}`);
  loadedSettings.set(ctx, resolved);
  return resolved;
}

/** What counts as time together, from the settings in force (written-kinds, cadence-counts). */
export function togetherRules(ctx: Context): TogetherRules {
  return togetherRulesOf(settings(ctx));
}

export function today(ctx: Context): IsoDate {
  return parseDate('today', 'today', { now: ctx.io.now, direction: 'past' });
}

let natural: NaturalDateParser | undefined;

/** Parses a date the user typed; chrono-node is loaded only for text the simple forms miss. */
export async function parseWhen(
  ctx: Context,
  text: string,
  option: string,
  direction: DateDirection,
): Promise<IsoDate> {
  try {
    return parseDate(text, option, { now: ctx.io.now, direction, weekStart: settings(ctx).weekStart });
  } catch {
    if (!natural) {
      const { en } = await import('chrono-node');
      natural = (input, reference, forward) => en.parseDate(input, reference, { forwardDate: forward });
    }
    return parseDate(text, option, {
      now: ctx.io.now,
      direction,
      natural,
      weekStart: settings(ctx).weekStart,
    });
  }
}

/**
 * The check for a prompt that asks when a follow-up is due: Enter for no date, else a day from
 * today on, handed to `keep`; otherwise what is wrong with the answer, to show under the prompt.
 */
export function dueDateCheck(
  ctx: Context,
  keep: (due: IsoDate | null) => void,
): (answer: string) => Promise<true | string> {
  return async (answer) => {
    if (!answer.trim()) {
      keep(null);
      return true;
    }
    try {
      keep(await parseWhen(ctx, answer, 'The due date', 'future'));
      return true;
    } catch (error) {
      return answerProblem(error);
    }
  };
}

/** A --since date: the start of a period that has begun, so a day after today is refused (exit 2). */
export async function parseSince(ctx: Context, text: string): Promise<IsoDate> {
  let since = await parseWhen(ctx, text, '--since', 'past');
  // A period alone (4w) is that many days up to today, today included: the last 4 weeks are the
  // 28 days rel pulse covers by default, and 1w a week, not 8 days. A day (4 weeks ago) is kept.
  const days = periodDays(text);
  if (days !== undefined && days > 0) since = addDaysTo(since, 1);
  if (since > today(ctx)) {
    throw new UsageError(
      `--since ${since} is in the future.`,
      'Give today or an earlier date, e.g. --since 3m.',
    );
  }
  return since;
}

export function personLabel(person: Person): string {
  return `${displaySafe(person.name)} (${displaySafe(person.id)})`;
}

/**
 * A person offered for a name typed (did you mean, which one): an archived one says so, so that
 * no one archived is offered as if active: "Anton Berg (anton-berg, archived)".
 */
export function offeredLabel(person: Person): string {
  return `${displaySafe(person.name)} (${displaySafe(person.id)}${person.archivedAt ? ', archived' : ''})`;
}

/**
 * One person from a typed name: a choice prompt when it fits several and a terminal is there.
 * `report`: a command that only shows takes the person whose full name it is when it is also
 * another's alias, and says so; one that changes or forgets asks, or refuses, as for several.
 * `orMeant`: commands the word may have meant instead (a mistyped verb reaching a default command
 * that takes a name), offered first when it is nobody's name.
 */
export async function resolvePerson(
  ctx: Context,
  journal: JournalReading,
  name: string,
  use: 'change' | 'report' = 'change',
  orMeant: readonly string[] = [],
): Promise<Person> {
  if (!normalize(name))
    throw new UsageError('A name cannot be empty.', 'Give a name, first name, alias or id.');
  const result = resolveName(name, journal.people);
  const typed = displaySafe(name);
  if (result.kind === 'found') {
    if (result.sameName)
      ctx.io.err(
        `rel: "${typed}" is the id of ${personLabel(result.person)} and the name of ${result.sameName.map(personLabel).join(', ')}: taking ${personLabel(result.person)}. Use ${result.sameName.map((p) => displaySafe(p.id)).join(' or ')} for the other.`,
      );
    return result.person;
  }
  if (result.kind === 'name-and-alias') {
    const { named, aliased } = result;
    const whose = `"${typed}" is the name of ${personLabel(named)} and an alias of ${aliased.map(personLabel).join(', ')}`;
    if (use === 'report') {
      ctx.io.err(`rel: ${whose}: showing ${personLabel(named)}. Use the id to pick the other.`);
      return named;
    }
    const candidates = [named, ...aliased];
    if (mayPrompt(ctx)) {
      const { choose } = await ctx.prompts();
      return choose(
        `${whose}. Which one?`,
        candidates.map((p) => ({ name: personLabel(p), value: p })),
      );
    }
    throw new NotFoundError(
      `${whose}.`,
      `Use the id of the one you mean: ${candidates.map((p) => displaySafe(p.id)).join(' or ')}. Nothing was changed.`,
    );
  }
  if (result.kind === 'ambiguous') {
    // Two people under one id (a hand edit, a bad merge): choosing between them cannot help, as
    // rel writes no journal with an id used twice; it is rel doctor's to fix, as for rel add.
    const ids = result.candidates.map((p) => p.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length) {
      throw new StoreError(
        `"${typed}" fits several people who share the id ${displaySafe(twice[0]!)} (${result.candidates.map(personLabel).join(', ')}): the journal has ids used by more than one person, and rel will not write it until that is fixed. Nothing was changed.`,
        'rel doctor shows every such id and how to fix it.',
      );
    }
    if (mayPrompt(ctx)) {
      const { choose } = await ctx.prompts();
      return choose(
        `"${typed}" fits several people. Which one?`,
        result.candidates.map((p) => ({ name: offeredLabel(p), value: p })),
      );
    }
    throw new NotFoundError(
      `"${typed}" fits several people: ${result.candidates.map(offeredLabel).join(', ')}.`,
      'Type more of the name, or use the id.',
    );
  }
  // The commands the word may have meant come first: no name starts with it, and `rel todo dle`
  // is likelier a mistyped delete than a mistyped Cleo.
  const meant = [...orMeant, ...result.suggestions.map(offeredLabel)];
  const hint = meant.length
    ? `Did you mean ${meant.join(' or ')}?`
    : 'See everyone with `rel people`, or add them with `rel add "Name"`.';
  throw new NotFoundError(`No one called "${typed}" in your journal.`, hint);
}
