// Prompts answered from a script, for commands run in-process (run.ts `answers`): each prompt takes
// the next answer, in order, as a user would type it. What the terminal itself does (drawing,
// keys, bursts, narrow screens) is tmux's to test (tty.ts); this is for what a command does with
// the answers.
import type { Prompts } from '../../src/context.js';
import { CancelError } from '../../src/errors.js';
import type { Choice, Key, Validate } from '../../src/ui/prompts.js';

/** Ctrl+C at that prompt. */
export const CANCEL = Symbol('Ctrl+C');

/** An answer given, and then something done elsewhere (another rel) before the command goes on. */
export class Meanwhile {
  constructor(
    readonly answer: Exclude<Answer, Meanwhile>,
    readonly elsewhere: () => void,
  ) {}
}

/**
 * One prompt's answer. A string is what is typed then Enter (at a choice: the name of the choice,
 * or enough of it to be the only one; "" for the one preselected; at a search: the words typed,
 * Enter taking the first match; at a key prompt: the key, "enter" or a letter); a list is the
 * choices ticked; a boolean answers yes or no; CANCEL is Ctrl+C; a Meanwhile is its answer, with
 * what happens elsewhere between that prompt and what the command does next.
 */
export type Answer = string | boolean | string[] | typeof CANCEL | Meanwhile;

/** A prompt as it was asked: its message, the answer given, and the problem shown if refused. */
export interface Asked {
  message: string;
  answer: Answer;
  refused?: string;
  /** For a choice: the names offered, and the value selected before any key. */
  choices?: string[];
  default?: unknown;
}

/** A prompt with no answer left, or an answer that does not fit it: the test is wrong. */
export class ScriptError extends Error {}

export interface Script {
  prompts: Prompts;
  asked: Asked[];
  /** What went wrong with the script, if anything: the run's own failure hides it otherwise. */
  problem(): ScriptError | undefined;
  /** The answers not asked for. */
  left(): Answer[];
}

export function script(answers: readonly Answer[]): Script {
  const queue = [...answers];
  const asked: Asked[] = [];
  let problem: ScriptError | undefined;
  const fail = (message: string): never => {
    problem ??= new ScriptError(message);
    throw problem;
  };
  const next = (message: string): Exclude<Answer, Meanwhile> => {
    if (!queue.length) fail(`No answer scripted for the prompt "${message}".`);
    const given = queue.shift()!;
    const answer = given instanceof Meanwhile ? given.answer : given;
    asked.push({ message, answer });
    if (answer === CANCEL) throw new CancelError();
    if (given instanceof Meanwhile) given.elsewhere();
    return answer;
  };
  const text = (message: string, answer: Answer): string =>
    typeof answer === 'string' ? answer : fail(`"${message}" takes text, not ${String(answer)}.`);
  /** Typed text, asked again (with the next answer) while the check refuses it, as inquirer does. */
  const typed = async (message: string, validate?: Validate, fallback?: string): Promise<string> => {
    for (;;) {
      let value = text(message, next(message));
      if (value === '' && fallback !== undefined) value = fallback;
      const verdict = validate ? await validate(value) : true;
      if (verdict === true) return value;
      asked[asked.length - 1]!.refused = verdict;
    }
  };
  const pickOne = <T>(message: string, choices: Choice<T>[], answer: string): Choice<T> => {
    const exact = choices.find((c) => c.name === answer);
    const near = choices.filter((c) => c.name.toLowerCase().includes(answer.toLowerCase()));
    const found = exact ?? (near.length === 1 ? near[0] : undefined);
    if (!found) {
      fail(
        `"${answer}" picks ${near.length ? 'several' : 'none'} of the choices of "${message}": ${choices.map((c) => c.name).join(' | ')}`,
      );
    }
    return found!;
  };
  const prompts: Prompts = {
    ask: (message, options = {}) => typed(message, options.validate, options.default),
    askSecret: (message, validate) => typed(message, validate),
    askPrefilled: (message, current, validate) => typed(message, validate, current),
    askYesNo: async (message, defaultYes = false) => {
      const answer = next(message);
      if (answer === '') return defaultYes;
      return typeof answer === 'boolean' ? answer : fail(`"${message}" takes true or false.`);
    },
    choose: async (message, choices, defaultValue) => {
      const answer = text(message, next(message));
      Object.assign(asked[asked.length - 1]!, { choices: choices.map((c) => c.name), default: defaultValue });
      if (answer === '') {
        const preselected = choices.find((c) => c.value === defaultValue) ?? choices[0];
        return preselected ? preselected.value : fail(`"${message}" has no choices.`);
      }
      return pickOne(message, choices, answer).value;
    },
    chooseSome: async (message, choices) => {
      const answer = next(message);
      if (!Array.isArray(answer)) return fail(`"${message}" takes a list of the choices ticked.`);
      return answer.map((name) => pickOne(message, choices, name).value);
    },
    searchFor: async (message, source) => {
      const term = text(message, next(message));
      const first = source(term)[0];
      return first ? first.value : fail(`Nothing to pick at "${message}" for "${term}".`);
    },
    editText: async (message) => text(message, next(message)),
    askKey: async <T>(message: string, keys: Key<T>[]) => {
      const answer = text(message, next(message));
      const key = keys.find((k) => k.key === answer);
      return key ? key.value : fail(`"${message}" takes one of ${keys.map((k) => k.key).join(', ')}.`);
    },
  };
  return { prompts, asked, problem: () => problem, left: () => queue };
}
