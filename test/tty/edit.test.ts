// rel edit in a terminal: every field prefilled with its current value.
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

describe('rel edit in a terminal', () => {
  it('shows current values ready to edit; Enter keeps a field, editing changes it', async () => {
    const store = tempStore('tty-edit');
    ok(['add', 'Ana Silva', '--role', 'Engineer', '--team', 'Platform', '--tag', 'web', '--cadence', '2w'], {
      store,
    });
    term = new Terminal(['edit', 'ana'], { store });
    await term.waitFor('Role Engineer');
    await term.press('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    await term.type('Lead');
    await term.press('Enter');
    await term.waitFor('Team Platform');
    await term.press('Enter');
    await term.waitFor('Relationship');
    await term.press('Enter');
    await term.waitFor('How often to catch up 2w');
    await term.press('Enter');
    await term.waitFor('Tags, separated by commas web');
    await term.type(', platform');
    await term.press('Enter');
    await term.answer('Aliases', '');
    await term.answer('Birthday', '');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Updated Ana Silva: role Lead; tags web, platform.');
    expect(readJson(store).people[0]).toMatchObject({
      role: 'Lead',
      team: 'Platform',
      cadenceDays: 14,
      tags: ['web', 'platform'],
    });
  });

  it('a field emptied with Ctrl+U or backspaces is empty: the value shown before is not used', async () => {
    const store = tempStore('tty-edit-cleared');
    ok(['add', 'Ana Silva', '--role', 'Engineer', '--team', 'Platform', '--tag', 'web'], { store });
    term = new Terminal(['edit', 'ana'], { store });
    await term.waitFor('Role Engineer');
    await term.press('C-u');
    await term.press('Enter');
    await term.waitFor('Team Platform');
    await term.press('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    await term.press('Enter');
    await term.waitFor('Relationship');
    await term.press('Enter');
    await term.waitFor('How often to catch up');
    await term.press('Enter');
    await term.waitFor('Tags, separated by commas web');
    await term.press('C-u');
    await term.press('Enter');
    await term.answer('Aliases', '');
    await term.answer('Birthday', '');
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people[0]).toMatchObject({ role: '', team: '', tags: [] });
  });

  it('a field emptied, then refused, is asked again empty; what is typed then is taken', async () => {
    const store = tempStore('tty-edit-cleared-refused');
    ok(['add', 'Ana Silva', '--cadence', '2w'], { store });
    term = new Terminal(['edit', 'ana'], { store });
    for (const prompt of ['Role', 'Team', 'Relationship']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    await term.waitFor('How often to catch up 2w');
    await term.press('C-u');
    await term.press('Enter');
    await term.waitFor(/or default/);
    await term.type('3w');
    await term.press('Enter');
    for (const prompt of ['Tags', 'Aliases', 'Birthday']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people[0]).toMatchObject({ cadenceDays: 21 });
  });

  it('a burst of keys (Ctrl+A then a word, sent at once) edits the prefilled value at the cursor', async () => {
    const store = tempStore('tty-edit-burst');
    ok(['add', 'Ana Silva', '--role', 'Site Reliability Engineer', '--team', 'Platform'], { store });
    term = new Terminal(['edit', 'ana'], { store });
    await term.waitFor('Role Site Reliability Engineer');
    await term.burst('C-a', 'Senior ');
    await term.waitFor('Role Senior Site Reliability Engineer');
    await term.press('Enter');
    await term.waitFor('Team Platform');
    await term.burst('End', ' and Tools', 'Home', 'Core ');
    await term.waitFor('Team Core Platform and Tools');
    await term.press('Enter');
    for (const prompt of ['Relationship', 'How often', 'Tags', 'Aliases', 'Birthday']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people[0]).toMatchObject({
      role: 'Senior Site Reliability Engineer',
      team: 'Core Platform and Tools',
    });
  });
});

// The prompts show the record as read; another rel may change it before the answers are saved.
describe('edits in a terminal while another rel changes the same record', () => {
  it('rel edit: a field left as shown keeps what the other rel set; a field typed over takes the answer', async () => {
    const store = tempStore('tty-edit-concurrent');
    ok(['add', 'Ana Silva', '--role', 'Engineer', '--team', 'Platform'], { store });
    term = new Terminal(['edit', 'ana'], { store });
    await term.waitFor('Role Engineer');
    ok(['edit', 'ana', '--team', 'Infra', '--cadence', '1w', '--add-tag', 'oncall'], { store });
    await term.type(' II');
    await term.press('Enter');
    for (const prompt of ['Team Platform', 'Relationship', 'How often', 'Tags', 'Aliases', 'Birthday']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).people[0]).toMatchObject({
      role: 'Engineer II',
      team: 'Infra',
      cadenceDays: 7,
      tags: ['oncall'],
    });
  });

  it('rel conversation edit and rel todo edit: the same', async () => {
    const store = tempStore('tty-conv-concurrent');
    ok(['add', 'Ana Silva'], { store });
    ok(['log', 'ana', '--note', 'As first typed', '--minutes', '30', '--follow-up', 'Send the doc'], {
      store,
    });
    const [conversation] = readJson(store).conversations;
    term = new Terminal(['conversation', 'edit', conversation.id], { store });
    await term.waitFor('When');
    ok(['conversation', 'edit', conversation.id, '--note', 'Set by the other rel'], { store });
    for (const prompt of ['When', 'Kind']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    await term.waitFor('Minutes');
    await term.press('BSpace', 'BSpace');
    await term.type('45');
    await term.press('Enter');
    for (const prompt of ['What you talked about', 'What you heard']) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).conversations[0]).toMatchObject({ note: 'Set by the other rel', minutes: 45 });
    term.close();

    const [followUp] = readJson(store).followUps;
    term = new Terminal(['todo', 'edit', followUp.id], { store });
    await term.waitFor('Follow-up Send the doc');
    ok(['todo', 'edit', followUp.id, '--text', 'Send the new doc'], { store });
    await term.press('Enter');
    await term.answer('Due', '2026-12-04');
    expect(await term.exitCode()).toBe(0);
    expect(readJson(store).followUps[0]).toMatchObject({ text: 'Send the new doc', due: '2026-12-04' });
  });
});
