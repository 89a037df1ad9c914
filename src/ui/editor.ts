// Which editor a long note is written in ($VISUAL, else $EDITOR, else vim), and what rel says
// about it: the prompt names the variable that will run, and the advice for one that is not
// there names only its program and an editor that is.
import fs from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

export interface EditorChoice {
  /** The command line run through the shell: "code --wait". */
  command: string;
  /** Where it came from, as the messages name it. */
  from: '$VISUAL' | '$EDITOR' | 'default';
}

/** The editor to run, and where that came from: $VISUAL first, as git does, then $EDITOR, then vim. */
export function editorChoice(env: Env): EditorChoice {
  if (env.VISUAL) return { command: env.VISUAL, from: '$VISUAL' };
  if (env.EDITOR) return { command: env.EDITOR, from: '$EDITOR' };
  return { command: 'vim', from: 'default' };
}

/** What the note prompt says "e" opens: "your $VISUAL", "your $EDITOR", or "vim". */
export function editorNamed(env: Env): string {
  const { from, command } = editorChoice(env);
  return from === 'default' ? command : `your ${from}`;
}

/**
 * The program of a command line, its first word, unquoted: "codee" for "codee --wait", and
 * "/opt/My Editor/ed" for `"/opt/My Editor/ed" -w`.
 */
export function programOf(command: string): string {
  const first = /^\s*(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(command);
  return first ? (first[1] ?? first[2] ?? first[3]!) : command.trim();
}

/** Editors offered when the one set is missing, in this order: the first on $PATH is named. */
const COMMON_EDITORS = ['nano', 'vim', 'vi'];

/** The first of nano, vim and vi that $PATH has as a program, or undefined when none is there. */
export function editorOnPath(env: Env): string | undefined {
  const folders = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return COMMON_EDITORS.find((name) =>
    folders.some((folder) => {
      try {
        const file = path.join(folder, name);
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    }),
  );
}
