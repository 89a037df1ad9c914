// A real terminal session: rel runs inside tmux on a private socket; tests type and read the screen.
import { execFileSync } from 'node:child_process';
import { BIN, type RunOptions, relEnv } from './rel.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  private readonly socket = `rel-test-${process.pid}-${Math.floor(Math.random() * 1e9)}`;

  /**
   * `pipeTo`: rel's stdout goes through this shell command (`cat`), its stdin and stderr stay the
   * terminal. Once rel has ended, the shell prints its exit status (`@@EXIT:n`) and the terminal's
   * line settings (`@@MODE: icanon echo`, as `stty` shows them: `-icanon` left raw).
   */
  constructor(
    args: string[],
    options: RunOptions & { width?: number; pipeTo?: string; startAfterMs?: number } = {},
  ) {
    const env = Object.entries(relEnv(options))
      .filter(([k]) => /^(REL_|HOME|PATH|LANG|XDG_|EDITOR|VISUAL|NO_COLOR|FORCE_COLOR)/.test(k))
      .map(([k, v]) => `${k}=${quote(v ?? '')}`)
      .join(' ');
    // The shell around rel outlives a Ctrl+C that reaches it as a signal (the terminal in cooked
    // mode, as while $EDITOR runs), as the user's interactive shell does, to say how rel ended;
    // node sets its own signals back to their defaults, so rel is not shielded by this.
    // `startAfterMs`: rel starts that much later, so that keys typed meanwhile wait for it in the
    // terminal, as keys typed right after Enter do.
    const wait = options.startAfterMs ? `sleep ${options.startAfterMs / 1000}; ` : '';
    const command = `trap '' INT; ${wait}env ${env} TERM=xterm-256color ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}${options.pipeTo ? ` | ${options.pipeTo}` : ''}; echo "@@EXIT:$?"; echo "@@MODE: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')"; sleep 600`;
    this.tmux(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(options.width ?? 120),
      '-y',
      '50',
      command,
    );
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], {
      encoding: 'utf8',
      env: { ...process.env, SHELL: '/bin/sh' },
    });
  }

  screen(): string {
    try {
      return this.tmux('capture-pane', '-p', '-S', '-200');
    } catch {
      return '';
    }
  }

  /** Waits until the screen shows the pattern; throws with the screen when it does not. */
  async waitFor(pattern: RegExp | string, ms = 15_000): Promise<string> {
    const test = (s: string) => (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s));
    for (let waited = 0; waited < ms; waited += 50) {
      const s = this.screen();
      if (test(s)) return s;
      await sleep(50);
    }
    throw new Error(`Timed out waiting for ${pattern}. Screen:\n${this.screen()}`);
  }

  /** Types text literally (no key names). */
  async type(text: string): Promise<void> {
    this.tmux('send-keys', '-l', text);
    await sleep(80);
  }

  /** Presses keys by tmux name: Enter, C-c, Down, BSpace... */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.tmux('send-keys', key);
      await sleep(80);
    }
  }

  /** Sends keys (tmux names or literal text) in one write, as a paste or fast typing arrives. */
  async burst(...keys: string[]): Promise<void> {
    this.tmux('send-keys', ...keys);
    await sleep(80);
  }

  async answer(prompt: RegExp | string, text: string): Promise<void> {
    await this.waitFor(prompt);
    if (text) await this.type(text);
    await this.press('Enter');
  }

  async exitCode(ms = 15_000): Promise<number> {
    const s = await this.waitFor(/@@EXIT:\d+/, ms);
    return Number(/@@EXIT:(\d+)/.exec(s)![1]);
  }

  /** The terminal's line settings once rel has ended: "icanon echo" when put back. */
  async mode(ms = 15_000): Promise<string> {
    const s = await this.waitFor(/@@MODE: .*\S/, ms);
    return /@@MODE: (.*)/.exec(s)![1]!.trim();
  }

  /** Whether the terminal shows its cursor (a prompt hides it while it draws a list). */
  cursorShown(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** The pid of rel itself (the shell's child in the pane). */
  relPid(): number {
    const shell = this.tmux('display-message', '-p', '#{pane_pid}').trim();
    const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', shell], { encoding: 'utf8' });
    const node = children.split('\n').find((line) => /\bnode\b/.test(line));
    if (!node) throw new Error(`No rel running in the terminal. Screen:\n${this.screen()}`);
    return Number(node.trim().split(/\s+/)[0]);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
