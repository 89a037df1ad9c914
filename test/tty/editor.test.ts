// A long note typed in $EDITOR: its file lives in the journal's own folder (0600), never in /tmp.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempDir, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

/** rel log ana's prompts up to the note, answered with defaults, then "e" for $EDITOR. */
async function openTheEditor(t: Terminal): Promise<void> {
  await t.answer('When?', '');
  await t.waitFor('What kind of conversation?');
  await t.press('Enter');
  await t.answer('How many minutes?', '');
  await t.answer('What did you talk about?', 'e');
}

/** The prompts after the note, each left empty. */
async function answerTheRest(t: Terminal): Promise<void> {
  await t.answer('What did you hear from Ana?', '');
  await t.answer('ambition or a life goal', '');
  await t.answer('skill, talent or passion', '');
  await t.answer('Did you promise to do anything?', '');
  await t.answer('Did they promise anything?', '');
  await t.answer('Anything to ask about next time?', '');
}

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
    await openTheEditor(term);
    await answerTheRest(term);
    expect(await term.exitCode()).toBe(0);

    const [file, mode] = fs.readFileSync(seen, 'utf8').trim().split('\n');
    // In a draft folder of its own beside the journal, named for the rel that owns it.
    const draft = path.dirname(path.dirname(file!));
    expect(path.dirname(draft)).toBe(path.dirname(store));
    expect(path.basename(draft)).toMatch(/^\.journal\.json\.draft-\d+-[0-9a-f]+$/);
    expect(mode).toBe('600');
    expect(readJson(store).conversations[0].note).toBe('Notes from the editor');
    expect(fs.existsSync(file!)).toBe(false);
    expect(fs.existsSync(draft)).toBe(false);
  });
});

describe('a rel killed while $EDITOR is open', () => {
  const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
  const SECRET = 'Thinking of leaving in spring';

  it('leaves a draft that rel doctor names (size, date) and --fix removes; a live one is never touched', async () => {
    const store = tempStore('editor-kill');
    ok(['add', 'Ana Silva'], { store });
    ok(['encrypt'], { store, env: PW });
    const tools = tempDir('editor-kill-tools');
    const seen = path.join(tools, 'seen');
    const editor = path.join(tools, 'editor.sh');
    // Writes the note, says where and who its rel is (the parent), then stays open.
    fs.writeFileSync(
      editor,
      `#!/bin/sh\nprintf '${SECRET}' > "$1"\necho "$1 $PPID $$" > "${seen}.part"\nmv "${seen}.part" "${seen}"\nexec sleep 600\n`,
      { mode: 0o755 },
    );
    term = new Terminal(['log', 'ana'], { store, env: { ...PW, EDITOR: editor, VISUAL: editor } });
    await openTheEditor(term);
    for (let i = 0; i < 300 && !fs.existsSync(seen); i++) await new Promise((r) => setTimeout(r, 50));
    const [file, relPid, editorPid] = fs.readFileSync(seen, 'utf8').trim().split(' ');
    const draft = path.dirname(path.dirname(file!));
    expect(path.basename(draft).startsWith(`.journal.json.draft-${relPid}-`)).toBe(true);

    // Its rel is alive: not reported, and --fix leaves it.
    const live = JSON.parse(rel(['doctor', '--json'], { store, env: PW }).stdout);
    expect(live.findings.filter((f: { check: string }) => f.check === 'drafts')).toEqual([]);
    rel(['doctor', '--fix'], { store, env: PW });
    expect(fs.readFileSync(file!, 'utf8')).toBe(SECRET);

    process.kill(Number(relPid), 'SIGKILL');
    process.kill(Number(editorPid), 'SIGKILL');
    await term.waitFor(/@@EXIT:/);
    const report = rel(['doctor', '--json'], { store, env: PW });
    expect(report.code).toBe(1);
    const [finding] = JSON.parse(report.stdout).findings;
    expect(finding).toMatchObject({ check: 'drafts', severity: 'error' });
    expect(finding.message).toContain(draft);
    expect(finding.message).toContain(`${SECRET.length} bytes`);
    expect(finding.message).toMatch(/last written 2\d{3}-\d\d-\d\d \d\d:\d\d UTC/);
    const fixed = rel(['doctor', '--fix'], { store, env: PW });
    expect(fixed.stdout + fixed.stderr).toContain(`removed the note left in $EDITOR ${draft}`);
    expect(fs.existsSync(draft)).toBe(false);
    // No plain text left in the store's folder, and rel writes as usual.
    for (const name of fs.readdirSync(path.dirname(store)))
      expect(fs.readFileSync(path.join(path.dirname(store), name)).includes(SECRET), name).toBe(false);
    ok(['log', 'ana', '--note', 'after'], { store, env: PW });
    expect(JSON.parse(rel(['doctor', '--json'], { store, env: PW }).stdout).healthy).toBe(true);
  });
});

