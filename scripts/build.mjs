// Bundles src/ into dist/ so that `rel` starts by loading one small file; commands and
// heavy libraries (prompts, natural-language dates) become chunks loaded only when used.
import { rmSync } from 'node:fs';
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
