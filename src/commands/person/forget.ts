// rel forget: remove a person and everything about them, from the journal and from every copy
// rel keeps of it (backups, undo data), after a confirmation. Not undoable, by design.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, mayPrompt, openStore, resolvePerson } from '../../context.js';
import { recordsMentioning } from '../../core/mentions.js';
import { displaySafe, plural, shellQuoted } from '../../core/text.js';
import { UsageError } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('forget')
    .description('remove a person and everything about them, from the journal, its backups and undo data')
    .argument('<name>', 'their name, alias or id')
    .option('--yes', 'do not ask for confirmation (needed without a terminal)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
This cannot be undone: rel keeps no copy of what it forgets. Conversations with others too stay
for them, without this person. Copies rel does not keep (exports, a synced git history, your own
backups) are out of its reach; rel forget names them.

Examples:
  $ rel forget "Ben Okafor"
  $ rel forget ben --yes`,
    )
    .action(async (name: string, options: { yes?: boolean; json?: boolean }) => {
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      const label = `${displaySafe(person.name)} (${person.id})`;
      if (!options.yes) {
        if (!mayPrompt(ctx)) {
          throw new UsageError(
            `Forgetting ${label} removes them and everything about them for good; confirm with --yes.`,
            `rel forget ${person.id} --yes`,
          );
        }
        const { askYesNo } = await ctx.prompts();
        const sure = await askYesNo(
          `Forget ${label} and everything about them, here and in rel's backups and undo data? This cannot be undone.`,
          false,
        );
        if (!sure) {
          ctx.io.err('Nothing was forgotten.');
          return;
        }
      }
      const { forgotten, report, otherNames, maybe, links } = await store.forget([person.id]);
      const notReached = outOfReach(store.file);
      // What the user wrote about others stays, and may name them: counted, never copied.
      const mentioned = recordsMentioning(await store.read(), [person.name, ...person.aliases]);
      const result = {
        id: person.id,
        name: person.name,
        removed: forgotten,
        keptCopiesRewritten: report.rewritten,
        keptCopiesRemoved: report.removed,
        undoStepsDropped: report.undoDropped,
        formerPlacesScrubbed: report.former,
        keptCopiesNotScrubbed: report.notScrubbed,
        maybeCopies: maybe,
        otherNames,
        otherLinks: links.count,
        notReached,
        stillMentionedIn: mentioned,
      };
      if (options.json) {
        printJson(ctx.io, result);
        return;
      }
      const t = theme(ctx.io);
      const f = forgotten;
      const lines = [
        `${t.good('Forgot')} ${t.bold(displaySafe(person.name))}: removed ${plural(f.conversations, 'conversation')} and ${plural(f.followUps, 'follow-up')}, with every ambition, skill and note.`,
      ];
      if (f.dismissals)
        lines.push(
          `Removed ${plural(f.dismissals, 'dismissed meeting')} from rel inbox whose ${f.dismissals === 1 ? 'title' : 'titles'} named them.`,
        );
      if (f.sharedKept)
        lines.push(
          `${plural(f.sharedKept, 'conversation')} with others too ${f.sharedKept === 1 ? 'stays' : 'stay'} for them, without ${displaySafe(person.name)}.`,
        );
      const copies = report.rewritten.length + report.removed.length;
      // Where rel looked: beside the journal, and where rel knows it was before a move.
      const looked = report.former.length
        ? `beside this journal and where it was before (${report.former.map((f) => displaySafe(f)).join(', ')})`
        : 'beside this journal';
      lines.push(
        copies
          ? `Scrubbed ${plural(copies, 'copy', 'copies')} rel keeps (backups, undo data) ${looked}${report.undoDropped ? `; ${plural(report.undoDropped, 'undo step')} that touched them ${report.undoDropped === 1 ? 'was' : 'were'} dropped` : ''}.`
          : `rel found no other copies ${looked}.`,
      );
      if (report.notScrubbed.length)
        lines.push(
          t.warn(
            `rel could not scrub what it kept where the journal was before, which still holds them: remove it yourself (rm ${shellArgs(report.notScrubbed)}).`,
          ),
        );
      for (const { place, copies: files } of maybe)
        lines.push(
          t.warn(
            `Beside ${displaySafe(place)}, where a journal was (this one before a move, perhaps, or one removed since), rel kept copies it cannot tell are of this journal: if they are, remove them (rm ${shellArgs(files)}).`,
          ),
        );
      for (const other of otherNames)
        lines.push(
          t.warn(
            `${displaySafe(other)} is another name for this journal's file (a hard link) and still holds them, as the journal was before: rel wrote the journal anew, not through that name. Remove it, or forget them there too (rel forget ${person.id} --store ${shellArgs([other])} --yes).`,
          ),
        );
      const unnamed = links.count - otherNames.length;
      if (unnamed > 0)
        lines.push(
          t.warn(
            `${unnamed === 1 ? 'Another name' : `${unnamed} other names`} for this journal's file (a hard link) still ${unnamed === 1 ? 'holds' : 'hold'} them, as the journal was before: rel wrote the journal anew, and cannot find ${unnamed === 1 ? 'that name' : 'those names'} cheaply. Find ${unnamed === 1 ? 'it' : 'them'} on the journal's disk (find / -xdev -inum ${links.inode ?? '<inode>'}, from the disk's top folder) and remove ${unnamed === 1 ? 'it' : 'them'}, or forget them there too (rel forget ${person.id} --store <that file> --yes).`,
          ),
        );
      if (mentioned)
        lines.push(
          `${plural(mentioned, 'record')} about others still ${mentioned === 1 ? 'names' : 'name'} them (kept, as your words about others): review with rel search "${displaySafe(person.name)}".`,
        );
      lines.push(t.warn("Out of rel's reach (remove them yourself if they exist):"));
      for (const place of notReached) lines.push(`  • ${place}`);
      ctx.io.print(lines.join('\n'));
    });
}

/** Paths quoted for a shell command line, shown safely on a terminal. */
function shellArgs(files: string[]): string {
  return displaySafe(files.map(shellQuoted).join(' '));
}

/** Places a copy may live that rel does not manage. */
function outOfReach(file: string): string[] {
  const places: string[] = [];
  if (fs.existsSync(path.join(path.dirname(file), '.git'))) {
    places.push(
      `the git history of ${path.dirname(file)} and its remotes (rel sync): earlier commits still hold them`,
    );
  }
  places.push(
    'exports you made with rel export, and anything you copied out',
    'your own backups of the journal folder (Time Machine, cloud sync, disk images)',
    // rel learns of a journal's earlier places only from the summaries it kept there (rel due,
    // rel stats of a plain journal), and what its writes recorded of them (former-places.ts).
    'what rel kept beside the journal where it was before a move rel did not see (an encrypted journal, or one moved before rel kept a summary of it there): look there for .<name>.backup-N and .<name>.undo',
  );
  return places;
}
