// rel ambition, rel ask and rel done ask which record is meant, then write: when another rel
// removes that record (or the person) between the choice and the write, the command says so,
// exits 2, and leaves the journal as the other rel left it.
import { describe, expect, it } from 'vitest';
import { ok as okElsewhere } from '../helpers/rel.js';
import { bytesOf, Meanwhile, ok, readJson, rel, tempStore } from '../helpers/run.js';

async function journal() {
  const store = tempStore('removed-while-choosing');
  const o = { store, now: '2026-12-02T10:00:00' };
  await ok(['add', 'Ana Silva'], o);
  await ok(['ambition', 'ana', 'Lead a team within two years'], o);
  await ok(['ambition', 'ana', 'Speak at a conference'], o);
  await ok(['ask', 'ana', 'How did the move go?'], o);
  await ok(['ask', 'ana', 'How was the band gig?'], o);
  await ok(['todo', 'add', 'ana', 'Send the promotion doc'], o);
  await ok(['todo', 'add', 'ana', 'Book the room'], o);
  return o;
}

/** Runs rel with this answer, another rel running `elsewhere` once it is given. */
async function chosenWhile(
  o: { store: string; now: string },
  args: string[],
  answer: string,
  elsewhere: string[],
) {
  let after: Buffer | null = null;
  const r = await rel(args, {
    ...o,
    answers: [
      new Meanwhile(answer, () => {
        okElsewhere(elsewhere, o);
        after = bytesOf(o.store);
      }),
    ],
  });
  expect(after, 'the other rel ran').not.toBeNull();
  return { ...r, unchanged: bytesOf(o.store)!.equals(after!) };
}

describe('the record chosen is removed by another rel before the write', () => {
  it('rel ambition done: the ambition taken back meanwhile', async () => {
    const o = await journal();
    // Added last, so that rel undo elsewhere takes it back.
    await ok(['ambition', 'ana', 'Run the design guild'], o);
    const r = await chosenWhile(o, ['ambition', 'done', 'ana'], 'Run the design guild', ['undo']);
    expect(r.asked[0]!.message).toBe('Which active ambition of Ana Silva?');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rel: That ambition was removed while you were choosing; nothing changed.\n');
    expect(r.unchanged).toBe(true);
  });

  it('rel ambition step: the ambition taken back meanwhile', async () => {
    const o = await journal();
    await ok(['ambition', 'ana', 'Run the design guild'], o);
    const r = await chosenWhile(
      o,
      ['ambition', 'step', 'ana', 'Ran the first guild meeting'],
      'Run the design guild',
      ['undo'],
    );
    expect(r.asked[0]!.message).toBe('Which active ambition of Ana Silva?');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rel: That ambition was removed while you were choosing; nothing changed.\n');
    expect(r.unchanged).toBe(true);
  });

  it('rel ambition done: the person forgotten meanwhile', async () => {
    const o = await journal();
    const r = await chosenWhile(o, ['ambition', 'done', 'ana'], 'Speak at a conference', [
      'forget',
      'ana',
      '--yes',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rel: Ana Silva is no longer in the journal; nothing was saved.\n');
    expect(r.unchanged).toBe(true);
  });

  it('rel ask done: the note taken back meanwhile', async () => {
    const o = await journal();
    await ok(['ask', 'ana', 'Did the offer come through?'], o);
    const r = await chosenWhile(o, ['ask', 'done', 'ana'], 'Did the offer come through?', ['undo']);
    expect(r.asked[0]!.message).toBe('Which open "ask next time" note of Ana Silva?');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rel: That note was removed while you were choosing; nothing changed.\n');
    expect(r.unchanged).toBe(true);
  });

  it('rel ask done: the person forgotten meanwhile', async () => {
    const o = await journal();
    const r = await chosenWhile(o, ['ask', 'done', 'ana'], 'How was the band gig?', [
      'forget',
      'ana',
      '--yes',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rel: Ana Silva is no longer in the journal; nothing was saved.\n');
    expect(r.unchanged).toBe(true);
  });

  it('rel done: the follow-up deleted meanwhile, from the search or from words that fit several', async () => {
    const o = await journal();
    const id = readJson(o.store).followUps.find((f: { text: string }) => f.text === 'Book the room').id;
    const searched = await chosenWhile(o, ['done'], 'room', ['todo', 'delete', id]);
    expect(searched.asked[0]!.message).toBe('Which follow-up is done? (type to search)');
    expect(searched.code).toBe(2);
    expect(searched.stderr).toBe('rel: That follow-up was removed meanwhile; nothing changed.\n');
    expect(searched.unchanged).toBe(true);

    await ok(['todo', 'add', 'ana', 'Send the offsite doc'], o);
    const sent = readJson(o.store).followUps.find(
      (f: { text: string }) => f.text === 'Send the offsite doc',
    ).id;
    const picked = await chosenWhile(o, ['done', 'send'], 'Send the offsite doc', ['todo', 'delete', sent]);
    expect(picked.asked[0]!.message).toBe('"send" fits several. Which one?');
    expect(picked.code).toBe(2);
    expect(picked.stderr).toBe('rel: That follow-up was removed meanwhile; nothing changed.\n');
    expect(picked.unchanged).toBe(true);
  });
});