describe('an $EDITOR that exits non-zero', () => {
  it('gave up (vim :cq): the note it wrote is not kept, and rel says so', async () => {
    const store = tempStore('editor-abort');
    ok(['add', 'Ana Silva'], { store });
    const tools = tempDir('editor-abort-tools');
    const editor = path.join(tools, 'editor.sh');
    fs.writeFileSync(editor, `#!/bin/sh\nprintf 'Half a thought' > "$1"\nexit 3\n`, { mode: 0o755 });
    term = new Terminal(['log', 'ana'], { store, env: { EDITOR: editor, VISUAL: editor } });
    await openTheEditor(term);
    await term.waitFor('exited with status 3, which rel takes as');
    await answerTheRest(term);
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    expect(screen).toContain('The note was not kept; the conversation goes on without one.');
    expect(screen).not.toContain('Note kept');
    expect(readJson(store).conversations[0].note).toBe('');
    // Nothing of the draft is left beside the journal.
    expect(fs.readdirSync(path.dirname(store)).filter((f) => f.includes('draft'))).toEqual([]);
  });
});

describe('an $EDITOR naming a program that is not there', () => {
  // Found by testers: a mistyped $EDITOR (the shell's exit 127) was told as an edit given up, and
  // the conversation was logged without its note; then it stopped rel log, and the answers given
  // (the date, the kind, the minutes) were lost with it.
  it('says so, naming the program, then asks for the note at the prompt: the answers before it are kept', async () => {
    const store = tempStore('editor-missing');
    ok(['add', 'Ana Silva'], { store });
    // A nano on $PATH, never run: the advice names it.
    const tools = tempDir('editor-nano');
    fs.writeFileSync(path.join(tools, 'nano'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    term = new Terminal(['log', 'ana'], {
      store,
      env: { EDITOR: 'no-such-editor --wait', VISUAL: '', PATH: `${tools}:${process.env.PATH}` },
    });
    await term.answer('When?', 'yesterday');
    await term.waitFor('What kind of conversation?');
    await term.press('Enter');
    await term.answer('How many minutes?', '25');
    await term.answer('What did you talk about?', 'e');
    await term.waitFor('What did you talk about? (Enter to skip)');
    await term.type('Typed at the prompt instead');
    await term.press('Enter');
    await answerTheRest(term);
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen().replace(/\s+/g, ' ');
    expect(screen).toContain(
      'Your editor was not found: the shell has no command "no-such-editor" ($EDITOR). Type the note here instead.',
    );
    expect(screen).toContain('Set $EDITOR to an editor you have, e.g. export EDITOR=nano.');
    expect(screen).not.toContain('--wait');
    expect(screen).not.toContain('given up');
    const [conversation] = readJson(store).conversations;
    expect(conversation.note).toBe('Typed at the prompt instead');
    expect(conversation.minutes).toBe(25);
    expect(conversation.date).toBe('2026-11-26');
    expect(fs.readdirSync(path.dirname(store)).filter((f) => f.includes('draft'))).toEqual([]);
  });
});

describe('Ctrl+C while $EDITOR is open', () => {
  const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
  const SECRET = 'Thinking of resigning';

  /** An editor that writes the note, says so, then waits (as `code --wait` does); `ignoring` traps Ctrl+C. */
  function waitingEditor(tag: string, ignoring: boolean) {
    const tools = tempDir(tag);
    const seen = path.join(tools, 'seen');
    const editor = path.join(tools, 'editor.sh');
    const wait = ignoring ? `trap '' INT\nsleep 3\n` : 'exec sleep 600\n';
    fs.writeFileSync(editor, `#!/bin/sh\nprintf '${SECRET}' > "$1"\ntouch "${seen}"\n${wait}`, {
      mode: 0o755,
    });
    return { seen, editor };
  }

  it('that ends the editor: rel says nothing was saved (exit 130) and leaves no draft beside an encrypted journal', async () => {
    const store = tempStore('editor-ctrl-c');
    ok(['add', 'Ana Silva'], { store });
    ok(['encrypt'], { store, env: PW });
    const before = fs.readFileSync(store);
    const { seen, editor } = waitingEditor('editor-ctrl-c-tools', false);
    term = new Terminal(['log', 'ana'], { store, env: { ...PW, EDITOR: editor, VISUAL: editor } });
    await openTheEditor(term);
    for (let i = 0; i < 300 && !fs.existsSync(seen); i++) await new Promise((r) => setTimeout(r, 50));
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Cancelled; nothing was saved.');
    expect(fs.readFileSync(store).equals(before)).toBe(true);
    for (const name of fs.readdirSync(path.dirname(store))) {
      expect(name).not.toContain('draft');
      const file = path.join(path.dirname(store), name);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(SECRET), name).toBe(false);
    }
  });

  it('that the editor ignores (as vim does): the edit goes on and the note is kept', async () => {
    const store = tempStore('editor-ctrl-c-ignored');
    ok(['add', 'Ana Silva'], { store });
    const { seen, editor } = waitingEditor('editor-ctrl-c-ignored-tools', true);
    term = new Terminal(['log', 'ana'], { store, env: { EDITOR: editor, VISUAL: editor } });
    await openTheEditor(term);
    for (let i = 0; i < 300 && !fs.existsSync(seen); i++) await new Promise((r) => setTimeout(r, 50));
    await term.press('C-c');
    await answerTheRest(term);
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).conversations[0].note).toBe(SECRET);
    expect(fs.readdirSync(path.dirname(store)).filter((f) => f.includes('draft'))).toEqual([]);
  });
});

