// The terminal edge: where output goes, whether colour and prompts are allowed, and what "now" is.
import { fstatSync, writeSync } from 'node:fs';
import { parseNow } from '../core/dates.js';
import { type Env, envValue } from '../store/paths.js';
import { colourLevel } from './colour.js';
import { safeText } from './safe.js';
import { fitLines } from './wrap.js';

export interface Io {
  env: Env;
  now: Date;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Columns available for tables: the terminal's width, else $COLUMNS, else 80. */
  width: number;
  /**
   * Columns to wrap prose to (notes, bullets, sentences): as `width` in a terminal or at $COLUMNS,
   * but no limit through a pipe or into a file, so that grep finds each line whole.
   */
  proseWidth: number;
  /** The terminal's own size when stdout is one (0 when it is a pipe or a file): help, the pager. */
  terminal: { columns: number; rows: number };
  /** Prints to stdout, made safe (see safe.ts): every command's output passes here. */
  out(text: string): void;
  /** Human output: in a terminal (or at $COLUMNS) every line wrapped at word boundaries, then made safe as out() is. */
  print(text: string): void;
  /** Prints to stderr, made safe as out() is. */
  err(text: string): void;
  /** Writes to either stream exactly as given: for text already made safe (commander's help, a progress bar). */
  raw: { out(text: string): void; err(text: string): void };
}

/** An output stream as rel uses it: process.stdout, or a test's stand-in. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** What rel runs against: the process, or (in tests) an environment and streams of their own. */
export interface Terminal {
  env: Env;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutStream;
  stderr: OutStream;
}

/**
 * The terminal edge of a process (or a test's stand-in). Each stream is opened only when
 * something asks about it: opening stdin, stdout or stderr costs a few milliseconds each when it
 * is a pipe, and `rel --help` needs only stdout. The process's own stdout and stderr are written
 * to their descriptors when they are a pipe, a file or a socket (descriptorOut).
 */
export function createIo(proc: Terminal = processTerminal()): Io {
  const env = proc.env;
  const columns = Number(envValue(env, 'COLUMNS'));
  let colour: boolean | undefined;
  const safe = (text: string) => {
    colour ??= colourLevel(io, false) > 0;
    return safeText(text.endsWith('\n') ? text : `${text}\n`, colour);
  };
  const io: Io = {
    env,
    now: parseNow(envValue(env, 'REL_NOW'), () => new Date()),
    get stdin() {
      return proc.stdin;
    },
    get stdinIsTTY() {
      return Boolean(proc.stdin.isTTY);
    },
    get stdoutIsTTY() {
      return Boolean(proc.stdout.isTTY);
    },
    get stderrIsTTY() {
      return Boolean(proc.stderr.isTTY);
    },
    get width() {
      return (proc.stdout.isTTY && proc.stdout.columns) || (columns > 0 ? columns : 80);
    },
    get proseWidth() {
      return (proc.stdout.isTTY && proc.stdout.columns) || (columns > 0 ? columns : Number.POSITIVE_INFINITY);
    },
    get terminal() {
      const tty = Boolean(proc.stdout.isTTY);
      return { columns: (tty && proc.stdout.columns) || 0, rows: (tty && proc.stdout.rows) || 0 };
    },
    out: (text) => proc.stdout.write(safe(text)),
    // Text is wrapped for a terminal (or a width given by $COLUMNS), never for a pipe or a file:
    // a script that greps a line must find it whole. Tables are laid out to io.width either way.
    print: (text) => {
      const width = (proc.stdout.isTTY && proc.stdout.columns) || (columns > 0 ? columns : 0);
      proc.stdout.write(safe(width ? fitLines(text, width) : text));
    },
    err: (text) => {
      const width = (proc.stderr.isTTY && proc.stderr.columns) || (columns > 0 ? columns : 0);
      proc.stderr.write(safe(width ? fitLines(text, width) : text));
    },
    raw: {
      out: (text) => proc.stdout.write(text),
      err: (text) => proc.stderr.write(text),
    },
  };
  return io;
}

