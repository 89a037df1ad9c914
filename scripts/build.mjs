// Bundles src/ into dist/ in two forms (see "Start-up" in the README's design notes):
// - the full program, dist/full.js: every command and heavy library (prompts, natural-language
//   dates) a chunk of its own, loaded only when used;
// - the program of each command, dist/run/<command>.js: that command's code and all of rel's that
//   it uses in one file, with only the large libraries, prompts and the unlock agent apart;
// and the launcher, dist/main.js, which picks one of them for the command line.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

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

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

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
  plugins: [lazyChildProcess],
  logLevel: 'warning',
  // `rel --version` is package.json's version, not a second copy of it in the source.
  define: { REL_VERSION: JSON.stringify(version) },
};

// Twice: the first build tells the help line of every command, which the second compiles in, so
// that `rel --help` lists them all without loading them (and without reading a file for them).
const dist = new URL('../dist', import.meta.url);
rmSync(dist, { recursive: true, force: true });
await build({
  ...options,
  define: { ...options.define, REL_COMMAND_SUMMARIES: 'undefined', REL_ONLY_COMMAND: 'undefined' },
});
const { commandSummaries, globalValuedOptions } = await import(
  new URL('../dist/full.js', import.meta.url).href
);
const commands = await commandSummaries();
const summaries = JSON.stringify(commands);
const valued = await globalValuedOptions();
rmSync(dist, { recursive: true, force: true });
const full = await build({
  ...options,
  metafile: true,
  define: { ...options.define, REL_COMMAND_SUMMARIES: summaries, REL_ONLY_COMMAND: 'undefined' },
});

/**
 * What stays a separate, lazily loaded chunk in a command's program: a module that needs, itself
 * or through what it imports, a library or node module outside these (which every command's
 * start-up loads anyway, or which are small). A new dependency is kept apart until listed here.
 */
const LIGHT_PACKAGES =
  /[\\/]node_modules[\\/](commander|chalk|string-width|strip-ansi|ansi-regex|emoji-regex|get-east-asian-width|date-fns|lowdb|steno|fastest-levenshtein)[\\/]/;
const LIGHT_BUILTINS = new Set(
  ['fs', 'fs/promises', 'path', 'os', 'crypto', 'url', 'util', 'buffer', 'module', 'events', 'process'].map(
    (name) => `node:${name}`,
  ),
);
const inputs = full.metafile.inputs;
const heavyMemo = new Map();
function heavy(file) {
  if (heavyMemo.has(file)) return heavyMemo.get(file);
  heavyMemo.set(file, false); // a cycle adds nothing
  let result = /[\\/]node_modules[\\/]/.test(file) && !LIGHT_PACKAGES.test(file);
  for (const edge of inputs[file]?.imports ?? []) {
    if (result) break;
    if (edge.kind === 'dynamic-import' || edge.path.startsWith('lazy:')) continue;
    if (edge.external) result = edge.path.startsWith('node:') && !LIGHT_BUILTINS.has(edge.path);
    else result = heavy(edge.path);
  }
  heavyMemo.set(file, result);
  return result;
}

/**
 * In a command's program, rel's own modules that are loaded on demand in the full program (the
 * store, settings, the notices) are imported at the start instead: the command uses them, and one
 * file reads faster than many. Only the heavy ones stay `import()`.
 */
const joinLight = {
  name: 'join-light',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const hoisted = [];
      const contents = source.replace(/\bimport\('(\.{1,2}\/[^']+)\.js'\)/g, (call, target) => {
        const file = path.resolve(path.dirname(args.path), `${target}.ts`);
        const key = path.relative(process.cwd(), file);
        if (!existsSync(file) || heavy(key)) return call;
        const name = `__rel_joined${hoisted.length}`;
        hoisted.push(`import * as ${name} from '${target}.js';`);
        return `Promise.resolve(${name})`;
      });
      return { contents: `${hoisted.join('')}${contents}`, loader: 'ts' };
    });
  },
};

/** The command table of one command's program: that command, imported at the start. */
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
 * The large libraries that many commands' programs use, built once into dist/vendor/ and imported
 * from there by every program, rather than a copy in each (rel's own code is never shared this
 * way: a program must have one copy of its errors and settings). Libraries of ES modules only,
 * whose named exports `export *` passes on unchanged.
 */
const VENDOR = ['@inquirer/core', '@inquirer/prompts', 'zod', 'chrono-node'];
const vendorFile = (name) => `${name.replace(/^@/, '').replace(/\//g, '-')}.js`;
await build({
  ...options,
  entryPoints: VENDOR.map((name) => ({ in: `vendor:${name}`, out: vendorFile(name).slice(0, -3) })),
  outdir: 'dist/vendor',
  chunkNames: '[name]-[hash]',
  define: {},
  plugins: [
    {
      name: 'vendor-entries',
      setup(build) {
        build.onResolve({ filter: /^vendor:/ }, (args) => ({
          path: args.path.slice(7),
          namespace: 'vendor',
        }));
        build.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
          contents: `export * from '${args.path}';`,
          resolveDir: process.cwd(),
          loader: 'js',
        }));
      },
    },
  ],
});
const fromVendor = {
  name: 'from-vendor',
  setup(build) {
    const names = new RegExp(`^(${VENDOR.map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter: names }, (args) => ({
      path: `../vendor/${vendorFile(args.path)}`,
      external: true,
    }));
  },
};

// The programs of one command each, and '' for the program with none (help, the version). They
// share one folder: a chunk that two of them have alike has the same name and bytes.
const run = new URL('../dist/run/', import.meta.url);
mkdirSync(run, { recursive: true });
const programs = {};
for (const name of ['', ...commands.map((c) => c.name).filter((n) => n !== '__complete')]) {
  const out = name || 'rel';
  const result = await build({
    ...options,
    entryPoints: [{ in: 'src/main.ts', out }],
    outdir: 'dist/run',
    chunkNames: '[name]-[hash]',
    write: false,
    define: { ...options.define, REL_COMMAND_SUMMARIES: summaries, REL_ONLY_COMMAND: JSON.stringify(name) },
    // The program without a command keeps rel's own modules on demand: `rel --help` needs none.
    plugins: [lazyChildProcess, fromVendor, onlyCommand(name), ...(name ? [joinLight] : [])],
  });
  for (const file of result.outputFiles) {
    if (existsSync(file.path) && !readFileSync(file.path).equals(Buffer.from(file.contents))) {
      throw new Error(`build: two programs made ${file.path} with different contents`);
    }
    writeFileSync(file.path, file.contents);
  }
  const summary = commands.find((c) => c.name === name);
  for (const word of summary ? [name, ...summary.aliases] : ['']) programs[word] = `run/${out}.js`;
}

await build({
  ...options,
  entryPoints: [{ in: 'src/dispatch.ts', out: 'main' }],
  splitting: false,
  banner: {},
  plugins: [],
  define: { REL_LAUNCH: JSON.stringify({ programs, valued }) },
});
