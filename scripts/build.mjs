// Bundles src/ into dist/ in two forms (see "Start-up" in the README's design notes):
// - the full program, dist/full.js, ES modules: every command and heavy library (prompts,
//   natural-language dates) a chunk of its own, loaded only when used;
// - the program of each command, dist/run/<command>.cjs, CommonJS: that command's code and all of
//   rel's that it uses in one file, with the large libraries apart in dist/vendor/, and beside it
//   V8's code cache of it, dist/run/<command>.cache;
// and the launcher, dist/main.cjs, which picks one of them for the command line.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { languageKey } from './language-key.mjs';

/**
 * commander loads node:child_process as it loads (several milliseconds of every start-up here),
 * but uses it only to run git-style executable subcommands, which rel does not have. It gets a
 * stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let real; module.exports = { spawn: (...args) => (real ??= require('node:child_process')).spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * The English model's data (about 3.7 MB of JSON) stays JSON, in dist/models/, required when the
 * language loads: bundled, it is a JavaScript object literal that V8 must parse and compile (about
 * 90 ms of every pulse that starts the language on this machine), where Node's require of a .json
 * file is one JSON.parse, several times faster, of the same values. From dist/chunks/ (the worker's
 * chunk) and dist/vendor/ (the command program's), ../models/ is the same folder.
 */
const modelAsJson = {
  name: 'model-as-json',
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]wink-eng-lite-web-model[\\/]/.test(args.importer)) return undefined;
      // Already the file in dist/models/ (freshModel's).
      if (args.path.startsWith('../models/')) return { path: args.path, external: true };
      const file = path.join(args.resolveDir, args.path);
      const name = path.basename(file);
      mkdirSync(new URL('../dist/models/', import.meta.url), { recursive: true });
      copyFileSync(file, new URL(`../dist/models/${name}`, import.meta.url));
      return { path: `../models/${name}`, external: true };
    });
  },
};

/**
 * The English model's reader copies the model it required (JSON.stringify, then JSON.parse: two
 * more passes over 3 MB, each longer than reading it) so that every reading starts from the data
 * as shipped. Here each reading parses the file afresh instead: the same values (JSON with no
 * `-0`, which alone a copy would change; the build checks), at a third of the cost. The build
 * fails if the reader no longer reads as expected, rather than shipping it unchanged.
 */
