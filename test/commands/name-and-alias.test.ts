// A word that is one person's full name and another's alias ("Clo": Ben renamed Clo, and Chloé
// Martin's alias) must not pick one of them silently for a command that changes or forgets: it
// asks in a terminal, and refuses without one, naming both and their ids. Reports show the one
// whose name it is, and say so. rel rename and --alias no longer make such a word.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { onCheckpoint } from '../../src/store/faults.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, folderBytes, ok, readJson, rel, tempStore } from '../helpers/run.js';

function clash() {
  const store = tempStore('name-and-alias');
  writeJournal(
    store,
    journalText([
      person('ben-okafor', 'Clo'),
      person('chloe-martin', 'Chloé Martin', { aliases: ['Clo'] }),
      person('eve-nakamura', 'Eve Nakamura'),
    ]),
  );
  return store;
}

describe('a name that is also another person’s alias', () => {
  it.each([
    [['forget', 'clo', '--yes']],
    [['log', 'clo', '--kind', 'call', '--note', 'x']],
    [['edit', 'clo', '--role', 'Lead']],
    [['rename', 'clo', 'Ben Okafor']],
    [['archive', 'CLO']],
    [['todo', 'add', 'clo', 'send the doc']],
  ])('rel %j refuses, naming both and their ids, and changes nothing', async (args) => {
    const store = clash();
    const before = folderBytes(store);
    const r = await rel(args, { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(
      `"${args.find((a) => /^clo$/i.test(a))}" is the name of Clo (ben-okafor) and an alias of Chloé Martin (chloe-martin).`,
    );
    expect(r.stderr).toContain('Use the id of the one you mean: ben-okafor or chloe-martin.');
    expect(folderBytes(store)).toEqual(before);
  });

  it('asks which one in a terminal, and forgets only the one chosen', async () => {
    const store = clash();
    const r = await rel(['forget', 'clo', '--yes'], { store, answers: ['Chloé Martin (chloe-martin)'] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked[0]!.message).toBe(
      '"clo" is the name of Clo (ben-okafor) and an alias of Chloé Martin (chloe-martin). Which one?',
    );
    expect(readJson(store).people.map((p: { id: string }) => p.id)).toEqual(['ben-okafor', 'eve-nakamura']);
  });

  it('takes the id as it is: rel forget chloe-martin --yes', async () => {
    const store = clash();
    await ok(['forget', 'chloe-martin', '--yes'], { store });
    expect(readJson(store).people.map((p: { id: string }) => p.id)).toEqual(['ben-okafor', 'eve-nakamura']);
  });

  it('a report shows the person whose name it is, and says so on stderr', async () => {
    const store = clash();
    const r = await rel(['profile', 'clo'], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Clo \(ben-okafor\)/);
    expect(r.stderr).toBe(
      'rel: "clo" is the name of Clo (ben-okafor) and an alias of Chloé Martin (chloe-martin): showing Clo (ben-okafor). Use the id to pick the other.\n',
    );
  });
});

describe('rel refuses to make such a word', () => {
  afterEach(() => onCheckpoint(undefined));

  it.each([
    [['rename', 'eve', 'Clo'], '"Clo" is already an alias of Chloé Martin (id chloe-martin)'],
    [['edit', 'eve', '--alias', 'clo'], '"clo" is already an alias of Chloé Martin (id chloe-martin)'],
    [['edit', 'eve', '--alias', 'Chloé Martin'], '"Chloé Martin" is already the name of Chloé Martin'],
    [['add', 'Ben Okafor', '--alias', 'eve nakamura'], '"eve nakamura" is already the name of Eve Nakamura'],
  ])('rel %j: exit 2, nothing written', async (args, said) => {
    const store = tempStore('alias-clash');
    writeJournal(
      store,
      journalText([
        person('chloe-martin', 'Chloé Martin', { aliases: ['Clo'] }),
        person('eve-nakamura', 'Eve Nakamura'),
      ]),
    );
    const before = bytesOf(store);
    const r = await rel(args, { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).toContain('Nothing was changed.');
    expect(bytesOf(store)).toEqual(before);
  });

  it('lets a new person take a name left as an alias (after rel merge), and says the ids', async () => {
    const store = tempStore('alias-add');
    writeJournal(store, journalText([person('chloe-martin', 'Chloé Martin', { aliases: ['Clo'] })]));
    const added = await rel(['add', 'Clo'], { store });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toBe(
      'rel: "Clo" is also an alias of Chloé Martin (chloe-martin): give the id to say whom you mean (clo or chloe-martin).\n',
    );
    // "clo" is the new person's id: an id says whom.
    await ok(['log', 'clo', '--note', 'x'], { store });
    expect(readJson(store).conversations[0].with).toEqual(['clo']);
  });

  it('rel add looks for the alias under the lock: one given meanwhile by another rel is said too', async () => {
    const store = tempStore('alias-add-race');
    writeJournal(store, journalText([person('eve-nakamura', 'Eve Nakamura')]));
    // rel add reads the journal, then finds the lock held by a rel that has since exited; that
    // rel had given Chloé the alias "Clo" while holding it.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(`${store}.lock`, `${dead}\n${os.hostname()}\nother\n`);
    let given = false;
    onCheckpoint((step) => {
      if (step !== 'lock-owner-read' || given) return;
      given = true;
      writeJournal(
        store,
        journalText([
          person('eve-nakamura', 'Eve Nakamura'),
          person('chloe-martin', 'Chloé Martin', { aliases: ['Clo'] }),
        ]),
      );
    });
    const added = await rel(['add', 'Clo'], { store });
    expect(given).toBe(true);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toBe(
      'rel: "Clo" is also an alias of Chloé Martin (chloe-martin): give the id to say whom you mean (clo or chloe-martin).\n',
    );
    expect(readJson(store).people.map((p: { id: string }) => p.id)).toEqual([
      'eve-nakamura',
      'chloe-martin',
      'clo',
    ]);
  });

  it('rel log --create: the near-name warning only when this log added them, not when another rel had meanwhile', async () => {
    const store = tempStore('log-create-race');
    writeJournal(store, journalText([person('kim-lee-1', 'Kim Lee 1')]));
    // rel log reads the journal, then finds the lock held by a rel that has since exited; that
    // rel had added Kim Lee 2 while holding it.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(`${store}.lock`, `${dead}\n${os.hostname()}\nother\n`);
    let added = false;
    onCheckpoint((step) => {
      if (step !== 'lock-owner-read' || added) return;
      added = true;
      writeJournal(store, journalText([person('kim-lee-1', 'Kim Lee 1'), person('kim-lee-2', 'Kim Lee 2')]));
    });
    const r = await rel(['log', 'Kim Lee 2', '--create', '--note', 'b'], { store });
    expect(added).toBe(true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Added to your journal');
    expect(r.stderr).not.toContain('as a new person');
    expect(readJson(store).people.map((p: { id: string }) => p.id)).toEqual(['kim-lee-1', 'kim-lee-2']);
    // The log that adds them says it, and warns of the name close to another.
    const other = tempStore('log-create-alone');
    writeJournal(other, journalText([person('kim-lee-1', 'Kim Lee 1')]));
    const alone = await rel(['log', 'Kim Lee 2', '--create', '--note', 'a'], { store: other });
    expect(alone.stderr).toContain('Added "Kim Lee 2" as a new person, though Kim Lee 1 (kim-lee-1)');
  });

  it('lets someone take back a name that is their own alias, and keep an alias they had', async () => {
    const store = tempStore('alias-own');
    writeJournal(store, journalText([person('chloe-martin', 'Chloé Martin', { aliases: ['Clo'] })]));
    await ok(['rename', 'chloe-martin', 'Clo'], { store });
    await ok(['rename', 'clo', 'Chloé Martin'], { store });
    await ok(['edit', 'chloe-martin', '--alias', 'Clo', '--role', 'Lead'], { store });
    expect(readJson(store).people[0]).toMatchObject({ name: 'Chloé Martin', aliases: ['Clo'], role: 'Lead' });
  });
});

describe('a name spelt like another person’s id', () => {
  it('the id wins, for a report and for a change, and rel says who else has that name', async () => {
    const store = tempStore('name-is-an-id');
    writeJournal(
      store,
      journalText([person('ben-okafor', 'Ben Okafor'), person('ben-okafor-af7ab1', 'ben-okafor')]),
    );
    const shown = await rel(['profile', 'ben-okafor', '--json'], { store });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).id).toBe('ben-okafor');
    expect(shown.stderr).toContain(
      '"ben-okafor" is the id of Ben Okafor (ben-okafor) and the name of ben-okafor (ben-okafor-af7ab1): taking Ben Okafor (ben-okafor). Use ben-okafor-af7ab1 for the other.',
    );
    await ok(['edit', 'ben-okafor', '--role', 'Lead'], { store });
    await ok(['edit', 'ben-okafor-af7ab1', '--role', 'Intern'], { store });
    const roles = readJson(store).people.map((p: { id: string; role: string }) => [p.id, p.role]);
    expect(roles).toEqual([
      ['ben-okafor', 'Lead'],
      ['ben-okafor-af7ab1', 'Intern'],
    ]);
  });
});
