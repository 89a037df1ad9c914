// Every command's --help ends in examples, and so does every command under it (rel todo add, rel
// config set, ...): the table of commands is read, so that a command added later needs some too.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/command-table.js';
import { ok } from '../helpers/run.js';

/** The commands a --help lists under "Commands:", help itself left out. */
function subcommands(help: string): string[] {
  const section = /\nCommands:\n([\s\S]*?)(\n\n|$)/.exec(help)?.[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

function expectExamples(help: string, words: string[]): void {
  const examples = /\nExamples:\n((?: {2}\$ .*\n?)+)/.exec(help)?.[1];
  expect(examples, `rel ${words.join(' ')} --help has no examples`).toBeDefined();
  expect(examples, `rel ${words.join(' ')} --help`).toContain(`$ rel ${words[0]}`);
}

describe('every command has examples in its help', () => {
  it.each(Object.keys(COMMANDS))('rel %s --help, and each command under it', async (name) => {
    const help = await ok([name, '--help'], { env: { COLUMNS: '200' } });
    expectExamples(help, [name]);
    for (const sub of subcommands(help)) {
      expectExamples(await ok([name, sub, '--help'], { env: { COLUMNS: '200' } }), [name, sub]);
    }
  });
});
