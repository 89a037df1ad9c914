// rel merge says only what moved, each in its number.
import { expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

it('rel merge names only what moved, singular or plural as it is', async () => {
  const store = tempStore('merge-wording');
  await ok(['add', 'Zoë Martin'], { store });
  await ok(['add', 'Z. Martin'], { store });
  await ok(['ambition', 'z. martin', 'Lead the platform team'], { store });
  const one = await ok(['merge', 'zoë martin', 'z. martin'], { store });
  expect(one).toContain('moved 1 ambition, skill or note.');
  expect(one).not.toContain('0 conversations');
  await ok(['add', 'Sam Lee'], { store });
  await ok(['add', 'Samuel Lee'], { store });
  expect(await ok(['merge', 'sam lee', 'samuel lee'], { store })).toContain('moved nothing.');
});
