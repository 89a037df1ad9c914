// Bundles src/ into dist/ so that `rel` starts by loading one small file; commands and
// heavy libraries (prompts, natural-language dates) become chunks loaded only when used.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  chunkNames: 'chunks/[name]-[hash]',
  // commander is CommonJS: its require() calls need a require in ESM scope.
  banner: { js: "import{createRequire as __rel_cr}from'module';const require=__rel_cr(import.meta.url);" },
  logLevel: 'warning',
});

// The help line of every command, so that `rel --help` lists them all without loading them.
const { commandSummaries } = await import(new URL('../dist/main.js', import.meta.url).href);
writeFileSync(
  new URL('../dist/commands.json', import.meta.url),
  `${JSON.stringify(await commandSummaries())}\n`,
);
