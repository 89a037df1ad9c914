// 50 rel processes of mixed writing commands at once on one journal lose nothing: every change a
// command confirmed (exit 0) is in the journal, unless a `rel undo` that also exited 0 took back
// a change of that kind, and then exactly as many are missing as were undone.
import { describe, expect, it } from 'vitest';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { ok, type RunResult, readJson, relAsync, tempStore } from '../helpers/rel.js';

const PEOPLE = ['Ana Silva', 'Bo Chen', 'Cy Diaz', 'Di Evans', 'Ed Fox', 'Flo Gray', 'Gus Hill'];
const id = (name: string) => name.toLowerCase().replace(' ', '-');

function runAll(commands: string[][], store: string): Promise<RunResult[]> {
  return Promise.all(
    commands.map(
      (args) =>
        new Promise<RunResult>((resolve) => {
          const child = relAsync(args, { store });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        }),
    ),
  );
}

describe('50 writers of mixed commands', { timeout: 300_000 }, () => {
  it('log, add, edit, done, note and undo at once: 0 confirmed changes lost', async () => {
    const store = tempStore('mixed');
    writeJournal(store, journalText(PEOPLE.map((name) => person(id(name), name))));
    const followUps: string[] = [];
    for (let i = 0; i < 6; i++) {
      ok(['todo', 'add', PEOPLE[i]!, `task ${i}`], { store });
    }
    for (const f of readJson(store).followUps) followUps.push(f.id);
    const commands: { kind: string; args: string[]; person: string; token: string }[] = [];
    const add = (kind: string, person: string, token: string, args: string[]) =>
      commands.push({ kind, person, token, args });
    for (let i = 0; i < 16; i++)
      add('log', PEOPLE[i % 7]!, `n${i}`, ['log', id(PEOPLE[i % 7]!), '--note', `n${i}`]);
    for (let i = 0; i < 8; i++)
      add('add', `New Person ${String.fromCharCode(65 + i)}`, '', [
        'add',
        `New Person ${String.fromCharCode(65 + i)}`,
      ]);
    for (let i = 0; i < 8; i++)
      add('edit', PEOPLE[i % 3]!, `t${i}`, ['edit', id(PEOPLE[i % 3]!), '--add-tag', `t${i}`]);
    for (let i = 0; i < 6; i++) add('done', PEOPLE[i]!, followUps[i]!, ['done', followUps[i]!]);
    for (let i = 0; i < 8; i++) add('note', PEOPLE[i % 7]!, `p${i}`, ['note', id(PEOPLE[i % 7]!), `p${i}`]);
    for (let i = 0; i < 4; i++) add('undo', '', '', ['undo']);
    expect(commands).toHaveLength(50);

    const results = await runAll(
      commands.map((c) => c.args),
      store,
    );
    // Every writer but an undo refused for safety ("changed since") succeeds.
    const undone: string[] = [];
    results.forEach((r, i) => {
      const c = commands[i]!;
      if (c.kind === 'undo') {
        if (r.code === 0) undone.push(/Undone: (.*) · made/.exec(r.stdout)![1]!);
        else expect(r.stderr, r.stderr).toMatch(/Cannot undo/);
      } else expect(r.code, `${c.args.join(' ')}: ${r.stderr}`).toBe(0);
    });

    const journal = readJson(store);
    const byId = new Map(journal.people.map((p: { id: string }) => [p.id, p]));
    const present = (c: (typeof commands)[number]): boolean => {
      const p = byId.get(id(c.person)) as
        | { tags: string[]; personalNotes?: { text: string }[]; name: string }
        | undefined;
      switch (c.kind) {
        case 'log':
          return journal.conversations.some((x: { note: string }) => x.note === c.token);
        case 'add':
          return journal.people.some((x: { name: string }) => x.name === c.person);
        case 'edit':
          return p!.tags.includes(c.token);
        case 'done':
          return journal.followUps.some(
            (f: { id: string; doneAt: string | null }) => f.id === c.token && f.doneAt,
          );
        default:
          return JSON.stringify(p).includes(`"${c.token}"`);
      }
    };
    const missing = commands.filter((c) => c.kind !== 'undo' && !present(c));
    // What is missing is what the undos named, kind by kind and person by person.
    const named = (c: (typeof commands)[number], summary: string) => {
      const first = c.person.split(' ')[0]!;
      if (c.kind === 'log') return summary.startsWith('logged') && summary.includes(c.person);
      if (c.kind === 'add') return summary === `added ${c.person}`;
      if (c.kind === 'edit') return summary.startsWith(`edited ${c.person}`);
      if (c.kind === 'done') return summary.startsWith('closed the follow-up') && summary.includes(first);
      return summary.includes(c.person);
    };
    expect(missing.length).toBe(undone.length);
    const left = [...undone];
    for (const c of missing) {
      const at = left.findIndex((s) => named(c, s));
      expect(at, `${c.args.join(' ')} is missing and no undo named it (${undone.join(' | ')})`).not.toBe(-1);
      left.splice(at, 1);
    }
  });
});
