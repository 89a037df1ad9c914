import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/ui/io.js';
import { progressBar } from '../../src/ui/progress.js';

const io = (stderrIsTTY: boolean) => ({ stderrIsTTY }) as Io;

describe('the import progress bar', () => {
  it('is drawn only when stderr is a terminal', () => {
    expect(progressBar(io(false), 'x')).toBeUndefined();
    expect(progressBar(io(true), 'x')).toBeDefined();
  });

  it('redraws when the percentage moves, and erases itself at the end', () => {
    const written: string[] = [];
    const bar = progressBar(io(true), 'Importing a.vcf', 10, (t) => written.push(t))!;
    for (let done = 1; done <= 1000; done++) bar(done, 1000);
    expect(written).toHaveLength(101 + 1); // 0% to 100%, then the erase
    expect(written[0]).toBe(`\rImporting a.vcf [${'-'.repeat(30)}] 0%`);
    expect(written[50]).toBe(`\rImporting a.vcf [${'#'.repeat(15)}${'-'.repeat(15)}] 50%`);
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays quiet for small imports', () => {
    const written: string[] = [];
    const bar = progressBar(io(true), 'x', 500, (t) => written.push(t))!;
    for (let done = 1; done <= 499; done++) bar(done, 499);
    expect(written).toEqual([]);
  });
});
