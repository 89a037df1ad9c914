// Bundles src/ into dist/ so that `rel` starts by loading one small file; commands and
// heavy libraries (prompts, natural-language dates) become chunks loaded only when used.
import { readFileSync, rmSync } from 'node:fs';
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
    { in: 'src/main.ts', out: 'main' },
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
await build({ ...options, define: { ...options.define, REL_COMMAND_SUMMARIES: 'undefined' } });
const { commandSummaries } = await import(new URL('../dist/main.js', import.meta.url).href);
const summaries = JSON.stringify(await commandSummaries());
rmSync(dist, { recursive: true, force: true });
await build({ ...options, define: { ...options.define, REL_COMMAND_SUMMARIES: summaries } });