describe('a rel told to stop while $EDITOR is open (a kill, the terminal closed)', () => {
  const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
  const SECRET = 'Planning to move abroad';

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    '%s: the editor is stopped, the draft removed, and rel says nothing was saved',
    async (signal, code) => {
      const store = tempStore(`editor-${signal}`);
      ok(['add', 'Ana Silva'], { store });
      ok(['encrypt'], { store, env: PW });
      const before = fs.readFileSync(store);
      const tools = tempDir(`editor-${signal}-tools`);
      const seen = path.join(tools, 'seen');
      const editor = path.join(tools, 'editor.sh');
      fs.writeFileSync(
        editor,
        `#!/bin/sh\nprintf '${SECRET}' > "$1"\necho "$PPID" > "${seen}.part"\nmv "${seen}.part" "${seen}"\nexec sleep 600\n`,
        { mode: 0o755 },
      );
      term = new Terminal(['log', 'ana'], { store, env: { ...PW, EDITOR: editor, VISUAL: editor } });
      await openTheEditor(term);
      for (let i = 0; i < 300 && !fs.existsSync(seen); i++) await new Promise((r) => setTimeout(r, 50));
      process.kill(Number(fs.readFileSync(seen, 'utf8').trim()), signal);
      expect(await term.exitCode()).toBe(code);
      expect(term.screen()).toContain(`Stopped by ${signal}; nothing was saved.`);
      expect(fs.readFileSync(store).equals(before)).toBe(true);
      for (const name of fs.readdirSync(path.dirname(store))) expect(name).not.toContain('draft');
    },
  );
});
