// Written kinds as people type them: "e-mail", "text message", "Slack DM" were counted as time
// together (they moved the check-in and kept someone out of rel due), while "Slack huddle" and
// "coffee chat" were spoken and must stay so.
import { describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

const at = (store: string, on: string) => ({ store, now: `${on}T08:30:00` });

async function dueIds(store: string, on: string): Promise<string[]> {
  const rows = JSON.parse(await ok(['due', '--json'], at(store, on))) as { id: string }[];
  return rows.map((r) => r.id).sort();
}

describe('a written kind however it is typed', () => {
  it.each([['e-mail'], ['E-Mail'], ['text message'], ['Slack DM'], ['email thread'], ['LinkedIn']])(
    '%s is seen, not time together: the check-in stays',
    async (kind) => {
      const store = tempStore('written-typed');
      await ok(['add', 'Ana Silva', '--cadence', '2w'], at(store, '2026-11-02'));
      await ok(['log', 'ana', '--note', 'Talked', '--date', '2026-11-02'], at(store, '2026-11-02'));
      const logged = await rel(
        ['log', 'ana', '--kind', kind, '--note', 'Sent the deck'],
        at(store, '2026-11-16'),
      );
      expect(logged.stderr).toContain(`Seen, not time together (${kind}: written, not spoken)`);
      expect(await dueIds(store, '2026-11-17')).toEqual(['ana-silva']);
      // again, from the summary the first wrote
      expect(await dueIds(store, '2026-11-17')).toEqual(['ana-silva']);
    },
  );

  it.each([['Slack huddle'], ['coffee chat'], ['video chat']])(
    '%s is spoken: time together moves the check-in',
    async (kind) => {
      const store = tempStore('spoken-typed');
      await ok(['add', 'Ana Silva', '--cadence', '2w'], at(store, '2026-11-02'));
      const logged = await rel(
        ['log', 'ana', '--kind', kind, '--note', 'Caught up'],
        at(store, '2026-11-16'),
      );
      expect(logged.code, logged.stderr).toBe(0);
      expect(logged.stderr).toBe('');
      expect(await dueIds(store, '2026-11-17')).toEqual([]);
    },
  );
});
