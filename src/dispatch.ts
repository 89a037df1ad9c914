// The launcher that bin/rel.js runs (built as CommonJS, dist/main.cjs). It reads which command the
// arguments ask for and runs the program built for that command alone: dist/run/<command>.cjs holds
// the command's code and all of rel's that it uses in one CommonJS file (the large libraries are
// apart, in dist/vendor/, required when needed), compiled from V8's code cache that the build made
// beside it, so that `rel due` neither resolves forty ES modules nor compiles what it runs. Anything
// else (an unknown word, completion) goes to the full program, dist/full.js, an ES module whose
// commands load when run. See "Start-up" in the README's design notes.
// Named imports: esbuild copies the whole module for a default import into CommonJS.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { isListing, requestedCommand } from './argv.js';
import { type SetV8Flags, v8FlagsFromBinding } from './v8-flags.js';

interface Launch {
  /** Each command's name and aliases, and '' for none (`rel --version`, `rel --bogus`): its program's file. */
  programs: Record<string, string>;
  /** The program of the top-level help alone (`rel`, `rel --help`): see src/help-listing.ts. */
  listing: string;
  /** The global options that take a value (`--store <file>`). */
  valued: string[];
}

/** Put in by scripts/build.mjs. */
declare const REL_LAUNCH: Launch;

interface Program {
  main(argv: string[]): Promise<number>;
}

export async function main(argv: string[]): Promise<number> {
  if (isListing(argv)) {
    // A small file, required as it is: a code cache would cost more to read than it spares.
    const listing: { main(): Promise<number | undefined> } = require(join(__dirname, REL_LAUNCH.listing));
    const code = await listing.main();
    if (code !== undefined) return code;
  }
  const word = requestedCommand(argv, new Set(REL_LAUNCH.valued)) ?? '';
  if (Object.hasOwn(REL_LAUNCH.programs, word))
    return runProgram(join(__dirname, REL_LAUNCH.programs[word]!)).main(argv);
  const full: Program = await import(pathToFileURL(join(__dirname, 'full.js')).href);
  return full.main(argv);
}

/**
 * A program's text is run as the body of this function, as Node runs a CommonJS module, with two
 * more names: the program's own URL (its `import.meta.url`) and an `import()` of the launcher's, for
 * the full program (code compiled by Script may not call `import()` itself without an
 * experimental option in Node 20). The build makes the code cache of exactly this text.
 */
const WRAPPER = [
  '(function (exports, require, module, __filename, __dirname, __rel_url, __rel_import) {',
  '\n})',
] as const;

/**
 * The code cache file: MAGIC, then the key of the program it was made from, then V8's data. The
 * key is the last line of the program (`//rel-program <sha-256 of the rest>`, written by the
 * build), so that a cache left from another build of the program is never used for this one.
 */
const MAGIC = 'rel-code-cache 1\n';
const KEY_LINE = /\n\/\/rel-program ([0-9a-f]{64})\n$/;

/** Where the code cache of a program is kept: beside it. */
export function cachePath(program: string): string {
  return program.replace(/\.cjs$/, '.cache');
}

export type CacheUse = 'used' | 'missing' | 'invalid' | 'rejected';

/**
 * Compiles a program from its code cache when there is one and V8 accepts it; else from its text
 * alone, which gives the same program (a cache only spares the compiling). V8 takes a cache made by
 * the same V8 with the same flags for a text of the same length, and rejects any other. Node 20's
 * V8 checks the cache's own checksum only under --verify-snapshot-checksum (a corrupt cache can
 * otherwise crash it or run other code), so that flag is on while the cache is read, and set back
 * at once: while it is on, V8 also refuses Node's own built-in code cache. Never writes anything.
 */
export function compileProgram(file: string): { script: Script; cache: CacheUse } {
  const source = readFileSync(file, 'utf8');
  const code = WRAPPER[0] + source + WRAPPER[1];
  const data = readCache(file, source);
  if (data === 'missing' || data === 'invalid')
    return { script: new Script(code, { filename: file }), cache: data };
  setV8Flags('--verify-snapshot-checksum');
  try {
    const script = new Script(code, { filename: file, cachedData: data });
    return { script, cache: script.cachedDataRejected ? 'rejected' : 'used' };
  } finally {
    setV8Flags('--no-verify-snapshot-checksum');
  }
}

let v8Flags: SetV8Flags | undefined;

/** Sets V8's flags (see v8-flags.ts); node:v8's setFlagsFromString where the binding is gone. */
function setV8Flags(flags: string): void {
  v8Flags ??= v8FlagsFromBinding() ?? (require('node:v8') as typeof import('node:v8')).setFlagsFromString;
  v8Flags(flags);
}

function readCache(file: string, source: string): Buffer | 'missing' | 'invalid' {
  let data: Buffer;
  try {
    data = readFileSync(cachePath(file));
  } catch {
    return 'missing';
  }
  const key = KEY_LINE.exec(source)?.[1];
  const header = MAGIC + (key ?? '');
  if (!key || data.length <= header.length || data.toString('latin1', 0, header.length) !== header)
    return 'invalid';
  return data.subarray(header.length);
}

/** Runs a compiled program's text, as Node runs a CommonJS module, and returns its exports. */
export function runScript(script: Script, file: string): Program {
  const module = { exports: {} as Program };
  const body = script.runInThisContext();
  const load = (specifier: string) => import(specifier);
  body.call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    pathToFileURL(file).href,
    load,
  );
  return module.exports;
}

function runProgram(file: string): Program {
  return runScript(compileProgram(file).script, file);
}

/**
 * For the build (scripts/build.mjs, in a process of its own): runs the program with each of these
 * command lines (its --help: what every run of it compiles, at the least; a report's table too),
 * and then writes its code cache, which then holds the functions that ran
 * compiled as well as the top level.
 */
export async function writeCodeCache(file: string, key: string, runs: string[][]): Promise<void> {
  const { script } = compileProgram(file);
  const program = runScript(script, file);
  // A run that fails (the demo journal no longer has the person a run names) would leave its
  // command's code out of the cache without a word: the build stops instead. What the runs print
  // goes to the build's pipe, which throws it away.
  for (const argv of runs) {
    const code = await program.main(argv);
    if (code !== 0)
      throw new Error(`code cache: rel ${argv.join(' ')} exited ${code}; fix the run in scripts/build.mjs`);
  }
  // The cache carries V8's flags; it is read with this one on (compileProgram).
  setV8Flags('--verify-snapshot-checksum');
  const data = script.createCachedData();
  setV8Flags('--no-verify-snapshot-checksum');
  writeFileSync(cachePath(file), Buffer.concat([Buffer.from(MAGIC + key, 'latin1'), data]));
}
