// rel pulse: the themes several people raised in what you heard, and who may need a word. The
// language libraries load here (on a worker thread) and nowhere else; the themes found are kept
// beside the journal for the line in each profile.

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { type Context, openStore, parseSince, today } from '../../context.js';
import {
  answer,
  type LanguageAnswers,
  type LanguageQuestions,
  mergeAnswers,
  noAnswers,
  readFromAnswers,
} from '../../core/language-answers.js';
import { computePulse, defaultSince, PULSE_WEEKS, pulseNotes } from '../../core/pulse.js';
import { checkScope } from '../../core/scope.js';
import type { NoteReading, readNotes } from '../../core/themes.js';
import { StoreError } from '../../errors.js';
import { fileVersion } from '../../store/files.js';
import { pulsePath } from '../../store/paths.js';
import { datedWithin } from '../../store/period-lines.js';
import type { StoredPulse } from '../../store/pulse-file.js';
import type { Store } from '../../store/store.js';
import { printJson } from '../../ui/json.js';
import { renderPulse } from '../../ui/render/pulse.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface PulseOptions {
  since?: string;
  team?: string;
  tag?: string;
  json?: boolean;
}

/** How long a pulse waits for the journal's lock to keep its result before going without. */
const KEEP_LOCK_MS = 2_000;

