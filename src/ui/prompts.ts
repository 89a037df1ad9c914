// The only module that imports inquirer. Loaded on demand, only when a prompt is shown.
// Ctrl+C (or a closed terminal) becomes a CancelError: exit 130, nothing saved.
import readline from 'node:readline';
import { checkbox, confirm, editor, input, password, search, select } from '@inquirer/prompts';
import { CancelError } from '../errors.js';

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

async function guard<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') {
      throw new CancelError();
    }
    throw error;
  }
}

export type Validate = (value: string) => string | true | Promise<string | true>;

export interface AskOptions {
  default?: string;
  validate?: Validate;
  transformer?: (value: string, state: { isFinal: boolean }) => string;
}

export function ask(message: string, options: AskOptions = {}): Promise<string> {
  return guard(input({ message, ...options }));
}

/** A secret: nothing of it is echoed. */
export function askSecret(message: string, validate?: Validate): Promise<string> {
  return guard(password({ message, validate }));
}

/** A prompt that starts with the current value typed in, ready to edit; Enter keeps it. */
export function askPrefilled(message: string, current: string, validate?: Validate): Promise<string> {
  return guard(input({ message, default: current, prefill: 'editable', ...(validate ? { validate } : {}) }));
}

export function askYesNo(message: string, defaultYes = false): Promise<boolean> {
  return guard(confirm({ message, default: defaultYes }));
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  /** Shown as the answer once chosen, when it should differ from the name. */
  short?: string;
}

export function choose<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T> {
  return guard(select<T>({ message, choices, default: defaultValue, pageSize: 10 }));
}

/** Several choices at once (space to tick, Enter to go on); none ticked is an answer too. */
export function chooseSome<T>(message: string, choices: (Choice<T> & { checked?: boolean })[]): Promise<T[]> {
  return guard(checkbox<T>({ message, choices, pageSize: 10 }));
}

export function searchFor<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  return guard(search<T>({ message, source: async (term) => source(term ?? ''), pageSize: 10 }));
}

/** Opens $EDITOR on a 0600 file in `folder` (the store's: the note must not land in /tmp). */
export function editText(message: string, folder: string, initial = ''): Promise<string> {
  return guard(
    editor({ message, default: initial, waitForUserInput: false, file: { dir: folder, mode: 0o600 } }),
  );
}
