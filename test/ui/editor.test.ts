// What rel says when $EDITOR does not give a note back: not there at all, ended with a status of
// its own, or killed. Run in this process with the real shell, each message saying what happened.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorAborted, EditorNotFound, exitCodeOf } from '../../src/errors.js';
import { editText } from '../../src/ui/prompts.js';
import { tempDir } from '../helpers/run.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** editText with $VISUAL and $EDITOR as given (unset when undefined), what it threw, and the folder after. */
async function edit(env: { VISUAL?: string; EDITOR?: string; PATH?: string }) {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.stubEnv('VISUAL', env.VISUAL ?? '');
  vi.stubEnv('EDITOR', env.EDITOR ?? '');
  if (env.PATH !== undefined) vi.stubEnv('PATH', env.PATH);
  const folder = tempDir('editor-unit');
  const error = await editText('What did you talk about?', folder, '').then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error: error as EditorNotFound | EditorAborted | undefined, left: fs.readdirSync(folder) };
}

/** A script, executable, in a folder of its own. */
function script(body: string, mode = 0o755): string {
  const file = path.join(tempDir('editor-unit-tools'), 'editor.sh');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode });
  return file;
}

describe('an $EDITOR the shell cannot find or run', () => {
  it('$EDITOR naming no command: not found, naming its program (not its flags) and $EDITOR, exit 2', async () => {
    const { error, left } = await edit({ EDITOR: 'no-such-editor-here --wait' });
    expect(error).toBeInstanceOf(EditorNotFound);
    expect(error!.message).toBe(
      'Your editor was not found: the shell has no command "no-such-editor-here" ($EDITOR).',
    );
    expect(error!.hint).toMatch(/^Set \$EDITOR to an editor you have/);
    expect(exitCodeOf(error)).toBe(2);
    expect(left).toEqual([]);
  });

  it.each([
    [['nano', 'vim', 'vi'], 'e.g. export EDITOR=nano'],
    [['vim', 'vi'], 'e.g. export EDITOR=vim'],
    [['vi'], 'e.g. export EDITOR=vi'],
  ])('with %j on $PATH, the advice names the first of nano, vim, vi: %s', async (there, advice) => {
    const tools = tempDir('editor-unit-path');
    for (const name of there)
      fs.writeFileSync(path.join(tools, name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const { error } = await edit({ EDITOR: 'codee --wait', PATH: tools });
    expect(error!.hint).toBe(`Set $EDITOR to an editor you have, ${advice}.`);
  });

  it('with none of them on $PATH (or one not executable), the advice names no editor', async () => {
    const tools = tempDir('editor-unit-path');
    fs.writeFileSync(path.join(tools, 'nano'), 'not a program', { mode: 0o644 });
    const { error } = await edit({ EDITOR: 'codee', PATH: tools });
    expect(error!.hint).toBe('Set $EDITOR to an editor you have.');
  });

  it('$VISUAL comes first, and is the one named', async () => {
    const { error } = await edit({ VISUAL: 'no-such-visual', EDITOR: 'true' });
    expect(error).toBeInstanceOf(EditorNotFound);
    expect(error!.message).toContain('"no-such-visual" ($VISUAL)');
    expect(error!.hint).toContain('Set $VISUAL to an editor you have');
    expect(error!.hint).toContain('or unset it to use $EDITOR');
  });

  it('neither set, and no vim: says vim is the default tried', async () => {
    const { error } = await edit({ PATH: tempDir('editor-unit-empty-path') });
    expect(error).toBeInstanceOf(EditorNotFound);
    expect(error!.message).toContain(`"vim" (rel's default, as neither $VISUAL nor $EDITOR is set)`);
  });

  it('a file that is not executable: could not be run (126), exit 2', async () => {
    const editor = script('exit 0', 0o644);
    const { error } = await edit({ EDITOR: editor });
    expect(error).toBeInstanceOf(EditorNotFound);
    expect(error!.message).toContain(`Your editor "${editor}" ($EDITOR) could not be run`);
    expect(exitCodeOf(error)).toBe(2);
  });
});

describe('an $EDITOR that ran and did not give the note back', () => {
  it('exits 1 (false): its status, taken as the edit given up; not "not found"', async () => {
    const { error } = await edit({ EDITOR: 'false' });
    expect(error).toBeInstanceOf(EditorAborted);
    expect(error!.message).toBe(
      "Your editor (false) exited with status 1, which rel takes as the edit given up (as vim's :cq).",
    );
  });

  it('exits 127 itself after writing: its status, not "not found"', async () => {
    const { error } = await edit({ EDITOR: script(`printf 'half' > "$1"\nexit 127`) });
    expect(error).toBeInstanceOf(EditorAborted);
    expect(error!.message).toContain('exited with status 127');
  });

  it('killed: says by which signal', async () => {
    const { error, left } = await edit({ EDITOR: script('kill -KILL $$') });
    expect(error).toBeInstanceOf(EditorAborted);
    expect(error!.message).toMatch(/^Your editor \(.*editor\.sh\) was stopped by SIGKILL\.$/);
    expect(left).toEqual([]);
  });
});