const MODEL_REQUIRE = 'const originalModel=require("./languages/cur/models/eng-core-web-model.json")';
const MODEL_COPY = 'JSON.parse(JSON.stringify(originalModel))';
const freshModel = {
  name: 'fresh-model',
  setup(build) {
    build.onLoad({ filter: /[\\/]wink-eng-lite-web-model[\\/]dist[\\/]read-core-model\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const data = path.join(path.dirname(args.path), 'languages/cur/models/eng-core-web-model.json');
      if (source.split(MODEL_REQUIRE).length !== 2 || source.split(MODEL_COPY).length !== 2)
        throw new Error(`build: ${args.path} no longer reads its model as scripts/build.mjs expects`);
      if (/(?<![\d.eE])-0(?![\d.])/.test(readFileSync(data, 'utf8')))
        throw new Error(`build: ${data} holds a -0, which a parse keeps and a copy does not`);
      mkdirSync(new URL('../dist/models/', import.meta.url), { recursive: true });
      copyFileSync(data, new URL('../dist/models/eng-core-web-model.json', import.meta.url));
      const file = 'require.resolve("../models/eng-core-web-model.json")';
      return {
        contents: source
          .replace(MODEL_REQUIRE, 'const originalModel=null')
          .replace(MODEL_COPY, `JSON.parse(require("fs").readFileSync(${file},"utf8"))`),
        loader: 'js',
      };
    });
  },
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * chalk asks supports-color, as it loads, whether stdout and stderr are terminals (for its default
 * instance), and supports-color requires node:tty for it, which loads node:net and Node's streams:
 * about 30 modules and 2-3 ms of every command that prints through a pipe or into a file, which
 * writes to its descriptor without them (src/ui/io.ts). rel never asks chalk: it decides the level
 * itself and tells chalk (src/ui/theme.ts). Here chalk's question gets the answer "no colour"
 * without asking.
 */
const chalkTold = {
  name: 'chalk-told',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer)
        ? { path: 'supports-color', namespace: 'chalk-told' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'chalk-told' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

const options = {
  // The pulse's worker thread and the unlock agent are entries of their own: each is started
  // from a file, not imported. Their output paths are named so that the chunk that starts one
  // finds it at ../report/ or ../store/.
  entryPoints: [
    { in: 'src/main.ts', out: 'full' },
    { in: 'src/commands/report/pulse-worker.ts', out: 'report/pulse-worker' },
    { in: 'src/store/agent-process.ts', out: 'store/agent-process' },
  ],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Names are kept, so that the stack trace of a bug still reads.
  minifySyntax: true,
  minifyWhitespace: true,
  chunkNames: 'chunks/[name]-[hash]',
  // commander is CommonJS: its require() calls need a require in ESM scope.
  banner: { js: "import{createRequire as __rel_cr}from'module';const require=__rel_cr(import.meta.url);" },
  plugins: [lazyChildProcess, chalkTold, modelAsJson, freshModel],
  logLevel: 'warning',
  // `rel --version` is package.json's version, not a second copy of it in the source.
  define: { REL_VERSION: JSON.stringify(version), REL_LANGUAGE_KEY: JSON.stringify(languageKey()) },
};

// Twice: the first build tells the help line of every command, which the second compiles in, so
// that `rel --help` lists them all without loading them (and without reading a file for them).
const dist = new URL('../dist', import.meta.url);
rmSync(dist, { recursive: true, force: true });
await build({
  ...options,
  define: {
    ...options.define,
    REL_COMMAND_SUMMARIES: 'undefined',
    REL_ONLY_COMMAND: 'undefined',
    REL_HELP_LISTING: 'undefined',
  },
});
const { commandSummaries, globalValuedOptions, helpListing } = await import(
  new URL('../dist/full.js', import.meta.url).href
);
const commands = await commandSummaries();
const summaries = JSON.stringify(commands);
const valued = await globalValuedOptions();
const listing = JSON.stringify(await helpListing());
rmSync(dist, { recursive: true, force: true });
await build({
  ...options,
  define: {
    ...options.define,
    REL_COMMAND_SUMMARIES: summaries,
    REL_ONLY_COMMAND: 'undefined',
    REL_HELP_LISTING: 'undefined',
  },
});

/** The command table of one command's program: that command alone (none for '', `rel --help`). */
function onlyCommand(name) {
  const source = readFileSync(new URL('../src/command-table.ts', import.meta.url), 'utf8');
  const line = name && new RegExp(`^  '?${name}'?: \\(\\) => import\\('([^']+)'\\),$`, 'm').exec(source);
  if (name && !line) throw new Error(`build: no line for ${name} in src/command-table.ts`);
  return {
    name: 'only-command',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]command-table\.ts$/ }, () => ({
        contents: line
          ? `import * as only from '${line[1]}'; export const COMMANDS = { ${JSON.stringify(name)}: async () => only };`
          : 'export const COMMANDS = {};',
        loader: 'ts',
        resolveDir: path.resolve('src'),
      }));
    },
  };
}

/**
 * The libraries that a command's program holds in itself: those that every start-up loads anyway,
 * or small ones. Any other (prompts, zod, chrono-node, the calendar and language libraries) is
 * built once into dist/vendor/ and required from there when the code that uses it runs. A new
 * dependency goes to dist/vendor/ until listed here.
 */
const LIGHT_PACKAGES =
  /[\\/]node_modules[\\/](commander|chalk|string-width|strip-ansi|ansi-regex|emoji-regex|get-east-asian-width|date-fns|lowdb|steno|fastest-levenshtein)[\\/]/;