export function register(program: Command, ctx: Context): Command {
  return program
    .command('pulse')
    .description('what the team is telling you: themes several people raised, and who may need a word')
    .option(
      '--since <when>',
      `the start of the period: 2026-11-01, 2w, 3m (default the last ${PULSE_WEEKS} weeks, as --since ${PULSE_WEEKS}w)`,
    )
    .option('--team <team>', 'only what you heard from people in this team')
    .option('--tag <tag>', 'only what you heard from people with this tag')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Themes come from #hashtags in listening notes and from the nouns of English
text, merged across spellings (on-call, oncall, on call, #oncall) and plurals;
a theme is shown when two or more people raised it. A group note counts once,
as one voice. Ambitions not discussed: active ones not talked about, stepped
toward or changed since the period began. Nothing here labels a person, and
nothing leaves this machine.

Examples:
  $ rel pulse
  $ rel pulse --since 3m --team Platform
  $ rel pulse --json | jq -r '.themes[] | "\\(.theme): \\(.people | length)"'`,
    )
    .action(async (options: PulseOptions) => run(ctx, options));
}

async function run(ctx: Context, options: PulseOptions): Promise<void> {
  const todayIso = today(ctx);
  const since = options.since === undefined ? defaultSince(todayIso) : await parseSince(ctx, options.since);
  const store = await openStore(ctx);
  const reader = languageReader();
  // The libraries start loading at once unless the kept answers are likely to cover every note:
  // they were kept after the journal's last change.
  const keptFresh = keptSinceLastChange(store.target);
  if (!keptFresh) reader.start();
  try {
    // Taken before the read: the result is kept only if the journal is still this version then.
    const version = fileVersion(store.target);
    // Everyone (names, scope, ambitions), and of the conversations only the lines of the period.
    const journal = await (await store.view()).read({
      conversations: datedWithin(since, todayIso),
      followUps: 'none',
      tombstones: 'none',
      dismissals: 'none',
    });
    checkScope(journal.people, options.team, options.tag);
    const scope = { since, until: todayIso, team: options.team, tag: options.tag };
    const { notes, names } = pulseNotes(journal, scope);
    const kept = await keptPulse(store);
    const { reading, used } = await readWithLanguage(
      notes.map((n) => ({ text: n.text, personId: n.personId })),
      names,
      kept.answers,
      reader,
    );
    const pulse = computePulse(journal, scope, { notes, reading });
    // Only a pulse of everyone speaks for the profile's line.
    if (options.team === undefined && options.tag === undefined)
      await keep(ctx, store, version, pulse, used, keptFresh ? kept.stored : undefined);
    if (options.json) {
      const { since: from, until, themes, worries, quietAmbitions } = pulse;
      printJson(ctx.io, { since: from, until, heardNotes: pulse.notes, themes, worries, quietAmbitions });
    } else ctx.io.print(renderPulse(pulse, theme(ctx.io), ctx.io.proseWidth));
  } finally {
    await reader.close();
  }
}

type Notes = Parameters<typeof readNotes>[0];

/**
 * The notes read with the kept answers, and the language asked only about the texts they lack:
 * with every answer kept, the libraries are never loaded.
 */
async function readWithLanguage(
  notes: Notes,
  names: string[],
  kept: LanguageAnswers,
  reader: LanguageReader,
): Promise<{ reading: NoteReading; used: LanguageAnswers }> {
  let answers = kept;
  for (;;) {
    const { reading, used, questions } = readFromAnswers(notes, names, answers);
    if (!questions) return { reading, used };
    answers = mergeAnswers(answers, await reader.ask(questions));
  }
}

/** Whether a kept result is the same as this one, as its file would hold it. */
function sameResult(kept: StoredPulse, result: Omit<StoredPulse, 'version' | 'ranAt'>): boolean {
  const { since, until, themes, language } = kept;
  return JSON.stringify({ since, until, themes, language }) === JSON.stringify(result);
}

/** Whether the kept result was written after the journal last changed (both files' mtimes). */
function keptSinceLastChange(target: string): boolean {
  try {
    return (
      fs.statSync(pulsePath(target), { bigint: true }).mtimeNs > fs.statSync(target, { bigint: true }).mtimeNs
    );
  } catch {
    return false;
  }
}

/** What the last pulse kept, and its answers; none when it kept nothing, or it cannot be read. */
async function keptPulse(store: Store): Promise<{ stored?: StoredPulse; answers: LanguageAnswers }> {
  const [{ answersOf, readStoredPulse }, { isEncrypted, sealedWith, unseal }] = await Promise.all([
    import('../../store/pulse-file.js'),
    import('../../store/crypto.js'),
  ]);
  const sealing = store.encryption;
  try {
    const stored = await readStoredPulse(store.target, async (label, bytes) => {
      if (!isEncrypted(bytes)) return bytes.toString('utf8');
      // Only a summary: one sealed with another key (or beside a plain journal) is not asked for.
      if (!sealing || !sealedWith(bytes, sealing)) return '';
      return (await unseal(label, bytes, { sealingFor: async () => sealing })).text;
    });
    return { stored, answers: answersOf(stored) };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return { answers: noAnswers() };
  }
}

interface LanguageReader {
  /** Starts loading the libraries on a worker thread, if not yet. */
  start(): void;
  ask(questions: LanguageQuestions): Promise<LanguageAnswers>;
  close(): Promise<void>;
}

/**
 * The language libraries, on a worker thread once started, so that they load while the journal
 * is read (two cores: about the load's time saved). Should the worker fail, the questions are
 * answered here instead, with the libraries loaded here.
 */
function languageReader(): LanguageReader {
  let worker: Worker | undefined;
  let failed: Promise<never> | undefined;
  return {
    start() {
      if (worker || failed) return;
      try {
        // From the built chunk (dist/chunks/) to the worker's entry (dist/report/, see scripts/build.mjs).
        worker = new Worker(new URL('../report/pulse-worker.js', import.meta.url));
        const started = worker;
        failed = new Promise<never>((_, reject) => {
          started.once('error', reject);
          started.once('exit', (code) => reject(new Error(`the language worker stopped (${code})`)));
        });
        failed.catch(() => undefined); // awaited (or given up) in ask()
      } catch {
        worker = undefined;
        failed = Promise.reject(new Error('no language worker'));
        failed.catch(() => undefined);
      }
    },
    async ask(questions) {
      this.start();
      if (worker && failed) {
        const asked = worker;
        const answered = new Promise<LanguageAnswers>((resolve) => asked.once('message', resolve));
        asked.postMessage(questions);
        try {
          return await Promise.race([answered, failed]);
        } catch {
          // Answered here instead.
          worker = undefined;
        }
      }
      const { englishLanguage } = await import('../../core/language.js');
      return answer(englishLanguage(), questions);
    },
    async close() {
      await worker?.terminate();
    },
  };
}

/**
 * Keeps the pulse's result for the profiles. `fresh` is what the last pulse kept when it was kept
 * after the journal last changed: the same result again (the same period, themes and answers) is
 * left as it is, which spares the lock and a durable write of every pulse run twice; its ranAt
 * then stays the time of the pulse that kept it.
 */
async function keep(
  ctx: Context,
  store: Store,
  version: string | undefined,
  pulse: ReturnType<typeof computePulse>,
  answers: LanguageAnswers,
  fresh: StoredPulse | undefined,
): Promise<void> {
  const { storedAnswers, writeStoredPulse } = await import('../../store/pulse-file.js');
  const result = {
    since: pulse.since,
    until: pulse.until,
    themes: pulse.stored,
    language: storedAnswers(answers),
  };
  if (fresh && sameResult(fresh, result)) return;
  const sealing = store.encryption;
  const { seal } = sealing ? await import('../../store/crypto.js') : { seal: undefined };
  try {
    await writeStoredPulse(
      store.target,
      {
        version: 1,
        ranAt: ctx.io.now.toISOString(),
        ...result,
      },
      version,
      (text) => (sealing && seal ? seal(text, sealing) : text),
      KEEP_LOCK_MS,
    );
  } catch (error) {
    // Only a summary for the profiles: the pulse itself is still right.
    if (!(error instanceof StoreError)) throw error;
    ctx.io.err(`rel: warning: the themes were not kept for the profiles (${error.message})`);
  }
}
