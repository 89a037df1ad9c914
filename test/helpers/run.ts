// Runs a rel command in this process, as the built bin would run it, through cli.ts `run` with an
// Io of the test's own: an environment, stdin, stdout and stderr that are strings, a clock
// ($REL_NOW) and a store path. Same options and results as rel.ts, so a test moves from one to
// the other by its import and an `await`. What needs a real process stays with rel.ts: exit codes
// as the shell sees them, terminals (tmux), signals and kills (a $REL_FAULT kill too), several
// processes at once, $NODE_OPTIONS, and the bundle.
import { Readable } from 'node:stream';
import { report, run } from '../../src/cli.js';
import { exitCodeOf } from '../../src/errors.js';
import { useFaults } from '../../src/store/faults.js';
import { createIo, type OutStream } from '../../src/ui/io.js';
import { type Answer, type Asked, script } from './answers.js';
import { BIN, type RunOptions, type RunResult, relEnv } from './rel.js';

export { type Answer, CANCEL, Meanwhile } from './answers.js';

export { bytesOf, folderBytes, NOW, type RunResult, readJson, relEnv, tempDir, tempStore } from './rel.js';

export interface InProcessOptions extends Omit<RunOptions, 'cwd'> {
  /** stdout (and stderr) as a terminal this wide (and this tall, for the pager); a pipe when absent. */
  terminal?: { columns: number; rows?: number };
  /**
   * Answers to the prompts, in the order they are asked (see answers.ts): stdin and stdout are
   * then a terminal (80 columns unless `terminal` says), so the command asks. Every answer must
   * be asked for, and every prompt answered. Colour stays off (NO_COLOR) unless `env` sets it.
   */
  answers?: Answer[];
}

export interface InProcessResult extends RunResult {
  /** The prompts asked, with the answers given (empty without `answers`). */
  asked: Asked[];
}

function stream(chunks: string[], terminal: InProcessOptions['terminal']): OutStream {
  return {
    write: (text: string) => chunks.push(text),
    ...(terminal ? { isTTY: true, columns: terminal.columns, rows: terminal.rows ?? 24 } : {}),
  };
}

/** Runs rel with these arguments and options in this process; never throws for rel's failures. */
export async function rel(args: string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  if ('cwd' in options) throw new Error('a working folder needs a process of its own: use rel.ts');
  const env = relEnv(options);
  if (/:(kill|term|int)\b/.test(env.REL_FAULT ?? ''))
    throw new Error('a kill or a signal needs a process of its own: use rel.ts');
  if (env.NODE_OPTIONS !== process.env.NODE_OPTIONS)
    throw new Error('NODE_OPTIONS needs a new process: use rel.ts');
  const out: string[] = [];
  const err: string[] = [];
  const answers = options.answers && script(options.answers);
  if (answers && env.NO_COLOR === undefined && env.FORCE_COLOR === undefined) env.NO_COLOR = '1';
  const screen = options.terminal ?? (answers ? { columns: 80 } : undefined);
  const stdin: Readable & { isTTY?: boolean } = Readable.from(
    options.input ? [Buffer.from(options.input)] : [],
  );
  if (answers) stdin.isTTY = true;
  const terminal = { env, stdin, stdout: stream(out, screen), stderr: stream(err, screen) };
  // What Node itself reads from the process's environment (the time zone, os.tmpdir(),
  // os.homedir()) is the run's for its length; $REL_FAULT's faults are counted afresh.
  const saved = PROCESS_WIDE.map((name) => [name, process.env[name]] as const);
  for (const name of PROCESS_WIDE) setEnv(name, env[name]);
  useFaults(env.REL_FAULT);
  try {
    let code: number;
    try {
      // git's merge driver (rel sync) starts the built bin: this process is vitest, not rel.
      const seams = {
        relCommand: [process.execPath, BIN],
        ...(answers ? { prompts: async () => answers.prompts } : {}),
      };
      code = await run(args, createIo(terminal), seams);
    } catch (error) {
      // What bin/rel.js reports when the Io cannot be made (a $REL_NOW that is not a date).
      report(error, (text) => err.push(`${text}\n`));
      code = exitCodeOf(error);
    }
    const wrong = answers?.problem();
    if (wrong) throw wrong;
    if (answers?.left().length)
      throw new Error(
        `Answers not asked for: ${JSON.stringify(answers.left().map(String))}\n${err.join('')}`,
      );
    return { code, stdout: out.join(''), stderr: err.join(''), asked: answers?.asked ?? [] };
  } finally {
    useFaults(undefined);
    for (const [name, value] of saved) setEnv(name, value);
  }
}

const PROCESS_WIDE = ['TZ', 'TMPDIR', 'TMP', 'TEMP', 'HOME'];

function setEnv(name: string, value: string | undefined): void {
  // Assigning TZ, even the same zone, makes Node reload it: only a change is made.
  if (process.env[name] === value) return;
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Runs rel and insists on exit 0, returning stdout. */
export async function ok(args: string[], options: InProcessOptions = {}): Promise<string> {
  const r = await rel(args, options);
  if (r.code !== 0) throw new Error(`rel ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}