const vendorFile = (specifier) => `${specifier.replace(/^@/, '').replace(/\//g, '-')}.cjs`;
/** The import specifiers of the libraries in dist/vendor/, as the programs' builds meet them. */
const vendored = new Set();
/** In a program, a library outside LIGHT_PACKAGES is required from dist/vendor/. */
const toVendor = {
  name: 'to-vendor',
  setup(build) {
    build.onResolve({ filter: /^[@a-z]/ }, async (args) => {
      if (args.pluginData?.vendor || args.path.startsWith('node:')) return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { vendor: true },
      });
      if (found.errors.length > 0 || !/[\\/]node_modules[\\/]/.test(found.path)) return undefined;
      if (LIGHT_PACKAGES.test(found.path) || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
      vendored.add(args.path);
      return { path: `../vendor/${vendorFile(args.path)}`, external: true };
    });
  },
};

/**
 * Code compiled by vm.Script cannot call `import()` in Node 20 without an experimental option: the
 * one `import()` of rel's that is not bundled (the full program's, src/cli.ts) calls the launcher's
 * instead (see WRAPPER in src/dispatch.ts). Every other `import()` is bundled into the program.
 */
const launcherImport = {
  name: 'launcher-import',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/\bimport\((?=\s*new URL\()/g, '__rel_import('),
      loader: 'ts',
    }));
  },
};

/**
 * One module for each of node's own modules in a program, which every module of rel's imports
 * from. esbuild gives each module that default-imports `node:fs` its own copy of fs's exports
 * (`__toESM`, a getter for each of about a hundred names): forty such copies cost `rel due`
 * several milliseconds at every start. Here each is made once.
 */
