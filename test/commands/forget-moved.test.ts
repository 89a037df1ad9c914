// rel forget after the journal moved, or with another name for its file: what rel kept where the
// journal was before is scrubbed when rel knows it was there, named when rel cannot be sure, and
// what rel cannot know of is never said to be absent.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdingBen, journalAt, SECRET } from '../helpers/moved-journal.js';
import { ok, rel } from '../helpers/run.js';

describe('rel forget, the journal moved', () => {
  it('scrubs the backups and undo data left where the journal was before a move (mv)', async () => {
    const { old, moved, left } = await journalAt('forget-moved');
    fs.renameSync(old, moved);
    const out = await ok(['forget', 'ben', '--yes'], { store: moved });
    const there = left().map((name) => path.join(path.dirname(old), name));
    expect(there.length).toBeGreaterThan(0);
    expect(holdingBen(there)).toEqual([]);
    expect(out).toContain(`where it was before (${old})`);
    expect(out).not.toContain('no other copies');
    // Ana's history stays usable there as a journal.
    expect(JSON.parse(fs.readFileSync(`${path.dirname(old)}/.j.json.backup-1`, 'utf8')).people).toHaveLength(
      1,
    );
  });

  it('a copy there that cannot be written for want of space: the forget fails as one beside the journal would, and the next rel finishes it there', async () => {
    const { old, moved, left } = await journalAt('forget-moved-fault');
    fs.renameSync(old, moved);
    // Renames: the pending record (1), the journal (2), then the first copy kept at the old place.
    const r = await rel(['forget', 'ben', '--yes'], { store: moved, env: { REL_FAULT: 'rename@3:fail' } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('The next rel command finishes the forget');
    const there = () => left().map((name) => path.join(path.dirname(old), name));
    expect(holdingBen(there()).length).toBeGreaterThan(0);
    // The summaries that told of the old place went with the journal's write: the pending record keeps it.
    expect(await ok(['people'], { store: moved })).not.toContain('Ben Okafor');
    expect(holdingBen(there())).toEqual([]);
    expect(fs.existsSync(path.join(path.dirname(moved), '.j.json.forget'))).toBe(false);
  });

  it('scrubs them after writes at the new place, and after a second move: rel keeps where the journal was', async () => {
    const { root, old, moved, left } = await journalAt('forget-moved-twice');
    fs.renameSync(old, moved);
    // This write removes the summaries that told of the old place.
    await ok(['add', 'Chloé Martin'], { store: moved });
    const third = path.join(root, 'third', 'j.json');
    fs.mkdirSync(path.dirname(third));
    fs.renameSync(moved, third);
    await ok(['add', 'Dan Wu'], { store: third });
    const out = await ok(['forget', 'ben', '--yes'], { store: third });
    const keptAt = (file: string) =>
      fs
        .readdirSync(path.dirname(file))
        .filter((name) => name.startsWith('.j.json.'))
        .map((name) => path.join(path.dirname(file), name));
    expect(left().length).toBeGreaterThan(0);
    expect(keptAt(moved).length).toBeGreaterThan(0);
    expect(holdingBen([...keptAt(old), ...keptAt(moved), ...keptAt(third)])).toEqual([]);
    expect(out).toContain(old);
    expect(out).toContain(moved);
  });

  it('scrubs them too when the forget is asked for in JSON', async () => {
    const { old, moved } = await journalAt('forget-moved-json');
    fs.renameSync(old, moved);
    const result = JSON.parse(await ok(['forget', 'ben', '--yes', '--json'], { store: moved }));
    expect(result.formerPlacesScrubbed).toEqual([old]);
    expect(result.keptCopiesRewritten).toContain(path.join(path.dirname(old), '.j.json.undo'));
  });

  it('names the copies beside a former place it cannot be sure of (a copy, then the original removed)', async () => {
    const { old, moved, left } = await journalAt('forget-copied');
    fs.copyFileSync(old, moved);
    fs.rmSync(old);
    const out = await ok(['forget', 'ben', '--yes'], { store: moved });
    const there = left().map((name) => path.join(path.dirname(old), name));
    // Not rel's to rewrite: it cannot tell they are this journal's.
    expect(holdingBen(there).length).toBeGreaterThan(0);
    expect(out).toContain(`Beside ${old}, where a journal was`);
    expect(out).toContain(`rm '${path.join(path.dirname(old), '.j.json.backup-1')}'`);
    expect(out).not.toContain('no other copies to scrub');
  });

  it('does not claim there are no other copies when it has no way to know of earlier places', async () => {
    const { root, old, moved } = await journalAt('forget-unknown');
    fs.renameSync(old, moved);
    // The summaries that told of the old place are gone (an encrypted journal keeps none).
    fs.rmSync(path.join(root, 'state'), { recursive: true, force: true });
    const out = await ok(['forget', 'ben', '--yes'], { store: moved });
    expect(out).not.toContain('rel kept no other copies');
    expect(out).toContain('rel found no other copies beside this journal.');
    expect(out).toContain('where it was before a move rel did not see');
  });
});

describe('rel forget, another name for the journal', () => {
  it('says that a hard link still holds the person, and how to find it', async () => {
    const { root, old } = await journalAt('forget-linked');
    const link = path.join(root, 'elsewhere.json');
    fs.linkSync(old, link);
    const inode = fs.statSync(old).ino;
    const out = await ok(['forget', 'ben', '--yes'], { store: old });
    expect(SECRET.test(fs.readFileSync(link, 'utf8'))).toBe(true);
    expect(out).toContain("Another name for this journal's file (a hard link) still holds them");
    expect(out).toContain(`find / -xdev -inum ${inode}`);
    expect(out).toContain('rel forget ben-okafor --store <that file> --yes');
  });

  it('names the other name when rel kept a summary under it', async () => {
    const { root, old } = await journalAt('forget-linked-known');
    const link = path.join(root, 'other', 'j.json');
    fs.mkdirSync(path.dirname(link));
    fs.linkSync(old, link);
    await ok(['due'], { store: link });
    const out = await ok(['forget', 'ben', '--yes'], { store: old });
    expect(out).toContain(`${link} is another name for this journal's file`);
    expect(out).not.toContain('Another name for');
  });
});

describe('the record of where the journal was, under faults', () => {
  const places = (root: string) =>
    fs.existsSync(path.join(root, 'state', 'rel'))
      ? fs.readdirSync(path.join(root, 'state', 'rel')).filter((n) => n.startsWith('places-'))
      : [];

  it('not written for want of space: the change is saved, and a later forget does not claim the old place is clean', async () => {
    const { root, old, moved, left } = await journalAt('places-fail');
    fs.renameSync(old, moved);
    // This write removes the summaries that told of the old place, and cannot record it.
    const r = await rel(['add', 'Chloé Martin'], { store: moved, env: { REL_FAULT: 'places-write:fail' } });
    expect(r.code, r.stderr).toBe(0);
    expect(places(root)).toEqual([]);
    expect(await ok(['people'], { store: moved })).toContain('Chloé Martin');
    const out = await ok(['forget', 'ben', '--yes'], { store: moved });
    // rel no longer knows of the old place: it says so, and never that no copies are left.
    const there = left().map((name) => path.join(path.dirname(old), name));
    expect(holdingBen(there).length).toBeGreaterThan(0);
    expect(out).not.toContain('rel kept no other copies');
    expect(out).toContain('where it was before a move rel did not see');
  });
});
