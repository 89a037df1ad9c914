// The shape of rel's imports, read from the source: no module imports itself through others (a
// type shared by two modules lives in a third that both import, such as src/store/shared-types.ts),
// and what a run loads before its command's code asks for more holds no large library (those
// are imported with import() where used, and the build puts them apart: scripts/build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

interface Edge {
  to: string;
  /** Only types: erased from the program, but still one module leaning on another. */
  typeOnly: boolean;
}

interface Module {
  /** rel's own modules it imports statically (import() aside), as paths under src/. */
  imports: Edge[];
  /** The packages it imports statically, types aside. */
  packages: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** `import … from '…'`, `export … from '…'` and `import '…'`, over several lines when need be. */
const STATIC = /^(import|export)\s+(?:(type)\s+)?(?:([^'";]*?)\s+from\s+)?'([^']+)'/gm;

function readModule(text: string, file: string): Module {
  const imports: Edge[] = [];
  const packages: string[] = [];
  for (const [, , typeWord, clause = '', specifier] of text.matchAll(STATIC)) {
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    const typeOnly =
      typeWord === 'type' ||
      (names !== undefined &&
        names.split(',').filter((n) => n.trim()).length > 0 &&
        names
          .split(',')
          .filter((n) => n.trim())
          .every((n) => /^\s*type\s/.test(n)));
    if (specifier!.startsWith('.')) {
      imports.push({
        to: path.relative(SRC, path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts'))),
        typeOnly,
      });
    } else if (!specifier!.startsWith('node:') && !typeOnly) {
      packages.push(
        specifier!
          .split('/')
          .slice(0, specifier!.startsWith('@') ? 2 : 1)
          .join('/'),
      );
    }
  }
  return { imports, packages };
}

function readGraph(): Map<string, Module> {
  const graph = new Map<string, Module>();
  for (const file of sourceFiles(SRC))
    graph.set(path.relative(SRC, file), readModule(fs.readFileSync(file, 'utf8'), file));
  return graph;
}

/** Every circle of imports, each as the modules around it, the first again at the end. */
function circles(graph: Map<string, Module>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const visit = (name: string) => {
    const at = trail.indexOf(name);
    if (at >= 0) {
      found.push([...trail.slice(at), name]);
      return;
    }
    if (done.has(name) || !graph.has(name)) return;
    trail.push(name);
    for (const edge of graph.get(name)!.imports) visit(edge.to);
    trail.pop();
    done.add(name);
  };
  for (const name of [...graph.keys()].sort()) visit(name);
  return found;
}

/** The modules loaded with `start`, following static imports of code (not of types alone). */
function loadedWith(graph: Map<string, Module>, start: string): Set<string> {
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name) || !graph.has(name)) return;
    seen.add(name);
    for (const edge of graph.get(name)!.imports) if (!edge.typeOnly) walk(edge.to);
  };
  walk(start);
  return seen;
}

/** The packages the build keeps inside a command's program (LIGHT_PACKAGES in scripts/build.mjs). */
function lightPackages(): string[] {
  const build = fs.readFileSync(path.resolve('scripts/build.mjs'), 'utf8');
  const list = /const LIGHT_PACKAGES =\s*\/[^(]*\(([^)]+)\)/.exec(build)?.[1];
  if (!list) throw new Error('no LIGHT_PACKAGES in scripts/build.mjs');
  return list.split('|');
}

describe('the import graph of src/', () => {
  const graph = readGraph();

  it('is read: imports of code, of types, of packages', () => {
    const cli = graph.get('cli.ts')!;
    expect(cli.imports).toContainEqual({ to: 'command-table.ts', typeOnly: false });
    expect(cli.imports).toContainEqual({ to: 'context.ts', typeOnly: true });
    expect(cli.packages).toContain('commander');
    const file = path.join(SRC, 'store/example.ts');
    const read = readModule(
      "import type { A } from './a.js';\nimport {\n  type B,\n  type C,\n} from '../core/b.js';\nimport { type D, e } from './d.js';\nexport type { F } from './f.js';\nimport './g.js';\nimport { z } from 'zod';\nimport type { H } from '@inquirer/core';\n",
      file,
    );
    expect(read.imports).toEqual([
      { to: 'store/a.ts', typeOnly: true },
      { to: 'core/b.ts', typeOnly: true },
      { to: 'store/d.ts', typeOnly: false },
      { to: 'store/f.ts', typeOnly: true },
      { to: 'store/g.ts', typeOnly: false },
    ]);
    expect(read.packages).toEqual(['zod']);
  });

  it('finds a circle, of types alone too', () => {
    const module = (...to: string[]): Module => ({
      imports: to.map((t) => ({ to: t, typeOnly: true })),
      packages: [],
    });
    const made = new Map([
      ['a.ts', module('b.ts')],
      ['b.ts', module('c.ts')],
      ['c.ts', module('a.ts')],
      ['d.ts', module('a.ts')],
    ]);
    expect(circles(made)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has no circle', () => {
    expect(circles(graph).map((circle) => circle.join(' -> '))).toEqual([]);
  });

  it('loads no large library before a command asks for it', () => {
    const light = lightPackages();
    expect(light).toContain('commander');
    const table = fs.readFileSync(path.join(SRC, 'command-table.ts'), 'utf8');
    const commands = [...table.matchAll(/import\('\.\/([^']+)\.js'\)/g)].map((m) => `${m[1]}.ts`);
    expect(commands.length).toBeGreaterThan(30);
    const heavy: string[] = [];
    for (const start of ['dispatch.ts', 'main.ts', ...commands]) {
      expect(graph.has(start), start).toBe(true);
      for (const name of loadedWith(graph, start))
        for (const pkg of graph.get(name)!.packages)
          if (!light.includes(pkg)) heavy.push(`${start} loads ${pkg} (imported by ${name})`);
    }
    expect([...new Set(heavy)]).toEqual([]);
  });
});
