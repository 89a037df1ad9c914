// Every file rel writes for you is yours alone: written over a file others could read (0644), it
// is 0600 after, for each command that writes a file (--out) and for the settings.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, tempDir, tempStore } from '../helpers/rel.js';

/**
 * A file that exists and anyone may read, as an earlier tool or `touch` under umask 022 leaves it.
 * rel export replaces a file with something in it only when told to (--force); rel agenda always.
 */
function readableByAll(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'old\n');
  fs.chmodSync(file, 0o644);
  return file;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('files written over a readable one are private after', () => {
  const store = tempStore('private-out');
  beforeAll(() => {
    ok(['demo'], { store });
  });

  it.each([
    ['agenda --out', 'ana.md', (file: string) => ['agenda', 'ana', '--out', file]],
    ['export --out (json)', 'journal.json', (file: string) => ['export', '--out', file, '--force']],
    [
      'export --format markdown',
      'journal.md',
      (file: string) => ['export', '--format', 'markdown', '--out', file, '--force'],
    ],
    [
      'export --format ics',
      'rel.ics',
      (file: string) => ['export', '--format', 'ics', '--out', file, '--force'],
    ],
    [
      'export --format vcard',
      'people.vcf',
      (file: string) => ['export', '--format', 'vcard', '--out', file, '--force'],
    ],
    [
      'export --format csv, one table',
      'people.csv',
      (file: string) => ['export', '--format', 'csv', '--table', 'people', '--out', file, '--force'],
    ],
  ])('rel %s', (_, name, args) => {
    const file = readableByAll(path.join(tempDir('private-out'), name));
    ok(args(file), { store });
    expect(fs.readFileSync(file, 'utf8')).not.toBe('old\n');
    expect(modeOf(file)).toBe(0o600);
  });

  it('rel export --format csv into a folder: both tables', () => {
    const folder = tempDir('private-out-csv');
    const files = ['people.csv', 'conversations.csv'].map((name) => readableByAll(path.join(folder, name)));
    ok(['export', '--format', 'csv', '--out', folder, '--force'], { store });
    expect(files.map(modeOf)).toEqual([0o600, 0o600]);
  });

  it('rel config set: the settings file', () => {
    const home = tempDir('private-out-config');
    const file = readableByAll(path.join(home, 'rel', 'config.json'));
    fs.writeFileSync(file, '{}\n');
    ok(['config', 'set', 'week-start', 'sunday'], { env: { XDG_CONFIG_HOME: home } });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ 'week-start': 'sunday' });
    expect(modeOf(file)).toBe(0o600);
  });
});
