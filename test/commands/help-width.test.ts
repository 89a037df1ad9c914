// Every --help reads well in the terminal it is shown in: no line wider than the terminal, its prose
// wrapped as paragraphs (not broken where the source's lines ended), and its examples whole: one
// line each at 80 columns, and at 60 the same examples, each one continued under its command.
// The table of commands is read, so that a command added later is held to it too.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/command-table.js';
import { visibleWidth } from '../../src/ui/wrap.js';
import { ok } from '../helpers/run.js';

/** The commands a --help lists under "Commands:", help itself left out. */
function subcommands(help: string): string[] {
  const section = /\nCommands:\n([\s\S]*?)(\n\n|$)/.exec(help)?.[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

/** Every help: rel's own, each command's and each command's under it. */
async function everyHelp(): Promise<string[][]> {
  const commands: string[][] = [[]];
  for (const name of Object.keys(COMMANDS)) {
    commands.push([name]);
    const help = await ok([name, '--help'], { env: { COLUMNS: '1000' } });
    for (const sub of subcommands(help)) commands.push([name, sub]);
  }
  return commands;
}

const helpAt = (words: string[], columns: number) =>
  ok([...words, '--help'], { env: { COLUMNS: String(columns) } });

/** The lines of a help's examples. */
function exampleLines(help: string): string[] {
  const block = /\nExamples:\n((?: {2}.*\n?)+)/.exec(help)?.[1] ?? '';
  return block.split('\n').filter(Boolean);
}

/** The examples of a help, each one line however it was laid out (a continuation joined on). */
function examples(help: string): string[] {
  const joined: string[] = [];
  for (const line of exampleLines(help)) {
    if (line.startsWith('  $ ')) joined.push(line.trim());
    else joined.push(`${joined.pop()} ${line.trim()}`);
  }
  return joined.map((example) => example.replace(/ +/g, ' '));
}

/** Where a paragraph of prose was broken before the width made it: the next word fit. */
function raggedBreaks(help: string, width: number): string[] {
  const lines = help.split('\n');
  const prose = (line: string | undefined) => line !== undefined && /^\S/.test(line);
  return lines.flatMap((line, at) => {
    const next = lines[at + 1];
    if (!prose(line) || !prose(next)) return [];
    const word = next!.split(' ')[0]!;
    return visibleWidth(`${line} ${word}`) <= width ? [`${line}⏎${next}`] : [];
  });
}

describe('every --help at 80 and 60 columns', () => {
  it('has no line wider, no paragraph broken early, and every example kept', async () => {
    const problems: string[] = [];
    for (const words of await everyHelp()) {
      const name = `rel ${[...words, '--help'].join(' ')}`;
      const wide = await helpAt(words, 1000);
      for (const width of [80, 60]) {
        const help = await helpAt(words, width);
        for (const line of help.split('\n')) {
          if (visibleWidth(line) > width) problems.push(`${name} at ${width}: too wide: ${line}`);
        }
        for (const text of raggedBreaks(help, width)) problems.push(`${name} at ${width}: broken: ${text}`);
        // At 80 columns each example is its line of the source; narrower, the same words.
        const kept =
          width === 80
            ? JSON.stringify(exampleLines(help)) === JSON.stringify(exampleLines(wide))
            : JSON.stringify(examples(help)) === JSON.stringify(examples(wide));
        if (!kept) problems.push(`${name} at ${width}: examples changed:\n${exampleLines(help).join('\n')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('wraps a paragraph to the width, and an example too wide goes on under its command', async () => {
    expect(await helpAt(['ambition'], 60)).toContain(
      [
        'Statuses are active, achieved and dropped. done, drop,',
        'reopen and step are reserved first words.',
        '',
        'A step is something done or an opportunity given toward an',
        'active ambition; it counts as the ambition coming up. The',
        'last argument is the step, in quotes.',
      ].join('\n'),
    );
    expect(await helpAt(['log'], 60)).toContain(
      ['  $ rel log tom --kind call --asked "band gig"', '    (marks that note asked)'].join('\n'),
    );
  });
});