const sharedBuiltins = {
  name: 'shared-builtins',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === 'builtin' || args.kind === 'require-call'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: LAZY_BUILTINS.has(args.path)
        ? lazyBuiltin(args.path)
        : `export * from ${JSON.stringify(args.path)}; export default require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Node's modules that a program loads on first use rather than as it starts: node:crypto (17
 * modules of Node's own, several milliseconds of every start) serves writes, encryption and
 * digests of whole texts, none of which a command that only reads needs (the short digests that
 * name state files are src/core/sha256.ts's). node:child_process (node:net, the streams, dgram:
 * 30 modules) starts the pager, an editor, git and the unlock agent, which a report printed into a
 * pipe or a file never does.
 */
const LAZY_BUILTINS = new Set(['node:crypto', 'node:child_process']);

/**
 * A module with the plain functions of a built-in, each loading it at its first call. Only those:
 * importing anything else (a class, a constant, the default) from it fails the build, rather than
 * breaking when run.
 */
function lazyBuiltin(specifier) {
  const real = createRequire(import.meta.url)(specifier);
  const names = Object.keys(Object.getOwnPropertyDescriptors(real)).filter((name) => {
    const { value } = Object.getOwnPropertyDescriptor(real, name);
    return typeof value === 'function' && /^[a-z]/.test(name);
  });
  const load = `(real ??= require(${JSON.stringify(specifier)}))`;
  return `let real;\n${names.map((name) => `export function ${name}(...args) { return ${load}.${name}(...args); }`).join('\n')}\n`;
}

/** Options for CommonJS, which the launcher compiles from its code cache. */
const cjs = {
  bundle: true,
  format: 'cjs',
  platform: options.platform,
  target: options.target,
  minifySyntax: true,
  minifyWhitespace: true,
  logLevel: options.logLevel,
  // `import.meta.url` is the program's own URL, which the launcher passes in.
  define: { ...options.define, 'import.meta.url': '__rel_url' },
  // The lazy `import()` of a module bundled in is kept lazy, as a require when first called.
  supported: { 'dynamic-import': false },
};

/**
 * The reports whose code cache is made after a run of their table and their --json too (on the
 * demo journal), so that the reading, the report and the renderer are compiled in it: made after
 * --help alone, every run compiled them afresh, and a table more of them than its --json.
 */
const TABLE_RUNS = Object.fromEntries(
  [['due'], ['people'], ['todo'], ['stats'], ['profile', 'ana']].map((line) => [
    line[0],
    [line, [...line, '--json']],
  ]),
);

/**
 * The writing commands whose code cache is made after runs of the change itself too: a rel log
 * reads, tracks and writes through code that its --help never runs, and every log compiled it
 * afresh. Twice, so that the second reads a journal rel wrote itself, as every later log does. On
 * a copy of the demo journal of their own (WRITTEN, from the scratch folder), so that the tables
 * made in the same build read the demo journal as it is.
 */
const WRITTEN = 'written/journal.json';
const WRITE_RUNS = {
  log: [
    ['log', 'ana', '--no-input', '--kind', 'call', '--store', WRITTEN],
    ['log', 'ana', '--no-input', '--kind', 'coffee', '--note', 'The roadmap.', '--store', WRITTEN],
  ],
};

// The programs of one command each, and '' for the program with none (help, the version).
const programs = {};
const programFiles = [];
for (const name of ['', ...commands.map((c) => c.name).filter((n) => n !== '__complete')]) {
  const out = `run/${name || 'rel'}.cjs`;
  const result = await build({
    ...cjs,
    entryPoints: ['src/main.ts'],
    outfile: `dist/${out}`,
    write: false,
    define: { ...cjs.define, REL_COMMAND_SUMMARIES: summaries, REL_ONLY_COMMAND: JSON.stringify(name) },
    plugins: [lazyChildProcess, chalkTold, sharedBuiltins, toVendor, onlyCommand(name), launcherImport],
  });
  const [file] = result.outputFiles;
  const text = file.text;
  if (/(?<![\w$.])import\(/.test(text))
    throw new Error(`build: ${out} calls import(), which vm.Script cannot`);
  // The key that ties a code cache to this very text (see KEY_LINE in src/dispatch.ts).
  const key = createHash('sha256').update(text).digest('hex');
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, `${text}//rel-program ${key}\n`);
  programFiles.push({
    file: file.path,
    key,
    runs: [name ? [name, '--help'] : ['--help'], ...(TABLE_RUNS[name] ?? []), ...(WRITE_RUNS[name] ?? [])],
  });
  const summary = commands.find((c) => c.name === name);
  for (const word of summary ? [name, ...summary.aliases] : ['']) programs[word] = out;
}
// The top-level help's own program, without commander: the listing compiled in (see
// src/help-listing.ts). Small, and required as it is, without a code cache. What it imports
// reaches commander only through errors.ts's `instanceof CommanderError`, which no error of this
// program can be: a class of its own stands in.
const noCommander = {
  name: 'no-commander',
  setup(build) {
    build.onResolve({ filter: /^commander$/ }, () => ({ path: 'commander', namespace: 'no-commander' }));
    build.onLoad({ filter: /.*/, namespace: 'no-commander' }, () => ({
      contents: 'export class CommanderError extends Error {}',
      loader: 'js',
    }));
  },
};
const listingProgram = 'listing.cjs';
const listingBuild = await build({
  ...cjs,
  entryPoints: ['src/help-listing.ts'],
  outfile: `dist/${listingProgram}`,
  define: { ...options.define, REL_HELP_LISTING: listing },
  plugins: [noCommander, sharedBuiltins, toVendor],
  metafile: true,
});
const listingText = readFileSync(`dist/${listingProgram}`, 'utf8');
if (
  /__rel_url|(?<![\w$.])import\(/.test(listingText) ||
  Object.keys(listingBuild.metafile.inputs).some((i) => /node_modules[\\/]commander/.test(i))
)
  throw new Error(`build: ${listingProgram} holds commander, import.meta or import()`);

// The libraries in dist/vendor/, one file each; one that imports another requires its file.
const vendorNames = new RegExp(`^(${[...vendored].map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})$`);
// A library with a default export (or one of CommonJS only) is its CommonJS build, as Node itself
// would give it to rel's modules (esbuild, like Node, takes `module.exports` as the default of
// CommonJS). One with named exports alone is built from its ES modules, which esbuild joins into
// one scope: smaller, and quicker to load, than its CommonJS build, each file of which would be a
// function of its own (chrono-node: 361 KB against 551 KB, zod 591 KB against 715 KB).
const vendorToVendor = {
  name: 'vendor-to-vendor',
  setup(build) {
    build.onResolve({ filter: vendorNames }, (args) =>
      args.importer === '<stdin>' ? undefined : { path: `./${vendorFile(args.path)}`, external: true },
    );
  },
};
async function hasDefault(specifier) {
  const probe = { contents: `export { default } from ${JSON.stringify(specifier)};`, resolveDir: '.' };
  return build({ ...cjs, stdin: probe, write: false, define: {}, logLevel: 'silent' }).then(
    () => true,
    () => false,
  );
}
for (const specifier of vendored) {
  const name = JSON.stringify(specifier);
  await build({
    ...cjs,
    stdin: {
      contents: (await hasDefault(specifier))
        ? `module.exports = require(${name});`
        : `export * from ${name};`,
      resolveDir: '.',
      loader: 'js',
    },
    outfile: `dist/vendor/${vendorFile(specifier)}`,
    define: {},
    // sentiment's require of its languages by a computed name finds nothing to bundle, and needs none.
    logOverride: { 'empty-glob': 'silent' },
    plugins: [vendorToVendor, modelAsJson, freshModel],
  });
}

await build({
  ...cjs,
  entryPoints: ['src/dispatch.ts'],
  outfile: 'dist/main.cjs',
  // Its import() of the full program (an ES module) stays one.
  supported: {},
  plugins: [],
  define: { REL_LAUNCH: JSON.stringify({ programs, listing: listingProgram, valued }) },
});

// The code cache of each program, made by the launcher itself, in processes of their own, each
// program run first (its --help, and a report's table) so that what that compiles is in the cache
// too. With no NODE_OPTIONS: a cache carries V8's flags, and is taken only by a node started with
// the same. No setting of the developer's reaches those runs, and they read and write nothing but
// dist/run/ and a scratch folder (the demo journal, its state), removed afterwards.
const scratch = mkdtempSync(path.join(tmpdir(), 'rel-build-'));
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(NODE_OPTIONS|REL_|XDG_|COLUMNS$)/.test(k)),
);
Object.assign(env, {
  // The tables laid out at a width, as in a terminal or with $COLUMNS, so that the code fitting
  // their lines to it is compiled into the cache too, whatever the shell that builds sets.
  COLUMNS: '80',
  REL_STORE: path.join(scratch, 'journal.json'),
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
  XDG_STATE_HOME: path.join(scratch, 'state'),
});
const launcher = new URL('../dist/main.cjs', import.meta.url).pathname;
// The journal that the tables of TABLE_RUNS show: rel demo's, in the scratch store.
await promisify(execFile)(process.execPath, [new URL('../bin/rel.js', import.meta.url).pathname, 'demo'], {
  env,
  cwd: scratch,
});
mkdirSync(path.join(scratch, path.dirname(WRITTEN)), { mode: 0o700 });
copyFileSync(path.join(scratch, 'journal.json'), path.join(scratch, WRITTEN));
const workers = Math.max(1, Math.min(4, cpus().length));
const batches = Array.from({ length: workers }, (_, i) => programFiles.filter((_, j) => j % workers === i));
try {
  await Promise.all(
    batches.map((batch) =>
      promisify(execFile)(
        process.execPath,
        [
          '-e',
          `const { writeCodeCache } = require(${JSON.stringify(launcher)});
(async () => { for (const p of ${JSON.stringify(batch)}) await writeCodeCache(p.file, p.key, p.runs); })();`,
        ],
        { env, cwd: scratch, maxBuffer: 1 << 26 },
      ),
    ),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
