// Repeatable options (--tag a --tag b) are collected by one helper, shared/options.ts collect.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/commands/shared/options.js';

function commandFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? commandFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('collect', () => {
  it('gathers every value of a repeated option, in order, with or without a default', () => {
    const program = new Command()
      .exitOverride()
      .option('--tag <tag>', 'a tag', collect)
      .option('--alias <alias>', 'an alias', collect, []);
    program.parse(['--tag', 'a', '--tag', 'b', '--alias', 'x'], { from: 'user' });
    expect(program.opts()).toEqual({ tag: ['a', 'b'], alias: ['x'] });
    expect(
      new Command().option('--tag <tag>', 'a tag', collect).parse([], { from: 'user' }).opts().tag,
    ).toBeUndefined();
  });

  it('is the only one: no command writes its own', () => {
    const own = commandFiles(path.resolve('src/commands'))
      .filter((file) => !file.endsWith(path.join('shared', 'options.ts')))
      .filter((file) =>
        /\(\s*\w+: string,\s*\w+: string\[\][^)]*\)\s*=>\s*\[\.\.\.\w+, \w+\]/.test(
          fs.readFileSync(file, 'utf8'),
        ),
      );
    expect(own.map((file) => path.relative(process.cwd(), file))).toEqual([]);
  });
});
