// A long note typed in $EDITOR: its file lives in the journal's own folder (0600), never in /tmp.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempDir, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

describe('rel log with $EDITOR', () => {
  it('writes the note being edited inside the store folder, private, and removes it after', async () => {
    const store = tempStore('editor');
    ok(['add', 'Ana Silva'], { store });
    const tools = tempDir('editor-tools');
    const seen = path.join(tools, 'seen');
    const editor = path.join(tools, 'editor.sh');
    // The editor records where its file is and how private it is, then writes the note.
    fs.writeFileSync(
      editor,
      `#!/bin/sh\necho "$1" > "${seen}"\nstat -c %a "$1" >> "${seen}"\nprintf 'Notes from the editor' > "$1"\n`,
      { mode: 0o755 },
    );
    term = new Terminal(['log', 'ana'], { store, env: { EDITOR: editor, VISUAL: editor } });
    await term.answer('When?', '');
    await term.waitFor('What kind of conversation?');
    await term.press('Enter');
    await term.answer('How many minutes?', '');
    await term.answer('What did you talk about?', 'e');
    await term.answer('What did you hear from Ana?', '');
    await term.answer('ambition or a life goal', '');
    await term.answer('skill, talent or passion', '');
    await term.answer('Did you promise to do anything?', '');
    await term.answer('Did they promise anything?', '');
    await term.answer('Anything to ask about next time?', '');
    expect(await term.exitCode()).toBe(0);

    const [file, mode] = fs.readFileSync(seen, 'utf8').trim().split('\n');
    expect(path.dirname(path.dirname(file!))).toBe(path.dirname(store));
    expect(mode).toBe('600');
    expect(readJson(store).conversations[0].note).toBe('Notes from the editor');
    expect(fs.existsSync(file!)).toBe(false);
  });
});
