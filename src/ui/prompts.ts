// The only module that imports inquirer. Loaded on demand, only when a prompt is shown.
// Ctrl+C (or a closed terminal) becomes a CancelError: exit 130, nothing saved; SIGTERM and
// SIGHUP at a prompt a StoppedError (143, 129), the terminal put back first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {
  createPrompt,
  isEnterKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useState,
} from '@inquirer/core';
import { checkbox, confirm, input, password, search, select } from '@inquirer/prompts';
import { CancelError, EditorAborted, EditorNotFound, StoppedError } from '../errors.js';
import { type EditorChoice, editorChoice, editorOnPath, programOf } from './editor.js';
import { wrapText } from './wrap.js';

// Node's readline (20.x) marks every key of a burst but the last (a paste, fast typing, keys sent
// at once) as "not for completion" and then appends those keys to the end of the line, wherever
// the cursor is: Ctrl+A then "Senior " in one burst gave "Site R eliability EngineerSenior". The
// flag only matters for tab completion, which no prompt here uses, so every key is inserted at the
// cursor as when typed one by one.
Object.defineProperty(readline.Interface.prototype, 'isCompletionEnabled', {
  configurable: true,
  get: () => true,
  set: () => {},
});

/**
 * A prompt's question (or what is wrong with an answer) wrapped at word boundaries to the
 * terminal, as all human output is: inquirer would let the terminal split it mid-word. The first
 * line leaves room for the "? " (or "> ") before it.
 */
function wrapped(message: string): string {
  const width = process.stdout.columns;
  if (!width || message.length + 2 <= width) return message;
  return wrapText(message, width, width - 2).join('\n');
}

/** The check of an answer, its message wrapped like the question. */
function wrappedCheck(validate: Validate | undefined): Validate | undefined {
  if (!validate) return undefined;
  return async (value) => {
    const verdict = await validate(value);
    return verdict === true ? true : wrapped(verdict);
  };
}

/** What inquirer's prompts take besides their question: where to write, and when to give up. */
interface PromptContext {
  output?: NodeJS.WritableStream;
  signal: AbortSignal;
}

/**
 * Shows one prompt; Ctrl+C (or a closed terminal) at it is a CancelError. A SIGTERM (a kill) or
 * SIGHUP (the terminal closed) while it is open ends it as Ctrl+C does, the terminal put back
 * (cursor shown, line mode) before rel goes: a StoppedError, exit 143 or 129, nothing saved.
 * Without these listeners inquirer's own exit hook would end the process at once, the cursor
 * left hidden and nothing said.
 */
async function guard<T>(
  show: (context: PromptContext) => Promise<T>,
  output?: NodeJS.WritableStream,
): Promise<T> {
  const abort = new AbortController();
  let stoppedBy: 'SIGTERM' | 'SIGHUP' | undefined;
  const stop = (signal: 'SIGTERM' | 'SIGHUP') => () => {
    stoppedBy ??= signal;
    abort.abort();
  };
  const [onTerm, onHup] = [stop('SIGTERM'), stop('SIGHUP')];
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);
  try {
    return await keepTypedAhead(show({ signal: abort.signal, ...(output ? { output } : {}) }));
  } catch (error) {
    if (stoppedBy) throw new StoppedError(stoppedBy);
    const name = (error as Error).name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') {
      throw new CancelError();
    }
    throw error;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
  }
}

/**
 * Keys typed before a prompt is up (`rel log` and at once the name) reach readline's line while
 * inquirer, which defers its first render a turn of the loop (SBoudrias/Inquirer.js#1303, so that
 * an Enter pressed too early answers nothing), has no key handler yet: the text was kept but not
 * shown, and a search not narrowed by it, so Enter picked the first person listed, not the one
 * typed. Once the prompt's handlers are in place (inquirer's deferred turn is queued before this
 * one), a key that changes nothing is sent, so that the prompt takes the line as typed. An early
 * Enter still answers nothing; readline emptied the line at it, so what was typed before it, when
 * nothing came after, is typed again for the prompt to show (`Gr` and Enter: the search shows Gr
 * and Grace, for Enter to pick her).
 */
function keepTypedAhead<T>(prompt: Promise<T>): Promise<T> {
  const input = process.stdin;
  if (!input.isTTY) return prompt;
  let typed = '';
  let beforeEnter = '';
  const early = (text: string | undefined, key: { name?: string; ctrl?: boolean; meta?: boolean } = {}) => {
    if (key.name === 'return' || key.name === 'enter') {
      if (typed !== '') beforeEnter = typed;
      typed = '';
    } else if (key.name === 'backspace') typed = typed.slice(0, -1);
    else if (text && !key.ctrl && !key.meta) typed += text;
  };
  const press = (text: string) =>
    input.emit('keypress', text, { sequence: text, name: '', ctrl: false, meta: false, shift: false });
  input.on('keypress', early);
  setImmediate(() => {
    input.off('keypress', early);
    if (typed !== '') press('');
    else for (const char of beforeEnter) press(char);
  });
  return prompt;
}

export type Validate = (value: string) => string | true | Promise<string | true>;