/** Prompts only when both ends are a terminal and the user did not say --no-input. */
export function canPrompt(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdinIsTTY && io.stdoutIsTTY;
}

/** This process as rel's terminal: stdin as it is, stdout and stderr through descriptorOut. */
function processTerminal(): Terminal {
  return {
    env: process.env,
    get stdin() {
      return process.stdin;
    },
    stdout: descriptorOut(1, () => process.stdout),
    stderr: descriptorOut(2, () => process.stderr),
  };
}

/** Whether the descriptor is a pipe, a file or a socket, which rel writes to directly; not a terminal. */
const direct = new Map<number, boolean>();
function writesDirect(fd: 1 | 2): boolean {
  let is = direct.get(fd);
  if (is === undefined) {
    try {
      const stat = fstatSync(fd);
      is = stat.isFIFO() || stat.isFile() || stat.isSocket();
    } catch {
      is = false; // closed: node's own stream stands in
    }
    direct.set(fd, is);
  }
  return is;
}

/** What quietOnClosedPipe says and does when stdout cannot take the output. */
let stdoutFailed: ((error: NodeJS.ErrnoException) => void) | undefined;

/**
 * stdout or stderr of this process. A pipe, a file or a socket is written to its descriptor as
 * node's stream would (writes to them are synchronous on Linux either way), without the stream:
 * opening process.stdout on a pipe loads node's stream and net modules, a cost of every command
 * that prints through a pipe. A terminal, or anything else, is the stream, opened when first
 * asked about. A descriptor that would block (one another process made non-blocking) hands the
 * rest of its output to the stream, in order. A failed write ends the output there: on stdout
 * it is said as the stream's error would be, once the write has returned (quietOnClosedPipe).
 */
function descriptorOut(fd: 1 | 2, stream: () => NodeJS.WriteStream): OutStream {
  let closed = false;
  let handOver = false;
  const viaStream = () => handOver || !writesDirect(fd);
  return {
    write(text) {
      if (viaStream()) return stream().write(text);
      if (closed) return false;
      const bytes = Buffer.from(text);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        return true;
      } catch (error) {
        const failure = error as NodeJS.ErrnoException;
        if (failure.code === 'EAGAIN') {
          // From here the stream's failures are said as one never written to directly has them
          // said (quietOnClosedPipe listens to that one from the start).
          handOver = true;
          if (fd === 1 && stdoutFailed) stream().on('error', stdoutFailed);
          return stream().write(bytes.subarray(written));
        }
        closed = true;
        if (fd === 2) return false; // nowhere left to say it
        if (!stdoutFailed) throw error;
        process.nextTick(stdoutFailed, failure);
        return false;
      }
    },
    get isTTY() {
      return viaStream() ? stream().isTTY : false;
    },
    get columns() {
      return viaStream() ? stream().columns : undefined;
    },
    get rows() {
      return viaStream() ? stream().rows : undefined;
    },
  };
}

/**
 * `rel people | head -1`: the reader leaving early is not an error worth a stack trace. Any other
 * failure to write the output (`rel export > /dev/full`, a disk that filled) is said in one line
 * on stderr, exit 1, with what became of a change the command made (`fate`): output is written
 * after the journal, so a confirmation that could not be printed may follow a change that was saved.
 */
export function quietOnClosedPipe(fate: () => string | undefined = () => undefined): void {
  stdoutFailed = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    const said = fate();
    process.stderr.write(
      `rel: could not write the output: ${outputFailure(error)}.${said ? ` ${said}` : ''}\n`,
    );
    process.exit(1);
  };
  // Written to directly, stdout's failures are said by descriptorOut; else by the stream.
  if (!writesDirect(1)) process.stdout.on('error', stdoutFailed);
}

/** "no space left on device (ENOSPC)": the system's words without Node's "write ENOSPC" prefix. */
export function outputFailure(error: NodeJS.ErrnoException): string {
  const words = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1];
  return words && error.code ? `${words} (${error.code})` : error.message;
}
