// Which editor the note prompt names, and the program a command line runs.
import { describe, expect, it } from 'vitest';
import { editorChoice, editorNamed, programOf } from '../../src/ui/editor.js';
import { rel, tempStore } from '../helpers/run.js';

describe('the editor the note prompt names', () => {
  it.each([
    [{ VISUAL: 'code --wait', EDITOR: 'nano' }, 'your $VISUAL'],
    [{ EDITOR: 'nano' }, 'your $EDITOR'],
    [{ VISUAL: '', EDITOR: 'nano' }, 'your $EDITOR'],
    [{}, 'vim'],
  ])('%j: opens %s', (env, named) => {
    expect(editorNamed(env)).toBe(named);
  });

  it('$VISUAL is the one run when both are set', () => {
    expect(editorChoice({ VISUAL: 'code --wait', EDITOR: 'nano' })).toEqual({
      command: 'code --wait',
      from: '$VISUAL',
    });
  });
});

describe('programOf', () => {
  it.each([
    ['codee --wait', 'codee'],
    ['  vim  ', 'vim'],
    ['"/opt/My Editor/ed" -w', '/opt/My Editor/ed'],
    ["'/opt/ed' -w", '/opt/ed'],
    ['/usr/bin/nano', '/usr/bin/nano'],
  ])('%s: %s', (command, program) => {
    expect(programOf(command)).toBe(program);
  });
});

describe('rel log: the note prompt names the editor "e" opens', () => {
  it.each([
    [{ VISUAL: 'code --wait', EDITOR: 'nano' }, '"e" then Enter opens your $VISUAL'],
    [{ VISUAL: '', EDITOR: 'nano' }, '"e" then Enter opens your $EDITOR'],
    [{ VISUAL: '', EDITOR: '' }, '"e" then Enter opens vim'],
  ])('%j', async (env, said) => {
    const store = tempStore('editor-named');
    expect((await rel(['add', 'Ana Silva'], { store })).code).toBe(0);
    const r = await rel(['log', 'ana'], {
      store,
      env,
      answers: ['', '', '', 'Roadmap', '', '', '', '', '', ''],
    });
    expect(r.code, r.stderr).toBe(0);
    const note = r.asked.find((a) => a.message.startsWith('What did you talk about?'));
    expect(note?.message).toContain(said);
  });
});