export interface AskOptions {
  default?: string;
  validate?: Validate;
  transformer?: (value: string, state: { isFinal: boolean }) => string;
}

/**
 * A refused answer leaves the field empty for the next try: inquirer's default keeps it there,
 * and the next try was typed after it ("abc" then "25" read "abc25", refused again).
 */
const CLEAR_REFUSED = { validationFailureMode: 'clear' } as const;

export function ask(message: string, options: AskOptions = {}): Promise<string> {
  const validate = wrappedCheck(options.validate);
  return guard((context) =>
    input(
      { ...options, message: wrapped(message), theme: CLEAR_REFUSED, ...(validate ? { validate } : {}) },
      context,
    ),
  );
}

/** A secret: nothing of it is echoed. */
/** A hidden answer; on `output` (stderr when stdout is piped, as ssh and gpg ask) if given. */
export function askSecret(
  message: string,
  validate?: Validate,
  output?: NodeJS.WritableStream,
): Promise<string> {
  return guard(
    (context) => password({ message: wrapped(message), validate: wrappedCheck(validate) }, context),
    output,
  );
}

/**
 * A line that starts with the current value typed in, ready to edit; Enter takes the line as it
 * is. inquirer's prefilled input keeps the value as a default besides, and gave it back for a
 * line emptied (Ctrl+U, backspaces): what is on the line is what is answered, empty included.
 */
const prefilledPrompt = createPrompt<string, { message: string; current: string; validate?: Validate }>(
  (config, done) => {
    const theme = makeTheme({});
    const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle');
    const [value, setValue] = useState(config.current);
    const [problem, setProblem] = useState<string | undefined>(undefined);
    const prefix = usePrefix({ status, theme });
    useEffect((rl) => {
      if (config.current) rl.write(config.current);
    }, []);
    useKeypress(async (key, rl) => {
      if (status !== 'idle') return;
      if (!isEnterKey(key)) {
        setValue(rl.line);
        setProblem(undefined);
        return;
      }
      setStatus('loading');
      const verdict = config.validate ? await config.validate(value) : true;
      if (verdict === true) {
        setStatus('done');
        done(value);
        return;
      }
      // Enter emptied readline's line: the answer refused is put back, to be put right.
      rl.write(value);
      setProblem(verdict || 'That answer is not accepted.');
      setStatus('idle');
    });
    const message = theme.style.message(config.message, status);
    const shown = status === 'done' ? theme.style.answer(value) : value;
    return [`${prefix} ${message} ${shown}`, problem ? theme.style.error(problem) : ''];
  },
);

/** A prompt that starts with the current value typed in, ready to edit; Enter takes the line as it is. */
export function askPrefilled(message: string, current: string, validate?: Validate): Promise<string> {
  return guard((context) =>
    prefilledPrompt(
      {
        message: wrapped(message),
        current,
        ...(validate ? { validate: wrappedCheck(validate)! } : {}),
      },
      context,
    ),
  );
}

export function askYesNo(message: string, defaultYes = false): Promise<boolean> {
  return guard((context) => confirm({ message: wrapped(message), default: defaultYes }, context));
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  /** Shown as the answer once chosen, when it should differ from the name. */
  short?: string;
}

export function choose<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T> {
  return guard((context) =>
    select<T>({ message: wrapped(message), choices, default: defaultValue, pageSize: 10 }, context),
  );
}

/** Several choices at once (space to tick, Enter to go on); none ticked is an answer too. */
export function chooseSome<T>(message: string, choices: (Choice<T> & { checked?: boolean })[]): Promise<T[]> {
  return guard((context) => checkbox<T>({ message: wrapped(message), choices, pageSize: 10 }, context));
}

export function searchFor<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  return guard((context) =>
    search<T>(
      { message: wrapped(message), source: async (term) => source(term ?? ''), pageSize: 10 },
      context,
    ),
  );
}

/**
 * Opens $VISUAL or $EDITOR (vim when neither) on a 0600 file in `folder` (a draft folder beside
 * the journal, never /tmp), through the shell as git does, so that "code --wait" works. An editor
 * that exits non-zero (vim's :cq) gave up, as git takes it: EditorAborted, and what it wrote is
 * not returned. One the shell could not find or run (exit 127, 126) is EditorNotFound, naming the
 * program and the variable it came from; the caller says what happens next. The file goes with
 * its folder either way.
 */
