// rel export --format vcard|vcard3: people back to a contacts app, and back into rel as the same people.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempDir } from '../helpers/run.js';

async function journal(store: string) {
  const o = { store, now: '2026-11-20' };
  await ok(
    [
      'add',
      'Zoë Ñandú, Jr.; "The Boss"',
      '--alias',
      'Zo, the great',
      '--alias',
      'Boss',
      '--role',
      'VP; Sales',
      '--team',
      'Platform, EMEA',
      '--tag',
      'core',
      '--tag',
      'starred',
      '--birthday',
      '1992-02-29',
      '--email',
      'zoe@x.example',
    ],
    o,
  );
  await ok(['add', 'Bo', '--birthday', '05-17'], o);
  await ok(['add', 'Ana Silva'], o);
  await ok(['rename', 'ana', 'Ana Costa'], o);
  await ok(['note', 'zoe', 'Two kids\n\nLoves climbing \\ bouldering'], o);
  await ok(['note', 'zoe', `A long note ${'é'.repeat(60)} that is folded`], o);
}

describe('rel export --format vcard', () => {
  it.each([
    ['vcard', '4.0'],
    ['vcard3', '3.0'],
  ])(
    '%s: export, import into an empty journal, export again gives the same file; importing it again adds no one',
    async (format, version) => {
      const dir = tempDir(`vcard-${format}`);
      const a = path.join(dir, 'a.json');
      await journal(a);
      const first = path.join(dir, 'first.vcf');
      const r = await rel(['export', '--format', format, '--out', first], { store: a });
      expect([r.code, r.stderr]).toEqual([0, `Wrote ${first} (3 people).\n`]);
      const text = fs.readFileSync(first, 'utf8');
      expect(text).toContain(`VERSION:${version}\r\n`);
      expect(text).toContain('UID:ana-silva\r\nFN:Ana Costa\r\nN:Costa;Ana;;;\r\n');
      expect(text).toContain('FN:Zoë Ñandú\\, Jr.\\; "The Boss"\r\n');
      expect(text).toContain('NICKNAME:Zo\\, the great,Boss\r\n');
      expect(text).toContain('NOTE:Two kids\\n\\nLoves climbing \\\\ bouldering\r\n');
      expect(text).toContain(
        version === '4.0' ? 'BDAY:--0517\r\n' : 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17\r\n',
      );
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

      const b = path.join(dir, 'b.json');
      const imported = await rel(['import', first], { store: b, now: '2026-11-25' });
      expect([imported.code, imported.stderr]).toEqual([0, '']);
      const second = path.join(dir, 'second.vcf');
      await ok(['export', '--format', format, '--out', second], { store: b });
      expect(fs.readFileSync(second, 'utf8')).toBe(text);
      const fields = (file: string) =>
        readJson(file).people.map((p: Record<string, unknown>) => [
          p.id,
          p.name,
          p.aliases,
          p.role,
          p.team,
          p.tags,
          p.birthday,
          p.emails ?? [],
          (p.notes as { text: string }[]).map((n) => n.text),
        ]);
      expect(fields(b)).toEqual(fields(a));

      for (const store of [a, b]) {
        const again = await rel(['import', first], { store });
        expect(again.stdout).toContain('Nothing new to import from first.vcf.');
        expect(again.stdout).toContain('Skipped 3 people already in your journal');
      }
    },
  );

  it('--person, --redact; --since is refused', async () => {
    const dir = tempDir('vcard-slice');
    const store = path.join(dir, 'j.json');
    await journal(store);
    const one = await ok(['export', '--format', 'vcard', '--person', 'bo'], { store });
    expect(one.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(await ok(['export', '--format', 'vcard', '--redact'], { store })).not.toContain('NOTE:');
    const since = await rel(['export', '--format', 'vcard', '--since', '1m'], { store });
    expect([since.code, since.stdout]).toEqual([2, '']);
    expect(since.stderr).toContain('--since does not apply to vCards');
  });
});
