// rel log's person picker and someone archived: found when typed for, after everyone active and
// marked "(archived)", and the log says they are archived and how to bring them back, as
// `rel log <name>` does. Typing their full name was a dead end ("No results found").
import { afterEach, describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

describe('the person picker and someone archived', { timeout: 120_000 }, () => {
  it('offers them marked as archived, and the log says how to bring them back', async () => {
    const store = tempStore('tty-log-archived');
    ok(['add', 'Ana Silva'], { store });
    ok(['add', 'Anton Berg'], { store });
    ok(['archive', 'anton'], { store });
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('an');
    // Listed, with nothing typed past two letters, only after the active ones.
    await term.waitFor(/❯ Ana Silva\n\s+Anton Berg \(archived\)/);
    await term.type('ton berg');
    await term.waitFor(/❯ Anton Berg \(archived\)/);
    expect(term.screen()).toContain('rel unarchive anton-berg brings them back');
    await term.press('Enter');
    await term.answer('Anyone else?', '');
    for (const prompt of [
      'When?',
      'What kind',
      'How many minutes?',
      'What did you talk about?',
      'What did you hear',
      'ambition',
      'skill, talent',
      'Did you promise',
      'Did they promise',
      'next time',
    ]) {
      await term.waitFor(prompt);
      await term.press('Enter');
    }
    expect(await term.exitCode()).toBe(0);
    expect(term.screen().replace(/\s+/g, ' ')).toContain(
      'Anton Berg is archived, out of rel due: no next check-in. Bring them back with: rel unarchive anton-berg',
    );
    expect(readJson(store).conversations[0].with).toEqual(['anton-berg']);
  });
});
