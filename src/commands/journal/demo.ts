// rel demo: fills an empty journal with a sample team, so that every report has something to show.
import type { Command } from 'commander';
import { type Context, openStore } from '../../context.js';
import { demoJournal, holdsData } from '../../core/demo.js';
import type { Journal } from '../../core/journal.js';
import { plural, shellWord } from '../../core/text.js';
import { StoreError } from '../../errors.js';
import { theme } from '../../ui/theme.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('demo')
    .description('fill an empty journal with a sample team and six months of conversations, to explore rel')
    .addHelpText(
      'after',
      `
It refuses to touch a journal that already holds data. Try it on a throwaway file.

Examples:
  $ rel demo --store /tmp/rel-demo.json
  $ rel due --store /tmp/rel-demo.json
  $ REL_STORE=/tmp/rel-demo.json rel stats`,
    )
    .action(async () => run(ctx));
}

async function run(ctx: Context): Promise<void> {
  const store = await openStore(ctx);
  const given = ctx.globals().store;
  const storeFlag = given ? ` --store ${shellWord(given)}` : '';
  const refusal = (journal: Journal) => {
    const cast = demoJournal(ctx.io.now).people.map((p) => p.id);
    const ids = new Set(journal.people.map((p) => p.id));
    if (cast.every((id) => ids.has(id))) {
      const onlyDemo = journal.people.length === cast.length;
      return new StoreError(
        `${store.file} already holds the demo journal; rel demo only fills an empty one.`,
        `Look around in it: rel due${storeFlag}${onlyDemo ? ` (to start it afresh: rm ${shellWord(store.file)}, then rel demo${storeFlag})` : ''}`,
      );
    }
    const throwaway = store.target === '/tmp/rel-demo.json' ? '/tmp/rel-demo-2.json' : '/tmp/rel-demo.json';
    return new StoreError(
      `${store.file} already holds a journal; rel demo only fills an empty one.`,
      `Try it on a throwaway file: rel demo --store ${throwaway}`,
    );
  };
  // Checked before taking the lock (a reading command never creates the file), then again under it.
  const now = await store.read();
  if (holdsData(now)) throw refusal(now);
  const journal = await store.update(
    (current) => {
      if (holdsData(current)) throw refusal(current);
      const sample = demoJournal(ctx.io.now);
      current.people = sample.people;
      current.conversations = sample.conversations;
      current.followUps = sample.followUps;
      return current;
    },
    { summary: () => 'filled the journal with the sample team of rel demo' },
  );
  const t = theme(ctx.io);
  const next = [
    ['rel due', 'who is due a catch-up'],
    ['rel stats', 'the shape of your relationships'],
    ['rel profile ana', 'the brief before a 1:2:1'],
    ['rel agenda ana', 'a 1:2:1 agenda in Markdown'],
  ].map(([command, what]) => `${command}${storeFlag}`.padEnd(12 + storeFlag.length + 6) + what);
  ctx.io.print(
    [
      `Added a sample team to ${store.file}: ${peopleWords(journal.people)}, ${plural(journal.conversations.length, 'conversation')}, ${plural(journal.followUps.length, 'follow-up')}.`,
      '',
      t.heading('Look around:'),
      ...next.map((line) => `  ${line}`),
    ].join('\n'),
  );
}

/** The count `rel people` shows, and the archived apart, so that the two never disagree. */
function peopleWords(people: readonly { archivedAt: string | null }[]): string {
  const archived = people.filter((p) => p.archivedAt).length;
  const active = plural(people.length - archived, 'person', 'people');
  return archived ? `${active} (and ${archived} archived)` : active;
}
