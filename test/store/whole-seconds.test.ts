// On a file system that keeps whole seconds (ext2, HFS+, FAT, many network mounts), an edit from
// outside in the same second as rel's write leaves the journal's size and both times as they were:
// the summary rel due reads must not stand for it. The file system is played by stat: every time
// it gives is put on one whole second.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { ok, rel, tempStore } from '../helpers/run.js';

const realStat = fs.statSync;
const realFstat = fs.fstatSync;

/** Every bigint stat gives `second` (ms since 1970) for its modification and change times. */
function wholeSeconds(second: number) {
  const ns = BigInt(second) * 1_000_000n;
  const coarse = <T>(stats: T): T => {
    if (stats && typeof (stats as { mtimeNs?: unknown }).mtimeNs === 'bigint') {
      Object.assign(stats, { mtimeNs: ns, ctimeNs: ns, mtimeMs: ns / 1_000_000n, ctimeMs: ns / 1_000_000n });
    }
    return stats;
  };
  vi.spyOn(fs, 'statSync').mockImplementation(((...args: Parameters<typeof fs.statSync>) =>
    coarse(realStat(...args))) as typeof fs.statSync);
  vi.spyOn(fs, 'fstatSync').mockImplementation(((...args: Parameters<typeof fs.fstatSync>) =>
    coarse(realFstat(...args))) as typeof fs.fstatSync);
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** An edit from outside that keeps the size: Zed's last conversation moves back to January. */
function editInPlace(store: string) {
  const text = fs.readFileSync(store, 'utf8');
  const at = text.lastIndexOf('"date":"2026-11-27"');
  expect(at).toBeGreaterThan(-1);
  const fd = fs.openSync(store, 'r+');
  fs.writeSync(fd, '"date":"2026-01-02"', at);
  fs.closeSync(fd);
}

async function setUp(store: string) {
  await ok(['add', 'Zed Zero', '--cadence', 'weekly'], { store });
  await ok(['log', 'zed', '--note', 'n', '--no-input'], { store });
}

describe('the summary on a file system of whole seconds', () => {
  it('is not used for a version of the journal still in its second: an edit then is seen', async () => {
    const store = tempStore('whole-seconds');
    // Each time given is this very second (rounded up): the version is never known for its content.
    wholeSeconds(Math.ceil(Date.now() / 1000) * 1000);
    await setUp(store);
    expect(await ok(['due'], { store })).toMatch(/No one is due/);
    editInPlace(store);
    const due = await ok(['due'], { store });
    expect(due).toMatch(/Zed Zero/);
    expect(due).not.toMatch(/No one is due/);
  });

  it('is used once the second of the version was over before it was seen', async () => {
    const store = tempStore('whole-seconds-past');
    await setUp(store);
    // The journal's times are a minute back, whole seconds: rel due keys its summary to them.
    wholeSeconds(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const read = vi.spyOn(Store.prototype, 'read');
    await ok(['due'], { store });
    expect(read).toHaveBeenCalled();
    read.mockClear();
    const due = await rel(['due'], { store });
    expect(due.stdout).toMatch(/No one is due/);
    expect(read).not.toHaveBeenCalled();
    const state = path.join(path.dirname(path.dirname(store)), 'state', 'rel');
    expect(fs.readdirSync(state).filter((f) => f.startsWith('due-'))).toHaveLength(1);
  });
});
