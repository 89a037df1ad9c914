import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relAsync } from '../helpers/rel.js';
import { bytesOf, ok, readJson, rel, relEnv, tempDir, tempStore } from '../helpers/run.js';

function setup() {
  const configHome = tempDir('config');
  const store = tempStore('config');
  const env = { XDG_CONFIG_HOME: configHome };
  return { store, env, file: path.join(configHome, 'rel', 'config.json') };
}

describe('rel config', () => {
  it('lists the built-in defaults when there is no config file, and creates none', async () => {
    const { env, file } = setup();
    const rows = JSON.parse(await ok(['config', 'list', '--json'], { env }));
    expect(
      rows.map((r: { key: string; value: string; source: string }) => [r.key, r.value, r.source]),
    ).toEqual([
      ['default-cadence', '30d (monthly)', 'default'],
      ['default-kind', '1:2:1', 'default'],
      ['week-start', 'monday', 'default'],
      ['date-display', 'short', 'default'],
      ['calendar', '(none)', 'default'],
      ['me', '(not set)', 'default'],
      [
        'written-kinds',
        'message, email, mail, chat, text, txt, letter, postcard, slack, sms, dm, im, whatsapp, imessage, signal, telegram, wechat, messenger, linkedin, voicemail, voice note, voice memo, gchat',
        'default',
      ],
      ['cadence-counts', 'small-groups', 'default'],
      ['one-to-one-label', '1:2:1', 'default'],
      ['working-days', 'mon-fri', 'default'],
      ['alumni-cadence', '180d (every 180 days)', 'default'],
      ['ambition-step-period', '90d (3 months)', 'default'],
      ['appreciation-period', '42d (6 weeks)', 'default'],
    ]);
    expect(bytesOf(file)).toBeNull();
    expect(await ok(['config'], { env })).toContain('default-cadence');
  });

  it("leaves a setting written without a config folder of the test's own to that one run (the helper)", async () => {
    // Each run gets a config folder of its own that does not exist: a test that writes a setting
    // by mistake must not change what every later test sees.
    await ok(['config', 'set', 'week-start', 'sunday']);
    expect(await ok(['config', 'get', 'week-start'])).toBe('monday\n');
    expect(relEnv().XDG_CONFIG_HOME).not.toBe(relEnv().XDG_CONFIG_HOME);
  });

  it('sets, gets and unsets a setting in $XDG_CONFIG_HOME/rel/config.json, private to the user', async () => {
    const { env, file } = setup();
    expect(await ok(['config', 'set', 'week-start', 'Sun'], { env })).toBe('week-start = sunday\n');
    expect(readJson(file)).toEqual({ 'week-start': 'sunday' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await ok(['config', 'get', 'week-start'], { env })).toBe('sunday\n');
    expect(JSON.parse(await ok(['config', 'get', 'week-start', '--json'], { env })).source).toBe('config');
    await ok(['config', 'unset', 'week-start'], { env });
    expect(readJson(file)).toEqual({});
    expect(await ok(['config', 'get', 'week-start'], { env })).toBe('monday\n');
  });

  it('refuses an unknown setting or a bad value with exit 2 and leaves the file as it was', async () => {
    const { env, file } = setup();
    await ok(['config', 'set', 'default-cadence', '2w'], { env });
    const before = bytesOf(file);
    const unknown = await rel(['config', 'set', 'cadence', '2w'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean default-cadence?');
    const bad = await rel(['config', 'set', 'default-cadence', 'often'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a valid default-cadence');
    expect(bytesOf(file)?.equals(before!)).toBe(true);
  });

  it('refuses a calendar address with a password in it, or a scheme rel does not read, set or in the environment', async () => {
    const { env, file } = setup();
    await ok(['config', 'set', 'calendar', '/tmp/work.ics'], { env });
    const before = bytesOf(file);
    const r = await rel(['config', 'set', 'calendar', 'https://u:hunter2@example.com/x.ics'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has a password in it; rel does not keep passwords');
    expect(r.stderr + r.stdout).not.toContain('hunter2');
    expect(bytesOf(file)).toEqual(before);
    for (const [address, why] of [
      ['https://u:hunter2@example.com/x.ics', 'has a password in it; rel does not keep passwords'],
      ['ftp://h/secret.ics', 'rel does not read calendars over ftp://'],
    ] as const) {
      const got = await rel(['config', 'get', 'calendar'], { env: { ...env, REL_CALENDAR: address } });
      expect(got.code, address).toBe(0);
      expect(got.stderr, address).toContain(`rel: warning: REL_CALENDAR: `);
      expect(got.stderr, address).toContain(why);
      // The address is not used: the config file's is.
      expect(got.stdout.trim(), address).toBe('/tmp/work.ics');
      expect(got.stderr + got.stdout).not.toMatch(/hunter2|secret/);
    }
  });

  it('applies flags over environment over config over defaults: the default kind of rel log', async () => {
    const { store, env } = setup();
    await ok(['add', 'Ana Silva'], { store, env });
    const kindOf = async (args: string[], extra: Record<string, string> = {}) =>
      JSON.parse(
        await ok(['log', 'ana', '--note', 'x', '--json', ...args], { store, env: { ...env, ...extra } }),
      ).kind;
    expect(await kindOf([])).toBe('1:2:1');
    await ok(['config', 'set', 'default-kind', 'coffee'], { env });
    expect(await kindOf([])).toBe('coffee');
    expect(await kindOf([], { REL_DEFAULT_KIND: 'walk' })).toBe('walk');
    expect(await kindOf(['--kind', 'call'], { REL_DEFAULT_KIND: 'walk' })).toBe('call');
    const listed = JSON.parse(
      await ok(['config', 'list', '--json'], { env: { ...env, REL_DEFAULT_KIND: 'walk' } }),
    );
    expect(listed.find((r: { key: string }) => r.key === 'default-kind').source).toBe('environment');
  });

  it('uses the default cadence for people without one, and shows dates as chosen', async () => {
    const { store, env } = setup();
    await ok(['add', 'Ana Silva'], { store, env, now: '2026-11-01' });
    await ok(['log', 'ana', '--note', 'x', '--date', '2026-11-01'], { store, env, now: '2026-11-01' });
    const due = async () => JSON.parse(await ok(['due', '--json', '--within', '1y'], { store, env }))[0];
    expect(await due()).toMatchObject({ cadenceDays: 30, dueOn: '2026-12-01' });
    await ok(['config', 'set', 'default-cadence', 'weekly'], { env });
    expect(await due()).toMatchObject({ cadenceDays: 7, dueOn: '2026-11-08', overdueDays: 19 });
    expect(await ok(['due'], { store, env })).toContain('· 1 Nov');
    await ok(['config', 'set', 'date-display', 'iso'], { env });
    expect(await ok(['due'], { store, env })).toContain('· 2026-11-01');
  });

  it('warns about a config file it cannot read and carries on with the defaults', async () => {
    const { store, env, file } = setup();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{not json');
    const r = await rel(['due'], { store, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is not valid JSON');
    expect(r.stderr).toContain('Using the built-in settings');
    const set = await rel(['config', 'set', 'week-start', 'monday'], { env });
    expect(set.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('{not json');
  });

  it('rel config list shows each value and where it comes from at 40, 80 and 100 columns', async () => {
    const { env } = setup();
    await ok(['config', 'set', 'week-start', 'sunday'], { env });
    for (const columns of [40, 80, 100]) {
      const out = await ok(['config', 'list'], { env: { ...env, NO_COLOR: '1' }, terminal: { columns } });
      const lines = out.split('\n');
      expect(Math.max(...lines.map((l) => l.length)), `${columns}`).toBeLessThanOrEqual(columns);
      // Side by side where they fit; at 40 columns the source goes on a line under the value.
      const row = (key: string) => {
        const at = lines.findIndex((l) => l.startsWith(`${key} `));
        return columns === 40 ? `${lines[at]}\n${lines[at + 1]}` : lines[at];
      };
      const sides = columns === 40 ? / *\n +/ : / +/;
      expect(row('Setting'), `${columns}`).toMatch(new RegExp(`^Setting +Value${sides.source}From`));
      expect(row('week-start'), `${columns}`).toMatch(new RegExp(` sunday${sides.source}config`));
      expect(row('default-cadence'), `${columns}`).toMatch(
        new RegExp(` 30d \\(monthly\\)${sides.source}default`),
      );
      // The long list of kinds wraps in its column rather than pushing the others out.
      expect(out.replace(/\s+/g, ' ')).toContain('whatsapp, imessage, signal, telegram');
      // The meaning is left out first: only where value and source take all the room.
      expect(out.includes('how often to catch up'), `${columns}`).toBe(columns > 40);
    }
    // A value from the environment names the variable.
    const byEnv = await ok(['config', 'list'], {
      env: { ...env, REL_DEFAULT_KIND: 'walk' },
      terminal: { columns: 100 },
    });
    expect(byEnv.split('\n').find((l) => l.includes('default-kind'))).toMatch(/ walk +.*\$REL_DEFAULT_KIND/);
  });
});

describe('rel config set at once', () => {
  it('several settings set by several rels at the same moment are all kept', async () => {
    const { env, file } = setup();
    const sets = [
      ['default-cadence', '2w'],
      ['default-kind', 'coffee'],
      ['week-start', 'sunday'],
      ['date-display', 'iso'],
      ['one-to-one-label', '1:1'],
      ['alumni-cadence', '90d'],
    ];
    const codes = await Promise.all(
      sets.map(
        ([key, value]) =>
          new Promise<number | null>((resolve) =>
            relAsync(['config', 'set', key!, value!], { env }).on('exit', (code) => resolve(code)),
          ),
      ),
    );
    expect(codes).toEqual(sets.map(() => 0));
    expect(Object.keys(readJson(file)).sort()).toEqual(sets.map(([key]) => key).sort());
  });

  it('waits for the settings lock of another rel, and leaves the file as it was when it cannot have it', async () => {
    const { env, file } = setup();
    await ok(['config', 'set', 'default-kind', 'coffee'], { env });
    const before = bytesOf(file);
    // Held by a live process (this one), as a rel between reading and writing the file would.
    fs.writeFileSync(`${file}.lock`, `${process.pid}\n${os.hostname()}\nheld-by-the-test\n`);
    const r = await rel(['config', 'set', 'week-start', 'sunday'], {
      env: { ...env, REL_LOCK_TIMEOUT_MS: '300' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Could not lock the settings');
    expect(bytesOf(file)).toEqual(before);
    fs.rmSync(`${file}.lock`);
    await ok(['config', 'set', 'week-start', 'sunday'], { env });
    expect(readJson(file)).toEqual({ 'default-kind': 'coffee', 'week-start': 'sunday' });
  });

  it('notes the built-in written kinds a list of your own leaves spoken, and how to add instead', async () => {
    const { env, file, store } = setup();
    const replaced = await rel(['config', 'set', 'written-kinds', 'memo, E-Mail'], { env });
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toBe('written-kinds = memo, e-mail\n');
    expect(replaced.stderr).toMatch(
      /^rel: note: 21 built-in written kinds are no longer written \(message, mail, chat, \.\.\.\): your list replaces the built-in one\. To add to it instead: rel config set written-kinds "\+memo"\n$/,
    );
    const added = await rel(['config', 'set', 'written-kinds', '+memo'], { env });
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^written-kinds = message, email, .*, gchat, memo\n$/);
    expect(readJson(file)).toEqual({ 'written-kinds': '+memo' });
    // Both the built-in kinds and the added one are written.
    await ok(['add', 'Ana'], { store, env });
    for (const kind of ['slack', 'memo']) {
      const logged = await ok(['log', 'ana', '--kind', kind, '--json'], { store, env });
      expect(JSON.parse(logged).class, kind).toBe('written');
    }
    const none = await rel(['config', 'set', 'written-kinds', 'none'], { env });
    expect(none.stderr).toBe('');
  });
});
