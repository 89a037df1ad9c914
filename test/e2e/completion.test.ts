import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, rel, relEnv, tempDir, tempStore } from '../helpers/rel.js';

describe('shell completion', () => {
  const store = tempStore('complete');
  beforeAll(() => {
    ok(['demo'], { store });
  });

  it('completes commands, flags, option values and people from the journal', () => {
    expect(ok(['__complete', '--', 'pro'], { store })).toBe('profile\n');
    expect(ok(['__complete', '--', 'due', '--gr'], { store })).toBe('--group\n');
    expect(ok(['__complete', '--', 'due', '--group', ''], { store })).toBe('team\nrelationship\ntag\n');
    expect(ok(['__complete', '--', 'profile', 'an'], { store })).toBe('ana-silva\n');
    expect(ok(['__complete', '--', 'agenda', 'nakam'], { store })).toBe('eve-nakamura\n');
    expect(ok(['__complete', '--', 'due', '--tag', 'on'], { store })).toBe('oncall\n');
    // A hidden option is not offered: inbox log takes --asked only to refuse it.
    expect(ok(['__complete', '--', 'inbox', 'log', '--as'], { store })).toBe('--ask-next\n');
  });

  it('reads the journal named by --store on the line, and prints nothing when it cannot', () => {
    expect(ok(['__complete', '--', '--store', store, 'profile', 'jon'])).toBe('jonas-weber\n');
    const broken = path.join(tempDir('complete-broken'), 'journal.json');
    fs.writeFileSync(broken, '{oops');
    const r = rel(['__complete', '--', 'profile', 'a'], { store: broken });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints scripts for bash, zsh and fish, and refuses another shell', () => {
    expect(ok(['completion', 'bash'])).toContain('complete -o default -F _rel_complete rel');
    expect(ok(['completion', 'zsh'])).toContain('compdef _rel rel');
    expect(ok(['completion', 'fish'])).toContain("complete -c rel -f -a '(__rel_complete)'");
    const bad = rel(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bash, zsh, fish');
  });

  it('works in a real bash: Tab after "rel profile an" offers ana-silva', () => {
    const bin = tempDir('complete-bin');
    fs.writeFileSync(path.join(bin, 'rel'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, {
      mode: 0o755,
    });
    const script = ok(['completion', 'bash']);
    const env = relEnv({ store });
    env.PATH = `${bin}:${env.PATH}`;
    const out = execFileSync(
      'bash',
      [
        '-c',
        `${script}\nCOMP_WORDS=(rel profile an); COMP_CWORD=2; _rel_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { env, encoding: 'utf8' },
    );
    expect(out).toBe('ana-silva\n');
  });
});