export async function editText(message: string, folder: string, initial = ''): Promise<string> {
  const dir = fs.mkdtempSync(path.join(folder, 'edit-'));
  try {
    const file = path.join(dir, 'note.txt');
    fs.writeFileSync(file, initial, { mode: 0o600 });
    const editor = editorChoice(process.env);
    const { command } = editor;
    process.stdout.write(`? ${wrapped(message)}\n`);
    const ran = await runEditor(command, file);
    if (ran.error) throw new EditorAborted(`Your editor (${command}) did not start: ${ran.error.message}.`);
    // rel itself was told to stop (the terminal closed, a kill): the draft goes with the command.
    if (ran.stoppedBy) throw new StoppedError(ran.stoppedBy);
    // Ctrl+C in the terminal reached the editor too, and ended it: the user gave up the command.
    if (ran.signal === 'SIGINT') throw new CancelError();
    // The shell's own codes for a command it could not find (127) or run (126); the draft as it
    // was says no editor ran that chose to exit so.
    if ((ran.status === 127 || ran.status === 126) && fs.readFileSync(file, 'utf8') === initial) {
      throw editorNotFound(editor, ran.status);
    }
    if (ran.status !== 0) {
      throw new EditorAborted(
        ran.status === null
          ? `Your editor (${command}) was stopped by ${ran.signal}.`
          : `Your editor (${command}) exited with status ${ran.status}, which rel takes as the edit given up (as vim's :cq).`,
      );
    }
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The editor could not be run: only its program is named (not "codee --wait"), and the advice
 * names an editor that is there (nano, vim, vi on $PATH), or none when none is.
 */
function editorNotFound({ command, from }: EditorChoice, status: 126 | 127): EditorNotFound {
  const program = JSON.stringify(programOf(command));
  const source = from === 'default' ? "rel's default, as neither $VISUAL nor $EDITOR is set" : from;
  const variable = from === '$VISUAL' ? 'VISUAL' : 'EDITOR';
  const there = editorOnPath(process.env);
  const example = there ? `, e.g. export ${variable}=${there}` : '';
  return new EditorNotFound(
    status === 127
      ? `Your editor was not found: the shell has no command ${program} (${source}).`
      : `Your editor ${program} (${source}) could not be run: it is there but not a program the shell can run (not executable, or a folder).`,
    from === '$VISUAL'
      ? `Set $VISUAL to an editor you have${example} (rel runs it before $EDITOR), or unset it to use $EDITOR.`
      : `Set $EDITOR to an editor you have${example}.`,
  );
}

interface EditorRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
  /** rel was sent SIGTERM or SIGHUP meanwhile, and passed it on to the editor. */
  stoppedBy?: 'SIGTERM' | 'SIGHUP';
}

/**
 * Runs the editor, the terminal handed to it, as git does: rel ignores Ctrl+C meanwhile (the
 * signal goes to the whole foreground group; the editor decides what it means to it, vim ignores
 * it), and a SIGTERM or SIGHUP (a kill, the terminal closed) is passed on to the editor and ends
 * the command once it is gone, so that the draft (the note in plain text, even beside an encrypted
 * journal) is removed and rel says so. Killed outright (SIGKILL), rel leaves the draft for rel
 * doctor. The wait is asynchronous so that those signals are taken up while the editor runs.
 */
function runEditor(command: string, file: string): Promise<EditorRun> {
  return new Promise((resolve) => {
    let stoppedBy: EditorRun['stoppedBy'];
    const child = spawn('/bin/sh', ['-c', `exec ${command} "$1"`, 'sh', file], { stdio: 'inherit' });
    const ignore = () => {};
    const passOn = (signal: 'SIGTERM' | 'SIGHUP') => () => {
      stoppedBy = signal;
      child.kill(signal);
    };
    const [onTerm, onHup] = [passOn('SIGTERM'), passOn('SIGHUP')];
    process.on('SIGINT', ignore);
    process.on('SIGTERM', onTerm);
    process.on('SIGHUP', onHup);
    const done = (run: EditorRun) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
      resolve(stoppedBy ? { ...run, stoppedBy } : run);
    };
    child.on('error', (error) => done({ status: null, signal: null, error }));
    child.on('exit', (status, signal) => done({ status, signal }));
  });
}

export interface Key<T> {
  /** The key: one letter, or "enter". */
  key: string;
  /** What it does, as the hint shows it ("log"). */
  label: string;
  value: T;
}

/**
 * One key press picks one of a few actions, without Enter after it (Enter may be one of them);
 * other keys are ignored. The hint lists them: "Enter log · s skip · q stop".
 */
const keyPrompt = createPrompt<unknown, { message: string; keys: Key<unknown>[] }>((config, done) => {
  const [chosen, setChosen] = useState<Key<unknown> | undefined>(undefined);
  const theme = makeTheme({});
  const prefix = usePrefix({ status: chosen ? 'done' : 'idle', theme });
  useKeypress((event) => {
    if (chosen) return;
    const name = isEnterKey(event) ? 'enter' : (event.name ?? '').toLowerCase();
    const key = config.keys.find((k) => k.key === name);
    if (!key) return;
    setChosen(key);
    done(key.value);
  });
  const hint = config.keys.map((k) => `${k.key === 'enter' ? 'Enter' : k.key} ${k.label}`).join(' · ');
  const message = theme.style.message(config.message, chosen ? 'done' : 'idle');
  return chosen
    ? `${prefix} ${message} ${theme.style.answer(chosen.label)}`
    : `${prefix} ${message} ${theme.style.help(`(${hint})`)}`;
});

export function askKey<T>(message: string, keys: Key<T>[]): Promise<T> {
  return guard((context) => keyPrompt({ message, keys: keys as Key<unknown>[] }, context) as Promise<T>);
}
